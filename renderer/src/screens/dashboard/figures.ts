/** A dashboard's figures written for people, in the agent's locale (pure: the screens get it from useFigureFormat). */
import type { Formatter } from '@core/i18n/format';
import { moneyByCurrencyText, type MoneyByCurrency } from '@core/metrics';

/** Shown for a figure with nothing to count: a dash reads the same in every language. */
const NONE = '—';

/** Each figure as people read it; null (nothing counted) is a dash. */
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

