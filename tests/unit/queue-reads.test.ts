/** The queue screen's reads: the order of what waits from the index alone, and rows only for the part in view. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { AgentDeskDb } from '@core/db/schema';
import { compareQueueItems } from '@core/routing';
import { applyPulledPage } from '@core/sync/local';
import type { Actor } from '@core/sync/mutations';
import type { Change } from '@core/sync/protocol';
import { QUEUE_PAGE, idsInView, readQueueOrder, readQueueRows } from '../../renderer/src/screens/queue/queueReads';
import { T0, contact, customer, queues, waiting } from '../helpers/world';

const ava: Actor = { userId: 'usr_ava', role: 'agent', teamIds: ['team_care'] };
const put = (entity: Change['entity'], row: { id: string }, version: number): Change => ({ op: 'put', entity, id: row.id, version, row });

describe('the queue read in queue order', () => {
  it('lists the waiting items of the given queues in the order routing takes them, without the others', async () => {
    const db = new AgentDeskDb('queue-reads', { indexedDB: new IDBFactory(), IDBKeyRange });
    const [first, second] = queues;
    // Priorities, SLAs and arrival times that interleave across two queues, ties included.
    const items = Array.from({ length: 120 }, (_, i) => {
      const row = contact(`con_${String(i).padStart(3, '0')}`, `cus_${i % 7}`, T0 + (i % 11) * 1000);
      const item = { ...waiting(row, (i % 3 === 0 ? second : first)!.id), priority: 1 + (i % 5), slaDueAt: T0 + (i % 4) * 60_000, enqueuedAt: T0 + (i % 6) * 1000 };
      return { row, item };
    });
    const taken = { ...items[5]!.item, state: 'claimed' as const, assigneeId: 'usr_ava', claimedAt: T0 };
    const otherTeam = { ...waiting(contact('con_other', 'cus_1', T0), 'queue_elsewhere'), priority: 1 };
    await applyPulledPage(db, ava, {
      hubId: 'h',
      cursor: 1,
      lastMutationId: 0,
      changes: [
        ...Array.from({ length: 7 }, (_, n) => put('customer', customer(n), 1)),
        ...queues.map((queue) => put('queue', queue, 1)),
        ...items.map(({ row }) => put('contact', row, 1)),
        ...items.map(({ item }) => put('queueItem', item.id === taken.id ? taken : item, 1)),
        put('queueItem', otherTeam, 1),
      ],
      rejected: [],
    });

    const order = await readQueueOrder(db, [first!.id, second!.id]);
    const expected = items
      .map(({ item }) => item)
      .filter((item) => item.id !== taken.id)
      .sort(compareQueueItems);
    expect(order.map((entry) => entry.id)).toEqual(expected.map((item) => item.id));
    expect(order[0]).toEqual({ id: expected[0]!.id, queueId: expected[0]!.queueId, priority: 1, slaDueAt: expected[0]!.slaDueAt, enqueuedAt: expected[0]!.enqueuedAt });
    expect(await readQueueOrder(db, [second!.id])).toEqual(order.filter((entry) => entry.queueId === second!.id));

    // Rows come with who and what; a customer not on this device yet reads as the fallback.
    const shown = idsInView(order, 0, 10);
    expect(shown).toEqual(order.slice(0, QUEUE_PAGE).map((entry) => entry.id));
    const rows = await readQueueRows(db, (await db.queueItems.bulkGet(shown.slice(0, 2))).filter((item) => item !== undefined), 'Customer');
    expect(rows.map((row) => row.subject)).toEqual(shown.slice(0, 2).map((id) => `Subject ${id}`));
    expect(rows[0]!.customerName).toMatch(/^First\d Last\d$/);
    expect(rows[0]!.queue?.id).toBe(order[0]!.queueId);
    const stranger = { ...items[1]!.item, customerId: 'cus_404' };
    expect((await readQueueRows(db, [{ ...stranger, _v: 1 }], 'Customer'))[0]!.customerName).toBe('Customer');
    db.close();
  });

  it('reads rows for whole pages around the rows in view', () => {
    const order = Array.from({ length: 230 }, (_, i) => ({ id: `q${i}`, queueId: 'q', priority: 3, slaDueAt: i, enqueuedAt: i }));
    expect(idsInView(order, 0, 20)).toHaveLength(QUEUE_PAGE);
    // Scrolled across a page boundary: both pages.
    expect(idsInView(order, 45, 70)).toEqual(order.slice(0, 2 * QUEUE_PAGE).map((entry) => entry.id));
    // The end: only what there is.
    expect(idsInView(order, 210, 229)).toEqual(order.slice(200).map((entry) => entry.id));
    expect(idsInView([], 0, 20)).toEqual([]);
  });
});
