/** The cache budget setting (src/sync/cache-budget.ts): what is accepted, what is said about the rest, and the default. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { AgentDeskDb, META } from '@core/db/schema';
import { englishMessage } from '@core/i18n/messages';
import { CACHE_BUDGET_DEFAULT_MB, parseCacheBudget, readCacheBudgetMb, writeCacheBudgetMb } from '@core/sync/cache-budget';

const said = (text: string) => {
  const parsed = parseCacheBudget(text);
  return parsed.ok ? parsed.mb : englishMessage(parsed.said.descriptor, parsed.said.values);
};

describe('the cache budget', () => {
  it('takes whole megabytes from 50 MB to 20 GB, typed with separators or spaces', () => {
    expect(said('50')).toBe(50);
    expect(said(' 2,048 ')).toBe(2048);
    expect(said('2.048')).toBe(2048);
    expect(said('2 048')).toBe(2048);
    expect(said('20480')).toBe(20480);
  });

  it('says what is wrong with anything else', () => {
    expect(said('49')).toBe('The budget must be between 50 MB and 20,480 MB.');
    expect(said('20481')).toBe('The budget must be between 50 MB and 20,480 MB.');
    for (const text of ['', 'lots', '-100', '1e3', '0x40', '50.5', '1,5', '2,0480']) expect(said(text)).toBe('Enter the budget as a whole number of megabytes.');
  });

  it('is kept per desktop and person in the cache, 500 MB until set, and the default when what is stored is unreadable', async () => {
    const db = new AgentDeskDb('budget', { indexedDB: new IDBFactory(), IDBKeyRange });
    expect(await readCacheBudgetMb(db)).toBe(CACHE_BUDGET_DEFAULT_MB);
    await writeCacheBudgetMb(db, 750);
    expect(await readCacheBudgetMb(db)).toBe(750);
    await expect(writeCacheBudgetMb(db, 10)).rejects.toThrow();
    expect(await readCacheBudgetMb(db)).toBe(750);
    await db.setMeta(META.cacheBudgetMb, 'a lot');
    expect(await readCacheBudgetMb(db)).toBe(CACHE_BUDGET_DEFAULT_MB);
    db.close();
  });
});
