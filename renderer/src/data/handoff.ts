/** What handing a contact on needs to know: the queues, the people who work each, and their presence where this desktop holds it. */
import type { LocalRow } from '@core/db/schema';
import type { Presence } from '@core/domain/model';
import { useLive } from './hooks';

export interface HandoffDirectory {
  queues: LocalRow<'queue'>[];
  people: LocalRow<'user'>[];
  /** Presence of the people whose presence this desktop holds (a supervisor's team); others are for the hub to judge. */
  presence: ReadonlyMap<string, Presence>;
}

const EMPTY: HandoffDirectory = { queues: [], people: [], presence: new Map() };

export function useHandoffDirectory(): HandoffDirectory {
  return useLive(
    async (db) => {
      const [queues, people, presence] = await Promise.all([db.queues.toArray(), db.users.toArray(), db.presence.toArray()]);
      return {
        queues: queues.sort((a, b) => a.name.localeCompare(b.name)),
        people: people.filter((person) => !person.disabled).sort((a, b) => a.name.localeCompare(b.name)),
        presence: new Map(presence.map((row) => [row.id, row.presence])),
      };
    },
    [],
    EMPTY,
  );
}

/** A person's name as this desktop knows it. */
export function usePersonName(userId: string | null | undefined): string | null {
  return useLive(async (db) => (userId ? ((await db.users.get(userId))?.name ?? null) : null), [userId], null);
}
