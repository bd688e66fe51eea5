/**
 * Business calendars by region: the company's regions and the customer's,
 * holidays from date-holidays for any year. Every instant is fixed: nothing
 * here reads the real clock.
 */
import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { COMPANY, CompanyConfigSchema, type CompanyCalendar } from '@core/company';
import { generateDemoData } from '@core/demo';
import { CUSTOMER_EDITABLE_FIELDS, CustomerSchema, newCustomer } from '@core/domain/model';
import { describeProblems } from '@core/domain/problems';
import { RegionCodeSchema } from '@core/domain/region';
import { UnknownRegionError, calendarFor, companyCalendar, regionClosures, regionHolidays, regionOptions } from '@core/holidays';
import { PLANNER_RULES, businessDayAfter, suggestFollowUps, suggestNext, type PlannerCustomer } from '@core/planner';
import { addBusinessTime, computePromise, dateKey, instantFromZoned, isOpenAt, openingsOn, zonedParts } from '@core/promise';
import { parseMutationArgs } from '@core/sync/mutations';
import companyJson from '../../assets/config/company.json';
import { REGION_CODES as regionCodes } from '@core/domain/region-codes';

const HOUR = 3_600_000;
const LONDON = 'Europe/London';
const at = (zone: string, y: number, m: number, d: number, h = 0, min = 0) => instantFromZoned({ y, m, d, h, min }, zone);
const inLondon = (y: number, m: number, d: number, h = 0, min = 0) => at(LONDON, y, m, d, h, min);
/** 'YYYY-MM-DD HH:MM' on the clock of `zone`. */
const local = (ms: number, zone: string) => {
  const p = zonedParts(ms, zone);
  return `${dateKey(p)} ${String(p.h).padStart(2, '0')}:${String(p.min).padStart(2, '0')}`;
};
const dates = (region: string, year: number) => regionHolidays(region, year).map((holiday) => holiday.date);

const londoner = { timeZone: LONDON, region: 'GB-ENG' };
const bavarian = { timeZone: 'Europe/Berlin', region: 'DE-BY' };
const madrileño = { timeZone: 'Europe/Madrid', region: 'ES-MD' };

describe('the region codes every bundle checks against', () => {
  it('are the countries and subdivisions date-holidays knows (node scripts/region-codes.mjs writes them after an upgrade)', () => {
    const index = new Holidays();
    const known = Object.keys(index.getCountries('en')).flatMap((country) => [country, ...Object.keys(index.getStates(country, 'en') ?? {}).map((state) => `${country}-${state}`)]);
    expect(regionCodes).toEqual(known.filter((code) => /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/.test(code)).sort());
    expect(regionCodes).toEqual(expect.arrayContaining(['GB-ENG', 'GB-SCT', 'DE', 'DE-BY', 'ES-MD', 'ES-CT', 'US-NY']));
  });

  it('refuse what is not a code, and a code no holidays are known for, naming it', () => {
    expect(RegionCodeSchema.safeParse('DE-BY').success).toBe(true);
    expect(RegionCodeSchema.safeParse('ES').success).toBe(true);
    const malformed = RegionCodeSchema.safeParse('Bavaria');
    expect(malformed.success).toBe(false);
    expect(malformed.error?.issues[0]?.message).toMatch(/country or region code such as GB-ENG/);
    const unknown = RegionCodeSchema.safeParse('GB-LND');
    expect(unknown.success).toBe(false);
    expect(unknown.error?.issues[0]?.message).toContain('"GB-LND"');
  });
});

describe('region holidays from date-holidays', () => {
  it('England 2028: New Year on a Saturday with its Monday substitute, Easter, the May and August bank holidays, Christmas', () => {
    expect(dates('GB-ENG', 2028)).toEqual(['2028-01-01', '2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28', '2028-12-25', '2028-12-26']);
    expect(regionHolidays('GB-ENG', 2028).filter((holiday) => holiday.substitute).map((holiday) => holiday.date)).toEqual(['2028-01-03']);
    expect(regionHolidays('GB-ENG', 2028).every((holiday) => holiday.type === 'public' || holiday.type === 'bank')).toBe(true);
  });

  it('keeps substitute days and the weekend holidays they stand in for: Christmas 2027 falls on a weekend', () => {
    const christmas = regionHolidays('GB-ENG', 2027).filter((holiday) => holiday.date >= '2027-12-25');
    expect(christmas.map((holiday) => [holiday.date, holiday.substitute])).toEqual([
      ['2027-12-25', false],
      ['2027-12-26', false],
      ['2027-12-27', true],
      ['2027-12-28', true],
    ]);
    const calendar = companyCalendar();
    // The company opens on Saturdays, but not on Christmas Day; nor on the Monday and Tuesday that stand in.
    expect(isOpenAt(inLondon(2027, 12, 25, 12), calendar)).toBe(false);
    expect(isOpenAt(inLondon(2027, 12, 27, 12), calendar)).toBe(false);
    expect(isOpenAt(inLondon(2027, 12, 28, 12), calendar)).toBe(false);
    expect(isOpenAt(inLondon(2027, 12, 29, 12), calendar)).toBe(true);
  });

  it('a Bavarian holiday that Berlin, Germany as a whole and England do not have: Epiphany', () => {
    expect(dates('DE-BY', 2028)).toContain('2028-01-06');
    expect(dates('DE-BE', 2028)).not.toContain('2028-01-06');
    expect(dates('DE', 2028)).not.toContain('2028-01-06');
    expect(dates('GB-ENG', 2028)).not.toContain('2028-01-06');
    // Corpus Christi too, in Bavaria, not in Berlin.
    expect(dates('DE-BY', 2028)).toContain('2028-06-15');
    expect(dates('DE-BE', 2028)).not.toContain('2028-06-15');
  });

  it('Spanish regional holidays: the Community of Madrid on 2 May, Catalonia on 11 September', () => {
    expect(dates('ES-MD', 2028)).toContain('2028-05-02');
    expect(dates('ES-CT', 2028)).not.toContain('2028-05-02');
    expect(dates('ES-CT', 2028)).toContain('2028-09-11');
    expect(dates('ES-MD', 2028)).not.toContain('2028-09-11');
    expect(dates('ES', 2028)).toEqual(expect.arrayContaining(['2028-10-12', '2028-12-06']));
  });

  it('works any year out, and keeps what it worked out', () => {
    expect(dates('GB-ENG', 2041)).toEqual(expect.arrayContaining(['2041-01-01', '2041-12-25']));
    expect(regionHolidays('DE-BY', 2029)).toBe(regionHolidays('DE-BY', 2029));
    const closures = regionClosures('DE-BY', 'Europe/Berlin');
    expect(regionClosures('DE-BY', 'Europe/Berlin')).toBe(closures);
    expect(closures.periodsIn(2029)).toBe(closures.periodsIn(2029));
    expect(calendarFor(bavarian)).toBe(calendarFor({ ...bavarian }));
  });

  it('refuses an unknown region, naming it', () => {
    expect(() => regionClosures('XX-YY', LONDON)).toThrow(UnknownRegionError);
    expect(() => regionClosures('XX-YY', LONDON)).toThrow('"XX-YY"');
    expect(() => calendarFor({ timeZone: LONDON, region: 'GB-LND' })).toThrow('"GB-LND"');
  });

  it('names the regions for the picker in the agent’s language, each country followed by its subdivisions', () => {
    const german = regionOptions('de');
    expect(german).toContainEqual({ code: 'DE-BY', name: 'Bayern', country: 'Deutschland' });
    const germany = german.findIndex((option) => option.code === 'DE');
    expect(german[germany]).toEqual({ code: 'DE', name: 'Deutschland', country: 'Deutschland' });
    expect(german.findIndex((option) => option.code === 'DE-BY')).toBeGreaterThan(germany);
    expect(regionOptions('es')).toContainEqual({ code: 'DE', name: 'Alemania', country: 'Alemania' });
    expect(regionOptions('es')).toContainEqual({ code: 'ES-CT', name: 'Cataluña', country: 'España' });
    expect(regionOptions('en-GB')).toContainEqual({ code: 'GB-SCT', name: 'Scotland', country: 'United Kingdom' });
    expect(regionOptions('en-GB').map((option) => option.code).sort()).toEqual([...regionCodes].sort());
  });
});

describe('the company calendar (assets/config/company.json)', () => {
  it('stays London, Mon–Sat, closed on England’s bank holidays', () => {
    expect(COMPANY.calendar).toMatchObject({ timeZone: LONDON, regions: ['GB-ENG'], closedDays: [] });
    expect(COMPANY.calendar.hours.sun).toEqual([]);
    const calendar = companyCalendar();
    expect(calendar.timeZone).toBe(LONDON);
    expect(calendar.closures?.map((closures) => [closures.source, closures.timeZone])).toEqual([['GB-ENG', LONDON]]);
  });

  it('refuses an unknown region with a sentence naming the code', () => {
    const result = CompanyConfigSchema.safeParse({ ...companyJson, calendar: { ...companyJson.calendar, regions: ['GB-ENG', 'GB-LND'] } });
    expect(result.success).toBe(false);
    expect(describeProblems(result.error!)).toContain('"GB-LND" is not one');
    expect(CompanyConfigSchema.safeParse({ ...companyJson, calendar: { ...companyJson.calendar, regions: ['de-by'] } }).success).toBe(false);
  });

  it('closes on the regions configured and the days added by hand', () => {
    const config: CompanyCalendar = { ...COMPANY.calendar, timeZone: 'Europe/Berlin', regions: ['DE-BY'], closedDays: ['2028-07-14'] };
    const munich = companyCalendar(config);
    expect(openingsOn({ y: 2028, m: 1, d: 6 }, munich)).toEqual([]); // Epiphany
    expect(openingsOn({ y: 2028, m: 7, d: 14 }, munich)).toEqual([]); // closed by hand
    expect(openingsOn({ y: 2028, m: 7, d: 13 }, munich)).toHaveLength(1);
    expect(openingsOn({ y: 2028, m: 1, d: 6 }, companyCalendar())).toHaveLength(1); // London is open
  });
});

describe('promises and plans for a customer keep to their region’s holidays too', () => {
  it('a promise made in December 2027 skips New Year’s Day 2028 (a Saturday) and its Monday substitute', () => {
    // Friday 31 December 2027 19:00 + 4 business hours: 1 h on Friday, Saturday 1 January closed (New Year's Day),
    // Sunday closed, Monday 3 January closed (its substitute), 3 h on Tuesday 4 January.
    const promise = computePromise({ kind: 'callback', now: inLondon(2027, 12, 31, 19), within: { businessHours: 4 }, calendar: calendarFor(londoner), customer: { timeZone: LONDON, quietHours: null, language: 'en-GB' } });
    expect(local(promise.dueAt, LONDON)).toBe('2028-01-04 11:00');
  });

  it('a callback promised to a customer in Bavaria does not land on a Bavarian holiday', () => {
    // Wednesday 5 January 2028 19:00 in London + 2 business hours.
    const now = inLondon(2028, 1, 5, 19);
    const customer = { timeZone: 'Europe/Berlin', quietHours: null, language: 'de-DE' };
    const companyOnly = computePromise({ kind: 'callback', now, within: { businessHours: 2 }, calendar: calendarFor(null), customer });
    expect(local(companyOnly.dueAt, LONDON)).toBe('2028-01-06 09:00'); // Epiphany: London is open
    const forBavaria = computePromise({ kind: 'callback', now, within: { businessHours: 2 }, calendar: calendarFor(bavarian), customer });
    expect(local(forBavaria.dueAt, 'Europe/Berlin')).toBe('2028-01-07 10:00');
    expect(local(forBavaria.dueAt, LONDON)).toBe('2028-01-07 09:00');
    // A customer without a region, or with the company's, gets the company's calendar.
    expect(calendarFor({ timeZone: 'Europe/Berlin', region: null })).toBe(companyCalendar());
    expect(calendarFor({ timeZone: 'Europe/Berlin' })).toBe(companyCalendar());
    expect(calendarFor(londoner)).toBe(companyCalendar());
  });

  it('the next business day for a customer in Madrid skips the Community of Madrid’s day', () => {
    const monday = inLondon(2028, 5, 1, 12); // Early May bank holiday in England, Labour Day in Spain
    expect(dateKey(businessDayAfter(monday, 1, calendarFor(null)).date)).toBe('2028-05-02');
    expect(dateKey(businessDayAfter(monday, 1, calendarFor(madrileño)).date)).toBe('2028-05-03');
    expect(dateKey(businessDayAfter(monday, 1, calendarFor({ timeZone: 'Europe/Madrid', region: 'ES-CT' })).date)).toBe('2028-05-02');
  });

  it('reads the customer’s holidays on the customer’s clock: Australia Day in Sydney closes a London afternoon and the next morning', () => {
    const sydney = calendarFor({ timeZone: 'Australia/Sydney', region: 'AU-NSW' });
    // Friday 26 January 2029 in Sydney (UTC+11) runs from 13:00 on Thursday to 13:00 on Friday in London.
    expect(openingsOn({ y: 2029, m: 1, d: 25 }, sydney).map(([from, to]) => [local(from, LONDON), local(to, LONDON)])).toEqual([['2029-01-25 08:00', '2029-01-25 13:00']]);
    expect(openingsOn({ y: 2029, m: 1, d: 26 }, sydney).map(([from, to]) => [local(from, LONDON), local(to, LONDON)])).toEqual([['2029-01-26 13:00', '2029-01-26 20:00']]);
    // Independence Day in New York (UTC−4) covers all of London's opening hours on 4 July.
    const newYork = calendarFor({ timeZone: 'America/New_York', region: 'US-NY' });
    expect(openingsOn({ y: 2028, m: 7, d: 4 }, newYork)).toEqual([]);
    expect(addBusinessTime(inLondon(2028, 7, 3, 19), 2 * HOUR, newYork)).toBe(inLondon(2028, 7, 5, 9));
  });

  it('plans follow-ups across the year end into 2028 and 2029', () => {
    const scot: PlannerCustomer & { region: string } = { firstName: 'Eilidh', timeZone: LONDON, region: 'GB-SCT', quietHours: null, preferredChannel: 'call', tier: 'standard', phones: ['+447700900123'] };
    const contact = { id: 'con_1', resolution: 'unresolved' as const, promise: null, topic: 'billing', channel: 'call' as const, subject: 'Bill' };
    // Friday 31 December 2027: New Year's Day is a Saturday, its substitute Monday 3 January; Scotland also has 2 January's (Tuesday 4th).
    const english = suggestFollowUps({ now: inLondon(2027, 12, 31, 15), contact, customer: scot, csat: null, rules: PLANNER_RULES, calendar: calendarFor(londoner) });
    expect(local(english[0]!.window.target, LONDON)).toBe('2028-01-04 08:00');
    const scottish = suggestFollowUps({ now: inLondon(2027, 12, 31, 15), contact, customer: scot, csat: null, rules: PLANNER_RULES, calendar: calendarFor(scot) });
    expect(local(scottish[0]!.window.target, LONDON)).toBe('2028-01-05 08:00');
    // No answer on Saturday 30 December 2028: 31 December is a Sunday, 1 January 2029 New Year's Day, 2 January a Scottish holiday.
    const called = { kind: 'callback' as const, channel: 'call' as const, dueAt: inLondon(2028, 12, 30, 10) };
    expect(local(suggestNext('no-answer', called, inLondon(2028, 12, 30, 10, 5), PLANNER_RULES, calendarFor(londoner))!.window.earliest, LONDON)).toBe('2029-01-02 12:00');
    expect(local(suggestNext('no-answer', called, inLondon(2028, 12, 30, 10, 5), PLANNER_RULES, calendarFor(scot))!.window.earliest, LONDON)).toBe('2029-01-03 12:00');
  });
});

describe('the customer’s region', () => {
  const row = {
    id: 'cus_1',
    firstName: 'Lena',
    lastName: 'Weber',
    emails: ['lena@example.com'],
    phones: [],
    tier: 'standard',
    language: 'de-DE',
    timeZone: 'Europe/Berlin',
    quietHours: null,
    preferredChannel: 'email',
    tags: [],
    attributes: {},
    createdAt: Date.UTC(2026, 0, 1),
    updatedAt: Date.UTC(2026, 0, 1),
  };

  it('is null on rows made before it existed, and on new customers', () => {
    expect(CustomerSchema.parse(row).region).toBeNull();
    expect(newCustomer({ id: 'cus_2', firstName: 'Ada', preferredChannel: 'email', createdAt: 0 }).region).toBeNull();
    expect(CUSTOMER_EDITABLE_FIELDS).toContain('region');
  });

  it('takes a known code and refuses others', () => {
    expect(CustomerSchema.parse({ ...row, region: 'DE-BY' }).region).toBe('DE-BY');
    expect(CustomerSchema.safeParse({ ...row, region: 'Bayern' }).success).toBe(false);
    expect(CustomerSchema.safeParse({ ...row, region: 'DE-XX' }).success).toBe(false);
  });

  it('is changed with customer.update, and cleared with null', () => {
    expect(parseMutationArgs('customer.update', { customerId: 'cus_1', patch: { region: 'ES-MD' } })).toMatchObject({ patch: { region: 'ES-MD' } });
    expect(parseMutationArgs('customer.update', { customerId: 'cus_1', patch: { region: null } })).toMatchObject({ patch: { region: null } });
    expect(() => parseMutationArgs('customer.update', { customerId: 'cus_1', patch: { region: 'XX-YY' } })).toThrow();
  });
});

describe('demo customers', () => {
  it('live in a region that matches their town and time zone', () => {
    const { customers } = generateDemoData({ size: 'small', now: Date.UTC(2025, 5, 18, 14, 30) });
    expect(customers.every((customer) => customer.region !== null)).toBe(true);
    const expected: Record<string, RegExp> = { 'Europe/London': /^GB-/, 'Europe/Berlin': /^DE/, 'Europe/Madrid': /^ES/, 'Atlantic/Canary': /^ES-CN$/, 'Europe/Paris': /^FR/ };
    for (const customer of customers) {
      const pattern = expected[customer.timeZone] ?? (customer.timeZone.startsWith('America/') ? /^US/ : /./);
      expect(customer.region, `${customer.id} in ${customer.timeZone}`).toMatch(pattern);
      expect(CustomerSchema.safeParse(customer).success).toBe(true);
    }
    const town = (name: string) => customers.find((customer) => customer.attributes.town === name);
    if (town('München')) expect(town('München')!.region).toBe('DE-BY');
    if (town('Glasgow')) expect(town('Glasgow')!.region).toBe('GB-SCT');
    if (town('Barcelona')) expect(town('Barcelona')!.region).toBe('ES-CT');
  });
});
