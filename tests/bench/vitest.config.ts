import path from 'node:path';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const root = path.resolve(import.meta.dirname, '../..');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };

/** Benchmarks run in file-name order, so every run's log reads the same way. */
class ByName extends BaseSequencer {
  override sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return Promise.resolve([...files].sort((a, b) => a.moduleId.localeCompare(b.moduleId)));
  }
}

/**
 * Benchmarks (`npm run bench`): tests/bench/**\/*.bench.ts, one file after
 * another in a single process so no two benchmarks share the machine's cores.
 * The global setup gathers every file's figures into docs/benchmarks.md.
 */
export default defineConfig({
  root,
  resolve: { alias: { '@core': path.join(root, 'src') } },
  define: { __APP_VERSION__: JSON.stringify(version) },
  test: {
    include: ['tests/bench/**/*.bench.ts'],
    globalSetup: ['tests/bench/global-setup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    pool: 'forks',
    // History search holds two full-text indexes over 500,000 contacts at once (benchmark 11).
    execArgv: ['--max-old-space-size=8192'],
    testTimeout: 15 * 60_000,
    hookTimeout: 10 * 60_000,
    teardownTimeout: 60_000,
    sequence: { sequencer: ByName },
  },
});
