import { expect, test } from './fixtures';
import type { Customer } from '@core/domain/model';
import { login, pullAll } from './api';
import { signIn, waitForSync } from './helpers';

test.describe('screen-pop: a softphone or CTI link opens the customer at once', () => {
  test('by phone written any way, by email in any case, by id; garbage gets a clear "no match"', async ({ page, request }) => {
    const token = await login(request, 'ben');
    const customers = (await pullAll(request, token)).filter((c) => c.op === 'put' && c.entity === 'customer').map((c) => (c as unknown as { row: Customer }).row);
    const customer = customers.find((c) => c.phones[0]?.startsWith('+44') && c.emails.length > 0)!;
    const name = `${customer.firstName} ${customer.lastName}`;
    await signIn(page, 'ben');
    await waitForSync(page);

    // The phone as a softphone might send it: spaces and all.
    const spaced = customer.phones[0]!.replace(/^(\+44)(\d{4})(\d+)$/, '$1 $2 $3');
    await page.goto(`/customer?phone=${encodeURIComponent(spaced)}`);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await page.goto(`/customer?email=${encodeURIComponent(customer.emails[0]!.toUpperCase())}`);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await page.goto(`/customer?id=${customer.id}`);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

    for (const [link, message] of [
      ['/customer?phone=%25%25%25', '“%%%” is not a phone number.'],
      ['/customer?phone=12', '“12” is not a phone number.'],
      ['/customer?email=not-an-address', '“not-an-address” is not an email address.'],
      ['/customer?id=%3Cscript%3E', '“<script>” is not a customer id.'],
      ['/customer?phone=%2B447700900999999', 'No customer with phone +447700900999999'],
      ['/customer?nonsense=1', 'The link names no customer'],
    ] as const) {
      await page.goto(link);
      await expect(page.getByRole('heading', { level: 1, name: 'No matching customer' }), link).toBeVisible();
      await expect(page.getByText(message, { exact: true }), link).toBeVisible();
    }
    await page.getByRole('button', { name: 'Go to customers' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
  });

  test('a contact that is not on this device says so', async ({ page }) => {
    await signIn(page, 'ava');
    await page.goto('/contact?id=con_does_not_exist');
    await expect(page.getByText('This contact is not on this device')).toBeVisible();
    await page.getByRole('button', { name: 'Back to the queue' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Queue' })).toBeVisible();
  });
});
