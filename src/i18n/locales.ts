/**
 * The languages the workstation speaks, and how a person's wish (Settings, or
 * the OS/browser languages) becomes one of them. The two pseudo-locales are
 * for checking layouts, not for people: accented text a third longer, and the
 * same mirrored right to left.
 */
// zod's mini API: the locale store checks the saved choice before the first screen, which does without zod's whole API.
import * as z from 'zod/mini';

export const UI_LOCALES = ['en-GB', 'de', 'es'] as const;
export const PSEUDO_LOCALES = ['en-XA', 'ar-XB'] as const;
export const APP_LOCALES = [...UI_LOCALES, ...PSEUDO_LOCALES] as const;

export type UiLocale = (typeof UI_LOCALES)[number];
export type PseudoLocale = (typeof PSEUDO_LOCALES)[number];
export type AppLocale = (typeof APP_LOCALES)[number];

export const AppLocaleSchema = z.enum(APP_LOCALES);
/** A person's choice: one of the languages, or 'system' to follow the computer's. */
export const LocaleChoiceSchema = z.union([AppLocaleSchema, z.literal('system')]);
export type LocaleChoice = z.infer<typeof LocaleChoiceSchema>;

export const SOURCE_LOCALE: UiLocale = 'en-GB';

/** Each language named in itself, as a language picker shows it. */
export const LOCALE_NAMES: Record<AppLocale, string> = {
  'en-GB': 'English (UK)',
  de: 'Deutsch',
  es: 'Español',
  'en-XA': '[Ƥşḗḗŭŭḓǿǿ]',
  'ar-XB': '[Pseudo RTL]',
};

export function isPseudoLocale(locale: string): locale is PseudoLocale {
  return (PSEUDO_LOCALES as readonly string[]).includes(locale);
}

export function isRightToLeft(locale: AppLocale): boolean {
  return locale === 'ar-XB';
}

/** The locale Intl formats dates and numbers in: a pseudo-locale formats as British English. */
export function formattingLocale(locale: AppLocale): UiLocale {
  return isPseudoLocale(locale) ? SOURCE_LOCALE : locale;
}

/**
 * The first of `wanted` (most preferred first, BCP 47) the workstation speaks:
 * an exact match, else the same base language (de-AT → de, en-US → en-GB).
 * Nothing matching: British English.
 */
export function negotiateLocale(wanted: readonly string[]): AppLocale {
  for (const tag of wanted) {
    const exact = APP_LOCALES.find((locale) => locale.toLowerCase() === tag.toLowerCase());
    if (exact) return exact;
    const base = tag.split('-')[0]!.toLowerCase();
    const sameBase = UI_LOCALES.find((locale) => locale.split('-')[0] === base);
    if (sameBase) return sameBase;
  }
  return SOURCE_LOCALE;
}
