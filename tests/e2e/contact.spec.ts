import type { Page } from '@playwright/test';
import { expect, test, newDesktop } from './fixtures';
import type { Contact, Customer, FollowUp, QueueItem } from '@core/domain/model';
import { seriousViolations, signIn, waitForSync } from './helpers';
import { login, postContact, pullAll, pushAs } from './api';

const DAY = 86_400_000;
/** The promise names the customer's own clock, in the customer's language (which customer the demo offers depends on the day). */
const ON_THEIR_CLOCK = /your time|Ihrer Ortszeit|su hora local/;

/** A customer of Ava's team who has contacted us exactly twice in the last 7 days and is not waiting right now. */
async function repeatCustomer(request: Parameters<typeof login>[0]): Promise<Customer> {
  const token = await login(request, 'ben');
  const changes = await pullAll(request, token);
  const rows = (entity: string) => changes.filter((c) => c.op === 'put' && c.entity === entity).map((c) => (c as { row: unknown }).row);
  const contacts = rows('contact') as Contact[];
  const open = new Set((rows('queueItem') as QueueItem[]).filter((item) => item.state !== 'done').map((item) => item.customerId));
  const weekAgo = Date.now() - 7 * DAY;
  const counts = new Map<string, number>();
  for (const contact of contacts) {
    if (contact.direction === 'inbound' && contact.channel !== 'note' && contact.at >= weekAgo) counts.set(contact.customerId, (counts.get(contact.customerId) ?? 0) + 1);
  }
  const customer = (rows('customer') as Customer[]).find((c) => counts.get(c.id) === 2 && !open.has(c.id) && c.emails.length > 0 && c.tier !== 'vip');
  expect(customer, 'the demo data has a customer who contacted us twice this week').toBeDefined();
  return customer!;
}

/**
 * The scene: Ben has taken the care team's backlog, and Ava has finished the
 * contact she had in hand, so the next chat is the one offered to her.
 */
async function clearTheDeck(request: Parameters<typeof login>[0]): Promise<void> {
  const benToken = await login(request, 'ben');
  const changes = await pullAll(request, benToken);
  const rows = (entity: string) => changes.filter((c) => c.op === 'put' && c.entity === entity).map((c) => (c as { row: unknown }).row);
  const careQueues = new Set((rows('queue') as { id: string; teamId: string }[]).filter((q) => q.teamId === 'team_care').map((q) => q.id));
  const items = rows('queueItem') as QueueItem[];
  const backlog = items.filter((item) => item.state === 'waiting' && careQueues.has(item.queueId));
  await pushAs(request, benToken, backlog.map((item) => ({ name: 'contact.claim', args: { contactId: item.id } })));
  const avaToken = await login(request, 'ava');
  const avas = items.filter((item) => item.assigneeId === 'usr_ava' && item.state !== 'done');
  await pushAs(
    request,
    avaToken,
    avas.flatMap((item) => [
      { name: 'contact.endConversation', args: { contactId: item.id } },
      { name: 'contact.wrapUp', args: { contactId: item.id, disposition: 'Information given', resolution: 'resolved' } },
    ]),
  );
}

async function setPresence(page: Page, presence: 'Available' | 'Away') {
  await page.getByRole('button', { name: /^Presence: / }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: presence }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: new RegExp(`^Presence: ${presence}`) })).toBeVisible();
}

test('one contact start to finish, from the keyboard: offered, taken, scripted with empathy, promised, wrapped up', async ({ browser, request }, testInfo) => {
  test.setTimeout(180_000);
  const customer = await repeatCustomer(request);
  await clearTheDeck(request);
  const avaContext = await newDesktop(browser);
  const benContext = await newDesktop(browser);
  const ava = await avaContext.newPage();
  const ben = await benContext.newPage();
  await signIn(ava, 'ava');
  await signIn(ben, 'ben');
  await waitForSync(ava);
  await waitForSync(ben);
  await setPresence(ava, 'Available');
  await waitForSync(ava);

  // A chat arrives through the integration API.
  const subject = `Broadband keeps dropping (${Date.now()})`;
  const posted = await postContact(request, {
    channel: 'chat',
    from: { email: customer.emails[0] },
    subject,
    body: 'Hi, my broadband has dropped again this evening. This is the third time I have had to get in touch this week and it is still not fixed.',
  });
  expect(posted.customerId).toBe(customer.id);
  expect(posted.offeredTo).toBe('usr_ava');

  // Ben sees it waiting in the team queue, offered to someone else.
  await ben.keyboard.press('Alt+1');
  const benRow = ben.getByTestId('queue-row').filter({ hasText: subject });
  await expect(benRow).toBeVisible({ timeout: 20_000 });

  // Ava is looking at her follow-ups: the offer comes to her there, and she takes it with A.
  await ava.keyboard.press('Alt+3');
  await expect(ava.getByRole('heading', { level: 1, name: 'Follow-ups' })).toBeVisible();
  const offer = ava.getByTestId('offer');
  await expect(offer).toContainText(`Chat offered to you: ${customer.firstName}`, { timeout: 20_000 });
  await expect(ava).toHaveURL(/\/follow-ups/);
  await ava.screenshot({ path: 'test-results/screenshots/queue-offer.png' });
  expect(await seriousViolations(ava), 'offer banner, light').toEqual([]);
  await ava.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousViolations(ava), 'offer banner, dark').toEqual([]);
  await ava.screenshot({ path: 'test-results/screenshots/offer-banner-dark.png' });
  await ava.emulateMedia({ colorScheme: 'light' });
  await ava.keyboard.press('a');
  await expect(ava).toHaveURL(new RegExp(`/contact\\?id=${posted.contactId}`));
  await expect(ava.getByTestId('contact-status')).toContainText('With you');

  // The history is there before saying hello.
  const history = ava.getByRole('feed', { name: 'Contacts, newest first' });
  await expect(history.getByTestId('timeline-entry').first()).toBeVisible();
  await expect(ava.getByRole('region', { name: 'Profile' })).toContainText('in 7 days');

  // The script walks the conversation; the repeat-contact empathy line is offered.
  await ava.keyboard.press('Alt+s');
  const script = ava.getByRole('region', { name: /^Script/ });
  await expect(script).toBeVisible();
  await expect(script.getByRole('listitem', { name: /Repeat contact.*3 contacts in 7 days/ })).toBeVisible();
  // Greet: tick the first step, then on through the stages.
  await ava.keyboard.press('Space');
  await ava.keyboard.press('ArrowRight');
  await ava.keyboard.press('ArrowRight');
  const empathyLine = script.getByRole('checkbox', { name: /times this week/ });
  await expect(empathyLine).toBeVisible();
  await empathyLine.focus();
  await ava.keyboard.press('Space');
  await expect(empathyLine).toBeChecked();
  await ava.keyboard.press('i');
  await expect(ava.getByLabel('Reply by chat')).toHaveValue(/times this week/);
  await ava.screenshot({ path: 'test-results/screenshots/contact-script.png' });

  // The promise, computed from the SLA, business hours and the customer's time zone, goes into the reply.
  await ava.keyboard.press('Alt+p');
  await expect(ava.getByLabel('Reply by chat')).toHaveValue(ON_THEIR_CLOCK);
  await ava.getByLabel('Reply by chat').focus();
  await ava.keyboard.press('Control+Enter');
  await expect(ava.getByTestId('conversation-message').filter({ hasText: ON_THEIR_CLOCK })).toBeVisible();

  // End the conversation and wrap up with CSAT 4.
  await ava.keyboard.press('Alt+e');
  const disposition = ava.getByLabel('Disposition');
  await expect(disposition).toBeFocused();
  await ava.keyboard.press('Enter');
  await ava.getByRole('option', { name: 'Fault logged with the network team' }).focus();
  await ava.keyboard.press('Enter');
  await ava.getByRole('button', { name: 'Not yet' }).focus();
  await ava.keyboard.press('Enter');
  await ava.getByRole('button', { name: 'CSAT 4' }).focus();
  await ava.keyboard.press('Enter');
  // The planner suggests following up before the promised moment; finishing waits for Ava to decide, and she accepts.
  const suggested = ava.getByTestId('suggested-follow-up');
  await expect(suggested).toHaveCount(1);
  await expect(suggested).toContainText(/Promised /);
  await expect(suggested).toContainText(ON_THEIR_CLOCK);
  // When Ava's working hours leave no time before the promise (a Friday evening, a promise due on Saturday), the suggestion says so.
  const suggestionText = (await suggested.textContent()) ?? '';
  await ava.keyboard.press('Control+Enter');
  await expect(ava.getByRole('alert')).toContainText('Accept, edit or dismiss the suggested follow-up first');
  await suggested.getByRole('button', { name: 'Accept' }).focus();
  await ava.keyboard.press('Enter');
  await expect(suggested).toContainText('Will be planned');
  await ava.screenshot({ path: 'test-results/screenshots/contact-wrapup.png', fullPage: true });
  await ava.keyboard.press('Control+Enter');
  await expect(ava).toHaveURL(/\/queue$/);

  // Done: in the customer's timeline, out of Ava's queue, and Ben's queue updated without a reload.
  await expect(ava.getByTestId('queue-row').filter({ hasText: subject })).toHaveCount(0);
  await expect(benRow).toHaveCount(0, { timeout: 20_000 });
  await ava.goto(`/customer?id=${customer.id}`);
  // The chat, with Ava's reply threaded under it.
  const entries = ava.getByTestId('timeline-entry').filter({ hasText: subject });
  await expect(entries).toHaveCount(1);
  await expect(entries.getByTestId('timeline-reply')).toContainText('Ava Thompson');
  await waitForSync(ava);
  const token = await login(request, 'sam');
  const after = await pullAll(request, token);
  const stored = after.find((c) => c.op === 'put' && c.entity === 'contact' && c.id === posted.contactId) as { row: Contact } | undefined;
  expect(stored?.row).toMatchObject({ disposition: 'Fault logged with the network team', resolution: 'unresolved', agentId: 'usr_ava' });
  expect(stored?.row.adherence?.done.length).toBeGreaterThanOrEqual(2);
  expect(stored?.row.promise?.text).toMatch(ON_THEIR_CLOCK);
  const survey = after.flatMap((c) => (c.op === 'put' && c.entity === 'survey' ? [c.row as { contactId: string; csat: number | null }] : [])).find((row) => row.contactId === posted.contactId);
  expect(survey?.csat).toBe(4);
  const planned = after.flatMap((c) => (c.op === 'put' && c.entity === 'followUp' ? [c.row as FollowUp] : [])).filter((row) => row.contactId === posted.contactId);
  expect(planned).toHaveLength(1);
  expect(planned[0]).toMatchObject({ ruleId: 'promise', ownerId: 'usr_ava', state: 'scheduled' });
  if (planned[0]!.dueAt > stored!.row.promise!.dueAt) expect(suggestionText).toContain('Later than wanted: nothing fits by');
  else expect(planned[0]!.dueAt).toBeLessThanOrEqual(stored!.row.promise!.dueAt);
  await ava.screenshot({ path: testInfo.outputPath('timeline-after.png') });

  await avaContext.close();
  await benContext.close();
});
