/**
 * What the rules and the hub write for people to read later: notifications
 * (the bell) and system notes on a customer's timeline. Each row keeps the
 * British English and the message with its values, so every reader sees it in
 * their own language. Text a person typed (a reason, advice, a note) is a
 * value, never translated.
 */
import { defineMessages } from '@formatjs/intl';
import type { Said } from '../../domain/model';
import { englishMessage, type MessageDescriptor, type MessageValues } from '../../i18n/messages';

// A channel is a select in each sentence ("a {channel}"), so each language gives it its own article and case.
export const NOTIFICATION_MESSAGES = defineMessages({
  transferred: { id: 'notification.transfer.toYou', defaultMessage: '{name} transferred a {channel, select, call {call} email {email} chat {chat} sms {sms} social {social} note {note} other {contact}} to you: {reason}.' },
  transferredWithNote: { id: 'notification.transfer.toYouWithNote', defaultMessage: '{name} transferred a {channel, select, call {call} email {email} chat {chat} sms {sms} social {social} note {note} other {contact}} to you: {reason}. {note}' },
  movedToPerson: { id: 'notification.takenOver.movedToPerson', defaultMessage: '{name} transferred the {channel, select, call {call} email {email} chat {chat} sms {sms} social {social} note {note} other {contact}} you had to {to}: {reason}.' },
  movedToQueue: { id: 'notification.takenOver.movedToQueue', defaultMessage: '{name} transferred the {channel, select, call {call} email {email} chat {chat} sms {sms} social {social} note {note} other {contact}} you had to the {queue} queue: {reason}.' },
  tookOver: { id: 'notification.takenOver.tookOver', defaultMessage: '{name} took over the {channel, select, call {call} email {email} chat {chat} sms {sms} social {social} note {note} other {contact}}: it is theirs now.' },
  advice: { id: 'notification.advice.advises', defaultMessage: '{name} advises: {advice}' },
  declined: { id: 'notification.transferReturned.declined', defaultMessage: '{name} declined the {channel, select, call {call} email {email} chat {chat} sms {sms} social {social} note {note} other {contact}} you transferred: it is waiting in its queue again.' },
  notTakenInTime: {
    id: 'notification.transferReturned.notTakenInTime',
    defaultMessage: '{name} did not take the {channel, select, call {call} email {email} chat {chat} sms {sms} social {social} note {note} other {contact}} you transferred in time: it is waiting in the {queue} queue again.',
  },
  cannotTake: {
    id: 'notification.transferReturned.cannotTake',
    defaultMessage: '{name} can no longer take the {channel, select, call {call} email {email} chat {chat} sms {sms} social {social} note {note} other {contact}} you transferred ({presence, select, available {available} busy {busy} afterContactWork {after-contact work} away {away} offline {offline} other {gone}}): it is waiting in the {queue} queue again.',
  },
  mentioned: { id: 'notification.mention.mentioned', defaultMessage: '{name} mentioned you about {customer}: {excerpt}' },
  presenceSet: {
    id: 'notification.presence.set',
    defaultMessage: '{presence, select, available {{name} set you to available.} busy {{name} set you to busy.} afterContactWork {{name} set you to after-contact work.} away {{name} set you to away.} other {{name} set you to offline.}}',
  },
});

export const NOTE_MESSAGES = defineMessages({
  transferredToPerson: { id: 'note.transfer.toPerson', defaultMessage: 'Transferred to {to}: {reason}.' },
  transferredToQueue: { id: 'note.transfer.toQueue', defaultMessage: 'Transferred to the {queue} queue: {reason}.' },
  // The person's own note on the transfer follows the line, as they typed it.
  // eslint-disable-next-line formatjs/no-multiple-whitespaces -- the person's note is its own paragraph, as in the English body
  transferredToPersonWithNote: { id: 'note.transfer.toPersonWithNote', defaultMessage: 'Transferred to {to}: {reason}.\n\n{note}' },
  // eslint-disable-next-line formatjs/no-multiple-whitespaces -- as above
  transferredToQueueWithNote: { id: 'note.transfer.toQueueWithNote', defaultMessage: 'Transferred to the {queue} queue: {reason}.\n\n{note}' },
  customerCreated: { id: 'note.customer.created', defaultMessage: 'Customer created by {name}.' },
  merged: {
    id: 'note.customer.merged',
    defaultMessage:
      '{name} merged {merged} ({mergedId}) into this customer: {contacts, plural, one {# contact} other {# contacts}}, {followUps, plural, one {# follow-up} other {# follow-ups}} and {surveys, plural, one {# survey} other {# surveys}} moved here.',
  },
  unmerged: { id: 'note.customer.unmerged', defaultMessage: '{name} undid the merge of {merged} ({mergedId}) into this customer.' },
});

/** A presence as a select's key in these messages (ICU keys have no dashes): "after-contact-work" → "afterContactWork". */
export function presenceKey(presence: string): string {
  return presence.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** A row's text in British English and as a message: `{ text, textMessage }` for a notification. */
export function noticeText(descriptor: MessageDescriptor, values: MessageValues): { text: string; textMessage: Said } {
  return { text: englishMessage(descriptor, values), textMessage: { id: String(descriptor.id), values } };
}

/** A system note's body in British English and as a message: `{ body, bodyMessage }`. */
export function noteBody(descriptor: MessageDescriptor, values: MessageValues): { body: string; bodyMessage: Said } {
  return { body: englishMessage(descriptor, values), bodyMessage: { id: String(descriptor.id), values } };
}
