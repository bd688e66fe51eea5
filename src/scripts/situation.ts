/**
 * What the agent's desktop knows about the contact in hand, and the facts the
 * script engine, goodwill gestures and saved replies read from it.
 */
import type { Contact, Customer, FollowUp, QueueItem, SurveyResponse, User } from '../domain/model';
import { customerWords, readSentiment, sentimentLanguageFor, type SentimentNotRead } from '../sentiment';

export interface Situation {
  customer: Customer;
  agent: User;
  /** The contact being handled. */
  contact: Contact;
  /** The customer's contacts, in any order; may include the current one. */
  history: readonly Contact[];
  surveys: readonly SurveyResponse[];
  followUps: readonly FollowUp[];
  queueItem: QueueItem | null;
  now: number;
  companyName: string;
  /** The expectation set with the customer, once there is one. */
  promiseText?: string | null;
  /** The goodwill gesture offered, once there is one. */
  gestureText?: string | null;
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** How long the contact waited in the queue: until it was claimed, or until now. Null when it did not queue. */
export function waitedMs(situation: Pick<Situation, 'queueItem' | 'now'>): number | null {
  const item = situation.queueItem;
  if (!item) return null;
  const until = item.claimedAt ?? situation.now;
  return Math.max(0, until - item.enqueuedAt);
}

/** Inbound contacts from the customer (not notes) other than the current one, in the `windowMs` before now. */
export function earlierInboundContacts(situation: Pick<Situation, 'customer' | 'contact' | 'history' | 'now'>, windowMs: number): Contact[] {
  const seen = new Set<string>([situation.contact.id]);
  const from = situation.now - windowMs;
  const out: Contact[] = [];
  for (const contact of situation.history) {
    if (seen.has(contact.id)) continue;
    seen.add(contact.id);
    if (contact.customerId !== situation.customer.id) continue;
    if (contact.direction !== 'inbound' || contact.channel === 'note') continue;
    if (contact.at <= from || contact.at > situation.now) continue;
    out.push(contact);
  }
  return out;
}

/** Whether the current contact is one the customer started (it counts towards their contacts). */
export function currentIsInbound(situation: Pick<Situation, 'contact'>): boolean {
  return situation.contact.direction === 'inbound' && situation.contact.channel !== 'note';
}

/** Inbound contacts in the `windowMs` before now, the current one included when the customer started it. */
export function inboundContactCount(situation: Pick<Situation, 'customer' | 'contact' | 'history' | 'now'>, windowMs: number): number {
  return earlierInboundContacts(situation, windowMs).length + (currentIsInbound(situation) ? 1 : 0);
}

/** The customer's most recent answered survey with a satisfaction score. */
export function lastAnsweredSurvey(situation: Pick<Situation, 'customer' | 'surveys'>): SurveyResponse | null {
  let latest: SurveyResponse | null = null;
  for (const survey of situation.surveys) {
    if (survey.customerId !== situation.customer.id || survey.status !== 'answered' || survey.csat === null) continue;
    if (!latest || survey.at > latest.at) latest = survey;
  }
  return latest;
}

/** The customer's scheduled follow-ups, earliest due first. */
export function openFollowUps(situation: Pick<Situation, 'customer' | 'followUps'>): FollowUp[] {
  return situation.followUps
    .filter((followUp) => followUp.customerId === situation.customer.id && followUp.state === 'scheduled')
    .sort((a, b) => a.dueAt - b.dueAt);
}

/** The customer's scheduled follow-ups that were due before now, most overdue first. */
export function overdueFollowUps(situation: Pick<Situation, 'customer' | 'followUps' | 'now'>): FollowUp[] {
  return openFollowUps(situation).filter((followUp) => followUp.dueAt < situation.now);
}

export interface ContactTone {
  score: number;
  /** Where the score came from: the customer's words, or the tone recorded on the contact. */
  source: 'words' | 'recorded';
  cues: string[];
}

/**
 * The tone of the customer in the current contact: their latest words
 * analysed in their language (the profile's, or the one the words are plainly
 * in), or the tone recorded on the contact when there are no words it can read.
 */
export function contactTone(contact: Contact, language?: string | null): ContactTone | null {
  const words = customerWords(contact);
  if (words !== null) {
    const reading = readSentiment(words, language);
    if (reading.read) return { score: reading.score, source: 'words', cues: reading.cues };
  }
  if (contact.sentiment !== null) return { score: contact.sentiment, source: 'recorded', cues: [] };
  return null;
}

/** Why the customer's latest words in this contact were not read, or null when they were (or there are none). */
export function unreadWords(contact: Contact, language?: string | null): SentimentNotRead | null {
  const words = customerWords(contact);
  if (words === null) return null;
  const choice = sentimentLanguageFor(words, language);
  return choice.read ? null : choice;
}

/** "14 minutes", "1 hour", "2 hours 5 minutes", "3 days". */
export function durationText(ms: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (ms >= 2 * DAY_MS) return plural(Math.floor(ms / DAY_MS), 'day');
  const minutes = Math.max(1, Math.round(ms / MINUTE_MS));
  if (minutes < 60) return plural(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? plural(hours, 'hour') : `${plural(hours, 'hour')} ${plural(rest, 'minute')}`;
}
