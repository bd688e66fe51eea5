import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HUB_PATH_PATTERNS } from '@core/hub-paths';
import { webWorkstationPwa } from '../../renderer/pwa.config';

const root = path.resolve(import.meta.dirname, '../..');
const manifest = webWorkstationPwa.manifest || {};
const workbox = webWorkstationPwa.workbox!;

/** The PNG's width and height, read from its header. */
function pngSize(file: string): string {
  const bytes = readFileSync(file);
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

describe('the web workstation’s service worker and manifest', () => {
  it('waits for the agent before a new build takes over', () => {
    expect(webWorkstationPwa.registerType).toBe('prompt');
    expect(workbox.skipWaiting).toBe(false);
    expect(workbox.clientsClaim).toBe(false);
    // Registered by the renderer in a browser only, never by a script in index.html (Electron loads the same page).
    expect(webWorkstationPwa.injectRegister).toBe(false);
  });

  it('precaches every kind of file the build makes, source maps aside, and caches nothing at run time', () => {
    const kinds = /\{([^}]+)\}/.exec(workbox.globPatterns![0]!)![1]!.split(',');
    expect(kinds).toEqual(expect.arrayContaining(['js', 'css', 'html', 'svg', 'png', 'woff2', 'wasm']));
    expect(workbox.globIgnores).toContain('**/*.map');
    expect(workbox.runtimeCaching).toEqual([]);
  });

  it('answers navigations with the app except on the hub’s own paths', () => {
    expect(workbox.navigateFallback).toBe('index.html');
    expect(workbox.navigateFallbackDenylist).toEqual(expect.arrayContaining([...HUB_PATH_PATTERNS]));
  });

  it('installs standalone with the theme’s colours and icons browsers ask for, all on disk at their size', () => {
    expect(manifest).toMatchObject({ name: 'AgentDesk', short_name: 'AgentDesk', display: 'standalone', theme_color: '#1f56d6', background_color: '#f4f6f9' });
    const theme = readFileSync(path.join(root, 'renderer/src/theme.ts'), 'utf8');
    expect(theme).toContain(`primary: { main: '${manifest.theme_color}' }`);
    expect(theme).toContain(`default: '${manifest.background_color}'`);
    const icons = manifest.icons ?? [];
    expect(icons.map((icon) => `${icon.sizes} ${String(icon.purpose)}`)).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
    for (const icon of icons) {
      const file = path.join(root, 'renderer/public', icon.src);
      expect(existsSync(file), icon.src).toBe(true);
      expect(pngSize(file)).toBe(icon.sizes);
    }
  });
});
