/**
 * What to follow up on, decided at wrap-up from the contact and the
 * customer's situation, and what to do next once a follow-up is done. Each
 * rule can be turned off or tuned in assets/config/planner.json.
 *
 * A suggestion says what kind of follow-up, on which channel, when it should
 * happen (a window) and why, in words the agent can act on (a message, said
 * in the agent's language where it is shown: see reasons.ts). When exactly it
 * happens is for the scheduler (planSlot), which knows the agent's day.
 */
import type { ReachableChannel } from '../domain/common';
import { type Contact, type Customer, FOLLOW_UP_KIND_MESSAGES, type FollowUp, type FollowUpKind, type FollowUpOutcome } from '../domain/model';
import { type BusinessCalendar, openingsOn } from '../promise/calendar';
import { type CalendarDate, addDays, instantAtTime, instantFromZoned, minutesOfTime, zonedParts } from '../promise/zones';
import { TIER_MESSAGES } from '../scripts/variables';
import type { PlannerRules } from './config';
import { PLANNER_ERROR_MESSAGES } from './explanation';
import { SUGGESTION_REASON_MESSAGES, type SuggestionReason, aboutValues } from './reasons';
import { type FollowUpWindow, PlannerError } from './schedule';

const MINUTE = 60_000;

/** Rules run at wrap-up. */
export type WrapUpRuleId = keyof PlannerRules['rules'];
/** Rules run when a follow-up is done, named after its outcome. */
export type NextRuleId = keyof PlannerRules['next'];
export type SuggestionRuleId = WrapUpRuleId | NextRuleId;

export interface FollowUpSuggestion {
  /** The rule that suggested it (stored on the follow-up as ruleId). */
  ruleId: SuggestionRuleId;
  kind: FollowUpKind;
  channel: ReachableChannel;
  /** When it should happen, as epoch ms. */
  window: FollowUpWindow;
  /** Why, for whoever does it: formatted in the agent's language where it is shown and pre-fills the follow-up's reason. */
  reason: SuggestionReason;
}

/** What the rules look at in the customer. */
export type PlannerCustomer = Pick<Customer, 'timeZone' | 'quietHours' | 'preferredChannel' | 'tier' | 'phones' | 'firstName'>;

export interface SuggestInput {
  now: number;
  contact: Pick<Contact, 'id' | 'resolution' | 'promise' | 'topic' | 'channel' | 'subject'>;
  customer: PlannerCustomer;
  /** The CSAT captured at wrap-up (1–5), or null when there is none. */
  csat: number | null;
  rules: PlannerRules;
  /** The company's business calendar: business days are its open days. */
  calendar: BusinessCalendar;
}

/** The follow-up the completed one leads to. */
export type CompletedFollowUp = Pick<FollowUp, 'kind' | 'channel' | 'dueAt'>;

/** Opening hours of one business day. */
export interface BusinessDay {
  date: CalendarDate;
  /** When it opens and when it closes (epoch ms). */
  opens: number;
  closes: number;
}

/** Days looked through for the next business day before deciding the calendar never opens. */
const BUSINESS_DAY_HORIZON = 800;

/**
 * The `count`th business day after the day of `now` on the calendar's clock
 * (1 is the next one): days the calendar opens, holidays excluded.
 */
export function businessDayAfter(now: number, count: number, calendar: BusinessCalendar): BusinessDay {
  const p = zonedParts(now, calendar.timeZone);
  let date: CalendarDate = { y: p.y, m: p.m, d: p.d };
  let remaining = Math.max(1, count);
  for (let i = 0; i < BUSINESS_DAY_HORIZON; i += 1) {
    date = addDays(date, 1);
    const openings = openingsOn(date, calendar);
    const first = openings[0];
    const last = openings[openings.length - 1];
    if (!first || !last) continue;
    remaining -= 1;
    if (remaining === 0) return { date, opens: first[0], closes: last[1] };
  }
  throw new PlannerError({ descriptor: PLANNER_ERROR_MESSAGES.noBusinessDay, values: { days: BUSINESS_DAY_HORIZON } });
}

/** The same wall time `days` later on the clock of `zone` (DST-safe). */
function laterByDays(ms: number, days: number, zone: string): number {
  const p = zonedParts(ms, zone);
  const whole = Math.floor(days);
  const date = addDays(p, whole);
  const rest = (days - whole) * 24 * 60;
  return instantFromZoned({ ...date, h: p.h, min: p.min + Math.round(rest) }, zone);
}

/** A callback when the customer likes calls, a message otherwise. */
function callbackOrMessage(channel: ReachableChannel): FollowUpKind {
  return channel === 'call' ? 'callback' : 'message';
}

/**
 * Follow-ups to propose at wrap-up, in this order:
 *
 * - promise: the agent promised something by a moment. Follow up before it is
 *   due (the promised moment minus the configured lead, never sooner than the
 *   minimum lead from now), on the promised date. Supersedes `unresolved`.
 * - unresolved: the need was not met. Get back to the customer the next
 *   business day of the company calendar.
 * - low-csat: the customer rated the contact at or below the threshold. A
 *   recovery call within a couple of days, by phone when they have one.
 * - vip-check-in: a customer of a valued tier had their need met. Check in a
 *   week later that all is still well.
 *
 * Channels are the customer's preferred one unless a rule says otherwise.
 * Deterministic: the same input gives the same suggestions.
 */
export function suggestFollowUps(input: SuggestInput): FollowUpSuggestion[] {
  const { now, contact, customer, csat, rules, calendar } = input;
  const { rules: config, schedule } = rules;
  const soonest = now + schedule.minimumLeadMinutes * MINUTE;
  const preferred = customer.preferredChannel;
  const suggestions: FollowUpSuggestion[] = [];

  const promise = contact.promise;
  if (config.promise.enabled && promise) {
    const due = promise.dueAt;
    const target = Math.max(soonest, due - config.promise.leadMinutes * MINUTE);
    const promisedDay = zonedParts(due, customer.timeZone);
    const dayStart = instantAtTime(promisedDay, '00:00', customer.timeZone);
    const earliest = Math.min(target, Math.max(soonest, dayStart));
    const kind = callbackOrMessage(preferred);
    suggestions.push({
      ruleId: 'promise',
      kind,
      channel: preferred,
      window: { earliest, target, latest: Math.max(target, due) },
      reason: { descriptor: SUGGESTION_REASON_MESSAGES.promise, values: { firstName: customer.firstName, promise: promise.text, channel: preferred } },
    });
  } else if (config.unresolved.enabled && contact.resolution !== 'resolved') {
    const day = businessDayAfter(now, config.unresolved.businessDays, calendar);
    suggestions.push({
      ruleId: 'unresolved',
      kind: callbackOrMessage(preferred),
      channel: preferred,
      window: { earliest: day.opens, target: day.opens, latest: day.closes },
      reason: {
        descriptor: SUGGESTION_REASON_MESSAGES.unresolved,
        values: { contactChannel: contact.channel, ...aboutValues(contact), channel: preferred, days: config.unresolved.businessDays },
      },
    });
  }

  const lowCsat = config['low-csat'];
  if (lowCsat.enabled && csat !== null && csat <= lowCsat.threshold) {
    const channel = lowCsat.preferCallWhenPhone && customer.phones.length > 0 ? 'call' : preferred;
    suggestions.push({
      ruleId: 'low-csat',
      kind: 'recovery',
      channel,
      window: { earliest: soonest, target: soonest, latest: Math.max(soonest, laterByDays(now, lowCsat.withinDays, customer.timeZone)) },
      reason: { descriptor: SUGGESTION_REASON_MESSAGES.lowCsat, values: { firstName: customer.firstName, csat, channel, days: lowCsat.withinDays } },
    });
  }

  const vip = config['vip-check-in'];
  if (vip.enabled && vip.tiers.includes(customer.tier) && contact.resolution === 'resolved') {
    const target = laterByDays(now, vip.afterDays, customer.timeZone);
    suggestions.push({
      ruleId: 'vip-check-in',
      kind: 'check-in',
      channel: preferred,
      window: { earliest: target, target, latest: laterByDays(now, vip.afterDays + vip.windowDays, customer.timeZone) },
      reason: { descriptor: SUGGESTION_REASON_MESSAGES.vipCheckIn, values: { ...aboutValues(contact), days: vip.afterDays }, labels: { tier: TIER_MESSAGES[customer.tier] } },
    });
  }

  return suggestions;
}

function clampTo(ms: number, from: number, to: number): number {
  return Math.min(Math.max(ms, from), to);
}

/**
 * The follow-up a completed one leads to, by its outcome, or null when none is needed:
 *
 * - no-answer: try again the next business day at another time of day (in the
 *   afternoon after a morning try, in the morning after an afternoon one).
 * - left-message: two business days later, giving the customer time to call back.
 * - needs-another: the next business day, at the same time of day.
 * - reached, resolved: nothing more.
 *
 * Times of day are on the business calendar's clock; the kind and channel stay.
 */
export function suggestNext(outcome: FollowUpOutcome, followUp: CompletedFollowUp, now: number, rules: PlannerRules, calendar: BusinessCalendar): FollowUpSuggestion | null {
  if (outcome === 'reached' || outcome === 'resolved') return null;
  const config = rules.next[outcome];
  if (!config.enabled) return null;

  const zone = calendar.timeZone;
  const day = businessDayAfter(now, config.businessDays, calendar);
  const last = zonedParts(followUp.dueAt, zone);
  const lastMinute = last.h * 60 + last.min;
  const sameTime = clampTo(instantFromZoned({ ...day.date, h: last.h, min: last.min }, zone), day.opens, day.closes);
  const labels = { kind: FOLLOW_UP_KIND_MESSAGES[followUp.kind] };
  const base = { ruleId: outcome, kind: followUp.kind, channel: followUp.channel } as const;

  if (outcome === 'no-answer') {
    const next = rules.next['no-answer'];
    const midday = clampTo(instantAtTime(day.date, next.midday, zone), day.opens, day.closes);
    const wasMorning = lastMinute < minutesOfTime(next.midday);
    const shift = next.shiftHours * 60 * (wasMorning ? 1 : -1);
    const shifted = instantFromZoned({ ...day.date, h: 0, min: lastMinute + shift }, zone);
    const window = wasMorning
      ? { earliest: midday, target: clampTo(shifted, midday, day.closes), latest: day.closes }
      : { earliest: day.opens, target: clampTo(shifted, day.opens, midday), latest: midday };
    return {
      ...base,
      window,
      reason: { descriptor: SUGGESTION_REASON_MESSAGES.noAnswer, values: { tried: wasMorning ? 'morning' : 'afternoon' }, labels },
    };
  }
  if (outcome === 'left-message') {
    return {
      ...base,
      window: { earliest: day.opens, target: sameTime, latest: day.closes },
      reason: { descriptor: SUGGESTION_REASON_MESSAGES.leftMessage, values: { days: config.businessDays }, labels },
    };
  }
  return {
    ...base,
    window: { earliest: day.opens, target: sameTime, latest: day.closes },
    reason: { descriptor: SUGGESTION_REASON_MESSAGES.needsAnother, labels },
  };
}
