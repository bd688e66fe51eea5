/** The floor view's rows, read live from this supervisor's desktop; the figures that move with the clock are worked out each second. */
import { useMemo } from 'react';
import { buildFloor, type Floor } from '@core/floor';
import type { QueueItem } from '@core/domain/model';
import { useLive } from '../../data/hooks';
import { useLocal } from '../../data/local';

const OPEN_STATES = ['waiting', 'claimed', 'wrap-up'] as const;

export function useFloor(now: number): Floor & { loaded: boolean } {
  const actor = useLocal((state) => state.actor);
  const rows = useLive(
    async (db) => {
      const [users, presence, queues, ...lists] = await Promise.all([
        db.users.toArray(),
        db.presence.toArray(),
        db.queues.toArray(),
        ...OPEN_STATES.map((state) => db.queueItems.where('[state+slaDueAt]').between([state, -Infinity], [state, Infinity]).toArray()),
      ]);
      return { users, presence, queues, items: (lists as QueueItem[][]).flat() };
    },
    [],
    null,
  );
  return useMemo(() => {
    if (!rows || !actor) return { loaded: false, agents: [], queues: [], waiting: [] };
    return { loaded: true, ...buildFloor({ viewer: actor, ...rows, now }) };
  }, [rows, actor, now]);
}

/** A customer's name for a row in view (only the rows in view ask). */
export function useCustomerName(customerId: string): string | null {
  return useLive(async (db) => {
    const customer = await db.customers.get(customerId);
    return customer ? `${customer.firstName} ${customer.lastName}`.trim() : null;
  }, [customerId], null);
}
