/**
 * Runs around the whole benchmark run: marks its start, and at the end prints
 * this run's tables and rewrites docs/benchmarks.md. Figures are kept per
 * benchmark (by id): a run of some of the benchmarks replaces their figures
 * and keeps the others' from the last run that had them, marked as such.
 */
import { isFromThisRun, loadLatestResults, startRun, textTable } from './lib/results';
import { writeReport } from './lib/report';

let startedAt = 0;

export function setup(): void {
  startedAt = startRun();
}

export function teardown(): void {
  const results = loadLatestResults();
  const fresh = results.filter((result) => isFromThisRun(result, startedAt));
  if (fresh.length === 0) {
    console.log('\nNo benchmark produced figures; docs/benchmarks.md left as it was.');
    return;
  }
  console.log(`\n${'═'.repeat(100)}\nAgentDesk benchmarks\n${'═'.repeat(100)}`);
  for (const result of fresh) console.log(`\n${textTable(result)}`);
  const kept = results.filter((result) => !isFromThisRun(result, startedAt));
  if (kept.length) console.log(`\nKept from earlier runs (not run this time): ${kept.map((result) => result.id).join(', ')}`);
  const file = writeReport(results, Date.now() - startedAt, startedAt);
  console.log(`\nWrote ${file}`);
}
