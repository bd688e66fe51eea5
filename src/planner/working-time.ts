/**
 * Moving a moment into someone's working hours, on their own clock: the
 * planner's slots are already placed there; this serves rows made outside
 * the planner (the demo data's own follow-ups).
 */
import { WEEKDAYS, type WorkingHours } from '../domain/model';
import { addDays, instantAtTime, weekdayOf, zonedParts, type CalendarDate } from '../promise/zones';

const QUARTER_HOUR = 15 * 60_000;
/** Far enough to find a working day in any week that has one. */
const SEARCH_DAYS = 8;

function isWorkingDay(date: CalendarDate, hours: WorkingHours): boolean {
  return hours.days.includes(WEEKDAYS[weekdayOf(date)]!);
}

function hoursOn(date: CalendarDate, hours: WorkingHours, zone: string): [number, number] {
  return [instantAtTime(date, hours.start, zone), instantAtTime(date, hours.end, zone)];
}

/** Whether `ms` falls inside the working hours (start included, end excluded) on a working day, on the clock of `zone`. */
export function isWorkingTime(ms: number, hours: WorkingHours, zone: string): boolean {
  const p = zonedParts(ms, zone);
  const date = { y: p.y, m: p.m, d: p.d };
  if (!isWorkingDay(date, hours)) return false;
  const [open, close] = hoursOn(date, hours, zone);
  return ms >= open && ms < close;
}

/** When the working day `ms` falls in closes; null when `ms` is not working time. */
export function closingAfter(ms: number, hours: WorkingHours, zone: string): number | null {
  if (!isWorkingTime(ms, hours, zone)) return null;
  const p = zonedParts(ms, zone);
  return instantAtTime({ y: p.y, m: p.m, d: p.d }, hours.end, zone);
}

/**
 * `ms` when it is working time; otherwise the nearest working time after it
 * (the next opening) or, with `direction: 'earlier'`, before it (the last
 * quarter hour before the previous closing).
 */
export function toWorkingTime(ms: number, hours: WorkingHours, zone: string, direction: 'later' | 'earlier' = 'later'): number {
  const p = zonedParts(ms, zone);
  const day = { y: p.y, m: p.m, d: p.d };
  for (let step = 0; step < SEARCH_DAYS; step++) {
    const date = addDays(day, direction === 'later' ? step : -step);
    if (!isWorkingDay(date, hours)) continue;
    const [open, close] = hoursOn(date, hours, zone);
    if (direction === 'later') {
      if (ms < open) return open;
      if (ms < close) return ms;
    } else {
      if (ms >= close) return Math.max(open, close - QUARTER_HOUR);
      if (ms >= open) return ms;
    }
  }
  throw new Error('Working hours name no working day');
}
