import type { AgentDeskBridge, DesktopSettings, RemindersFiredEvent } from '@core/bridge';
import { PRODUCT_NAME } from '@core/config';
import { redact } from '@core/log-redact';
import type { createReminderScheduler, ReminderScheduler } from '@core/reminders';

const SETTINGS_KEY = 'agentdesk.settings';
const SESSION_KEY = 'agentdesk.session';

/** The schemas every stored or passed-in value is checked with, loaded when first needed (not by the sign-in screen). */
const checks = () => import('./bridgeChecks');

async function readSettings(): Promise<DesktopSettings> {
  const { DEFAULT_DESKTOP_SETTINGS, readDesktopState } = await checks();
  try {
    const stored = JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? 'null') as unknown;
    return { ...readDesktopState({ settings: stored }).settings, hubUrl: null, updateFeedUrl: null };
  } catch {
    return { ...DEFAULT_DESKTOP_SETTINGS };
  }
}

/** The bridge over web APIs, for serve mode: the hub is the page's own origin. */
export function createBrowserBridge(): AgentDeskBridge {
  const navigateListeners = new Set<(path: string) => void>();
  const firedListeners = new Set<(event: RemindersFiredEvent) => void>();
  let reminders: ReminderScheduler | null = null;
  let askedPermission = false;

  /**
   * Follow-up reminders run in the page: a background tab's timers may be throttled to about once
   * a minute, so a reminder can be that late. Without notification permission a reminder is
   * reported as not notified, and the app lists it on screen instead.
   */
  const reminderScheduler = (create: typeof createReminderScheduler): ReminderScheduler =>
    (reminders ??= create({
      now: () => Date.now(),
      setTimer: (callback, delayMs) => window.setTimeout(callback, delayMs),
      clearTimer: (handle) => window.clearTimeout(handle as number),
      show: (request) => {
        if (!('Notification' in window) || Notification.permission !== 'granted') return false;
        const notification = new Notification(request.title, { body: request.body, tag: request.tag });
        notification.onclick = () => {
          window.focus();
          for (const listener of navigateListeners) listener(request.path);
          notification.close();
        };
        return true;
      },
      fired: (event) => {
        for (const listener of firedListeners) listener(event);
      },
    }));

  return {
    host: 'browser',
    appInfo: async () => ({
      name: PRODUCT_NAME,
      version: __APP_VERSION__,
      host: 'browser',
      os: navigator.userAgent,
      hubUrl: window.location.origin,
      hubMode: 'served',
    }),
    getSettings: readSettings,
    updateSettings: async (patch) => {
      const { DesktopSettingsPatchSchema, describeZodError } = await checks();
      const parsed = DesktopSettingsPatchSchema.safeParse(patch);
      if (!parsed.success) throw new Error(describeZodError(parsed.error));
      if (parsed.data.hubUrl) throw new Error('In a browser the hub is the server that served this page; its address cannot be changed here.');
      if (parsed.data.updateFeedUrl) throw new Error('In a browser the workstation updates itself from the hub; it has no update feed.');
      const next = { ...(await readSettings()), ...parsed.data, hubUrl: null, updateFeedUrl: null };
      localStorage.setItem(SETTINGS_KEY, JSON.stringify(next));
      return next;
    },
    notify: async (request) => {
      const { NotificationRequestSchema } = await checks();
      const parsed = NotificationRequestSchema.parse(request);
      if (!('Notification' in window)) return;
      if (Notification.permission === 'default') await Notification.requestPermission();
      if (Notification.permission !== 'granted') return;
      const notification = new Notification(parsed.title, { body: parsed.body, ...(parsed.tag ? { tag: parsed.tag } : {}) });
      notification.onclick = () => {
        window.focus();
        if (parsed.path) for (const listener of navigateListeners) listener(parsed.path);
        notification.close();
      };
    },
    openExternal: async (url) => {
      const { HttpUrlSchema } = await checks();
      const parsed = HttpUrlSchema.parse(url);
      window.open(parsed, '_blank', 'noopener,noreferrer');
    },
    relaunch: async () => {
      window.location.reload();
    },
    loadSession: async () => {
      try {
        const stored = localStorage.getItem(SESSION_KEY);
        // Nothing kept (a first visit, after signing out): nothing to check, and the sign-in screen shows without the schemas.
        if (stored === null) return null;
        const { StoredSessionSchema } = await checks();
        const parsed = StoredSessionSchema.safeParse(JSON.parse(stored));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    saveSession: async (session) => {
      const { StoredSessionSchema } = await checks();
      if (session) localStorage.setItem(SESSION_KEY, JSON.stringify(StoredSessionSchema.parse(session)));
      else localStorage.removeItem(SESSION_KEY);
    },
    onNavigate(listener) {
      navigateListeners.add(listener);
      return () => {
        navigateListeners.delete(listener);
      };
    },
    setReminders: async (list) => {
      const { ReminderListSchema, createReminderScheduler } = await checks();
      const parsed = ReminderListSchema.parse(list);
      if (parsed.length > 0 && !askedPermission && 'Notification' in window && Notification.permission === 'default') {
        // Asked once, when there is first something to remind of; not awaited, so a prompt left open holds nothing up
        // (a reminder due before the answer is listed in the app instead).
        askedPermission = true;
        void Notification.requestPermission().catch(() => undefined);
      }
      reminderScheduler(createReminderScheduler).set(parsed);
    },
    onRemindersFired(listener) {
      firedListeners.add(listener);
      return () => {
        firedListeners.delete(listener);
      };
    },
    // The web workstation updates with the hub that serves it; it keeps no log file and has no shell.
    updateState: async () => null,
    checkForUpdates: async () => null,
    restartToUpdate: async () => ({ restarting: false, reason: 'browser' }),
    setMidContact: async () => undefined,
    onUpdateState: () => () => undefined,
    log: (entry) => {
      // Not awaited by callers: if the schemas cannot load, the line is dropped rather than raising another error.
      void checks().then(({ LogEntrySchema }) => {
        const parsed = LogEntrySchema.safeParse(entry);
        if (parsed.success) console[parsed.data.level](redact(parsed.data.message));
      }, () => undefined);
    },
    openLogsFolder: async () => {
      throw new Error('Log files are kept by the desktop app only.');
    },
    hostDiagnostics: async () => null,
    setBadge: async (counts) => {
      const { badgeCount, BadgeCountsSchema } = await checks();
      // The installed web app's icon badge (Chromium, Safari); a plain tab has none, and that is fine.
      const count = badgeCount(BadgeCountsSchema.parse(counts));
      if (!('setAppBadge' in navigator)) return;
      await (count > 0 ? navigator.setAppBadge(count) : navigator.clearAppBadge()).catch(() => undefined);
    },
    // The browser has no local hub of its own.
    onHubRestarted: () => () => undefined,
  };
}

/** The desktop preload's bridge when running in Electron, the web one otherwise. */
export const bridge: AgentDeskBridge = window.agentdesk ?? createBrowserBridge();
