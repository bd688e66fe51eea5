/** Live reads of the local database for React: components re-render when the rows they read change. */
import { useEffect, useState } from 'react';
import { liveQuery } from 'dexie';
import { dequal } from 'dequal';
import type { AgentDeskDb, LocalRow, RejectionRow } from '@core/db/schema';
import { onLocalChanges } from '@core/sync/local';
import { useLocal } from './local';

/**
 * While a first sync runs, views re-read this often (and after the person's
 * own changes) instead of after every pulled page: each page rewrites whole
 * tables, and re-reading every open view for each of a hundred pages kept the
 * main thread busy for seconds.
 */
export const FIRST_SYNC_REFRESH_MS = 2000;

export function useDb(): AgentDeskDb | null {
  return useLocal((state) => state.db);
}

/** An answer, and the database it came from (another person's never shows). */
type Answer<T> = { db: AgentDeskDb } & ({ value: T } | { error: unknown });

/** The last answers of views that asked to be kept, by database and key: shown at once when the view opens again. */
const keptAnswers = new WeakMap<AgentDeskDb, Map<string, unknown>>();

/**
 * A live query against the local database. `fallback` is returned while the
 * first answer is loading and when nobody is signed in; an answer stays until
 * the next one is in (when `deps` change too).
 *
 * With `keep` (a key naming the query and its deps), the view's last answer
 * stays in memory after it closes and shows at once when it opens again,
 * while the query reads afresh: for screens people return to all day whose
 * reads grow with the backlog (the queue).
 */
export function useLive<T>(query: (db: AgentDeskDb) => Promise<T>, deps: readonly unknown[], fallback: T, keep?: string): T {
  const db = useDb();
  const firstSync = useLocal((state) => state.sync.bootstrap !== null);
  const [answer, setAnswer] = useState<Answer<T> | null>(() => {
    const kept = db && keep !== undefined ? keptAnswers.get(db) : undefined;
    return db && kept?.has(keep!) ? { db, value: kept.get(keep!) as T } : null;
  });
  useEffect(() => {
    if (!db) return;
    let open = true;
    let kept = keep === undefined ? undefined : keptAnswers.get(db);
    if (keep !== undefined && !kept) keptAnswers.set(db, (kept = new Map<string, unknown>()));
    // An answer equal to the one shown keeps it, so what renders from it does not render again
    // (a pulled page wakes every view of the tables it wrote, most of which read the same rows again).
    const show = (value: T) => {
      kept?.set(keep!, value);
      setAnswer((shown) => (shown && shown.db === db && 'value' in shown && dequal(shown.value, value) ? shown : { db, value }));
    };
    if (!firstSync) {
      const subscription = liveQuery(() => query(db)).subscribe({
        next: (value) => open && show(value),
        error: (error: unknown) => open && setAnswer({ db, error }),
      });
      return () => {
        open = false;
        subscription.unsubscribe();
      };
    }
    // Reads may overlap: only the latest one started answers.
    let latest = 0;
    const read = () => {
      const mine = (latest += 1);
      query(db).then(
        (value) => open && mine === latest && show(value),
        (error: unknown) => open && mine === latest && setAnswer({ db, error }),
      );
    };
    read();
    const timer = setInterval(read, FIRST_SYNC_REFRESH_MS);
    const stopListening = onLocalChanges(read);
    return () => {
      open = false;
      clearInterval(timer);
      stopListening();
    };
    // The caller's deps name everything the query reads besides the database.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, firstSync, keep, ...deps]);
  if (!answer || answer.db !== db) return fallback;
  if ('error' in answer) throw answer.error;
  return answer.value;
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
