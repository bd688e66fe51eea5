/**
 * The catalogues against the code: British English is exactly what the code
 * says (npm run i18n:extract writes it), and German and Spanish have every
 * message, none left over, each valid ICU with the same placeholders, tags,
 * plurals and selects as the English.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isStructurallySame, parse } from '@formatjs/icu-messageformat-parser';
import { extractFromCode, readCatalogue, type CatalogueAreas as Areas } from '../../scripts/i18n-catalogue.mjs';
import { UI_LOCALES, SOURCE_LOCALE } from '../../src/i18n/locales';
import { pseudoMessage } from '../../src/i18n/pseudo';

const root = path.resolve(import.meta.dirname, '../..');
const flatten = (areas: Areas) => Object.assign({}, ...Object.values(areas)) as Record<string, string>;

const fromCode = await extractFromCode(root);
const source = flatten(fromCode);
const translations = UI_LOCALES.filter((locale) => locale !== SOURCE_LOCALE);

describe('message catalogues', () => {
  it('has British English written from the code (run npm run i18n:extract after changing a message)', async () => {
    expect(await readCatalogue(root, SOURCE_LOCALE)).toEqual(fromCode);
  });

  it('files every message under its id’s area', () => {
    for (const [area, messages] of Object.entries(fromCode)) for (const id of Object.keys(messages)) expect(id.startsWith(`${area}.`)).toBe(true);
  });

  describe.each(translations)('%s', (locale) => {
    it('has every message and none the code no longer uses', async () => {
      const translated = flatten(await readCatalogue(root, locale));
      const missing = Object.keys(source).filter((id) => !(id in translated));
      const unused = Object.keys(translated).filter((id) => !(id in source));
      expect({ missing, unused }).toEqual({ missing: [], unused: [] });
    });

    it('keeps each file to its own area', async () => {
      const areas = await readCatalogue(root, locale);
      const misplaced = Object.entries(areas).flatMap(([area, messages]) => Object.keys(messages).filter((id) => !id.startsWith(`${area}.`)));
      expect(misplaced).toEqual([]);
    });

    it('writes each message as valid ICU with the English placeholders, tags, plurals and selects', async () => {
      const translated = flatten(await readCatalogue(root, locale));
      const problems: string[] = [];
      for (const [id, text] of Object.entries(translated)) {
        if (!(id in source)) continue;
        try {
          const same = isStructurallySame(parse(source[id]!), parse(text));
          if (!same.success) problems.push(`${id}: ${same.error?.message ?? 'differs from the English'}`);
        } catch (error) {
          problems.push(`${id}: ${(error as Error).message}`);
        }
        if (text.trim() === '') problems.push(`${id}: empty`);
      }
      expect(problems).toEqual([]);
    });
  });

  it('turns every English message into a pseudo message that still parses', () => {
    for (const text of Object.values(source)) expect(pseudoMessage(text).length).toBeGreaterThan(0);
  });
});
