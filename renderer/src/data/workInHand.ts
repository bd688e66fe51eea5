/**
 * Whether the agent is in the middle of a contact. What interrupts the agent (reloading for a new
 * version, restarting to install an update) waits until this is false.
 */
import { useLive } from './hooks';
import { useLocal } from './local';

/** How many contacts I hold that are taken or in wrap-up (0 when signed out). */
export function useContactsInHand(): number {
  const userId = useLocal((state) => state.actor?.userId);
  return useLive(
    async (db) => {
      if (!userId) return 0;
      const mine = await db.queueItems.where('assigneeId').equals(userId).toArray();
      return mine.filter((item) => item.state === 'claimed' || item.state === 'wrap-up').length;
    },
    [userId],
    0,
  );
}

/** True while I hold a contact that is not finished. */
export function useMidContact(): boolean {
  return useContactsInHand() > 0;
}
