/**
 * Regions whose public holidays the business calendars know: ISO 3166 country
 * codes ("DE") and country-subdivision codes ("DE-BY", "GB-ENG"), as listed by
 * date-holidays (region-codes.ts, written by scripts/region-codes.mjs). The
 * holidays themselves load only where promises and follow-ups are planned.
 */
import { z } from 'zod';
import { REGION_CODES } from './region-codes';

const KNOWN_REGIONS: ReadonlySet<string> = new Set(REGION_CODES);

export function isKnownRegion(code: string): boolean {
  return KNOWN_REGIONS.has(code);
}

/** The country of a region code: "DE-BY" → "DE". */
export function countryOfRegion(code: string): string {
  return code.slice(0, 2);
}

const REGION_CODE = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;

export const RegionCodeSchema = z.string().superRefine((code, ctx) => {
  if (!REGION_CODE.test(code)) ctx.addIssue({ code: 'custom', message: 'must be a country or region code such as GB-ENG, DE-BY or ES' });
  else if (!isKnownRegion(code)) ctx.addIssue({ code: 'custom', message: `must be a country or region with known public holidays, such as GB-ENG, DE-BY or ES-MD: "${code}" is not one` });
});
