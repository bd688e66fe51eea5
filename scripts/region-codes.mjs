// Writes src/domain/region-codes.ts: the countries and subdivisions date-holidays has holidays for,
// as ISO 3166 codes ("DE", "DE-BY"). The list is small enough for every bundle, so a customer's or the
// company's region is checked everywhere (the hub too) without loading date-holidays' 800 KB of rules.
// Run after upgrading date-holidays: node scripts/region-codes.mjs (tests/unit/region-calendars.test.ts
// fails while the list is stale).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import Holidays from 'date-holidays';

const ISO_CODE = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;
const holidays = new Holidays();
const codes = [];
for (const country of Object.keys(holidays.getCountries('en'))) {
  codes.push(country);
  for (const state of Object.keys(holidays.getStates(country, 'en') ?? {})) codes.push(`${country}-${state}`);
}
const known = codes.filter((code) => ISO_CODE.test(code)).sort();
const lines = [];
for (let i = 0; i < known.length; i += 16) lines.push(`  ${known.slice(i, i + 16).map((code) => `'${code}'`).join(', ')},`);
const out = path.join(import.meta.dirname, '../src/domain/region-codes.ts');
writeFileSync(
  out,
  `/** The regions date-holidays has holidays for. Written by scripts/region-codes.mjs: do not edit by hand. */\nexport const REGION_CODES: readonly string[] = [\n${lines.join('\n')}\n];\n`,
);
