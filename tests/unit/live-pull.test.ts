/** A pulled page wakes the open views of the tables it wrote, and no others. */
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
  it('leaves the queue alone while a first sync brings histories, and wakes it for a waiting item', async () => {
    const db = new AgentDeskDb('live-pull');
    let version = 0;
    const page = (changes: Change[]) => applyPulledPage(db, ava, { hubId: 'h', cursor: (version += 1), lastMutationId: 0, changes, rejected: [] });
    await page([put('customer', customer(1), 1), ...queues.map((queue) => put('queue', queue, 1))]);

    // As the queue screen reads: once the first rows are in, the waiting items.
    const answers: number[] = [];
    const queue = liveQuery(async () => ((await essentialsLocal(db)) ? (await db.queueItems.where('[state+slaDueAt]').between(['waiting', -Infinity], ['waiting', Infinity]).toArray()).length : -1)).subscribe((n) => answers.push(n));
    await settle();
    expect(answers).toEqual([0]);

    // First-sync pages of history: contacts and customers, no queue items.
    for (let n = 2; n < 5; n += 1) {
      const history = Array.from({ length: 300 }, (_, i) => contact(`con_${n}_${i}`, `cus_${n}`, T0 - i * 60_000));
      await page([put('customer', customer(n), version + 1), ...history.map((row) => put('contact', row, version + 1))]);
    }
    await settle();
    expect(await db.contacts.count()).toBe(900);
    expect(answers).toEqual([0]);

    const mine = contact('con_mine', 'cus_1', T0);
    await page([put('contact', mine, version + 1), put('queueItem', waiting(mine, queues[0]!.id), version + 1)]);
    await settle();
    expect(answers).toEqual([0, 1]);

    queue.unsubscribe();
    db.close();
  });
});
