import type { Customer } from '@core/domain/model';
import { expect, test } from './fixtures';
import { login, pullAll, pushAs } from './api';
import { seriousViolations, signIn, waitForSync } from './helpers';

test('Ava sets a customer’s region from the keyboard, by code, and clears it again', async ({ page: ava, request }) => {
  test.setTimeout(120_000);
  const stamp = Date.now();
  const id = `cus_region_${stamp}`;
  const avaToken = await login(request, 'ava');
  expect(await pushAs(request, avaToken, [{ name: 'customer.create', args: { id, firstName: 'Lena', lastName: 'Weber', emails: [`lena.${stamp}@example.com`] } }])).toMatchObject([{ status: 'applied' }]);

  await signIn(ava, 'ava', 'demo', `/customer?id=${id}`);
  await waitForSync(ava);
  await expect(ava.getByRole('heading', { level: 1, name: 'Lena Weber' })).toBeVisible();
  const profile = ava.getByRole('region', { name: 'Profile' });
  await expect(profile).toContainText('RegionNone');

  await profile.getByRole('button', { name: 'Edit profile' }).click();
  const dialog = ava.getByRole('dialog', { name: 'Edit Lena Weber' });
  const region = dialog.getByRole('combobox', { name: 'Region' });
  await region.focus();
  // Typing the code finds the region; the first match is highlighted and Enter takes it.
  await ava.keyboard.type('DE-BY');
  await expect(ava.getByRole('option', { name: /^Bayern, Germany/ })).toBeVisible();
  expect(await seriousViolations(ava), 'region picker open').toEqual([]);
  await ava.keyboard.press('Enter');
  await expect(region).toHaveValue('Bayern, Germany');
  await dialog.getByRole('button', { name: 'Save profile' }).click();
  await expect(dialog).toBeHidden();
  await expect(profile).toContainText('Bayern, Germany (DE-BY)');

  // The hub has it too.
  const regionOnHub = async () => {
    const rows = (await pullAll(request, avaToken)).flatMap((change) => (change.op === 'put' && change.entity === 'customer' && change.row.id === id ? [change.row as unknown as Customer] : []));
    return rows.pop()?.region;
  };
  await expect
    .poll(regionOnHub)
    .toBe('DE-BY');

  // "None" clears it.
  await profile.getByRole('button', { name: 'Edit profile' }).click();
  await region.focus();
  await ava.keyboard.press('Control+A');
  await ava.keyboard.type('None');
  await ava.keyboard.press('Enter');
  await dialog.getByRole('button', { name: 'Save profile' }).click();
  await expect(dialog).toBeHidden();
  await expect(profile).toContainText('RegionNone');
});
