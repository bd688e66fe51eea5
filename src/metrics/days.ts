/**
 * Calendar days on a supervisor's clock, fast enough to key a million rows.
 *
 * A day is numbered as the count of days since 1970-01-01 on the zone's wall
 * clock (`dayOf`), so day numbers sort, subtract and key maps cheaply; `dayKey`
 * turns one into `YYYY-MM-DD`. The zone's offset is looked up once per quarter
 * hour of UTC time and cached: today's zones change their offsets only on
 * quarter-hour boundaries of UTC (old local-mean-time offsets of the 19th
 * century aside), so a cached offset holds for its whole quarter hour.
 */
import { startOfZonedDay, zoneOffset } from '../promise/zones';

const MINUTE = 60_000;
const QUARTER = 15 * MINUTE;
export const DAY_MS = 24 * 60 * MINUTE;

export class DayClock {
  private readonly offsets = new Map<number, number>();
  private readonly starts = new Map<number, number>();
  private readonly utc: boolean;

  constructor(readonly timeZone: string) {
    this.utc = timeZone === 'UTC' || timeZone === 'Etc/UTC';
    // Fails here, not on the first row, when the zone is unknown.
    zoneOffset(0, timeZone);
  }

  /** The zone's offset from UTC at `ms`. */
  offsetAt(ms: number): number {
    if (this.utc) return 0;
    const quarter = Math.floor(ms / QUARTER);
    let offset = this.offsets.get(quarter);
    if (offset === undefined) {
      offset = zoneOffset(quarter * QUARTER, this.timeZone);
      this.offsets.set(quarter, offset);
    }
    return offset;
  }

  /** The day (on this zone's calendar) the instant `ms` falls on. */
  dayOf(ms: number): number {
    return Math.floor((ms + this.offsetAt(ms)) / DAY_MS);
  }

  /** The first instant of `day` (midnight, or the first moment of the day when midnight is skipped). */
  startOf(day: number): number {
    let start = this.starts.get(day);
    if (start === undefined) {
      const date = new Date(day * DAY_MS);
      start = this.utc ? day * DAY_MS : startOfZonedDay({ y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() }, this.timeZone);
      this.starts.set(day, start);
    }
    return start;
  }
}

/** `YYYY-MM-DD` of a day number. */
export function dayKey(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
