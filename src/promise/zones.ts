/**
 * Wall clock ↔ instant for any IANA time zone, with nothing but Intl.
 *
 * Instants are epoch milliseconds. A wall time is a date and time as a clock
 * in the zone shows it. Going from wall time to instant is not always one to
 * one: in a spring-forward gap the wall time does not exist and moves forward
 * by the size of the gap (01:30 on the day London springs forward is 02:30
 * BST); in a fall-back overlap it exists twice and the earlier instant is taken.
 */

export interface ZonedParts {
  y: number;
  /** 1–12 */
  m: number;
  /** 1–31 */
  d: number;
  /** 0–23 */
  h: number;
  min: number;
  s: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

export interface WallTime {
  y: number;
  m: number;
  d: number;
  h: number;
  min: number;
}

export interface CalendarDate {
  y: number;
  m: number;
  d: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const WEEKDAYS: Readonly<Record<string, number>> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
      era: 'short',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** Whether the runtime knows this IANA zone. */
export function isTimeZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** What a clock in `zone` shows at the instant `ms`. */
export function zonedParts(ms: number, zone: string): ZonedParts {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(ms))) parts[part.type] = part.value;
  const year = Number(parts.year);
  return {
    y: parts.era === 'BC' || parts.era === 'B' ? 1 - year : year,
    m: Number(parts.month),
    d: Number(parts.day),
    h: Number(parts.hour) % 24,
    min: Number(parts.minute),
    s: Number(parts.second),
    weekday: WEEKDAYS[parts.weekday ?? ''] ?? new Date(Date.UTC(year, Number(parts.month) - 1, Number(parts.day))).getUTCDay(),
  };
}

/** The zone's offset from UTC at the instant `ms`, in milliseconds (London in summer: +3,600,000). */
export function zoneOffset(ms: number, zone: string): number {
  const p = zonedParts(ms, zone);
  const whole = Math.floor(ms / 1000) * 1000;
  return Date.UTC(p.y, p.m - 1, p.d, p.h, p.min, p.s) - whole;
}

/** A wall time read as if it were UTC: a plain number to compare and do arithmetic on. */
function wallAsUtc(wall: WallTime): number {
  const ms = Date.UTC(wall.y, wall.m - 1, wall.d, wall.h, wall.min);
  // Date.UTC treats years 0–99 as 1900–1999.
  if (wall.y >= 0 && wall.y < 100) return new Date(ms).setUTCFullYear(wall.y);
  return ms;
}

/**
 * The instant a clock in `zone` shows `wall`. Out-of-range fields roll over
 * (hour 24 is midnight the next day). DST-safe: a time in a spring-forward gap
 * moves forward by the gap; an ambiguous fall-back time takes the earlier instant.
 */
export function instantFromZoned(wall: WallTime, zone: string): number {
  const local = wallAsUtc(wall);
  // The offsets in force a day either side cover any transition near this wall time.
  const before = zoneOffset(local - DAY, zone);
  const after = zoneOffset(local + DAY, zone);
  const candidates = [...new Set([local - before, local - after])].sort((a, b) => a - b);
  for (const candidate of candidates) {
    if (candidate + zoneOffset(candidate, zone) === local) return candidate;
  }
  // In a gap: the offset before the transition lands the same distance past it.
  return local - before;
}

/** Midnight at the start of a calendar date in `zone` (or the first moment of that day if midnight is skipped). */
export function startOfZonedDay(date: CalendarDate, zone: string): number {
  return instantFromZoned({ ...date, h: 0, min: 0 }, zone);
}

/** The calendar date `days` after `date`. */
export function addDays(date: CalendarDate, days: number): CalendarDate {
  const shifted = new Date(Date.UTC(date.y, date.m - 1, date.d) + days * DAY);
  return { y: shifted.getUTCFullYear(), m: shifted.getUTCMonth() + 1, d: shifted.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: CalendarDate): number {
  return new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay();
}

/** 'YYYY-MM-DD'. */
export function dateKey(date: CalendarDate): string {
  return `${String(date.y).padStart(4, '0')}-${String(date.m).padStart(2, '0')}-${String(date.d).padStart(2, '0')}`;
}

/** Whole calendar days from `a` to `b` (positive when b is later). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / DAY);
}

/** Minutes since midnight of an 'HH:MM' time; '24:00' is 1440. */
export function minutesOfTime(time: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!match) throw new Error(`"${time}" is not a time such as 08:30`);
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  if (Number(match[2]) > 59 || minutes > 24 * 60) throw new Error(`"${time}" is not a time such as 08:30`);
  return minutes;
}

/** The instant a clock in `zone` shows `time` on `date`. */
export function instantAtTime(date: CalendarDate, time: string, zone: string): number {
  const minutes = minutesOfTime(time);
  return instantFromZoned({ ...date, h: Math.floor(minutes / 60), min: minutes % 60 }, zone);
}

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** 'Tuesday 24 November at 15:00' as a clock in `zone` shows it ('Tuesday 24 November 2026 at 15:00' with the year). */
export function formatZonedDateTime(ms: number, zone: string, options: { withYear?: boolean } = {}): string {
  const p = zonedParts(ms, zone);
  const time = `${String(p.h).padStart(2, '0')}:${String(p.min).padStart(2, '0')}`;
  const year = options.withYear ? ` ${p.y}` : '';
  return `${WEEKDAY_NAMES[p.weekday] ?? ''} ${p.d} ${MONTH_NAMES[p.m - 1] ?? ''}${year} at ${time}`;
}
