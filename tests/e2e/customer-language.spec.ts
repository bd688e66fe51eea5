/**
 * The customer's language in the contact workspace: a Spanish customer's chat
 * gets the Spanish script, filled in, and a Spanish promise, even on a German
 * desktop; a German customer whose script has no German version gets the
 * English one with a notice saying so.
 */
import type { Contact, Customer, QueueItem } from '@core/domain/model';
import { expect, newDesktop, test } from './fixtures';
import { login, pullAll } from './api';
import { seriousViolations, signIn, waitForSync } from './helpers';

/** The open contact (waiting, or taken by another spec) of a customer speaking `language`, on `channel`, about `topic` (the demo data always has these). */
async function waitingContact(request: Parameters<typeof login>[0], language: string, channel: string, topic: string): Promise<{ contact: Contact; customer: Customer }> {
  const changes = await pullAll(request, await login(request, 'ava'));
  const rows = (entity: string) => changes.filter((c) => c.op === 'put' && c.entity === entity).map((c) => (c as { row: unknown }).row);
  const customers = new Map((rows('customer') as Customer[]).map((customer) => [customer.id, customer]));
  const waiting = new Set((rows('queueItem') as QueueItem[]).filter((item) => item.state === 'waiting' || item.state === 'claimed').map((item) => item.contactId));
  const contact = (rows('contact') as Contact[]).find(
    (candidate) => waiting.has(candidate.id) && candidate.channel === channel && candidate.topic === topic && customers.get(candidate.customerId)?.language === language,
  );
  expect(contact, `the demo backlog has an open ${language} ${topic} ${channel}`).toBeDefined();
  return { contact: contact!, customer: customers.get(contact!.customerId)! };
}

test('a German-speaking agent handles a Spanish customer’s chat with the Spanish script and a Spanish promise', async ({ browser, request }) => {
  const { contact, customer } = await waitingContact(request, 'es-ES', 'chat', 'billing');
  const context = await newDesktop(browser, { locale: 'de-DE' });
  const page = await context.newPage();
  await signIn(page, 'ava', 'demo', `/contact?id=${contact.id}`);
  await waitForSync(page);

  // The workstation speaks German to Ava; the script speaks Spanish to the customer.
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('region', { name: 'Unterhaltung' })).toBeVisible();
  const script = page.getByRole('region', { name: /^Skript: Reclamación de factura/ });
  await expect(script).toBeVisible();
  // Filled in with the customer's details and worded for a chat, in Spanish.
  await expect(script.getByText(`Gracias por escribir a Brightwave, le atiende Ava. ¿Con quién tengo el gusto de hablar?`)).toBeVisible();
  await expect(script.getByTestId('language-fallback')).toHaveCount(0);
  await expect(page.getByText(contact.body.replace(/^Customer: /, ''))).toBeVisible();

  // The promise, at "set expectations", is worded for the customer, on their clock.
  await script.getByRole('tab').nth(4).click();
  await expect(script.getByText(`Para que sepa exactamente qué pasará ahora:`, { exact: false })).toBeVisible();
  await expect(script.getByRole('alert').filter({ hasText: /Recibirá nuestra respuesta (hoy|mañana|el \S+) antes de las? \d\d:\d\d \(su hora local\)/ })).toBeVisible();
  expect(customer.timeZone).toMatch(/^(Europe\/Madrid|Atlantic\/Canary)$/);
  expect(await seriousViolations(page), 'the contact screen in German with a Spanish script').toEqual([]);
  await page.screenshot({ path: 'test-results/screenshots/contact-de-ui-es-customer.png' });
  await context.close();
});

test('a German customer whose script has no German version gets the English one, and the agent is told', async ({ browser, request }) => {
  const { contact } = await waitingContact(request, 'de-DE', 'email', 'delivery');
  const context = await newDesktop(browser, { locale: 'en-GB' });
  const page = await context.newPage();
  await signIn(page, 'ava', 'demo', `/contact?id=${contact.id}`);
  await waitForSync(page);

  const script = page.getByRole('region', { name: /^Script: / });
  await expect(script.getByTestId('language-fallback').first()).toHaveText('No German version — showing English');
  await expect(script.getByText(/^Thank you for emailing Brightwave, you're through to Ava\./)).toBeVisible();
  // The customer wrote in German.
  await expect(page.getByTestId('conversation-message').getByText(/^Sehr geehrte Damen und Herren,/)).toBeVisible();

  // Saved replies come in German where they have a German version; others say they have none.
  await page.getByLabel(/Saved replies and knowledge/).fill('Lieferung');
  await expect(page.getByTestId('knowledge-result').filter({ hasText: 'Wo Ihre Lieferung ist' })).toBeVisible();
  await page.getByLabel(/Saved replies and knowledge/).fill('parcel');
  await expect(page.getByTestId('knowledge-result').filter({ hasText: 'Parcel marked delivered but not received' }).getByTestId('language-fallback')).toHaveText('No German version — showing English');
  await context.close();
});
