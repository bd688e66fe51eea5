/** Whether the signed-in person's first essentials (their queue, follow-ups, directory) are on this device yet. */
import { META, type AgentDeskDb } from '@core/db/schema';
import { useLive } from './hooks';

/**
 * True once a first page from the hub has been written here: the essentials
 * on a new device (the engine writes them before the full pull, and the hub
 * id with them), or a full pull on an earlier day. A screen whose rows and
 * readiness must agree reads this in the same live query as its rows.
 */
export async function essentialsLocal(db: AgentDeskDb): Promise<boolean> {
  const [hubId, bootstrapped] = await Promise.all([db.getMeta<string>(META.hubId), db.getMeta<boolean>(META.bootstrapped)]);
  return hubId !== undefined || bootstrapped === true;
}

/** Whether the essentials are here (null while that is being read). Until then an empty list means "not here yet", not "nothing". */
export function useEssentialsLocal(): boolean | null {
  return useLive(essentialsLocal, [], null);
}
