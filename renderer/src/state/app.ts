import { create } from 'zustand';
import type { AppInfo } from '@core/bridge';
import { HealthSchema, type Health } from '@core/hub-api';
import { bridge } from '../bridge';

export type ConnectionStatus = 'connecting' | 'online' | 'offline';
export type Presence = 'available' | 'busy' | 'after-contact-work' | 'away';

export const PRESENCE_LABELS: Record<Presence, string> = {
  available: 'Available',
  busy: 'Busy',
  'after-contact-work': 'After-contact work',
  away: 'Away',
};

interface AppState {
  info: AppInfo | null;
  connection: ConnectionStatus;
  health: Health | null;
  lastCheckedAt: number | null;
  connectionError: string | null;
  presence: Presence;
  shortcutsOpen: boolean;
  setPresence: (presence: Presence) => void;
  setShortcutsOpen: (open: boolean) => void;
}

export const useAppState = create<AppState>((set) => ({
  info: null,
  connection: 'connecting',
  health: null,
  lastCheckedAt: null,
  connectionError: null,
  presence: 'available',
  shortcutsOpen: false,
  setPresence: (presence) => set({ presence }),
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
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

/** Loads the host's facts and keeps the hub connection indicator current. */
export async function startAppState(): Promise<void> {
  const info = await bridge.appInfo();
  useAppState.setState({ info });
  const check = () => void checkHealth(info.hubUrl);
  check();
  setInterval(check, CHECK_EVERY_MS);
  window.addEventListener('online', check);
  window.addEventListener('offline', () => useAppState.setState({ connection: 'offline', lastCheckedAt: Date.now() }));
}
