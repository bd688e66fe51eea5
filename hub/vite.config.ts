import path from 'node:path';
import { defineConfig } from 'vite';

const root = path.resolve(import.meta.dirname, '..');

/** Builds the hub for serve mode: out/hub/cli.js, with node_modules left external. */
export default defineConfig({
  root,
  resolve: { alias: { '@core': path.join(root, 'src') } },
  logLevel: 'warn',
  build: {
    ssr: path.join(root, 'hub/cli.ts'),
    outDir: path.join(root, 'out/hub'),
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    rollupOptions: { output: { entryFileNames: 'cli.js', format: 'es' } },
  },
});
