import type { Page } from '@playwright/test';
import { expect, newDesktop, test } from './fixtures';
import { signIn, waitForSync } from './helpers';
import { createFormatter } from '@core/i18n/format';

const HOUR = 3_600_000;

/** The time of day as the workstation shows it on this page (British English in an English browser, the page's zone), for an instant. */
const timeOnPage = async (page: Page, at: number) => createFormatter('en-GB', { timeZone: await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone) }).time(at);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('a note written offline at ten and synced at twelve reads ten on the other desktop', async ({ browser }) => {
  test.setTimeout(150_000);
  // Ava's desktop: its clock reads the top of the hour two hours back ("10:00" when the hub's is about 12:00).
  const avaContext = await browser.newContext();
  const ten = Math.floor((Date.now() - 2 * HOUR) / HOUR) * HOUR + 2_000;
  await avaContext.clock.install({ time: ten });
  const ava = await avaContext.newPage();
  await signIn(ava, 'ava');
  await waitForSync(ava);
  expect(Math.abs((await ava.evaluate(() => Date.now())) - ten)).toBeLessThan(10 * 60_000);

  await ava.keyboard.press('Alt+2');
  await ava.getByRole('listbox', { name: 'Customers' }).focus();
  await ava.keyboard.press('Enter');
  await expect(ava).toHaveURL(/\/customer\?id=/);
  const customerId = new URL(ava.url()).searchParams.get('id')!;

  // Offline, she writes the note.
  await avaContext.setOffline(true);
  await expect(ava.getByTestId('connection-indicator')).toHaveText(/^Offline/);
  const note = `Customer will post the signed form (${Date.now()}).`;
  await ava.getByLabel('Add a note').fill(note);
  const before = await ava.evaluate(() => Date.now());
  await ava.keyboard.press('Control+Enter');
  const after = await ava.evaluate(() => Date.now());
  await expect(ava.getByTestId('timeline-entry').filter({ hasText: note })).toContainText('Waiting to sync');

  // Two hours on, her clock has caught up with the hub's, and she is back online.
  await avaContext.clock.fastForward(Math.max(0, Date.now() - (await ava.evaluate(() => Date.now()))));
  expect(Math.abs((await ava.evaluate(() => Date.now())) - Date.now())).toBeLessThan(60_000);
  await avaContext.setOffline(false);
  await expect(ava.getByTestId('connection-indicator')).toHaveText('Online', { timeout: 30_000 });

  // Ben's desktop (on the hub's time) shows it as written at ten, not as it arrived.
  const benContext = await newDesktop(browser);
  const ben = await benContext.newPage();
  await signIn(ben, 'ben', 'demo', `/customer?id=${encodeURIComponent(customerId)}`);
  await waitForSync(ben);
  const written = [...new Set([await timeOnPage(ben, before), await timeOnPage(ben, after)])];
  const arrived = await timeOnPage(ben, Date.now());
  expect(written).not.toContain(arrived);
  const entry = ben.getByTestId('timeline-entry').filter({ hasText: note });
  await expect(entry.getByTestId('timeline-meta')).toHaveText(new RegExp(`^(${written.map(escape).join('|')}) · Ava Thompson$`), { timeout: 20_000 });
  await ben.screenshot({ path: 'test-results/screenshots/true-times-ben.png' });
  await avaContext.close();
  await benContext.close();
});
