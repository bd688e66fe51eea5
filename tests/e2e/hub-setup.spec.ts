/**
 * A hub started for real, as its administrator meets it: no demo accounts,
 * the first administrator created from the hub's own machine, the hub's own
 * integration key shown once, keys made, rotated and revoked in Admin, and the
 * administrator's password changed and devices signed out in Settings.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { seriousViolations, settled } from './helpers';
import { TEST_CLOCK_OFFSET_MS } from '../helpers/test-clock';

const PORT = Number(process.env.E2E_SETUP_PORT ?? 4893);
const hubUrl = `http://127.0.0.1:${PORT}`;
let hub: ChildProcess | null = null;
let dataDir = '';

test.beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'agentdesk-setup-e2e-'));
  hub = spawn(process.execPath, ['out/hub/cli.js'], {
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', AGENTDESK_DATA_DIR: dataDir, DATABASE_URL: '', AGENTDESK_DEMO: 'none', AGENTDESK_CLOCK_OFFSET_MS: String(TEST_CLOCK_OFFSET_MS) },
    stdio: 'ignore',
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    const up = await fetch(`${hubUrl}/health`).then((r) => r.ok, () => false);
    if (up) break;
    if (Date.now() > deadline) throw new Error('The hub for the set-up test did not start.');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
});

test.afterAll(async () => {
  hub?.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 500));
  rmSync(dataDir, { recursive: true, force: true });
});

/** Light and dark: a screenshot of the settled screen, and axe finds nothing serious. */
async function shoot(page: Page, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await settled(page);
    await page.screenshot({ path: `test-results/screenshots/${name}-${scheme}.png`, fullPage: true });
    expect(await seriousViolations(page), `${name}, ${scheme}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('a new hub: the first administrator sets it up, keeps its key, manages keys, changes their password', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`${hubUrl}/queue`);
  await expect(page.getByRole('heading', { level: 1, name: 'Set up this hub' })).toBeVisible();
  await expect(page.getByTestId('demo-warning')).toHaveCount(0);
  await shoot(page, 'setup-form');

  // From the keyboard: name, user name, password twice.
  await expect(page.getByLabel('Your name')).toBeFocused();
  await page.keyboard.type('Jordan Ellis');
  await page.keyboard.press('Tab');
  await page.keyboard.type('jordan');
  await page.keyboard.press('Tab');
  await page.keyboard.type('short');
  await page.keyboard.press('Tab');
  await page.keyboard.type('short');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toContainText('Use at least 10 characters.');
  await page.getByLabel('Password', { exact: true }).fill('a long walk to the sea');
  await page.getByLabel('Password again').fill('a long walk to the sea');
  await page.keyboard.press('Enter');

  // Signed in, and the hub's integration key is shown once.
  const keyDialog = page.getByRole('dialog', { name: 'Your hub’s integration key' });
  await expect(keyDialog).toBeVisible();
  const key = await keyDialog.getByRole('textbox').inputValue();
  expect(key).toMatch(/^adk_/);
  await shoot(page, 'setup-key');
  await keyDialog.getByRole('button', { name: 'I have kept it' }).click();
  await expect(keyDialog).toBeHidden();
  // The key works for a gateway (no queue yet: 422, not 401).
  const posted = await fetch(`${hubUrl}/api/v1/contacts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ channel: 'chat', from: { email: 'jane@example.com' }, body: 'Hi' }),
  });
  expect(posted.status).toBe(422);

  // Admin: the key is listed; a key for telephony is made, rotated and revoked.
  await page.keyboard.press('Alt+7');
  await expect(page.getByRole('heading', { level: 1, name: 'Admin' })).toBeVisible();
  await page.getByRole('tab', { name: 'Integration keys' }).click();
  await expect(page.getByTestId('integration-key')).toHaveCount(1);
  await page.getByLabel('New key’s name').fill('Telephony');
  await page.keyboard.press('Enter');
  const made = page.getByRole('dialog', { name: 'New key: Telephony' });
  await expect(made).toBeVisible();
  const telephony = await made.getByRole('textbox').inputValue();
  await shoot(page, 'admin-new-key');
  await made.getByRole('button', { name: 'I have kept it' }).click();
  await expect(made).toBeHidden();
  await expect(page.getByTestId('integration-key')).toHaveCount(2);
  await shoot(page, 'admin-keys');
  await page.getByRole('button', { name: 'Revoke the key Telephony' }).click();
  await page.getByRole('dialog', { name: 'Revoke “Telephony”?' }).getByRole('button', { name: 'Revoke' }).click();
  await expect(page.getByTestId('integration-key')).toHaveCount(1);
  const refused = await fetch(`${hubUrl}/api/v1/contacts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${telephony}`, 'content-type': 'application/json' },
    body: JSON.stringify({ channel: 'chat', from: { email: 'jane@example.com' }, body: 'Hi' }),
  });
  expect(refused.status).toBe(401);

  // Settings: this device is listed; the password is changed.
  await page.keyboard.press('Alt+6');
  const devices = page.getByRole('list', { name: 'Devices signed in as you' });
  await expect(devices.getByText('This device')).toBeVisible();
  await page.getByLabel('Current password').fill('a long walk to the sea');
  await page.getByLabel(/^New password\s*\*?$/).fill('tulips in the rain 42');
  await page.getByLabel('New password again').fill('tulips in the rain 42');
  await expect(page.getByRole('button', { name: 'Change password' })).toBeEnabled();
  await shoot(page, 'settings-account');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText(/Password changed/)).toBeVisible();
  const login = await fetch(`${hubUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'jordan', password: 'tulips in the rain 42' }),
  });
  expect(login.status).toBe(200);

  // Sign out everywhere ends this device's session too.
  await page.getByRole('button', { name: 'Sign out everywhere' }).click();
  await page.getByRole('dialog', { name: 'Sign out everywhere?' }).getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
});
