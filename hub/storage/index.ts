import type { Storage, StorageObserver } from './types';

export type { PoolName, PoolStatus, Queryable, Storage, StorageObserver, StorageStatus } from './types';
export { migrate } from './migrate';

export interface StorageConfig {
  /** PostgreSQL connection string; when absent the hub uses PGlite. */
  databaseUrl?: string | undefined;
  /** PGlite's data folder; null keeps the database in memory. */
  dataDir: string | null;
  /** Where connection trouble is reported (PostgreSQL); the console when left out. */
  onError?: (message: string) => void;
  /** Told of every statement and transaction (the hub's metrics). */
  observer?: StorageObserver;
}

/** Opens PostgreSQL when a URL is given, PGlite otherwise. Drivers load lazily so each mode pays only for its own. */
export async function openStorage(config: StorageConfig): Promise<Storage> {
  const observer = config.observer ? { observer: config.observer } : {};
  if (config.databaseUrl) {
    const { openPostgres } = await import('./postgres');
    return openPostgres(config.databaseUrl, { ...(config.onError ? { onError: config.onError } : {}), ...observer });
  }
  const { openPglite } = await import('./pglite');
  return openPglite(config.dataDir, observer);
}
