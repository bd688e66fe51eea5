/**
 * The chosen language's catalogue, fetched when chosen: British English is
 * the code's own default text, so it fetches nothing; a pseudo-locale is the
 * English catalogue rewritten. Each language's catalogue is one module,
 * merged from its area files at build time (scripts/vite-catalogues.ts).
 */
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { type AppLocale, type UiLocale, SOURCE_LOCALE, isPseudoLocale } from '@core/i18n/locales';

export type Messages = Record<string, string> | Record<string, MessageFormatElement[]>;

type Catalogue = Record<string, MessageFormatElement[]>;
const CATALOGUES: Record<UiLocale, () => Promise<{ default: Catalogue }>> = {
  'en-GB': () => import('virtual:catalogue/en-GB'),
  de: () => import('virtual:catalogue/de'),
  es: () => import('virtual:catalogue/es'),
};

export async function loadMessages(locale: AppLocale): Promise<Messages> {
  if (locale === SOURCE_LOCALE) return {};
  if (isPseudoLocale(locale)) {
    const [{ pseudoCatalogue }, english] = await Promise.all([import('@core/i18n/pseudo'), CATALOGUES[SOURCE_LOCALE]()]);
    return pseudoCatalogue(english.default);
  }
  return (await CATALOGUES[locale]()).default;
}
