import { expect, test } from './fixtures';
import { signIn, waitForSync } from './helpers';

/** The screens behind sign-in arrive as their own scripts; a script name is the screen's component and a content hash. */
const screenScript = (name: string) => new RegExp(`/assets/${name}-[\\w-]+\\.js$`);

test('once signed in, the other screens are fetched while idle, so switching to them never shows a loading state', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('.js')) scripts.push(new URL(request.url()).pathname);
  });
  await signIn(page, 'sam');
  await waitForSync(page);
  // The sign-in screen did not need the dashboard (charts) or the script editor.
  const warmed = ['FollowUpsScreen', 'DashboardScreen', 'FloorScreen', 'ScriptsScreen', 'KnowledgeScreen', 'SettingsScreen', 'CustomersScreen'];
  await expect.poll(() => warmed.filter((name) => !scripts.some((script) => screenScript(name).test(script))), { timeout: 30_000 }).toEqual([]);
  // Sam supervises but does not administer: the admin screens are not fetched for him.
  expect(scripts.some((script) => screenScript('AdminScreen').test(script))).toBe(false);

  const fetchedBefore = scripts.length;
  await page.evaluate(() => {
    const seen = { loading: false };
    (window as unknown as { screenLoadingSeen: typeof seen }).screenLoadingSeen = seen;
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="screen-loading"]')) seen.loading = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
  const visits = [
    { key: 'Alt+3', heading: 'Follow-ups' },
    { key: 'Alt+4', heading: 'Dashboard' },
    { key: 'Alt+5', heading: 'Scripts' },
    { key: 'Alt+6', heading: 'Settings' },
    { key: 'Alt+2', heading: 'Customers' },
    { key: 'Alt+1', heading: 'Queue' },
  ];
  for (const { key, heading } of visits) {
    await page.keyboard.press(key);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeFocused();
  }
  expect(await page.evaluate(() => (window as unknown as { screenLoadingSeen: { loading: boolean } }).screenLoadingSeen.loading)).toBe(false);
  // Only the dashboard's worker starts when the dashboard opens (it computes the figures); no screen's code was fetched.
  expect(scripts.slice(fetchedBefore).filter((script) => !/\.worker-[\w-]+\.js$/.test(script))).toEqual([]);
});
