/**
 * The desktop's own log (main and renderer) with electron-log: one file,
 * userData/logs/main.log, rolled at 5 MB into main.1.log … main.4.log, every
 * line redacted (src/log-redact.ts). The embedded hub keeps its own hub.log in
 * the same folder.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { LogMessage, MainLogger } from 'electron-log';
import { redactLogArgs } from '@core/log-redact';
import type { LogEntry } from '@core/bridge';

export const LOG_FILE = 'main.log';
export const LOG_MAX_BYTES = 5 * 1024 * 1024;
/** Rolled files kept besides the current one. */
export const LOG_ARCHIVES = 4;

/** main.log becomes main.1.log, main.1.log becomes main.2.log, …; the oldest beyond `keep` is deleted. */
export function rotateLogFile(filePath: string, keep: number = LOG_ARCHIVES): void {
  const { dir, name, ext } = path.parse(filePath);
  const archive = (n: number) => path.join(dir, `${name}.${n}${ext}`);
  rmSync(archive(keep), { force: true });
  for (let n = keep - 1; n >= 1; n -= 1) if (existsSync(archive(n))) renameSync(archive(n), archive(n + 1));
  renameSync(filePath, archive(1));
}

/** The hook that keeps tokens and customer data out of every transport. */
export function redactHook(message: LogMessage): LogMessage {
  return { ...message, data: redactLogArgs(message.data) };
}

/** The subset of electron-log's main logger this module sets up (a fake in tests). */
export type DesktopLogger = Pick<MainLogger, 'transports' | 'hooks' | 'errorHandler' | 'scope'>;

/**
 * No log.initialize(): it would inject electron-log's own preload and IPC channel; the sandboxed
 * preload sends the renderer's lines over the validated log:write channel instead.
 */
export function configureLogging(log: DesktopLogger, logsDir: string): void {
  log.transports.file.resolvePathFn = () => path.join(logsDir, LOG_FILE);
  log.transports.file.maxSize = LOG_MAX_BYTES;
  log.transports.file.archiveLogFn = (file) => rotateLogFile(file.path);
  log.transports.file.level = 'info';
  log.hooks.push(redactHook);
  // Uncaught exceptions and unhandled rejections in main go to the file, without a dialog.
  log.errorHandler.startCatching({ showDialog: false });
}

/** A line the renderer sent (log:write). */
export function writeRendererLog(log: DesktopLogger, entry: LogEntry): void {
  log.scope('renderer')[entry.level](entry.message);
}
