/**
 * The web workstation's service worker (serve mode only; Electron loads the app from its own
 * protocol): it keeps the built app on this device so a reload or a cold open works without the
 * network, and tells when a new build waits.
 */
import { create } from 'zustand';
import type { Workbox } from 'workbox-window';
import { mayReloadNow } from './updatePolicy';
import { useSession } from './session';

interface AppUpdateState {
  /** A new build is downloaded and waits for the agent to reload. */
  waiting: boolean;
  /** The agent said "Later" to the waiting build. */
  postponed: boolean;
  /**
   * The agent holds a contact that is not finished. Reported by the signed-in workstation
   * (data/updates.ts), so this module and the notice stay out of the local database's code.
   */
  midContact: boolean;
  /** The agent hid the mid-contact notice; it comes back as the offer once the contact is finished. */
  hushedForContact: boolean;
}

export const useAppUpdate = create<AppUpdateState>(() => ({ waiting: false, postponed: false, midContact: false, hushedForContact: false }));

export function reportMidContact(midContact: boolean): void {
  useAppUpdate.setState(midContact ? { midContact } : { midContact, hushedForContact: false });
}

/** Hides the mid-contact notice, which otherwise sits over the agent's work until the contact ends. */
export function hushUpdateForContact(): void {
  useAppUpdate.setState({ hushedForContact: true });
}

/** A tab stays open all day: look for a new build now and then, not only when the page is loaded. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

let workbox: Workbox | null = null;

export async function registerServiceWorker(): Promise<void> {
  if (workbox || !('serviceWorker' in navigator)) return;
  const { Workbox } = await import('workbox-window');
  // The hub serves the app at its root; '/sw.js' (not './sw.js') so a deeper route registers the same worker.
  const wb = new Workbox('/sw.js', { scope: '/' });
  workbox = wb;
  wb.addEventListener('waiting', () => useAppUpdate.setState({ waiting: true, postponed: false }));
  try {
    await wb.register();
  } catch {
    // Without a worker the app still runs; it only cannot be reopened offline.
    workbox = null;
    return;
  }
  const check = () => void wb.update().catch(() => undefined);
  setInterval(check, CHECK_EVERY_MS);
  window.addEventListener('online', check);
}

/** Registers the worker once the page has loaded, so it takes nothing from the first screen's start. */
function registerServiceWorkerAfterLoad(): void {
  const start = () => window.setTimeout(() => void registerServiceWorker(), 0);
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
}

function whenIdle(callback: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(callback, { timeout: 5000 });
  else window.setTimeout(callback, 1000);
}

/**
 * Registers the worker when it costs the first screen nothing. A page the worker already serves
 * (every visit after the first) registers once loaded: its scripts come from the device, and a new
 * build is found on the sign-in screen too. A first visit waits until someone is signed in and the
 * browser is idle: the worker's scripts (≈10 KiB gzip) and its precaching of every built file
 * would otherwise be fetched on the sign-in screen's way, and opening offline needs a session kept
 * on the device anyway (signing in needs the hub).
 */
export function registerServiceWorkerInTime(): void {
  if (!('serviceWorker' in navigator)) return;
  if (navigator.serviceWorker.controller) {
    registerServiceWorkerAfterLoad();
    return;
  }
  const signedIn = () => useSession.getState().status === 'signed-in';
  if (signedIn()) {
    whenIdle(() => void registerServiceWorker());
    return;
  }
  const unsubscribe = useSession.subscribe(() => {
    if (!signedIn()) return;
    unsubscribe();
    whenIdle(() => void registerServiceWorker());
  });
}

/** The agent chose to reload into the new build; refused (false) while they are mid-contact. */
export function reloadIntoUpdate(midContact: boolean): boolean {
  if (!workbox || !mayReloadNow({ waiting: useAppUpdate.getState().waiting, midContact })) return false;
  void takeOverAndReload(workbox);
  return true;
}

/**
 * Lets the waiting build take over, then loads it. Once it is active the page reloads, whether this
 * page was controlled by the previous build (most days) or not (the first visit, before any reload).
 */
async function takeOverAndReload(wb: Workbox): Promise<void> {
  const registration = await navigator.serviceWorker.getRegistration('/');
  const next = registration?.waiting;
  if (!next) {
    window.location.reload();
    return;
  }
  next.addEventListener('statechange', () => {
    if (next.state === 'activated') window.location.reload();
  });
  wb.messageSkipWaiting();
}

export function postponeUpdate(): void {
  useAppUpdate.setState({ postponed: true });
}
