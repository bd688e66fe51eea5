/** Which goodwill gesture to suggest to the agent for the contact in hand, within their limits. */
import type { Contact, Gesture, Role } from '../domain/model';
import { DAY_MS, HOUR_MS, type Situation, currentIsInbound, earlierInboundContacts, lastAnsweredSurvey } from '../scripts/situation';
import { accountCurrency, gestureCurrency } from './currency';
import type { GestureRule, GoodwillPolicy } from './policy';
import { GESTURE_REASON_MESSAGES as R, type GestureReason, type GestureReasonMessage, type Money } from './reason';

export interface GestureSuggestion {
  /** The gesture to offer, its value already within the limit. */
  gesture: Gesture;
  /** Why, for the agent: the rule that applied, and any cap; formatted where shown. */
  reason: GestureReason;
  /** False when the policy's amount was more than the limit and the gesture was capped. */
  withinLimit: boolean;
  /** The most this agent may give this customer now: the role's limit per contact, or what is left of the customer's cap if less. */
  limit: number;
  /** The rule that applied. */
  ruleId: string;
  /** Other gestures that also fit, capped the same way. */
  alternatives: Gesture[];
}

interface Candidate {
  rule: GestureRule;
  kind: Gesture['kind'];
  /** Null for gestures without a money value. */
  amount: number | null;
  /** Filled in once the amount is known. */
  describe: (amount: number | null) => string;
  reason: GestureReasonMessage;
}

/**
 * "£15", "£7.50" ("15 €" for a customer who reads Spanish): money in the
 * gesture's description. The description is the company's words for the
 * customer (policy config, not the agent's UI), so its amount is written the
 * way the customer reads money, in any language they have, not only the
 * agent's three UI languages; hence Intl here rather than the agent's
 * formatter. British English when the language is unknown.
 */
export function moneyText(amount: number, currency: string, language = 'en-GB'): string {
  const whole = Number.isInteger(amount);
  const options: Intl.NumberFormatOptions = { style: 'currency', currency, minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 };
  try {
    return new Intl.NumberFormat(language, options).format(amount);
  } catch {
    return new Intl.NumberFormat('en-GB', options).format(amount);
  }
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

function topicOf(situation: Situation): string | null {
  const topic = situation.contact.topic ?? situation.queueItem?.topic ?? null;
  return topic ? topic.trim().toLowerCase() : null;
}

/** The customer's contacts, the current one included once. */
function allContacts(situation: Situation): Contact[] {
  const byId = new Map<string, Contact>();
  for (const contact of situation.history) if (contact.customerId === situation.customer.id) byId.set(contact.id, contact);
  byId.set(situation.contact.id, situation.contact);
  return [...byId.values()];
}

/**
 * Money given to the customer on earlier contacts within the last `days`, in
 * `currency` (gestures recorded without one count as `fallback`'s); amounts
 * in another currency cannot be added and are left out.
 */
export function givenRecently(situation: Situation, days: number, currency: string, fallback: string = currency): number {
  const from = situation.now - days * DAY_MS;
  let total = 0;
  for (const contact of allContacts(situation)) {
    if (contact.id === situation.contact.id || !contact.gesture?.value) continue;
    if (gestureCurrency(contact.gesture, fallback) !== currency) continue;
    if (contact.at > from && contact.at <= situation.now) total += contact.gesture.value;
  }
  return total;
}

/** A span said in whole days once it is two days or more, as the credit counts them. */
function spanAsCounted(ms: number): number {
  return ms >= 2 * DAY_MS ? Math.floor(ms / DAY_MS) * DAY_MS : ms;
}

function candidateFor(rule: GestureRule, situation: Situation, currency: string): Candidate | null {
  // The description is for the customer: their language; the reason is for the agent: raw amounts, formatted where shown.
  const money = (amount: number) => moneyText(amount, currency, situation.customer.language);
  const raw = (amount: number): Money => ({ amount, currency });
  switch (rule.when) {
    case 'outage': {
      const topic = rule.topic.toLowerCase();
      if (topicOf(situation) !== topic) return null;
      const lookbackFrom = situation.now - rule.lookbackDays * DAY_MS;
      const about = allContacts(situation).filter(
        (contact) =>
          contact.channel !== 'note' &&
          (contact.id === situation.contact.id || contact.direction === 'inbound') &&
          (contact.topic ?? '').toLowerCase() === topic &&
          contact.at > lookbackFrom &&
          contact.at <= situation.now,
      );
      const open = about.filter((contact) => contact.resolution !== 'resolved' || contact.id === situation.contact.id);
      const earliest = Math.min(...open.map((contact) => contact.at));
      const span = open.length > 0 ? situation.now - earliest : 0;
      const windowFrom = situation.now - rule.windowDays * DAY_MS;
      const recent = about.filter((contact) => contact.at > windowFrom).length;
      const long = span > rule.minHours * HOUR_MS;
      if (!long && recent < rule.minContacts) return null;
      const days = Math.max(1, Math.floor(span / DAY_MS));
      const amount = Math.min(rule.perDay * days, rule.max);
      const credit = { values: { days, atMost: rule.perDay * days > rule.max ? 'yes' : 'no' }, money: { perDay: raw(rule.perDay), max: raw(rule.max) } };
      const reason: GestureReasonMessage = long
        ? { descriptor: R.outageOpen, ...credit, durations: { span: spanAsCounted(span) } }
        : { descriptor: R.outageContacts, ...credit, values: { ...credit.values, count: recent, windowDays: rule.windowDays } };
      return {
        rule,
        kind: rule.kind,
        amount,
        describe: (value) => fill(rule.description, { amount: money(value ?? 0), days: plural(days, 'day') }),
        reason,
      };
    }
    case 'repeat-contact': {
      const topic = topicOf(situation);
      if (!topic) return null;
      const earlier = earlierInboundContacts(situation, rule.windowDays * DAY_MS).filter((contact) => (contact.topic ?? '').toLowerCase() === topic);
      if (earlier.length < rule.minEarlierContacts) return null;
      const total = earlier.length + (currentIsInbound(situation) ? 1 : 0);
      return {
        rule,
        kind: rule.kind,
        amount: rule.amount,
        describe: (value) => fill(rule.description, { amount: money(value ?? 0) }),
        reason: { descriptor: R.repeatContact, values: { count: total, topic, windowDays: rule.windowDays } },
      };
    }
    case 'low-csat': {
      const survey = lastAnsweredSurvey(situation);
      if (!survey || survey.csat === null || survey.csat > rule.maxCsat) return null;
      return {
        rule,
        kind: rule.kind,
        amount: rule.amount,
        describe: (value) => fill(rule.description, { amount: money(value ?? 0) }),
        reason: { descriptor: R.lowCsat, values: { csat: survey.csat } },
      };
    }
    case 'vip':
      return null;
  }
}

/**
 * The most fitting gesture, in the customer's account currency (the policy's
 * amounts and limits are read as amounts of that currency): of the rules that apply, the one worth most
 * (the earlier rule on a tie); gestures without a money value (a VIP's
 * priority callback) when no money gesture applies or money can no longer be
 * given. Money is capped at the limit — the role's limit per contact, or what
 * is left of the customer's cap — and the reason says so.
 */
export function suggestGesture(situation: Situation, policy: GoodwillPolicy, role: Role): GestureSuggestion | null {
  const currency = accountCurrency(situation.customer, policy.currency);
  const roleLimit = policy.limits[role];
  const given = givenRecently(situation, policy.customerCap.days, currency, policy.currency);
  const capLeft = Math.max(0, policy.customerCap.amount - given);
  const limit = Math.min(roleLimit, capLeft);
  const money = (amount: number): Money => ({ amount, currency });
  const customerCap = { values: { days: policy.customerCap.days }, money: { given: money(given), cap: money(policy.customerCap.amount) } };

  const moneyCandidates: Candidate[] = [];
  const otherCandidates: { rule: GestureRule; gestures: Gesture[]; reason: GestureReasonMessage }[] = [];
  for (const rule of policy.rules) {
    if (rule.when === 'vip') {
      if (situation.customer.tier === 'vip') {
        otherCandidates.push({ rule, gestures: rule.offers.map((offer) => ({ kind: offer.kind, description: offer.description, value: null, currency: null })), reason: { descriptor: R.vip } });
      }
      continue;
    }
    const candidate = candidateFor(rule, situation, currency);
    if (candidate && candidate.amount !== null && candidate.amount > 0) moneyCandidates.push(candidate);
  }
  // Largest first; the sort is stable, so the earlier rule wins a tie.
  moneyCandidates.sort((a, b) => (b.amount ?? 0) - (a.amount ?? 0));

  const capped = (candidate: Candidate): Gesture => {
    const value = Math.min(candidate.amount ?? 0, limit);
    return { kind: candidate.kind, description: candidate.describe(value), value, currency };
  };
  const extras = otherCandidates.flatMap((other) => other.gestures);

  const best = limit > 0 ? moneyCandidates[0] : undefined;
  if (best) {
    const amount = best.amount ?? 0;
    const withinLimit = amount <= limit;
    const reason: GestureReasonMessage[] = [best.reason];
    if (!withinLimit) {
      const byCap = capLeft < roleLimit;
      if (byCap) reason.push({ descriptor: R.cappedByCustomer, values: customerCap.values, money: { ...customerCap.money, limit: money(limit) } });
      else if (role === 'agent' && policy.limits.supervisor > roleLimit) {
        reason.push({ descriptor: R.cappedBySupervisor, money: { limit: money(limit), supervisorLimit: money(Math.min(policy.limits.supervisor, capLeft)) } });
      } else reason.push({ descriptor: R.cappedByRole, values: { role }, money: { limit: money(limit) } });
    }
    return {
      gesture: capped(best),
      reason,
      withinLimit,
      limit,
      ruleId: best.rule.id,
      alternatives: [...moneyCandidates.slice(1).map(capped), ...extras],
    };
  }

  const other = otherCandidates[0];
  const primary = other?.gestures[0];
  if (!other || !primary) return null;
  const reason: GestureReasonMessage[] = [other.reason];
  if (moneyCandidates.length > 0) {
    reason.push(
      capLeft <= 0 ? { descriptor: R.noCreditByCustomer, ...customerCap } : { descriptor: R.noCreditByRole, values: { role }, money: { limit: money(roleLimit) } },
    );
  }
  return { gesture: primary, reason, withinLimit: true, limit, ruleId: other.rule.id, alternatives: extras.slice(1) };
}
