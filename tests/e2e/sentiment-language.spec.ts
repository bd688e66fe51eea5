import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { seriousViolations, signIn, waitForSync } from './helpers';
import { login, postContact, pushAs } from './api';

/** An email from someone new, taken by Sam (a supervisor takes whatever it is offered to), open on Sam's screen. */
async function openNewEmail(page: Page, request: APIRequestContext, subject: string, body: string, signedIn: boolean): Promise<void> {
  const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const posted = await postContact(request, { channel: 'email', from: { email: `sentiment-${stamp}@example.com` }, subject: `${subject} (${stamp})`, body });
  expect(await pushAs(request, await login(request, 'sam'), [{ name: 'contact.claim', args: { contactId: posted.contactId } }])).toMatchObject([{ status: 'applied' }]);
  if (signedIn) await page.goto(`/contact?id=${posted.contactId}`);
  else await signIn(page, 'sam', 'demo', `/contact?id=${posted.contactId}`);
  await waitForSync(page);
}

const situation = (page: Page) => page.getByRole('list', { name: 'The customer’s situation' });

test('sentiment in the customer’s language: German anger reads as upset, Portuguese is said plainly not to be read', async ({ page, request }) => {
  test.setTimeout(120_000);

  // A German customer, angry: the same "upset" situation an English one gets, with their own words as the cue.
  await openNewEmail(page, request, 'Störung', 'Das Internet funktioniert immer noch nicht. Ich rufe jetzt zum dritten Mal an, eine Frechheit!', false);
  await expect(situation(page).getByRole('listitem').filter({ hasText: /frechheit/ })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('sentiment-not-read')).toHaveCount(0);

  // A Portuguese message: no score pretending to know, and a plain note why.
  await openNewEmail(page, request, 'Internet', 'Olá, a minha internet não funciona há três dias. Estou muito chateado com o serviço.', true);
  const note = page.getByTestId('sentiment-not-read');
  await expect(note).toHaveText('Sentiment not read: messages in Portuguese are not analysed', { timeout: 20_000 });
  await expect(situation(page).getByRole('listitem').filter({ hasText: /upset/i })).toHaveCount(0);
  expect(await seriousViolations(page), 'not-read note').toEqual([]);
  await page.screenshot({ path: 'test-results/screenshots/sentiment-not-read-en.png' });

  // In the agent's German, the language is named in German.
  await page.evaluate(() => localStorage.setItem('agentdesk.locale', 'de'));
  await page.reload();
  await expect(note).toHaveText('Stimmung nicht ausgewertet: Nachrichten auf Portugiesisch werden nicht analysiert', { timeout: 20_000 });
  await page.screenshot({ path: 'test-results/screenshots/sentiment-not-read-de.png' });
  await page.evaluate(() => localStorage.setItem('agentdesk.locale', 'es'));
  await page.reload();
  await expect(note).toHaveText('Sentimiento no evaluado: los mensajes en portugués no se analizan', { timeout: 20_000 });
  await page.evaluate(() => localStorage.removeItem('agentdesk.locale'));
});
