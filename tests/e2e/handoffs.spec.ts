import type { Page } from '@playwright/test';
import { expect, newDesktop, test } from './fixtures';
import type { QueueItem } from '@core/domain/model';
import { login, postContact, pullAll, pushAs } from './api';
import { seriousViolations, settled, signIn, waitForSync } from './helpers';

/** Light and dark: a screenshot of the settled screen, and axe finds nothing serious. */
async function shoot(page: Page, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await settled(page);
    await page.screenshot({ path: `test-results/screenshots/${name}-${scheme}.png` });
    expect(await seriousViolations(page), `${name}, ${scheme}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function choose(page: Page, label: string, option: RegExp | string): Promise<void> {
  await page.getByRole('combobox', { name: label }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('option', { name: option }).click();
}

/** A new chat from someone nobody has seen, waiting in the care team's queue; Ava takes it from its page, by keyboard. */
async function avaTakesANewChat(ava: Page, request: Parameters<typeof postContact>[0], sender: string, firstName: string, lastName: string): Promise<string> {
  const posted = await postContact(request, { channel: 'chat', from: { email: sender }, name: { firstName, lastName }, subject: 'Router keeps dropping', body: 'Third time this week the internet drops.', topic: 'technical' });
  await ava.goto(`/contact?id=${encodeURIComponent(posted.contactId)}`);
  const take = ava.getByRole('button', { name: 'Take this contact' });
  await take.focus();
  await ava.keyboard.press('Enter');
  await expect(ava.getByTestId('contact-status')).toHaveText(/With you/);
  return posted.contactId;
}

test('Ava asks for help, Sam sees it on the floor and transfers the chat to Ben with a note; Ava asks Ben in with an @mention; a transfer to someone offline is explained', async ({ page: ava, browser, request }) => {
  test.setTimeout(180_000);
  // Nobody of the care team is taking work, so nothing is offered away from under the test; Ben has finished
  // whatever he held (someone holding a contact is not offered another).
  for (const name of ['ava', 'ben', 'chloe', 'diego']) await pushAs(request, await login(request, name), [{ name: 'presence.set', args: { presence: 'away' } }]);
  const benToken = await login(request, 'ben');
  const held = (await pullAll(request, benToken)).flatMap((change) =>
    change.op === 'put' && change.entity === 'queueItem' && (change.row as QueueItem).assigneeId === 'usr_ben' && (change.row as QueueItem).state !== 'done' ? [change.row as QueueItem] : [],
  );
  await pushAs(
    request,
    benToken,
    held.flatMap((item) => [
      ...(item.state === 'claimed' ? [{ name: 'contact.endConversation', args: { contactId: item.id } }] : []),
      { name: 'contact.wrapUp', args: { contactId: item.id, disposition: 'Information given', resolution: 'resolved' } },
    ]),
  );
  await pushAs(request, benToken, [{ name: 'presence.set', args: { presence: 'away' } }]);
  const stamp = Date.now();

  const samContext = await newDesktop(browser);
  const sam = await samContext.newPage();
  const benContext = await newDesktop(browser);
  const ben = await benContext.newPage();
  await signIn(sam, 'sam', 'demo', '/floor');
  await signIn(ben, 'ben');
  await signIn(ava, 'ava');
  await Promise.all([waitForSync(sam), waitForSync(ben), waitForSync(ava)]);

  // Ava takes a chat and asks for help, from the keyboard.
  await avaTakesANewChat(ava, request, `robin.${stamp}@example.com`, 'Robin', 'Hale');
  await ava.keyboard.press('Alt+h');
  await ava.getByLabel('What do you need?').fill('The customer wants a discount I cannot give.');
  await ava.keyboard.press('Control+Enter');
  await expect(ava.getByTestId('escalation')).toContainText('You asked a supervisor for help');

  // Sam is on the floor view: Ava's row says so within two seconds, and the bell has it.
  await expect(sam.getByRole('heading', { level: 1, name: 'Floor' })).toBeVisible();
  await expect(sam.getByTestId('floor-agent').filter({ hasText: 'Ava Thompson' })).toContainText('asks for help', { timeout: 2_000 });
  await shoot(sam, 'floor');

  // Ben is ready for work: the hub knows he is available.
  await ben.getByRole('button', { name: /^Presence: / }).click();
  await ben.getByRole('menuitem', { name: 'Available' }).click();
  await expect(ben.getByRole('button', { name: /^Presence: Available/ })).toBeVisible();

  // Sam opens the request from the bell and transfers the chat to Ben with a note.
  await sam.getByRole('button', { name: /^Notifications, \d+ unread/ }).click();
  await sam.getByRole('menuitem', { name: /Ava asks for help with Robin Hale/ }).click();
  await expect(sam.getByTestId('escalation')).toContainText('Ava asks for help');
  await sam.keyboard.press('Alt+t');
  await choose(sam, 'Offer it to', /^Ben Okafor/);
  await sam.getByLabel('Reason').fill('Retention offer');
  await sam.getByLabel('Note for the next agent').fill('Offer the loyalty discount first; she has been patient.');
  await shoot(sam, 'transfer-dialog');
  await sam.keyboard.press('Control+Enter');
  await expect(sam.getByText('Transferred to Ben Okafor.')).toBeVisible();

  // Ben is offered it and reads the note first; Ava is told it has gone.
  await ben.goto('/queue');
  await expect(ben.getByTestId('offer')).toContainText('Robin Hale');
  await expect(ben.getByTestId('handoff-note')).toContainText('Transferred by Sam Rivera');
  await expect(ben.getByTestId('handoff-note')).toContainText('Offer the loyalty discount first; she has been patient.');
  await shoot(ben, 'handoff-offer');
  await ben.keyboard.press('a');
  await expect(ben).toHaveURL(/\/contact\?id=/);
  await expect(ben.getByTestId('handoff-note')).toContainText('Retention offer');
  await expect(ava.getByRole('button', { name: /^Notifications, \d+ unread/ })).toBeVisible();

  // Ava asks Ben in on the customer's history with an @mention, from the keyboard.
  await ava.getByLabel('Add a note').focus();
  await ava.keyboard.type('@ben did the discount work? The router fault is logged too.');
  await expect(ava.getByText('Notifies Ben Okafor')).toBeVisible();
  await ava.keyboard.press('Control+Enter');
  await ben.getByRole('button', { name: /^Notifications, \d+ unread/ }).click();
  await expect(ben.getByRole('menuitem', { name: /Ava mentioned you about Robin Hale: @ben did the discount work\?/ })).toBeVisible();
  await expect(ben.getByRole('menuitem', { name: /Sam transferred a chat to you: Retention offer/ })).toBeVisible();
  await ben.keyboard.press('Escape');

  // Ben goes offline; Ava, who cannot see his presence, transfers her next chat to him: the hub says why not.
  await pushAs(request, await login(request, 'ben'), [{ name: 'presence.set', args: { presence: 'offline' } }]);
  await avaTakesANewChat(ava, request, `kim.${stamp}@example.com`, 'Kim', 'Park');
  await ava.keyboard.press('Alt+t');
  await choose(ava, 'Offer it to', /^Ben Okafor/);
  await ava.getByLabel('Reason').fill('Knows the case');
  await ava.keyboard.press('Control+Enter');
  await expect(ava.getByRole('alert').filter({ hasText: 'A transfer was not saved' })).toContainText('Ben is offline: the contact was not transferred. Choose someone available, or a queue.');
  // The chat is still hers.
  await expect(ava.getByRole('region', { name: 'Your contacts' }).or(ava.locator('section[aria-labelledby="mine-title"]'))).toContainText('Kim Park');

  await samContext.close();
  await benContext.close();
});
