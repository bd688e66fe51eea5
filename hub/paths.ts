import os from 'node:os';
import path from 'node:path';
import { PRODUCT_NAME } from '@core/config';

/**
 * The OS's per-user application-data folder for AgentDesk, the same folder
 * Electron's `app.getPath('userData')` gives the desktop app, so serve mode
 * and the desktop's embedded hub share one database.
 */
export function appDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), PRODUCT_NAME);
}

/** Where the embedded hub keeps its PGlite database by default. */
export function defaultHubDataDir(): string {
  return path.join(appDataDir(), 'hub');
}

/** A connection string fit for logs: the password is replaced. */
export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}
