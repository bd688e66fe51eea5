import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContactSchema, CustomerSchema, GestureSchema, SurveyResponseSchema, newUser, type Contact, type Gesture } from '@core/domain/model';
import {
  GoodwillPolicySchema,
  accountCurrency,
  defaultGoodwillPolicy,
  englishGestureReason,
  gestureReasonText,
  givenRecently,
  moneyText,
  regionCurrency,
  suggestGesture,
  type GestureSuggestion,
  type GoodwillPolicy,
} from '@core/gestures';
import { createFormatter } from '@core/i18n/format';
import type { UiLocale } from '@core/i18n/locales';
import type { Situation } from '@core/scripts';
import { intlFor } from '../helpers/intl';

/** Why a gesture is suggested, as an agent reading `locale` sees it (the committed catalogue). */
const reasonIn = (suggestion: GestureSuggestion | null | undefined, locale: UiLocale = 'en-GB') =>
  suggestion ? gestureReasonText(suggestion.reason, intlFor(locale), createFormatter(locale)) : undefined;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 10, 24, 14, 0);

const customer = CustomerSchema.parse({
  id: 'cus_1',
  firstName: 'Tom',
  lastName: 'Reid',
  emails: [],
  phones: ['+44 7700 900456'],
  tier: 'standard',
  language: 'en-GB',
  timeZone: 'Europe/London',
  quietHours: null,
  preferredChannel: 'call',
  tags: [],
  attributes: {},
  createdAt: 0,
  updatedAt: 0,
});

const agent = newUser({ id: 'usr_ava', username: 'ava', name: 'Ava Okafor', role: 'agent' });

let nextId = 0;
function contact(fields: Partial<Contact> = {}): Contact {
  nextId += 1;
  return ContactSchema.parse({
    id: `con_${nextId}`,
    customerId: customer.id,
    channel: 'call',
    direction: 'inbound',
    subject: '',
    body: '',
    at: NOW - 10 * 60_000,
    topic: 'general',
    ...fields,
  });
}

/** A gesture recorded before gestures carried their currency (the policy's, GBP). */
const credit = (value: number): Gesture => ({ kind: 'credit', description: `a £${value} credit`, value, currency: null });

function situation(fields: Partial<Situation> = {}): Situation {
  return {
    customer,
    agent,
    contact: contact({ topic: 'outage' }),
    history: [],
    surveys: [],
    followUps: [],
    queueItem: null,
    now: NOW,
    companyName: 'Brightwave',
    ...fields,
  };
}

const lowCsat = [
  SurveyResponseSchema.parse({ id: 'sur_1', contactId: 'con_old', customerId: customer.id, agentId: null, status: 'answered', csat: 1, nps: null, comment: '', at: NOW - 5 * DAY }),
];

const policy = defaultGoodwillPolicy();

describe('the goodwill policy', () => {
  it('ships as assets/policies/goodwill.json and validates', () => {
    const raw = JSON.parse(readFileSync(path.join(import.meta.dirname, '../../assets/policies/goodwill.json'), 'utf8')) as unknown;
    expect(GoodwillPolicySchema.parse(raw)).toEqual(policy);
    expect(policy.limits).toEqual({ agent: 25, supervisor: 100, admin: 100 });
    expect(policy.customerCap).toEqual({ amount: 60, days: 30 });
    expect(policy.rules.map((rule) => rule.when)).toEqual(['outage', 'repeat-contact', 'low-csat', 'vip']);
  });

  it('rejects policies with unknown rules, repeated ids or no limits', () => {
    expect(GoodwillPolicySchema.safeParse({ ...policy, rules: [...policy.rules, { id: 'x', when: 'birthday', amount: 5 }] }).success).toBe(false);
    expect(GoodwillPolicySchema.safeParse({ ...policy, rules: [...policy.rules, policy.rules[0]] }).success).toBe(false);
    expect(GoodwillPolicySchema.safeParse({ ...policy, limits: { agent: 25 } }).success).toBe(false);
  });
});

describe('suggestGesture', () => {
  it('suggests nothing when no rule applies', () => {
    expect(suggestGesture(situation({ contact: contact() }), policy, 'agent')).toBeNull();
    // A single outage contact, just reported, is not yet a long outage.
    expect(suggestGesture(situation(), policy, 'agent')).toBeNull();
  });

  describe('long outage', () => {
    it('credits per full day since the first open outage contact', () => {
      const history = [contact({ topic: 'outage', at: NOW - 3.5 * DAY })];
      const suggestion = suggestGesture(situation({ history }), policy, 'agent');
      expect(reasonIn(suggestion)).toBe('Outage reported 3 days ago and still open: £5 a day for 3 days.');
      expect(suggestion).toEqual({
        gesture: { kind: 'credit', description: 'a £15 credit on your next bill for the 3 days your service was affected', value: 15, currency: 'GBP' },
        reason: expect.any(Array),
        withinLimit: true,
        limit: 25,
        ruleId: 'outage-credit',
        alternatives: [],
      });
      expect(GestureSchema.parse(suggestion?.gesture)).toEqual(suggestion?.gesture);
    });

    it('applies after 24 hours, or with two contacts in seven days', () => {
      expect(suggestGesture(situation({ history: [contact({ topic: 'outage', at: NOW - 23 * HOUR })] }), policy, 'agent')?.gesture.value).toBe(5);
      expect(reasonIn(suggestGesture(situation({ history: [contact({ topic: 'outage', at: NOW - 23 * HOUR })] }), policy, 'agent'))).toBe(
        '2 contacts about the outage in 7 days: £5 a day for 1 day.',
      );
      expect(reasonIn(suggestGesture(situation({ history: [contact({ topic: 'outage', at: NOW - 30 * HOUR, channel: 'email' })] }), policy, 'agent'))).toBe(
        'Outage reported 30 hours ago and still open: £5 a day for 1 day.',
      );
      // Our own calls and notes about it are not the customer reporting it.
      const ours = [contact({ topic: 'outage', at: NOW - 30 * HOUR, direction: 'outbound' }), contact({ topic: 'outage', at: NOW - 30 * HOUR, channel: 'note', direction: 'internal' })];
      expect(suggestGesture(situation({ history: ours }), policy, 'agent')).toBeNull();
    });

    it('ignores outages already resolved and contacts long ago', () => {
      const resolved = [contact({ topic: 'outage', at: NOW - 10 * DAY, resolution: 'resolved' })];
      expect(suggestGesture(situation({ history: resolved }), policy, 'agent')).toBeNull();
      const ancient = [contact({ topic: 'outage', at: NOW - 40 * DAY })];
      expect(suggestGesture(situation({ history: ancient }), policy, 'agent')).toBeNull();
    });

    it('applies only when this contact is about the outage', () => {
      const history = [contact({ topic: 'outage', at: NOW - 3 * DAY })];
      expect(suggestGesture(situation({ history, contact: contact({ topic: 'billing' }) }), policy, 'agent')).toBeNull();
    });

    it('stops at the rule’s maximum', () => {
      const history = [contact({ topic: 'outage', at: NOW - 8 * DAY })];
      const suggestion = suggestGesture(situation({ history }), policy, 'supervisor');
      expect(suggestion?.gesture.value).toBe(30);
      expect(suggestion?.withinLimit).toBe(true);
      expect(reasonIn(suggestion)).toBe('Outage reported 8 days ago and still open: £5 a day for 8 days, at most £30.');
    });
  });

  it('repeat contact about the same problem: £5', () => {
    const current = contact({ topic: 'billing' });
    const history = [contact({ topic: 'billing', at: NOW - DAY }), contact({ topic: 'billing', at: NOW - 4 * DAY })];
    const suggestion = suggestGesture(situation({ contact: current, history }), policy, 'agent');
    expect(suggestion?.gesture).toEqual({ kind: 'credit', description: 'a £5 credit on your next bill for having to contact us again', value: 5, currency: 'GBP' });
    expect(reasonIn(suggestion)).toBe('3 contacts about billing in 7 days.');
    // About different things, it is not a repeat of the same problem.
    const mixed = [contact({ topic: 'billing', at: NOW - DAY }), contact({ topic: 'delivery', at: NOW - 4 * DAY })];
    expect(suggestGesture(situation({ contact: current, history: mixed }), policy, 'agent')).toBeNull();
  });

  it('low last satisfaction: £10', () => {
    const suggestion = suggestGesture(situation({ contact: contact(), surveys: lowCsat }), policy, 'agent');
    expect(suggestion?.gesture.value).toBe(10);
    expect(reasonIn(suggestion)).toBe('Rated us 1 out of 5 last time.');
    expect(suggestion?.ruleId).toBe('low-csat-credit');
  });

  it('VIP: a priority callback, with an upgrade as the alternative', () => {
    const suggestion = suggestGesture(situation({ contact: contact(), customer: { ...customer, tier: 'vip' } }), policy, 'agent');
    expect(suggestion).toMatchObject({
      gesture: { kind: 'priority-callback', value: null },
      withinLimit: true,
      ruleId: 'vip-priority',
      alternatives: [{ kind: 'upgrade', value: null }],
    });
    expect(reasonIn(suggestion)).toBe('VIP customer.');
  });

  describe('choosing among rules', () => {
    it('prefers the gesture worth most', () => {
      const current = contact({ topic: 'billing' });
      const history = [contact({ topic: 'billing', at: NOW - DAY }), contact({ topic: 'billing', at: NOW - 2 * DAY })];
      const suggestion = suggestGesture(situation({ contact: current, history, surveys: lowCsat }), policy, 'agent');
      expect(suggestion?.ruleId).toBe('low-csat-credit');
      expect(suggestion?.alternatives.map((gesture) => gesture.value)).toEqual([5]);
    });

    it('takes the earlier rule on a tie', () => {
      // One day of outage (£5) and a repeat contact (£5).
      const history = [contact({ topic: 'outage', at: NOW - 5 * HOUR }), contact({ topic: 'outage', at: NOW - 2 * DAY, resolution: 'resolved' })];
      expect(suggestGesture(situation({ history }), policy, 'agent')?.ruleId).toBe('outage-credit');
    });

    it('puts money before a VIP gesture, keeping the VIP one as an alternative', () => {
      const suggestion = suggestGesture(situation({ contact: contact(), customer: { ...customer, tier: 'vip' }, surveys: lowCsat }), policy, 'agent');
      expect(suggestion?.gesture.value).toBe(10);
      expect(suggestion?.alternatives.map((gesture) => gesture.kind)).toEqual(['priority-callback', 'upgrade']);
    });
  });

  describe('limits', () => {
    const generous: GoodwillPolicy = GoodwillPolicySchema.parse({
      ...policy,
      customerCap: { amount: 500, days: 30 },
      rules: policy.rules.map((rule) => (rule.when === 'outage' ? { ...rule, perDay: 20, max: 200 } : rule)),
    });
    const tenDays = [contact({ topic: 'outage', at: NOW - 10 * DAY - HOUR })];

    it('caps an agent at their limit per contact and says a supervisor can give more', () => {
      const suggestion = suggestGesture(situation({ history: tenDays }), generous, 'agent');
      expect(suggestion?.gesture.value).toBe(25);
      expect(suggestion?.gesture.description).toBe('a £25 credit on your next bill for the 10 days your service was affected');
      expect(suggestion?.withinLimit).toBe(false);
      expect(suggestion?.limit).toBe(25);
      expect(reasonIn(suggestion)).toBe('Outage reported 10 days ago and still open: £20 a day for 10 days. Capped at £25, the agent limit per contact; a supervisor can approve up to £100.');
    });

    it('lets a supervisor give up to their own limit', () => {
      const suggestion = suggestGesture(situation({ history: tenDays }), generous, 'supervisor');
      expect(suggestion?.gesture.value).toBe(100);
      expect(suggestion?.withinLimit).toBe(false);
      expect(reasonIn(suggestion)).toMatch(/Capped at £100, the supervisor limit per contact\.$/);
      const small = suggestGesture(situation({ contact: contact(), surveys: lowCsat }), generous, 'supervisor');
      expect(small).toMatchObject({ withinLimit: true, limit: 100, gesture: { value: 10 } });
    });

    it('counts gestures on the customer’s earlier contacts in the last 30 days', () => {
      const current = contact({ topic: 'outage', gesture: credit(25) });
      const history = [
        contact({ topic: 'outage', at: NOW - 3.5 * DAY }),
        contact({ at: NOW - 10 * DAY, gesture: credit(30) }),
        contact({ at: NOW - 20 * DAY, gesture: credit(20) }),
        contact({ at: NOW - 40 * DAY, gesture: credit(100) }),
        contact({ at: NOW - 2 * DAY, gesture: { kind: 'priority-callback', description: 'a callback', value: null, currency: null } }),
      ];
      const s = situation({ contact: current, history });
      expect(givenRecently(s, 30, 'GBP')).toBe(50);
      const suggestion = suggestGesture(s, policy, 'agent');
      expect(suggestion?.gesture.value).toBe(10);
      expect(suggestion?.limit).toBe(10);
      expect(suggestion?.withinLimit).toBe(false);
      expect(reasonIn(suggestion)).toBe('Outage reported 3 days ago and still open: £5 a day for 3 days. Capped at £10: £50 of the £60 allowed per customer in 30 days has already been given.');
    });

    it('suggests no money once the customer’s cap is used, only a gesture without a value', () => {
      const history = [contact({ at: NOW - 10 * DAY, gesture: credit(60) })];
      expect(suggestGesture(situation({ contact: contact(), history, surveys: lowCsat }), policy, 'supervisor')).toBeNull();
      const vip = suggestGesture(situation({ contact: contact(), history, surveys: lowCsat, customer: { ...customer, tier: 'vip' } }), policy, 'supervisor');
      expect(vip?.gesture.kind).toBe('priority-callback');
      expect(vip?.limit).toBe(0);
      expect(reasonIn(vip)).toBe('VIP customer. No credit: £60 of the £60 allowed per customer in 30 days has already been given.');
    });

    it('never suggests more than the limit', () => {
      for (const role of ['agent', 'supervisor', 'admin'] as const) {
        for (let days = 0; days < 15; days += 1) {
          const history = [contact({ topic: 'outage', at: NOW - days * DAY - HOUR }), contact({ at: NOW - 5 * DAY, gesture: credit(days * 3) })];
          const suggestion = suggestGesture(situation({ history, surveys: lowCsat }), generous, role);
          if (!suggestion) continue;
          expect(suggestion.gesture.value ?? 0).toBeLessThanOrEqual(suggestion.limit);
          expect(suggestion.limit).toBeLessThanOrEqual(generous.limits[role]);
        }
      }
    });
  });

  it('formats money', () => {
    expect(moneyText(15, 'GBP')).toBe('£15');
    expect(moneyText(7.5, 'GBP')).toBe('£7.50');
    expect(moneyText(10, 'EUR')).toBe('€10');
    // As a customer who reads German or Spanish writes it.
    expect(moneyText(15, 'GBP', 'de')).toBe('15\u00a0£');
    expect(moneyText(7.5, 'EUR', 'es-ES')).toBe('7,50\u00a0€');
  });

  describe('the reason in the agent’s language', () => {
    const generous: GoodwillPolicy = GoodwillPolicySchema.parse({
      ...policy,
      customerCap: { amount: 500, days: 30 },
      rules: policy.rules.map((rule) => (rule.when === 'outage' ? { ...rule, perDay: 20, max: 200 } : rule)),
    });
    const capped = () => suggestGesture(situation({ history: [contact({ topic: 'outage', at: NOW - 10 * DAY - HOUR })] }), generous, 'agent');
    const usedUp = () => {
      const history = [contact({ at: NOW - 10 * DAY, gesture: credit(60) })];
      return suggestGesture(situation({ contact: contact(), history, surveys: lowCsat, customer: { ...customer, tier: 'vip' } }), policy, 'supervisor');
    };
    const repeat = () => {
      const history = [contact({ topic: 'billing', at: NOW - DAY }), contact({ topic: 'billing', at: NOW - 4 * DAY })];
      return suggestGesture(situation({ contact: contact({ topic: 'billing' }), history }), policy, 'agent');
    };

    it('in German', () => {
      expect(reasonIn(capped(), 'de')).toBe(
        'Störung gemeldet und noch nicht behoben (Dauer: 10 Tage): 20\u00a0£ pro Tag für 10 Tage. Auf 25\u00a0£ begrenzt, das Limit pro Kontakt für Agenten; ein Supervisor kann bis zu 100\u00a0£ genehmigen.',
      );
      expect(reasonIn(usedUp(), 'de')).toBe('VIP-Kunde. Keine Gutschrift: Von den 60\u00a0£, die pro Kunde innerhalb von 30 Tagen erlaubt sind, wurden bereits 60\u00a0£ gewährt.');
      expect(reasonIn(repeat(), 'de')).toBe('3 Kontakte zum Thema „billing“ innerhalb von 7 Tagen.');
    });

    it('in Spanish', () => {
      expect(reasonIn(capped(), 'es')).toBe(
        'Incidencia notificada hace 10 días y aún sin resolver: 20\u00a0GBP al día durante 10 días. Limitado a 25\u00a0GBP, el límite por contacto para agentes; un supervisor puede aprobar hasta 100\u00a0GBP.',
      );
      expect(reasonIn(usedUp(), 'es')).toBe('Cliente VIP. Sin abono: ya se han concedido 60\u00a0GBP de los 60\u00a0GBP permitidos por cliente en 30 días.');
      expect(reasonIn(suggestGesture(situation({ contact: contact(), surveys: lowCsat }), policy, 'agent'), 'es')).toBe('La última vez nos valoró con 1 de 5.');
    });

    it('keeps an English rendering for logs', () => {
      const suggestion = capped();
      expect(suggestion && englishGestureReason(suggestion.reason)).toBe(
        'Outage reported 10 days ago and still open: £20 a day for 10 days. Capped at £25, the agent limit per contact; a supervisor can approve up to £100.',
      );
    });
  });
});

describe('gestures in the customer’s account currency', () => {
  const madrid = CustomerSchema.parse({ ...customer, id: 'cus_ana', firstName: 'Ana', language: 'es-ES', timeZone: 'Europe/Madrid' });

  it('finds the currency of where the customer lives, unless their account says otherwise', () => {
    expect(accountCurrency(customer, 'GBP')).toBe('GBP');
    expect(accountCurrency(madrid, 'GBP')).toBe('EUR');
    expect(accountCurrency({ ...madrid, timeZone: 'America/New_York', language: 'en-US' }, 'GBP')).toBe('USD');
    expect(accountCurrency({ ...madrid, timeZone: 'America/Toronto', language: 'fr-CA' }, 'GBP')).toBe('CAD');
    expect(accountCurrency({ ...madrid, timeZone: 'Europe/Dublin', language: 'en' }, 'GBP')).toBe('EUR');
    // A zone that says nothing: the language's region, then the policy's currency.
    expect(accountCurrency({ ...madrid, timeZone: 'UTC', language: 'de-CH' }, 'GBP')).toBe('CHF');
    expect(accountCurrency({ ...madrid, timeZone: 'UTC', language: 'en' }, 'GBP')).toBe('GBP');
    expect(accountCurrency({ ...madrid, currency: 'GBP' }, 'USD')).toBe('GBP');
    expect(regionCurrency({ timeZone: 'Atlantic/Canary', language: 'es' })).toBe('EUR');
  });

  it('a customer with no currency on their account reads as the currency of their region (rows made before the field)', () => {
    const stored = { ...customer, timeZone: 'Europe/Paris', language: 'fr-FR' } as Record<string, unknown>;
    delete stored.currency;
    const parsed = CustomerSchema.parse(stored);
    expect(parsed.currency).toBeNull();
    expect(accountCurrency(parsed, policy.currency)).toBe('EUR');
  });

  it('offers a customer in Madrid euros: the amount, the description and the reason', () => {
    const suggestion = suggestGesture(situation({ customer: madrid, contact: contact({ customerId: madrid.id }), surveys: lowCsat.map((survey) => ({ ...survey, customerId: madrid.id })) }), policy, 'agent');
    expect(suggestion?.gesture).toMatchObject({ value: 10, currency: 'EUR' });
    // The description is for Ana, who reads Spanish: her way of writing euros.
    expect(suggestion?.gesture.description).toContain('10\u00a0€');
    expect(suggestion?.gesture.description).not.toContain('£');
    expect(reasonIn(suggestion)).toBe('Rated us 1 out of 5 last time.');
    expect(suggestion?.reason).toEqual([expect.objectContaining({ values: { csat: 1 } })]);
  });

  it('counts towards the cap only what was given in the same currency', () => {
    const euros = (value: number): Gesture => ({ kind: 'credit', description: `a €${value} credit`, value, currency: 'EUR' });
    const history = [contact({ customerId: madrid.id, at: NOW - 10 * DAY, gesture: euros(40) }), contact({ customerId: madrid.id, at: NOW - 5 * DAY, gesture: credit(15) })];
    const s = situation({ customer: madrid, contact: contact({ customerId: madrid.id }), history });
    expect(givenRecently(s, 30, 'EUR', 'GBP')).toBe(40);
    expect(givenRecently(s, 30, 'GBP')).toBe(15);
  });

  it('records the currency with the gesture; a gesture without a money value has none', () => {
    expect(GestureSchema.parse({ kind: 'credit', description: 'a €5 credit', value: 5, currency: 'EUR' }).currency).toBe('EUR');
    expect(GestureSchema.parse({ kind: 'credit', description: 'a £5 credit', value: 5 }).currency).toBeNull();
    expect(() => GestureSchema.parse({ kind: 'credit', description: 'x', value: 5, currency: 'euro' })).toThrow();
  });
});
