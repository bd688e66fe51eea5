/**
 * Messages the hub and the rules send people (refusals, problems with input,
 * notifications, system notes), found by id and formatted in the reader's
 * language. A message this desktop does not know (a newer hub's) shows its
 * English as sent.
 */
import { localValues, PROBLEM_MESSAGES } from '../domain/problems';
import type { Message, MessageDescriptor, MessageValues, TextFormatter } from '../i18n/messages';
import { formatScriptProblem, isScriptProblemMessage, SCRIPT_PROBLEM_MESSAGES } from '../scripts/validate';
import { NOTE_MESSAGES, NOTIFICATION_MESSAGES } from './mutations/notices';
import { REJECTIONS } from './mutations/rejections';

const KNOWN = new Map<string, MessageDescriptor>(
  [REJECTIONS, PROBLEM_MESSAGES, SCRIPT_PROBLEM_MESSAGES, NOTIFICATION_MESSAGES, NOTE_MESSAGES].flatMap((messages) => Object.values<MessageDescriptor>(messages).map((descriptor) => [String(descriptor.id), descriptor] as const)),
);

/** The message with this id, if this build knows it. */
export function knownMessage(id: string): MessageDescriptor | undefined {
  return KNOWN.get(id);
}

/**
 * A message inside another's values (a refusal that names the problem it
 * found): values are flat, so it travels as `{key}` (its English, for
 * desktops that do not know it), `{key}Id` and its own values as `{key}.name`.
 */
export function nestedValues(key: string, message: Message, english: string): MessageValues {
  return { [key]: english, [`${key}Id`]: String(message.descriptor.id), ...Object.fromEntries(Object.entries(message.values ?? {}).map(([name, value]) => [`${key}.${name}`, value])) };
}

function formatKnown(intl: TextFormatter, descriptor: MessageDescriptor, values: MessageValues | undefined): string {
  if (isScriptProblemMessage(String(descriptor.id))) return formatScriptProblem(intl, { descriptor, values: values ?? {} });
  return intl.formatMessage(descriptor, localValues(intl, unnested(intl, values)));
}

/** Values with each nested message this desktop knows said in the reader's language (nestedValues). */
function unnested(intl: TextFormatter, values: MessageValues | undefined): MessageValues | undefined {
  if (!values) return values;
  let result = values;
  for (const [name, id] of Object.entries(values)) {
    const key = name.slice(0, -2);
    const descriptor = name.endsWith('Id') && key && typeof id === 'string' && key in values ? KNOWN.get(id) : undefined;
    if (!descriptor) continue;
    const prefix = `${key}.`;
    const own = Object.fromEntries(Object.entries(values).flatMap(([inner, value]) => (inner.startsWith(prefix) ? [[inner.slice(prefix.length), value]] : [])));
    result = { ...result, [key]: formatKnown(intl, descriptor, own) };
  }
  return result;
}

/** A message that travelled by id: in the reader's language when known here, else the English it came with. */
export function formatSaid(intl: TextFormatter, said: { id?: string; values?: MessageValues } | undefined, english: string): string {
  const descriptor = said?.id ? KNOWN.get(said.id) : undefined;
  if (!descriptor) return english;
  return formatKnown(intl, descriptor, said?.values);
}

/** A rejection as the agent reads it (a hub too old to send the id: its English). */
export function formatRejection(intl: TextFormatter, rejection: { message: string; messageId?: string; values?: MessageValues }): string {
  return formatSaid(intl, { id: rejection.messageId, values: rejection.values }, rejection.message);
}
