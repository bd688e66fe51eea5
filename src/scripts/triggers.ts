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
  /** Why, for the agent: "Waited 14 minutes", "3 contacts in 7 days". */
  reason: string;
}

const FOLLOW_UP_NOUNS: Record<FollowUpKind, string> = {
  callback: 'Callback',
  'check-in': 'Check-in',
  recovery: 'Recovery call',
  message: 'Follow-up message',
};

function quote(cues: readonly string[]): string {
  return cues
    .slice(0, 3)
    .map((cue) => `“${cue}”`)
    .join(', ');
}

/** The triggers that apply, in the vocabulary's order, each with its reason. */
export function detectTriggers(situation: Situation, thresholds: TriggerThresholds = DEFAULT_THRESHOLDS): TriggerHit[] {
  const hits = new Map<ScriptTrigger, string>();

  const waited = waitedMs(situation);
  if (waited !== null && waited >= thresholds.longWaitMinutes * MINUTE_MS) {
    hits.set('long-wait', `Waited ${durationText(waited)}`);
  }

  const days = thresholds.repeatWindowDays;
  const earlier = earlierInboundContacts(situation, days * DAY_MS);
  if (earlier.length >= thresholds.repeatContacts && earlier.length > 0) {
    const total = earlier.length + (currentIsInbound(situation) ? 1 : 0);
    const window = `${days} day${days === 1 ? '' : 's'}`;
    hits.set('repeat-contact', currentIsInbound(situation) ? `${total} contacts in ${window}` : `${total} contacts from them in the last ${window}`);
  }

  const survey = lastAnsweredSurvey(situation);
  if (survey && survey.csat !== null && survey.csat <= thresholds.lowCsat) {
    hits.set('low-csat', `Rated us ${survey.csat} out of 5 last time`);
  }

  if (situation.customer.tier === 'vip') hits.set('vip', 'VIP customer');

  const overdue = overdueFollowUps(situation);
  const oldest = overdue[0];
  if (oldest) {
    const by = durationText(situation.now - oldest.dueAt);
    hits.set(
      'overdue-follow-up',
      overdue.length === 1 ? `${FOLLOW_UP_NOUNS[oldest.kind]} overdue by ${by}` : `${overdue.length} follow-ups overdue, the oldest by ${by}`,
    );
  }

  const tone = contactTone(situation.contact, situation.customer.language);
  if (tone && tone.score <= thresholds.negativeSentiment) {
    const score = tone.score.toFixed(2).replace('-', '−');
    hits.set(
      'negative-sentiment',
      tone.source === 'words' && tone.cues.length > 0 ? `Sounds upset: ${quote(tone.cues)}` : `Tone recorded as negative (${score})`,
    );
  }

  return SCRIPT_TRIGGERS.filter((trigger) => hits.has(trigger)).map((trigger) => ({ trigger, reason: hits.get(trigger) ?? '' }));
}

/** Just the triggers, for `startRun`. */
export function triggersOf(hits: readonly TriggerHit[]): ScriptTrigger[] {
  return hits.map((hit) => hit.trigger);
}
