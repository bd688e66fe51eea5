/**
 * Follow-up reminders on the desktop: main keeps the timer (src/reminders.ts decides what is due
 * and when to wake) and shows Electron notifications, which appear while the window is hidden or
 * minimised too. Clicking one brings the window forward and opens the reminder's path.
 */
import { Notification, powerMonitor } from 'electron';
import { createReminderScheduler, type Reminder } from '@core/reminders';
import type { RemindersFiredEvent } from '@core/bridge';
import type { MainText } from './i18n';

export interface DesktopRemindersOptions {
  icon: string;
  /** Shows and focuses the window and opens an in-app path. */
  openPath(path: string): void;
  /** Tells the renderer which reminders went off (dropped when no window is there to hear it). */
  fired(event: RemindersFiredEvent): void;
  /** Main's text in the agent's language, read when reminders go off (the agent may change it in between). */
  text: () => MainText;
}

export interface DesktopReminders {
  set(reminders: readonly Reminder[]): void;
  dispose(): void;
}

export function createDesktopReminders(options: DesktopRemindersOptions): DesktopReminders {
  /** Shown notifications, kept referenced so their click handlers stay alive. */
  const live = new Set<Notification>();
  const scheduler = createReminderScheduler({
    now: () => Date.now(),
    setTimer: (callback, delayMs) => setTimeout(callback, delayMs),
    clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
    show: (request) => {
      if (!Notification.isSupported()) return false;
      const notification = new Notification({ title: request.title, body: request.body, icon: options.icon });
      live.add(notification);
      notification.on('click', () => {
        live.delete(notification);
        options.openPath(request.path);
      });
      notification.on('close', () => live.delete(notification));
      notification.show();
      return true;
    },
    fired: (event) => options.fired(event),
    // Each reminder's own title and body come from the renderer in the agent's language; the summary of several is worded here.
    get intl() {
      return options.text().intl;
    },
  });
  // Timers do not count the time the computer slept: look again on waking.
  const onResume = () => scheduler.check();
  powerMonitor.on('resume', onResume);
  powerMonitor.on('unlock-screen', onResume);
  return {
    set: (reminders) => scheduler.set(reminders),
    dispose() {
      powerMonitor.removeListener('resume', onResume);
      powerMonitor.removeListener('unlock-screen', onResume);
      scheduler.dispose();
      live.clear();
    },
  };
}
