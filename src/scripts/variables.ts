/** The values of the script variables for the contact in hand. */
import { defineMessages } from '@formatjs/intl';
import { englishOf, type MessageDescriptor } from '../i18n/messages';
import type { Tier } from '../domain/model';
import { formatZonedDateTime, zonedParts } from '../promise/zones';
import { DAY_MS, MINUTE_MS, type Situation, inboundContactCount, lastAnsweredSurvey, openFollowUps, waitedMs } from './situation';
import { CHANNEL_THANKS } from './channel';
import { customerWordsFor } from './customer-words';
import type { ScriptVariable } from './vocabulary';

export const TIER_MESSAGES = defineMessages({
  standard: { id: 'model.tier.standard', defaultMessage: 'Standard' },
  gold: { id: 'model.tier.gold', defaultMessage: 'Gold' },
  vip: { id: 'model.tier.vip', defaultMessage: 'VIP' },
}) satisfies Record<Tier, MessageDescriptor>;
export const TIER_LABELS: Record<Tier, string> = englishOf(TIER_MESSAGES);

/** The first word of a person's name. */
export function firstNameOf(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

/**
 * Every script variable's value:
 * - `contact.thanks`: thanks for getting in touch on the contact's channel ("Thank you for calling", "Thanks for messaging");
 * - `wait.minutes`: minutes in the queue, rounded, at least 1;
 * - `contact.count7d`: the customer's inbound contacts (not notes) in the last 7 days, this one included;
 * - `lastCsat`: the last satisfaction score as a number ("2"), since scripts say "{lastCsat} out of 5"; "no rating yet" without one;
 * - `followUp.dueText`: when the earliest open follow-up is due, on the customer's clock ("Tuesday 24 November at 15:00"),
 *   with the year when it is not this year, or "no follow-up planned";
 * - `promise.text`, `gesture.text`: as set on the situation, or empty.
 *
 * `textLanguage`, the language of the script or reply being filled in, words
 * the values for it (German, Spanish); English otherwise.
 */
export function variablesFor(situation: Situation, textLanguage?: string | null): Record<ScriptVariable, string> {
  const { customer, now } = situation;
  const waited = waitedMs(situation) ?? 0;
  const survey = lastAnsweredSurvey(situation);
  const next = openFollowUps(situation)[0];
  const zone = customer.timeZone;
  const words = customerWordsFor(textLanguage);
  const withYear = next ? zonedParts(next.dueAt, zone).y !== zonedParts(now, zone).y : false;
  const dueText = next
    ? words
      ? words.due(next.dueAt, zone, withYear)
      : formatZonedDateTime(next.dueAt, zone, { withYear })
    : (words?.noFollowUp ?? 'no follow-up planned');
  return {
    'customer.firstName': customer.firstName,
    'customer.lastName': customer.lastName,
    'customer.tier': words ? words.tiers[customer.tier] : TIER_LABELS[customer.tier],
    'agent.firstName': firstNameOf(situation.agent.name),
    'company.name': situation.companyName,
    'contact.thanks': (words?.thanks ?? CHANNEL_THANKS)[situation.contact.channel],
    'wait.minutes': String(Math.max(1, Math.round(waited / MINUTE_MS))),
    'contact.count7d': String(inboundContactCount(situation, 7 * DAY_MS)),
    lastCsat: survey?.csat != null ? String(survey.csat) : (words?.noRating ?? 'no rating yet'),
    'followUp.dueText': dueText,
    'promise.text': situation.promiseText ?? '',
    'gesture.text': situation.gestureText ?? '',
  };
}
