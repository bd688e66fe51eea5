import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { APP_ORIGIN } from '@core/config';
import type { StorageKind } from '@core/hub-api';
import type { DemoSize } from '@core/demo';
import { applyConfiguredKeys, INTEGRATION_KEYS_ENV, parseIntegrationKeys, seedDemoIntegrationKey } from './api-keys';
import { buildApp } from './app';
import type { DemoSummary } from './demo';
import { OfferRouter } from './routing';
import { migrate, openStorage, type Storage } from './storage';
import { ChangeStreams } from './sync/events';
import { isEmptyHub } from './sync/store';
import type { PushHooks } from './sync/push';
import { systemClock, type Clock } from './clock';
import { startHousekeeping } from './housekeeping';
import { HubMetrics } from './metrics';
import type { HubLifecycle } from './plugins/context';

export interface HubOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** PostgreSQL; PGlite in `dataDir` when absent. */
  databaseUrl?: string | undefined;
  /** PGlite's folder; null keeps it in memory (tests). */
  dataDir: string | null;
  rendererDir?: string | null;
  /** The desktop update feed to serve at /updates/ (AGENTDESK_UPDATES_DIR); null or missing serves none. */
  updatesDir?: string | null;
  /** Extra cross-origin callers besides the desktop renderer. */
  allowedOrigins?: readonly string[];
  /** URLs the hub is reached at besides loopback and IP addresses (AGENTDESK_PUBLIC_URL): other Host names are refused. */
  publicUrls?: readonly string[];
  /** The hub's log (hub/logging.ts); false or missing logs nothing. */
  logger?: boolean | FastifyBaseLogger;
  /** Load this demo data set when the hub is empty (first start). */
  demo?: DemoSize | null;
  /** Test instrumentation for push (fault injection). */
  pushHooks?: PushHooks;
  /**
   * Integration API keys, "name:key,name2:key2" (AGENTDESK_INTEGRATION_KEYS when
   * left out). When given (even empty) they become the hub's configured keys and
   * configured keys not listed are revoked; when neither is set, keys stay as they are.
   */
  integrationKeys?: string | undefined;
  /** Offers to available agents (default on); false turns them off, or set the timer (null: no timer) and the offer TTL. */
  offers?: boolean | { intervalMs?: number | null; ttlMs?: number };
  /** What the hub takes to be now (the system clock unless a test sets another). */
  clock?: Clock;
  /** A bearer token that may read /metrics from any address (AGENTDESK_METRICS_TOKEN); this machine needs none. */
  metricsToken?: string | null;
  /**
   * How long closing answers /health/ready with 503 before it ends event streams and stops listening, so a load
   * balancer stops sending requests first (AGENTDESK_DRAIN_DELAY_MS). Default 0.
   */
  drainDelayMs?: number;
  /** How long closing waits for requests in flight before cutting their connections (AGENTDESK_SHUTDOWN_TIMEOUT_MS). */
  shutdownTimeoutMs?: number;
}

export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;

export interface RunningHub {
  /** e.g. http://127.0.0.1:4870 */
  readonly url: string;
  readonly port: number;
  readonly storageKind: StorageKind;
  readonly app: FastifyInstance;
  readonly storage: Storage;
  readonly hubId: string;
  /** Set when this start loaded demo data. */
  readonly demo: DemoSummary | null;
  /**
   * Stops the hub, draining: /health/ready answers 503 and new event streams are refused at once; after the
   * drain delay open streams are told to reconnect and ended, requests in flight (pushes) finish, bounded by the
   * shutdown timeout; then the database closes.
   */
  close(): Promise<void>;
}

async function readHubId(storage: Storage): Promise<string> {
  const rows = await storage.query<{ value: string }>("SELECT value FROM hub_meta WHERE key = 'hub_id'");
  const id = rows[0]?.value;
  if (!id) throw new Error('The hub database has no hub_id: its migrations did not complete.');
  return id;
}

/** Opens storage, runs migrations, and listens. Closing stops the server, then the database. */
export async function startHub(options: HubOptions): Promise<RunningHub> {
  // A malformed key list stops the start before anything is opened.
  const keysSetting = 'integrationKeys' in options ? options.integrationKeys : process.env[INTEGRATION_KEYS_ENV];
  const integrationKeys = keysSetting === undefined ? null : parseIntegrationKeys(keysSetting);
  const logger = typeof options.logger === 'object' ? options.logger : null;
  const metrics = new HubMetrics();
  const storage = await openStorage({
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir,
    observer: metrics.storageObserver,
    ...(logger ? { onError: (message: string) => logger.warn(`database: ${message}`) } : {}),
  });
  let app: FastifyInstance | undefined;
  let hubId: string;
  let demo: DemoSummary | null = null;
  const streams = new ChangeStreams(storage);
  metrics.watch({ storage, streams });
  const lifecycle: HubLifecycle = { draining: false };
  const clock = options.clock ?? systemClock;
  let stopHousekeeping = () => {};
  try {
    const schemaVersion = await migrate(storage);
    hubId = await readHubId(storage);
    if (options.demo && (await isEmptyHub(storage))) {
      // Loaded only when needed: the generator is not on the normal start-up path.
      const { loadDemoData } = await import('./demo');
      demo = await loadDemoData(storage, options.demo, clock.now());
      await storage.query("INSERT INTO hub_meta (key, value) VALUES ('demo', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", [options.demo]);
    }
    const demoRows = await storage.query<{ value: string }>("SELECT value FROM hub_meta WHERE key = 'demo'");
    const demoSize = (demoRows[0]?.value ?? null) as DemoSize | null;
    if (integrationKeys) await applyConfiguredKeys(storage, integrationKeys);
    // Also for hubs whose demo data was loaded before integrations existed.
    if (demoSize) await seedDemoIntegrationKey(storage);
    await streams.start(hubId);
    const offerSettings = typeof options.offers === 'object' ? options.offers : {};
    const log = (error: unknown) => app?.log.error({ err: error }, 'offer pass failed');
    const offers = options.offers === false ? null : new OfferRouter(storage, { ...offerSettings, onError: log, clock });
    app = await buildApp({
      context: {
        storage,
        schemaVersion,
        hubId,
        clock,
        startedAt: clock.now(),
        demo: demoSize,
        streams,
        offers,
        pushHooks: {
          // Looked up at each call: a test sets its fault hooks on the object it passed, after the hub started.
          afterMutation: (index) => options.pushHooks?.afterMutation?.(index),
          onResult: (result, replayed) => {
            metrics.mutation(result, replayed);
            options.pushHooks?.onResult?.(result, replayed);
          },
        },
        metrics,
        metricsToken: options.metricsToken ?? null,
        lifecycle,
      },
      rendererDir: options.rendererDir ?? null,
      updatesDir: options.updatesDir ?? null,
      allowedOrigins: [APP_ORIGIN, ...(options.allowedOrigins ?? [])],
      publicUrls: options.publicUrls ?? [],
      logger: options.logger ?? false,
    });
    await app.listen({ host: options.host, port: options.port });
    // Lapsed offers move on even when nothing else happens.
    offers?.start();
    stopHousekeeping = startHousekeeping(storage, clock, (error) => app?.log.error({ err: error }, 'housekeeping failed'));
  } catch (error) {
    await app?.close().catch(() => undefined);
    await streams.close().catch(() => undefined);
    await storage.close().catch(() => undefined);
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  const running = app;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    storageKind: storage.kind,
    app: running,
    storage,
    hubId,
    demo,
    close() {
      closing ??= (async () => {
        lifecycle.draining = true;
        if (options.drainDelayMs) await new Promise((resolve) => setTimeout(resolve, options.drainDelayMs));
        stopHousekeeping();
        // Fastify's close ends the event streams (preClose), stops accepting, and waits for requests in flight;
        // one still running after the timeout has its connection cut (the desktop retries the push elsewhere).
        const cut = setTimeout(() => running.server.closeAllConnections(), options.shutdownTimeoutMs ?? DEFAULT_SHUTDOWN_TIMEOUT_MS);
        cut.unref();
        try {
          await running.close();
        } finally {
          clearTimeout(cut);
        }
        await storage.close();
      })();
      return closing;
    },
  };
}
