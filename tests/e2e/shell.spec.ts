import { expect, test } from './fixtures';
import { HealthSchema } from '@core/hub-api';
import { signIn } from './helpers';

const SECTIONS = ['Queue', 'Customers', 'Follow-ups', 'Dashboard', 'Scripts', 'Settings'];

test.describe('workstation shell in a browser (serve mode)', () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, 'ava');
  });

  test('opens on the queue with the AgentDesk name, sections and a live hub connection', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/queue$/);
    await expect(page).toHaveTitle('Queue – AgentDesk');
    await expect(page.getByRole('banner').getByText('AgentDesk', { exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Queue' })).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Sections' });
    for (const name of SECTIONS) await expect(nav.getByRole('button', { name: new RegExp(`^${name}`) })).toBeVisible();
    await expect(page.getByTestId('connection-indicator')).toHaveText('Online');
  });

  test('every section is reachable with Alt+digit and lands focus on its heading', async ({ page }) => {
    await page.goto('/queue');
    await expect(page.getByRole('heading', { level: 1, name: 'Queue' })).toBeVisible();
    for (const [index, name] of SECTIONS.entries()) {
      await page.keyboard.press(`Alt+${index + 1}`);
      const heading = page.getByRole('heading', { level: 1, name });
      await expect(heading).toBeVisible();
      await expect(heading).toBeFocused();
    }
    await expect(page).toHaveURL(/\/settings$/);
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1, name: 'Scripts' })).toBeVisible();
  });

  test('a screen whose code arrives slowly still takes the focus on its heading when it shows', async ({ page }) => {
    // As on a busy machine: the Customers screen's code takes four seconds to arrive (fetched by the idle warming or by Alt+2).
    await page.route(/\/assets\/CustomersScreen-[^/]+\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 4000));
      await route.continue();
    });
    await page.goto('/queue');
    await expect(page.getByRole('heading', { level: 1, name: 'Queue' })).toBeVisible();
    await page.keyboard.press('Alt+2');
    const heading = page.getByRole('heading', { level: 1, name: 'Customers' });
    await expect(heading).toBeVisible({ timeout: 15_000 });
    await expect(heading).toBeFocused();
  });

  test('the section list works with Tab, arrow keys and Enter', async ({ page }) => {
    await page.goto('/queue');
    const nav = page.getByRole('navigation', { name: 'Sections' });
    const queue = nav.getByRole('button', { name: /^Queue/ });
    await expect(queue).toHaveAttribute('aria-current', 'page');
    await queue.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(nav.getByRole('button', { name: /^Follow-ups/ })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Follow-ups' })).toBeVisible();
    await expect(page).toHaveURL(/\/follow-ups$/);
    await page.keyboard.press('End');
    await expect(nav.getByRole('button', { name: /^Settings/ })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(nav.getByRole('button', { name: /^Queue/ })).toBeFocused();
  });

  test('? shows the keyboard shortcuts and Escape closes them', async ({ page }) => {
    await page.goto('/queue');
    await expect(page.getByRole('heading', { level: 1, name: 'Queue' })).toBeVisible();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText('Go to Customers')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('presence can be changed from the keyboard and is kept', async ({ page }) => {
    await page.goto('/queue');
    // Whatever an earlier contact left it at, the agent can set it from the keyboard.
    const presence = page.getByRole('button', { name: /^Presence: / });
    await expect(presence).toBeEnabled();
    for (const choice of ['Away', 'Busy']) {
      await presence.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('menuitem', { name: choice }).press('Enter');
      await expect(page.getByRole('button', { name: new RegExp(`^Presence: ${choice}`) })).toBeVisible();
    }
    await page.reload();
    await expect(page.getByRole('button', { name: /^Presence: Busy/ })).toBeVisible();
  });

  test('an unknown address shows a clear not-found screen', async ({ page }) => {
    await page.goto('/no-such-screen');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await page.getByRole('button', { name: 'Go to the queue' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Queue' })).toBeVisible();
  });

  test('settings show the hub and its storage, and the theme can be chosen', async ({ page }) => {
    await page.goto('/settings');
    const hub = page.getByRole('region', { name: 'Hub connection' });
    await expect(hub.getByText('PGlite (embedded PostgreSQL)')).toBeVisible();
    await expect(hub.getByText('The server this page came from')).toBeVisible();
    await page.getByRole('button', { name: 'Dark' }).click();
    await expect(page.locator('html')).toHaveClass(/dark/);
    await page.reload();
    await expect(page.locator('html')).toHaveClass(/dark/);
    await page.getByRole('button', { name: 'Follow the system' }).click();
  });

  test('the page is served with a strict Content-Security-Policy', async ({ page }) => {
    const response = await page.goto('/queue');
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  test('GET /health answers with the storage in use', async ({ request }) => {
    const response = await request.get('/health');
    expect(response.ok()).toBe(true);
    const health = HealthSchema.parse(await response.json());
    expect(health.storage).toBe('pglite');
    expect(health.schemaVersion).toBeGreaterThanOrEqual(1);
  });
});

test.describe('theme follows the OS', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`${colorScheme} screenshot of the shell`, async ({ page }, testInfo) => {
      await page.emulateMedia({ colorScheme });
      await signIn(page, 'ben');
      await page.goto('/queue');
      await expect(page.getByTestId('connection-indicator')).toHaveText('Online');
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      // Light theme: #f4f6f9; dark theme: #0f1216.
      expect(background).toBe(colorScheme === 'light' ? 'rgb(244, 246, 249)' : 'rgb(15, 18, 22)');
      await page.screenshot({ path: testInfo.outputPath(`shell-${colorScheme}.png`) });
      await page.screenshot({ path: `test-results/screenshots/shell-${colorScheme}.png` });
    });
  }
});
