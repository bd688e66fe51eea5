/** Whether the signed-in person's first essentials (their queue, follow-ups, directory) are on this device yet. */
import { essentialsLocal } from '@core/sync/local';
import { useLive } from './hooks';

/** Whether the essentials are here (null while that is being read). Until then an empty list means "not here yet", not "nothing". */
export function useEssentialsLocal(): boolean | null {
  return useLive(essentialsLocal, [], null);
}
