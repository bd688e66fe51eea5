import { describe, expect, it } from 'vitest';
import { closingAfter, isWorkingTime, toWorkingTime } from '@core/planner';
import { DEFAULT_WORKING_HOURS } from '@core/domain/model';

const hours = DEFAULT_WORKING_HOURS; // Monday–Friday 09:00–17:30
const london = 'Europe/London';
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('working time', () => {
  it('knows working time on the clock of the zone, start included, end excluded', () => {
    expect(isWorkingTime(at('2026-12-07T09:00:00Z'), hours, london)).toBe(true); // Monday 09:00
    expect(isWorkingTime(at('2026-12-07T17:30:00Z'), hours, london)).toBe(false); // Monday 17:30
    expect(isWorkingTime(at('2026-12-06T10:00:00Z'), hours, london)).toBe(false); // Sunday
    expect(isWorkingTime(at('2027-06-14T08:30:00Z'), hours, london)).toBe(true); // Monday 09:30 BST
    expect(isWorkingTime(at('2027-06-14T08:30:00Z'), hours, 'America/New_York')).toBe(false); // 04:30 in New York
  });

  it('moves a Sunday morning to Monday 09:00, and back to Friday 17:15 when earlier is asked for', () => {
    expect(iso(toWorkingTime(at('2026-12-06T08:10:00Z'), hours, london))).toBe('2026-12-07T09:00:00.000Z');
    expect(iso(toWorkingTime(at('2026-12-06T08:10:00Z'), hours, london, 'earlier'))).toBe('2026-12-04T17:15:00.000Z');
  });

  it('keeps working time as it is, and moves Friday 17:55 to Monday', () => {
    expect(iso(toWorkingTime(at('2027-01-15T11:05:00Z'), hours, london))).toBe('2027-01-15T11:05:00.000Z');
    expect(iso(toWorkingTime(at('2027-01-15T17:55:00Z'), hours, london))).toBe('2027-01-18T09:00:00.000Z');
  });

  it('finds the opening on the days clocks change', () => {
    // Sunday 28 March 2027 (clocks go forward in Europe) → Monday 09:00 BST = 08:00 UTC.
    expect(iso(toWorkingTime(at('2027-03-28T00:55:00Z'), hours, london))).toBe('2027-03-29T08:00:00.000Z');
    // Sunday 1 November 2026 (clocks go back in the US) → Monday 09:00 EST = 14:00 UTC.
    expect(iso(toWorkingTime(at('2026-11-01T05:55:00Z'), hours, 'America/New_York'))).toBe('2026-11-02T14:00:00.000Z');
  });

  it('says when the working day closes', () => {
    expect(iso(closingAfter(at('2026-12-07T15:00:00Z'), hours, london)!)).toBe('2026-12-07T17:30:00.000Z');
    expect(closingAfter(at('2026-12-06T15:00:00Z'), hours, london)).toBeNull();
  });
});
