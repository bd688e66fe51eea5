import { useEffect, useRef } from 'react';
import { CHANNEL_LABELS } from '@core/domain/common';
import { bridge } from '../bridge';
import { offeringKey, offersToAnnounce } from '../data/offerAnnouncements';
import { useOffersToMe, useSeenOffers } from '../data/offers';

/**
 * An OS notification (desktop) or web notification (browser) when a contact is
 * offered to this agent; again when it is offered anew (every 30 s while it waits),
 * until the agent has seen it: the banner was in front of them, or they clicked
 * the notification (which brings the window, and so the banner, to the front).
 */
export function useOfferNotifications(): void {
  const offers = useOffersToMe();
  const seen = useSeenOffers((state) => state.seen);
  const told = useRef(new Set<string>());
  useEffect(() => {
    for (const { item, customerName, subject } of offersToAnnounce(offers, seen, told.current, Date.now())) {
      told.current.add(offeringKey(item));
      void bridge.notify({ title: `${CHANNEL_LABELS[item.channel]} offered to you: ${customerName}`, body: subject, tag: `offer-${item.id}` }).catch(() => undefined);
    }
  }, [offers, seen]);
}
