/**
 * Times in the planner are shown and entered on the agent's own clock (their
 * profile's time zone, which need not be the computer's), with the
 * customer's clock alongside when it differs.
 */
import { useMemo } from 'react';
import { defineMessages, useIntl, type IntlShape, type MessageDescriptor } from 'react-intl';
import { addDays, instantFromZoned, zonedParts, type CalendarDate } from '@core/promise';
import type { Formatter } from '@core/i18n/format';
import { useFormat } from '../../lib/i18n';

const pad = (n: number) => String(n).padStart(2, '0');

/** The value of an `<input type="datetime-local">` showing `ms` on the clock of `zone`. */
export function toLocalInput(ms: number, zone: string): string {
  const p = zonedParts(ms, zone);
  return `${p.y}-${pad(p.m)}-${pad(p.d)}T${pad(p.h)}:${pad(p.min)}`;
}

/** The moment an `<input type="datetime-local">` value means on the clock of `zone`; NaN when it is not a date and time. */
export function fromLocalInput(value: string, zone: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!match) return Number.NaN;
  const [, y, m, d, h, min] = match.map(Number) as [number, number, number, number, number, number];
  return instantFromZoned({ y, m, d, h, min }, zone);
}

/** The calendar day `ms` falls on, on the clock of `zone`. */
export function dayOf(ms: number, zone: string): CalendarDate {
  const p = zonedParts(ms, zone);
  return { y: p.y, m: p.m, d: p.d };
}

export function sameDay(a: CalendarDate, b: CalendarDate): boolean {
  return a.y === b.y && a.m === b.m && a.d === b.d;
}

// The English-only functions below (clock … customerClockText) stay until the screens that still import them
// format through `useTimeText`; the planner's own screens use `timeText`.
const messages: Record<'when' | 'customerClock' | 'customerClockOtherDay', MessageDescriptor> = defineMessages({
  when: { id: 'followUps.time.when', defaultMessage: '{day} {time}' },
  customerClock: { id: 'followUps.time.customerClock', defaultMessage: '{time} for {name} ({city})' },
  customerClockOtherDay: { id: 'followUps.time.customerClockOtherDay', defaultMessage: '{day} {time} for {name} ({city})' },
});

/** The planner's times as the agent reads them, in their language. */
export interface TimeText {
  /** "14:30" on the clock of `zone`. */
  clock(ms: number, zone: string): string;
  /** "Thu 26 Nov" on the clock of `zone`. */
  shortDay(ms: number, zone: string): string;
  /** "Thursday 26 November" on the clock of `zone`. */
  longDay(ms: number, zone: string): string;
  /** "Today 14:30", "Tomorrow 09:00", "Thu 26 Nov 14:30" relative to `now`, on the clock of `zone`. */
  when(ms: number, now: number, zone: string): string;
  /** "2 hr 15 min", "3 days" for a duration. */
  span(ms: number): string;
  /** "15:30 for Ana (New York)" when the customer's clock differs from the agent's, else null. */
  customerClock(ms: number, agentZone: string, customerZone: string, name: string): string | null;
}

export function timeText(intl: IntlShape, format: Formatter): TimeText {
  const clockIn = (ms: number, zone: string) => format.time(ms, zone);
  const shortDayIn = (ms: number, zone: string) => format.date(ms, 'weekday', zone);
  return {
    clock: clockIn,
    shortDay: shortDayIn,
    longDay: (ms, zone) => format.date(ms, 'weekdayLong', zone),
    when(ms, now, zone) {
      const relative = format.relativeDay(ms, now, zone);
      // "today" starts the label: capitalised as the sentence's first word in the agent's language.
      const day = relative ? relative.charAt(0).toLocaleUpperCase(format.intlLocale) + relative.slice(1) : shortDayIn(ms, zone);
      return intl.formatMessage(messages.when, { day, time: clockIn(ms, zone) });
    },
    span: (ms) => format.duration(ms),
    customerClock(ms, agentZone, customerZone, name) {
      const sameDate = sameDay(dayOf(ms, agentZone), dayOf(ms, customerZone));
      if (sameDate && clockIn(ms, agentZone) === clockIn(ms, customerZone)) return null;
      const values = { time: clockIn(ms, customerZone), name, city: format.zoneCity(customerZone) };
      return sameDate ? intl.formatMessage(messages.customerClock, values) : intl.formatMessage(messages.customerClockOtherDay, { ...values, day: shortDayIn(ms, customerZone) });
    },
  };
}

/** `timeText` in the agent's language. */
export function useTimeText(): TimeText {
  const intl = useIntl();
  const format = useFormat();
  return useMemo(() => timeText(intl, format), [intl, format]);
}

/** Monday of the week `ms` falls in, on the clock of `zone`. */
export function weekStart(ms: number, zone: string): CalendarDate {
  const day = dayOf(ms, zone);
  const weekday = new Date(Date.UTC(day.y, day.m - 1, day.d)).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}
