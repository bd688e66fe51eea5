/** Contacts offered to this agent right now, and which of them the agent has already seen. */
import { create } from 'zustand';
import { customerName } from '@core/domain/model';
import type { LocalRow } from '@core/db/schema';
import { OFFER_TTL_MS } from '@core/sync/mutations';
import { useLive } from './hooks';
import { useLocal } from './local';

export interface LiveOffer {
  item: LocalRow<'queueItem'>;
  /** Null when the customer's record has not reached this device. */
  customerName: string | null;
  subject: string;
}

/** Every waiting contact offered to me, whether or not its 30 s have run out (the caller's clock decides). */
export function useOffersToMe(): LiveOffer[] {
  const userId = useLocal((state) => state.actor?.userId);
  return useLive(
    async (db) => {
      if (!userId) return [];
      const offered = await db.queueItems.where('[offeredTo+state]').equals([userId, 'waiting']).toArray();
      const mine = offered.filter((item) => item.offeredAt !== null);
      return Promise.all(
        mine.map(async (item) => {
          const [customer, contact] = await Promise.all([db.customers.get(item.customerId), db.contacts.get(item.contactId)]);
          return { item, customerName: customer ? customerName(customer) : null, subject: contact?.subject ?? '' };
        }),
      );
    },
    [userId],
    [],
  );
}

/** The offers still open at `now`, oldest offer first. */
export function useLiveOffers(now: number): LiveOffer[] {
  return useOffersToMe()
    .filter((offer) => now - offer.item.offeredAt! < OFFER_TTL_MS)
    .sort((a, b) => a.item.offeredAt! - b.item.offeredAt!);
}

interface SeenOffers {
  /** Queue items whose offer the agent has seen: shown while the window was in front, or its notification clicked. */
  seen: ReadonlySet<string>;
  markSeen: (itemId: string) => void;
}

export const useSeenOffers = create<SeenOffers>((set, get) => ({
  seen: new Set(),
  markSeen: (itemId) => {
    if (get().seen.has(itemId)) return;
    set({ seen: new Set([...get().seen, itemId]) });
  },
}));

