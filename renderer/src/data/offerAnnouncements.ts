import { OFFER_TTL_MS } from '@core/sync/mutations';
import type { LiveOffer } from './offers';

/**
 * The offers to announce now: each time one is offered anew (every 30 s while it
 * waits) unless the agent has seen it already, never twice for one offering, never once its time is up.
 */
export function offersToAnnounce(offers: readonly LiveOffer[], seen: ReadonlySet<string>, told: ReadonlySet<string>, now: number): LiveOffer[] {
  return offers.filter(({ item }) => !seen.has(item.id) && !told.has(offeringKey(item)) && now - item.offeredAt! < OFFER_TTL_MS);
}

/** One offering of one contact: the same contact offered again 30 s later is a new offering. */
export const offeringKey = (item: { id: string; offeredAt: number | null }) => `${item.id}@${item.offeredAt}`;
