#!/usr/bin/env node
/**
 * Draws the web workstation's install icons (renderer/public/icons/*.png) from assets/icon.svg with the
 * Chromium the end-to-end tests use: no native image module. The PNGs are committed; run this again
 * only when the icon changes: node scripts/pwa-icons.mjs
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const svg = readFileSync(path.join(root, 'assets/icon.svg'), 'utf8');
const out = (name) => path.join(root, 'renderer/public/icons', name);
// A maskable icon is cropped to a circle or squircle by the OS: full-bleed background, glyph inside the 80 % safe zone.
const maskable = svg
  .replace('rx="112"', 'rx="0"')
  .replace(/<g /, '<g transform="translate(51.2 51.2) scale(0.8)" ')
  .replace(/<g fill="#ffffff">/, '<g fill="#ffffff" transform="translate(51.2 51.2) scale(0.8)">');

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  for (const [name, source, size] of [
    ['icon-192.png', svg, 192],
    ['icon-512.png', svg, 512],
    ['icon-maskable-512.png', maskable, 512],
  ]) {
    await page.setViewportSize({ width: size, height: size });
    const src = `data:image/svg+xml;base64,${Buffer.from(source).toString('base64')}`;
    await page.setContent(`<style>html,body{margin:0;background:transparent}</style><img src="${src}" width="${size}" height="${size}">`);
    await page.locator('img').evaluate((img) => img.decode());
    await page.screenshot({ path: out(name), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  }
} finally {
  await browser.close();
}
