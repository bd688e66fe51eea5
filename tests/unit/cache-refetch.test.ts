/**
 * Re-fetched history (src/sync/refetch.ts): rows written only when newer than
 * the copy here and without a pending change; the eviction mark cleared; an
 * answer older than what this desktop has applied is refused as stale; the
 * next pull's rebase still lands the pending change on the hub's row.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { AgentDeskDb } from '@core/db/schema';
import { applyPulledPage, mutate, onLocalChanges, type LocalChanges } from '@core/sync/local';
import type { Actor } from '@core/sync/mutations';
import type { Change, HistoryResponse } from '@core/sync/protocol';
import { applyRefetchedHistory } from '@core/sync/refetch';
import { T0, contact, customer, queues, users } from '../helpers/world';

const ava: Actor = { userId: 'usr_ava', role: 'agent', teamIds: ['team_care'] };
const put = (entity: Change['entity'], row: { id: string }, version: number): Change => ({ op: 'put', entity, id: row.id, version, row });

let db: AgentDeskDb;
afterEach(() => db?.close());

/** Customer 1 with one contact left at version 5 (con_b) after the rest of the history (con_a, con_c) was evicted; cursor 20. */
async function evicted(): Promise<AgentDeskDb> {
  db = new AgentDeskDb(`refetch-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  const changes = [...queues.map((queue) => put('queue', queue, 1)), ...users.map((u) => put('user', u, 1)), put('customer', customer(1), 2), put('contact', contact('con_b', 'cus_1', T0, { subject: 'Kept here' }), 5)];
  await applyPulledPage(db, ava, { hubId: 'h', cursor: 20, lastMutationId: 0, changes, rejected: [] }, T0);
  await db.evictions.put({ customerId: 'cus_1', at: T0, through: T0 - 1000, rows: 2 });
  return db;
}

const answer = (head: number, changes: Change[]): HistoryResponse => ({ hubId: 'h', head, changes });

describe('re-fetched history', () => {
  it('writes rows newer than the copy here, keeps the newer copy, clears the mark and announces what it wrote', async () => {
    await evicted();
    const heard: LocalChanges[] = [];
    const off = onLocalChanges((changes) => heard.push(changes));
    const outcome = await applyRefetchedHistory(
      db,
      ['cus_1'],
      answer(20, [
        put('customer', customer(1), 2),
        put('contact', contact('con_a', 'cus_1', T0 - 2000), 3),
        put('contact', contact('con_b', 'cus_1', T0, { subject: 'Older on the hub' }), 4),
        put('contact', contact('con_c', 'cus_1', T0 - 1000), 6),
      ]),
    );
    off();
    expect(outcome).toEqual({ kind: 'applied', written: 2 });
    expect((await db.contacts.get('con_b'))!.subject).toBe('Kept here');
    expect((await db.contacts.get('con_a'))!._v).toBe(3);
    expect(await db.evictions.count()).toBe(0);
    expect(heard.flatMap((changes) => changes.touched.contact ?? []).sort()).toEqual(['con_a', 'con_c']);
  });

  it('leaves a row with a pending change alone, and the next pull lands the change on the hub copy', async () => {
    await evicted();
    await mutate(db, ava, 'customer.update', { customerId: 'cus_1', patch: { firstName: 'Renamed' } }, T0);
    const outcome = await applyRefetchedHistory(db, ['cus_1'], answer(20, [put('customer', customer(1, { lastName: 'Hub-side' }), 9)]));
    expect(outcome).toEqual({ kind: 'applied', written: 0 });
    expect(await db.customers.get('cus_1')).toMatchObject({ firstName: 'Renamed', _v: 2 });
    // The rebase restores the hub's copy under the change and replays it.
    await applyPulledPage(db, ava, { hubId: 'h', cursor: 21, lastMutationId: 0, changes: [put('customer', customer(1, { lastName: 'Hub-side' }), 9)], rejected: [] }, T0);
    expect(await db.customers.get('cus_1')).toMatchObject({ firstName: 'Renamed', lastName: 'Hub-side' });
  });

  it('refuses an answer older than what this desktop has applied (a row deleted since could come back)', async () => {
    await evicted();
    const outcome = await applyRefetchedHistory(db, ['cus_1'], answer(19, [put('contact', contact('con_a', 'cus_1', T0 - 2000), 3)]));
    expect(outcome).toEqual({ kind: 'stale' });
    expect(await db.contacts.get('con_a')).toBeUndefined();
    expect(await db.evictions.count()).toBe(1);
  });

  it("refuses another hub's rows", async () => {
    await evicted();
    expect(await applyRefetchedHistory(db, ['cus_1'], { hubId: 'other', head: 30, changes: [] })).toEqual({ kind: 'otherHub' });
    expect(await db.evictions.count()).toBe(1);
  });
});
