/**
 * When the business is open: opening hours per weekday and holidays, in the
 * calendar's own time zone, and arithmetic on open time ("four business hours
 * from now").
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

export const BusinessCalendarSchema = z.object({
  /** The zone the hours and holidays are written in. */
  timeZone: TimeZoneSchema,
  /** Opening hours per weekday as [open, close] pairs; an empty list means closed all day. */
  hours: z.object({
    mon: z.array(OpeningSchema).max(6),
    tue: z.array(OpeningSchema).max(6),
    wed: z.array(OpeningSchema).max(6),
    thu: z.array(OpeningSchema).max(6),
    fri: z.array(OpeningSchema).max(6),
    sat: z.array(OpeningSchema).max(6),
    sun: z.array(OpeningSchema).max(6),
  }),
  /** Days closed all day, 'YYYY-MM-DD' in the calendar's zone. */
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as 2026-12-25')).max(500),
});

export interface BusinessCalendar {
  timeZone: string;
  hours: Record<DayKey, readonly (readonly [open: string, close: string])[]>;
  holidays: readonly string[];
}

/** England and Wales bank holidays (substitute days included). */
export const UK_BANK_HOLIDAYS_2026_2027 = [
  '2026-01-01',
  '2026-04-03',
  '2026-04-06',
  '2026-05-04',
  '2026-05-25',
  '2026-08-31',
  '2026-12-25',
  '2026-12-28',
  '2027-01-01',
  '2027-03-26',
  '2027-03-29',
  '2027-05-03',
  '2027-05-31',
  '2027-08-30',
  '2027-12-27',
  '2027-12-28',
] as const;

/** London: Monday to Friday 08:00–20:00, Saturday 09:00–17:00, closed on Sunday and bank holidays. */
export const DEFAULT_BUSINESS_CALENDAR: BusinessCalendar = {
  timeZone: 'Europe/London',
  hours: {
    mon: [['08:00', '20:00']],
    tue: [['08:00', '20:00']],
    wed: [['08:00', '20:00']],
    thu: [['08:00', '20:00']],
    fri: [['08:00', '20:00']],
    sat: [['09:00', '17:00']],
    sun: [],
  },
  holidays: [...UK_BANK_HOLIDAYS_2026_2027],
};

/** How far ahead to look for opening hours before deciding the calendar is never open. */
const HORIZON_DAYS = 800;

/** The open intervals of one calendar date, as [from, to) instants in order. */
export function openingsOn(date: CalendarDate, calendar: BusinessCalendar): [number, number][] {
  if (calendar.holidays.includes(dateKey(date))) return [];
  const day = DAY_KEYS[weekdayOf(date)] ?? 'sun';
  return calendar.hours[day]
    .map(([open, close]): [number, number] => [instantAtTime(date, open, calendar.timeZone), instantAtTime(date, close, calendar.timeZone)])
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0]);
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
