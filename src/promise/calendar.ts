/**
 * When the business is open: opening hours per weekday and holidays, in the
 * calendar's own time zone, and arithmetic on open time ("four business hours
 * from now"). Pure and quick (it runs in loops): the regions' holidays come
 * in as `closures` that look up a memoised list per year (src/holidays makes
 * them from date-holidays).
 */
import { z } from 'zod';
import { TimeZoneSchema } from '../domain/common';
import { type CalendarDate, addDays, dateKey, instantAtTime, minutesOfTime, weekdayOf, zonedParts } from './zones';

export const DAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type DayKey = (typeof DAY_KEYS)[number];

const ClockTimeSchema = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'must be a time such as 08:30 (24:00 for midnight at the end of the day)');
const OpeningSchema = z
  .tuple([ClockTimeSchema, ClockTimeSchema])
  .refine(([open, close]) => minutesOfTime(open) < minutesOfTime(close), 'must open before it closes');

/** Opening hours per weekday as [open, close] pairs; an empty list means closed all day. */
export const OpeningHoursSchema = z.object({
  mon: z.array(OpeningSchema).max(6),
  tue: z.array(OpeningSchema).max(6),
  wed: z.array(OpeningSchema).max(6),
  thu: z.array(OpeningSchema).max(6),
  fri: z.array(OpeningSchema).max(6),
  sat: z.array(OpeningSchema).max(6),
  sun: z.array(OpeningSchema).max(6),
});

export const DateKeySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as 2026-12-25');

/** The plain part of a calendar: zone, hours and days closed by hand (the regions' holidays come as `closures`). */
export const BusinessCalendarSchema = z.object({
  /** The zone the hours and holidays are written in. */
  timeZone: TimeZoneSchema,
  hours: OpeningHoursSchema,
  /** Days closed all day, 'YYYY-MM-DD' in the calendar's zone. */
  holidays: z.array(DateKeySchema).max(500),
});

/**
 * Closed periods read on one clock, such as a region's public holidays on the
 * clock of the people who live there. `periodsIn` is called for every day
 * looked at, so whoever provides it memoises it per year.
 */
export interface Closures {
  /** What closes, for people reading a calendar: "GB-ENG". */
  source: string;
  timeZone: string;
  /** The closed periods that start in `year` on this clock, as [from, to) instants. */
  periodsIn(year: number): readonly (readonly [from: number, to: number])[];
}

export interface BusinessCalendar {
  timeZone: string;
  hours: Record<DayKey, readonly (readonly [open: string, close: string])[]>;
  /** Days closed all day on the calendar's clock, 'YYYY-MM-DD' (closed by hand). */
  holidays: readonly string[];
  /** Holidays from elsewhere (the company's and the customer's regions), each on its own clock. */
  closures?: readonly Closures[];
}

/** How far ahead to look for opening hours before deciding the calendar is never open. */
const HORIZON_DAYS = 800;

const holidaySets = new WeakMap<readonly string[], ReadonlySet<string>>();

function holidaySet(holidays: readonly string[]): ReadonlySet<string> {
  let set = holidaySets.get(holidays);
  if (!set) {
    set = new Set(holidays);
    holidaySets.set(holidays, set);
  }
  return set;
}

/** `intervals` less the parts inside `periods`; both as [from, to) instants. */
function withoutPeriods(intervals: [number, number][], periods: readonly (readonly [number, number])[]): [number, number][] {
  let result = intervals;
  for (const [closedFrom, closedTo] of periods) {
    if (!result.some(([from, to]) => from < closedTo && to > closedFrom)) continue;
    result = result.flatMap(([from, to]): [number, number][] => {
      if (from >= closedTo || to <= closedFrom) return [[from, to]];
      const kept: [number, number][] = [];
      if (from < closedFrom) kept.push([from, closedFrom]);
      if (to > closedTo) kept.push([closedTo, to]);
      return kept;
    });
  }
  return result;
}

/** The open intervals of one calendar date, as [from, to) instants in order. */
export function openingsOn(date: CalendarDate, calendar: BusinessCalendar): [number, number][] {
  if (holidaySet(calendar.holidays).has(dateKey(date))) return [];
  const day = DAY_KEYS[weekdayOf(date)] ?? 'sun';
  let openings = calendar.hours[day]
    .map(([open, close]): [number, number] => [instantAtTime(date, open, calendar.timeZone), instantAtTime(date, close, calendar.timeZone)])
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0]);
  if (!openings.length || !calendar.closures?.length) return openings;
  // A period of another clock's year can reach into this date (zones differ by up to a day; some holidays last days).
  const years = [date.y - 1, date.y, date.y + 1];
  for (const closures of calendar.closures) {
    for (const year of years) openings = withoutPeriods(openings, closures.periodsIn(year));
    if (!openings.length) break;
  }
  return openings;
}

function* openingsFrom(startMs: number, calendar: BusinessCalendar): Generator<[number, number]> {
  const p = zonedParts(startMs, calendar.timeZone);
  const first: CalendarDate = { y: p.y, m: p.m, d: p.d };
  for (let day = 0; day <= HORIZON_DAYS; day += 1) {
    for (const opening of openingsOn(addDays(first, day), calendar)) {
      if (opening[1] >= startMs) yield opening;
    }
  }
}

/** Whether the business is open at `ms`; the closing moment itself counts as open ("by 8 pm"). */
export function isOpenAt(ms: number, calendar: BusinessCalendar): boolean {
  const p = zonedParts(ms, calendar.timeZone);
  return openingsOn({ y: p.y, m: p.m, d: p.d }, calendar).some(([from, to]) => ms >= from && ms <= to);
}

/**
 * The instant after `durationMs` of open business time from `startMs`,
 * skipping closed hours, closed days and holidays. With no duration, the
 * first open moment at or after `startMs`. A duration that ends exactly at
 * closing time ends then, not at the next opening.
 */
export function addBusinessTime(startMs: number, durationMs: number, calendar: BusinessCalendar): number {
  let remaining = Math.max(0, durationMs);
  for (const [from, to] of openingsFrom(startMs, calendar)) {
    const start = Math.max(from, startMs);
    const available = to - start;
    if (remaining === 0) {
      if (available > 0) return start;
      continue;
    }
    if (remaining <= available) return start + remaining;
    remaining -= Math.max(0, available);
  }
  throw new Error(`The business calendar has no opening hours within ${HORIZON_DAYS} days`);
}

/** The first open moment at or after `ms`. */
export function nextOpening(ms: number, calendar: BusinessCalendar): number {
  return addBusinessTime(ms, 0, calendar);
}

/** Open business time between two instants, in milliseconds. */
export function businessTimeBetween(fromMs: number, toMs: number, calendar: BusinessCalendar): number {
  if (toMs <= fromMs) return 0;
  let total = 0;
  for (const [from, to] of openingsFrom(fromMs, calendar)) {
    if (from >= toMs) break;
    total += Math.min(to, toMs) - Math.max(from, fromMs);
  }
  return total;
}
