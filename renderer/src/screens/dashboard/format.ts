/** What both dashboards (a supervisor's and an agent's own) read figures with: date ranges and number formats. */
import { moneyText } from '@core/gestures';
import { moneyByCurrencyText, type MoneyByCurrency } from '@core/metrics';
import { addDays, startOfZonedDay } from '@core/promise';
import { dayOf } from '../follow-ups/time';

export type RangeId = 'today' | '7d' | 'week' | '30d' | 'custom';
export const RANGES: Record<Exclude<RangeId, 'custom'>, string> = { today: 'Today', '7d': 'Last 7 days', week: 'This week', '30d': 'Last 30 days' };
export const ALL = 'all';

export const pct = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);
export const dec = (value: number | null, digits = 1) => (value === null ? '—' : value.toFixed(digits));
export function duration(seconds: number | null): string {
  if (seconds === null) return '—';
  const s = Math.round(seconds);
  return s >= 3600 ? `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}` : `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
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

/** Money given, per currency ("€25 · £40"), never added across currencies. */
export const money = (value: MoneyByCurrency) => moneyByCurrencyText(value, moneyText);

export type Verdict = 'met' | 'missed' | null;
export function verdict(value: number | null, target: number | null | undefined, higherIsBetter: boolean): Verdict {
  if (value === null || target === null || target === undefined) return null;
  return (higherIsBetter ? value >= target : value <= target) ? 'met' : 'missed';
}
