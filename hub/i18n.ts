/**
 * The hub speaks the requester's language (Accept-Language) in what people
 * read: its error answers. The catalogues of the areas the hub says things
 * from are bundled with it (imported here, so the hub's build includes them);
 * one formatter per language, made when first needed.
 */
import { createIntl, type IntlShape } from '@formatjs/intl';
import { negotiateLocale, SOURCE_LOCALE, isPseudoLocale, type UiLocale } from '@core/i18n/locales';
import deHub from '@core/i18n/catalogues/de/hub.json';
import deProblem from '@core/i18n/catalogues/de/problem.json';
import deRejection from '@core/i18n/catalogues/de/rejection.json';
import esHub from '@core/i18n/catalogues/es/hub.json';
import esProblem from '@core/i18n/catalogues/es/problem.json';
import esRejection from '@core/i18n/catalogues/es/rejection.json';

const CATALOGUES: Record<UiLocale, Record<string, string>> = {
  'en-GB': {},
  de: { ...deHub, ...deProblem, ...deRejection },
  es: { ...esHub, ...esProblem, ...esRejection },
};

const formatters = new Map<UiLocale, IntlShape>();

/** The formatter for a language the hub speaks (British English: the code's own text). */
export function hubIntl(locale: UiLocale): IntlShape {
  let intl = formatters.get(locale);
  if (!intl) {
    // A message missing from a catalogue reads in English; the catalogue test keeps that from happening unseen.
    intl = createIntl({ locale, defaultLocale: SOURCE_LOCALE, messages: CATALOGUES[locale], onError: () => undefined });
    formatters.set(locale, intl);
  }
  return intl;
}

/** "de-AT,de;q=0.9,en;q=0.8" → the tags, most wanted first (q=0 means not wanted). */
export function acceptedLanguages(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter(({ tag, weight }) => tag !== '' && tag !== '*' && weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map(({ tag }) => tag);
}

/** The language to answer in: the best the hub speaks of those asked for; a pseudo-locale (for layout checks) reads as English. */
export function requestLocale(header: string | undefined): UiLocale {
  const locale = negotiateLocale(acceptedLanguages(header));
  return isPseudoLocale(locale) ? SOURCE_LOCALE : locale;
}
