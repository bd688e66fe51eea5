/**
 * A write that loses a deadlock or a serialization failure to another write
 * (writes side by side lock rows in whatever order their rules read them) is
 * run again, whole, before its caller hears of it; other failures are not.
 */
import { describe, expect, it } from 'vitest';
import type { Queryable, Storage } from '../../hub/storage';
import { writeTransaction } from '../../hub/sync/store';

function storageFailing(codes: (string | null)[]): { storage: Storage; attempts: () => number } {
  let attempts = 0;
  const tx: Queryable = { query: async () => [], exec: async () => undefined };
  const storage = {
    kind: 'postgres',
    query: tx.query,
    exec: tx.exec,
    transaction: async <T>(fn: (tx: Queryable) => Promise<T>) => {
      const code = codes[attempts++] ?? null;
      const result = await fn(tx);
      if (code) throw Object.assign(new Error(`failed with ${code}`), { code });
      return result;
    },
  } as unknown as Storage;
  return { storage, attempts: () => attempts };
}

describe('a write that loses to another write', () => {
  it('is run again after a deadlock and after a serialization failure, and its result is the last run’s', async () => {
    const { storage, attempts } = storageFailing(['40P01', '40001', null]);
    let runs = 0;
    await expect(writeTransaction(storage, async () => ++runs, 'rows')).resolves.toBe(3);
    expect(attempts()).toBe(3);
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
