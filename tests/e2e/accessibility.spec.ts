import { expect, test } from './fixtures';
import { seriousViolations, signIn, waitForSync } from './helpers';

test.describe('accessibility (axe: no serious or critical violations)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`queue, customer and contact screens, ${scheme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await signIn(page, 'ben');
      await waitForSync(page);

      await page.goto('/queue');
      await expect(page.getByTestId('queue-row').first()).toBeVisible();
      expect(await seriousViolations(page), 'queue').toEqual([]);

      await page.getByRole('listbox', { name: /Waiting contacts/ }).focus();
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/\/contact\?id=/);
      await expect(page.getByRole('region', { name: 'Conversation' })).toBeVisible();
      expect(await seriousViolations(page), 'contact').toEqual([]);

      await page.keyboard.press('Alt+r');
      await expect(page).toHaveURL(/\/queue$/);
      await page.keyboard.press('Alt+2');
      await page.getByRole('listbox', { name: 'Customers' }).focus();
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/\/customer\?id=/);
      await expect(page.getByRole('feed', { name: 'Contacts, newest first' })).toBeVisible();
      expect(await seriousViolations(page), 'customer').toEqual([]);

      await page.keyboard.press('Alt+3');
      const agenda = page.getByRole('listbox', { name: 'Follow-ups, overdue first' });
      await expect(agenda).toBeVisible();
      await expect(page.getByRole('toolbar', { name: 'Follow-up actions' })).toBeVisible();
      expect(await seriousViolations(page), 'follow-ups agenda').toEqual([]);
      await agenda.focus();
      await page.keyboard.press('ArrowDown');
      await expect(agenda.getByRole('option').nth(1)).toHaveAttribute('aria-selected', 'true');
      expect(await seriousViolations(page), 'follow-ups agenda, second follow-up chosen').toEqual([]);
      await page.getByRole('tab', { name: 'Week' }).click();
      await expect(page.getByRole('group', { name: 'Follow-ups this week' })).toBeVisible();
      expect(await seriousViolations(page), 'follow-ups week').toEqual([]);
    });

    test(`supervisor screens: dashboard, an empty agenda and knowledge, ${scheme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await signIn(page, 'sam', 'demo', '/dashboard');
      await waitForSync(page);
      await expect(page.getByTestId('kpi-handled-value')).toBeVisible();
      expect(await seriousViolations(page), 'dashboard').toEqual([]);
      // Sam plans none of his own: the agenda is empty, with nothing to act on.
      await page.keyboard.press('Alt+3');
      await expect(page.getByText('Nothing planned')).toBeVisible();
      await expect(page.getByRole('toolbar', { name: 'Follow-up actions' })).toHaveCount(0);
      expect(await seriousViolations(page), 'follow-ups, none').toEqual([]);
      await page.goto('/knowledge');
      await expect(page.getByRole('listbox', { name: 'Articles' })).toBeVisible();
      expect(await seriousViolations(page), 'knowledge').toEqual([]);
    });
  }
});
