/**
 * The one place dates, times, durations, numbers, money, lists and language
 * names are written for people, in the agent's chosen locale. Every time can
 * be shown on another clock (the customer's zone) than the agent's. Machine
 * formats (CSV, the hub's API) keep ISO and never come through here.
 */
import { type AppLocale, formattingLocale } from './locales';

export interface FormatterOptions {
  /** The agent's own zone; undefined: this computer's. */
  timeZone?: string;
}

export type DateStyle = 'short' | 'medium' | 'long' | 'weekday' | 'weekdayLong' | 'dayOfWeek' | 'dayOfWeekShort';

export interface Formatter {
  readonly locale: AppLocale;
  /** The locale Intl is given (a pseudo-locale formats as British English). */
  readonly intlLocale: string;
  readonly timeZone: string | undefined;
  /** "14:05" (or "2:05 PM" where the locale says so). */
  time(ms: number, zone?: string): string;
  /** "3 Mar" (short), "3 Mar 2026" (medium), "3 March 2026" (long), "Tue 3 Mar" (weekday), "Tuesday 3 March" (weekdayLong), "Tuesday" (dayOfWeek), "Tue" (dayOfWeekShort). */
  date(ms: number, style?: DateStyle, zone?: string): string;
  /** Date and time: "3 Mar, 14:05"; with the year when asked. */
  dateTime(ms: number, options?: { zone?: string; withYear?: boolean; weekday?: boolean }): string;
  /** When something happened as an agent reads it: the time today, date and time this year, with the year before. */
  when(ms: number, now: number, zone?: string): string;
  /** "today", "tomorrow", "yesterday" or null for another day, as the locale says them. */
  relativeDay(ms: number, now: number, zone?: string): string | null;
  /** "5 minutes ago", "in 2 hours". */
  relative(ms: number, now: number): string;
  /** A running timer: "4:07", "1:02:33". */
  clockDuration(ms: number): string;
  /** A span in words: "2 hrs 15 mins", "3 days" (at least a minute); 'long': "2 hours 15 minutes", for a sentence. */
  duration(ms: number, style?: 'short' | 'long'): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /** 0.873 → "87%" (or "87,3 %" with one digit in German). */
  percent(ratio: number, fractionDigits?: number): string;
  currency(amount: number, currency: string): string;
  /** "a, b and c" ("a, b oder c" with 'or'). */
  list(items: readonly string[], kind?: 'and' | 'or'): string;
  /** "German", "Deutsch", … for a language tag in the agent's language; the tag itself when unknown. */
  languageName(tag: string): string;
  /** "Germany" for "DE"; the code itself when unknown. */
  regionName(code: string): string;
  /** The city of a zone, for "09:30 in New York". */
  zoneCity(zone: string): string;
}

const DATE_OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  short: { day: 'numeric', month: 'short' },
  medium: { day: 'numeric', month: 'short', year: 'numeric' },
  long: { day: 'numeric', month: 'long', year: 'numeric' },
  weekday: { weekday: 'short', day: 'numeric', month: 'short' },
  weekdayLong: { weekday: 'long', day: 'numeric', month: 'long' },
  dayOfWeek: { weekday: 'long' },
  dayOfWeekShort: { weekday: 'short' },
};

const TIME_OPTIONS: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Day number of the calendar date `ms` falls on in `zone` (for "today"/"tomorrow"). */
function dayNumber(parts: Intl.DateTimeFormat, ms: number): number {
  const fields = Object.fromEntries(parts.formatToParts(ms).map((p) => [p.type, p.value]));
  return Math.floor(Date.UTC(Number(fields.year), Number(fields.month) - 1, Number(fields.day)) / DAY);
}

export function createFormatter(locale: AppLocale, options: FormatterOptions = {}): Formatter {
  const intlLocale = formattingLocale(locale);
  const cache = new Map<string, unknown>();
  function cached<T>(key: string, make: () => T): T {
    let found = cache.get(key) as T | undefined;
    if (found === undefined) {
      found = make();
      cache.set(key, found);
    }
    return found;
  }
  const dateFormat = (opts: Intl.DateTimeFormatOptions, zone: string | undefined) =>
    cached(`d|${zone ?? ''}|${JSON.stringify(opts)}`, () => new Intl.DateTimeFormat(intlLocale, { ...opts, timeZone: zone }));
  const numberFormat = (opts: Intl.NumberFormatOptions = {}) => cached(`n|${JSON.stringify(opts)}`, () => new Intl.NumberFormat(intlLocale, opts));
  const zoneOf = (zone: string | undefined) => zone ?? options.timeZone;
  const dayParts = (zone: string | undefined) => dateFormat({ year: 'numeric', month: 'numeric', day: 'numeric' }, zone);
  const yearOf = (ms: number, zone: string | undefined) => dateFormat({ year: 'numeric' }, zone).format(ms);
  const relativeFormat = (numeric: 'auto' | 'always') => cached(`r|${numeric}`, () => new Intl.RelativeTimeFormat(intlLocale, { numeric }));

  const formatter: Formatter = {
    locale,
    intlLocale,
    timeZone: options.timeZone,
    time: (ms, zone) => dateFormat(TIME_OPTIONS, zoneOf(zone)).format(ms),
    date: (ms, style = 'medium', zone) => dateFormat(DATE_OPTIONS[style], zoneOf(zone)).format(ms),
    dateTime(ms, { zone, withYear = false, weekday = false } = {}) {
      const opts: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', ...TIME_OPTIONS };
      if (withYear) opts.year = 'numeric';
      if (weekday) opts.weekday = 'short';
      return dateFormat(opts, zoneOf(zone)).format(ms);
    },
    when(ms, now, zone) {
      const z = zoneOf(zone);
      const parts = dayParts(z);
      if (dayNumber(parts, ms) === dayNumber(parts, now)) return formatter.time(ms, z);
      return formatter.dateTime(ms, { zone: z, withYear: yearOf(ms, z) !== yearOf(now, z) });
    },
    relativeDay(ms, now, zone) {
      const parts = dayParts(zoneOf(zone));
      const offset = dayNumber(parts, ms) - dayNumber(parts, now);
      if (Math.abs(offset) > 1) return null;
      return relativeFormat('auto').format(offset, 'day');
    },
    relative(ms, now) {
      const delta = ms - now;
      const size = Math.abs(delta);
      const format = relativeFormat('auto');
      if (size < MINUTE) return format.format(0, 'second');
      if (size < HOUR) return format.format(Math.round(delta / MINUTE), 'minute');
      if (size < DAY) return format.format(Math.round(delta / HOUR), 'hour');
      return format.format(Math.round(delta / DAY), 'day');
    },
    clockDuration(ms) {
      const total = Math.max(0, Math.floor(ms / 1000));
      const hours = Math.floor(total / 3600);
      const minutes = Math.floor((total % 3600) / 60);
      const seconds = total % 60;
      const mm = hours ? String(minutes).padStart(2, '0') : String(minutes);
      return `${hours ? `${hours}:` : ''}${mm}:${String(seconds).padStart(2, '0')}`;
    },
    duration(ms, style = 'short') {
      const minutes = Math.max(1, Math.round(Math.abs(ms) / MINUTE));
      const unit = (value: number, name: 'minute' | 'hour' | 'day') => numberFormat({ style: 'unit', unit: name, unitDisplay: style }).format(value);
      if (minutes < 60) return unit(minutes, 'minute');
      const hours = Math.floor(minutes / 60);
      if (hours >= 48) return unit(Math.round(hours / 24), 'day');
      if (minutes % 60 && hours < 10) return cached('l|unit', () => new Intl.ListFormat(intlLocale, { type: 'unit', style: 'narrow' })).format([unit(hours, 'hour'), unit(minutes % 60, 'minute')]);
      return unit(hours, 'hour');
    },
    number: (value, opts) => numberFormat(opts).format(value),
    percent: (ratio, fractionDigits = 0) => numberFormat({ style: 'percent', maximumFractionDigits: fractionDigits, minimumFractionDigits: fractionDigits }).format(ratio),
    currency: (amount, currency) => numberFormat({ style: 'currency', currency }).format(amount),
    list: (items, kind = 'and') =>
      cached(`l|${kind}`, () => new Intl.ListFormat(intlLocale, { type: kind === 'and' ? 'conjunction' : 'disjunction' })).format(items),
    languageName(tag) {
      try {
        return cached('dn|language', () => new Intl.DisplayNames(intlLocale, { type: 'language' })).of(tag) ?? tag;
      } catch {
        return tag;
      }
    },
    regionName(code) {
      try {
        return cached('dn|region', () => new Intl.DisplayNames(intlLocale, { type: 'region' })).of(code.toUpperCase()) ?? code;
      } catch {
        return code;
      }
    },
    zoneCity: (zone) => (zone.split('/').pop() ?? zone).replace(/_/g, ' '),
  };
  return formatter;
}

let english: Formatter | undefined;

/** The British English formatter, made once: for logs, diagnostics and the hub's English. */
export function englishFormatter(): Formatter {
  english ??= createFormatter('en-GB');
  return english;
}
