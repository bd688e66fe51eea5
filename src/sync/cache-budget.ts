/**
 * The cache budget: how much this desktop may keep of one person's cache
 * before the oldest histories of customers out of their work are evicted
 * (src/sync/eviction.ts). Per desktop and person: it lives in the cache's own
 * `meta` table, so the browser build (no Electron settings) has it too.
 */
import { defineMessages } from '@formatjs/intl';
import { z } from 'zod';
import { META, type AgentDeskDb } from '../db/schema';
import type { Message } from '../i18n/messages';

export const CACHE_BUDGET_DEFAULT_MB = 500;
export const CACHE_BUDGET_MIN_MB = 50;
export const CACHE_BUDGET_MAX_MB = 20 * 1024;
export const MEGABYTE = 1024 * 1024;

export const CACHE_BUDGET_MESSAGES = defineMessages({
  notANumber: { id: 'sync.cacheBudget.notANumber', defaultMessage: 'Enter the budget as a whole number of megabytes.' },
  outOfRange: { id: 'sync.cacheBudget.outOfRange', defaultMessage: 'The budget must be between {min, number} MB and {max, number} MB.' },
});

/** A budget in whole megabytes, from 50 MB to 20 GB. */
export const CacheBudgetMbSchema = z.number().int().min(CACHE_BUDGET_MIN_MB).max(CACHE_BUDGET_MAX_MB);

/** Digits, or digits in groups of three (2,048 · 2.048 · 2 048): a decimal point ("50.5") is not a whole number. */
const WHOLE_NUMBER = /^(\d+|\d{1,3}([,.'’\s]\d{3})+)$/;

/** A budget as typed: megabytes, or what is wrong with it. */
export function parseCacheBudget(text: string): { ok: true; mb: number } | { ok: false; said: Message } {
  const typed = text.trim();
  if (!WHOLE_NUMBER.test(typed)) return { ok: false, said: { descriptor: CACHE_BUDGET_MESSAGES.notANumber } };
  const digits = typed.replace(/\D/g, '');
  const parsed = CacheBudgetMbSchema.safeParse(Number(digits));
  if (!parsed.success) return { ok: false, said: { descriptor: CACHE_BUDGET_MESSAGES.outOfRange, values: { min: CACHE_BUDGET_MIN_MB, max: CACHE_BUDGET_MAX_MB } } };
  return { ok: true, mb: parsed.data };
}

/** The budget this desktop keeps for this person, in megabytes (the default when never set or unreadable). */
export async function readCacheBudgetMb(db: AgentDeskDb): Promise<number> {
  const parsed = CacheBudgetMbSchema.safeParse(await db.getMeta<unknown>(META.cacheBudgetMb));
  return parsed.success ? parsed.data : CACHE_BUDGET_DEFAULT_MB;
}

export async function writeCacheBudgetMb(db: AgentDeskDb, mb: number): Promise<void> {
  await db.setMeta(META.cacheBudgetMb, CacheBudgetMbSchema.parse(mb));
}
