import { expect, test } from './fixtures';
import type { FollowUp } from '@core/domain/model';
import { seriousViolations, signIn, waitForSync } from './helpers';
import { login, postContact, pullAll, pushAs } from './api';

declare global {
  interface Window {
    /** Notifications the workstation showed (recorded instead of reaching the desktop). */
    __notifications?: { title: string; body: string; tag?: string; onclick: (() => void) | null }[];
  }
}

// The page's clock runs from the run's now, and can be moved forward to the follow-up's time.
test.use({ controlledClock: true });

test('a follow-up planned at wrap-up is in the agenda, reminded at its time, completed, and its outcome lands in the timeline', async ({ page, request }) => {
  test.setTimeout(120_000);
  // Notifications are recorded as the workstation shows them; clicking one is calling its handler, as the OS would.
  await page.addInitScript(() => {
    const shown: NonNullable<Window['__notifications']> = [];
    class RecordedNotification {
      static permission = 'granted';
      static requestPermission = () => Promise.resolve('granted');
      onclick: (() => void) | null = null;
      title: string;
      body: string;
      tag?: string;
      constructor(title: string, options?: { body?: string; tag?: string }) {
        this.title = title;
        this.body = options?.body ?? '';
        this.tag = options?.tag;
        shown.push(this);
      }
      close() {}
      addEventListener(type: string, listener: () => void) {
        if (type === 'click') this.onclick = listener;
      }
    }
    window.__notifications = shown;
    (window as unknown as { Notification: unknown }).Notification = RecordedNotification;
  });

  // A customer calls about a broken router; nobody else is available, and Ava takes the call.
  const benToken = await login(request, 'ben');
  await pushAs(request, benToken, [{ name: 'presence.set', args: { presence: 'away' } }]);
  const lastName = `Okonkwo-${Date.now().toString(36)}`;
  const posted = await postContact(request, {
    channel: 'call',
    from: { phone: `+4479460${String(Date.now()).slice(-5)}` },
    name: { firstName: 'Ngozi', lastName },
    subject: 'Router keeps restarting',
    body: 'The router restarts every few hours since the update.',
  });
  const avaToken = await login(request, 'ava');
  expect(await pushAs(request, avaToken, [{ name: 'contact.claim', args: { contactId: posted.contactId } }])).toEqual([{ id: 1, status: 'applied' }]);
  // Ava's other follow-ups of the coming days are cleared, so this one's reminder is the only one going off.
  const others = (await pullAll(request, avaToken))
    .flatMap((change) => (change.op === 'put' && change.entity === 'followUp' ? [change.row as FollowUp] : []))
    .filter((row) => row.ownerId === 'usr_ava' && row.state === 'scheduled' && row.dueAt < Date.now() + 5 * 86_400_000);
  await pushAs(request, avaToken, others.map((row) => ({ name: 'followUp.cancel', args: { id: row.id, reason: 'Handled on another call' } })));

  await signIn(page, 'ava', 'demo', `/contact?id=${posted.contactId}`);
  await waitForSync(page);
  await expect(page.getByRole('heading', { level: 1, name: `Ngozi ${lastName}` })).toBeVisible();

  // Wrap-up from the keyboard: not resolved, so the planner suggests calling back the next business day.
  await page.keyboard.press('Alt+e');
  await expect(page.getByLabel('Disposition')).toBeFocused();
  await page.keyboard.press('Enter');
  await page.getByRole('option', { name: 'Fault logged with the network team' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Not yet' }).focus();
  await page.keyboard.press('Enter');
  const suggested = page.getByTestId('suggested-follow-up');
  await expect(suggested).toHaveCount(1);
  await expect(suggested).toContainText('Callback by call');
  await expect(suggested).toContainText('Not resolved on the call');
  // Why that time, formatted by the screen from the planner's message.
  await expect(suggested).toContainText(/\b\d\d:\d\d your time\b/);
  await suggested.getByRole('button', { name: 'Accept' }).focus();
  await page.keyboard.press('Enter');
  await expect(suggested).toContainText('Will be planned');
  await page.screenshot({ path: 'test-results/screenshots/follow-up-wrapup.png', fullPage: true });
  await page.keyboard.press('Control+Enter');
  await expect(page).toHaveURL(/\/queue$/);
  await expect(page.getByText(/1 follow-up planned/)).toBeVisible();

  // The agenda lists it with the customer's name; the week shows it on its day.
  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('heading', { level: 1, name: 'Follow-ups' })).toBeFocused();
  const row = page.getByTestId('agenda-row').filter({ hasText: lastName });
  await expect(row).toContainText('Callback');
  await expect(row).toContainText('Not resolved on the call');
  await page.screenshot({ path: 'test-results/screenshots/follow-up-agenda.png' });
  // Chosen in the agenda, the week opens on its week (the next business day may be next week), with it focused.
  await row.click();
  await page.getByRole('tab', { name: 'Week' }).click();
  await expect(page.getByTestId('week-item').filter({ hasText: lastName })).toBeFocused();
  await page.screenshot({ path: 'test-results/screenshots/follow-up-week.png' });
  await page.getByRole('tab', { name: 'Agenda' }).click();

  // The planned time, as the hub has it.
  await waitForSync(page);
  const followUp = (await pullAll(request, avaToken))
    .flatMap((change) => (change.op === 'put' && change.entity === 'followUp' ? [change.row as FollowUp] : []))
    .find((candidate) => candidate.contactId === posted.contactId);
  expect(followUp).toMatchObject({ ruleId: 'unresolved', kind: 'callback', channel: 'call', ownerId: 'usr_ava', state: 'scheduled' });

  // Nothing goes off before its time…
  expect(await page.evaluate(() => window.__notifications!.filter((n) => n.title.includes('Okonkwo')).length)).toBe(0);
  // …and at its time the reminder does.
  const pageNow = await page.evaluate(() => Date.now());
  await page.clock.fastForward(Math.max(0, followUp!.dueAt - pageNow) + 1_000);
  await expect.poll(() => page.evaluate((name) => window.__notifications!.filter((n) => n.title.includes(name)).map((n) => n.title), lastName), { timeout: 20_000 }).toEqual([
    `Callback due: Ngozi ${lastName}`,
  ]);

  // Clicking the reminder opens the customer.
  await page.evaluate((name) => window.__notifications!.find((n) => n.title.includes(name))!.onclick?.(), lastName);
  await expect(page.getByRole('heading', { level: 1, name: `Ngozi ${lastName}` })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/customer\\?id=${posted.customerId}`));

  // Done from the profile: reached, with a note and the customer's satisfaction asked again.
  const profileFollowUp = page.getByTestId('customer-follow-up').filter({ hasText: 'Callback' });
  await profileFollowUp.getByRole('button', { name: /^Complete the callback/ }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /^Complete: callback with Ngozi/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: 'Reached' })).toBeFocused();
  await page.keyboard.press('Space');
  await dialog.getByLabel('Note for the history').fill('Firmware rolled back; router stable since this morning.');
  await dialog.getByRole('button', { name: 'CSAT 5' }).click();
  await page.screenshot({ path: 'test-results/screenshots/follow-up-complete.png' });
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();

  // The outcome is in the customer's history, and nothing is left open.
  const outcome = page.getByTestId('timeline-entry').filter({ hasText: 'Callback: reached' });
  await expect(outcome).toContainText('Firmware rolled back; router stable since this morning.');
  await expect(page.getByTestId('customer-follow-ups')).toContainText('None planned.');
  await expect(page.getByTestId('customer-follow-ups')).toContainText('Callback done: reached');
  await page.screenshot({ path: 'test-results/screenshots/follow-up-timeline.png' });
  await waitForSync(page);
  const done = (await pullAll(request, avaToken)).find((change) => change.op === 'put' && change.entity === 'followUp' && change.id === followUp!.id);
  expect(done && 'row' in done ? done.row : null).toMatchObject({ state: 'done', outcome: 'reached', completedBy: 'usr_ava' });
});

test('a follow-up planned outside the customer’s hours, or near another of theirs, is warned about on their clock and can still be planned', async ({ page, request }) => {
  test.setTimeout(90_000);
  const stamp = Date.now().toString(36);
  const posted = await postContact(request, { channel: 'chat', from: { email: `ana.${stamp}@example.com` }, name: { firstName: 'Ana', lastName: `Ruiz-${stamp}` }, subject: 'Question about my contract', body: 'When does my contract end?' });
  const avaToken = await login(request, 'ava');
  // Ana lives in Madrid, an hour ahead of Ava in London all year (both change their clocks at the same instant).
  expect(await pushAs(request, avaToken, [{ name: 'customer.update', args: { customerId: posted.customerId, patch: { timeZone: 'Europe/Madrid' } } }])).toEqual([{ id: 1, status: 'applied' }]);
  // Tomorrow on Ava's clock, a callback to Ana is already due at 10:00.
  const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(Date.now() + 86_400_000);
  const londonTen = await page.evaluate((day) => {
    // 10:00 in London that day: UTC or UTC+1 depending on the season.
    for (const offset of [0, 1]) {
      const at = Date.parse(`${day}T${String(10 - offset).padStart(2, '0')}:00:00Z`);
      if (new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' }).format(at) === '10') return at;
    }
    throw new Error('no 10:00');
  }, tomorrow);
  expect(await pushAs(request, avaToken, [{ name: 'followUp.schedule', args: { id: crypto.randomUUID(), customerId: posted.customerId, kind: 'callback', channel: 'call', dueAt: londonTen, reason: 'Contract end date' } }])).toEqual([
    { id: 1, status: 'applied' },
  ]);

  await signIn(page, 'ava', 'demo', `/customer?id=${posted.customerId}`);
  await waitForSync(page);
  await page.getByTestId('customer-follow-ups').getByRole('button', { name: 'Plan' }).click();
  const dialog = page.getByRole('dialog', { name: /Plan a follow-up with Ana/ });
  const due = dialog.getByLabel('Due');

  // 20:30 for Ava is 21:30 for Ana: outside the hours customers are contacted, said on Ana's clock.
  await due.fill(`${tomorrow}T20:30`);
  const warning = dialog.getByTestId('due-warning');
  await expect(warning).toHaveText('That is 21:30 for Ana (Europe/Madrid), outside Ana’s contact hours 08:00–20:00.');
  await expect(due).toHaveAttribute('aria-describedby', /warnings/);
  await dialog.screenshot({ path: 'test-results/screenshots/follow-up-out-of-hours.png' });

  // 10:30 suits Ana's hours, but she already has a callback at 10:00.
  await due.fill(`${tomorrow}T10:30`);
  await expect(warning).toHaveText('Ana already has a follow-up due at 10:00 your time, 30 minutes before this one.');

  // 14:00 is fine: no warning.
  await due.fill(`${tomorrow}T14:00`);
  await expect(warning).toHaveCount(0);

  // A warning is not a refusal: Ana asked for the late call, and it is planned.
  await due.fill(`${tomorrow}T20:30`);
  await expect(warning).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByLabel('Why').fill('Ana asked for a call after work');
  await dialog.getByRole('button', { name: 'Plan it' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('customer-follow-ups')).toContainText('Ana asked for a call after work');
});
