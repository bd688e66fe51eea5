import { describe, expect, it } from 'vitest';
import { newQueueItem } from '@core/domain/model';
import { OFFER_TTL_MS } from '@core/sync/mutations';
import { offeringKey, offersToAnnounce } from '../../renderer/src/data/offerAnnouncements';
import type { LiveOffer } from '../../renderer/src/data/offers';

const T0 = Date.now();
const offer = (id: string, offeredAt: number): LiveOffer => ({
  item: { ...newQueueItem({ id, customerId: 'cus_1', channel: 'chat', at: T0 - 60_000, topic: null }, { id: 'q', slaSeconds: 600, skills: [] }, { offeredTo: 'usr_ava', offeredAt }), _v: 1 },
  customerName: 'Ada Lovelace',
  subject: 'Broadband',
});

describe('offer notifications', () => {
  it('announce an offer once, and again when it is offered anew 30 s later', () => {
    const first = offer('con_1', T0);
    const told = new Set<string>();
    expect(offersToAnnounce([first], new Set(), told, T0 + 1000)).toEqual([first]);
    told.add(offeringKey(first.item));
    expect(offersToAnnounce([first], new Set(), told, T0 + 2000)).toEqual([]);
    const again = offer('con_1', T0 + OFFER_TTL_MS);
    expect(offersToAnnounce([again], new Set(), told, T0 + OFFER_TTL_MS + 1000)).toEqual([again]);
  });

  it('stop once the agent has seen the offer, however often it comes back', () => {
    const again = offer('con_1', T0 + OFFER_TTL_MS);
    expect(offersToAnnounce([again], new Set(['con_1']), new Set(), T0 + OFFER_TTL_MS + 1000)).toEqual([]);
    // Another contact is still announced.
    const other = offer('con_2', T0 + OFFER_TTL_MS);
    expect(offersToAnnounce([again, other], new Set(['con_1']), new Set(), T0 + OFFER_TTL_MS + 1000)).toEqual([other]);
  });

  it('never announce an offer whose time is up', () => {
    expect(offersToAnnounce([offer('con_1', T0)], new Set(), new Set(), T0 + OFFER_TTL_MS)).toEqual([]);
  });
});
