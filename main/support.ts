/**
 * Updates, logs and diagnostics in the running app: sets them up from what
 * main knows at start and answers their IPC channels. Kept out of index.ts so
 * the shell's start-up stays readable.
 */
import os from 'node:os';
import path from 'node:path';
import type { App, CrashReporter, Shell } from 'electron';
import type { MainLogger } from 'electron-log';
import type { DesktopSettings } from '@core/bridge';
import { resolveFeedUrl, type HubMode, type UpdateState } from '@core/updates';
import type { IpcHandlers } from './ipc';
import { startCrashReporter } from './crash';
import { hostDiagnostics } from './host-info';
import { configureLogging, writeRendererLog } from './logging';
import { startDesktopUpdates, type DesktopUpdater, type DesktopUpdates } from './updates';

type SupportChannels = 'updates:state' | 'updates:check' | 'updates:restart' | 'updates:mid-contact' | 'log:write' | 'logs:open-folder' | 'diagnostics:host';

/** Before the app is ready: the log file and crash dumps, so a failing start leaves both. */
export function startLogsAndCrashDumps(deps: { app: App; log: MainLogger; crashReporter: CrashReporter; env: NodeJS.ProcessEnv }) {
  const logsDir = path.join(deps.app.getPath('userData'), 'logs');
  configureLogging(deps.log, logsDir);
  const crashSubmitUrl = startCrashReporter(deps.crashReporter, deps.env);
  deps.log.info(`${deps.app.getName()} ${deps.app.getVersion()} starting; crash dumps ${crashSubmitUrl ? 'are uploaded' : 'stay on this computer'}.`);
  return { logsDir, crashSubmitUrl };
}

export interface SupportOptions {
  app: App;
  shell: Pick<Shell, 'openPath'>;
  log: MainLogger;
  updater: DesktopUpdater;
  logsDir: string;
  crashSubmitUrl: string | null;
  settings: DesktopSettings;
  hub: { url: string; mode: HubMode };
  publish: (state: UpdateState) => void;
}

/** Starts the updater and returns the handlers of the support channels. */
export function startSupport(options: SupportOptions): { updates: DesktopUpdates; handlers: Pick<IpcHandlers, SupportChannels> } {
  const { app, log } = options;
  const updates = startDesktopUpdates({
    updater: options.updater,
    feedUrl: resolveFeedUrl(options.settings, options.hub),
    packaged: app.isPackaged,
    logger: log.scope('updates'),
    publish: options.publish,
  });
  const handlers: Pick<IpcHandlers, SupportChannels> = {
    'updates:state': () => updates.state(),
    'updates:check': () => updates.check(),
    'updates:restart': () => updates.restart(),
    'updates:mid-contact': (midContact) => {
      updates.setMidContact(midContact);
      return null;
    },
    'log:write': (entry) => {
      writeRendererLog(log, entry);
      return null;
    },
    'logs:open-folder': async () => {
      const problem = await options.shell.openPath(options.logsDir);
      if (problem) throw new Error(`The logs folder could not be opened: ${problem}`);
      return null;
    },
    'diagnostics:host': () =>
      hostDiagnostics({
        versions: process.versions,
        platform: process.platform,
        arch: process.arch,
        home: os.homedir(),
        logsDir: options.logsDir,
        crashDumpsDir: app.getPath('crashDumps'),
        crashSubmitUrl: options.crashSubmitUrl,
      }),
  };
  return { updates, handlers };
}
