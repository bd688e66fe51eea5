/** Unexpected failures in a request that carries several independent pieces of work (a push's mutations, an ingested contact). */
import { isStorageUnavailable } from './errors';
import type { Queryable } from './storage';

/** Where unexpected failures are reported (Fastify's request.log fits). */
export interface FailureLog {
  error(details: object, message: string): void;
}

/** Fallback when the caller passes no logger. */
export const consoleLog: FailureLog = { error: (details, message) => console.error(message, details) };

/**
 * Failures that are not the work's own fault (connection lost, deadlock or
 * serialization failure, timeouts, resources): worth retrying, so they are
 * left to fail the request rather than refuse the work for good.
 */
export function isTransient(error: unknown): boolean {
  // A connection the pool could not hand out in time (a busy hub) or one that dropped: worth sending again.
  if (isStorageUnavailable(error)) return true;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  // SQLSTATE classes 08, 40, 53, 57 and lock_not_available; Node socket errors (ECONNRESET…).
  return /^(08|40|53|57)/.test(code) || code === '55P03' || /^E[A-Z]+$/.test(code);
}

/** Whether the database answers at all (an unexpected failure with a healthy database is the work's own). */
export async function storageAnswers(db: Queryable): Promise<boolean> {
  try {
    await db.query('SELECT 1');
    return true;
  } catch {
    return false;
  }
}

/** What is logged of a failure: never the error object itself, whose fields (pg's `where`, `detail`) may quote the data. */
export function describeFailure(error: unknown): object {
  if (!(error instanceof Error)) return { error: typeof error };
  const code = (error as { code?: unknown }).code;
  return { name: error.name, message: error.message, ...(typeof code === 'string' ? { code } : {}), stack: error.stack };
}
