import { describe, expect, it } from 'vitest';
import { REACHABLE_CHANNELS } from '@core/domain/common';
import { DEFAULT_WORKING_HOURS, type Contact, type QuietHours } from '@core/domain/model';
import {
  PLANNER_RULES,
  PlannerError,
  PlannerRulesSchema,
  businessDayAfter,
  dailyLoad,
  planAll,
  planSlot,
  planSuggestion,
  suggestFollowUps,
  suggestNext,
  type FollowUpSuggestion,
  type PlanSlotInput,
  type PlannerAgent,
  type PlannerCustomer,
  type PlannerRules,
  type SlotExplanation,
  type SuggestInput,
  type SuggestionReason,
  englishSlotExplanation,
  englishSuggestionReason,
  slotExplanationText,
  suggestionReasonText,
} from '@core/planner';
import { createFormatter } from '@core/i18n/format';
import type { UiLocale } from '@core/i18n/locales';
import { intlFor } from '../helpers/intl';
import { companyCalendar } from '@core/holidays';
import { dateKey, instantFromZoned, zonedParts, type BusinessCalendar } from '@core/promise';
import plannerJson from '../../assets/config/planner.json';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const LONDON = 'Europe/London';
/** The company's calendar as configured: London, closed on England's bank holidays. */
const COMPANY_CALENDAR = companyCalendar();
const NEW_YORK = 'America/New_York';
const KOLKATA = 'Asia/Kolkata';
const SYDNEY = 'Australia/Sydney';

/** The instant a clock in `zone` shows y-m-d h:min. */
const at = (zone: string, y: number, m: number, d: number, h = 0, min = 0) => instantFromZoned({ y, m, d, h, min }, zone);
const inLondon = (y: number, m: number, d: number, h = 0, min = 0) => at(LONDON, y, m, d, h, min);
/** 'YYYY-MM-DD HH:MM' as a clock in `zone` shows `ms`. */
const local = (ms: number, zone: string) => {
  const p = zonedParts(ms, zone);
  return `${dateKey(p)} ${String(p.h).padStart(2, '0')}:${String(p.min).padStart(2, '0')}`;
};

/** An explanation as an agent reading `locale` sees it, with the committed catalogue. */
const said = (explanation: SlotExplanation, locale: UiLocale) => slotExplanationText(explanation, intlFor(locale), createFormatter(locale));
const en = (explanation: SlotExplanation) => said(explanation, 'en-GB');
/** A suggestion's reason as an agent reading `locale` sees it (and finds it pre-filled), with the committed catalogue. */
const why = (suggestion: { reason: SuggestionReason } | null | undefined, locale: UiLocale = 'en-GB') => suggestionReasonText(suggestion!.reason, intlFor(locale));

const londonAgent: PlannerAgent = { timeZone: LONDON, workingHours: DEFAULT_WORKING_HOURS, capacity: 8 };
const everyDay = { days: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as ('sun' | 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat')[], start: '09:00', end: '17:30' };
const CONTACT_HOURS = { start: '08:00', end: '20:00' };
const NIGHT: QuietHours = { start: '21:00', end: '08:00' };

/** A window that wants `target` and accepts anything from it to `latest` (a day later unless given). */
const windowAt = (target: number, latest = target + 24 * HOUR) => ({ earliest: target, target, latest });

function slot(overrides: Partial<PlanSlotInput> & Pick<PlanSlotInput, 'now'>) {
  return planSlot({
    window: windowAt(overrides.now),
    customer: { timeZone: LONDON, quietHours: null },
    agent: londonAgent,
    booked: [],
    ...overrides,
  });
}

// ---------------------------------------------------------------- rules

const rules: PlannerRules = PLANNER_RULES;
/** Rules with one part changed, as an administrator would in planner.json. */
function tuned(change: (copy: PlannerRules) => void): PlannerRules {
  const copy = structuredClone(PLANNER_RULES);
  change(copy);
  return PlannerRulesSchema.parse(copy);
}

const customer: PlannerCustomer = {
  firstName: 'Maya',
  timeZone: LONDON,
  quietHours: NIGHT,
  preferredChannel: 'call',
  tier: 'standard',
  phones: ['+447700900123'],
};

const contact = (overrides: Partial<SuggestInput['contact']> = {}): SuggestInput['contact'] => ({
  id: 'con_1',
  resolution: 'resolved',
  promise: null,
  topic: 'billing',
  channel: 'call',
  subject: 'Double charge on the November bill',
  ...overrides,
});

/** Tuesday 24 November 2026, 15:00 in London. */
const TUESDAY_3PM = inLondon(2026, 11, 24, 15);

function suggest(overrides: Partial<Omit<SuggestInput, 'contact'>> & { contact?: Partial<SuggestInput['contact']> } = {}): FollowUpSuggestion[] {
  return suggestFollowUps({
    now: TUESDAY_3PM,
    customer,
    csat: null,
    rules,
    calendar: COMPANY_CALENDAR,
    ...overrides,
    contact: contact(overrides.contact),
  });
}

describe('planner configuration', () => {
  it('loads assets/config/planner.json through the schema', () => {
    expect(PlannerRulesSchema.parse(plannerJson)).toEqual(PLANNER_RULES);
    expect(PLANNER_RULES.rules.promise.leadMinutes).toBe(60);
    expect(PLANNER_RULES.rules['low-csat'].threshold).toBe(2);
    expect(PLANNER_RULES.rules['vip-check-in'].tiers).toEqual(['vip']);
    expect(PLANNER_RULES.schedule.customerHours).toEqual(CONTACT_HOURS);
  });

  it('rejects settings that make no sense', () => {
    const bad = (change: (copy: typeof plannerJson) => void) => {
      const copy = structuredClone(plannerJson);
      change(copy);
      return PlannerRulesSchema.safeParse(copy).success;
    };
    expect(bad(() => undefined)).toBe(true);
    expect(bad((c) => (c.rules['low-csat'].threshold = 6))).toBe(false);
    expect(bad((c) => (c.rules['vip-check-in'].tiers = ['platinum']))).toBe(false);
    expect(bad((c) => (c.schedule.customerHours = { start: '20:00', end: '08:00' }))).toBe(false);
    expect(bad((c) => (c.schedule.slotMinutes = 0))).toBe(false);
    expect(bad((c) => delete (c.rules.unresolved as { enabled?: boolean }).enabled)).toBe(true); // rules are on unless turned off
  });
});

describe('suggestFollowUps: unresolved', () => {
  it('suggests a callback the next business day when the contact is not resolved', () => {
    const [only, ...rest] = suggest({ contact: { resolution: 'unresolved' } });
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ ruleId: 'unresolved', kind: 'callback', channel: 'call' });
    // Wednesday: the company opens 08:00–20:00 London time.
    expect(local(only!.window.earliest, LONDON)).toBe('2026-11-25 08:00');
    expect(local(only!.window.target, LONDON)).toBe('2026-11-25 08:00');
    expect(local(only!.window.latest, LONDON)).toBe('2026-11-25 20:00');
    expect(why(only)).toBe('Not resolved on the call about “Double charge on the November bill”: call back the next business day to finish it.');
    expect(why(only, 'de')).toBe('Im Anruf zu „Double charge on the November bill“ nicht gelöst: Rufen Sie am nächsten Geschäftstag zurück, um das Anliegen abzuschließen.');
    expect(why(only, 'es')).toBe('No se resolvió en la llamada sobre «Double charge on the November bill»: devuelve la llamada el siguiente día hábil para cerrar el caso.');
    // Code that stores it without a screen has the same English.
    expect(englishSuggestionReason(only!.reason)).toBe(why(only));
  });

  it('treats a contact with no resolution recorded as not resolved', () => {
    expect(suggest({ contact: { resolution: null } }).map((s) => s.ruleId)).toEqual(['unresolved']);
  });

  it('does not fire when resolved, or when turned off', () => {
    expect(suggest({ contact: { resolution: 'resolved' } })).toEqual([]);
    expect(suggest({ contact: { resolution: 'unresolved' }, rules: tuned((r) => (r.rules.unresolved.enabled = false)) })).toEqual([]);
  });

  it('messages rather than calls a customer who prefers email', () => {
    const [only] = suggest({ contact: { resolution: 'unresolved', channel: 'email', subject: '' }, customer: { ...customer, preferredChannel: 'email' } });
    expect(only).toMatchObject({ kind: 'message', channel: 'email' });
    expect(why(only)).toBe('Not resolved by email about billing: email back the next business day to finish it.');
    expect(why(only, 'de')).toBe('Per E-Mail zum Thema billing nicht gelöst: Antworten Sie am nächsten Geschäftstag per E-Mail, um das Anliegen abzuschließen.');
    expect(why(only, 'es')).toBe('No se resolvió por correo electrónico sobre billing: responde por correo electrónico el siguiente día hábil para cerrar el caso.');
  });

  it('says nothing of what it was about when the contact has neither subject nor topic', () => {
    const [only] = suggest({ contact: { resolution: 'unresolved', channel: 'chat', subject: '  ', topic: null }, customer: { ...customer, preferredChannel: 'chat' } });
    expect(why(only)).toBe('Not resolved in the chat: message back in chat the next business day to finish it.');
    expect(why(only, 'de')).toBe('Im Chat nicht gelöst: Schreiben Sie am nächsten Geschäftstag im Chat zurück, um das Anliegen abzuschließen.');
    expect(why(only, 'es')).toBe('No se resolvió en el chat: responde por chat el siguiente día hábil para cerrar el caso.');
  });

  it('skips holidays and closed days of the company calendar', () => {
    // Thursday 2 April 2026: Good Friday is a bank holiday, the company opens on Saturday 09:00.
    const [easter] = suggest({ now: inLondon(2026, 4, 2, 15), contact: { resolution: 'unresolved' } });
    expect(local(easter!.window.target, LONDON)).toBe('2026-04-04 09:00');
    expect(local(easter!.window.latest, LONDON)).toBe('2026-04-04 17:00');
    // Saturday 28 November: closed Sunday, so Monday.
    const [weekend] = suggest({ now: inLondon(2026, 11, 28, 12), contact: { resolution: 'unresolved' } });
    expect(local(weekend!.window.target, LONDON)).toBe('2026-11-30 08:00');
    // A weekday-only calendar skips the whole weekend after Friday.
    const weekdays: BusinessCalendar = { ...COMPANY_CALENDAR, hours: { ...COMPANY_CALENDAR.hours, sat: [] } };
    const [friday] = suggest({ now: inLondon(2026, 11, 27, 12), contact: { resolution: 'unresolved' }, calendar: weekdays });
    expect(local(friday!.window.target, LONDON)).toBe('2026-11-30 08:00');
  });

  it('takes the number of business days from config', () => {
    const [later] = suggest({ contact: { resolution: 'unresolved' }, rules: tuned((r) => (r.rules.unresolved.businessDays = 3)) });
    // Wednesday, Thursday, Friday.
    expect(local(later!.window.target, LONDON)).toBe('2026-11-27 08:00');
    expect(why(later)).toBe('Not resolved on the call about “Double charge on the November bill”: call back in 3 business days to finish it.');
    expect(why(later, 'de')).toBe('Im Anruf zu „Double charge on the November bill“ nicht gelöst: Rufen Sie in 3 Geschäftstagen zurück, um das Anliegen abzuschließen.');
    expect(why(later, 'es')).toBe('No se resolvió en la llamada sobre «Double charge on the November bill»: devuelve la llamada dentro de 3 días hábiles para cerrar el caso.');
  });
});

describe('suggestFollowUps: promise', () => {
  const promise = { text: "We'll call you back by Wednesday 3 pm your time", dueAt: inLondon(2026, 11, 25, 15) };

  it('follows up on the promised date, the configured lead before the promised moment', () => {
    const [only, ...rest] = suggest({ contact: { resolution: 'unresolved', promise } });
    expect(rest).toEqual([]); // the promise supersedes "unresolved"
    expect(only).toMatchObject({ ruleId: 'promise', kind: 'callback', channel: 'call' });
    expect(local(only!.window.earliest, LONDON)).toBe('2026-11-25 00:00');
    expect(local(only!.window.target, LONDON)).toBe('2026-11-25 14:00');
    expect(local(only!.window.latest, LONDON)).toBe('2026-11-25 15:00');
    expect(why(only)).toBe(`Promised Maya: “${promise.text}”. Call back before it is due.`);
    // The promise is the customer's own words, quoted as they were given.
    expect(why(only, 'de')).toBe(`Maya wurde zugesagt: „${promise.text}“. Rufen Sie vor Ablauf der Frist zurück.`);
    expect(why(only, 'es')).toBe(`Se prometió a Maya: «${promise.text}». Devuelve la llamada antes de que venza el plazo.`);
  });

  it('takes the lead from config', () => {
    const [only] = suggest({ contact: { promise }, rules: tuned((r) => (r.rules.promise.leadMinutes = 30)) });
    expect(local(only!.window.target, LONDON)).toBe('2026-11-25 14:30');
  });

  it('is never due sooner than the minimum lead from now', () => {
    // Promised by 15:20, wrapped up at 15:00: 60 minutes before is in the past, so 15:15.
    const [only] = suggest({ contact: { promise: { text: 'By 3:20 pm', dueAt: inLondon(2026, 11, 24, 15, 20) } } });
    expect(local(only!.window.earliest, LONDON)).toBe('2026-11-24 15:15');
    expect(local(only!.window.target, LONDON)).toBe('2026-11-24 15:15');
    expect(local(only!.window.latest, LONDON)).toBe('2026-11-24 15:20');
  });

  it('is a message for a customer who prefers another channel, and reads the date on their clock', () => {
    const newYorker = { ...customer, timeZone: NEW_YORK, preferredChannel: 'sms' as const };
    const [only] = suggest({ customer: newYorker, contact: { promise } });
    expect(only).toMatchObject({ ruleId: 'promise', kind: 'message', channel: 'sms' });
    // 15:00 London is 10:00 in New York; the promised date there starts at midnight New York time.
    expect(local(only!.window.earliest, NEW_YORK)).toBe('2026-11-25 00:00');
    expect(why(only)).toBe(`Promised Maya: “${promise.text}”. Text back before it is due.`);
    expect(why(only, 'de')).toBe(`Maya wurde zugesagt: „${promise.text}“. Antworten Sie vor Ablauf der Frist per SMS.`);
    expect(why(only, 'es')).toBe(`Se prometió a Maya: «${promise.text}». Responde por SMS antes de que venza el plazo.`);
  });

  it('says how to get back to the customer on each channel, in every language', () => {
    for (const locale of ['en-GB', 'de', 'es'] as const) {
      const promised = REACHABLE_CHANNELS.map((channel) => suggest({ customer: { ...customer, preferredChannel: channel }, contact: { promise } })[0]);
      const unresolved = REACHABLE_CHANNELS.map((channel) => suggest({ customer: { ...customer, preferredChannel: channel }, contact: { resolution: 'unresolved', channel } })[0]);
      for (const suggestions of [promised, unresolved]) {
        const texts = suggestions.map((one) => why(one, locale));
        // The generic wording, for a channel the message does not name.
        const reason = suggestions[0]!.reason;
        const generic = suggestionReasonText({ ...reason, values: { ...reason.values, channel: 'unknown', contactChannel: 'unknown' } }, intlFor(locale));
        expect(new Set(texts).size).toBe(REACHABLE_CHANNELS.length);
        expect(texts).not.toContain(generic);
      }
    }
  });

  it('leaves "unresolved" to fire when the promise rule is off', () => {
    expect(suggest({ contact: { resolution: 'unresolved', promise }, rules: tuned((r) => (r.rules.promise.enabled = false)) }).map((s) => s.ruleId)).toEqual(['unresolved']);
  });
});

describe('suggestFollowUps: low CSAT', () => {
  it('suggests a recovery call within two days at or below the threshold', () => {
    const [only] = suggest({ csat: 2 });
    expect(only).toMatchObject({ ruleId: 'low-csat', kind: 'recovery', channel: 'call' });
    expect(local(only!.window.earliest, LONDON)).toBe('2026-11-24 15:15');
    expect(local(only!.window.latest, LONDON)).toBe('2026-11-26 15:00');
    expect(why(only)).toBe('Maya rated the contact 2 of 5: call within 2 days to put things right.');
    expect(why(only, 'de')).toBe('Maya hat den Kontakt mit 2 von 5 bewertet: Rufen Sie innerhalb von 2 Tagen an, um die Sache wieder in Ordnung zu bringen.');
    expect(why(only, 'es')).toBe('Maya valoró el contacto con un 2 de 5: llama en un plazo de 2 días para arreglar la situación.');
    expect(suggest({ csat: 1 }).map((s) => s.ruleId)).toEqual(['low-csat']);
  });

  it('does not fire above the threshold or without a rating', () => {
    expect(suggest({ csat: 3 })).toEqual([]);
    expect(suggest({ csat: null })).toEqual([]);
  });

  it('takes the threshold and the window from config', () => {
    const generous = tuned((r) => {
      r.rules['low-csat'].threshold = 3;
      r.rules['low-csat'].withinDays = 1;
    });
    const [only] = suggest({ csat: 3, rules: generous });
    expect(only?.ruleId).toBe('low-csat');
    expect(local(only!.window.latest, LONDON)).toBe('2026-11-25 15:00');
    expect(why(only)).toBe('Maya rated the contact 3 of 5: call within 1 day to put things right.');
    expect(why(only, 'de')).toBe('Maya hat den Kontakt mit 3 von 5 bewertet: Rufen Sie innerhalb eines Tages an, um die Sache wieder in Ordnung zu bringen.');
    expect(why(only, 'es')).toBe('Maya valoró el contacto con un 3 de 5: llama en un plazo de 1 día para arreglar la situación.');
  });

  it('calls when the customer has a phone, whatever they prefer; otherwise uses their channel', () => {
    const emailer = { ...customer, preferredChannel: 'email' as const };
    expect(suggest({ csat: 1, customer: emailer })[0]?.channel).toBe('call');
    const [noPhone] = suggest({ csat: 1, customer: { ...emailer, phones: [] } });
    expect(noPhone?.channel).toBe('email');
    expect(why(noPhone)).toBe('Maya rated the contact 1 of 5: get in touch within 2 days to put things right.');
    expect(why(noPhone, 'de')).toBe('Maya hat den Kontakt mit 1 von 5 bewertet: Melden Sie sich innerhalb von 2 Tagen, um die Sache wieder in Ordnung zu bringen.');
    expect(why(noPhone, 'es')).toBe('Maya valoró el contacto con un 1 de 5: ponte en contacto en un plazo de 2 días para arreglar la situación.');
    expect(suggest({ csat: 1, customer: emailer, rules: tuned((r) => (r.rules['low-csat'].preferCallWhenPhone = false)) })[0]?.channel).toBe('email');
  });

  it('comes alongside "unresolved"', () => {
    expect(suggest({ csat: 1, contact: { resolution: 'unresolved' } }).map((s) => s.ruleId)).toEqual(['unresolved', 'low-csat']);
  });
});

describe('suggestFollowUps: VIP check-in', () => {
  const vip = { ...customer, tier: 'vip' as const };

  it('checks in a week after a resolved contact', () => {
    const [only] = suggest({ customer: vip });
    expect(only).toMatchObject({ ruleId: 'vip-check-in', kind: 'check-in', channel: 'call' });
    expect(local(only!.window.target, LONDON)).toBe('2026-12-01 15:00');
    expect(local(only!.window.latest, LONDON)).toBe('2026-12-03 15:00');
    expect(why(only)).toBe('VIP customer, resolved about “Double charge on the November bill”: check in after 7 days that all is still well.');
    expect(why(only, 'de')).toBe('VIP-Kunde, Anliegen zu „Double charge on the November bill“ gelöst: Erkundigen Sie sich nach 7 Tagen, ob noch alles in Ordnung ist.');
    expect(why(only, 'es')).toBe('Cliente VIP, caso sobre «Double charge on the November bill» resuelto: haz un seguimiento dentro de 7 días para comprobar que todo sigue bien.');
  });

  it('keeps the time of day on the customer clock across a DST change', () => {
    // Wednesday 21 October 2026 15:00 BST; a week later London is on GMT.
    const [only] = suggest({ customer: vip, now: inLondon(2026, 10, 21, 15) });
    expect(local(only!.window.target, LONDON)).toBe('2026-10-28 15:00');
    expect(only!.window.target - inLondon(2026, 10, 21, 15)).toBe(7 * 24 * HOUR + HOUR);
  });

  it('does not fire when unresolved, for other tiers, or when turned off', () => {
    expect(suggest({ customer: vip, contact: { resolution: 'unresolved' } }).map((s) => s.ruleId)).toEqual(['unresolved']);
    expect(suggest({ customer: { ...customer, tier: 'gold' } })).toEqual([]);
    expect(suggest({ customer: vip, rules: tuned((r) => (r.rules['vip-check-in'].enabled = false)) })).toEqual([]);
  });

  it('takes tiers and delay from config', () => {
    const goldToo = tuned((r) => {
      r.rules['vip-check-in'].tiers = ['gold', 'vip'];
      r.rules['vip-check-in'].afterDays = 3;
    });
    const [only] = suggest({ customer: { ...customer, tier: 'gold' }, rules: goldToo });
    expect(only?.ruleId).toBe('vip-check-in');
    expect(local(only!.window.target, LONDON)).toBe('2026-11-27 15:00');
    // The tier is said as the profile says it, in the agent's language.
    const aboutTopic = suggest({ customer: { ...customer, tier: 'gold' }, rules: goldToo, contact: { subject: '' } })[0];
    expect(why(aboutTopic)).toBe('Gold customer, resolved about billing: check in after 3 days that all is still well.');
    expect(why(aboutTopic, 'de')).toBe('Gold-Kunde, Anliegen zum Thema billing gelöst: Erkundigen Sie sich nach 3 Tagen, ob noch alles in Ordnung ist.');
    expect(why(aboutTopic, 'es')).toBe('Cliente Oro, caso sobre billing resuelto: haz un seguimiento dentro de 3 días para comprobar que todo sigue bien.');
    expect(englishSuggestionReason(aboutTopic!.reason)).toBe(why(aboutTopic));
  });

  it('is deterministic', () => {
    const input = { customer: vip, csat: 2, contact: { resolution: 'resolved' as const } };
    expect(suggest(input)).toEqual(suggest(input));
    expect(suggest(input).map((s) => s.ruleId)).toEqual(['low-csat', 'vip-check-in']);
  });
});

describe('businessDayAfter', () => {
  it('counts open days of the company calendar', () => {
    // Thursday 2 April 2026: Good Friday and Easter Monday are holidays, Sunday is closed.
    const thursday = inLondon(2026, 4, 2, 18);
    expect(dateKey(businessDayAfter(thursday, 1, COMPANY_CALENDAR).date)).toBe('2026-04-04');
    expect(dateKey(businessDayAfter(thursday, 2, COMPANY_CALENDAR).date)).toBe('2026-04-07');
  });

  it('fails clearly for a calendar that never opens', () => {
    const closed: BusinessCalendar = { timeZone: LONDON, hours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, holidays: [] };
    expect(() => businessDayAfter(TUESDAY_3PM, 1, closed)).toThrow(PlannerError);
  });
});

// ---------------------------------------------------------------- chaining

describe('suggestNext', () => {
  const morningCall = { kind: 'callback' as const, channel: 'call' as const, dueAt: inLondon(2026, 11, 24, 10) };

  it('tries a different time of day the next business day after no answer', () => {
    const next = suggestNext('no-answer', morningCall, inLondon(2026, 11, 24, 10, 5), rules, COMPANY_CALENDAR);
    expect(next).toMatchObject({ ruleId: 'no-answer', kind: 'callback', channel: 'call' });
    expect(local(next!.window.earliest, LONDON)).toBe('2026-11-25 12:00');
    expect(local(next!.window.target, LONDON)).toBe('2026-11-25 14:00');
    expect(local(next!.window.latest, LONDON)).toBe('2026-11-25 20:00');
    expect(why(next)).toBe('Callback: no answer in the morning. Try again in the afternoon.');
    expect(why(next, 'de')).toBe('Rückruf: Am Vormittag nicht erreicht. Versuchen Sie es am Nachmittag erneut.');
    expect(why(next, 'es')).toBe('Devolución de llamada: sin respuesta por la mañana. Vuelve a intentarlo por la tarde.');
    expect(englishSuggestionReason(next!.reason)).toBe(why(next));

    const afternoon = suggestNext('no-answer', { ...morningCall, dueAt: inLondon(2026, 11, 24, 15) }, inLondon(2026, 11, 24, 15, 5), rules, COMPANY_CALENDAR);
    expect(local(afternoon!.window.earliest, LONDON)).toBe('2026-11-25 08:00');
    expect(local(afternoon!.window.target, LONDON)).toBe('2026-11-25 11:00');
    expect(local(afternoon!.window.latest, LONDON)).toBe('2026-11-25 12:00');
    expect(why(afternoon)).toBe('Callback: no answer in the afternoon. Try again in the morning.');
    expect(why(afternoon, 'de')).toBe('Rückruf: Am Nachmittag nicht erreicht. Versuchen Sie es am Vormittag erneut.');
    expect(why(afternoon, 'es')).toBe('Devolución de llamada: sin respuesta por la tarde. Vuelve a intentarlo por la mañana.');
  });

  it('waits two business days after leaving a message', () => {
    const next = suggestNext('left-message', morningCall, inLondon(2026, 11, 24, 10, 5), rules, COMPANY_CALENDAR);
    expect(local(next!.window.target, LONDON)).toBe('2026-11-26 10:00');
    expect(why(next)).toBe('Callback: left a message. Follow up in 2 business days if they have not been in touch.');
    expect(why(next, 'de')).toBe('Rückruf: Nachricht hinterlassen. Fragen Sie in 2 Geschäftstagen nach, falls sich der Kunde bis dahin nicht gemeldet hat.');
    expect(why(next, 'es')).toBe('Devolución de llamada: se dejó un mensaje. Haz un seguimiento en 2 días hábiles si el cliente no ha respondido antes.');
    // Over Easter: Saturday 4 April is open, Sunday closed, Easter Monday a holiday.
    const easter = suggestNext('left-message', { ...morningCall, dueAt: inLondon(2026, 4, 2, 10) }, inLondon(2026, 4, 2, 10, 5), rules, COMPANY_CALENDAR);
    expect(local(easter!.window.target, LONDON)).toBe('2026-04-07 10:00');
  });

  it('plans another the next business day at the same time when needed, keeping the kind', () => {
    const recovery = { kind: 'recovery' as const, channel: 'call' as const, dueAt: inLondon(2026, 11, 27, 16, 30) };
    const next = suggestNext('needs-another', recovery, inLondon(2026, 11, 27, 16, 45), rules, COMPANY_CALENDAR);
    expect(next).toMatchObject({ ruleId: 'needs-another', kind: 'recovery' });
    // Friday → Saturday, which closes at 17:00.
    expect(local(next!.window.target, LONDON)).toBe('2026-11-28 16:30');
    expect(why(next)).toBe('Recovery call: needs another follow-up.');
    expect(why(next, 'de')).toBe('Wiedergutmachungsanruf: Ein weiterer Folgekontakt ist nötig.');
    expect(why(next, 'es')).toBe('Llamada de recuperación: necesita otro seguimiento.');
  });

  it('suggests nothing once the customer was reached or it is resolved, or when turned off', () => {
    expect(suggestNext('reached', morningCall, TUESDAY_3PM, rules, COMPANY_CALENDAR)).toBeNull();
    expect(suggestNext('resolved', morningCall, TUESDAY_3PM, rules, COMPANY_CALENDAR)).toBeNull();
    expect(suggestNext('no-answer', morningCall, TUESDAY_3PM, tuned((r) => (r.next['no-answer'].enabled = false)), COMPANY_CALENDAR)).toBeNull();
  });

  it('chains into the schedule: the retry lands in the afternoon of the agent’s next day', () => {
    const next = suggestNext('no-answer', morningCall, inLondon(2026, 11, 24, 10, 5), rules, COMPANY_CALENDAR)!;
    const { slot } = planSuggestion(next, { now: inLondon(2026, 11, 24, 10, 5), agent: londonAgent, customer: { timeZone: LONDON, quietHours: NIGHT }, booked: [] });
    expect(local(slot.dueAt, LONDON)).toBe('2026-11-25 14:00');
    expect(slot.withinWindow).toBe(true);
  });
});

// ---------------------------------------------------------------- scheduling

describe('planSlot: the agent’s clock', () => {
  it('takes the target moment, rounded up to the slot grid after a short lead', () => {
    const result = slot({ now: inLondon(2026, 11, 24, 10, 2) });
    expect(local(result.dueAt, LONDON)).toBe('2026-11-24 10:15');
    expect(result).toMatchObject({ dayKey: '2026-11-24', load: 1, capacity: 8, withinWindow: true, moved: null });
    expect(en(result.explanation)).toBe('Tuesday 10:15 your time.');
    expect(local(slot({ now: inLondon(2026, 11, 24, 10, 2), slotMinutes: 30 }).dueAt, LONDON)).toBe('2026-11-24 10:30');
  });

  it('stays inside working hours: a slot must end by the end of the day', () => {
    const late = slot({ now: inLondon(2026, 11, 24, 17, 0) });
    expect(local(late.dueAt, LONDON)).toBe('2026-11-24 17:15'); // ends 17:30
    const after = slot({ now: inLondon(2026, 11, 24, 17, 20) });
    expect(local(after.dueAt, LONDON)).toBe('2026-11-25 09:00');
    expect(after.moved).toBe('working-hours');
    expect(en(after.explanation)).toBe('Wednesday 09:00 your time. Your working hours are 09:00–17:30, Monday to Friday.');
    const early = slot({ now: inLondon(2026, 11, 24, 6, 0) });
    expect(local(early.dueAt, LONDON)).toBe('2026-11-24 09:00');
  });

  it('skips the weekend and non-working days', () => {
    const friday = slot({ now: inLondon(2026, 11, 27, 17, 20) });
    expect(local(friday.dueAt, LONDON)).toBe('2026-11-30 09:00');
    expect(friday.dayKey).toBe('2026-11-30');
    const saturday = slot({ now: inLondon(2026, 11, 28, 11) });
    expect(local(saturday.dueAt, LONDON)).toBe('2026-11-30 09:00');
    expect(saturday.moved).toBe('working-hours');
    const partTime: PlannerAgent = { ...londonAgent, workingHours: { days: ['tue', 'thu'], start: '13:00', end: '17:00' } };
    const wednesday = slot({ now: inLondon(2026, 11, 25, 10), agent: partTime });
    expect(local(wednesday.dueAt, LONDON)).toBe('2026-11-26 13:00');
    expect(en(wednesday.explanation)).toContain('Your working hours are 13:00–17:00, Tue and Thu.');
  });

  it('aligns slots on the agent’s clock and names days further than a week out', () => {
    const later = slot({ now: inLondon(2026, 11, 24, 10), window: windowAt(inLondon(2026, 12, 8, 11, 7)) });
    expect(local(later.dueAt, LONDON)).toBe('2026-12-08 11:15');
    expect(en(later.explanation)).toBe('Tuesday 8 December 11:15 your time.');
  });
});

describe('planSlot: the customer’s clock', () => {
  const newYorker = { timeZone: NEW_YORK, quietHours: NIGHT };

  it('London agent, New York customer: waits for their morning', () => {
    // 09:00 in London is 04:00 in New York, inside their quiet hours (21:00–08:00).
    const result = slot({ now: inLondon(2026, 11, 24, 9), customer: newYorker, customerHours: CONTACT_HOURS });
    expect(local(result.dueAt, LONDON)).toBe('2026-11-24 13:00');
    expect(local(result.dueAt, NEW_YORK)).toBe('2026-11-24 08:00');
    expect(result.moved).toBe('quiet-hours');
    expect(en(result.explanation)).toBe("Tuesday 13:00 your time (08:00 for the customer). The customer's quiet hours are 21:00–08:00 their time.");
  });

  it('London agent, Kolkata customer: catches their afternoon the next morning', () => {
    // 15:00 in London is 20:30 in Kolkata: past their contact hours (08:00–20:00), so 09:00 London (14:30 IST) the next day.
    const result = slot({ now: inLondon(2026, 11, 24, 15), customer: { timeZone: KOLKATA, quietHours: null }, customerHours: CONTACT_HOURS });
    expect(local(result.dueAt, LONDON)).toBe('2026-11-25 09:00');
    expect(local(result.dueAt, KOLKATA)).toBe('2026-11-25 14:30');
    expect(result.moved).toBe('customer-hours');
    expect(en(result.explanation)).toBe('Wednesday 09:00 your time (14:30 for the customer). Customers are contacted 08:00–20:00 their time.');
    // The last slot that ends by 20:00 in Kolkata starts at 14:15 London time.
    const lastOfDay = slot({ now: inLondon(2026, 11, 24, 14), customer: { timeZone: KOLKATA, quietHours: null }, customerHours: CONTACT_HOURS });
    expect(local(lastOfDay.dueAt, KOLKATA)).toBe('2026-11-24 19:45');
  });

  it('London agent, Sydney customer: an evening slot for them in June', () => {
    // June: London is UTC+1, Sydney UTC+10. 09:00 London is 18:00 in Sydney; from 11:00 London it is 20:00 there.
    const result = slot({ now: inLondon(2026, 6, 16, 12), customer: { timeZone: SYDNEY, quietHours: NIGHT }, customerHours: CONTACT_HOURS });
    expect(local(result.dueAt, LONDON)).toBe('2026-06-17 09:00');
    expect(local(result.dueAt, SYDNEY)).toBe('2026-06-17 18:00');
    expect(en(result.explanation).startsWith('Wednesday 09:00 your time (18:00 for the customer).')).toBe(true);
  });

  it('says the customer’s day when it differs from the agent’s', () => {
    const result = slot({ now: inLondon(2026, 11, 23, 16), customer: { timeZone: SYDNEY, quietHours: null } });
    expect(local(result.dueAt, SYDNEY)).toBe('2026-11-24 03:15');
    expect(en(result.explanation)).toBe('Monday 16:15 your time (Tuesday 03:15 for the customer).');
  });

  it('keeps out of quiet hours that wrap midnight, up to their start', () => {
    const nightOwl: PlannerAgent = { ...londonAgent, workingHours: { days: everyDay.days, start: '06:00', end: '23:00' } };
    const quiet = { timeZone: LONDON, quietHours: NIGHT };
    // 20:45–21:00 ends as the quiet hours begin.
    expect(local(slot({ now: inLondon(2026, 11, 24, 20, 30), agent: nightOwl, customer: quiet }).dueAt, LONDON)).toBe('2026-11-24 20:45');
    const late = slot({ now: inLondon(2026, 11, 24, 20, 50), agent: nightOwl, customer: quiet });
    expect(local(late.dueAt, LONDON)).toBe('2026-11-25 08:00');
    expect(late.moved).toBe('quiet-hours');
    // Early in the morning, still inside the quiet hours that began the evening before.
    expect(local(slot({ now: inLondon(2026, 11, 25, 6), agent: nightOwl, customer: quiet }).dueAt, LONDON)).toBe('2026-11-25 08:00');
  });

  it('keeps out of daytime quiet hours', () => {
    const lunch = { timeZone: LONDON, quietHours: { start: '12:00', end: '14:00' } };
    expect(local(slot({ now: inLondon(2026, 11, 24, 11, 50), customer: lunch }).dueAt, LONDON)).toBe('2026-11-24 14:00');
    expect(local(slot({ now: inLondon(2026, 11, 24, 11, 30), customer: lunch }).dueAt, LONDON)).toBe('2026-11-24 11:45');
  });

  it('follows the customer’s DST change: New York is 4 hours behind London for a week', () => {
    // London falls back on 25 October 2026, New York on 1 November: 08:00 in New York is 12:00 London time in between.
    const between = slot({ now: inLondon(2026, 10, 28, 9), customer: newYorker, customerHours: CONTACT_HOURS });
    expect(local(between.dueAt, LONDON)).toBe('2026-10-28 12:00');
    expect(local(between.dueAt, NEW_YORK)).toBe('2026-10-28 08:00');
    const after = slot({ now: inLondon(2026, 11, 4, 9), customer: newYorker, customerHours: CONTACT_HOURS });
    expect(local(after.dueAt, LONDON)).toBe('2026-11-04 13:00');
    expect(local(after.dueAt, NEW_YORK)).toBe('2026-11-04 08:00');
  });
});

describe('planSlot: DST on the agent’s clock', () => {
  /** An agent working every day with room for one follow-up a day. */
  const oneADay = (timeZone: string): PlannerAgent => ({ timeZone, workingHours: everyDay, capacity: 1 });

  it.each([
    // [zone, day before the change, day of the change, hours between the two 09:00s]
    [LONDON, [2026, 10, 24], [2026, 10, 25], 25], // clocks go back
    [LONDON, [2027, 3, 27], [2027, 3, 28], 23], // clocks go forward
    [NEW_YORK, [2026, 10, 31], [2026, 11, 1], 25],
    [NEW_YORK, [2027, 3, 13], [2027, 3, 14], 23],
  ] as const)('%s: a full %j moves 09:00 to 09:00 on %j', (zone, [y, m, d], [y2, m2, d2], hours) => {
    const saturdayNine = at(zone, y, m, d, 9);
    const result = planSlot({
      now: at(zone, y, m, d - 1, 18),
      window: { earliest: saturdayNine, target: saturdayNine, latest: at(zone, y2, m2, d2, 17) },
      customer: { timeZone: zone, quietHours: null },
      agent: oneADay(zone),
      booked: [saturdayNine],
    });
    expect(local(result.dueAt, zone)).toBe(`${dateKey({ y: y2, m: m2, d: d2 })} 09:00`);
    expect(result.dueAt - saturdayNine).toBe(hours * HOUR);
    expect(result.moved).toBe('capacity');
    expect(en(result.explanation)).toBe('Sunday 09:00 your time. Saturday is full (1 of 1).');
  });

  it('keeps 09:00 after a weekend with a clock change', () => {
    // Friday 23 October 09:00 BST is 08:00Z; Monday 26 October 09:00 GMT is 09:00Z.
    const monday = slot({ now: inLondon(2026, 10, 23, 18) });
    expect(local(monday.dueAt, LONDON)).toBe('2026-10-26 09:00');
    expect(new Date(monday.dueAt).toISOString()).toBe('2026-10-26T09:00:00.000Z');
  });

  it('never offers a local time that does not exist', () => {
    // London skips 01:00–02:00 on 28 March 2027: an agent working from 01:00 gets 02:00 BST first.
    const night: PlannerAgent = { timeZone: LONDON, workingHours: { days: everyDay.days, start: '01:00', end: '05:00' }, capacity: 8 };
    const london = slot({ now: inLondon(2027, 3, 27, 12), agent: night });
    expect(local(london.dueAt, LONDON)).toBe('2027-03-28 02:00');
    expect(new Date(london.dueAt).toISOString()).toBe('2027-03-28T01:00:00.000Z');
    // New York skips 02:00–03:00 on 14 March 2027.
    const nyNight: PlannerAgent = { timeZone: NEW_YORK, workingHours: { days: everyDay.days, start: '02:00', end: '04:00' }, capacity: 8 };
    const ny = planSlot({ now: at(NEW_YORK, 2027, 3, 13, 12), window: windowAt(at(NEW_YORK, 2027, 3, 13, 12)), customer: { timeZone: NEW_YORK, quietHours: null }, agent: nyNight, booked: [] });
    expect(local(ny.dueAt, NEW_YORK)).toBe('2027-03-14 03:00');
    // The slots that day are 03:00, 03:15, 03:30, 03:45: a booked 03:00 gives 03:15, not a phantom 02:15.
    const second = planSlot({ now: at(NEW_YORK, 2027, 3, 13, 12), window: windowAt(at(NEW_YORK, 2027, 3, 13, 12)), customer: { timeZone: NEW_YORK, quietHours: null }, agent: nyNight, booked: [ny.dueAt] });
    expect(local(second.dueAt, NEW_YORK)).toBe('2027-03-14 03:15');
  });

  it('counts load per agent-local day across a DST change', () => {
    const sundayMorning = [inLondon(2026, 10, 25, 0, 30), inLondon(2026, 10, 25, 23, 30)];
    expect(dailyLoad(sundayMorning, LONDON, inLondon(2026, 10, 24, 12), 3)).toEqual([
      { dayKey: '2026-10-24', count: 0 },
      { dayKey: '2026-10-25', count: 2 },
      { dayKey: '2026-10-26', count: 0 },
    ]);
  });
});

describe('planSlot: capacity and collisions', () => {
  /** Eight follow-ups on Tuesday 24 November, 09:00 to 10:45. */
  const fullTuesday = Array.from({ length: 8 }, (_, i) => inLondon(2026, 11, 24, 9, i * 15));

  it('spreads to the next day once a day holds its capacity', () => {
    const result = slot({ now: inLondon(2026, 11, 23, 17, 45), window: windowAt(inLondon(2026, 11, 24, 10)), booked: fullTuesday });
    expect(local(result.dueAt, LONDON)).toBe('2026-11-25 09:00');
    expect(result).toMatchObject({ dayKey: '2026-11-25', load: 1, capacity: 8, moved: 'capacity', withinWindow: true });
    expect(en(result.explanation)).toBe('Wednesday 09:00 your time. Tuesday is full (8 of 8).');
  });

  it('says which days it passed over', () => {
    const fullWednesday = fullTuesday.map((t) => t + 24 * HOUR);
    const result = slot({ now: inLondon(2026, 11, 23, 17, 45), window: windowAt(inLondon(2026, 11, 24, 10), inLondon(2026, 11, 24, 17)), booked: [...fullTuesday, ...fullWednesday] });
    expect(local(result.dueAt, LONDON)).toBe('2026-11-26 09:00');
    expect(result.withinWindow).toBe(false);
    expect(en(result.explanation)).toBe('Thursday 09:00 your time. Later than wanted: nothing fits by Tuesday 17:00. Tuesday and Wednesday are full (8 each).');
  });

  it('plans nine follow-ups with capacity 8 as eight on day one and one on the next', () => {
    const booked: number[] = [];
    for (let i = 0; i < 9; i += 1) booked.push(slot({ now: inLondon(2026, 11, 23, 17, 45), window: windowAt(inLondon(2026, 11, 24, 9)), booked }).dueAt);
    expect(booked.map((t) => local(t, LONDON))).toEqual([
      '2026-11-24 09:00',
      '2026-11-24 09:15',
      '2026-11-24 09:30',
      '2026-11-24 09:45',
      '2026-11-24 10:00',
      '2026-11-24 10:15',
      '2026-11-24 10:30',
      '2026-11-24 10:45',
      '2026-11-25 09:00',
    ]);
    expect(dailyLoad(booked, LONDON, inLondon(2026, 11, 24, 9), 2)).toEqual([
      { dayKey: '2026-11-24', count: 8 },
      { dayKey: '2026-11-25', count: 1 },
    ]);
  });

  it('never puts two follow-ups in the same slot', () => {
    const taken = slot({ now: inLondon(2026, 11, 24, 9, 50), booked: [inLondon(2026, 11, 24, 10)] });
    expect(local(taken.dueAt, LONDON)).toBe('2026-11-24 10:15');
    expect(taken.moved).toBe('capacity');
    expect(taken.load).toBe(2);
    expect(en(taken.explanation)).toBe('Tuesday 10:15 your time. 10:00 is already booked.');
    // One booked off the grid at 10:05 overlaps both 10:00 and 10:15.
    expect(local(slot({ now: inLondon(2026, 11, 24, 9, 50), booked: [inLondon(2026, 11, 24, 10, 5)] }).dueAt, LONDON)).toBe('2026-11-24 10:30');
  });

  it('honours capacity from the agent', () => {
    const small: PlannerAgent = { ...londonAgent, capacity: 2 };
    const result = slot({ now: inLondon(2026, 11, 24, 8), agent: small, booked: fullTuesday.slice(0, 2) });
    expect(result.dayKey).toBe('2026-11-25');
    expect(en(result.explanation)).toContain('Tuesday is full (2 of 2).');
  });

  it('looks before the target rather than miss the window', () => {
    // Due by 15:00, ideally at 14:00; 14:00–15:00 is taken, so the latest free slot before it.
    const afternoon = [0, 15, 30, 45, 60].map((min) => inLondon(2026, 11, 24, 14, min));
    const result = slot({
      now: inLondon(2026, 11, 24, 9),
      window: { earliest: inLondon(2026, 11, 24, 9), target: inLondon(2026, 11, 24, 14), latest: inLondon(2026, 11, 24, 15) },
      booked: afternoon,
    });
    expect(local(result.dueAt, LONDON)).toBe('2026-11-24 13:45');
    expect(result.withinWindow).toBe(true);
    expect(en(result.explanation)).toBe('Tuesday 13:45 your time. Before the wanted 14:00: nothing fits between then and 15:00.');
  });
});

describe('planSlot: the explanation in the agent’s language', () => {
  const fullTuesday = Array.from({ length: 8 }, (_, i) => inLondon(2026, 11, 24, 9, i * 15));
  const passedOver = () =>
    slot({ now: inLondon(2026, 11, 23, 17, 45), window: windowAt(inLondon(2026, 11, 24, 10), inLondon(2026, 11, 24, 17)), booked: [...fullTuesday, ...fullTuesday.map((t) => t + 24 * HOUR)] });
  const newYork = () => slot({ now: inLondon(2026, 11, 24, 9), customer: { timeZone: NEW_YORK, quietHours: NIGHT }, customerHours: CONTACT_HOURS });
  const otherDay = () => slot({ now: inLondon(2026, 11, 23, 16), customer: { timeZone: SYDNEY, quietHours: null } });
  const partTime = () => slot({ now: inLondon(2026, 11, 25, 10), agent: { ...londonAgent, workingHours: { days: ['tue', 'thu'], start: '13:00', end: '17:00' } } });
  const farOut = () => slot({ now: inLondon(2026, 11, 24, 10), window: windowAt(inLondon(2026, 12, 8, 11, 7)) });

  it('in German', () => {
    expect(said(passedOver().explanation, 'de')).toBe(
      'Donnerstag, 09:00 Uhr Ihrer Zeit. Später als gewünscht: Bis Dienstag, 17:00 Uhr ist nichts frei. Dienstag und Mittwoch sind ausgebucht (je 8).',
    );
    expect(said(newYork().explanation, 'de')).toBe('Dienstag, 13:00 Uhr Ihrer Zeit (08:00 Uhr beim Kunden). Die Ruhezeiten des Kunden sind 21:00–08:00 Uhr Ortszeit.');
    expect(said(otherDay().explanation, 'de')).toBe('Montag, 16:15 Uhr Ihrer Zeit (Dienstag, 03:15 Uhr beim Kunden).');
    expect(said(partTime().explanation, 'de')).toBe('Donnerstag, 13:00 Uhr Ihrer Zeit. Später als gewünscht: Bis Donnerstag, 10:00 Uhr ist nichts frei. Ihre Arbeitszeit ist 13:00–17:00 Uhr, Di und Do.');
    expect(said(farOut().explanation, 'de')).toBe('Dienstag, 8. Dezember, 11:15 Uhr Ihrer Zeit.');
  });

  it('in Spanish', () => {
    expect(said(passedOver().explanation, 'es')).toBe(
      'El jueves a las 09:00, tu hora. Más tarde de lo deseado: no hay nada libre antes del martes a las 17:00. Los días martes y miércoles están completos (8 cada uno).',
    );
    expect(said(newYork().explanation, 'es')).toBe('El martes a las 13:00, tu hora (08:00 para el cliente). Las horas de descanso del cliente son 21:00–08:00, hora local del cliente.');
    expect(said(otherDay().explanation, 'es')).toBe('El lunes a las 16:15, tu hora (el martes a las 03:15 para el cliente).');
    expect(said(partTime().explanation, 'es')).toBe('El jueves a las 13:00, tu hora. Más tarde de lo deseado: no hay nada libre antes del jueves a las 10:00. Tu horario de trabajo es 13:00–17:00, mar y jue.');
  });

  it('keeps an English rendering for logs', () => {
    expect(englishSlotExplanation(newYork().explanation)).toBe("Tuesday 13:00 your time (08:00 for the customer). The customer's quiet hours are 21:00–08:00 their time.");
  });

  it('says why nothing fits in the agent’s language too', () => {
    const sleeper = { timeZone: NEW_YORK, quietHours: { start: '03:00', end: '13:00' } };
    const failure = (() => {
      try {
        slot({ now: inLondon(2026, 11, 24, 9), customer: sleeper });
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(failure).toBeInstanceOf(PlannerError);
    const { said: message } = failure as PlannerError;
    expect(intlFor('de').formatMessage(message.descriptor, message.values)).toBe('Keine Zeit passt: Die Ruhezeiten des Kunden decken die gesamte Arbeitszeit des Agenten ab');
    expect(intlFor('es').formatMessage(message.descriptor, message.values)).toBe(
      'No hay ninguna hora posible: las horas de descanso del cliente cubren todo el horario de trabajo del agente',
    );
    const oneADay: PlannerAgent = { ...londonAgent, workingHours: everyDay, capacity: 1 };
    const booked = Array.from({ length: 10 }, (_, i) => inLondon(2026, 11, 24 + i, 9));
    try {
      slot({ now: inLondon(2026, 11, 24, 8), agent: oneADay, booked, searchDays: 5 });
      expect.unreachable('every day is full');
    } catch (error) {
      const { said: full } = error as PlannerError;
      expect(intlFor('de').formatMessage(full.descriptor, full.values)).toMatch(/^In den nächsten \d+ Tagen passt keine Zeit: Jeder Arbeitstag ist voll/);
    }
  });
});

describe('planSlot: impossible constraints', () => {
  it('says when the customer’s quiet hours cover the agent’s whole day', () => {
    // 03:00–13:00 in New York is 08:00–18:00 in London.
    const sleeper = { timeZone: NEW_YORK, quietHours: { start: '03:00', end: '13:00' } };
    expect(() => slot({ now: inLondon(2026, 11, 24, 9), customer: sleeper })).toThrow(
      "No time fits: the customer's quiet hours cover all of the agent's working hours",
    );
  });

  it('says when the customer’s contact hours never meet the agent’s', () => {
    // November: 09:00–17:30 in London is 20:00–04:30 in Sydney.
    expect(() => slot({ now: inLondon(2026, 11, 24, 9), customer: { timeZone: SYDNEY, quietHours: NIGHT }, customerHours: CONTACT_HOURS })).toThrow(
      "No time fits: the customer's contact hours (08:00–20:00 their time) fall outside the agent's working hours",
    );
  });

  it('says when every day in reach is full', () => {
    const booked = Array.from({ length: 10 }, (_, i) => inLondon(2026, 11, 24 + i, 9));
    const oneADay: PlannerAgent = { ...londonAgent, workingHours: everyDay, capacity: 1 };
    expect(() => slot({ now: inLondon(2026, 11, 24, 8), agent: oneADay, booked, searchDays: 5 })).toThrow(/^No time fits in the next \d+ days: every working day is full/);
  });

  it('rejects a capacity below one', () => {
    expect(() => slot({ now: TUESDAY_3PM, agent: { ...londonAgent, capacity: 0 } })).toThrow(PlannerError);
  });
});

describe('planSuggestion and planAll', () => {
  const newYorker: PlannerCustomer = { ...customer, timeZone: NEW_YORK };

  it('plans a wrap-up suggestion on both clocks, with contact hours from config', () => {
    const [unresolved] = suggest({ customer: newYorker, contact: { resolution: 'unresolved' } });
    const { suggestion, slot: planned } = planSuggestion(unresolved!, { now: TUESDAY_3PM, agent: londonAgent, customer: newYorker, booked: [] });
    expect(suggestion).toBe(unresolved);
    // Wednesday: 08:00 in New York is 13:00 in London.
    expect(local(planned.dueAt, LONDON)).toBe('2026-11-25 13:00');
    expect(local(planned.dueAt, NEW_YORK)).toBe('2026-11-25 08:00');
    expect(planned.withinWindow).toBe(true);
  });

  it('counts each planned slot toward the next', () => {
    const suggestion = suggest({ contact: { resolution: 'unresolved' } })[0]!;
    const planned = planAll(Array.from({ length: 9 }, () => suggestion), {
      now: TUESDAY_3PM,
      agent: londonAgent,
      customer: { timeZone: LONDON, quietHours: null },
      booked: [],
    });
    const times = planned.map((p) => local(p.slot.dueAt, LONDON));
    expect(new Set(times).size).toBe(9);
    expect(times.slice(0, 8).every((t) => t.startsWith('2026-11-25 '))).toBe(true);
    expect(times[0]).toBe('2026-11-25 09:00');
    expect(times[8]).toBe('2026-11-26 09:00');
    expect(planned.map((p) => p.slot.load)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 1]);
    expect(planned[8]!.slot.withinWindow).toBe(false);
  });

  it('plans all of a wrap-up’s suggestions together', () => {
    const vip = { ...newYorker, tier: 'vip' as const };
    const suggestions = suggest({ customer: vip, csat: 1 });
    expect(suggestions.map((s) => s.ruleId)).toEqual(['low-csat', 'vip-check-in']);
    const [recovery, checkIn] = planAll(suggestions, { now: TUESDAY_3PM, agent: londonAgent, customer: vip, booked: [] });
    // 15:15 London is 10:15 in New York: inside contact hours.
    expect(local(recovery!.slot.dueAt, NEW_YORK)).toBe('2026-11-24 10:15');
    expect(local(checkIn!.slot.dueAt, LONDON)).toBe('2026-12-01 15:00');
    expect(checkIn!.slot.withinWindow).toBe(true);
  });
});

/** Keeps the type imports honest: a Contact's fields are what the rules read. */
const _contactShape: SuggestInput['contact'] = contact() satisfies Pick<Contact, 'id' | 'resolution' | 'promise' | 'topic' | 'channel' | 'subject'>;
void _contactShape;
