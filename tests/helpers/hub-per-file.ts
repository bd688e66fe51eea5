/**
 * One hub per test file and storage target, as the integration suites share
 * it: a fresh database, the hub on a free port, a world imported, and
 * desktops that sign in to it. Called inside the target's `describe`, it
 * registers its own beforeAll/afterAll there, so every desktop signed in
 * through it is closed and the database dropped when the file ends.
 */
import { afterAll, beforeAll } from 'vitest';
import { importRows } from '../../hub/import';
import { startHub, type HubOptions, type RunningHub } from '../../hub/server';
import type { StorageTarget, TestDatabase } from './storage-targets';
import { Desktop, HubLink, type DesktopOptions, type HubAddress } from './sync-harness';
import { PASSWORD, smallWorld, type World } from './world';

export interface HubPerFileOptions {
  /** Start options beyond the database and address; offers are off unless asked for. */
  hub?: Omit<Partial<HubOptions>, 'host' | 'port' | 'databaseUrl' | 'dataDir'>;
  /** What the hub holds at the start; the small world when absent. */
  world?: () => World;
  /** More set-up once the world is in (keys, teams…). */
  seed?: (hub: RunningHub) => Promise<void>;
}

export interface HubPerFile {
  /** The running hub (read it inside tests and hooks, after the file's set-up). */
  readonly hub: RunningHub;
  /** The hub's address, for links that go off- and online. */
  readonly address: HubAddress;
  /** Desktops signed in so far, in order. */
  readonly desktops: readonly Desktop[];
  /** A desktop signed in as `username` (password of the test world) and synced once; closed when the file ends. */
  signIn: (username: string, options?: { engine?: DesktopOptions['engine']; sync?: boolean }) => Promise<Desktop>;
}

export function hubPerFile(target: StorageTarget, options: HubPerFileOptions = {}): HubPerFile {
  let database: TestDatabase | undefined;
  let hub: RunningHub | undefined;
  const address: HubAddress = { url: '' };
  const desktops: Desktop[] = [];

  beforeAll(async () => {
    if (target.skipReason) return;
    database = await target.create();
    hub = await startHub({ offers: false, ...options.hub, host: '127.0.0.1', port: 0, databaseUrl: database.databaseUrl, dataDir: database.dataDir });
    address.url = hub.url;
    const world = (options.world ?? smallWorld)();
    await importRows(hub.storage, world.entries, world.accounts);
    await options.seed?.(hub);
  });
  afterAll(async () => {
    for (const desktop of desktops) await desktop.close();
    await hub?.close();
    await database?.drop();
  });

  return {
    get hub() {
      if (!hub) throw new Error('the hub starts in beforeAll: read it inside a test or hook');
      return hub;
    },
    address,
    desktops,
    signIn: async (username, { engine, sync = true } = {}) => {
      const desktop = await Desktop.signIn({ link: new HubLink(address), username, password: PASSWORD, ...(engine ? { engine } : {}) });
      desktops.push(desktop);
      if (sync) await desktop.sync();
      return desktop;
    },
  };
}
