import { describe, expect, it } from 'vitest';
import { companyCalendar, regionHolidays } from '@core/holidays';
import {
  BusinessCalendarSchema,
  addBusinessTime,
  businessTimeBetween,
  clockText,
  computePromise,
  endOfQuietHours,
  formatZonedDateTime,
  inQuietHours,
  instantFromZoned,
  isOpenAt,
  roundUpInZone,
  weekdayOf,
  zoneOffset,
  zonedParts,
  type BusinessCalendar,
  type PromiseCustomer,
} from '@core/promise';

const HOUR = 3_600_000;
const MINUTE = 60_000;
/** An instant from a UTC wall time: utc(2026, 11, 24, 10, 30) is 24 November 2026 10:30Z. */
const utc = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d, h, min);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16) + 'Z';

/** The company's calendar as configured: London, closed on England's bank holidays. */
const LONDON = companyCalendar();

const londoner: PromiseCustomer = { timeZone: 'Europe/London', quietHours: null, language: 'en-GB' };
const newYorker: PromiseCustomer = { timeZone: 'America/New_York', quietHours: { start: '21:00', end: '08:00' }, language: 'en-US' };

describe('zonedParts and instantFromZoned', () => {
  it('reads the wall clock in any zone', () => {
    const at = utc(2026, 11, 24, 15, 0); // a Tuesday
    expect(zonedParts(at, 'UTC')).toEqual({ y: 2026, m: 11, d: 24, h: 15, min: 0, s: 0, weekday: 2 });
    expect(zonedParts(at, 'Europe/London')).toMatchObject({ d: 24, h: 15, min: 0 });
    expect(zonedParts(at, 'America/New_York')).toMatchObject({ d: 24, h: 10, min: 0 });
    expect(zonedParts(at, 'Asia/Kolkata')).toMatchObject({ d: 24, h: 20, min: 30 });
    expect(zonedParts(at, 'Australia/Sydney')).toMatchObject({ d: 25, h: 2, min: 0, weekday: 3 });
    expect(zonedParts(utc(2026, 1, 1, 0, 0), 'UTC').h).toBe(0);
  });

  it('round-trips ordinary wall times', () => {
    for (const zone of ['Europe/London', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney', 'Asia/Kathmandu', 'Pacific/Chatham']) {
      for (let day = 0; day < 366; day += 7) {
        const at = utc(2026, 1, 1, 12, 15) + day * 24 * HOUR;
        const p = zonedParts(at, zone);
        expect(instantFromZoned(p, zone), `${zone} ${iso(at)}`).toBe(at);
      }
    }
  });

  it('gives zone offsets, DST included', () => {
    expect(zoneOffset(utc(2026, 1, 15, 12), 'Europe/London')).toBe(0);
    expect(zoneOffset(utc(2026, 7, 15, 12), 'Europe/London')).toBe(HOUR);
    expect(zoneOffset(utc(2026, 1, 15, 12), 'America/New_York')).toBe(-5 * HOUR);
    expect(zoneOffset(utc(2026, 7, 15, 12), 'America/New_York')).toBe(-4 * HOUR);
    expect(zoneOffset(utc(2026, 7, 15, 12), 'Asia/Kolkata')).toBe(5.5 * HOUR);
    expect(zoneOffset(utc(2026, 1, 15, 12), 'Australia/Sydney')).toBe(11 * HOUR);
    expect(zoneOffset(utc(2026, 7, 15, 12), 'Australia/Sydney')).toBe(10 * HOUR);
  });

  it('moves a wall time in a spring-forward gap forward by the gap', () => {
    // London springs forward at 01:00 on 29 March 2026: 01:30 does not exist, 02:30 BST does.
    expect(iso(instantFromZoned({ y: 2026, m: 3, d: 29, h: 1, min: 30 }, 'Europe/London'))).toBe('2026-03-29T01:30Z');
    expect(zonedParts(instantFromZoned({ y: 2026, m: 3, d: 29, h: 1, min: 30 }, 'Europe/London'), 'Europe/London')).toMatchObject({ h: 2, min: 30 });
    // New York springs forward at 02:00 on 8 March 2026: 02:30 EST is 03:30 EDT.
    expect(iso(instantFromZoned({ y: 2026, m: 3, d: 8, h: 2, min: 30 }, 'America/New_York'))).toBe('2026-03-08T07:30Z');
    // Sydney springs forward at 02:00 on 4 October 2026.
    expect(zonedParts(instantFromZoned({ y: 2026, m: 10, d: 4, h: 2, min: 15 }, 'Australia/Sydney'), 'Australia/Sydney')).toMatchObject({ h: 3, min: 15 });
  });

  it('takes the earlier instant of an ambiguous fall-back time', () => {
    // London falls back at 02:00 BST on 25 October 2026: 01:30 happens twice, first at 00:30Z.
    expect(iso(instantFromZoned({ y: 2026, m: 10, d: 25, h: 1, min: 30 }, 'Europe/London'))).toBe('2026-10-25T00:30Z');
    // New York falls back at 02:00 EDT on 1 November 2026: 01:30 EDT is 05:30Z.
    expect(iso(instantFromZoned({ y: 2026, m: 11, d: 1, h: 1, min: 30 }, 'America/New_York'))).toBe('2026-11-01T05:30Z');
    // Sydney falls back at 03:00 AEDT on 5 April 2026: 02:30 AEDT is 15:30Z the day before.
    expect(iso(instantFromZoned({ y: 2026, m: 4, d: 5, h: 2, min: 30 }, 'Australia/Sydney'))).toBe('2026-04-04T15:30Z');
  });

  it('rolls over out-of-range fields', () => {
    expect(iso(instantFromZoned({ y: 2026, m: 12, d: 31, h: 24, min: 0 }, 'Asia/Kolkata'))).toBe('2026-12-31T18:30Z');
    expect(iso(instantFromZoned({ y: 2026, m: 2, d: 29, h: 9, min: 0 }, 'UTC'))).toBe('2026-03-01T09:00Z');
  });

  it('formats in the zone', () => {
    expect(formatZonedDateTime(utc(2026, 11, 24, 15), 'Europe/London')).toBe('Tuesday 24 November at 15:00');
    expect(formatZonedDateTime(utc(2026, 11, 24, 15), 'America/New_York', { withYear: true })).toBe('Tuesday 24 November 2026 at 10:00');
  });
});

describe('the company business calendar', () => {
  it('is a valid calendar: London, Mon–Fri 08–20, Sat 09–17, closed Sunday', () => {
    const plain = { timeZone: LONDON.timeZone, hours: LONDON.hours, holidays: LONDON.holidays };
    expect(BusinessCalendarSchema.parse(plain)).toEqual(plain);
    expect(LONDON.timeZone).toBe('Europe/London');
    expect(isOpenAt(utc(2026, 11, 23, 8, 0), LONDON)).toBe(true); // Monday 08:00 GMT
    expect(isOpenAt(utc(2026, 11, 23, 7, 59), LONDON)).toBe(false);
    expect(isOpenAt(utc(2026, 11, 23, 20, 0), LONDON)).toBe(true); // closing time counts ("by 8 pm")
    expect(isOpenAt(utc(2026, 11, 23, 20, 1), LONDON)).toBe(false);
    expect(isOpenAt(utc(2026, 11, 28, 8, 30), LONDON)).toBe(false); // Saturday opens at 9
    expect(isOpenAt(utc(2026, 11, 28, 16, 30), LONDON)).toBe(true);
    expect(isOpenAt(utc(2026, 11, 29, 12, 0), LONDON)).toBe(false); // Sunday
    // In summer the hours are BST: 08:00 BST is 07:00Z.
    expect(isOpenAt(utc(2026, 7, 13, 7, 0), LONDON)).toBe(true);
    expect(isOpenAt(utc(2026, 7, 13, 19, 30), LONDON)).toBe(false);
  });

  it('closes on the England and Wales bank holidays of 2026 and 2027 (the days this calendar once listed by hand)', () => {
    // The list published on gov.uk; Christmas 2027 falls on a weekend, so both days move to the Monday and Tuesday.
    const published = ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28', '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28'];
    const weekdayHolidays = [2026, 2027].flatMap((year) => regionHolidays('GB-ENG', year).map((holiday) => holiday.date)).filter((day) => {
      const [y, m, d] = day.split('-').map(Number) as [number, number, number];
      return weekdayOf({ y, m, d }) >= 1 && weekdayOf({ y, m, d }) <= 5;
    });
    expect(weekdayHolidays).toEqual(published);
    for (const day of published) {
      const [y, m, d] = day.split('-').map(Number) as [number, number, number];
      expect(isOpenAt(instantFromZoned({ y, m, d, h: 12, min: 0 }, 'Europe/London'), LONDON), day).toBe(false);
    }
    expect(isOpenAt(utc(2026, 4, 3, 12), LONDON)).toBe(false); // Good Friday
    expect(isOpenAt(utc(2026, 12, 28, 12), LONDON)).toBe(false); // Boxing Day substitute
  });

  it('rejects calendars that close before they open', () => {
    expect(BusinessCalendarSchema.safeParse({ ...LONDON, hours: { ...LONDON.hours, mon: [['20:00', '08:00']] } }).success).toBe(false);
    expect(BusinessCalendarSchema.safeParse({ ...LONDON, holidays: ['25/12/2026'] }).success).toBe(false);
  });
});

describe('addBusinessTime', () => {
  it('counts only open time', () => {
    // Tuesday 10:00 + 3 h = 13:00.
    expect(iso(addBusinessTime(utc(2026, 11, 24, 10), 3 * HOUR, LONDON))).toBe('2026-11-24T13:00Z');
    // Friday 19:00 + 4 h: one hour on Friday, three on Saturday from 09:00.
    expect(iso(addBusinessTime(utc(2026, 11, 20, 19), 4 * HOUR, LONDON))).toBe('2026-11-21T12:00Z');
    // Saturday 16:00 + 2 h: one hour on Saturday, Sunday closed, one on Monday from 08:00.
    expect(iso(addBusinessTime(utc(2026, 11, 28, 16), 2 * HOUR, LONDON))).toBe('2026-11-30T09:00Z');
  });

  it('ends at closing time rather than at the next opening', () => {
    expect(iso(addBusinessTime(utc(2026, 11, 24, 18), 2 * HOUR, LONDON))).toBe('2026-11-24T20:00Z');
  });

  it('with no duration gives the next open moment', () => {
    expect(iso(addBusinessTime(utc(2026, 11, 24, 10, 17), 0, LONDON))).toBe('2026-11-24T10:17Z');
    expect(iso(addBusinessTime(utc(2026, 11, 24, 20, 0), 0, LONDON))).toBe('2026-11-25T08:00Z');
    expect(iso(addBusinessTime(utc(2026, 11, 29, 3), 0, LONDON))).toBe('2026-11-30T08:00Z'); // Sunday night
  });

  it('skips bank holidays: Easter 2026', () => {
    // Thursday 2 April 19:00 BST + 12 h: 1 h Thursday, Good Friday closed, 8 h Saturday, Sunday closed,
    // Easter Monday closed, 3 h on Tuesday 7 April from 08:00 BST.
    const start = instantFromZoned({ y: 2026, m: 4, d: 2, h: 19, min: 0 }, 'Europe/London');
    expect(iso(addBusinessTime(start, 12 * HOUR, LONDON))).toBe('2026-04-07T10:00Z');
  });

  it('skips bank holidays: Christmas 2026 and new year 2027', () => {
    // Thursday 24 December 19:30 + 16 h: 0.5 h, Christmas closed, Boxing Day (a Saturday) closed, Sunday closed,
    // Monday 28th (the Boxing Day substitute) closed, 12 h on Tuesday 29th, 3.5 h on Wednesday 30th.
    expect(iso(addBusinessTime(utc(2026, 12, 24, 19, 30), 16 * HOUR, LONDON))).toBe('2026-12-30T11:30Z');
    // Thursday 31 December 19:00 + 2 h: 1 h, New Year's Day closed, 1 h on Saturday 2 January.
    expect(iso(addBusinessTime(utc(2026, 12, 31, 19), 2 * HOUR, LONDON))).toBe('2027-01-02T10:00Z');
  });

  it('counts real hours across DST changes', () => {
    const always: BusinessCalendar = {
      timeZone: 'Europe/London',
      hours: { mon: [['00:00', '24:00']], tue: [['00:00', '24:00']], wed: [['00:00', '24:00']], thu: [['00:00', '24:00']], fri: [['00:00', '24:00']], sat: [['00:00', '24:00']], sun: [['00:00', '24:00']] },
      holidays: [],
    };
    // Sunday 29 March 2026 has 23 hours: noon Saturday + 24 h is 13:00 BST on Sunday.
    const saturdayNoon = instantFromZoned({ y: 2026, m: 3, d: 28, h: 12, min: 0 }, 'Europe/London');
    expect(zonedParts(addBusinessTime(saturdayNoon, 24 * HOUR, always), 'Europe/London')).toMatchObject({ d: 29, h: 13 });
    // Sunday 25 October 2026 has 25 hours: noon Saturday + 24 h is 11:00 GMT on Sunday.
    const octoberNoon = instantFromZoned({ y: 2026, m: 10, d: 24, h: 12, min: 0 }, 'Europe/London');
    expect(zonedParts(addBusinessTime(octoberNoon, 24 * HOUR, always), 'Europe/London')).toMatchObject({ d: 25, h: 11 });
    // The default calendar is closed overnight, so its hours are wall-clock hours either side of the change.
    expect(businessTimeBetween(utc(2026, 3, 28), utc(2026, 3, 31), LONDON)).toBe((8 + 12) * HOUR);
  });

  it('works in the calendar’s own zone', () => {
    const newYorkOffice: BusinessCalendar = { ...LONDON, timeZone: 'America/New_York', holidays: [] };
    // 09:00 EST is 14:00Z; Monday 23 November 2026 07:00 EST + 1 h = 09:00 EST.
    expect(iso(addBusinessTime(utc(2026, 11, 23, 12), HOUR, newYorkOffice))).toBe('2026-11-23T14:00Z');
  });

  it('throws when the calendar is never open', () => {
    const closed: BusinessCalendar = { ...LONDON, hours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } };
    expect(() => addBusinessTime(utc(2026, 1, 1), HOUR, closed)).toThrow(/no opening hours/);
  });
});

describe('quiet hours', () => {
  const overnight = { start: '22:00', end: '08:00' };

  it('may span midnight', () => {
    const at = (h: number, min = 0) => instantFromZoned({ y: 2026, m: 11, d: 24, h, min }, 'Asia/Kolkata');
    expect(inQuietHours(at(21, 59), overnight, 'Asia/Kolkata')).toBe(false);
    expect(inQuietHours(at(22, 0), overnight, 'Asia/Kolkata')).toBe(true);
    expect(inQuietHours(at(23, 30), overnight, 'Asia/Kolkata')).toBe(true);
    expect(inQuietHours(at(3, 0), overnight, 'Asia/Kolkata')).toBe(true);
    expect(inQuietHours(at(7, 59), overnight, 'Asia/Kolkata')).toBe(true);
    expect(inQuietHours(at(8, 0), overnight, 'Asia/Kolkata')).toBe(false);
    expect(inQuietHours(at(3, 0), null, 'Asia/Kolkata')).toBe(false);
    expect(inQuietHours(at(3, 0), { start: '08:00', end: '08:00' }, 'Asia/Kolkata')).toBe(false);
  });

  it('end the next morning when they start in the evening', () => {
    const evening = instantFromZoned({ y: 2026, m: 11, d: 24, h: 23, min: 0 }, 'Asia/Kolkata');
    const morning = instantFromZoned({ y: 2026, m: 11, d: 25, h: 3, min: 0 }, 'Asia/Kolkata');
    const end = instantFromZoned({ y: 2026, m: 11, d: 25, h: 8, min: 0 }, 'Asia/Kolkata');
    expect(endOfQuietHours(evening, overnight, 'Asia/Kolkata')).toBe(end);
    expect(endOfQuietHours(morning, overnight, 'Asia/Kolkata')).toBe(end);
  });
});

describe('computePromise', () => {
  it('words a callback in the customer’s time, today', () => {
    // Tuesday 24 November 2026, 10:10 in London; two business hours → 12:10 → rounded up to 12:30.
    const promise = computePromise({ kind: 'callback', now: utc(2026, 11, 24, 10, 10), within: { businessHours: 2 }, calendar: LONDON, customer: londoner });
    expect(iso(promise.dueAt)).toBe('2026-11-24T12:30Z');
    expect(promise.text).toBe("We'll call you back by 12:30 pm your time today");
    expect(promise.customerLocalText).toBe('Tuesday 24 November 2026, 12:30 pm (Europe/London)');
  });

  it('words replies and resolutions by kind', () => {
    const base = { now: utc(2026, 11, 24, 10, 0), within: { businessHours: 5 }, calendar: LONDON, customer: londoner } as const;
    expect(computePromise({ ...base, kind: 'reply' }).text).toBe("You'll have our reply by 3 pm your time today");
    expect(computePromise({ ...base, kind: 'resolution' }).text).toBe("We'll have this fixed by 3 pm your time today");
  });

  describe('rounding', () => {
    const at = (h: number, min: number) => utc(2026, 11, 24, h, min);
    const due = (now: number, roundTo?: number) => iso(computePromise({ kind: 'reply', now, within: { businessHours: 1 }, calendar: LONDON, customer: londoner, roundTo }).dueAt);

    it('rounds up to 30 minutes by default', () => {
      expect(due(at(10, 0))).toBe('2026-11-24T11:00Z');
      expect(due(at(10, 1))).toBe('2026-11-24T11:30Z');
      expect(due(at(10, 29))).toBe('2026-11-24T11:30Z');
      expect(due(at(10, 31))).toBe('2026-11-24T12:00Z');
      expect(due(at(10, 0) + 1000)).toBe('2026-11-24T11:30Z');
    });

    it('rounds to other steps, or not at all', () => {
      expect(due(at(10, 1), 15)).toBe('2026-11-24T11:15Z');
      expect(due(at(10, 1), 60)).toBe('2026-11-24T12:00Z');
      expect(due(at(10, 1), 0)).toBe('2026-11-24T11:01Z');
    });

    it('rounds on the customer’s clock', () => {
      // Nepal is UTC+5:45: a 30-minute step lands on :00 or :30 there.
      const due = computePromise({ kind: 'reply', now: at(10, 0), within: { businessHours: 1 }, calendar: LONDON, customer: { timeZone: 'Asia/Kathmandu', quietHours: null } }).dueAt;
      expect(zonedParts(due, 'Asia/Kathmandu').min % 30).toBe(0);
      expect(roundUpInZone(at(11, 0), 30, 'Asia/Kathmandu')).toBe(at(11, 15));
    });

    it('keeps a rounded time at closing and moves one past it to the next opening', () => {
      // 18:45 + 1 h = 19:45 → 20:00, closing time.
      expect(due(at(18, 45))).toBe('2026-11-24T20:00Z');
      // With a 45-minute step (…, 19:30, 20:15 on the customer's clock), 19:40 rounds to 20:15, after closing
      // → the next opening, 08:00 Wednesday, rounded up to the step again: 08:15.
      expect(due(at(18, 40), 45)).toBe('2026-11-25T08:15Z');
    });
  });

  it('handles a request made on Friday evening', () => {
    const promise = computePromise({ kind: 'callback', now: utc(2026, 11, 20, 19), within: { businessHours: 4 }, calendar: LONDON, customer: londoner });
    expect(iso(promise.dueAt)).toBe('2026-11-21T12:00Z');
    expect(promise.text).toBe("We'll call you back by 12 pm your time tomorrow");
  });

  it('handles a request made at night', () => {
    const promise = computePromise({ kind: 'callback', now: utc(2026, 11, 24, 2), within: { businessHours: 1 }, calendar: LONDON, customer: londoner });
    expect(iso(promise.dueAt)).toBe('2026-11-24T09:00Z');
    expect(promise.text).toBe("We'll call you back by 9 am your time today");
  });

  it('handles a request made on Sunday', () => {
    const promise = computePromise({ kind: 'reply', now: utc(2026, 11, 22, 15), within: { businessHours: 2 }, calendar: LONDON, customer: londoner });
    expect(iso(promise.dueAt)).toBe('2026-11-23T10:00Z');
    expect(promise.text).toBe("You'll have our reply by 10 am your time tomorrow");
  });

  it('names the weekday within a week, and the date beyond', () => {
    // Thursday 2 April 2026 19:00 BST + 12 business hours over Easter → Tuesday 7 April 11:00 BST.
    const easter = computePromise({ kind: 'resolution', now: utc(2026, 4, 2, 18), within: { businessHours: 12 }, calendar: LONDON, customer: londoner });
    expect(iso(easter.dueAt)).toBe('2026-04-07T10:00Z');
    expect(easter.text).toBe("We'll have this fixed by Tuesday 11 am your time");
    // Monday 23 November 08:00 + 92 business hours → Tuesday 1 December 20:00.
    const far = computePromise({ kind: 'resolution', now: utc(2026, 11, 23, 8), within: { businessHours: 92 }, calendar: LONDON, customer: londoner });
    expect(iso(far.dueAt)).toBe('2026-12-01T20:00Z');
    expect(far.text).toBe("We'll have this fixed by Tuesday 1 December, 8 pm your time");
    // Into next year, the year is said.
    const nextYear = computePromise({ kind: 'reply', now: utc(2026, 12, 24, 12), within: { hours: 24 * 14 }, calendar: LONDON, customer: londoner });
    expect(nextYear.text).toBe("You'll have our reply by Thursday 7 January 2027, 12 pm your time");
  });

  it('skips Christmas 2026, Boxing Day on the Saturday and its substitute on the Monday', () => {
    const promise = computePromise({ kind: 'resolution', now: utc(2026, 12, 24, 19, 30), within: { businessHours: 16 }, calendar: LONDON, customer: londoner });
    expect(iso(promise.dueAt)).toBe('2026-12-30T11:30Z');
    expect(promise.text).toBe("We'll have this fixed by Wednesday 11:30 am your time");
  });

  it('accepts wall-clock hours, moved into business hours', () => {
    const twoDays = computePromise({ kind: 'reply', now: utc(2026, 11, 24, 10), within: { hours: 48 }, calendar: LONDON, customer: londoner });
    expect(iso(twoDays.dueAt)).toBe('2026-11-26T10:00Z');
    expect(twoDays.text).toBe("You'll have our reply by Thursday 10 am your time");
    // Saturday noon + 24 h is Sunday noon, closed → Monday 08:00.
    expect(iso(computePromise({ kind: 'reply', now: utc(2026, 11, 28, 12), within: { hours: 24 }, calendar: LONDON, customer: londoner }).dueAt)).toBe('2026-11-30T08:00Z');
    // Both given: the later wins.
    expect(iso(computePromise({ kind: 'reply', now: utc(2026, 11, 24, 10), within: { hours: 1, businessHours: 3 }, calendar: LONDON, customer: londoner }).dueAt)).toBe('2026-11-24T13:00Z');
  });

  describe('customers in other time zones', () => {
    it('New York: moves a callback out of the customer’s night', () => {
      // Friday 20 November 19:00 London (14:00 New York) + 4 business hours = Saturday 12:00 London = 07:00 New York,
      // inside quiet hours (21:00–08:00) → 08:00 New York = 13:00 London, which is open.
      const promise = computePromise({ kind: 'callback', now: utc(2026, 11, 20, 19), within: { businessHours: 4 }, calendar: LONDON, customer: newYorker });
      expect(iso(promise.dueAt)).toBe('2026-11-21T13:00Z');
      expect(promise.text).toBe("We'll call you back by 8 am your time tomorrow");
      expect(promise.customerLocalText).toBe('Saturday 21 November 2026, 8 am (America/New_York)');
      expect(promise.businessLocalText).toBe('Saturday 21 November 2026, 1 pm (Europe/London)');
    });

    it('New York: says "tomorrow" by the customer’s calendar, not London’s', () => {
      // Monday 23 November 22:00 New York is Tuesday 03:00 London; one business hour → Tuesday 09:00 London = 04:00 New York.
      const promise = computePromise({ kind: 'reply', now: utc(2026, 11, 24, 3), within: { businessHours: 1 }, calendar: LONDON, customer: { ...newYorker, quietHours: null } });
      expect(iso(promise.dueAt)).toBe('2026-11-24T09:00Z');
      expect(promise.text).toBe("You'll have our reply by 4 am your time tomorrow");
    });

    it('Kolkata: half-hour offset, and quiet hours that move the promise to the next opening', () => {
      // Monday 23 November 09:00 London = 14:30 Kolkata; 3 business hours → 12:00 London = 17:30 Kolkata.
      const base = { kind: 'callback' as const, now: utc(2026, 11, 23, 9), within: { businessHours: 3 }, calendar: LONDON };
      const plain = computePromise({ ...base, customer: { timeZone: 'Asia/Kolkata', quietHours: null, language: 'en-IN' } });
      expect(iso(plain.dueAt)).toBe('2026-11-23T12:00Z');
      expect(plain.text).toBe("We'll call you back by 5:30 pm your time today");
      // Quiet from 17:00 to 09:00 Kolkata: 09:00 Kolkata is 03:30 London, closed → 08:00 London = 13:30 Kolkata.
      const quiet = computePromise({ ...base, customer: { timeZone: 'Asia/Kolkata', quietHours: { start: '17:00', end: '09:00' }, language: 'en-IN' } });
      expect(iso(quiet.dueAt)).toBe('2026-11-24T08:00Z');
      expect(quiet.text).toBe("We'll call you back by 1:30 pm your time tomorrow");
    });

    it('Kolkata: quiet hours spanning midnight', () => {
      // Monday 23 November 15:00 London (20:30 Kolkata) + 2 business hours = 17:00 London = 22:30 Kolkata, quiet (22:00–08:00)
      // → 08:00 Kolkata = 02:30 London, closed → 08:00 London = 13:30 Kolkata on Tuesday.
      const promise = computePromise({
        kind: 'callback',
        now: utc(2026, 11, 23, 15),
        within: { businessHours: 2 },
        calendar: LONDON,
        customer: { timeZone: 'Asia/Kolkata', quietHours: { start: '22:00', end: '08:00' }, language: 'en' },
      });
      expect(iso(promise.dueAt)).toBe('2026-11-24T08:00Z');
      expect(promise.text).toBe("We'll call you back by 1:30 pm your time tomorrow");
    });

    it('Sydney: "today" and "tomorrow" by the customer’s date', () => {
      // Monday 23 November 10:00 London = 21:00 Sydney (AEDT, UTC+11).
      const customer: PromiseCustomer = { timeZone: 'Australia/Sydney', quietHours: null, language: 'en-AU' };
      const soon = computePromise({ kind: 'reply', now: utc(2026, 11, 23, 10), within: { businessHours: 2 }, calendar: LONDON, customer });
      expect(soon.text).toBe("You'll have our reply by 11 pm your time today");
      const later = computePromise({ kind: 'reply', now: utc(2026, 11, 23, 10), within: { businessHours: 4 }, calendar: LONDON, customer });
      expect(later.text).toBe("You'll have our reply by 1 am your time tomorrow");
    });

    it('Sydney: a quiet-hours end that meets closing time is kept', () => {
      // Monday 23 November 16:00 London = Tuesday 03:00 Sydney; 2 business hours → 18:00 London = 05:00 Sydney, quiet until 07:00
      // → 07:00 Sydney = 20:00 London, closing time.
      const customer: PromiseCustomer = { timeZone: 'Australia/Sydney', quietHours: { start: '21:00', end: '07:00' }, language: 'en-AU' };
      const promise = computePromise({ kind: 'callback', now: utc(2026, 11, 23, 16), within: { businessHours: 2 }, calendar: LONDON, customer });
      expect(iso(promise.dueAt)).toBe('2026-11-23T20:00Z');
      expect(promise.text).toBe("We'll call you back by 7 am your time today");
      // Quiet until 08:00 → 21:00 London, closed → Tuesday 08:00 London = 19:00 Sydney.
      const later = computePromise({ kind: 'callback', now: utc(2026, 11, 23, 16), within: { businessHours: 2 }, calendar: LONDON, customer: { ...customer, quietHours: { start: '21:00', end: '08:00' } } });
      expect(iso(later.dueAt)).toBe('2026-11-24T08:00Z');
      expect(later.text).toBe("We'll call you back by 7 pm your time today");
    });

    it('lunchtime quiet hours that do not span midnight', () => {
      const promise = computePromise({
        kind: 'callback',
        now: utc(2026, 11, 24, 10, 30),
        within: { businessHours: 2 },
        calendar: LONDON,
        customer: { ...londoner, quietHours: { start: '12:00', end: '14:00' } },
      });
      expect(iso(promise.dueAt)).toBe('2026-11-24T14:00Z');
      expect(promise.text).toBe("We'll call you back by 2 pm your time today");
    });
  });

  describe('DST changes', () => {
    it('Europe, spring: 29 March 2026', () => {
      // Saturday 28 March 16:00 GMT + 4 business hours: 1 h Saturday, Sunday closed (the clocks change), 3 h Monday from 08:00 BST.
      const london = computePromise({ kind: 'callback', now: utc(2026, 3, 28, 16), within: { businessHours: 4 }, calendar: LONDON, customer: londoner });
      expect(iso(london.dueAt)).toBe('2026-03-30T10:00Z');
      expect(london.text).toBe("We'll call you back by Monday 11 am your time");
      // New York is already on EDT (UTC−4): 10:00Z is 06:00 there, quiet → 08:00 EDT = 12:00Z.
      const newYork = computePromise({ kind: 'callback', now: utc(2026, 3, 28, 16), within: { businessHours: 4 }, calendar: LONDON, customer: newYorker });
      expect(iso(newYork.dueAt)).toBe('2026-03-30T12:00Z');
      expect(newYork.text).toBe("We'll call you back by Monday 8 am your time");
    });

    it('Europe, autumn: 25 October 2026, while New York is still on summer time', () => {
      // Saturday 24 October 16:30 BST + 2 business hours: 0.5 h Saturday, 1.5 h Monday from 08:00 GMT → 09:30 GMT.
      const london = computePromise({ kind: 'resolution', now: utc(2026, 10, 24, 15, 30), within: { businessHours: 2 }, calendar: LONDON, customer: londoner });
      expect(iso(london.dueAt)).toBe('2026-10-26T09:30Z');
      expect(london.text).toBe("We'll have this fixed by Monday 9:30 am your time");
      // New York (EDT until 1 November): 09:30Z is 05:30 there → 08:00 EDT = 12:00Z, only four hours behind London this week.
      const newYork = computePromise({ kind: 'resolution', now: utc(2026, 10, 24, 15, 30), within: { businessHours: 2 }, calendar: LONDON, customer: newYorker });
      expect(iso(newYork.dueAt)).toBe('2026-10-26T12:00Z');
      expect(newYork.text).toBe("We'll have this fixed by Monday 8 am your time");
    });

    it('US, spring: 8 March 2026', () => {
      // Sunday 8 March 14:00Z (10:00 EDT) + 1 business hour → Monday 09:00 GMT = 05:00 EDT; quiet until 07:00 → 11:00Z.
      const customer: PromiseCustomer = { ...newYorker, quietHours: { start: '22:00', end: '07:00' } };
      const promise = computePromise({ kind: 'callback', now: utc(2026, 3, 8, 14), within: { businessHours: 1 }, calendar: LONDON, customer });
      expect(iso(promise.dueAt)).toBe('2026-03-09T11:00Z');
      expect(promise.text).toBe("We'll call you back by 7 am your time tomorrow");
    });

    it('US, autumn: 1 November 2026', () => {
      // Sunday 1 November 12:00Z (07:00 EST, after the change) + 1 business hour → Monday 09:00 GMT = 04:00 EST; quiet → 08:00 EST = 13:00Z.
      const promise = computePromise({ kind: 'callback', now: utc(2026, 11, 1, 12), within: { businessHours: 1 }, calendar: LONDON, customer: newYorker });
      expect(iso(promise.dueAt)).toBe('2026-11-02T13:00Z');
      expect(promise.text).toBe("We'll call you back by 8 am your time tomorrow");
    });
  });

  it('uses a 24-hour clock for customers who do not speak English', () => {
    const promise = computePromise({ kind: 'callback', now: utc(2026, 11, 24, 10), within: { businessHours: 5 }, calendar: LONDON, customer: { timeZone: 'Europe/Paris', quietHours: null, language: 'fr-FR' } });
    expect(promise.text).toBe("We'll call you back by 16:00 your time today");
    expect(clockText(utc(2026, 11, 24, 12), 'UTC', 'en-US')).toBe('12 pm');
    expect(clockText(utc(2026, 11, 24, 0, 30), 'UTC', 'en-GB')).toBe('12:30 am');
    expect(clockText(utc(2026, 11, 24, 15, 5), 'UTC', 'de')).toBe('15:05');
  });

  it('never promises a moment outside business hours or inside quiet hours', () => {
    const customers: PromiseCustomer[] = [
      londoner,
      newYorker,
      { timeZone: 'Asia/Kolkata', quietHours: { start: '22:00', end: '08:00' } },
      { timeZone: 'Australia/Sydney', quietHours: { start: '20:00', end: '09:00' } },
      { timeZone: 'America/Los_Angeles', quietHours: { start: '23:30', end: '06:30' } },
    ];
    for (let step = 0; step < 24 * 14; step += 5) {
      const now = utc(2026, 3, 20) + step * HOUR + 7 * MINUTE;
      for (const customer of customers) {
        const { dueAt } = computePromise({ kind: 'callback', now, within: { businessHours: (step % 7) + 1 }, calendar: LONDON, customer });
        expect(isOpenAt(dueAt, LONDON), `${iso(now)} ${customer.timeZone}`).toBe(true);
        expect(inQuietHours(dueAt, customer.quietHours, customer.timeZone), `${iso(now)} ${customer.timeZone}`).toBe(false);
        expect(dueAt).toBeGreaterThan(now);
        expect(zonedParts(dueAt, customer.timeZone).min % 30).toBe(0);
      }
    }
  });
});
