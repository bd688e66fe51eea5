/** Which situation triggers apply to the contact in hand, and why. */
import type { FollowUpKind } from '../domain/model';
import {
  DAY_MS,
  MINUTE_MS,
  type Situation,
  contactTone,
  currentIsInbound,
  durationText,
  earlierInboundContacts,
  lastAnsweredSurvey,
  overdueFollowUps,
  waitedMs,
} from './situation';
import { SCRIPT_TRIGGERS, type ScriptTrigger } from './vocabulary';
import { defineMessages } from '@formatjs/intl';
import type { Formatter } from '../i18n/format';
import { englishMessage, type Message, type TextFormatter } from '../i18n/messages';

export interface TriggerThresholds {
  /** A wait in the queue this long or longer is a long wait. */
  longWaitMinutes: number;
  /** Earlier inbound contacts within the window that make this a repeat contact (2: this is at least the 3rd). */
  repeatContacts: number;
  repeatWindowDays: number;
  /** A last satisfaction score at or below this is low. */
  lowCsat: number;
  /** A tone at or below this is negative. */
  negativeSentiment: number;
}

export const DEFAULT_THRESHOLDS: Readonly<TriggerThresholds> = {
  longWaitMinutes: 10,
  repeatContacts: 2,
  repeatWindowDays: 7,
  lowCsat: 2,
  negativeSentiment: -0.3,
};

export interface TriggerHit {
  trigger: ScriptTrigger;
  /** Why, in British English: "Waited 14 minutes", "3 contacts in 7 days". */
  reason: string;
  /** Why, as a message for the agent's language; a `{duration}` in it is `durationMs`, worded by the screen. */
  said: Message;
  durationMs?: number;
}

const REASONS = defineMessages({
  longWait: { id: 'trigger.reason.longWait', defaultMessage: 'Waited {duration}' },
  repeat: {
    id: 'trigger.reason.repeat',
    defaultMessage: '{now, select, yes {{count} contacts in {days, plural, one {# day} other {# days}}} other {{count} contacts from them in the last {days, plural, one {# day} other {# days}}}}',
  },
  lowCsat: { id: 'trigger.reason.lowCsat', defaultMessage: 'Rated us {score} out of 5 last time' },
  vip: { id: 'trigger.reason.vip', defaultMessage: 'VIP customer' },
  overdueOne: {
    id: 'trigger.reason.overdueOne',
    defaultMessage: '{kind, select, callback {Callback} checkIn {Check-in} recovery {Recovery call} other {Follow-up message}} overdue by {duration}',
  },
  overdueMany: { id: 'trigger.reason.overdueMany', defaultMessage: '{count} follow-ups overdue, the oldest by {duration}' },
  upset: { id: 'trigger.reason.upset', defaultMessage: 'Sounds upset: {cues}' },
  toneNegative: { id: 'trigger.reason.toneNegative', defaultMessage: 'Tone recorded as negative ({score})' },
});

/** ICU select keys cannot hold a hyphen. */
const KIND_KEYS: Record<FollowUpKind, string> = { callback: 'callback', 'check-in': 'checkIn', recovery: 'recovery', message: 'message' };

interface Reason {
  said: Message;
  durationMs?: number;
}

function hitOf(trigger: ScriptTrigger, reason: Reason): TriggerHit {
  const values = { ...reason.said.values, ...(reason.durationMs === undefined ? {} : { duration: durationText(reason.durationMs) }) };
  return { trigger, reason: englishMessage(reason.said.descriptor, values), ...reason };
}

/** A hit's reason in the agent's language. */
export function triggerReason(text: TextFormatter, format: Pick<Formatter, 'duration'>, hit: TriggerHit): string {
  const values = { ...hit.said.values, ...(hit.durationMs === undefined ? {} : { duration: format.duration(hit.durationMs, 'long') }) };
  return text.formatMessage(hit.said.descriptor, values);
}

function quote(cues: readonly string[]): string {
  return cues
    .slice(0, 3)
    .map((cue) => `“${cue}”`)
    .join(', ');
}

/** The triggers that apply, in the vocabulary's order, each with its reason. */
export function detectTriggers(situation: Situation, thresholds: TriggerThresholds = DEFAULT_THRESHOLDS): TriggerHit[] {
  const hits = new Map<ScriptTrigger, Reason>();

  const waited = waitedMs(situation);
  if (waited !== null && waited >= thresholds.longWaitMinutes * MINUTE_MS) {
    hits.set('long-wait', { said: { descriptor: REASONS.longWait }, durationMs: waited });
  }

  const days = thresholds.repeatWindowDays;
  const earlier = earlierInboundContacts(situation, days * DAY_MS);
  if (earlier.length >= thresholds.repeatContacts && earlier.length > 0) {
    const total = earlier.length + (currentIsInbound(situation) ? 1 : 0);
    hits.set('repeat-contact', { said: { descriptor: REASONS.repeat, values: { count: total, days, now: currentIsInbound(situation) ? 'yes' : 'no' } } });
  }

  const survey = lastAnsweredSurvey(situation);
  if (survey && survey.csat !== null && survey.csat <= thresholds.lowCsat) {
    hits.set('low-csat', { said: { descriptor: REASONS.lowCsat, values: { score: survey.csat } } });
  }

  if (situation.customer.tier === 'vip') hits.set('vip', { said: { descriptor: REASONS.vip } });

  const overdue = overdueFollowUps(situation);
  const oldest = overdue[0];
  if (oldest) {
    const by = situation.now - oldest.dueAt;
    hits.set(
      'overdue-follow-up',
      overdue.length === 1
        ? { said: { descriptor: REASONS.overdueOne, values: { kind: KIND_KEYS[oldest.kind] } }, durationMs: by }
        : { said: { descriptor: REASONS.overdueMany, values: { count: overdue.length } }, durationMs: by },
    );
  }

  const tone = contactTone(situation.contact, situation.customer.language);
  if (tone && tone.score <= thresholds.negativeSentiment) {
    const score = tone.score.toFixed(2).replace('-', '−');
    hits.set(
      'negative-sentiment',
      tone.source === 'words' && tone.cues.length > 0
        ? { said: { descriptor: REASONS.upset, values: { cues: quote(tone.cues) } } }
        : { said: { descriptor: REASONS.toneNegative, values: { score } } },
    );
  }

  return SCRIPT_TRIGGERS.filter((trigger) => hits.has(trigger)).map((trigger) => hitOf(trigger, hits.get(trigger)!));
}

/** Just the triggers, for `startRun`. */
export function triggersOf(hits: readonly TriggerHit[]): ScriptTrigger[] {
  return hits.map((hit) => hit.trigger);
}
