/**
 * The web workstation as an installable, offline-capable app (serve mode): a Workbox service worker
 * that precaches the whole built renderer and answers the workstation's own navigations with
 * index.html, and the web app manifest. The hub's own paths (API, sync, event stream, health,
 * metrics, update feed) are never cached nor answered by the worker: the data lives in IndexedDB.
 * Registered by the renderer itself, in a browser only (renderer/src/state/appUpdate.ts).
 */
import type { VitePWAOptions } from 'vite-plugin-pwa';
import { FILE_PATH_PATTERN, HUB_PATH_PATTERNS } from '../src/hub-paths';

export const webWorkstationPwa: Partial<VitePWAOptions> = {
  strategies: 'generateSW',
  // A new build waits until the agent chooses to reload (never mid-contact), then takes over.
  registerType: 'prompt',
  // Not in index.html: the renderer registers it in a browser only, off the sign-in screen's way (renderer/src/state/appUpdate.ts).
  injectRegister: false,
  filename: 'sw.js',
  manifestFilename: 'manifest.webmanifest',
  manifest: {
    id: './',
    name: 'AgentDesk',
    short_name: 'AgentDesk',
    description: 'Offline-first workstation for customer-service agents and their supervisors',
    start_url: './',
    scope: './',
    display: 'standalone',
    // renderer/src/theme.ts: the light scheme's primary and page background.
    theme_color: '#1f56d6',
    background_color: '#f4f6f9',
    icons: [
      { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  // The icons are in the precache already (globPatterns); listing them again would precache them twice.
  includeManifestIcons: false,
  workbox: {
    // Whatever the build produced, lazily loaded chunks and workers included: no list of chunk names to keep up.
    globPatterns: ['**/*.{js,css,html,svg,png,ico,woff,woff2,ttf,wasm}'],
    globIgnores: ['**/*.map'],
    // The first screen's chunk was 1.6 MB before it was split; Workbox would skip anything above 2 MiB silently.
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    navigateFallback: 'index.html',
    navigateFallbackDenylist: [...HUB_PATH_PATTERNS, FILE_PATH_PATTERN],
    // No runtime caching: anything not precached (every hub request) goes to the network untouched.
    runtimeCaching: [],
    cleanupOutdatedCaches: true,
    clientsClaim: false,
    skipWaiting: false,
    sourcemap: false,
  },
};
