/** The agent's queue, live from the local database: their teams' open contacts, in queue order, with who and what. */
import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { customerName, type Queue } from '@core/domain/model';
import type { LocalRow } from '@core/db/schema';
import { compareQueueItems } from '@core/routing';
import { essentialsLocal } from '@core/sync/local';
import { useLive } from '../../data/hooks';
import { useLocal } from '../../data/local';

export interface QueueRow {
  item: LocalRow<'queueItem'>;
  queue: Queue | undefined;
  customerName: string;
  subject: string;
  tier: 'standard' | 'gold' | 'vip';
}

export interface QueueView {
  /** The rows are read and the first essentials are here: an empty list now means nothing waits. */
  loaded: boolean;
  /** Waiting contacts in the agent's queues, in queue order. */
  waiting: QueueRow[];
  /** Contacts the agent holds (claimed, or in wrap-up). */
  mine: QueueRow[];
  queues: Queue[];
}

const EMPTY: QueueView = { loaded: false, waiting: [], mine: [], queues: [] };

export function useQueue(): QueueView {
  const actor = useLocal((state) => state.actor);
  const intl = useIntl();
  const someone = intl.formatMessage({ id: 'queue.row.unknownCustomer', defaultMessage: 'Customer' });
  const teams = actor?.teamIds.join(',');
  const data = useLive(
    async (db) => {
      if (!actor) return null;
      // Read with the rows, so the two never disagree for a render (an empty list with the essentials just in).
      if (!(await essentialsLocal(db))) return null;
      const every = await db.queues.toArray();
      const queues = every.filter((queue) => actor.teamIds.includes(queue.teamId));
      const queueIds = new Set(queues.map((queue) => queue.id));
      const [waiting, mine] = await Promise.all([
        db.queueItems.where('[state+slaDueAt]').between(['waiting', -Infinity], ['waiting', Infinity]).toArray(),
        db.queueItems.where('assigneeId').equals(actor.userId).toArray(),
      ]);
      const items = [...waiting.filter((item) => queueIds.has(item.queueId)), ...mine.filter((item) => item.state === 'claimed' || item.state === 'wrap-up')];
      const [contacts, customers] = await Promise.all([
        db.contacts.bulkGet(items.map((item) => item.contactId)),
        db.customers.bulkGet([...new Set(items.map((item) => item.customerId))]),
      ]);
      const subjects = new Map(contacts.flatMap((contact) => (contact ? [[contact.id, contact.subject]] : [])));
      const people = new Map(customers.flatMap((customer) => (customer ? [[customer.id, customer]] : [])));
      const allQueues = new Map(every.map((queue) => [queue.id, queue]));
      const rows = items.map((item): QueueRow => {
        const customer = people.get(item.customerId);
        return {
          item,
          queue: allQueues.get(item.queueId),
          customerName: customer ? customerName(customer) : someone,
          subject: subjects.get(item.contactId) ?? '',
          tier: customer?.tier ?? 'standard',
        };
      });
      // Sorted with the read (the order does not depend on the clock), so a kept answer is ready to show.
      return {
        waiting: rows.filter((row) => row.item.state === 'waiting').sort((a, b) => compareQueueItems(a.item, b.item)),
        mine: rows.filter((row) => row.item.state !== 'waiting').sort((a, b) => (a.item.claimedAt ?? 0) - (b.item.claimedAt ?? 0)),
        queues,
      };
    },
    [actor?.userId, teams, someone],
    null,
    // Kept while the agent is on other screens: coming back shows the queue at once, whatever its length.
    `queue:${actor?.userId}:${teams}:${someone}`,
  );
  return useMemo(() => (data && actor ? { loaded: true, ...data } : EMPTY), [data, actor]);
}
