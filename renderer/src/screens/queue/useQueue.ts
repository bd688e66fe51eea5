/**
 * The agent's queue, live from the local database: what waits in their teams'
 * queues, in queue order, and what they hold. The order is read from an index
 * alone (no rows), so a backlog of thousands costs little; the rows, with who
 * and what, are read only for the part of the list in view.
 */
import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import type { Queue } from '@core/domain/model';
import type { LocalRow } from '@core/db/schema';
import { essentialsLocal } from '@core/sync/local';
import { useLive } from '../../data/hooks';
import { useLocal } from '../../data/local';
import { readQueueOrder, readQueueRows, type QueueEntry, type QueueRow } from './queueReads';

export interface QueueView {
  /** The order is read and the first essentials are here: an empty list now means nothing waits. */
  loaded: boolean;
  /** Waiting contacts in the agent's queues, in queue order. */
  waiting: QueueEntry[];
  /** Contacts the agent holds (claimed, or in wrap-up), with their rows. */
  mine: QueueRow[];
  queues: Queue[];
}

const EMPTY: QueueView = { loaded: false, waiting: [], mine: [], queues: [] };

function useSomeone(): string {
  const intl = useIntl();
  return intl.formatMessage({ id: 'queue.row.unknownCustomer', defaultMessage: 'Customer' });
}

export function useQueue(): QueueView {
  const actor = useLocal((state) => state.actor);
  const someone = useSomeone();
  const data = useLive(
    async (db) => {
      if (!actor) return null;
      // Read with the order, so the two never disagree for a render (an empty list with the essentials just in).
      if (!(await essentialsLocal(db))) return null;
      const queues = (await db.queues.toArray()).filter((queue) => actor.teamIds.includes(queue.teamId));
      const [waiting, held] = await Promise.all([readQueueOrder(db, queues.map((queue) => queue.id)), db.queueItems.where('assigneeId').equals(actor.userId).toArray()]);
      const mine = await readQueueRows(
        db,
        held.filter((item) => item.state === 'claimed' || item.state === 'wrap-up').sort((a, b) => (a.claimedAt ?? 0) - (b.claimedAt ?? 0)),
        someone,
      );
      return { waiting, mine, queues };
    },
    [actor?.userId, actor?.teamIds.join(','), someone],
    null,
  );
  return useMemo(() => (data && actor ? { loaded: true, ...data } : EMPTY), [data, actor]);
}

/** The rows of these waiting items, by id; null until first read. Rows read for an earlier view stay until the new ones are in. */
export function useQueueRows(ids: readonly string[]): ReadonlyMap<string, QueueRow> | null {
  const someone = useSomeone();
  const key = ids.join(' ');
  return useLive(
    async (db) => {
      const items = (await db.queueItems.bulkGet([...ids])).filter((item): item is LocalRow<'queueItem'> => item !== undefined);
      const rows = await readQueueRows(db, items, someone);
      return new Map(rows.map((row) => [row.item.id, row]));
    },
    // The ids, as one string: a new array with the same ids is the same view.
    [key, someone],
    null,
  );
}
