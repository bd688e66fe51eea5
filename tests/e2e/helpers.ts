import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Signs in through the sign-in screen with the keyboard, as an agent would. Demo accounts use the password "demo". */
export async function signIn(page: Page, username: string, password = 'demo', path = '/queue'): Promise<void> {
  await page.goto(path);
  const user = page.getByLabel('User name');
  await expect(user).toBeFocused();
  await user.fill(username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /Account menu/ })).toBeVisible();
}

/** Waits until the first full sync has finished and nothing is waiting. */
export async function waitForSync(page: Page): Promise<void> {
  await expect(page.getByTestId('connection-indicator')).toHaveText('Online', { timeout: 30_000 });
}
