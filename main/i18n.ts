/**
 * What main itself shows people (the tray, dialogs) in the language the agent
 * chose in Settings, else the computer's. The renderer has its own catalogues;
 * main carries only the `desktop` area's, and the `reminders` area's for the
 * summary of several reminders due at once, which main words itself.
 */
import { app } from 'electron';
import { createIntl, type IntlShape } from '@formatjs/intl';
import { formattingLocale, negotiateLocale, SOURCE_LOCALE, type AppLocale, type LocaleChoice, type UiLocale } from '@core/i18n/locales';
import type { Message } from '@core/i18n/messages';
import de from '../src/i18n/catalogues/de/desktop.json';
import deReminders from '../src/i18n/catalogues/de/reminders.json';
import es from '../src/i18n/catalogues/es/desktop.json';
import esReminders from '../src/i18n/catalogues/es/reminders.json';

const CATALOGUES: Record<UiLocale, Record<string, string>> = { 'en-GB': {}, de: { ...de, ...deReminders }, es: { ...es, ...esReminders } };

export interface MainText {
  locale: AppLocale;
  say: (message: Message) => string;
  list: (parts: string[]) => string;
  /** For shared code that formats its own messages (the reminders' summary). */
  intl: IntlShape;
}

const cache = new Map<AppLocale, MainText>();

export function mainLocale(choice: LocaleChoice): AppLocale {
  return choice === 'system' ? negotiateLocale(app.getPreferredSystemLanguages()) : choice;
}

/** Text for `choice`; a pseudo-locale (a layout check of the renderer) shows main's English. */
export function mainText(choice: LocaleChoice): MainText {
  const locale = mainLocale(choice);
  let text = cache.get(locale);
  if (!text) {
    const language = formattingLocale(locale);
    const intl: IntlShape = createIntl({ locale: language, defaultLocale: SOURCE_LOCALE, messages: CATALOGUES[language], onError: () => undefined });
    text = {
      locale,
      say: (message) => intl.formatMessage(message.descriptor, message.values),
      list: (parts) => intl.formatList(parts),
      intl,
    };
    cache.set(locale, text);
  }
  return text;
}
