/**
 * Self-update with electron-updater from a generic feed: downloads in the
 * background, installs when the app quits or when the agent chooses "Restart
 * to update" (never mid-contact). The decisions are in src/updates.ts; this
 * sets the updater up and runs the check timers.
 */
import type { AppUpdater, Logger } from 'electron-updater';
import {
  CHECK_TICK_MS,
  createUpdateController,
  FIRST_CHECK_DELAY_MS,
  type UpdateController,
  type Updater,
  type UpdateState,
} from '@core/updates';

/** The parts of electron-updater's autoUpdater used here (a fake in tests). */
export type DesktopUpdater = Updater & Pick<AppUpdater, 'autoDownload' | 'autoInstallOnAppQuit' | 'setFeedURL'> & { logger: Logger | null };

export interface DesktopUpdatesOptions {
  updater: DesktopUpdater;
  feedUrl: string | null;
  packaged: boolean;
  logger: Logger;
  now?: () => number;
  /** Sends the state to the renderer (when there is one). */
  publish: (state: UpdateState) => void;
}

export interface DesktopUpdates extends UpdateController {
  stop(): void;
}

export function startDesktopUpdates(options: DesktopUpdatesOptions): DesktopUpdates {
  const { updater, feedUrl } = options;
  updater.logger = options.logger;
  // Staged: the download happens in the background; installing waits for quit or the agent's choice.
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  if (feedUrl) updater.setFeedURL({ provider: 'generic', url: feedUrl });

  const controller = createUpdateController({
    updater,
    feedUrl,
    packaged: options.packaged,
    now: options.now ?? Date.now,
    publish: options.publish,
    log: (message) => options.logger.info(message),
  });
  if (controller.state().note) {
    options.logger.info(`Updates: ${controller.state().note}`);
    return { ...controller, stop: () => undefined };
  }
  const scheduled = () => void controller.check({ scheduled: true });
  const first = setTimeout(scheduled, FIRST_CHECK_DELAY_MS);
  const tick = setInterval(scheduled, CHECK_TICK_MS);
  return {
    ...controller,
    stop() {
      clearTimeout(first);
      clearInterval(tick);
    },
  };
}
