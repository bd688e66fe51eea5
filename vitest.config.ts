import path from 'node:path';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };

export default defineConfig({
  resolve: { alias: { '@core': path.join(root, 'src') } },
  define: { __APP_VERSION__: JSON.stringify(version) },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'tests/electron/**', 'node_modules/**'],
    setupFiles: ['tests/helpers/vitest-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
