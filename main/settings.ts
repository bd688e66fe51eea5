import { safeStorage } from 'electron';
import Store from 'electron-store';
import { StoredSessionSchema, type StoredSession } from '@core/bridge';
import type { DesktopSettings, DesktopSettingsPatch } from '@core/bridge';
import {
  DEFAULT_WINDOW_STATE,
  mergeSettings,
  readDesktopState,
  type WindowState,
} from '@core/desktop';
import { DEFAULT_DESKTOP_SETTINGS } from '@core/bridge';

interface StoreShape {
  settings: DesktopSettings;
  window: WindowState;
  /** The signed-in session, encrypted with the OS keychain (safeStorage) where available. */
  session?: { encrypted: boolean; data: string };
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

  loadSession(): StoredSession | null {
    const stored = this.store.get('session');
    if (!stored) return null;
    try {
      const text = stored.encrypted ? safeStorage.decryptString(Buffer.from(stored.data, 'base64')) : stored.data;
      const parsed = StoredSessionSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : null;
    } catch {
      // Unreadable (another machine's keychain, a damaged file): sign in again.
      return null;
    }
  }

  saveSession(session: StoredSession | null): void {
    if (!session) {
      this.store.delete('session');
      return;
    }
    const text = JSON.stringify(StoredSessionSchema.parse(session));
    if (safeStorage.isEncryptionAvailable()) {
      this.store.set('session', { encrypted: true, data: safeStorage.encryptString(text).toString('base64') });
    } else {
      this.store.set('session', { encrypted: false, data: text });
    }
  }
}
