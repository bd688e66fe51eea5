/**
 * The chosen language's catalogue, fetched when chosen: British English is
 * the code's own default text, so it fetches nothing; a pseudo-locale is the
 * English catalogue rewritten.
 */
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { type AppLocale, SOURCE_LOCALE, isPseudoLocale } from '@core/i18n/locales';

export type Messages = Record<string, string> | Record<string, MessageFormatElement[]>;

type Catalogue = Record<string, string>;
const files = import.meta.glob<Catalogue>('../../../../src/i18n/catalogues/*/*.json', { import: 'default' });

async function catalogueOf(locale: string): Promise<Catalogue> {
  const prefix = `../../../../src/i18n/catalogues/${locale}/`;
  const parts = await Promise.all(
    Object.entries(files)
      .filter(([file]) => file.startsWith(prefix))
      .map(([, load]) => load()),
  );
  return Object.assign({}, ...parts) as Catalogue;
}

export async function loadMessages(locale: AppLocale): Promise<Messages> {
  if (locale === SOURCE_LOCALE) return {};
  if (isPseudoLocale(locale)) {
    const { pseudoCatalogue } = await import('@core/i18n/pseudo');
    return pseudoCatalogue(await catalogueOf(SOURCE_LOCALE));
  }
  return catalogueOf(locale);
}
