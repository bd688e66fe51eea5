// Writes src/domain/region-codes.json: the countries and subdivisions date-holidays has holidays for,
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
const out = path.join(import.meta.dirname, '../src/domain/region-codes.json');
writeFileSync(out, `${JSON.stringify(codes.filter((code) => ISO_CODE.test(code)).sort())}\n`);
