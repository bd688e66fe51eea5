/**
 * A write that loses to another write (a deadlock, a serialization failure,
 * or, side by side, a row lock not granted in time: such writes lock rows in
 * whatever order their rules read them) is run again, whole and alone, before
 * its caller hears of it; other failures are not.
 */
import { describe, expect, it } from 'vitest';
import type { Queryable, Storage } from '../../hub/storage';
import { writeTransaction } from '../../hub/sync/store';

function storageFailing(codes: (string | null)[]): { storage: Storage; attempts: () => number; firstStatements: string[] } {
  let attempts = 0;
  const firstStatements: string[] = [];
  let first = true;
  const tx: Queryable = {
    query: async (sql: string) => {
      if (first) firstStatements.push(sql);
      first = false;
      return [];
    },
    exec: async () => undefined,
  };
  const storage = {
    kind: 'postgres',
    query: tx.query,
    exec: tx.exec,
    transaction: async <T>(fn: (tx: Queryable) => Promise<T>) => {
      const code = codes[attempts++] ?? null;
      first = true;
      const result = await fn(tx);
      if (code) throw Object.assign(new Error(`failed with ${code}`), { code });
      return result;
    },
  } as unknown as Storage;
  return { storage, attempts: () => attempts, firstStatements };
}

describe('a write that loses to another write', () => {
  it('is run again after a deadlock and after a serialization failure, and its result is the last run’s', async () => {
    const { storage, attempts } = storageFailing(['40P01', '40001', null]);
    let runs = 0;
    await expect(writeTransaction(storage, async () => ++runs, 'rows')).resolves.toBe(3);
    expect(attempts()).toBe(3);
  });

  it('side by side, a row lock not granted in time runs it again alone', async () => {
    const { storage, firstStatements } = storageFailing(['55P03', null]);
    await expect(writeTransaction(storage, async () => 'done', 'rows')).resolves.toBe('done');
    expect(firstStatements).toHaveLength(2);
    expect(firstStatements[0]).toContain('pg_advisory_xact_lock_shared');
    expect(firstStatements[1]).toContain('SELECT pg_advisory_xact_lock($1), pg_advisory_xact_lock($2)');
  });

  it('fails after three runs that all lost', async () => {
    const { storage, attempts } = storageFailing(['40P01', '40P01', '40P01', null]);
    await expect(writeTransaction(storage, async () => 'done', 'rows')).rejects.toMatchObject({ code: '40P01' });
    expect(attempts()).toBe(3);
  });

  it('is not run again for any other failure', async () => {
    const { storage, attempts } = storageFailing(['23505', null]);
    await expect(writeTransaction(storage, async () => 'done')).rejects.toMatchObject({ code: '23505' });
    expect(attempts()).toBe(1);
  });
});
