/**
 * The customer's language in the contact workspace: an agent with the German
 * UI takes a Spanish customer's chat and works it with the Spanish script, a
 * Spanish promise and a German wrap-up; the customer's words carry their
 * language and direction; the contact screen is saved in German, Spanish and
 * mirrored right to left. A German customer whose script has no German
 * version gets the English one with a notice saying so.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import type { Contact, Customer, FollowUp, QueueItem } from '@core/domain/model';
import { expect, newDesktop, test } from './fixtures';
import { login, postContact, pullAll, pushAs } from './api';
import { seriousViolations, settled, signIn, waitForSync } from './helpers';

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

/** A Spanish customer of the demo, on the Spanish mainland's or the Canaries' clock, with an email to write from and nothing open now. */
async function spanishCustomer(request: APIRequestContext): Promise<Customer> {
  const changes = await pullAll(request, await login(request, 'ava'));
  const rows = (entity: string) => changes.filter((c) => c.op === 'put' && c.entity === entity).map((c) => (c as { row: unknown }).row);
  const open = new Set((rows('queueItem') as QueueItem[]).filter((item) => item.state !== 'done').map((item) => item.customerId));
  const customer = (rows('customer') as Customer[]).find(
    (candidate) => candidate.language === 'es-ES' && candidate.emails.length > 0 && !open.has(candidate.id) && /^(Europe\/Madrid|Atlantic\/Canary)$/.test(candidate.timeZone),
  );
  expect(customer, 'the demo data has a Spanish customer with nothing open').toBeDefined();
  return customer!;
}

/** Ava's desk is clear (an earlier spec may have left her a contact), and nobody is offered the new chat: it waits in the queue for whoever takes it. */
async function readyToTake(request: APIRequestContext, contactId: string): Promise<void> {
  const avaToken = await login(request, 'ava');
  const items = (await pullAll(request, avaToken)).flatMap((change) => (change.op === 'put' && change.entity === 'queueItem' ? [change.row as QueueItem] : []));
  const held = items.filter((item) => item.assigneeId === 'usr_ava' && item.state !== 'done' && item.id !== contactId);
  await pushAs(
    request,
    avaToken,
    held.flatMap((item) => [
      { name: 'contact.endConversation', args: { contactId: item.id } },
      { name: 'contact.wrapUp', args: { contactId: item.id, disposition: 'Information given', resolution: 'resolved' } },
    ]),
  );
  for (let round = 0; round < 10; round += 1) {
    const item = (await pullAll(request, avaToken)).flatMap((change) => (change.op === 'put' && change.entity === 'queueItem' && change.id === contactId ? [change.row as QueueItem] : [])).at(-1);
    if (!item?.offeredTo) return;
    await pushAs(request, await login(request, item.offeredTo.replace(/^usr_/, '')), [{ name: 'contact.decline', args: { contactId } }]);
  }
  throw new Error(`${contactId} is still offered to someone`);
}

/** The promise on the customer's clock, in Spanish: the day and the time depend on when the test runs. */
const SPANISH_PROMISE = /^Recibirá nuestra respuesta (hoy|mañana|el \S+( \d+ de \S+)?) antes de las? \d\d:\d\d \(su hora local\)$/;

async function switchLocale(page: Page, locale: string): Promise<void> {
  await page.evaluate((value) => localStorage.setItem('agentdesk.locale', value), locale);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

/** The contact screen in this language, light and dark, saved to look at: the conversation, then the script's promise scrolled into view. */
async function screenshots(page: Page, locale: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.getByTestId('conversation').scrollIntoViewIfNeeded();
    await settled(page);
    await page.screenshot({ path: `test-results/screenshots/contact-${locale}-${colorScheme}.png`, animations: 'disabled' });
    await page.getByTestId('promise-text').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/screenshots/contact-${locale}-${colorScheme}-script.png`, animations: 'disabled' });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('a German-speaking agent takes a Spanish customer’s chat from the queue and works it with the Spanish script and a Spanish promise', async ({ browser, request }) => {
  test.setTimeout(180_000);
  const customer = await spanishCustomer(request);
  const stamp = Date.now();
  const subject = `Factura duplicada (${stamp})`;
  const body = 'Hola, este mes me han cobrado la factura dos veces. ¿Pueden devolverme el importe duplicado?';
  const posted = await postContact(request, { channel: 'chat', topic: 'billing', from: { email: customer.emails[0] }, subject, body });
  expect(posted.customerId).toBe(customer.id);
  await readyToTake(request, posted.contactId);

  const context = await newDesktop(browser, { locale: 'de-DE', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signIn(page, 'ava');
  await waitForSync(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');

  // From the queue, with the keyboard: to the chat, and Enter takes it.
  await page.keyboard.press('Alt+1');
  const list = page.getByRole('listbox', { name: 'Wartende Kontakte, dringendste zuerst' });
  const option = list.getByRole('option').filter({ hasText: subject });
  await expect(option).toHaveCount(1, { timeout: 20_000 });
  await list.focus();
  await page.keyboard.press('Home');
  for (let step = 0; step < 200 && (await option.getAttribute('aria-selected')) !== 'true'; step += 1) await page.keyboard.press('ArrowDown');
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await expect(option.getByTestId('take-hint')).toHaveText('Eingabetaste oder Doppelklick zum Übernehmen');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/contact\\?id=${posted.contactId}`));
  await expect(page.getByTestId('contact-status')).toContainText('Bei Ihnen');

  // The customer's words are marked as Spanish, and read in their own direction.
  await expect(page.getByTestId('contact-subject')).toHaveAttribute('lang', 'es-ES');
  await expect(page.getByRole('region', { name: 'Unterhaltung' })).toBeVisible();
  const written = page.getByTestId('conversation-text').filter({ hasText: body });
  await expect(written).toHaveAttribute('lang', 'es-ES');
  await expect(written).toHaveAttribute('dir', 'auto');

  // Alt+S: the script, in Spanish, filled in and worded for a chat; no notice of a missing translation.
  await page.keyboard.press('Alt+s');
  const script = page.getByRole('region', { name: /^Skript: Reclamación de factura/ });
  await expect(script).toBeVisible();
  await expect(script.getByTestId('language-fallback')).toHaveCount(0);
  const greeting = script.getByTestId('script-step-text').filter({ hasText: 'Gracias por escribir a Brightwave, le atiende Ava. ¿Con quién tengo el gusto de hablar?' });
  await expect(greeting).toHaveAttribute('lang', /^es\b/);
  await expect(greeting).toHaveAttribute('dir', 'auto');
  await expect(script.getByRole('checkbox').first()).toBeFocused();
  await page.keyboard.press('Space');
  await expect(script.getByRole('checkbox').first()).toBeChecked();
  // I: the greeting into the reply, which is written in Spanish too.
  await page.keyboard.press('i');
  const reply = page.getByRole('textbox', { name: 'Antwort im Chat' });
  await expect(reply).toHaveValue(/^Gracias por escribir a Brightwave, le atiende Ava\./);
  await expect(reply).toHaveAttribute('lang', 'es-ES');
  await expect(reply).toHaveAttribute('dir', 'auto');

  // On to "set expectations": the line waits for the promise, and says how to insert it in Ava's German, apart from the Spanish.
  for (let stage = 0; stage < 4; stage += 1) await page.keyboard.press('ArrowRight');
  await expect(script.getByRole('tab').nth(4)).toHaveAttribute('aria-selected', 'true');
  const promiseLine = script.getByTestId('script-step-text').filter({ hasText: 'Para que sepa exactamente qué pasará ahora:' });
  const hint = promiseLine.getByTestId('script-hint');
  await expect(hint).toHaveText('Drücken Sie Alt+P, um die Zusage einzufügen');
  await expect(hint).toHaveAttribute('lang', 'de');
  await expect(hint.locator('kbd')).toHaveText('Alt+P');
  await expect(promiseLine).not.toContainText('press');
  await expect(script.getByRole('checkbox', { name: /Drücken Sie Alt\+P, um die Zusage einzufügen/ })).toBeVisible();
  await expect(script.getByRole('combobox', { name: 'Skript' })).toHaveText(/^Reclamación de factura \(v\d+\)$/);
  await hint.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/contact-de-promise-hint.png', animations: 'disabled' });

  // The promise, worded for the customer on their clock, in Spanish.
  const promiseText = script.getByTestId('promise-text');
  await expect(promiseText).toHaveText(SPANISH_PROMISE);
  await expect(promiseText).toHaveAttribute('lang', 'es');
  const promise = (await promiseText.textContent())!;
  // When it is due, on both clocks, is for Ava: in German.
  await expect(script.getByRole('alert')).not.toContainText(/Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Europe\//);

  // Alt+P: into the reply, and into the script's line in place of the hint.
  await page.keyboard.press('Alt+p');
  await expect(reply).toHaveValue(new RegExp(`${escape(promise)}$`));
  await expect(promiseLine).toContainText(`Para que sepa exactamente qué pasará ahora: ${promise}`);
  await expect(promiseLine.getByTestId('script-hint')).toHaveCount(0);
  expect(await seriousViolations(page), 'the contact screen in German with a Spanish script, light').toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousViolations(page), 'the contact screen in German with a Spanish script, dark').toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });

  // Ctrl+Enter sends it: the customer reads the greeting and the promise.
  await reply.focus();
  await page.keyboard.press('Control+Enter');
  const sent = page.getByTestId('conversation-message').filter({ hasText: promise });
  await expect(sent).toContainText('Sie ·');
  await expect(sent.getByTestId('not-sent')).toHaveCount(0);
  await expect(reply).toHaveValue('');
  await screenshots(page, 'de');

  // The same screen in Spanish and mirrored right to left: the customer's words keep their language and run left to right.
  for (const locale of ['es', 'ar-XB']) {
    await switchLocale(page, locale);
    const conversation = page.getByTestId('conversation-text').filter({ hasText: body });
    await expect(conversation).toHaveAttribute('lang', 'es-ES');
    await page.getByRole('region', { name: /Reclamación de factura/ }).getByRole('tab').nth(4).click();
    await expect(page.getByTestId('script-step-text').filter({ hasText: promise })).toHaveAttribute('lang', /^es\b/);
    if (locale === 'ar-XB') {
      await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
      expect(await conversation.evaluate((element) => getComputedStyle(element).direction)).toBe('ltr');
      expect(await page.getByTestId('script-step-text').first().evaluate((element) => getComputedStyle(element).direction)).toBe('ltr');
    }
    await screenshots(page, locale);
  }

  // Back in German, Alt+E: the wrap-up, from the keyboard.
  await switchLocale(page, 'de');
  await waitForSync(page);
  await expect(page.getByTestId('contact-status')).toContainText('Bei Ihnen');
  await expect(page.getByRole('button', { name: 'Gespräch beenden' })).toBeVisible();
  await page.keyboard.press('Alt+e');
  const disposition = page.getByRole('combobox', { name: 'Abschlusscode' });
  await expect(disposition).toBeFocused();
  await page.keyboard.press('Enter');
  await page.getByRole('option', { name: 'Auskunft erteilt' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Noch nicht' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'CSAT 4' }).focus();
  await page.keyboard.press('Enter');
  // The planner follows the promise up before it is due; Ava accepts, then finishes.
  const suggested = page.getByTestId('suggested-follow-up');
  await expect(suggested).toHaveCount(1);
  await expect(suggested).toContainText(promise);
  // Why, in Ava's German (the promise quoted in the customer's Spanish): the follow-up keeps it as its reason.
  const why = `${customer.firstName} wurde zugesagt: „${promise}“.`;
  await expect(suggested).toContainText(why);
  await suggested.getByRole('button', { name: 'Annehmen' }).focus();
  await page.keyboard.press('Enter');
  await expect(suggested).toContainText('Wird geplant');
  await page.screenshot({ path: 'test-results/screenshots/contact-de-wrap-up.png' });
  expect(await seriousViolations(page), 'the wrap-up in German').toEqual([]);
  await page.keyboard.press('Control+Enter');
  await expect(page).toHaveURL(/\/queue$/);
  await expect(page.getByText('Nachbearbeitung abgeschlossen: Auskunft erteilt.', { exact: false })).toBeVisible();

  // Stored as the hub keeps it: the English disposition, the Spanish promise, and the Spanish reply.
  await waitForSync(page);
  const after = await pullAll(request, await login(request, 'sam'));
  const stored = after.find((c) => c.op === 'put' && c.entity === 'contact' && c.id === posted.contactId) as { row: Contact } | undefined;
  expect(stored?.row).toMatchObject({ disposition: 'Information given', resolution: 'unresolved', agentId: 'usr_ava' });
  expect(stored?.row.promise?.text).toBe(promise);
  const followUp = after.find((c) => c.op === 'put' && c.entity === 'followUp' && (c.row as FollowUp).contactId === posted.contactId) as { row: FollowUp } | undefined;
  expect(followUp?.row).toMatchObject({ ruleId: 'promise', reason: expect.stringMatching(new RegExp(`^${escape(why)} .* vor Ablauf der Frist`)) });
  const replies = after.flatMap((c) => (c.op === 'put' && c.entity === 'contact' ? [c.row as Contact] : [])).filter((row) => row.parentId === posted.contactId && row.direction === 'outbound');
  expect(replies.map((row) => row.body)).toEqual([expect.stringMatching(new RegExp(`^Gracias por escribir a Brightwave.*${escape(promise)}$`, 's'))]);
  await context.close();
});

/** A text as a regular expression that matches it literally. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

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
