/**
 * The cache budget: set from the keyboard in Settings (a bad value is refused
 * in words and nothing is lost), a budget the cache is over evicts the oldest
 * histories of customers out of Ava's work, Settings counts them, and opening
 * such a customer says their older history is being fetched (or why it could
 * not be, with a retry) and brings it back.
 *
 * The sync worker's storage estimate is raised to 60 MB: the demo cache is far
 * smaller than the lowest budget (50 MB), and the estimate is what a pass reads.
 */
import type { Page, Worker } from '@playwright/test';
import { expect, test } from './fixtures';
import { seriousViolations, settled, signIn, waitForSync } from './helpers';

const FAKE_USAGE = 60 * 1024 * 1024;

/** Every worker the page starts reports FAKE_USAGE as this origin's usage. */
function raiseStorageEstimate(page: Page): void {
  const raise = (worker: Worker) =>
    worker
      .evaluate((usage) => {
        const storage = navigator.storage as StorageManager | undefined;
        if (!storage) return;
        const real = storage.estimate.bind(storage);
        Object.defineProperty(storage, 'estimate', { value: async () => ({ ...(await real()), usage }) });
      }, FAKE_USAGE)
      .catch(() => undefined);
  page.on('worker', (worker) => void raise(worker));
}

/** A customer whose history this desktop evicted, read from the cache itself. */
async function anEvictedCustomer(page: Page): Promise<string | null> {
  return page.evaluate(async () => {
    const name = (await indexedDB.databases()).map((db) => db.name).find((n) => n?.startsWith('agentdesk-'));
    if (!name) return null;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(new Error(String(open.error)));
    });
    try {
      const keys = await new Promise<IDBValidKey[]>((resolve, reject) => {
        const request = db.transaction('evictions').objectStore('evictions').getAllKeys(undefined, 1);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(new Error(String(request.error)));
      });
      return (keys[0] as string | undefined) ?? null;
    } finally {
      db.close();
    }
  });
}

/** Opens a screen inside the app (no reload), as a link would. */
async function open(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

const count = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

test('a small budget evicts histories out of my work, Settings counts them, and opening the customer brings theirs back', async ({ page }) => {
  test.setTimeout(120_000);
  raiseStorageEstimate(page);
  await signIn(page, 'ava', 'demo', '/settings');
  await waitForSync(page);
  const card = page.getByRole('region', { name: 'Storage on this computer' });
  const facts = card.getByTestId('storage-facts');
  await expect(facts).toContainText('Older history on the hub only');
  await expect(facts).toContainText('None');
  const entriesBefore = count(await facts.getByText('History entries').locator('xpath=following-sibling::*[1]').textContent());
  expect(entriesBefore).toBeGreaterThan(0);

  // From the keyboard: a bad value is refused in words, and the budget stays.
  const budget = card.getByRole('textbox', { name: 'Cache budget (MB)' });
  await expect(budget).toHaveValue('500');
  await budget.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('10');
  await page.keyboard.press('Enter');
  await expect(card.getByRole('alert')).toHaveText('The budget must be between 50 MB and 20,480 MB.');
  await expect(budget).toHaveAttribute('aria-invalid', 'true');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('50');
  await page.keyboard.press('Tab');
  await expect(card.getByRole('button', { name: 'Save budget' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(card.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect(budget).toHaveValue('50');

  // 60 MB against a 50 MB budget: the sync worker evicts the oldest histories out of Ava's work.
  const evictedLine = facts.getByText('Older history on the hub only').locator('xpath=following-sibling::*[1]');
  await expect(evictedLine).toHaveText(/^\d+ customers?$/, { timeout: 30_000 });
  // A pass evicts in batches and the line counts each as it commits: read it once the pass is over.
  let evicted = -1;
  await expect
    .poll(
      async () => {
        const now = count(await evictedLine.textContent());
        const steady = now === evicted;
        evicted = now;
        return steady;
      },
      { intervals: [1_000], timeout: 30_000 },
    )
    .toBe(true);
  expect(evicted).toBeGreaterThan(0);
  // The page's own estimate is the real one (only the workers' was raised).
  await expect(facts).toContainText(/ of 50 MB/);
  const entriesAfter = count(await facts.getByText('History entries').locator('xpath=following-sibling::*[1]').textContent());
  expect(entriesAfter).toBeLessThan(entriesBefore);
  await settled(page);
  expect(await seriousViolations(page)).toEqual([]);

  // Opening one while the hub cannot be reached: the screen says so, and offers a retry.
  const customerId = await anEvictedCustomer(page);
  expect(customerId).not.toBeNull();
  await page.route('**/sync/history', (route) => route.abort());
  await open(page, `/customer?id=${encodeURIComponent(customerId!)}`);
  const notice = page.getByTestId('evicted-history');
  await expect(notice).toContainText("This customer's older history is on the hub only and could not be fetched");
  const history = page.getByRole('region', { name: 'History' });
  const shown = count(await history.getByRole('status').first().textContent());

  // Back online: the retry brings the history back, and the notice goes.
  await page.unroute('**/sync/history');
  await notice.getByRole('button', { name: 'Try again' }).focus();
  await page.keyboard.press('Enter');
  await expect(notice).toHaveCount(0, { timeout: 15_000 });
  await expect.poll(async () => count(await history.getByRole('status').first().textContent())).toBeGreaterThan(shown);
  expect(await anEvictedCustomer(page)).not.toBe(customerId);

  // Settings counts one customer fewer on the hub only.
  await open(page, '/settings');
  await expect(evictedLine).toHaveText(evicted - 1 === 0 ? 'None' : new RegExp(`^${evicted - 1} customers?$`));
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the Storage card reads well, ${scheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await signIn(page, 'ava', 'demo', '/settings');
    await waitForSync(page);
    const card = page.getByRole('region', { name: 'Storage on this computer' });
    await expect(card.getByTestId('storage-facts')).toContainText(/ of 500 MB/);
    await card.scrollIntoViewIfNeeded();
    await settled(page);
    await card.screenshot({ path: `test-results/screenshots/settings-storage-${scheme}.png` });
  });
}
