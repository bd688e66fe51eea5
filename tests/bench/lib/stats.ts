/** Small statistics and formatting helpers for the benchmarks. */

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile (p in 0–100) of a non-empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function max(values: readonly number[]): number {
  return values.length ? Math.max(...values) : Number.NaN;
}

/** 12,345 */
export function int(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-GB') : '—';
}

/** 1.23 */
export function dec(value: number, digits = 2): string {
  return Number.isFinite(value) ? value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '—';
}

export function ms(value: number, digits = 1): string {
  return Number.isFinite(value) ? `${dec(value, digits)} ms` : '—';
}

export function seconds(valueMs: number): string {
  return Number.isFinite(valueMs) ? `${dec(valueMs / 1000, 1)} s` : '—';
}

export function perSecond(count: number, elapsedMs: number): number {
  return elapsedMs > 0 ? (count * 1000) / elapsedMs : Number.NaN;
}

export function sleep(delayMs: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, delayMs));
}
