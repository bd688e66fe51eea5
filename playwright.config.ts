import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { installTestClock, TEST_CLOCK_OFFSET_MS } from './tests/helpers/test-clock';

// The runner and its workers run on the test run's clock (scripts/test-at.sh), as the hub and the pages do.
installTestClock();

/**
 * End-to-end tests drive the real workstation in Debian's Chromium against
 * serve mode (a fresh hub on PGlite per run). Playwright never downloads a
 * browser here: CHROMIUM_PATH or /usr/bin/chromium is used.
 */
const port = Number(process.env.E2E_PORT ?? 4890);
const baseURL = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'agentdesk-e2e-'));

export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

export default defineConfig({
  testDir: 'tests',
  outputDir: 'test-results/playwright',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  projects: [
    {
      name: 'chromium',
      testDir: 'tests/e2e',
      use: { browserName: 'chromium', baseURL, launchOptions: chromiumLaunchOptions, viewport: { width: 1360, height: 860 } },
    },
    { name: 'electron', testDir: 'tests/electron' },
  ],
  webServer: {
    command: 'node out/hub/cli.js',
    url: `${baseURL}/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    env: { PORT: String(port), HOST: '127.0.0.1', AGENTDESK_DATA_DIR: dataDir, DATABASE_URL: '', AGENTDESK_DEMO: 'small', AGENTDESK_CLOCK_OFFSET_MS: String(TEST_CLOCK_OFFSET_MS) },
  },
});
