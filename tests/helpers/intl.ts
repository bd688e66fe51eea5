/**
 * Messages formatted as a person with that language sees them, outside React:
 * the committed catalogue for the locale (British English: the code's own text).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createIntl, type IntlShape } from '@formatjs/intl';
import type { UiLocale } from '../../src/i18n/locales';

const CATALOGUES = path.resolve(import.meta.dirname, '../../src/i18n/catalogues');

export function catalogueFor(locale: UiLocale): Record<string, string> {
  const dir = path.join(CATALOGUES, locale);
  let files: string[];
  try {
    files = readdirSync(dir).filter((name) => name.endsWith('.json'));
  } catch {
    return {};
  }
  return Object.assign({}, ...files.map((name) => JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as Record<string, string>)) as Record<string, string>;
}

export function intlFor(locale: UiLocale): IntlShape {
  return createIntl({ locale, defaultLocale: 'en-GB', messages: locale === 'en-GB' ? {} : catalogueFor(locale), onError: () => undefined });
}
