import type { Page } from '@playwright/test';
import type { Contact, Customer } from '@core/domain/model';
import { expect, test } from './fixtures';
import { seriousViolations, signIn, waitForSync } from './helpers';
import { login, pullAll } from './api';

/** A customer Ben's desktop holds, with a phone number and an email address, and nobody else of the same name. */
async function someCustomer(request: Parameters<typeof login>[0]): Promise<Customer> {
  const changes = await pullAll(request, await login(request, 'ben'));
  const customers = changes.filter((c) => c.op === 'put' && c.entity === 'customer').map((c) => (c as { row: unknown }).row as Customer);
  const named = (c: Customer) => `${c.firstName} ${c.lastName}`.toLowerCase();
  const count = new Map<string, number>();
  for (const c of customers) count.set(named(c), (count.get(named(c)) ?? 0) + 1);
  const customer = customers.find((c) => !c.mergedInto && c.phones.length > 0 && c.emails.length > 0 && c.firstName && count.get(named(c)) === 1);
  expect(customer, 'the demo data has a customer with a phone and an email').toBeDefined();
  return customer!;
}

const palette = (page: Page) => page.getByRole('dialog', { name: 'Command palette' });
const searchBox = (page: Page) => palette(page).getByRole('combobox', { name: 'Search customers, articles and commands' });

async function openPalette(page: Page) {
  // After a navigation, a key pressed before the workstation is on the page goes nowhere.
  await expect(page.getByRole('button', { name: /Search and commands/ })).toBeVisible();
  await page.keyboard.press('Control+k');
  await expect(searchBox(page)).toBeFocused();
}

test('Ctrl+K finds a customer by name, phone and email, opens them, and runs commands', async ({ page, request }) => {
  test.setTimeout(120_000);
  const customer = await someCustomer(request);
  const name = `${customer.firstName} ${customer.lastName}`;
  await signIn(page, 'ben');
  await waitForSync(page);

  // By name: the customer is the first result, Enter opens them, and the palette is gone.
  await openPalette(page);
  await page.keyboard.type(name);
  await expect(palette(page).getByRole('option').first()).toContainText(name);
  await expect(palette(page).getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(palette(page)).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/customer\\?id=${customer.id}`));
  await expect(page.getByRole('heading', { level: 1, name })).toBeFocused();

  // By phone, typed the way people write numbers (spaces), normalised as a screen-pop is.
  await page.goto('/queue');
  await openPalette(page);
  const phone = customer.phones[0]!;
  await page.keyboard.type(`${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`);
  const byPhone = palette(page).getByRole('option', { name: new RegExp(name) });
  await expect(byPhone).toBeVisible();
  await byPhone.click();
  await expect(page).toHaveURL(new RegExp(`/customer\\?id=${customer.id}`));

  // By email, in capitals; arrows move through the results.
  await page.goto('/queue');
  await openPalette(page);
  await page.keyboard.type(customer.emails[0]!.toUpperCase());
  await expect(palette(page).getByRole('option', { name: new RegExp(name) })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await expect(palette(page).getByRole('option', { name: new RegExp(name) })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/customer\\?id=${customer.id}`));

  // An article, opened in Knowledge.
  await openPalette(page);
  await page.keyboard.type('lost delivery');
  await expect(palette(page).getByRole('option', { name: /Raising a claim for a lost delivery/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/knowledge\?q=/);
  await expect(page.getByRole('article', { name: 'Raising a claim for a lost delivery' })).toBeVisible();

  // A command: go to the follow-ups.
  await openPalette(page);
  await page.keyboard.type('follow');
  await expect(palette(page).getByRole('option', { name: /Go to Follow-ups/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/follow-ups/);

  // Others: presence, which the top bar then shows. Signing in made Ben away, so that choice is not offered;
  // he goes back to away at once, so no contact is routed to him under another test.
  await expect(page.getByRole('button', { name: /^Presence: Away/ })).toBeVisible();
  await openPalette(page);
  await page.keyboard.type('presence');
  await expect(palette(page).getByRole('option', { name: /Set my presence to Away/ })).toHaveCount(0);
  await page.keyboard.type(' available');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /^Presence: Available/ })).toBeVisible();
  await openPalette(page);
  await page.keyboard.type('presence away');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /^Presence: Away/ })).toBeVisible();

  // Esc closes it and focus goes back where it was.
  const list = page.getByRole('listbox', { name: 'Follow-ups, overdue first' });
  await list.focus();
  await openPalette(page);
  await page.keyboard.press('Escape');
  await expect(palette(page)).toBeHidden();
  await expect(list).toBeFocused();

  // Mouse users open it from the top bar.
  await page.getByRole('button', { name: /Search and commands/ }).click();
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.press('Escape');
});

test('Ctrl+K finds a contact by a reference number in its history, and a customer by a name typed without its accents', async ({ page, request }) => {
  test.setTimeout(120_000);
  const changes = await pullAll(request, await login(request, 'ben'));
  const rows = (entity: string) => changes.filter((c) => c.op === 'put' && c.entity === entity).map((c) => (c as { row: unknown }).row);
  const customers = new Map((rows('customer') as Customer[]).map((c) => [c.id, c]));
  const contacts = rows('contact') as Contact[];
  // A reference only one contact has, of a customer still on its own.
  const count = new Map<string, number>();
  for (const c of contacts) for (const ref of c.body.match(/\bBW-\d{6}\b/g) ?? []) count.set(ref, (count.get(ref) ?? 0) + 1);
  const withRef = contacts.find((c) => /\bBW-\d{6}\b/.test(c.body) && count.get(/\bBW-\d{6}\b/.exec(c.body)![0]) === 1 && !customers.get(c.customerId)?.mergedInto);
  expect(withRef, 'the demo data has a contact with a reference number').toBeDefined();
  const ref = /\bBW-\d{6}\b/.exec(withRef!.body)![0];
  const owner = customers.get(withRef!.customerId)!;
  const ownerName = `${owner.firstName} ${owner.lastName}`;
  await signIn(page, 'ben');
  await waitForSync(page);

  // The index is built on the first search; the history hit shows once it is ready.
  await openPalette(page);
  await page.keyboard.type(ref);
  const hit = palette(page).getByRole('group', { name: 'History' }).getByRole('option');
  await expect(hit).toHaveCount(1, { timeout: 20_000 });
  await expect(hit).toContainText(ownerName);
  await hit.click();
  await expect(page).toHaveURL(new RegExp(`/customer\\?id=${owner.id}`));

  // A name with an accent, typed without it.
  const accented = [...customers.values()].find((c) => !c.mergedInto && /[\u00C0-\u017F]/.test(c.lastName) && c.firstName);
  expect(accented, 'the demo data has a customer whose name has an accent').toBeDefined();
  const plain = `${accented!.firstName} ${accented!.lastName}`.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  await page.goto('/queue');
  await openPalette(page);
  await page.keyboard.type(plain);
  const customerOptions = palette(page).getByRole('group', { name: 'Customers' }).getByRole('option', { name: new RegExp(`${accented!.firstName} ${accented!.lastName}`) });
  await expect(customerOptions.first()).toBeVisible();
});

test('the palette reads well and passes axe, light and dark', async ({ page }) => {
  await signIn(page, 'ben');
  await waitForSync(page);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await openPalette(page);
    await page.keyboard.type('go');
    await expect(palette(page).getByRole('option').first()).toBeVisible();
    expect(await seriousViolations(page), `palette, ${scheme}`).toEqual([]);
    await page.screenshot({ path: `test-results/screenshots/palette-${scheme}.png` });
    await page.keyboard.press('Escape');
  }
});

test('the shortcuts sheet lists the contact screen keys, from the same declarations as the palette', async ({ page }) => {
  await signIn(page, 'ben');
  await waitForSync(page);
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  const contact = sheet.getByRole('table', { name: 'A contact shortcuts' });
  for (const [keys, action] of [
    ['Alt+C', 'Go to the reply box'],
    ['Alt+E', 'End the conversation and wrap up'],
    ['Alt+R', 'Release the contact back to the queue'],
    ['Alt+T', 'Transfer the contact…'],
    ['Alt+H', 'Ask a supervisor for help…'],
    ['Alt+P', 'Insert the promise into the reply'],
    ['Ctrl+Enter', 'Send the reply, add the note, or finish the wrap-up'],
  ]) {
    await expect(contact.getByRole('row', { name: `${keys} ${action}` })).toBeVisible();
  }
  await expect(sheet.getByRole('table', { name: 'Everywhere shortcuts' }).getByRole('row', { name: /Ctrl\+K Search customers/ })).toBeVisible();
  await expect(sheet.getByRole('table', { name: 'Offers shortcuts' })).toContainText('Accept the contact offered to you');
});
