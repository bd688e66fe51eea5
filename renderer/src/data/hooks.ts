/** Live reads of the local database for React: components re-render when the rows they read change. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { AgentDeskDb, LocalRow, RejectionRow } from '@core/db/schema';
import { useLocal } from './local';

export function useDb(): AgentDeskDb | null {
  return useLocal((state) => state.db);
}

/**
 * A live query against the local database. `fallback` is returned while the
 * first answer is loading and when nobody is signed in.
 */
export function useLive<T>(query: (db: AgentDeskDb) => Promise<T>, deps: readonly unknown[], fallback: T): T {
  const db = useDb();
  return useLiveQuery(() => (db ? query(db) : Promise.resolve(fallback)), [db, ...deps], fallback);
}

/** The signed-in person's own directory row. */
export function useMe(): LocalRow<'user'> | undefined {
  const userId = useLocal((state) => state.actor?.userId);
  return useLive((db) => (userId ? db.users.get(userId) : Promise.resolve(undefined)), [userId], undefined);
}

/** The signed-in person's presence row (undefined until it has synced). */
export function useMyPresence(): LocalRow<'presence'> | undefined {
  const userId = useLocal((state) => state.actor?.userId);
  return useLive((db) => (userId ? db.presence.get(userId) : Promise.resolve(undefined)), [userId], undefined);
}

/** How many changes are waiting to reach the hub. */
export function usePendingCount(): number {
  return useLive((db) => db.outbox.count(), [], 0);
}

/** Changes the hub refused, newest first, until the person dismisses them. */
export function useRejections(): RejectionRow[] {
  return useLive((db) => db.rejections.orderBy('id').reverse().toArray(), [], []);
}
