import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { cataloguesPlugin } from './scripts/vite-catalogues';
import { NO_PARSER_ALIAS, precompileMessagesPlugin } from './scripts/vite-precompile-messages';
import { VitePWA } from 'vite-plugin-pwa';
import { webWorkstationPwa } from './renderer/pwa.config';

const root = import.meta.dirname;
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
const alias = { '@core': path.join(root, 'src') };
const HOLIDAY_PACKAGES = /node_modules[\\/](date-holidays|date-holidays-parser|astronomia|moment|moment-timezone|date-chinese|date-easter|date-bengali-revised|jalaali-js|caldate)[\\/]/;

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: 'out/main',
      sourcemap: true,
      // hub-child: the embedded hub's own process (utilityProcess), so it never blocks the window.
      rollupOptions: { input: { index: path.join(root, 'main/index.ts'), 'hub-child': path.join(root, 'main/hub-child.ts') } },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      // Sandboxed preloads cannot require node_modules: bundle everything into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: path.join(root, 'main/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: path.join(root, 'renderer'),
    resolve: { alias: [...Object.entries(alias).map(([find, replacement]) => ({ find, replacement })), NO_PARSER_ALIAS] },
    // Workers (sync, dashboard) format English for diagnostics with the same parser-less runtime.
    worker: { plugins: () => [precompileMessagesPlugin()] },
    plugins: [precompileMessagesPlugin(), react(), cataloguesPlugin(path.join(root, 'src/i18n/catalogues')), VitePWA(webWorkstationPwa)],
    define: { __APP_VERSION__: JSON.stringify(version) },
    build: {
      outDir: path.join(root, 'out/renderer'),
      emptyOutDir: true,
      sourcemap: true,
      minify: true,
      // The holidays chunk (date-holidays with moment-timezone's zone data, 1.4 MB) is the one above Vite's 500 kB:
      // lazy, fetched by the contact and follow-up screens only. Every other chunk stays under 500 kB.
      chunkSizeWarningLimit: 1_500,
      rollupOptions: {
        input: { index: path.join(root, 'renderer/index.html') },
        // date-holidays and the calendars it computes with (≈1.4 MB): one lazy chunk of their own that only the screens
        // planning promises and follow-ups load, and whose hash does not change with the app's code.
        output: { codeSplitting: { groups: [{ name: 'holidays', test: HOLIDAY_PACKAGES }] } },
      },
    },
  },
});
