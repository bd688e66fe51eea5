import { useEffect, useRef } from 'react';
import { useIntl } from 'react-intl';
import { bridge } from '../bridge';
import { offeringKey, offersToAnnounce } from '../data/offerAnnouncements';
import { useOffersToMe, useSeenOffers } from '../data/offers';
import { offerTitle } from './OfferBanner';

/**
 * An OS notification (desktop) or web notification (browser) when a contact is
 * offered to this agent; again when it is offered anew (every 30 s while it waits),
 * until the agent has seen it: the banner was in front of them, or they clicked
 * the notification (which brings the window, and so the banner, to the front).
 */
export function useOfferNotifications(): void {
  const intl = useIntl();
  const offers = useOffersToMe();
  const seen = useSeenOffers((state) => state.seen);
  const told = useRef(new Set<string>());
  useEffect(() => {
    for (const offer of offersToAnnounce(offers, seen, told.current, Date.now())) {
      told.current.add(offeringKey(offer.item));
      // In the agent's language, like the banner: the OS shows the words it is given.
      void bridge.notify({ title: offerTitle(intl, offer), body: offer.subject, tag: `offer-${offer.item.id}` }).catch(() => undefined);
    }
  }, [offers, seen, intl]);
}
