/**
 * Messages the hub and the rules send people (refusals, problems with input,
 * notifications, system notes), found by id and formatted in the reader's
 * language. A message this desktop does not know (a newer hub's) shows its
 * English as sent.
 */
import { localValues, PROBLEM_MESSAGES } from '../domain/problems';
import type { MessageDescriptor, MessageValues, TextFormatter } from '../i18n/messages';
import { NOTE_MESSAGES, NOTIFICATION_MESSAGES } from './mutations/notices';
import { REJECTIONS } from './mutations/rejections';

const KNOWN = new Map<string, MessageDescriptor>(
  [REJECTIONS, PROBLEM_MESSAGES, NOTIFICATION_MESSAGES, NOTE_MESSAGES].flatMap((messages) => Object.values<MessageDescriptor>(messages).map((descriptor) => [String(descriptor.id), descriptor] as const)),
);

/** The message with this id, if this build knows it. */
export function knownMessage(id: string): MessageDescriptor | undefined {
  return KNOWN.get(id);
}

/** A message that travelled by id: in the reader's language when known here, else the English it came with. */
export function formatSaid(intl: TextFormatter, said: { id?: string; values?: MessageValues } | undefined, english: string): string {
  const descriptor = said?.id ? KNOWN.get(said.id) : undefined;
  if (!descriptor) return english;
  return intl.formatMessage(descriptor, localValues(intl, said?.values));
}

/** A rejection as the agent reads it (a hub too old to send the id: its English). */
export function formatRejection(intl: TextFormatter, rejection: { message: string; messageId?: string; values?: MessageValues }): string {
  return formatSaid(intl, { id: rejection.messageId, values: rejection.values }, rejection.message);
}
