import { create } from 'zustand';
import type { AppInfo } from '@core/bridge';
import { HealthSchema, type Health } from '@core/hub-health';
import { bridge } from '../bridge';
import { restoreSession } from './session';

export type ConnectionStatus = 'connecting' | 'online' | 'offline';

interface AppState {
  info: AppInfo | null;
  /** Whether the hub answers its health check (before sign-in; afterwards the sync status says more). */
  connection: ConnectionStatus;
  health: Health | null;
  lastCheckedAt: number | null;
  connectionError: string | null;
  shortcutsOpen: boolean;
  paletteOpen: boolean;
  /** The sign-out confirmation (from the account menu or the palette). */
  signOutOpen: boolean;
  /** A short message for the person (a refused action, a failure); shown as a toast. */
  toast: { id: number; text: string } | null;
  setShortcutsOpen: (open: boolean) => void;
  setPaletteOpen: (open: boolean) => void;
  setSignOutOpen: (open: boolean) => void;
  notify: (text: string) => void;
}

let toastId = 0;

export const useAppState = create<AppState>((set) => ({
  info: null,
  connection: 'connecting',
  health: null,
  lastCheckedAt: null,
  connectionError: null,
  shortcutsOpen: false,
  paletteOpen: false,
  signOutOpen: false,
  toast: null,
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  setPaletteOpen: (paletteOpen) => set({ paletteOpen }),
  setSignOutOpen: (signOutOpen) => set({ signOutOpen }),
  notify: (text) => set({ toast: { id: ++toastId, text } }),
}));

const CHECK_EVERY_MS = 15_000;
const CHECK_TIMEOUT_MS = 5_000;

async function checkHealth(hubUrl: string): Promise<void> {
  try {
    const response = await fetch(`${hubUrl}/health`, { signal: AbortSignal.timeout(CHECK_TIMEOUT_MS), cache: 'no-store' });
    if (!response.ok) throw new Error(`The hub answered ${response.status}`);
    const health = HealthSchema.parse(await response.json());
    useAppState.setState({ connection: 'online', health, lastCheckedAt: Date.now(), connectionError: null });
  } catch (error) {
    useAppState.setState({
      connection: 'offline',
      lastCheckedAt: Date.now(),
      connectionError: error instanceof Error ? error.message : String(error),
    });
  }
}

/** Loads the host's facts, resumes the remembered session, and keeps the hub health current. */
export async function startAppState(): Promise<void> {
  const info = await bridge.appInfo();
  useAppState.setState({ info });
  const check = () => void checkHealth(info.hubUrl);
  check();
  setInterval(check, CHECK_EVERY_MS);
  window.addEventListener('online', check);
  window.addEventListener('offline', () => useAppState.setState({ connection: 'offline', lastCheckedAt: Date.now() }));
  await restoreSession(info.hubUrl);
}
