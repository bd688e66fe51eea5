/**
 * Eviction (src/sync/eviction.ts): who is out of my work, oldest first; the
 * budget's arithmetic; enough rows evicted once per pass, in batches; pending
 * changes, drafts and my work never evicted; the customer row kept and the
 * eviction marked; every deleted row announced.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { AgentDeskDb } from '@core/db/schema';
import { newFollowUp, type QueueItem } from '@core/domain/model';
import { bytesToFree, customersInMyWork, evictCustomers, evictionCandidates, rowsToEvict, runEvictionPass, sampledRowBytes } from '@core/sync/eviction';
import { applyPulledPage, mutate, onLocalChanges, type LocalChanges } from '@core/sync/local';
import type { Actor } from '@core/sync/mutations';
import type { Change } from '@core/sync/protocol';
import { applyRefetchedHistory } from '@core/sync/refetch';
import { T0, contact, customer, queues, users, waiting } from '../helpers/world';

const ava: Actor = { userId: 'usr_ava', role: 'agent', teamIds: ['team_care'] };
const DAY = 86_400_000;
const put = (entity: Change['entity'], row: { id: string } & Record<string, unknown>, version = 1): Change => ({ op: 'put', entity, id: row.id, version, row });

let db: AgentDeskDb;
afterEach(() => db?.close());

/** Three contacts of customer n, the latest `daysAgo` before T0. */
function history(n: number, daysAgo: number): Change[] {
  return [0, 1, 2].map((i) => put('contact', contact(`con_${n}_${i}`, `cus_${n}`, T0 - daysAgo * DAY - i * 3_600_000, { queueId: 'q_care' })));
}

function item(n: number, patch: Partial<QueueItem>): Change {
  return put('queueItem', { ...waiting(contact(`con_${n}_0`, `cus_${n}`, T0 - DAY), 'q_care'), id: `qi_${n}`, ...patch });
}

/**
 * cus_1 (oldest) and cus_2 are out of my work; cus_9 too, with a finished queue item, a survey and a done follow-up.
 * In my work: cus_3 waits in a queue, cus_4 has my open follow-up, cus_5 a change of mine pending,
 * cus_6 a draft here, cus_8 is offered to me, cus_10 assigned to me. cus_7 is claimed by Ben: out of my work,
 * but the contact he holds stays.
 */
async function cache(): Promise<AgentDeskDb> {
  db = new AgentDeskDb(`evict-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  const changes: Change[] = [...queues.map((queue) => put('queue', queue)), ...users.map((u) => put('user', u))];
  const age: Record<number, number> = { 1: 30, 2: 10, 3: 40, 4: 40, 5: 40, 6: 40, 7: 20, 8: 40, 9: 25, 10: 40 };
  for (const [n, days] of Object.entries(age)) changes.push(put('customer', customer(Number(n))), ...history(Number(n), days));
  changes.push(
    item(3, {}),
    put('followUp', newFollowUp({ id: 'fu_4', customerId: 'cus_4', kind: 'callback', channel: 'call', dueAt: T0 + DAY, ownerId: 'usr_ava', createdAt: T0, createdBy: 'usr_ava' })),
    item(7, { state: 'claimed', assigneeId: 'usr_ben', claimedAt: T0 }),
    item(8, { offeredTo: 'usr_ava', offeredAt: T0 }),
    item(10, { state: 'wrap-up', assigneeId: 'usr_ava', claimedAt: T0 }),
    item(9, { state: 'done', assigneeId: 'usr_ben', claimedAt: T0 - 25 * DAY, doneAt: T0 - 25 * DAY }),
    put('survey', { id: 'sv_9', contactId: 'con_9_0', customerId: 'cus_9', agentId: 'usr_ben', status: 'answered', csat: 5, nps: 9, comment: '', at: T0 - 25 * DAY }),
    put('followUp', { ...newFollowUp({ id: 'fu_9', customerId: 'cus_9', kind: 'callback', channel: 'call', dueAt: T0 - 24 * DAY, ownerId: 'usr_ava', createdAt: T0 - 25 * DAY, createdBy: 'usr_ava' }), state: 'done', completedAt: T0 - 24 * DAY, completedBy: 'usr_ava', outcome: 'reached' }),
  );
  await applyPulledPage(db, ava, { hubId: 'h', cursor: 10, lastMutationId: 0, changes, rejected: [] }, T0);
  await mutate(db, ava, 'contact.addNote', { id: 'note_5', customerId: 'cus_5', body: 'Pending on this desktop.' }, T0);
  await db.drafts.put({ key: 'reply:con_6_0', contactId: 'con_6_0', value: 'Half a reply', at: T0 });
  return db;
}

describe('who is out of my work', () => {
  it('leaves out queued, offered, assigned, followed-up, pending and drafted customers, oldest latest entry first', async () => {
    await cache();
    expect([...(await customersInMyWork(db, 'usr_ava'))].sort()).toEqual(['cus_10', 'cus_3', 'cus_4', 'cus_5', 'cus_6', 'cus_8']);
    const candidates = await evictionCandidates(db, 'usr_ava');
    expect(candidates.map((candidate) => candidate.customerId)).toEqual(['cus_1', 'cus_9', 'cus_7', 'cus_2']);
    expect(candidates[0]).toEqual({ customerId: 'cus_1', latestAt: T0 - 30 * DAY, contacts: 3 });
    // Read a few index keys at a time (as a large cache is), the answer is the same.
    expect(await evictionCandidates(db, 'usr_ava', T0, 4)).toEqual(candidates);
  });

  it('counts a note drafted on the customer screen, and a customer a queued change names', async () => {
    await cache();
    await db.drafts.put({ key: 'note:cus_1:', contactId: null, value: 'A note', at: T0 });
    await db.outbox.add({ id: 99, name: 'followUp.schedule', args: { id: 'fu_x', customerId: 'cus_2' }, at: T0 });
    const inWork = await customersInMyWork(db, 'usr_ava');
    expect(inWork.has('cus_1')).toBe(true);
    expect(inWork.has('cus_2')).toBe(true);
  });

  it('leaves a customer whose history was fetched back for a day, as they were just opened', async () => {
    await cache();
    await applyRefetchedHistory(db, ['cus_1'], { hubId: 'h', head: 10, changes: [] }, T0);
    const ids = async (now: number) => (await evictionCandidates(db, 'usr_ava', now)).map((candidate) => candidate.customerId);
    expect(await ids(T0 + 3_600_000)).toEqual(['cus_9', 'cus_7', 'cus_2']);
    expect(await ids(T0 + DAY + 1)).toEqual(['cus_1', 'cus_9', 'cus_7', 'cus_2']);
  });
});

describe('the budget', () => {
  it('frees nothing within the budget and down to 90 % of it beyond', () => {
    expect(bytesToFree(500, 500)).toBe(0);
    expect(bytesToFree(1_000, 800)).toBe(280);
    expect(rowsToEvict(280, 100)).toBe(3);
    expect(rowsToEvict(0, 100)).toBe(0);
  });

  it('estimates a row from a sample of contacts', async () => {
    await cache();
    const bytes = await sampledRowBytes(db);
    const one = JSON.stringify(await db.contacts.get('con_1_0')).length;
    expect(bytes).toBeGreaterThan(one);
    expect(bytes).toBeLessThan(one * 2);
  });
});

describe('an eviction pass', () => {
  const estimator = (usage: number | null) => ({ usage: async () => usage, bytesPerRow: async () => 100 });

  it('does nothing within the budget, or when the usage is unknown', async () => {
    await cache();
    for (const usage of [800, null]) expect((await runEvictionPass(db, { userId: 'usr_ava', budgetBytes: 800, estimator: estimator(usage), now: () => T0 })).rows).toBe(0);
    expect(await db.evictions.count()).toBe(0);
  });

  it('evicts the oldest customer out of my work once, keeps the customer and marks them, and announces every row', async () => {
    await cache();
    const heard: LocalChanges[] = [];
    const off = onLocalChanges((changes) => heard.push(changes));
    // 280 bytes over 90 % of the budget at 100 bytes a row: three rows, i.e. cus_1's three contacts.
    const report = await runEvictionPass(db, { userId: 'usr_ava', budgetBytes: 800, estimator: estimator(1_000), now: () => T0 });
    off();
    expect(report).toMatchObject({ wanted: 3, customers: 1, rows: 3, bytesPerRow: 100 });
    expect(await db.contacts.where('[customerId+at]').between(['cus_1', -Infinity], ['cus_1', Infinity]).count()).toBe(0);
    expect(await db.customers.get('cus_1')).toBeDefined();
    expect(await db.evictions.get('cus_1')).toEqual({ customerId: 'cus_1', at: T0, through: T0 - 30 * DAY, rows: 3 });
    expect(heard.flatMap((changes) => changes.touched.contact ?? []).sort()).toEqual(['con_1_0', 'con_1_1', 'con_1_2']);
    // Everyone else's history is still here.
    expect(await db.contacts.count()).toBe(28);
  });

  it('takes finished queue items, surveys and follow-ups with the contacts, and keeps what a colleague still holds', async () => {
    await cache();
    const pauses: number[] = [];
    const report = await runEvictionPass(db, {
      userId: 'usr_ava',
      budgetBytes: 1_000,
      estimator: estimator(10_000),
      now: () => T0,
      batchRows: 3,
      pause: async () => void pauses.push(await db.evictions.count()),
    });
    // Four customers out of my work, one batch each (three contacts a batch), a pause between batches.
    expect(report.customers).toBe(4);
    expect(pauses).toEqual([1, 2, 3]);
    expect(await db.queueItems.get('qi_9')).toBeUndefined();
    expect(await db.surveys.get('sv_9')).toBeUndefined();
    expect(await db.followUps.get('fu_9')).toBeUndefined();
    // Ben's claimed contact stays with its item; the rest of that customer's history goes.
    expect(await db.queueItems.get('qi_7')).toBeDefined();
    expect((await db.contacts.where('[customerId+at]').between(['cus_7', -Infinity], ['cus_7', Infinity]).toArray()).map((row) => row.id)).toEqual(['con_7_0']);
    // Nothing in my work was touched.
    for (const n of [3, 4, 5, 6, 8, 10]) expect(await db.contacts.where('[customerId+at]').between([`cus_${n}`, -Infinity], [`cus_${n}`, Infinity]).count()).toBeGreaterThanOrEqual(3);
    expect(await db.contacts.get('note_5')).toBeDefined();
    expect(await db.outbox.count()).toBe(1);
  });

  it('never evicts a customer whose change became pending after they were chosen', async () => {
    await cache();
    const [oldest] = await evictionCandidates(db, 'usr_ava');
    expect(oldest!.customerId).toBe('cus_1');
    await mutate(db, ava, 'contact.addNote', { id: 'note_1', customerId: 'cus_1', body: 'Written just now.' }, T0);
    expect(await evictCustomers(db, 'usr_ava', ['cus_1', 'cus_2'], T0)).toEqual({ customers: 1, rows: 3 });
    expect(await db.contacts.where('[customerId+at]').between(['cus_1', -Infinity], ['cus_1', Infinity]).count()).toBe(4);
    expect(await db.evictions.get('cus_1')).toBeUndefined();
    expect(await db.evictions.get('cus_2')).toBeDefined();
  });
});
