/**
 * The workstation's side of the desktop tray and badge, and of the local hub's restarts, in Chromium:
 * the counts handed to the host, the Tray settings and the restart notice. The desktop's own side
 * (tray menu, dock badge, the hub child) is unit-tested with a stand-in Electron (tests/unit/main-*).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { login, pullAll, pushAs } from './api';
import { seriousViolations, signIn, waitForSync } from './helpers';

declare global {
  interface Window {
    /** What the page last put on the installed app's badge (0: cleared). */
    __badge?: number;
    /** Counts the page handed the stand-in desktop host, latest last. */
    __hostBadges?: { offers: number; overdueFollowUps: number }[];
    __hostSettings?: { hubUrl: string | null; theme: string; closeToTray: boolean; updateFeedUrl: string | null };
    /** Fires the host's "local hub restarted" event, as main does. */
    __hubRestarted?: (outcome: 'restarted' | 'gave-up') => void;
    /** What the page last told the host about being mid-contact, and the restarts it asked for. */
    __midContact?: boolean;
    __restartsAsked?: number;
  }
}

// The page's clock is moved on to when a follow-up comes due.
test.use({ controlledClock: true });

const HOUR = 3_600_000;

/** Plans a callback for Tom (who has none in the demo data) `inMs` from now; returns its id. */
async function planTomCallback(request: Parameters<typeof login>[0], token: string, inMs: number): Promise<string> {
  const customer = (await pullAll(request, token)).find((change) => change.entity === 'customer' && change.op === 'put');
  if (!customer) throw new Error('Tom sees no customer to plan a callback for');
  const id = crypto.randomUUID();
  const customerId = customer.id;
  expect(
    await pushAs(request, token, [{ name: 'followUp.schedule', args: { id, customerId, kind: 'callback', channel: 'call', dueAt: Date.now() + inMs, reason: 'Check the new router' } }]),
  ).toEqual([{ id: 1, status: 'applied' }]);
  return id;
}

test('an installed web app’s badge counts overdue follow-ups as they come due, and clears on sign-out', async ({ page, request }) => {
  await page.addInitScript(() => {
    const nav = navigator as Navigator & { setAppBadge(count?: number): Promise<void>; clearAppBadge(): Promise<void> };
    nav.setAppBadge = (count?: number) => {
      window.__badge = count ?? 0;
      return Promise.resolve();
    };
    nav.clearAppBadge = () => {
      window.__badge = 0;
      return Promise.resolve();
    };
  });
  // Tom stays offline, so no contact is offered to him: the badge is his overdue follow-ups alone.
  const token = await login(request, 'tom');
  const followUpId = await planTomCallback(request, token, 2 * HOUR);
  try {
    await signIn(page, 'tom');
    await waitForSync(page);
    await expect.poll(() => page.evaluate(() => window.__badge)).toBe(0);

    await page.clock.fastForward(2 * HOUR + 60_000);
    await expect.poll(() => page.evaluate(() => window.__badge)).toBe(1);
    // The same one the follow-ups list calls overdue.
    await page.keyboard.press('Alt+3');
    await expect(page.getByText(/^1 overdue · 0 today/)).toBeVisible();

    await page.getByRole('button', { name: /Account menu/ }).click();
    const signOut = page.getByRole('menuitem', { name: 'Sign out…' });
    await signOut.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Sign out of AgentDesk?' });
    await dialog.getByRole('button', { name: 'Sign out', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => window.__badge)).toBe(0);
  } finally {
    await pushAs(request, token, [{ name: 'followUp.cancel', args: { id: followUpId, reason: 'Test over' } }]);
  }
});

/**
 * A stand-in for the desktop preload's bridge (window.agentdesk), over web APIs and this page's hub, so the
 * desktop-only parts of the workstation can be driven and looked at in Chromium.
 */
async function installDesktopHost(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const restartListeners = new Set<(event: { outcome: 'restarted' | 'gave-up' }) => void>();
    window.__hostBadges = [];
    window.__hostSettings = { hubUrl: null, theme: 'system', closeToTray: true, updateFeedUrl: null };
    window.__restartsAsked = 0;
    // The updater has downloaded version 0.2.0 from the hub's feed.
    const updateState = {
      status: { state: 'ready', version: '0.2.0' },
      feedUrl: `${window.location.origin}/updates/`,
      note: null,
      checkedAt: Date.now(),
    };
    window.__hubRestarted = (outcome) => {
      for (const listener of restartListeners) listener({ outcome });
    };
    const noop = () => () => undefined;
    (window as unknown as { agentdesk: unknown }).agentdesk = {
      host: 'electron',
      appInfo: async () => ({ name: 'AgentDesk', version: 'test', host: 'electron', os: 'Test OS', hubUrl: window.location.origin, hubMode: 'embedded', sessionStorage: 'memory' }),
      getSettings: async () => ({ ...window.__hostSettings! }),
      updateSettings: async (patch: Record<string, unknown>) => {
        window.__hostSettings = { ...window.__hostSettings!, ...patch };
        return { ...window.__hostSettings };
      },
      notify: async () => undefined,
      openExternal: async () => undefined,
      relaunch: async () => undefined,
      loadSession: async () => JSON.parse(sessionStorage.getItem('host-session') ?? 'null') as unknown,
      saveSession: async (session: unknown) => {
        sessionStorage.setItem('host-session', JSON.stringify(session));
      },
      onNavigate: noop,
      setReminders: async () => undefined,
      onRemindersFired: noop,
      setBadge: async (counts: { offers: number; overdueFollowUps: number }) => {
        window.__hostBadges!.push(counts);
      },
      onHubRestarted(listener: (event: { outcome: 'restarted' | 'gave-up' }) => void) {
        restartListeners.add(listener);
        return () => restartListeners.delete(listener);
      },
      updateState: async () => updateState,
      checkForUpdates: async () => updateState,
      restartToUpdate: async () => {
        window.__restartsAsked! += 1;
        return { restarting: true, reason: null };
      },
      setMidContact: async (midContact: boolean) => {
        window.__midContact = midContact;
      },
      onUpdateState: noop,
      log: () => undefined,
      openLogsFolder: async () => undefined,
      hostDiagnostics: async () => ({
        electron: '45.0.0',
        chrome: '140.0.0.0',
        node: '22.0.0',
        platform: 'linux',
        arch: 'x64',
        logsDir: '~/.config/AgentDesk/logs',
        crashDumpsDir: '~/.config/AgentDesk/Crashpad',
        crashSubmitUrl: null,
      }),
    };
  });
}

test('on the desktop: the tray counts, This computer’s settings and the local hub’s restart notice', async ({ page, request }) => {
  await installDesktopHost(page);
  const token = await login(request, 'tom');
  const followUpId = await planTomCallback(request, token, HOUR);
  await signIn(page, 'tom');
  await waitForSync(page);
  await expect.poll(() => page.evaluate(() => window.__hostBadges?.at(-1))).toEqual({ offers: 0, overdueFollowUps: 0 });
  await page.clock.fastForward(HOUR + 60_000);
  await expect.poll(() => page.evaluate(() => window.__hostBadges?.at(-1))).toEqual({ offers: 0, overdueFollowUps: 1 });
  await pushAs(request, token, [{ name: 'followUp.cancel', args: { id: followUpId, reason: 'Test over' } }]);
  await expect.poll(() => page.evaluate(() => window.__hostBadges?.at(-1)), { timeout: 30_000 }).toEqual({ offers: 0, overdueFollowUps: 0 });

  await page.keyboard.press('Alt+6');
  const tray = page.getByRole('region', { name: 'This computer', exact: true });
  const keepRunning = tray.getByRole('switch', { name: 'Keep AgentDesk running in the tray when the window is closed' });
  await expect(keepRunning).toBeChecked();
  await expect(tray).toContainText('To quit, choose Quit in the tray menu or press Ctrl+Q.');
  await expect(tray).toContainText('Not remembered (no system keychain): you sign in at each start');
  await keepRunning.focus();
  await page.keyboard.press('Space');
  await expect(keepRunning).not.toBeChecked();
  expect(await page.evaluate(() => window.__hostSettings?.closeToTray)).toBe(false);

  await page.evaluate(() => window.__hubRestarted?.('restarted'));
  await expect(page.getByText('The local hub stopped and was restarted. Changes waiting on this computer are sending again.')).toBeVisible();

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await tray.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/shell-settings-${scheme}.png` });
    expect(await seriousViolations(page), scheme).toEqual([]);
  }
});

test('on the desktop: a downloaded update is installed when the agent chooses, and Diagnostics names the shell', async ({ page }) => {
  await installDesktopHost(page);
  await signIn(page, 'tom');
  await waitForSync(page);
  await expect.poll(() => page.evaluate(() => window.__midContact)).toBe(false);

  await page.keyboard.press('Alt+6');
  const updates = page.getByRole('region', { name: 'Updates' });
  await expect(updates).toContainText(`${new URL(page.url()).origin}/updates/`);
  await expect(updates).toContainText('Version 0.2.0 is ready.');
  const restart = updates.getByRole('button', { name: 'Restart to update' });
  await expect(restart).toBeEnabled();
  const diagnostics = page.getByRole('region', { name: 'Diagnostics' });
  await expect(diagnostics.getByRole('button', { name: 'Open logs folder' })).toBeVisible();

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await updates.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/shell-updates-${scheme}.png` });
    expect(await seriousViolations(page), scheme).toEqual([]);
  }
  await restart.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => window.__restartsAsked)).toBe(1);
});
