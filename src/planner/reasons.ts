/**
 * Why a follow-up is suggested, as messages: the ids and British English
 * here, the values raw (the customer's first name, the promise's words, the
 * channel's id, counts, the score), so the screen says them in the agent's
 * language. The agent may edit the words before the follow-up is saved; what
 * is saved is text, like a note.
 */
import { defineMessages } from '@formatjs/intl';
import { englishMessage, type Message, type MessageDescriptor, type TextFormatter } from '../i18n/messages';

/** A reason whose values may also be labels (the customer's tier, the follow-up's kind), said in the reader's language. */
export interface SuggestionReason extends Message {
  labels?: Record<string, MessageDescriptor>;
}

// "{about}" is what the contact was about: its subject, else its topic, else nothing.
export const SUGGESTION_REASON_MESSAGES = defineMessages({
  promise: {
    id: 'planner.reason.promise',
    defaultMessage:
      'Promised {firstName}: “{promise}”. {channel, select, call {Call back} email {Email back} chat {Message back in chat} sms {Text back} social {Reply on social media} other {Get back to them}} before it is due.',
  },
  unresolved: {
    id: 'planner.reason.unresolved',
    defaultMessage:
      'Not resolved {contactChannel, select, call {on the call} email {by email} chat {in the chat} sms {by SMS} social {on social media} other {on the contact}}{about, select, subject { about “{subject}”} topic { about {topic}} other {}}: {channel, select, call {call back} email {email back} chat {message back in chat} sms {text back} social {reply on social media} other {get back to them}} {days, plural, one {the next business day} other {in # business days}} to finish it.',
  },
  lowCsat: {
    id: 'planner.reason.lowCsat',
    defaultMessage: '{firstName} rated the contact {csat} of 5: {channel, select, call {call} other {get in touch}} within {days, plural, one {# day} other {# days}} to put things right.',
  },
  vipCheckIn: {
    id: 'planner.reason.vipCheckIn',
    defaultMessage:
      '{tier} customer, resolved{about, select, subject { about “{subject}”} topic { about {topic}} other {}}: check in after {days, plural, one {# day} other {# days}} that all is still well.',
  },
  noAnswer: {
    id: 'planner.reason.noAnswer',
    defaultMessage: '{kind}: {tried, select, morning {no answer in the morning. Try again in the afternoon.} other {no answer in the afternoon. Try again in the morning.}}',
  },
  leftMessage: {
    id: 'planner.reason.leftMessage',
    defaultMessage: '{kind}: left a message. Follow up in {days, plural, one {# business day} other {# business days}} if they have not been in touch.',
  },
  needsAnother: { id: 'planner.reason.needsAnother', defaultMessage: '{kind}: needs another follow-up.' },
}) satisfies Record<string, MessageDescriptor>;

/** The values that say what a contact was about: its subject, else its topic, else nothing. */
export function aboutValues(contact: { subject: string; topic: string | null }): { about: 'subject' | 'topic' | 'none'; subject: string; topic: string } {
  const subject = contact.subject.trim();
  const topic = contact.topic ?? '';
  return { about: subject ? 'subject' : topic ? 'topic' : 'none', subject, topic };
}

/** A suggestion's reason in the reader's language. */
export function suggestionReasonText(reason: SuggestionReason, intl: TextFormatter): string {
  const values: Record<string, string | number> = { ...reason.values };
  for (const [name, label] of Object.entries(reason.labels ?? {})) values[name] = intl.formatMessage(label);
  return intl.formatMessage(reason.descriptor, values);
}

/** A suggestion's reason in British English, for code that stores or logs it without a screen. */
export function englishSuggestionReason(reason: SuggestionReason): string {
  return suggestionReasonText(reason, { formatMessage: englishMessage });
}
