/** What both dashboards (a supervisor's and an agent's own) read figures with: date ranges and figures written in the agent's language. */
import { useMemo } from 'react';
import { defineMessages } from 'react-intl';
import type { Formatter } from '@core/i18n/format';
import { moneyByCurrencyText, type MoneyByCurrency } from '@core/metrics';
import { addDays, startOfZonedDay } from '@core/promise';
import { useFormat } from '../../lib/i18n';
import { dayOf } from '../follow-ups/time';

export type RangeId = 'today' | '7d' | 'week' | '30d' | 'custom';
export const RANGE_MESSAGES = defineMessages({
  today: { id: 'dashboard.range.today', defaultMessage: 'Today' },
  '7d': { id: 'dashboard.range.last7Days', defaultMessage: 'Last 7 days' },
  week: { id: 'dashboard.range.thisWeek', defaultMessage: 'This week' },
  '30d': { id: 'dashboard.range.last30Days', defaultMessage: 'Last 30 days' },
});
export const RANGE_IDS = Object.keys(RANGE_MESSAGES) as Exclude<RangeId, 'custom'>[];
export const ALL = 'all';

/** Shown for a figure with nothing to count: a dash reads the same in every language. */
const NONE = '—';

/** A dashboard's figures as people read them; null (nothing counted) is a dash. */
export interface FigureFormat {
  count(value: number): string;
  /** A share 0–1 as a percentage: "87%", "87 %". */
  pct(value: number | null): string;
  /** A score with fixed decimals: "4.3", "4,3". */
  dec(value: number | null, digits?: number): string;
  /** Seconds as a clock: "4:07", "1:02:33". */
  duration(seconds: number | null): string;
  /** Money given, per currency ("€25 · £40"), never added across currencies. */
  money(value: MoneyByCurrency): string;
  /** A sentiment −1…1 with its sign: "+0.25", "−0.10". */
  sentiment(value: number | null): string;
  /** A `YYYY-MM-DD` day key as a short date: "3 Mar". */
  day(key: string): string;
}

export function figureFormat(format: Formatter): FigureFormat {
  return {
    count: (value) => format.number(value),
    pct: (value) => (value === null ? NONE : format.percent(value)),
    dec: (value, digits = 1) => (value === null ? NONE : format.number(value, { minimumFractionDigits: digits, maximumFractionDigits: digits })),
    duration: (seconds) => (seconds === null ? NONE : format.clockDuration(Math.round(seconds) * 1000)),
    money: (value) =>
      moneyByCurrencyText(value, (amount, currency) => {
        // Whole amounts without cents ("€25"), others with them ("€20.50").
        const digits = Number.isInteger(amount) ? 0 : 2;
        return format.number(amount, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: 2 });
      }),
    sentiment: (value) => (value === null ? NONE : format.number(value, { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' })),
    day: (key) => {
      const [y = 1970, m = 1, d = 1] = key.split('-').map(Number);
      // The key is already a day on the dashboard's clock: written as that calendar day, whatever this computer's zone.
      return format.date(Date.UTC(y, m - 1, d), 'short', 'UTC');
    },
  };
}

export function useFigureFormat(): FigureFormat {
  const format = useFormat();
  return useMemo(() => figureFormat(format), [format]);
}

export const dateInput = (ms: number, zone: string) => {
  const d = dayOf(ms, zone);
  return `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;
};
const parseDateInput = (value: string) => {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) } : null;
};

/** [from, to) of a preset on the supervisor's clock. */
export function rangeOf(id: RangeId, now: number, zone: string, custom: { from: string; to: string }): [number, number] {
  const today = dayOf(now, zone);
  const tomorrow = startOfZonedDay(addDays(today, 1), zone);
  switch (id) {
    case 'today':
      return [startOfZonedDay(today, zone), tomorrow];
    case '7d':
      return [startOfZonedDay(addDays(today, -6), zone), tomorrow];
    case 'week': {
      const weekday = new Date(Date.UTC(today.y, today.m - 1, today.d)).getUTCDay();
      return [startOfZonedDay(addDays(today, -((weekday + 6) % 7)), zone), tomorrow];
    }
    case '30d':
      return [startOfZonedDay(addDays(today, -29), zone), tomorrow];
    case 'custom': {
      const from = parseDateInput(custom.from) ?? addDays(today, -6);
      const to = parseDateInput(custom.to) ?? today;
      return [startOfZonedDay(from, zone), startOfZonedDay(addDays(to, 1), zone)];
    }
  }
}

export type Verdict = 'met' | 'missed' | null;
export function verdict(value: number | null, target: number | null | undefined, higherIsBetter: boolean): Verdict {
  if (value === null || target === null || target === undefined) return null;
  return (higherIsBetter ? value >= target : value <= target) ? 'met' : 'missed';
}
