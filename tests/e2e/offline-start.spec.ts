/**
 * The web workstation (serve mode) opens without the network: its service worker keeps the built
 * app, the session and the data are on the device, and what was done offline reaches the hub once.
 *
 * Offline is Playwright's network emulation (context.setOffline / the `offline` context option)
 * together with a gate in front of the hub that the test shuts (tests/e2e/hub-gate.ts): the
 * emulation reaches a new worker only a moment after it starts, and the gate holds every
 * connection back meanwhile. The first test checks from inside the service worker that it is cut
 * off too, so a page that opens here opens from the cache.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';
import type { Contact } from '@core/domain/model';
import type { Change } from '@core/sync/protocol';
import { chromiumLaunchOptions } from '../../playwright.config';
import { login, pullAll, pushAs } from './api';
import { expect, newDesktop, shiftPageDate, test } from './fixtures';
import { seriousViolations, signIn, waitForSync } from './helpers';
import { openHubGate, type HubGate } from './hub-gate';

const indicator = (page: Page) => page.getByTestId('connection-indicator');

/** Until the service worker has precached the app and is active (on a first visit it registers once signed in). */
async function appKeptOnDevice(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.active?.state;
  });
}

/** Opens the first customer of the list; returns their id and name. */
async function openFirstCustomer(page: Page): Promise<{ id: string; name: string }> {
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeFocused();
  await page.getByRole('listbox', { name: 'Customers' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/customer\?id=/);
  const id = new URL(page.url()).searchParams.get('id')!;
  const name = (await page.getByRole('heading', { level: 1 }).textContent())!;
  return { id, name };
}

/** Ava signed in, her data synced, the app kept on the device, and a customer open; returns the customer. */
async function signedInWithCustomerOpen(page: Page): Promise<{ id: string; name: string }> {
  await signIn(page, 'ava');
  await waitForSync(page);
  await appKeptOnDevice(page);
  return openFirstCustomer(page);
}

/** The network goes: the gate in front of the hub shuts and the browser's network is emulated off. */
async function cutOff(gate: HubGate, context: BrowserContext): Promise<void> {
  gate.down();
  await context.setOffline(true);
}

async function reconnect(gate: HubGate, context: BrowserContext): Promise<void> {
  gate.up();
  await context.setOffline(false);
}

async function addNote(page: Page, note: string): Promise<void> {
  await page.getByLabel('Add a note').focus();
  await page.keyboard.type(note);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('timeline-entry').filter({ hasText: note })).toContainText('Waiting to sync');
}

/** How many notes with this text the hub holds, as another desktop pulls them. */
async function notesOnHub(request: APIRequestContext, note: string): Promise<number> {
  const token = await login(request, 'sam');
  const changes = await pullAll(request, token);
  const ids = new Set(changes.flatMap((change) => (change.op === 'put' && change.entity === 'contact' && (change.row as unknown as Contact).body === note ? [change.id] : [])));
  return ids.size;
}

/** The customer and the queue are on screen, and the indicator counts the change that waits. */
async function workstationShowsOfflineWork(page: Page, customer: { id: string; name: string }, note: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: customer.name })).toBeVisible();
  await expect(page.getByTestId('timeline-entry').filter({ hasText: note })).toContainText('Waiting to sync');
  await expect(indicator(page)).toHaveText('Offline · 1 change waiting');
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('heading', { level: 1, name: 'Queue' })).toBeFocused();
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  await expect(indicator(page)).toHaveText('Offline · 1 change waiting');
}

test('offline, a reload still opens the workstation with the queue, the customer and the change waiting; it reaches the hub once', async ({ browser, request, baseURL }) => {
  test.setTimeout(120_000);
  // The emulation is applied to each new worker a moment after it starts: the sync worker of the reloaded page
  // was seen to push in that moment. The gate holds every connection back, as a network that is down does.
  const gate = await openHubGate(Number(new URL(baseURL!).port));
  const context = await newDesktop(browser, { baseURL: gate.url, viewport: { width: 1360, height: 860 } });
  const page = await context.newPage();
  try {
    const customer = await signedInWithCustomerOpen(page);

    await cutOff(gate, context);
    await expect(indicator(page)).toHaveText(/^Offline/);
    // The emulation reaches the service worker too: a request it makes itself fails.
    const [worker] = context.serviceWorkers();
    expect(worker, 'the service worker is running').toBeTruthy();
    expect(await worker!.evaluate(() => fetch('/health', { cache: 'no-store' }).then((r) => `answered ${r.status}`, () => 'failed'))).toBe('failed');
    // And the page cannot reach the hub either.
    expect(await page.evaluate(() => fetch('/health', { cache: 'no-store' }).then((r) => `answered ${r.status}`, () => 'failed'))).toBe('failed');

    const note = `Asked for invoices by post (offline reload ${Date.now()}).`;
    await addNote(page, note);
    await expect(indicator(page)).toHaveText('Offline · 1 change waiting');

    await page.reload();
    // The page came from the service worker's cache, not from the hub.
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await workstationShowsOfflineWork(page, customer, note);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(page), `queue offline after a reload (${scheme})`).toEqual([]);
      await page.screenshot({ path: `test-results/screenshots/offline-reload-queue-${scheme}.png` });
    }

    expect(await notesOnHub(request, note)).toBe(0);
    await reconnect(gate, context);
    await expect(indicator(page)).toHaveText('Online', { timeout: 30_000 });
    await expect.poll(() => notesOnHub(request, note), { timeout: 20_000 }).toBe(1);
    // Another reload, online, sends nothing twice; the hub's answers come from the hub, never from the worker's cache.
    const hubAnswer = page.waitForResponse((response) => new URL(response.url()).pathname.startsWith('/sync/'));
    await page.reload();
    expect((await hubAnswer).fromServiceWorker()).toBe(false);
    await waitForSync(page);
    expect(await notesOnHub(request, note)).toBe(1);
    const cached = await page.evaluate(async () => {
      const paths: string[] = [];
      for (const name of await caches.keys()) for (const entry of await (await caches.open(name)).keys()) paths.push(new URL(entry.url).pathname);
      return paths;
    });
    expect(cached).toContain('/index.html');
    expect(cached.filter((pathname) => /^\/(api|sync|health|metrics)\b/.test(pathname))).toEqual([]);
  } finally {
    await context.close();
    await gate.close();
  }
});

test('a browser profile opened cold with the network off shows the queue, the customer and the change waiting; it reaches the hub once', async ({ request, baseURL }) => {
  test.setTimeout(150_000);
  // The profile reaches the hub through a gate the test shuts: a cold start with Playwright's `offline` option alone
  // was seen to send the outbox before the emulation held the app's first requests back.
  const gate = await openHubGate(Number(new URL(baseURL!).port));
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'agentdesk-pwa-profile-'));
  const open = async (offline: boolean): Promise<BrowserContext> => {
    const context = await chromium.launchPersistentContext(userDataDir, { ...chromiumLaunchOptions, baseURL: gate.url, offline, viewport: { width: 1360, height: 860 } });
    await shiftPageDate(context);
    return context;
  };
  try {
    let context = await open(false);
    let page = context.pages()[0] ?? (await context.newPage());
    const customer = await signedInWithCustomerOpen(page);
    await cutOff(gate, context);
    const note = `Prefers a call after 5 pm (cold open ${Date.now()}).`;
    await addNote(page, note);
    await expect(indicator(page)).toHaveText('Offline · 1 change waiting');
    await context.close();

    // The browser is opened again with no network and no hub: the app comes from the service worker.
    context = await open(true);
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`/customer?id=${encodeURIComponent(customer.id)}`);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await workstationShowsOfflineWork(page, customer, note);
    await page.screenshot({ path: 'test-results/screenshots/offline-cold-open-queue.png' });
    expect(await notesOnHub(request, note)).toBe(0);

    await reconnect(gate, context);
    await expect(indicator(page)).toHaveText('Online', { timeout: 30_000 });
    await expect.poll(() => notesOnHub(request, note), { timeout: 20_000 }).toBe(1);
    await context.close();
  } finally {
    rmSync(userDataDir, { recursive: true, force: true });
    await gate.close();
  }
});

/** Releases whatever `username` holds (left by earlier tests in the run), so "mid-contact" is only the contact the test takes. */
async function releaseAllHeldBy(request: APIRequestContext, username: string): Promise<void> {
  const token = await login(request, username);
  const latest = new Map<string, Change>();
  for (const change of await pullAll(request, token)) latest.set(`${change.entity}:${change.id}`, change);
  const rows = [...latest.values()].flatMap((change) => (change.op === 'put' ? [change] : []));
  const me = rows.find((change) => change.entity === 'user' && change.row.username === username);
  const held = rows.filter(
    (change) => change.entity === 'queueItem' && change.row.assigneeId === me?.id && (change.row.state === 'claimed' || change.row.state === 'wrap-up'),
  );
  if (held.length === 0) return;
  const answers = await pushAs(request, token, held.map((change) => ({ name: 'contact.release', args: { contactId: change.id } })));
  expect(answers.map((answer) => answer.status)).toEqual(held.map(() => 'applied'));
}

test('a new build is offered in a quiet notice, only once the contact in hand is finished, and loads when the agent chooses', async ({ page, request }) => {
  test.setTimeout(120_000);
  const worker = path.resolve(import.meta.dirname, '../../out/renderer/sw.js');
  const built = readFileSync(worker, 'utf8');
  // Sam (a supervisor who also takes contacts) holds none at the start, unlike the demo's agents.
  await releaseAllHeldBy(request, 'sam');
  await signIn(page, 'sam');
  await waitForSync(page);
  await appKeptOnDevice(page);
  // As on any day after the first: the page was loaded by the build now on the device.
  await page.reload();
  await waitForSync(page);
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  // Sam takes a contact.
  await page.getByRole('listbox', { name: /Waiting contacts/ }).getByRole('option').first().dblclick();
  await expect(page.getByTestId('contact-status')).toContainText('With you');

  try {
    // A new build is served, and the page looks for it (it does so every hour and when the network returns).
    writeFileSync(worker, `${built}\n// build ${Date.now()}\n`);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const notice = page.getByTestId('update-notice');
    await expect(notice).toContainText('A new version of AgentDesk is ready. Reloading will be offered when you finish this contact.', { timeout: 20_000 });
    // Nothing to reload with mid-contact: only OK, which takes the notice off his work until the contact is done.
    await expect(notice.getByRole('button')).toHaveText(['OK']);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(page), `update notice mid-contact (${scheme})`).toEqual([]);
      await page.screenshot({ path: `test-results/screenshots/update-notice-mid-contact-${scheme}.png` });
    }
    await notice.getByRole('button', { name: 'OK' }).click();
    await expect(notice).toHaveCount(0);

    // He releases it: now the reload is offered, and nothing reloads by itself.
    await page.evaluate(() => ((window as { stillHere?: boolean }).stillHere = true));
    await page.getByRole('button', { name: 'Release', exact: true }).click();
    await expect(notice).toContainText('A new version of AgentDesk is ready.', { timeout: 20_000 });
    await expect(notice).not.toContainText('finish this contact');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(page), `update notice (${scheme})`).toEqual([]);
      await page.screenshot({ path: `test-results/screenshots/update-notice-${scheme}.png` });
    }
    expect(await page.evaluate(() => (window as { stillHere?: boolean }).stillHere)).toBe(true);

    // He chooses to reload, from the keyboard: the new build takes over and the page loads it.
    await notice.getByRole('button', { name: 'Reload' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => (window as { stillHere?: boolean }).stillHere ?? false), { timeout: 20_000 }).toBe(false);
    await expect(page.getByRole('button', { name: /Account menu/ })).toBeVisible();
    await expect(page.getByTestId('update-notice')).toHaveCount(0);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();
  } finally {
    writeFileSync(worker, built);
  }
});
