import type { FastifyError, FastifyInstance } from 'fastify';
import { ZodError } from 'zod';
import { describeZodError } from '@core/bridge';
import type { ApiError } from '@core/hub-api';

/** An error whose message is meant for the caller, with its HTTP status. */
export class HttpError extends Error {
  /** Sent as Retry-After: how long the caller should wait before trying again. */
  retryAfterSeconds?: number;
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Seconds a caller is asked to wait when the database cannot be reached. */
export const STORAGE_RETRY_AFTER_SECONDS = 5;

/** The database cannot be reached just now (outage, restart, failover): 503, worth retrying. */
export class StorageUnavailableError extends HttpError {
  override readonly retryAfterSeconds = STORAGE_RETRY_AFTER_SECONDS;
  constructor(message = 'The hub cannot reach its database just now; try again in a few seconds.') {
    super(503, 'storage_unavailable', message);
  }
}

/** Node socket errors and PostgreSQL SQLSTATEs that mean "no usable connection", not "bad query". */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN',
  // 08: connection exceptions; 57P01–57P03, 57P05: shutdown, crash, starting up, idle timeout; 53300: too many connections.
  '08000', '08001', '08003', '08004', '08006', '08007', '57P01', '57P02', '57P03', '57P05', '53300',
]);
/** pg and pg-pool raise these as plain Errors without a code. */
const CONNECTION_MESSAGES = /Connection terminated|not queryable|timeout exceeded when trying to connect/;

/** Whether `error` (or what caused it) says the database connection failed rather than the request. */
export function isStorageUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth += 1) {
    if (e instanceof StorageUnavailableError) return true;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
    if (CONNECTION_MESSAGES.test(e.message)) return true;
  }
  return false;
}

export function errorBody(statusCode: number, message: string, error?: string): ApiError {
  return { statusCode, error: error ?? REASONS[statusCode] ?? 'Error', message };
}

/**
 * Every failure answers with `{statusCode, error, message}`. Bad input is a
 * 4xx with a message that says what was wrong, never a 500.
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError | ZodError | Error, request, reply) => {
    if (error instanceof ZodError) {
      return reply.code(400).send(errorBody(400, `Invalid request: ${describeZodError(error)}`));
    }
    const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
    // Only for what would be a 500: a client's own aborted upload (ECONNRESET, 400) stays a 4xx.
    if (status >= 500 && isStorageUnavailable(error)) {
      // Logged without the error object: a pg error can carry its client, and with it the connection settings.
      request.log.warn(`database unavailable: ${error.message || error.name}`);
      const unavailable = error instanceof StorageUnavailableError ? error : new StorageUnavailableError();
      void reply.header('Retry-After', String(unavailable.retryAfterSeconds));
      return reply.code(503).send(errorBody(503, unavailable.message, unavailable.code));
    }
    if (error instanceof HttpError) {
      if (error.retryAfterSeconds !== undefined) void reply.header('Retry-After', String(error.retryAfterSeconds));
      return reply.code(error.statusCode).send(errorBody(error.statusCode, error.message, error.code));
    }
    if (status >= 400 && status < 500) {
      // @fastify/rate-limit throws its answer (already in this shape, with Retry-After set).
      const reason = 'error' in error && typeof error.error === 'string' ? error.error : undefined;
      return reply.code(status).send(errorBody(status, error.message, reason));
    }
    request.log.error({ err: error }, 'request failed');
    return reply.code(500).send(errorBody(500, 'The hub failed to handle this request; it has been logged.'));
  });
}
