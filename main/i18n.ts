/**
 * What main itself shows people (the tray, dialogs) in the language the agent
 * chose in Settings, else the computer's. The renderer has its own catalogues;
 * main carries only the `desktop` area's.
 */
import { app } from 'electron';
import { createIntl, type IntlShape } from '@formatjs/intl';
import { formattingLocale, negotiateLocale, SOURCE_LOCALE, type AppLocale, type LocaleChoice, type UiLocale } from '@core/i18n/locales';
import type { Message } from '@core/i18n/messages';
import de from '../src/i18n/catalogues/de/desktop.json';
import es from '../src/i18n/catalogues/es/desktop.json';

const CATALOGUES: Record<UiLocale, Record<string, string>> = { 'en-GB': {}, de, es };

export interface MainText {
  locale: AppLocale;
  say: (message: Message) => string;
  list: (parts: string[]) => string;
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
    };
    cache.set(locale, text);
  }
  return text;
}
