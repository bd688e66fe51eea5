/** What both dashboards (a supervisor's and an agent's own) read figures with: date ranges and figures written in the agent's language. */
import { useMemo } from 'react';
import { defineMessages } from 'react-intl';
import { addDays, startOfZonedDay } from '@core/promise';
import { useFormat } from '../../lib/i18n';
import { figureFormat, type FigureFormat } from './figures';
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

export type { FigureFormat };

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
