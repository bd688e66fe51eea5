import path from 'node:path';
import { defineConfig } from 'vite';

const root = path.resolve(import.meta.dirname, '../..');

/** Builds the load generator (tests/load/cli.ts) for Node like the hub: out/load/cli.js, with node_modules left external. */
export default defineConfig({
  root,
  resolve: { alias: { '@core': path.join(root, 'src') } },
  logLevel: 'warn',
  build: {
    ssr: path.join(root, 'tests/load/cli.ts'),
    outDir: path.join(root, 'out/load'),
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rollupOptions: { output: { entryFileNames: 'cli.js', format: 'es' } },
  },
});
