import type { Contact } from '@core/domain/model';
import { expect, newDesktop, test } from './fixtures';
import { login, pullAll, pushAs } from './api';
import { seriousViolations, settled, signIn, waitForSync } from './helpers';

test('Ava makes a customer from a screen-pop of an unknown number; Sam merges two duplicates, and a note Ava wrote offline on the one merged away lands on the survivor', async ({ page: ava, context, browser, request }) => {
  test.setTimeout(150_000);
  const stamp = Date.now();
  const number = `+4477009${String(stamp).slice(-5)}`;
  await signIn(ava, 'ava');
  await waitForSync(ava);

  // A call from a number nobody knows: the screen-pop offers to make the customer, with the number filled in.
  await ava.goto(`/customer?phone=${number}`);
  await expect(ava.getByRole('heading', { level: 1, name: 'No matching customer' })).toBeVisible();
  const create = ava.getByRole('button', { name: `Create customer with ${number}` });
  await create.focus();
  await ava.keyboard.press('Enter');
  await expect(ava.getByLabel('Phone')).toHaveValue(number);
  await expect(ava.getByLabel('First name')).toBeFocused();
  await ava.keyboard.type('Morgan');
  await ava.keyboard.press('Tab');
  await ava.keyboard.type('Reyes');
  // A mistyped address is refused in a sentence under the field, and nothing typed is lost.
  await ava.getByLabel('Email').fill('morgan@');
  await ava.keyboard.press('Control+Enter');
  await expect(ava.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await expect(ava.getByLabel('Email')).toHaveAccessibleDescription('Enter an email address like name@example.com.');
  await expect(ava.getByLabel('First name')).toHaveValue('Morgan');
  for (const scheme of ['light', 'dark'] as const) {
    await ava.emulateMedia({ colorScheme: scheme });
    await settled(ava);
    await ava.screenshot({ path: `test-results/screenshots/new-customer-${scheme}.png` });
    expect(await seriousViolations(ava), `new customer, ${scheme}`).toEqual([]);
  }
  await ava.emulateMedia({ colorScheme: 'light' });
  await ava.getByLabel('Email').fill('');
  await expect(ava.getByLabel('Email')).not.toHaveAttribute('aria-invalid', 'true');
  await ava.keyboard.press('Control+Enter');
  await expect(ava.getByRole('heading', { level: 1, name: 'Morgan Reyes' })).toBeVisible();
  await expect(ava.getByRole('feed', { name: 'Contacts, newest first' })).toContainText('Customer created by Ava Thompson.');
  // The same screen-pop now finds them.
  await ava.goto(`/customer?phone=${number}`);
  await expect(ava.getByRole('heading', { level: 1, name: 'Morgan Reyes' })).toBeVisible();

  // Two records of one person, Robin Hale, both in Ava's view.
  const avaToken = await login(request, 'ava');
  const [keep, duplicate] = [`cus_keep_${stamp}`, `cus_dup_${stamp}`];
  await pushAs(request, avaToken, [
    { name: 'customer.create', args: { id: keep, firstName: 'Robin', lastName: 'Hale', emails: [`robin.${stamp}@example.com`] } },
    { name: 'customer.create', args: { id: duplicate, firstName: 'Robin', lastName: 'Hale', emails: [`robin.h.${stamp}@example.net`], phones: ['+447700900321'] } },
  ]);
  await ava.goto(`/customer?id=${duplicate}`);
  await expect(ava.getByRole('heading', { level: 1, name: 'Robin Hale' })).toBeVisible();

  // Ava loses the network and writes a note on the duplicate.
  await context.setOffline(true);
  await ava.getByLabel('Add a note').focus();
  await ava.keyboard.type('Robin asked for a paper bill from now on.');
  await ava.keyboard.press('Control+Enter');
  await expect(ava.getByRole('feed', { name: 'Contacts, newest first' })).toContainText('Robin asked for a paper bill');

  // Meanwhile Sam merges the duplicate into the record that stays.
  const samContext = await newDesktop(browser);
  const sam = await samContext.newPage();
  await signIn(sam, 'sam', 'demo', '/customers');
  await waitForSync(sam);
  // Neither record is on Sam's desktop yet: he finds both on the hub, the duplicate first.
  for (const email of [`robin.h.${stamp}@example.net`, `robin.${stamp}@example.com`]) {
    await sam.goto('/customers');
    await sam.getByLabel('Find a customer').fill(email);
    await sam.getByRole('button', { name: /^Search the hub/ }).click();
    await sam.getByLabel('Customers found on the hub').getByRole('button', { name: /Robin Hale/ }).click();
    await expect(sam.getByRole('heading', { level: 1, name: 'Robin Hale' })).toBeVisible();
  }
  await sam.getByRole('button', { name: 'Merge a duplicate…' }).click();
  await sam.getByLabel('Find the duplicate').fill(`robin.h.${stamp}`);
  await sam.getByRole('list', { name: 'Matching customers' }).getByRole('button', { name: /Robin Hale/ }).click();
  await expect(sam.getByRole('status').filter({ hasText: 'becomes part of Robin Hale' })).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await sam.emulateMedia({ colorScheme: scheme });
    await settled(sam);
    await sam.screenshot({ path: `test-results/screenshots/merge-${scheme}.png` });
    expect(await seriousViolations(sam), `merge, ${scheme}`).toEqual([]);
  }
  await sam.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(sam.getByText(/was merged into Robin Hale/)).toBeVisible();
  await expect(sam.getByRole('feed', { name: 'Contacts, newest first' })).toContainText(`Sam Rivera merged Robin Hale (${duplicate}) into this customer`);

  // Ava is back: her note is on the survivor, and the duplicate's link opens the survivor, saying so.
  await context.setOffline(false);
  await expect
    .poll(async () => {
      const notes = (await pullAll(request, avaToken)).flatMap((change) => (change.op === 'put' && change.entity === 'contact' ? [change.row as unknown as Contact] : []));
      return notes.find((note) => note.body === 'Robin asked for a paper bill from now on.')?.customerId ?? null;
    }, { timeout: 20_000 })
    .toBe(keep);
  await ava.goto(`/customer?id=${duplicate}`);
  await expect(ava.getByTestId('merged-redirect')).toContainText(`Robin Hale (${duplicate}) was merged into this customer by Sam Rivera.`);
  await expect(ava.getByRole('feed', { name: 'Contacts, newest first' })).toContainText('Robin asked for a paper bill from now on.');
  // Sam can undo it from the duplicate's link.
  await sam.goto(`/customer?id=${duplicate}`);
  await sam.getByRole('button', { name: 'Undo merge' }).click();
  await expect(sam.getByTestId('merged-redirect')).toBeHidden();
  await expect(sam.getByRole('heading', { level: 1, name: 'Robin Hale' })).toBeVisible();
  await samContext.close();
});
