import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../../playwright.config';
import { expect, shiftPageDate, test } from './fixtures';
import { seriousViolations, signIn, waitForSync } from './helpers';
import { login, postContact, pushAs } from './api';

/** A browser on a profile of its own, so closing and launching it again is a restart of the workstation. */
async function launchDesktop(profile: string, baseURL: string): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(profile, { ...chromiumLaunchOptions, baseURL, viewport: { width: 1440, height: 900 } });
  await shiftPageDate(context);
  return context;
}

/** A chat from a new customer, taken by Ava (nobody else is offered it). */
async function avasChat(request: Parameters<typeof login>[0], subject: string): Promise<{ contactId: string; customerId: string; name: string }> {
  await pushAs(request, await login(request, 'ben'), [{ name: 'presence.set', args: { presence: 'away' } }]);
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
  const lastName = `Draftsworth-${stamp}`;
  const posted = await postContact(request, {
    channel: 'chat',
    from: { email: `drafts.${stamp}@example.com` },
    name: { firstName: 'Priya', lastName },
    subject,
    body: 'My broadband drops every evening around eight.',
  });
  expect(await pushAs(request, await login(request, 'ava'), [{ name: 'contact.claim', args: { contactId: posted.contactId } }])).toEqual([{ id: 1, status: 'applied' }]);
  return { contactId: posted.contactId, customerId: posted.customerId, name: `Priya ${lastName}` };
}

const REPLY = 'Thanks for your patience, I can see the line dropping at';
const NOTE = 'Customer says the drops started after the engineer visit';
const SUMMARY = 'Line drops nightly; checked the line, fault';

/** What the agent left on the contact is all there: reply, note, ticked step, and (once in wrap-up) the form. */
async function expectEverythingBack(page: Page, step: string, wrapUp: boolean): Promise<void> {
  await expect(page.getByTestId('draft-restored')).toBeVisible();
  await expect(page.getByLabel('Reply by chat')).toHaveValue(REPLY);
  await expect(page.getByLabel('Add a note')).toHaveValue(NOTE);
  await expect(page.getByRole('checkbox', { name: step })).toBeChecked();
  if (!wrapUp) return;
  const wrapUpForm = page.getByRole('region', { name: 'Wrap-up' });
  await expect(wrapUpForm.getByRole('combobox', { name: 'Disposition' })).toHaveText('Fault logged with the network team');
  await expect(wrapUpForm.getByRole('button', { name: 'Not yet' })).toHaveAttribute('aria-pressed', 'true');
  await expect(wrapUpForm.getByLabel('Summary')).toHaveValue(SUMMARY);
  await expect(wrapUpForm.getByRole('button', { name: 'CSAT 2' })).toHaveAttribute('aria-pressed', 'true');
}

test('a reply, a note, ticked steps and a half-done wrap-up survive a reload and a restart, and go once the contact is wrapped up', async ({ request }, testInfo) => {
  test.setTimeout(180_000);
  const chat = await avasChat(request, 'Broadband drops every evening');
  const baseURL = String(testInfo.project.use.baseURL);
  const profile = mkdtempSync(path.join(os.tmpdir(), 'agentdesk-drafts-'));
  let context = await launchDesktop(profile, baseURL);
  try {
    let page = context.pages()[0] ?? (await context.newPage());
    await signIn(page, 'ava', 'demo', `/contact?id=${chat.contactId}`);
    await waitForSync(page);
    await expect(page.getByRole('heading', { level: 1, name: chat.name })).toBeVisible();
    await expect(page.getByTestId('draft-restored')).toHaveCount(0);

    await page.getByLabel('Reply by chat').fill(REPLY);
    await page.getByLabel('Add a note').fill(NOTE);
    const step = page.getByRole('region', { name: /^Script/ }).getByRole('checkbox').first();
    // The step is named by its line (aria-labelledby).
    const stepName = await step.evaluate((input) => document.getElementById(input.getAttribute('aria-labelledby') ?? '')?.textContent ?? '');
    expect(stepName).not.toBe('');
    await step.check();
    // Reloaded straight after typing: what was waiting to be written is written as the page goes.
    await page.reload();
    await expectEverythingBack(page, stepName, false);

    // Half a wrap-up: a disposition, not resolved, half a summary, CSAT 2.
    await page.keyboard.press('Alt+e');
    const disposition = page.getByLabel('Disposition');
    await expect(disposition).toBeFocused();
    await page.keyboard.press('Enter');
    await page.getByRole('option', { name: 'Fault logged with the network team' }).click();
    await page.getByRole('button', { name: 'Not yet' }).click();
    await page.getByLabel('Summary').fill(SUMMARY);
    await page.getByRole('button', { name: 'CSAT 2' }).click();
    await page.reload();
    await expectEverythingBack(page, stepName, true);

    // The browser closes (a crash, a restart of the machine) and opens again: still signed in, still all there.
    await context.close();
    context = await launchDesktop(profile, baseURL);
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`/contact?id=${chat.contactId}`);
    await expect(page.getByRole('button', { name: /Account menu/ })).toBeVisible();
    await expectEverythingBack(page, stepName, true);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.getByTestId('draft-restored').scrollIntoViewIfNeeded();
      await page.screenshot({ path: testInfo.outputPath(`contact-restored-${scheme}.png`) });
      expect(await seriousViolations(page), `contact with restored drafts (${scheme})`).toEqual([]);
    }
    await page.emulateMedia({ colorScheme: 'light' });

    // Finished: the wrap-up is stored and every draft of the contact goes with it.
    const wrapUpForm = page.getByRole('region', { name: 'Wrap-up' });
    for (const suggestion of await wrapUpForm.getByTestId('suggested-follow-up').all()) await suggestion.getByRole('button', { name: 'Dismiss' }).click();
    await page.getByLabel('Summary').focus();
    await page.keyboard.press('Control+Enter');
    await expect(page).toHaveURL(/\/queue$/);
    await page.goto(`/contact?id=${chat.contactId}`);
    await expect(page.getByTestId('contact-status')).toHaveText('Handled');
    await expect(page.getByLabel('Reply by chat')).toHaveValue('');
    await expect(page.getByLabel('Add a note')).toHaveValue('');
    await expect(page.getByTestId('draft-restored')).toHaveCount(0);
    await page.reload();
    await expect(page.getByLabel('Add a note')).toHaveValue('');
    await expect(page.getByLabel('Reply by chat')).toHaveValue('');
  } finally {
    // The browser profile is this test's alone.
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('a note saved with Ctrl+Enter and the page reloaded at once is found stored or still in the box, never lost and never twice', async ({ page, request }) => {
  test.setTimeout(120_000);
  const chat = await avasChat(request, 'Question about my bill');
  await signIn(page, 'ava', 'demo', `/customer?id=${chat.customerId}`);
  await waitForSync(page);
  const box = page.getByLabel('Add a note');
  const history = page.getByRole('feed', { name: 'Contacts, newest first' });
  // Reloads at moments across the first 100 ms after Ctrl+Enter.
  for (const [index, wait] of [0, 0, 0, 5, 10, 20, 50, 100].entries()) {
    const note = `Note ${index} written just before a reload`;
    await box.fill(note);
    await box.press('Control+Enter');
    if (wait) await page.waitForTimeout(wait);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: chat.name })).toBeVisible();
    await expect(history.getByTestId('timeline-entry').first()).toBeVisible();
    const found = async () => ({ stored: await history.getByTestId('timeline-entry').filter({ hasText: note }).count(), kept: (await box.inputValue()) === note ? 1 : 0 });
    // The history and the note box each read the local database as the page starts: wait for one to show the note,
    // then give the other time to show it too, which it must not.
    await expect.poll(async () => { const { stored, kept } = await found(); return stored + kept; }, { message: `note ${index} (reload ${wait} ms after Ctrl+Enter) was lost` }).toBeGreaterThanOrEqual(1);
    await page.waitForTimeout(500);
    const { stored, kept } = await found();
    expect(stored + kept, `note ${index} (reload ${wait} ms after Ctrl+Enter): stored ${stored}, still in the box ${kept}`).toBe(1);
    if (kept) {
      await box.press('Control+Enter');
      await expect(history.getByTestId('timeline-entry').filter({ hasText: note })).toHaveCount(1);
    }
    await expect(box).toHaveValue('');
  }
});

test('released, a contact leaves its drafts behind: taken again, it starts clean', async ({ page, request }) => {
  const chat = await avasChat(request, 'Router lights flashing orange');
  await signIn(page, 'ava', 'demo', `/contact?id=${chat.contactId}`);
  await waitForSync(page);
  await page.getByLabel('Reply by chat').fill(REPLY);
  await page.getByLabel('Add a note').fill(NOTE);
  await page.getByRole('region', { name: /^Script/ }).getByRole('checkbox').first().check();
  await page.reload();
  await expect(page.getByLabel('Reply by chat')).toHaveValue(REPLY);

  await page.keyboard.press('Alt+r');
  await expect(page).toHaveURL(/\/queue$/);
  await page.goto(`/contact?id=${chat.contactId}`);
  await page.getByRole('button', { name: 'Take this contact' }).click();
  await expect(page.getByTestId('contact-status')).toContainText('With you');
  await expect(page.getByLabel('Reply by chat')).toHaveValue('');
  await expect(page.getByLabel('Add a note')).toHaveValue('');
  await expect(page.getByRole('region', { name: /^Script/ }).getByRole('checkbox').first()).not.toBeChecked();
  await expect(page.getByTestId('draft-restored')).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel('Reply by chat')).toHaveValue('');
  await expect(page.getByLabel('Add a note')).toHaveValue('');
});
