import type { Page } from '@playwright/test';
import type { QueueItem } from '@core/domain/model';
import { expect, test } from './fixtures';
import { login, postContact, pullAll, pushAs } from './api';
import { seriousViolations, settled, signIn, waitForSync } from './helpers';

/** A new contact in the care team's queue (Ben's), from someone nobody has seen, with a subject to find it by. */
async function newWaiting(request: Parameters<typeof postContact>[0], channel: 'chat' | 'email', priority: number, what: string) {
  const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const subject = `${what} (${stamp})`;
  const posted = await postContact(request, {
    channel,
    from: { email: `queue-${stamp}@example.com` },
    subject,
    body: `${what}: please get back to me.`,
    priority,
  });
  await declineOffersElsewhere(request, posted.contactId);
  return { ...posted, subject };
}

/**
 * Whoever else is available (an earlier test may have left someone so) is offered a new contact first, and nobody
 * else may take it while the offer runs: they decline it, so Ben can take it himself.
 */
async function declineOffersElsewhere(request: Parameters<typeof postContact>[0], contactId: string): Promise<void> {
  const benToken = await login(request, 'ben');
  for (let round = 0; round < 10; round += 1) {
    const changes = await pullAll(request, benToken);
    const item = changes.flatMap((change) => (change.op === 'put' && change.entity === 'queueItem' && (change.row as QueueItem).id === contactId ? [change.row as QueueItem] : [])).at(-1);
    if (!item?.offeredTo || item.offeredTo === 'usr_ben') return;
    await pushAs(request, await login(request, item.offeredTo.replace(/^usr_/, '')), [{ name: 'contact.decline', args: { contactId } }]);
  }
  throw new Error(`${contactId} is still offered to someone else`);
}

const waitingList = (page: Page) => page.getByRole('listbox', { name: /Waiting contacts/ });

/** Every SLA chip and priority on screen shows all of its text, inside its row. */
async function expectChipsFit(page: Page, breached = false): Promise<void> {
  const chips = await page.getByTestId('queue-row').evaluateAll((rows) =>
    rows.flatMap((row) => {
      const box = row.getBoundingClientRect();
      return [...row.querySelectorAll<HTMLElement>('[data-testid="sla"], [data-testid="priority"]')].map((chip) => ({
        text: chip.textContent,
        fits: chip.scrollWidth <= chip.clientWidth,
        inside: chip.getBoundingClientRect().right <= box.right && chip.getBoundingClientRect().left >= box.left,
        width: chip.getBoundingClientRect().width,
        kind: chip.dataset.testid,
        level: chip.dataset.sla,
      }));
    }),
  );
  expect(chips.filter((chip) => chip.kind === 'sla').length).toBeGreaterThanOrEqual(2);
  if (breached) expect(chips.filter((chip) => chip.level === 'breached').length).toBeGreaterThanOrEqual(2);
  expect(chips.filter((chip) => !chip.fits || !chip.inside)).toEqual([]);
  // One width per kind: the column lines up whatever a row says.
  const slaChips = chips.filter((chip) => chip.kind === 'sla');
  expect(new Set(slaChips.map((chip) => Math.round(chip.width))).size, `SLA chip widths: ${slaChips.map((chip) => `${chip.text} ${chip.width}`).join(', ')}`).toBe(1);
}

test.describe('the queue', () => {
  test.use({ controlledClock: true });

  test('every row shows its priority and a whole SLA chip; a click selects, Enter or a double click takes', async ({ page, request }) => {
    const urgent = await newWaiting(request, 'chat', 1, 'Card declined at checkout');
    const high = await newWaiting(request, 'email', 2, 'Bill higher than last month');
    await signIn(page, 'ben');
    await waitForSync(page);

    const list = waitingList(page);
    const urgentRow = list.getByTestId('queue-row').filter({ hasText: urgent.subject });
    await expect(urgentRow).toBeVisible();
    await expect(urgentRow.getByTestId('priority')).toHaveText('Priority P1 Urgent');
    const rows = list.getByTestId('queue-row');
    await expect(rows.getByTestId('priority')).toHaveCount(await rows.count());

    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      for (const width of [1360, 1024]) {
        await page.setViewportSize({ width, height: width === 1360 ? 860 : 768 });
        await settled(page);
        await expectChipsFit(page);
        await page.screenshot({ path: `test-results/screenshots/queue-${width}-${colorScheme}.png` });
        expect(await seriousViolations(page), `queue at ${width}, ${colorScheme}`).toEqual([]);
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1360, height: 860 });

    // A single click selects the row and says how to take it; nothing is taken yet.
    const highOption = list.getByRole('option').filter({ hasText: high.subject });
    await highOption.click();
    await expect(highOption).toHaveAttribute('aria-selected', 'true');
    await expect(highOption).toHaveAttribute('aria-description', 'Enter or double-click to take');
    await expect(highOption.getByTestId('take-hint')).toHaveText('Enter or double-click to take');
    await expect(list.getByTestId('take-hint')).toHaveCount(1);
    await expect(list).toBeFocused();
    await expect(page).toHaveURL(/\/queue$/);
    await page.screenshot({ path: 'test-results/screenshots/queue-selected.png' });

    // Enter takes the selected one.
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/contact\\?id=${high.contactId}`));
    await expect(page.getByTestId('contact-status')).toContainText('With you');

    // A double click takes another.
    await page.keyboard.press('Alt+1');
    const urgentOption = waitingList(page).getByRole('option').filter({ hasText: urgent.subject });
    await urgentOption.dblclick();
    await expect(page).toHaveURL(new RegExp(`/contact\\?id=${urgent.contactId}`));
    await expect(page.getByTestId('contact-status')).toContainText('With you');

    // A day later every SLA is long breached: the widest the chip says still fits, at the narrowest width.
    await page.keyboard.press('Alt+1');
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.clock.fastForward('27:00:00');
    await expect(page.getByTestId('sla').filter({ hasText: /^SLA Breached 1d 0\dh ago$/ }).first()).toBeVisible();
    await expectChipsFit(page, true);
    await page.screenshot({ path: 'test-results/screenshots/queue-1024-a-day-late.png' });
  });

  test('Ctrl+Enter in the disposition finishes the wrap-up, says what is missing first, and focus lands on the queue list', async ({ page, request }) => {
    const chat = await newWaiting(request, 'chat', 1, 'Router lights flashing');
    await signIn(page, 'ben');
    await waitForSync(page);
    await waitingList(page).getByRole('option').filter({ hasText: chat.subject }).dblclick();
    await expect(page).toHaveURL(new RegExp(`/contact\\?id=${chat.contactId}`));
    await expect(page.getByTestId('contact-status')).toContainText('With you');

    await page.keyboard.press('Alt+e');
    const disposition = page.getByRole('combobox', { name: 'Disposition' });
    await expect(disposition).toBeFocused();
    // Nothing chosen yet: the wrap-up says so next to the field and keeps focus there; the menu does not open.
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('alert').filter({ hasText: 'Choose a disposition' })).toBeVisible();
    await expect(disposition).toBeFocused();
    await expect(page.getByRole('option', { name: 'Information given' })).toHaveCount(0);
    await expect(page).toHaveURL(/\/contact\?id=/);
    await page.screenshot({ path: 'test-results/screenshots/wrapup-missing-disposition.png' });
    expect(await seriousViolations(page), 'wrap-up saying what is missing').toEqual([]);

    await page.keyboard.press('Enter');
    await page.getByRole('option', { name: 'Information given' }).focus();
    await page.keyboard.press('Enter');
    await expect(disposition).toBeFocused();
    await expect(page.getByRole('alert').filter({ hasText: 'Choose a disposition' })).toHaveCount(0);
    await page.keyboard.press('Control+Enter');

    await expect(page).toHaveURL(/\/queue$/);
    await expect(page.getByText('Wrapped up: Information given.')).toBeVisible();
    await expect(waitingList(page).or(page.locator('#queue-list-empty'))).toBeFocused();
  });

  test('coming back to the queue shows it at once, then what arrived while the agent was away', async ({ page, request }) => {
    const before = await newWaiting(request, 'email', 2, 'Parcel left with a neighbour');
    await signIn(page, 'ben');
    await waitForSync(page);
    const list = waitingList(page);
    await expect(list.getByTestId('queue-row').filter({ hasText: before.subject })).toBeVisible();

    await page.keyboard.press('Alt+6');
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    const arrived = await newWaiting(request, 'chat', 1, 'Refund not received');
    await waitForSync(page);
    // Anything the queue draws on the way back is noted, however briefly: it must never be "getting ready" again.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seenComingBack: string[] }).seenComingBack = seen;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="getting-ready"]')) seen.push('getting ready');
        if (document.body.textContent?.includes('No contacts waiting')) seen.push('no contacts waiting');
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    await page.keyboard.press('Alt+1');
    await expect(list.getByTestId('queue-row').filter({ hasText: before.subject })).toBeVisible();
    await expect(list.getByTestId('queue-row').filter({ hasText: arrived.subject })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { seenComingBack: string[] }).seenComingBack)).toEqual([]);

    // Ben takes both, so they are not offered to anyone in the tests that follow.
    const ben = await login(request, 'ben');
    for (const contactId of [before.contactId, arrived.contactId]) await declineOffersElsewhere(request, contactId);
    expect(await pushAs(request, ben, [{ name: 'contact.claim', args: { contactId: before.contactId } }, { name: 'contact.claim', args: { contactId: arrived.contactId } }])).toEqual([
      { id: 1, status: 'applied' },
      { id: 2, status: 'applied' },
    ]);
  });

  test('signing in shows the queue getting ready until its essentials are here, never an empty queue or "Offline"', async ({ page, request }) => {
    const waiting = await newWaiting(request, 'email', 1, 'Change of address');
    // Anything that says "nothing" or "offline" is noted the moment it is drawn, however briefly.
    await page.addInitScript(() => {
      const seen = new Set<string>();
      (window as unknown as { seenWhileStarting: Set<string> }).seenWhileStarting = seen;
      const look = () => {
        const text = document.body?.textContent ?? '';
        if (text.includes('No contacts waiting')) seen.add('No contacts waiting');
        if (/\b0 waiting\b/.test(text)) seen.add('0 waiting');
        const indicator = document.querySelector('[data-testid="connection-indicator"]')?.textContent;
        if (indicator?.startsWith('Offline')) seen.add(`indicator ${indicator}`);
        const presence = document.querySelector('#presence-button')?.textContent;
        if (presence === 'Offline') seen.add('presence Offline');
      };
      new MutationObserver(look).observe(document, { childList: true, subtree: true, characterData: true });
    });
    // The first sync's answers are held back until the loading state has been seen.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.context().route(/\/sync\/(essentials|pull)/, async (route) => {
      await held;
      await route.continue();
    });

    await signIn(page, 'ben');
    const ready = page.getByTestId('getting-ready');
    await expect(ready).toContainText('Getting your queue ready…');
    await expect(page.getByRole('heading', { level: 1, name: 'Queue' })).toBeVisible();
    await expect(page.getByText('Getting your queue ready…').first()).toBeVisible();
    await expect(page.getByTestId('connection-indicator')).toHaveText(/^(Connecting…|Syncing…)$/);
    await expect(page.getByRole('button', { name: /^Presence: Signing in…/ })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Take next (N)' })).toBeDisabled();
    await page.screenshot({ path: 'test-results/screenshots/queue-getting-ready.png' });
    expect(await seriousViolations(page), 'queue getting ready').toEqual([]);

    release();
    await expect(waitingList(page).getByTestId('queue-row').filter({ hasText: waiting.subject })).toBeVisible({ timeout: 30_000 });
    await expect(ready).toHaveCount(0);
    await waitForSync(page);
    expect(await page.evaluate(() => [...(window as unknown as { seenWhileStarting: Set<string> }).seenWhileStarting])).toEqual([]);

    // Ben takes it, so it is not offered to anyone in the tests that follow.
    await declineOffersElsewhere(request, waiting.contactId);
    expect(await pushAs(request, await login(request, 'ben'), [{ name: 'contact.claim', args: { contactId: waiting.contactId } }])).toEqual([{ id: 1, status: 'applied' }]);
  });
});
