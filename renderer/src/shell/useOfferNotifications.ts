import { useEffect, useRef } from 'react';
import { customerName } from '@core/domain/model';
import { CHANNEL_LABELS } from '@core/domain/common';
import { OFFER_TTL_MS } from '@core/sync/mutations';
import { bridge } from '../bridge';
import { useLive } from '../data/hooks';
import { useLocal } from '../data/local';

/** An OS notification (desktop) or web notification (browser) when a contact is offered to this agent. */
export function useOfferNotifications(): void {
  const userId = useLocal((state) => state.actor?.userId);
  const offers = useLive(
    async (db) => {
      if (!userId) return [];
      const waiting = await db.queueItems.where('[state+slaDueAt]').between(['waiting', -Infinity], ['waiting', Infinity]).toArray();
      const mine = waiting.filter((item) => item.offeredTo === userId && item.offeredAt !== null && Date.now() - item.offeredAt < OFFER_TTL_MS);
      return Promise.all(
        mine.map(async (item) => {
          const [customer, contact] = await Promise.all([db.customers.get(item.customerId), db.contacts.get(item.contactId)]);
          return { id: item.id, offeredAt: item.offeredAt!, channel: item.channel, who: customer ? customerName(customer) : 'A customer', subject: contact?.subject ?? '' };
        }),
      );
    },
    [userId],
    [],
  );
  const told = useRef(new Set<string>());
  useEffect(() => {
    for (const offer of offers) {
      const key = `${offer.id}@${offer.offeredAt}`;
      if (told.current.has(key)) continue;
      told.current.add(key);
      void bridge
        .notify({ title: `${CHANNEL_LABELS[offer.channel]} offered to you: ${offer.who}`, body: offer.subject, tag: `offer-${offer.id}`, path: '/queue' })
        .catch(() => undefined);
    }
  }, [offers]);
}
