import { expect, test } from './fixtures';
import { signIn } from './helpers';

test.describe('signing in and out', () => {
  test('a wrong password is refused with a clear message and nothing else happens', async ({ page }) => {
    await page.goto('/queue');
    await page.getByLabel('User name').fill('ava');
    await page.getByLabel('Password').fill('not-her-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toHaveText('Wrong user name or password.');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  });

  test('a demo hub says so before sign-in and on every screen, naming its accounts', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('demo-warning')).toContainText('the accounts ava and ben (agents), sam (supervisor) and admin all have the password “demo”');
    await signIn(page, 'ava');
    await expect(page.getByTestId('demo-banner')).toContainText('Demo hub');
  });

  test('the session is remembered across a restart, and signing out can remove local data', async ({ page }) => {
    await signIn(page, 'sam');
    await expect(page.getByRole('button', { name: /Signed in as Sam Rivera, Supervisor/ })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('button', { name: /Signed in as Sam Rivera/ })).toBeVisible();
    const databases = () => page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name ?? ''));
    await expect.poll(databases).toContainEqual(expect.stringMatching(/usr_sam$/));

    await page.getByRole('button', { name: /Account menu/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign out of AgentDesk?' });
    await dialog.getByLabel('Also remove my data from this device').check();
    await dialog.getByRole('button', { name: 'Sign out and remove data' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
    await expect.poll(databases).not.toContainEqual(expect.stringMatching(/usr_sam$/));
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  });
});
