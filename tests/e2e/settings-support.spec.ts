/**
 * Settings › Updates and Diagnostics in a browser (serve mode): what the
 * agent sees, from the keyboard, axe-clean light and dark, and the copied
 * diagnostics carry nothing personal.
 */
import { expect, test } from './fixtures';
import { seriousViolations, signIn, waitForSync } from './helpers';

test.describe('Settings: updates and diagnostics (serve mode)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`both panels read well and pass axe, ${scheme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await signIn(page, 'ava', 'demo', '/settings');
      await waitForSync(page);
      const updates = page.getByRole('region', { name: 'Updates' });
      const diagnostics = page.getByRole('region', { name: 'Diagnostics' });
      await expect(updates.getByText(/^Current version/)).toBeVisible();
      await expect(updates).toContainText('The web workstation updates itself: when the hub serves a new version, AgentDesk tells you and you choose when to reload');
      // Desktop-only controls are not offered in a browser.
      await expect(updates.getByRole('button', { name: 'Check now' })).toHaveCount(0);
      await expect(diagnostics.getByRole('button', { name: 'Open logs folder' })).toHaveCount(0);
      await expect(diagnostics).toContainText('No names, contact details, customer data or passwords.');
      expect(await seriousViolations(page)).toEqual([]);
      await updates.screenshot({ path: `/tmp/update-updates-${scheme}.png` });
      await diagnostics.screenshot({ path: `/tmp/update-diagnostics-${scheme}.png` });
    });
  }

  test('"Copy diagnostics" from the keyboard copies versions, hub and sync facts, and nothing personal', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await signIn(page, 'ava', 'demo', '/settings');
    await waitForSync(page);
    // Errors the page did not handle are listed, redacted.
    await page.evaluate(() => {
      void Promise.reject(new Error('lookup failed for jane.doe@example.com with Bearer k3Jd9sLq0PzX7vBn2MwR5tYc8HgF1aEe4UiO6'));
      console.error('render problem near +44 20 7946 0958');
    });
    const copy = page.getByRole('button', { name: 'Copy diagnostics' });
    await copy.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Diagnostics copied.' })).toBeVisible();

    const text = await page.evaluate(() => navigator.clipboard.readText());
    const session = await page.evaluate(() => JSON.parse(localStorage.getItem('agentdesk.session') ?? 'null') as { token: string; user: { id: string } });
    expect(text).toMatch(/^AgentDesk diagnostics, \d{4}-\d\d-\d\dT/);
    for (const expected of ['Running in: browser', 'Browser: Mozilla/5.0', 'Mode: served', 'Reachable: online', 'State: online', 'Changes waiting (outbox): 0', '[Refused changes]\nNone.']) {
      expect(text).toContain(expected);
    }
    expect(text).toMatch(/Local database version: \d+/);
    expect(text).toMatch(/Cursor: \d+/);
    expect(text).toMatch(/Address: http:\/\/127\.0\.0\.1:\d+/);
    expect(text).toContain('Unhandled rejection: Error: lookup failed for [email] with Bearer [redacted]');
    expect(text).toContain('render problem near [phone]');
    for (const personal of ['Ava', 'Thompson', 'ava', session.token, session.user.id, 'jane.doe', '7946', 'k3Jd9sLq0PzX7vBn2MwR5tYc8HgF1aEe4UiO6']) expect(text).not.toContain(personal);
  });
});
