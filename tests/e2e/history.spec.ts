import { expect, test } from './fixtures';
import { signIn, waitForSync } from './helpers';

test('a customer history can be narrowed to channels and searched, from the keyboard', async ({ page }) => {
  await signIn(page, 'ben');
  await waitForSync(page);
  await page.keyboard.press('Alt+2');
  await page.getByRole('listbox', { name: 'Customers' }).focus();
  await page.keyboard.press('Enter');
  const feed = page.getByRole('feed', { name: 'Contacts, newest first' });
  const entries = feed.getByTestId('timeline-entry');
  await expect(entries.first()).toBeVisible();
  const total = Number((await page.getByText(/contacts?, every channel, newest first/).textContent())!.replace(/\D.*$/, ''));
  expect(total).toBeGreaterThan(1);

  // Only calls.
  const calls = page.getByRole('button', { name: 'Call', exact: true });
  await calls.focus();
  await page.keyboard.press('Enter');
  await expect(calls).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByText(new RegExp(`^\\d+ of ${total} contacts match$`))).toBeVisible();
  // Every entry on screen once the list has settled (the feed re-renders as the filter applies).
  await expect.poll(async () => (await entries.allTextContents()).every((text) => text.includes('Call ·'))).toBe(true);

  // Every channel again (Enter un-presses Call), searching a word of the newest call's subject.
  await page.keyboard.press('Enter');
  await expect(calls).toHaveAttribute('aria-pressed', 'false');
  const word = ((await entries.first().locator('p').first().textContent()) ?? '').split(/\s+/).find((w) => w.length > 4) ?? 'bill';
  await page.getByLabel('Search history').fill(word);
  await expect(page.getByText(new RegExp(`^\\d+ of ${total} contacts match$`))).toBeVisible();
  const matching = new RegExp(word, 'i');
  await expect.poll(async () => (await entries.allTextContents()).every((text) => matching.test(text))).toBe(true);

  await page.getByLabel('Search history').fill('zzzz-nothing-like-this');
  await expect(feed).toHaveCount(0);
  await expect(page.getByText('No contact matches.')).toBeVisible();
});
