/**
 * Words for people from code outside React (the session, hub calls, the error
 * log): formatted in the language the workstation speaks now, and the language
 * the hub is asked to answer in.
 */
import { createIntl, createIntlCache, type IntlShape, type MessageDescriptor } from '@formatjs/intl';
import { formattingLocale, SOURCE_LOCALE } from '@core/i18n/locales';
import { currentLocale, useLocaleStore } from '../lib/i18n';

const cache = createIntlCache();
let made: { messages: unknown; intl: IntlShape } | null = null;

function intlNow(): IntlShape {
  const { locale, messages } = useLocaleStore.getState();
  if (made?.messages !== messages) {
    const intl = createIntl(
      {
        locale: formattingLocale(locale),
        defaultLocale: SOURCE_LOCALE,
        messages,
        // Missing text falls back to the English in the code (the catalogue test keeps that from happening unseen).
        onError: () => undefined,
      },
      cache,
    );
    made = { messages, intl };
  }
  return made.intl;
}

/** One message in the agent's language now. */
export function say(descriptor: MessageDescriptor, values?: Record<string, string | number>): string {
  return intlNow().formatMessage(descriptor, values);
}

/** Asks the hub to answer people in their language (its refusals and notices). */
export function languageHeader(): { 'accept-language': string } {
  return { 'accept-language': currentLocale() };
}
