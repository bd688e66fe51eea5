import type { APIRequestContext, Page } from '@playwright/test';
import type { Contact, Customer, QueueItem } from '@core/domain/model';
import { expect, test } from './fixtures';
import { seriousViolations, signIn, waitForSync } from './helpers';
import { login, postContact, pullAll, pushAs } from './api';

test.use({ viewport: { width: 1440, height: 900 } });

/** A care-team customer with a long history, nothing open, and an email address. */
async function customerWithHistory(request: APIRequestContext): Promise<Customer> {
  const changes = await pullAll(request, await login(request, 'sam'));
  const rows = <T,>(entity: string) => changes.flatMap((c) => (c.op === 'put' && c.entity === entity ? [(c as { row: T }).row] : []));
  const open = new Set(rows<QueueItem>('queueItem').filter((item) => item.state !== 'done').map((item) => item.customerId));
  const counts = new Map<string, number>();
  for (const contact of rows<Contact>('contact')) counts.set(contact.customerId, (counts.get(contact.customerId) ?? 0) + 1);
  const customer = rows<Customer>('customer').find((c) => (counts.get(c.id) ?? 0) >= 8 && !open.has(c.id) && c.emails.length > 0 && !c.mergedInto);
  expect(customer, 'the demo data has a customer with a history').toBeDefined();
  return customer!;
}

/** How many history entries are in view, top to bottom, in the feed's box. */
const entriesInView = (page: Page) =>
  page.evaluate(() => {
    const feed = document.getElementById('timeline')!.getBoundingClientRect();
    return [...document.querySelectorAll('#timeline [data-testid="timeline-entry"]')].filter((entry) => {
      const box = entry.getBoundingClientRect();
      return box.height > 0 && box.top >= feed.top - 1 && box.bottom <= feed.bottom + 1;
    }).length;
  });

async function looksRight(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await seriousViolations(page), `${name} (${scheme})`).toEqual([]);
    await page.screenshot({ path: `test-results/screenshots/${name}-${scheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('an email contact: the customer speaks as the customer, replies thread under it, the history has room, and a reply made offline says it has not gone', async ({ page, context, request }) => {
  test.setTimeout(150_000);
  const customer = await customerWithHistory(request);
  const subject = `Invoice query (${Date.now()})`;
  const posted = await postContact(request, { channel: 'email', from: { email: customer.emails[0] }, subject, body: 'Hello, my last invoice is higher than usual. Could you explain why?' });
  const samToken = await login(request, 'sam');
  // A supervisor takes it whoever it is offered to.
  expect(await pushAs(request, samToken, [{ name: 'contact.claim', args: { contactId: posted.contactId } }])).toMatchObject([{ status: 'applied' }]);

  await signIn(page, 'sam', 'demo', `/contact?id=${posted.contactId}`);
  await waitForSync(page);
  const conversation = page.getByRole('region', { name: 'Conversation' });
  await expect(conversation.getByTestId('conversation-message')).toHaveCount(1);
  await expect(conversation.getByTestId('conversation-message').first()).toContainText('Customer ·');

  // The history beside the contact shows at least three entries at 1440×900.
  const feed = page.getByRole('feed', { name: 'Contacts, newest first' });
  await expect(feed.getByTestId('timeline-entry').first()).toBeVisible();
  await expect.poll(() => entriesInView(page)).toBeGreaterThanOrEqual(3);
  // The customer's email is the customer's, not the agent's who holds it.
  const email = feed.getByTestId('timeline-entry').filter({ hasText: subject });
  await expect(email.getByTestId('timeline-meta')).toContainText('From the customer');

  // Offline, the reply waits in the outbox and says so.
  await context.setOffline(true);
  await expect(page.getByTestId('connection-indicator')).toHaveText(/^Offline/);
  const reply = `It includes the new line rental (${Date.now()}).`;
  await page.keyboard.press('Alt+c');
  await page.keyboard.type(reply);
  await page.keyboard.press('Control+Enter');
  const sent = conversation.getByTestId('conversation-message').filter({ hasText: reply });
  await expect(sent.getByTestId('not-sent')).toHaveText('Not sent yet — will send when online');
  await expect(sent).toContainText('You ·');
  // The pane follows the newest message.
  await expect(sent).toBeInViewport();
  // The reply is threaded under the email in the history, not an entry of its own.
  await expect(feed.getByTestId('timeline-entry').filter({ hasText: reply })).toHaveCount(1);
  await expect(email.getByTestId('timeline-reply')).toContainText(reply);
  await expect(email.getByTestId('timeline-reply')).toContainText('Waiting to sync');
  await page.screenshot({ path: 'test-results/screenshots/contact-offline-reply.png' });

  await context.setOffline(false);
  await expect(page.getByTestId('connection-indicator')).toHaveText('Online', { timeout: 20_000 });
  await expect(sent.getByTestId('not-sent')).toHaveCount(0);
  await expect(email.getByTestId('timeline-reply')).not.toContainText('Waiting to sync');
  await looksRight(page, 'contact-screen');

  // A longer conversation: the pane follows each new message…
  const messages = conversation.getByTestId('conversation-message');
  for (let n = 1; n <= 5; n++) {
    await page.keyboard.press('Alt+c');
    await page.keyboard.type(`Follow-up detail ${n}: the rental rose in April.`);
    await page.keyboard.press('Control+Enter');
    await expect(messages.last()).toContainText(`Follow-up detail ${n}:`);
    await expect(messages.last()).toBeInViewport();
  }
  // …unless the agent has scrolled up to read: then it stays where they are.
  await conversation.evaluate((pane) => pane.scrollTo({ top: 0 }));
  await expect(messages.first()).toBeInViewport();
  await page.keyboard.press('Alt+c');
  await page.keyboard.type('One more thing.');
  await page.keyboard.press('Control+Enter');
  await expect(messages.last()).toContainText('One more thing.');
  await expect(messages.first()).toBeInViewport();
  await expect(messages.last()).not.toBeInViewport();

  // The profile's details are one click away, from the keyboard.
  const more = page.getByRole('button', { name: 'More details' });
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Fewer details' })).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('region', { name: 'Profile' })).toContainText('Quiet hours');
});

test('a long note reads to its end, and long unbroken text wraps', async ({ page, request }) => {
  test.setTimeout(120_000);
  const customer = await customerWithHistory(request);
  await signIn(page, 'ben', 'demo', `/customer?id=${customer.id}`);
  await waitForSync(page);
  const words = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
  const tail = ` https://example.com/${'x'.repeat(500)} and these are the last words.`;
  const note = `Start of the note. ${words}`.slice(0, 1500 - tail.length) + tail;
  expect(note.length).toBe(1500);
  await page.getByLabel('Add a note').fill(note);
  await page.keyboard.press('Control+Enter');
  const entry = page.getByTestId('timeline-entry').filter({ hasText: 'Start of the note.' });
  await expect(entry.getByRole('button', { name: 'Show all (1,500 characters)' })).toBeVisible();
  await expect(entry).not.toContainText('and these are the last words.');

  // From the keyboard: the toggle opens it, and says it is open.
  await entry.getByRole('button', { name: /^Show all/ }).focus();
  await page.keyboard.press('Enter');
  const toggle = entry.getByRole('button', { name: 'Show less' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const end = entry.getByText('and these are the last words.');
  await end.scrollIntoViewIfNeeded();
  await expect(end).toBeInViewport();
  // Nothing runs off the side: the 500-character link wraps inside the entry.
  const overflow = await entry.getByTestId('timeline-text').first().evaluate((text) => text.scrollWidth - text.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await looksRight(page, 'customer-timeline');

  await toggle.focus();
  await page.keyboard.press('Space');
  await expect(entry.getByRole('button', { name: /^Show all/ })).toHaveAttribute('aria-expanded', 'false');
  await expect(entry).not.toContainText('and these are the last words.');
});
