/** Small helpers for forms whose values become a mutation's arguments. */
import { problemsByField as sentencesByField } from '@core/domain/problems';
import { MutationRefused } from '@core/sync/local';
import type { z } from 'zod';

/** "billing, french" → ["billing", "french"] (trimmed, no empties, no repeats). */
export function splitList(text: string): string[] {
  return [...new Set(text.split(',').map((item) => item.trim()).filter(Boolean))];
}

/** The first problem of each top-level field of a failed parse, as a sentence for showing under that field. */
export function problemsByField(error: z.ZodError): Record<string, string> {
  return sentencesByField(error);
}

/**
 * A refused change split for a form: sentences for the fields it names (to
 * show under each), and the rest for the form's own message.
 */
export function refusalByField(error: unknown): { fields: Record<string, string>; message: string | null } {
  if (!(error instanceof MutationRefused) || error.problems.length === 0) return { fields: {}, message: messageOf(error) };
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const problem of error.problems) {
    const field = problem.field.split('.')[0];
    if (field) fields[field] ??= problem.message;
    else rest.push(problem.message);
  }
  return { fields, message: rest.length ? rest.join(' ') : null };
}

export const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
