/**
 * Hands the host what waits for the agent: contacts offered to them and their overdue follow-ups.
 * The desktop shows it in the tray and on the taskbar/dock badge, an installed web app on its icon.
 */
import { useEffect } from 'react';
import { NO_BADGE, overdueFollowUpCount, type BadgeCounts } from '@core/tray';
import { bridge } from '../bridge';
import { useLive } from '../data/hooks';
import { useLocal } from '../data/local';
import { useLiveOffers } from '../data/offers';
import { useNow } from '../data/useNow';

/** Mount once, while signed in; signing out clears the badge. */
export function useHostBadge(): void {
  const userId = useLocal((state) => state.actor?.userId) ?? null;
  const now = useNow();
  const offers = useLiveOffers(now).length;
  // Every follow-up still to do; which are overdue is decided against the ticking clock below.
  const scheduled = useLive(
    async (db) =>
      userId
        ? db.followUps
            .where('[ownerId+dueAt]')
            .between([userId, -Infinity], [userId, Infinity])
            .and((followUp) => followUp.state === 'scheduled')
            .toArray()
        : [],
    [userId],
    [],
  );
  const overdueFollowUps = overdueFollowUpCount(scheduled, now);

  useEffect(() => {
    const counts: BadgeCounts = { offers, overdueFollowUps };
    void bridge.setBadge(counts).catch(() => undefined);
  }, [offers, overdueFollowUps]);

  useEffect(
    () => () => {
      void bridge.setBadge(NO_BADGE).catch(() => undefined);
    },
    [],
  );
}
