import pg from 'pg';
import { redactDatabaseUrl } from '../paths';
import { observeTransaction } from './observe';
import type { Queryable, Storage, StorageObserver } from './types';

function wrap(target: pg.Pool | pg.PoolClient, observer?: StorageObserver, writeLockTaken?: Queryable['writeLockTaken']): Queryable {
  return {
    async query<T extends object>(sql: string, params: readonly unknown[] = []) {
      observer?.statement();
      const result = await target.query<T>(sql, [...params]);
      return result.rows;
    },
    async exec(sql: string) {
      observer?.statement();
      await target.query(sql);
    },
    ...(writeLockTaken ? { writeLockTaken } : {}),
  };
}

const INT8_OID = 20;

/** int8 (bigint, count(*)) as a JS number, as PGlite returns it: our ids and counters stay far below 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? (value: string) => Number(value)
      : (pg.types.getTypeParser(oid, format ?? 'text') as unknown)) as typeof pg.types.getTypeParser,
};

export interface PostgresOptions {
  /** Connection trouble (and the LISTEN connection's recovery), one line each, never the password. Default: console.warn. */
  onError?: (message: string) => void;
  /** Delays between attempts to get the LISTEN connection back: doubling from baseMs, capped at maxMs. */
  reconnect?: { baseMs: number; maxMs: number };
  /** How long a request waits for a connection before failing (the hub then answers 503). */
  connectionTimeoutMillis?: number;
  /** Connections per pool: reads (pulls, plain queries) and writes (every write transaction). Default 8 and 8. */
  poolSizes?: { reads?: number; writes?: number };
  /** Told of every statement and transaction (the hub's metrics). */
  observer?: StorageObserver;
}

/** A one-line description: pg errors can carry their client (and its connection settings), so never the object. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const message = error.message || error.name;
  return typeof code === 'string' && !message.includes(code) ? `${message} (${code})` : message;
}

interface Subscription {
  onPayload: (payload: string) => void;
  onReconnect: (() => void) | undefined;
}

/**
 * PostgreSQL through a connection pool; LISTEN runs on one dedicated
 * connection. Lost connections (restart, failover, pg_terminate_backend,
 * idle timeouts) are reported, never thrown from an event emitter: the pool
 * replaces its connections on demand, and the LISTEN connection comes back
 * on its own.
 */
export async function openPostgres(connectionString: string, options: PostgresOptions = {}): Promise<Storage> {
  const where = redactDatabaseUrl(connectionString);
  const report = options.onError ?? ((message: string) => console.warn(`PostgreSQL ${where}: ${message}`));
  const retry = options.reconnect ?? { baseMs: 200, maxMs: 5000 };
  const connection = {
    connectionString,
    types,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 5000,
    // Finds half-open connections (a failover without a reset) instead of waiting on them forever.
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  };
  // Writes have connections of their own, so a push never waits behind a crowd of pulls; they queue for the
  // write lock anyway, so a few connections are enough, and the rest wait here rather than inside PostgreSQL.
  const pools = {
    reads: new pg.Pool({ ...connection, max: options.poolSizes?.reads ?? 8, idleTimeoutMillis: 30_000 }),
    writes: new pg.Pool({ ...connection, max: options.poolSizes?.writes ?? 8, idleTimeoutMillis: 30_000 }),
  };
  for (const [name, pool] of Object.entries(pools)) {
    // Idle connections that die emit here; without a listener the process would exit.
    pool.on('error', (error) => report(`an idle ${name} connection was lost: ${describe(error)}`));
  }
  const endPools = () => Promise.all(Object.values(pools).map((pool) => pool.end().catch(() => undefined)));
  // Fail at start, with the server's message, rather than on the first request.
  try {
    await pools.reads.query('SELECT 1');
  } catch (error) {
    await endPools();
    throw error;
  }
  const { observer } = options;
  const base = wrap(pools.reads, observer);

  const channels = new Map<string, Set<Subscription>>();
  let listener: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let failures = 0;
  let closed = false;

  /** A new LISTEN connection, listening on every channel that has subscribers. */
  function connectListener(): Promise<pg.Client> {
    connecting ??= (async () => {
      const client = new pg.Client(connection);
      let live = false;
      const lost = (why: string) => {
        if (!live) return;
        live = false;
        if (listener === client) listener = null;
        void client.end().catch(() => undefined);
        if (closed) return;
        report(`the LISTEN connection was lost (${why}); reconnecting`);
        scheduleReconnect();
      };
      // Errors while connecting reject connect() below; later ones mean the connection is gone.
      client.on('error', (error) => lost(describe(error)));
      client.on('end', () => lost('connection ended'));
      client.on('notification', (message) => {
        for (const subscription of channels.get(message.channel) ?? []) subscription.onPayload(message.payload ?? '');
      });
      try {
        await client.connect();
        for (const channel of channels.keys()) await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
        if (closed) throw new Error('The storage was closed.');
      } catch (error) {
        await client.end().catch(() => undefined);
        throw error;
      }
      live = true;
      listener = client;
      return client;
    })().finally(() => {
      connecting = null;
    });
    return connecting;
  }

  function scheduleReconnect(): void {
    if (closed || retryTimer || connecting) return;
    const capped = Math.min(retry.maxMs, retry.baseMs * 2 ** failures);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      connectListener().then(
        () => {
          report(`the LISTEN connection is back${failures ? ` after ${failures + 1} attempts` : ''}`);
          failures = 0;
          // A notification may have been sent while nobody listened.
          for (const subscriptions of channels.values()) {
            for (const { onReconnect } of subscriptions) {
              try {
                onReconnect?.();
              } catch (error) {
                report(`a reconnect handler failed: ${describe(error)}`);
              }
            }
          }
        },
        (error: unknown) => {
          failures += 1;
          if (closed) return;
          report(`the LISTEN connection could not be restored (${describe(error)}); retrying`);
          scheduleReconnect();
        },
      );
    }, capped / 2 + Math.random() * (capped / 2));
    retryTimer.unref();
  }

  return {
    kind: 'postgres',
    query: base.query,
    exec: base.exec,
    transaction: (fn, options) => observeTransaction(observer, async (writeLockTaken) => {
      const client = await (options?.readOnlySnapshot ? pools.reads : pools.writes).connect();
      // A checked-out client has no pool listener: losing its connection would otherwise end the process.
      let broken: Error | undefined;
      const onLost = (error: Error) => {
        broken = error;
      };
      client.on('error', onLost);
      try {
        await client.query(options?.readOnlySnapshot ? 'BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY' : 'BEGIN');
        const result = await fn(wrap(client, observer, writeLockTaken));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: Error) => {
          broken ??= rollbackError;
        });
        throw error;
      } finally {
        client.off('error', onLost);
        // With an error, the pool discards the connection instead of handing it out again.
        client.release(broken);
      }
    }),
    async listen(channel, onPayload, onReconnect) {
      const subscription: Subscription = { onPayload, onReconnect };
      let set = channels.get(channel);
      const fresh = !set;
      if (!set) {
        set = new Set();
        channels.set(channel, set);
      }
      set.add(subscription);
      const subscriptions = set;
      if (fresh && !retryTimer) {
        try {
          // LISTEN twice is harmless; it covers a connection that was being set up without this channel.
          const client = listener ?? (await connectListener());
          await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
        } catch (error) {
          // Lost meanwhile: the reconnect listens on this channel too.
          if (!(retryTimer || connecting) || closed) {
            subscriptions.delete(subscription);
            if (subscriptions.size === 0) channels.delete(channel);
            throw error;
          }
        }
      }
      return async () => {
        subscriptions.delete(subscription);
        if (subscriptions.size === 0 && channels.get(channel) === subscriptions) {
          channels.delete(channel);
          await listener?.query(`UNLISTEN ${pg.escapeIdentifier(channel)}`).catch(() => undefined);
        }
      };
    },
    async notify(channel, payload) {
      await base.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    status: () => ({
      pools: {
        reads: { total: pools.reads.totalCount, idle: pools.reads.idleCount, waiting: pools.reads.waitingCount },
        writes: { total: pools.writes.totalCount, idle: pools.writes.idleCount, waiting: pools.writes.waitingCount },
      },
      // Nobody subscribed yet needs no connection; otherwise one must be up (a reconnect may be under way).
      listening: channels.size === 0 || listener !== null,
    }),
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      await connecting?.catch(() => undefined);
      const client = listener;
      listener = null;
      if (client) await client.end().catch(() => undefined);
      await endPools();
    },
  };
}
