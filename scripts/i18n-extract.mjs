#!/usr/bin/env node
// Writes src/i18n/catalogues/en-GB from the code's messages, and says which
// keys the translations now miss or no longer use.
import { writeSourceCatalogue, readCatalogue } from './i18n-catalogue.mjs';

const root = process.cwd();
const areas = await writeSourceCatalogue(root);
const ids = new Set(Object.values(areas).flatMap((messages) => Object.keys(messages)));
console.log(`en-GB: ${ids.size} messages in ${Object.keys(areas).length} areas`);
for (const locale of ['de', 'es']) {
  const have = new Set(Object.values(await readCatalogue(root, locale)).flatMap((messages) => Object.keys(messages)));
  const missing = [...ids].filter((id) => !have.has(id));
  const unused = [...have].filter((id) => !ids.has(id));
  console.log(`${locale}: ${missing.length} missing, ${unused.length} unused${missing.length ? `\n  missing: ${missing.join(', ')}` : ''}${unused.length ? `\n  unused: ${unused.join(', ')}` : ''}`);
}
