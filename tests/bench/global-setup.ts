/**
 * Runs around the whole benchmark run: clears the previous figures first,
 * and at the end prints every table and rewrites docs/benchmarks.md.
 */
import { clearResults, loadResults, textTable } from './lib/results';
import { writeReport } from './lib/report';

let startedAt = 0;

export function setup(): void {
  startedAt = Date.now();
  clearResults();
}

export function teardown(): void {
  const results = loadResults();
  if (results.length === 0) {
    console.log('\nNo benchmark produced figures; docs/benchmarks.md left as it was.');
    return;
  }
  console.log(`\n${'═'.repeat(100)}\nAgentDesk benchmarks\n${'═'.repeat(100)}`);
  for (const result of results) console.log(`\n${textTable(result)}`);
  const file = writeReport(results, Date.now() - startedAt);
  console.log(`\nWrote ${file}`);
}
