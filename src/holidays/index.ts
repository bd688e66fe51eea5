/**
 * Business calendars with the holidays of real places, from date-holidays:
 * the company's (its opening hours, closed on its regions' public and bank
 * holidays and the days it closes by hand) and the calendar for one customer
 * (the company's, also closed on the holidays of the customer's region, on the
 * customer's clock). Holidays are worked out for any year when first asked
 * for, and kept.
 *
 * date-holidays carries the rules of every country (about 110 KB gzipped), so
 * only the screens that make promises and plan follow-ups import this module.
 */
import Holidays, { type HolidaysTypes } from 'date-holidays';
import { COMPANY, type CompanyCalendar } from '../company';
import { isKnownRegion } from '../domain/region';
import { createFormatter } from '../i18n/format';
import type { AppLocale } from '../i18n/locales';
import type { BusinessCalendar, Closures } from '../promise/calendar';
import { type WallTime, instantFromZoned } from '../promise/zones';

/** The holiday types a business closes on (observances, school and optional holidays stay open). */
const CLOSED_TYPES: readonly HolidaysTypes.HolidayType[] = ['public', 'bank'];

export interface RegionHoliday {
  /** Its first day, 'YYYY-MM-DD', on the region's clock. */
  date: string;
  /** When it starts and ends on the region's clock (most run midnight to midnight; some start in the afternoon or last days). */
  start: WallTime;
  end: WallTime;
  /** Its name in the region's own language. */
  name: string;
  type: 'public' | 'bank';
  /** A day off in place of a holiday that fell on a weekend. */
  substitute: boolean;
}

export class UnknownRegionError extends Error {
  constructor(readonly region: string) {
    super(`Unknown region "${region}": no public holidays are known for it (use a code such as GB-ENG, DE-BY or ES-MD)`);
    this.name = 'UnknownRegionError';
  }
}

const sources = new Map<string, Holidays>();

function source(region: string): Holidays {
  let found = sources.get(region);
  if (!found) {
    if (!isKnownRegion(region)) throw new UnknownRegionError(region);
    const [country = '', state] = region.split('-');
    // In UTC, a holiday's start and end read as the region's own wall clock.
    found = new Holidays(state ? { country, state } : { country }, { timezone: 'UTC', types: [...CLOSED_TYPES] });
    sources.set(region, found);
  }
  return found;
}

function wallTime(at: Date): WallTime {
  return { y: at.getUTCFullYear(), m: at.getUTCMonth() + 1, d: at.getUTCDate(), h: at.getUTCHours(), min: at.getUTCMinutes() };
}

const holidaysByYear = new Map<string, readonly RegionHoliday[]>();

/**
 * The public and bank holidays of a region that start in `year`, in order,
 * substitute days included. A holiday on a weekend stays closed too (Christmas
 * Day on a Saturday, when the business opens on Saturdays).
 */
export function regionHolidays(region: string, year: number): readonly RegionHoliday[] {
  const key = `${region} ${year}`;
  let holidays = holidaysByYear.get(key);
  if (!holidays) {
    holidays = source(region)
      .getHolidays(year)
      .filter((holiday) => CLOSED_TYPES.includes(holiday.type))
      .map((holiday) => ({
        date: holiday.start.toISOString().slice(0, 10),
        start: wallTime(holiday.start),
        end: wallTime(holiday.end),
        name: holiday.name,
        type: holiday.type as RegionHoliday['type'],
        substitute: holiday.substitute === true,
      }));
    holidaysByYear.set(key, holidays);
  }
  return holidays;
}

const closuresByRegion = new Map<string, Closures>();

/** A region's holidays as closed periods on the clock of `timeZone` (where the people of the region are). */
export function regionClosures(region: string, timeZone: string): Closures {
  const key = `${region} ${timeZone}`;
  let closures = closuresByRegion.get(key);
  if (!closures) {
    source(region); // refuses an unknown region now rather than on the first day looked at
    const byYear = new Map<number, readonly (readonly [number, number])[]>();
    closures = {
      source: region,
      timeZone,
      periodsIn(year) {
        let periods = byYear.get(year);
        if (!periods) {
          periods = regionHolidays(region, year).map((holiday) => [instantFromZoned(holiday.start, timeZone), instantFromZoned(holiday.end, timeZone)] as const);
          byYear.set(year, periods);
        }
        return periods;
      },
    };
    closuresByRegion.set(key, closures);
  }
  return closures;
}

const companyCalendars = new WeakMap<CompanyCalendar, BusinessCalendar>();

/** The company's calendar: its opening hours, closed on its regions' holidays and the days it closes by hand. */
export function companyCalendar(config: CompanyCalendar = COMPANY.calendar): BusinessCalendar {
  let calendar = companyCalendars.get(config);
  if (!calendar) {
    calendar = {
      timeZone: config.timeZone,
      hours: config.hours,
      holidays: config.closedDays,
      closures: [...new Set(config.regions)].map((region) => regionClosures(region, config.timeZone)),
    };
    companyCalendars.set(config, calendar);
  }
  return calendar;
}

/** What the calendar needs to know of a customer; `region` is absent on rows made before customers had one. */
export interface CalendarCustomer {
  timeZone: string;
  region?: string | null;
}

const customerCalendars = new WeakMap<CompanyCalendar, Map<string, BusinessCalendar>>();

/**
 * The calendar promises and follow-ups for this customer keep to: the
 * company's, also closed on the public holidays of the customer's region (on
 * the customer's clock), so a callback promised to someone in Bavaria does not
 * fall on a Bavarian holiday. Without a customer or a region, the company's.
 * The same customer's calendar is the same object every time (cheap to ask for
 * in a render).
 */
export function calendarFor(customer: CalendarCustomer | null | undefined, config: CompanyCalendar = COMPANY.calendar): BusinessCalendar {
  const company = companyCalendar(config);
  const region = customer?.region;
  if (!customer || !region) return company;
  let calendars = customerCalendars.get(config);
  if (!calendars) {
    calendars = new Map();
    customerCalendars.set(config, calendars);
  }
  const key = `${region} ${customer.timeZone}`;
  let calendar = calendars.get(key);
  if (!calendar) {
    const closures = regionClosures(region, customer.timeZone);
    const already = company.closures?.some((known) => known === closures) ?? false;
    calendar = already ? company : { ...company, closures: [...(company.closures ?? []), closures] };
    calendars.set(key, calendar);
  }
  return calendar;
}

export interface RegionOption {
  /** "DE" or "DE-BY". */
  code: string;
  /** The region's name ("Bayern"), or the country's for a whole country. */
  name: string;
  /** The country's name ("Deutschland"). */
  country: string;
}

const optionsByLocale = new Map<AppLocale, readonly RegionOption[]>();

/**
 * The regions a customer can be in, in the agent's language: each country
 * (named by the formatting module) followed by its states or provinces (named
 * by date-holidays, in the agent's language where it has them, else in the
 * region's own), alphabetically.
 */
export function regionOptions(locale: AppLocale): readonly RegionOption[] {
  let options = optionsByLocale.get(locale);
  if (!options) {
    const format = createFormatter(locale);
    const lang = format.intlLocale.split('-')[0] ?? 'en';
    const index = new Holidays();
    const byName = (a: readonly [string, string], b: readonly [string, string]) => a[1].localeCompare(b[1], format.intlLocale);
    const countries = Object.entries(index.getCountries(lang))
      .filter(([code]) => isKnownRegion(code))
      .map(([code, own]): [string, string] => {
        const named = format.regionName(code);
        return [code, named === code ? own : named];
      })
      .sort(byName);
    const list: RegionOption[] = [];
    for (const [code, country] of countries) {
      list.push({ code, name: country, country });
      const states = Object.entries(index.getStates(code, lang) ?? {}).filter(([state]) => isKnownRegion(`${code}-${state}`));
      for (const [state, name] of states.sort(byName)) list.push({ code: `${code}-${state}`, name, country });
    }
    options = list;
    optionsByLocale.set(locale, options);
  }
  return options;
}
