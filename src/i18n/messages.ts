/**
 * Labels shared by the hub and the desktop are message descriptors (an id and
 * the British English); the screens format them in the agent's language. Code
 * that needs the English itself (logs, the API's documentation) derives it.
 */
import { createIntl, type IntlShape, type MessageDescriptor } from '@formatjs/intl';
import { printAST } from '@formatjs/icu-messageformat-parser/printer.js';

export type { MessageDescriptor };

/** A message and the values that fill its placeholders, formatted where it is shown. */
export interface Message {
  descriptor: MessageDescriptor;
  values?: Record<string, string | number>;
}

/** A descriptor's British English as written: the text, or the text printed back from the syntax tree a build compiled it to. */
export function defaultText(descriptor: MessageDescriptor): string {
  const message = descriptor.defaultMessage;
  if (message === undefined) return descriptor.id ?? '';
  return typeof message === 'string' ? message : printAST(message);
}

/** The British English of each label. */
export function englishOf<K extends string>(messages: Record<K, MessageDescriptor>): Record<K, string> {
  return Object.fromEntries(Object.entries<MessageDescriptor>(messages).map(([key, message]) => [key, message.defaultMessage === undefined ? key : defaultText(message)])) as Record<K, string>;
}

/** Values a message carries between the hub and the desktop: names and numbers, never text to translate. */
export type MessageValues = Record<string, string | number>;

let english: IntlShape | undefined;

/**
 * The British English of a message with its values, for logs, for API
 * callers that read `message`, and for desktops too old to know its id.
 */
export function englishMessage(descriptor: MessageDescriptor, values?: MessageValues): string {
  english ??= createIntl({ locale: 'en-GB', defaultLocale: 'en-GB', messages: {}, onError: () => undefined });
  return english.formatMessage(descriptor, values);
}

/** What formats a message in a reader's language: react-intl's `useIntl()` or @formatjs/intl's `createIntl()`. */
export interface TextFormatter {
  formatMessage(descriptor: MessageDescriptor, values?: MessageValues): string;
}

/** A message in British English, for text that stays English (logs, support diagnostics). */
export function formatEnglish(message: Message): string {
  return englishMessage(message.descriptor, message.values);
}
