/**
 * The message catalogues, read from the code: every react-intl / @formatjs
 * message with its explicit id and British English default, grouped by area
 * (the id's first segment), one file per area. `npm run i18n:extract` writes
 * src/i18n/catalogues/en-GB from it; the catalogue test compares.
 */
import { readdir, readFile, writeFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { extract } from '@formatjs/cli-lib';

export const SOURCE_DIRS = ['renderer/src', 'src', 'hub'];
export const CATALOGUE_DIR = 'src/i18n/catalogues';
export const SOURCE_LOCALE = 'en-GB';

async function sourceFiles(root, dir) {
  const out = [];
  for (const entry of await readdir(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sourceFiles(root, rel)));
    else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

/** { area: { id: message } } from the code under `root`, ids sorted. Throws on a message without an explicit id. */
export async function extractFromCode(root) {
  const files = [];
  for (const dir of SOURCE_DIRS) files.push(...(await sourceFiles(root, dir)));
  const json = await extract(
    files.map((file) => path.join(root, file)),
    {
      throws: true,
      format: 'simple',
      additionalFunctionNames: ['defineMessage'],
      overrideIdFn: (id, defaultMessage, _description, filePath) => {
        if (!id) throw new Error(`${path.relative(root, filePath ?? '?')}: the message "${defaultMessage}" has no id`);
        return id;
      },
    },
  );
  const messages = JSON.parse(json);
  const areas = {};
  for (const id of Object.keys(messages).sort()) {
    const area = id.split('.')[0];
    (areas[area] ??= {})[id] = messages[id];
  }
  return areas;
}

/** { area: { id: message } } as committed for one locale. */
export async function readCatalogue(root, locale) {
  const dir = path.join(root, CATALOGUE_DIR, locale);
  const areas = {};
  let names;
  try {
    names = await readdir(dir);
  } catch {
    return areas;
  }
  for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
    areas[name.slice(0, -5)] = JSON.parse(await readFile(path.join(dir, name), 'utf8'));
  }
  return areas;
}

export function catalogueText(messages) {
  return `${JSON.stringify(messages, null, 2)}\n`;
}

/** Rewrites the en-GB catalogue from the code. */
export async function writeSourceCatalogue(root) {
  const areas = await extractFromCode(root);
  const dir = path.join(root, CATALOGUE_DIR, SOURCE_LOCALE);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const [area, messages] of Object.entries(areas)) await writeFile(path.join(dir, `${area}.json`), catalogueText(messages));
  return areas;
}
