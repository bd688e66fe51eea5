import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { cataloguesPlugin } from '../../scripts/vite-catalogues';
import { NO_PARSER_ALIAS, precompileMessagesPlugin } from '../../scripts/vite-precompile-messages';

const root = path.resolve(import.meta.dirname, '../..');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };

/**
 * The workstation renderer exactly as `npm run build` makes it (same root,
 * plugins, define and minification as electron.vite.config.ts), built into
 * out/bench/workstation so a benchmark always measures the current code and
 * never touches out/renderer.
 */
export default defineConfig({
  root: path.join(root, 'renderer'),
  resolve: { alias: [{ find: '@core', replacement: path.join(root, 'src') }, NO_PARSER_ALIAS] },
  // Workers (sync, dashboard) format English for diagnostics with the same parser-less runtime.
  worker: { plugins: () => [precompileMessagesPlugin()] },
  plugins: [precompileMessagesPlugin(), react(), cataloguesPlugin(path.join(root, 'src/i18n/catalogues'))],
  define: { __APP_VERSION__: JSON.stringify(version) },
  logLevel: 'warn',
  build: {
    outDir: path.join(root, 'out/bench/workstation'),
    emptyOutDir: true,
    sourcemap: false,
    minify: true,
    rollupOptions: { input: { index: path.join(root, 'renderer/index.html') } },
  },
});
