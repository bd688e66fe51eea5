/**
 * What every benchmark hands to the report: one table of measures per
 * benchmark, saved as JSON under out/bench/results (one file per id, so a
 * later run of a benchmark replaces only its own figures) for the report
 * written when the whole run ends.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dec } from './stats';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
export const BENCH_OUT = path.join(REPO_ROOT, 'out/bench');
export const RESULTS_DIR = path.join(BENCH_OUT, 'results');

/** "miss" is reported, never a failure; "info" has no target; "skipped" could not run here. */
export type Status = 'pass' | 'miss' | 'info' | 'skipped';

export interface Measure {
  name: string;
  figure: string;
  baseline: string;
  /** figure ÷ baseline in the direction stated by the measure's name; null when not meaningful. */
  ratio: number | null;
  target: string;
  status: Status;
}

export interface BenchResult {
  /** File name under results/, and the sort key of the report. */
  id: string;
  title: string;
  measures: Measure[];
  /** Observations from this run (repetitions, sizes, anything surprising). */
  notes: string[];
  /** Raw numbers, for anyone digging into the JSON. */
  raw?: Record<string, unknown>;
  chromium?: string;
  durationMs: number;
  /** When it was saved (set by saveResult); results saved before the current run started are an earlier run's. */
  savedAt?: number;
}

export function judge(ok: boolean): Status {
  return ok ? 'pass' : 'miss';
}

export function ratioText(ratio: number | null): string {
  return ratio === null || !Number.isFinite(ratio) ? '—' : `${dec(ratio, 2)}×`;
}

/** Written by the global setup when a run starts: results saved before it are an earlier run's. */
const RUN_MARK = path.join(RESULTS_DIR, '.run-started');

/** Marks the start of a run (global setup); returns its time. */
export function startRun(): number {
  const startedAt = Date.now();
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(RUN_MARK, String(startedAt));
  return startedAt;
}

/** When the current run started (0 when no run was marked). */
export function runStartedAt(): number {
  try {
    return Number(readFileSync(RUN_MARK, 'utf8')) || 0;
  } catch {
    return 0;
  }
}

export function saveResult(result: BenchResult): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(path.join(RESULTS_DIR, `${result.id}.json`), `${JSON.stringify({ ...result, savedAt: Date.now() }, null, 2)}\n`);
}

/**
 * The latest figures of every benchmark, by id: this run's, and for any
 * benchmark this run did not include (`vitest run … one.bench.ts`) the
 * figures of the last run that did.
 */
export function loadLatestResults(): BenchResult[] {
  let files: string[];
  try {
    files = readdirSync(RESULTS_DIR).filter((file) => file.endsWith('.json'));
  } catch {
    return [];
  }
  return files
    .map((file) => JSON.parse(readFileSync(path.join(RESULTS_DIR, file), 'utf8')) as BenchResult)
    .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
}

/** Whether a result was saved by the current run. */
export function isFromThisRun(result: BenchResult, startedAt = runStartedAt()): boolean {
  return (result.savedAt ?? 0) >= startedAt;
}

/** Only this run's results (what benchmarks may use as same-run baselines from each other). */
export function loadResults(): BenchResult[] {
  const startedAt = runStartedAt();
  return loadLatestResults().filter((result) => isFromThisRun(result, startedAt));
}

/** Forgets every benchmark's figures (the next report shows only what runs next). */
export function clearResults(): void {
  rmSync(RESULTS_DIR, { recursive: true, force: true });
}

const HEADERS = ['measure', 'figure', 'baseline', 'ratio', 'target', 'result'] as const;

function cells(measure: Measure): string[] {
  return [measure.name, measure.figure, measure.baseline, ratioText(measure.ratio), measure.target, measure.status];
}

/** A fixed-width table for the terminal: a title, a header row, a rule, the rows and notes under them. */
export function gridTable(title: string, headers: readonly string[], rows: readonly (readonly string[])[], notes: readonly string[] = []): string {
  const all = [headers, ...rows];
  const widths = headers.map((_, column) => Math.max(...all.map((row) => (row[column] ?? '').length)));
  const line = (row: readonly string[]) => widths.map((width, column) => (row[column] ?? '').padEnd(width)).join(' │ ');
  const rule = widths.map((width) => '─'.repeat(width)).join('─┼─');
  return [title, line(headers), rule, ...rows.map(line), ...notes.map((note) => `  · ${note}`)].join('\n');
}

/** A benchmark's measures as a fixed-width table for the terminal. */
export function textTable(result: BenchResult): string {
  return gridTable(result.title, HEADERS, result.measures.map(cells), result.notes);
}

/** The same table in Markdown. */
export function markdownTable(result: BenchResult): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  const head = `| ${HEADERS.join(' | ')} |`;
  const rule = `|${HEADERS.map(() => '---').join('|')}|`;
  // Markdown drops leading spaces: show a sub-measure as such.
  const body = result.measures.map((measure) => `| ${cells({ ...measure, name: measure.name.replace(/^ +/, '↳ ') }).map(escape).join(' | ')} |`);
  return [head, rule, ...body].join('\n');
}

/** Each measure's full name: a sub-measure (indented) is named after the measure above it. */
export function fullNames(result: BenchResult): string[] {
  let parent = '';
  return result.measures.map((measure) => {
    if (!measure.name.startsWith(' ')) return (parent = measure.name);
    return `${parent} — ${measure.name.trim()}`;
  });
}
