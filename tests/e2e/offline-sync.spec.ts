import type { Page } from '@playwright/test';
import { expect, test, newDesktop } from './fixtures';
import { signIn, waitForSync } from './helpers';

const indicator = (page: Page) => page.getByTestId('connection-indicator');

test('two agents: Ava works offline, comes back, and Ben sees her changes without reloading', async ({ browser }, testInfo) => {
  const avaContext = await newDesktop(browser);
  const benContext = await newDesktop(browser);
  const ava = await avaContext.newPage();
  const ben = await benContext.newPage();
  await signIn(ava, 'ava');
  await signIn(ben, 'ben');
  await waitForSync(ava);
  await waitForSync(ben);

  // Ava opens the first customer in her list, with the keyboard.
  await ava.keyboard.press('Alt+2');
  await expect(ava.getByRole('heading', { level: 1, name: 'Customers' })).toBeFocused();
  const list = ava.getByRole('listbox', { name: 'Customers' });
  await list.focus();
  await ava.keyboard.press('Enter');
  await expect(ava).toHaveURL(/\/customer\?id=/);
  const customerId = new URL(ava.url()).searchParams.get('id')!;
  const name = await ava.getByRole('heading', { level: 1 }).textContent();

  // Ben has the same customer open.
  await ben.goto(`/customer?id=${encodeURIComponent(customerId)}`);
  await expect(ben.getByRole('heading', { level: 1, name: name! })).toBeVisible();

  // Ava loses the network.
  await avaContext.setOffline(true);
  await expect(indicator(ava)).toHaveText(/^Offline/);

  // She adds a note…
  const note = `Customer asked for paper bills from now on (${Date.now()}).`;
  await ava.getByLabel('Add a note').focus();
  await ava.keyboard.type(note);
  await ava.keyboard.press('Control+Enter');
  await expect(ava.getByTestId('timeline-entry').filter({ hasText: note })).toContainText('Waiting to sync');

  // …and changes the phone number.
  await ava.getByRole('button', { name: 'Edit phone numbers' }).focus();
  await ava.keyboard.press('Enter');
  const phone = ava.getByRole('textbox', { name: 'Phone 1' });
  await expect(phone).toBeFocused();
  await phone.fill('+44 7700 900123');
  await ava.keyboard.press('Enter');
  await expect(ava.getByTestId('customer-phones')).toHaveText(/^\+447700900123/);

  await expect(indicator(ava)).toHaveText('Offline · 2 changes waiting');
  await ava.screenshot({ path: testInfo.outputPath('ava-offline.png') });
  await ava.screenshot({ path: 'test-results/screenshots/ava-offline.png' });

  // Ben sees neither yet.
  await expect(ben.getByText(note)).toHaveCount(0);

  // Ava is back.
  await avaContext.setOffline(false);
  await expect(indicator(ava)).toHaveText('Online', { timeout: 20_000 });
  await expect(ava.getByTestId('timeline-entry').filter({ hasText: note })).not.toContainText('Waiting to sync');

  // Ben sees both changes on the screen he has open.
  await expect(ben.getByTestId('timeline-entry').filter({ hasText: note })).toContainText('Ava Thompson', { timeout: 20_000 });
  await expect(ben.getByTestId('customer-phones')).toHaveText(/^\+447700900123/);
  await ben.screenshot({ path: 'test-results/screenshots/ben-sees-changes.png' });

  // Settings say where Ava's sync stands.
  await ava.keyboard.press('Alt+6');
  const sync = ava.getByRole('region', { name: 'Sync' });
  await expect(sync.getByText('In step with the hub')).toBeVisible();
  await expect(sync.getByText('Changes waiting')).toBeVisible();
  await expect(sync.getByText('None', { exact: true })).toBeVisible();
  await expect(sync.getByText(/Last synced/)).toBeVisible();
  await ava.screenshot({ path: 'test-results/screenshots/settings-sync.png', fullPage: true });

  await avaContext.close();
  await benContext.close();
});
