/** Small helpers for forms whose values become a mutation's arguments. */
import type { z } from 'zod';

/** "billing, french" → ["billing", "french"] (trimmed, no empties, no repeats). */
export function splitList(text: string): string[] {
  return [...new Set(text.split(',').map((item) => item.trim()).filter(Boolean))];
}

/** The first problem of each top-level field of a failed parse, for showing under that field. */
export function problemsByField(error: z.ZodError): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '_');
    problems[key] ??= issue.message;
  }
  return problems;
}

export const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
