/**
 * Labels shared by the hub and the desktop are message descriptors (an id and
 * the British English); the screens format them in the agent's language. Code
 * that needs the English itself (logs, the API's documentation) derives it.
 */
import type { MessageDescriptor } from '@formatjs/intl';

export type { MessageDescriptor };

/** A message and the values that fill its placeholders, formatted where it is shown. */
export interface Message {
  descriptor: MessageDescriptor;
  values?: Record<string, string | number>;
}

/** The British English of each label. */
export function englishOf<K extends string>(messages: Record<K, MessageDescriptor>): Record<K, string> {
  return Object.fromEntries(Object.entries<MessageDescriptor>(messages).map(([key, message]) => [key, typeof message.defaultMessage === 'string' ? message.defaultMessage : key])) as Record<K, string>;
}
