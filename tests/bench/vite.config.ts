import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vite';

const root = path.resolve(import.meta.dirname, '../..');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };

/**
 * The browser half of the apply benchmark (tests/bench/apply): a page and a
 * module worker, bundled like the workstation (minified, @core → src), into
 * out/bench/apply. `npm run bench` builds it before running the benchmarks.
 */
export default defineConfig({
  root: path.join(root, 'tests/bench/apply'),
  base: './',
  resolve: { alias: { '@core': path.join(root, 'src') } },
  define: { __APP_VERSION__: JSON.stringify(version) },
  logLevel: 'warn',
  build: {
    outDir: path.join(root, 'out/bench/apply'),
    emptyOutDir: true,
    minify: true,
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
    rollupOptions: { input: { index: path.join(root, 'tests/bench/apply/index.html') } },
  },
});
