/** Live reads for the planner: open follow-ups with their customers, and the people they can belong to. */
import type { LocalRow } from '@core/db/schema';
import type { Customer, FollowUp, User } from '@core/domain/model';
import { useLive } from '../../data/hooks';

export interface PlannedFollowUp {
  followUp: FollowUp;
  customer: Customer | undefined;
  owner: User | undefined;
}

/** Whose follow-ups a view shows: the person's own, or (supervisors) every one they can see. */
export type OwnerFilter = { kind: 'mine' } | { kind: 'all' } | { kind: 'person'; userId: string };

/** Scheduled follow-ups, soonest due first, for the owners asked for. */
export function useOpenFollowUps(me: string | undefined, filter: OwnerFilter): PlannedFollowUp[] | null {
  const owner = filter.kind === 'mine' ? me : filter.kind === 'person' ? filter.userId : null;
  return useLive<PlannedFollowUp[] | null>(
    async (db) => {
      if (!me) return [];
      const rows = owner
        ? await db.followUps.where('[state+ownerId+dueAt]').between(['scheduled', owner, -Infinity], ['scheduled', owner, Infinity]).toArray()
        : await db.followUps.where('[state+dueAt]').between(['scheduled', -Infinity], ['scheduled', Infinity]).toArray();
      const customerIds = [...new Set(rows.map((row) => row.customerId))];
      const ownerIds = [...new Set(rows.map((row) => row.ownerId))];
      const [customers, owners] = await Promise.all([db.customers.bulkGet(customerIds), db.users.bulkGet(ownerIds)]);
      const customerById = new Map(customers.filter((c): c is LocalRow<'customer'> => !!c).map((c) => [c.id, c]));
      const ownerById = new Map(owners.filter((u): u is LocalRow<'user'> => !!u).map((u) => [u.id, u]));
      return rows.map((followUp) => ({ followUp, customer: customerById.get(followUp.customerId), owner: ownerById.get(followUp.ownerId) }));
    },
    [me, filter.kind, owner],
    null,
  );
}

/** Everyone in the directory, by name. */
export function usePeople(): User[] {
  return useLive(async (db) => (await db.users.toArray()).sort((a, b) => a.name.localeCompare(b.name)), [], []);
}

/** A customer's follow-ups, open ones first by due time, then the latest done or cancelled. */
export function useCustomerFollowUps(customerId: string): FollowUp[] | null {
  return useLive<FollowUp[] | null>(
    async (db) => {
      const rows = await db.followUps.where('customerId').equals(customerId).toArray();
      const open = rows.filter((row) => row.state === 'scheduled').sort((a, b) => a.dueAt - b.dueAt);
      const closed = rows
        .filter((row) => row.state !== 'scheduled')
        .sort((a, b) => (b.completedAt ?? b.dueAt) - (a.completedAt ?? a.dueAt))
        .slice(0, 5);
      return [...open, ...closed];
    },
    [customerId],
    null,
  );
}
