import { safeStorage } from 'electron';
import Store from 'electron-store';
import type { StoredSession } from '@core/bridge';
import type { DesktopSettings, DesktopSettingsPatch } from '@core/bridge';
import {
  DEFAULT_WINDOW_STATE,
  mergeSettings,
  readDesktopState,
  type WindowState,
} from '@core/desktop';
import { DEFAULT_DESKTOP_SETTINGS } from '@core/bridge';
import { SessionVault, type StoredSessionRecord } from './session-vault';

interface StoreShape {
  settings: DesktopSettings;
  window: WindowState;
  /** The signed-in session, encrypted with the OS keychain (safeStorage); never stored without one. */
  session?: StoredSessionRecord;
  [key: string]: unknown;
}

/** Settings and window bounds, kept in the user-data folder by electron-store and validated on read. */
export class DesktopStore {
  private readonly store = new Store<StoreShape>({
    name: 'settings',
    defaults: { settings: DEFAULT_DESKTOP_SETTINGS, window: DEFAULT_WINDOW_STATE },
    clearInvalidConfig: true,
  });

  settings(): DesktopSettings {
    return readDesktopState({ settings: this.store.get('settings') }).settings;
  }

  updateSettings(patch: DesktopSettingsPatch): DesktopSettings {
    const next = mergeSettings(this.settings(), patch);
    this.store.set('settings', next);
    return next;
  }

  windowState(): WindowState {
    return readDesktopState({ window: this.store.get('window') }).window;
  }

  saveWindowState(state: WindowState): void {
    this.store.set('window', state);
  }

  private readonly sessions = new SessionVault(
    {
      get: () => this.store.get('session'),
      set: (record) => this.store.set('session', record),
      delete: () => this.store.delete('session'),
    },
    safeStorage,
    process.platform,
  );

  /** Where a signed-in session is kept on this computer. */
  sessionStorage(): 'keychain' | 'memory' {
    return this.sessions.storage();
  }

  loadSession(): StoredSession | null {
    return this.sessions.load();
  }

  saveSession(session: StoredSession | null): void {
    this.sessions.save(session);
  }
}
