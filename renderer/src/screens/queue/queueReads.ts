/**
 * What the queue screen reads: the order of what waits, from an index alone
 * (no rows), and rows with who and what for the part of the list in view.
 */
import { customerName, type Queue } from '@core/domain/model';
import { QUEUE_ORDER_INDEX, type AgentDeskDb, type LocalRow } from '@core/db/schema';
import { compareQueueItems, type QueueOrderFields } from '@core/routing';

export interface QueueRow {
  item: LocalRow<'queueItem'>;
  queue: Queue | undefined;
  customerName: string;
  subject: string;
  tier: 'standard' | 'gold' | 'vip';
}

/** A waiting item's place in the queue: what orders it, without the row. */
export interface QueueEntry extends QueueOrderFields {
  queueId: string;
}

/** Rows are read for whole pages of the list, so scrolling re-reads only when it crosses into another page. */
export const QUEUE_PAGE = 50;

/** The waiting items of these queues in queue order, from the index's keys (no row is read). */
export async function readQueueOrder(db: AgentDeskDb, queueIds: readonly string[]): Promise<QueueEntry[]> {
  const entries: QueueEntry[] = [];
  await Promise.all(
    queueIds.map((queueId) =>
      db.queueItems
        .where(QUEUE_ORDER_INDEX)
        .between(['waiting', queueId, -Infinity, -Infinity, -Infinity], ['waiting', queueId, Infinity, Infinity, Infinity])
        .eachKey((key, cursor) => {
          const [, , priority, slaDueAt, enqueuedAt] = key as [string, string, number, number, number];
          entries.push({ id: cursor.primaryKey, queueId, priority, slaDueAt, enqueuedAt });
        }),
    ),
  );
  return entries.sort(compareQueueItems);
}

/** Queue items with who and what: their contact's subject, their customer's name and tier, their queue. */
export async function readQueueRows(db: AgentDeskDb, items: readonly LocalRow<'queueItem'>[], someone: string): Promise<QueueRow[]> {
  const [contacts, customers, queues] = await Promise.all([
    db.contacts.bulkGet(items.map((item) => item.contactId)),
    db.customers.bulkGet([...new Set(items.map((item) => item.customerId))]),
    db.queues.toArray(),
  ]);
  const subjects = new Map(contacts.flatMap((contact) => (contact ? [[contact.id, contact.subject]] : [])));
  const people = new Map(customers.flatMap((customer) => (customer ? [[customer.id, customer]] : [])));
  const byId = new Map(queues.map((queue) => [queue.id, queue]));
  return items.map((item): QueueRow => {
    const customer = people.get(item.customerId);
    return {
      item,
      queue: byId.get(item.queueId),
      customerName: customer ? customerName(customer) : someone,
      subject: subjects.get(item.contactId) ?? '',
      tier: customer?.tier ?? 'standard',
    };
  });
}

/** The ids of the waiting items on the pages that hold rows `first` to `last` of the list. */
export function idsInView(waiting: readonly QueueEntry[], first: number, last: number): string[] {
  const from = Math.floor(Math.max(0, first) / QUEUE_PAGE) * QUEUE_PAGE;
  const to = (Math.floor(Math.max(first, last) / QUEUE_PAGE) + 1) * QUEUE_PAGE;
  return waiting.slice(from, to).map((entry) => entry.id);
}
