/**
 * An administrator runs a real hub's people: adds a team, a queue and an
 * agent, gives the agent a one-time password (shown once); the agent signs in
 * on their own desktop, is made to choose a new password first, then works;
 * the administrator disables them and their session ends at once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, newDesktop, test } from './fixtures';
import { seriousViolations, settled } from './helpers';
import { TEST_CLOCK_OFFSET_MS } from '../helpers/test-clock';

const PORT = Number(process.env.E2E_ADMIN_PORT ?? 4894);
const hubUrl = `http://127.0.0.1:${PORT}`;
const ADMIN_PASSWORD = 'a long walk to the sea';
let hub: ChildProcess | null = null;
let dataDir = '';

test.beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'agentdesk-admin-e2e-'));
  hub = spawn(process.execPath, ['out/hub/cli.js'], {
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', AGENTDESK_DATA_DIR: dataDir, DATABASE_URL: '', AGENTDESK_DEMO: 'none', AGENTDESK_CLOCK_OFFSET_MS: String(TEST_CLOCK_OFFSET_MS) },
    stdio: 'ignore',
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    const up = await fetch(`${hubUrl}/health`).then((r) => r.ok, () => false);
    if (up) break;
    if (Date.now() > deadline) throw new Error('The hub for the admin test did not start.');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  // The first administrator, as the set-up form would make them (tests/e2e/hub-setup.spec.ts goes through the form).
  const setup = await fetch(`${hubUrl}/api/v1/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'jordan', name: 'Jordan Ellis', password: ADMIN_PASSWORD, timeZone: 'Europe/London' }),
  });
  expect(setup.status).toBe(200);
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

async function signIn(page: Page, username: string, password: string) {
  await page.goto(`${hubUrl}/queue`);
  await expect(page.getByLabel('User name')).toBeFocused();
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.keyboard.press('Enter');
}

test('an administrator adds a team, a queue and an agent, gives a one-time password, and disables them', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signIn(page, 'jordan', ADMIN_PASSWORD);
  // The hub's first key is shown once after set-up only; a sign-in goes straight in.
  await expect(page.getByRole('button', { name: /Account menu/ })).toBeVisible();
  await page.keyboard.press('Alt+7');
  await expect(page.getByRole('heading', { level: 1, name: 'Admin' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'People', selected: true })).toBeVisible();

  // Teams & queues: a team, then a queue for it (SLA in minutes).
  await page.getByRole('tab', { name: 'Teams & queues' }).click();
  await page.getByRole('button', { name: 'Add a team' }).click();
  const teamDialog = page.getByRole('dialog', { name: 'Add a team' });
  await expect(teamDialog.getByLabel('Team name')).toBeFocused();
  await page.keyboard.type('Billing');
  await page.keyboard.press('Enter');
  await expect(teamDialog).toBeHidden();
  await expect(page.getByTestId('team-row')).toHaveCount(1);

  await page.getByRole('button', { name: 'Add a queue' }).click();
  const queueDialog = page.getByRole('dialog', { name: 'Add a queue' });
  await queueDialog.getByLabel('Queue name').fill('Billing questions');
  await queueDialog.getByRole('checkbox', { name: 'Chat' }).check();
  await queueDialog.getByLabel('Topics').fill('billing, refunds');
  await queueDialog.getByLabel('SLA (minutes)').fill('');
  await queueDialog.getByRole('button', { name: 'Save' }).click();
  await expect(queueDialog.getByText('Enter the minutes a contact may wait, e.g. 5.')).toBeVisible();
  await queueDialog.getByLabel('SLA (minutes)').fill('10');
  await expect(queueDialog.getByText('Enter the minutes a contact may wait, e.g. 5.')).toHaveCount(0);
  await shoot(page, 'admin-queue-dialog');
  await queueDialog.getByRole('button', { name: 'Save' }).click();
  await expect(queueDialog).toBeHidden();
  const queueRow = page.getByTestId('queue-row');
  await expect(queueRow).toHaveCount(1);
  await expect(queueRow).toContainText('Billing questions');
  await expect(queueRow).toContainText('10 min');
  await shoot(page, 'admin-teams-queues');

  // People: add an agent in the Billing team; a taken user name is refused in the field.
  await page.getByRole('tab', { name: 'People' }).click();
  await page.getByRole('button', { name: 'Add a person' }).click();
  const personDialog = page.getByRole('dialog', { name: 'Add a person' });
  await expect(personDialog.getByRole('textbox', { name: 'Name', exact: true })).toBeFocused();
  await page.keyboard.type('Riley Chen');
  await personDialog.getByLabel('User name').fill('jordan');
  await personDialog.getByRole('checkbox', { name: 'Billing' }).check();
  await personDialog.getByLabel('Skills').fill('billing, french');
  await personDialog.getByRole('button', { name: 'Add' }).click();
  await expect(personDialog.getByText('The user name “jordan” is taken: choose another.')).toBeVisible();
  await personDialog.getByLabel('User name').fill('riley');
  await expect(personDialog.getByText('The user name “jordan” is taken: choose another.')).toHaveCount(0);
  await shoot(page, 'admin-person-dialog');
  await personDialog.getByRole('button', { name: 'Add' }).click();
  await expect(personDialog).toBeHidden();
  const riley = page.getByTestId('person-row').filter({ hasText: 'Riley Chen' });
  await expect(riley).toContainText('Billing');
  await expect(riley).toContainText('Active');

  // A one-time password, at once (the new person may not have reached the hub yet: it waits for the sync).
  await page.getByRole('button', { name: 'Set a one-time password for Riley Chen' }).click();
  const revealed = page.getByRole('dialog', { name: 'One-time password for Riley Chen' });
  await expect(revealed).toBeVisible({ timeout: 20_000 });
  const oneTime = await revealed.getByRole('textbox').inputValue();
  expect(oneTime).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
  await shoot(page, 'admin-one-time-password');
  await revealed.getByRole('button', { name: 'Done' }).click();
  await expect(revealed).toBeHidden();
  await shoot(page, 'admin-people');

  // Riley signs in on their own desktop and must choose a new password first.
  const rileyContext = await newDesktop(browser, { viewport: { width: 1360, height: 860 } });
  const rileyPage = await rileyContext.newPage();
  await signIn(rileyPage, 'riley', oneTime);
  await expect(rileyPage.getByRole('heading', { level: 1, name: 'Choose a new password' })).toBeVisible();
  await expect(rileyPage.getByRole('button', { name: /Account menu/ })).toHaveCount(0);
  await rileyPage.getByLabel('One-time password').fill(oneTime);
  await rileyPage.getByLabel('New password', { exact: true }).fill('sunny days at sea');
  await rileyPage.getByLabel('New password again').fill('sunny days at sea!');
  await rileyPage.getByRole('button', { name: 'Set my password and continue' }).click();
  await expect(rileyPage.getByText('The two new passwords differ.')).toBeVisible();
  await shoot(rileyPage, 'choose-password');
  await rileyPage.getByLabel('New password again').fill('sunny days at sea');
  await rileyPage.keyboard.press('Enter');
  // Then works: the workstation opens and syncs.
  await expect(rileyPage.getByRole('button', { name: /Account menu/ })).toBeVisible();
  await expect(rileyPage.getByTestId('connection-indicator')).toHaveText('Online', { timeout: 30_000 });
  await rileyPage.getByRole('button', { name: /^Presence:/ }).click();
  await rileyPage.getByRole('menuitem', { name: /Available/ }).click();
  await expect(rileyPage.getByRole('button', { name: /^Presence: Available/ })).toBeVisible();
  // The one-time password is spent.
  const again = await fetch(`${hubUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'riley', password: oneTime }) });
  expect(again.status).toBe(401);

  // The administrator disables Riley: their session ends at once.
  await expect(riley).toContainText('Active');
  await page.getByRole('button', { name: 'Disable Riley Chen' }).click();
  await expect(riley).toContainText('Disabled');
  await expect(rileyPage.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible({ timeout: 30_000 });
  await expect(rileyPage.getByRole('alert').filter({ hasText: 'This account is disabled: ask an administrator.' })).toBeVisible();
  await shoot(rileyPage, 'signed-out-disabled');
  await rileyPage.getByLabel('User name').fill('riley');
  await rileyPage.getByLabel('Password').fill('sunny days at sea');
  await rileyPage.keyboard.press('Enter');
  await expect(rileyPage.getByRole('alert').filter({ hasText: 'This account is disabled' })).toHaveCount(2);
  await rileyContext.close();
});
