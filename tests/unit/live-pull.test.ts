/** A pulled page wakes only the open views whose rows it wrote, however large the page. */
// Dexie's live queries read IndexedDB from the globals, as in the browser.
import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { AgentDeskDb } from '@core/db/schema';
import { applyPulledPage, essentialsLocal } from '@core/sync/local';
import type { Actor } from '@core/sync/mutations';
import type { Change } from '@core/sync/protocol';
import { T0, contact, customer, queues, waiting } from '../helpers/world';

const ava: Actor = { userId: 'usr_ava', role: 'agent', teamIds: ['team_care'] };
const put = (entity: Change['entity'], row: { id: string }, version: number): Change => ({ op: 'put', entity, id: row.id, version, row });

/** Resolves when IndexedDB and Dexie's notifications have settled. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('a pulled page and the open views', () => {
  it('re-reads a customer history only when the page wrote to it, and the queue only when it wrote queue items', async () => {
    const db = new AgentDeskDb('live-pull');
    let version = 0;
    const page = (changes: Change[]) => applyPulledPage(db, ava, { hubId: 'h', cursor: (version += 1), lastMutationId: 0, changes, rejected: [] });
    await page([put('customer', customer(1), 1), ...queues.map((queue) => put('queue', queue, 1))]);

    const historyAnswers: number[] = [];
    const queueAnswers: number[] = [];
    const history = liveQuery(async () => (await db.contacts.where('[customerId+at]').between(['cus_1', -Infinity], ['cus_1', Infinity]).toArray()).length).subscribe((n) => historyAnswers.push(n));
    // Read as the queue reads: once the first rows are in, the waiting items (rows, not a count: Dexie re-runs a count on an index after any overwrite).
    const queue = liveQuery(async () => ((await essentialsLocal(db)) ? (await db.queueItems.where('[state+slaDueAt]').between(['waiting', -Infinity], ['waiting', Infinity]).toArray()).length : -1)).subscribe((n) => queueAnswers.push(n));
    await settle();
    expect(historyAnswers).toEqual([0]);
    expect(queueAnswers).toEqual([0]);

    // A first-sync page of another customer's history: 300 contacts, more than Dexie tracks one by one in a single bulkPut.
    const others = Array.from({ length: 300 }, (_, i) => contact(`con_other_${i}`, 'cus_2', T0 - i * 60_000));
    await page([put('customer', customer(2), 2), ...others.map((row) => put('contact', row, 2))]);
    await settle();
    expect(await db.contacts.count()).toBe(300);
    expect(historyAnswers).toEqual([0]);
    expect(queueAnswers).toEqual([0]);

    // A page with one contact of this customer among many wakes the history, and the queue only when it waits.
    const mine = contact('con_mine', 'cus_1', T0);
    const more = Array.from({ length: 120 }, (_, i) => contact(`con_more_${i}`, 'cus_2', T0 - i * 60_000 - 1));
    await page([...more.map((row) => put('contact', row, 3)), put('contact', mine, 3)]);
    await settle();
    expect(historyAnswers).toEqual([0, 1]);
    expect(queueAnswers).toEqual([0]);

    await page([put('queueItem', waiting(mine, queues[0]!.id), 4)]);
    await settle();
    expect(queueAnswers).toEqual([0, 1]);
    expect(historyAnswers).toEqual([0, 1]);

    history.unsubscribe();
    queue.unsubscribe();
    db.close();
  });
});
