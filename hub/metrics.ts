/**
 * The hub's metrics in Prometheus form (GET /metrics, hub/plugins/metrics.ts).
 * Each hub has a registry of its own, since one process may run several
 * (tests do). What belongs to the process, not to a hub (CPU, memory, GC,
 * event-loop lag and utilization), is in one registry per process, created
 * at the first scrape: prom-client's default metrics start monitors that are
 * never stopped, so a hub nobody watches pays nothing and many hubs in one
 * process do not each add their own.
 */
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { MutationResult, PullResponse } from '@core/sync/protocol';
import type { PoolStatus, Storage, StorageObserver } from './storage';
import type { ChangeStreams } from './sync/events';

const SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const LOCK_SECONDS = [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

let processRegistry: Registry | null = null;

/** CPU, memory, GC, event-loop lag (prom-client's defaults) and event-loop utilization, for the whole process. */
function processMetrics(): Registry {
  if (processRegistry) return processRegistry;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  // Utilization over the last one to two seconds: a reading reflects the load now, whoever scrapes and how often.
  let windowStart: EventLoopUtilization | null = null;
  let current = performance.eventLoopUtilization();
  const timer = setInterval(() => {
    windowStart = current;
    current = performance.eventLoopUtilization();
  }, 1000);
  timer.unref();
  new Gauge({
    name: 'agentdesk_event_loop_utilization',
    help: 'Share of the last 1-2 s the event loop was busy (0-1); above about 0.9 requests queue behind each other.',
    registers: [registry],
    collect() {
      const now = performance.eventLoopUtilization();
      this.set(windowStart ? performance.eventLoopUtilization(now, windowStart).utilization : now.utilization);
    },
  });
  processRegistry = registry;
  return registry;
}

/** Counters read from elsewhere when scraped: set to the source's running total. */
function total(counter: Counter, value: number): void {
  counter.reset();
  counter.inc(value);
}

export class HubMetrics {
  readonly registry = new Registry();

  private readonly httpDuration = new Histogram({
    name: 'agentdesk_http_request_duration_seconds',
    help: 'HTTP requests answered, by method, route pattern and status class, and how long they took (event streams and /metrics left out).',
    labelNames: ['method', 'route', 'status_class'] as const,
    buckets: SECONDS,
    registers: [this.registry],
  });

  private readonly pushDuration = new Histogram({
    name: 'agentdesk_sync_push_duration_seconds',
    help: 'Pushes answered 200, and how long each took (all its mutations, the offer pass and the poke).',
    buckets: SECONDS,
    registers: [this.registry],
  });

  private readonly applied = new Counter({
    name: 'agentdesk_sync_mutations_applied_total',
    help: 'Mutations from desktops applied.',
    registers: [this.registry],
  });

  private readonly rejected = new Counter({
    name: 'agentdesk_sync_mutations_rejected_total',
    help: 'Mutations from desktops refused by the rules (or, code "internal", by an unexpected error), by code.',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  private readonly replayed = new Counter({
    name: 'agentdesk_sync_mutations_replayed_total',
    help: 'Mutations sent again (a retried push) and answered from the stored result, not applied twice.',
    registers: [this.registry],
  });

  private readonly pulls = new Counter({
    name: 'agentdesk_sync_pulls_total',
    help: 'Pulls answered, by result: "changes" (rows delivered), "empty" (nothing new) or "reset" (the desktop starts over).',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  private readonly pullRows = new Counter({
    name: 'agentdesk_sync_pull_rows_total',
    help: 'Rows (changes and deletions) delivered by pulls.',
    registers: [this.registry],
  });

  private readonly pullBytes = new Counter({
    name: 'agentdesk_sync_pull_bytes_total',
    help: 'Bytes of pull answers as JSON, before the hub or a proxy compresses them.',
    registers: [this.registry],
  });

  private readonly ingested = new Counter({
    name: 'agentdesk_contacts_ingested_total',
    help: 'Contacts posted by integrations and accepted, by result: "created" (recorded and queued) or "repeat" (an externalId posted before; nothing written).',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  private readonly lockWait = new Histogram({
    name: 'agentdesk_write_lock_wait_seconds',
    help: "Time transactions waited for the hub's write lock (every write of synced rows takes it, across all hub processes).",
    buckets: LOCK_SECONDS,
    registers: [this.registry],
  });

  private readonly lockHold = new Histogram({
    name: 'agentdesk_write_lock_hold_seconds',
    help: 'Time the write lock was held, from taking it to commit or rollback.',
    buckets: LOCK_SECONDS,
    registers: [this.registry],
  });

  private readonly queries = new Counter({
    name: 'agentdesk_db_queries_total',
    help: 'Statements sent to the database (queries and execs, in transactions or not; not the BEGIN and COMMIT around a transaction).',
    registers: [this.registry],
  });

  private readonly transactions = new Counter({
    name: 'agentdesk_db_transactions_total',
    help: 'Database transactions started.',
    registers: [this.registry],
  });

  constructor() {
    // Series known in advance start at 0, so rates and alerts work before the first event.
    for (const result of ['changes', 'empty', 'reset']) this.pulls.inc({ result }, 0);
    for (const result of ['created', 'repeat']) this.ingested.inc({ result }, 0);
  }

  /** Told of every statement and transaction by the storage (openStorage's observer). */
  readonly storageObserver: StorageObserver = {
    statement: () => this.queries.inc(),
    transaction: () => this.transactions.inc(),
    writeLock: (waitedMs, heldMs) => {
      this.lockWait.observe(waitedMs / 1000);
      this.lockHold.observe(heldMs / 1000);
    },
  };

  /** Gauges and counters read from the hub's parts at each scrape. */
  watch({ storage, streams }: { storage: Storage; streams: ChangeStreams }): void {
    const registers = [this.registry];
    new Gauge({ name: 'agentdesk_event_streams_open', help: 'Event streams (GET /sync/events) open on this process: about one per desktop online.', registers, collect() {
      this.set(streams.size);
    } });
    new Counter({ name: 'agentdesk_announcements_total', help: 'Write announcements this process heard (one per write transaction, from every process).', registers, collect() {
      total(this, streams.announcements);
    } });
    new Counter({ name: 'agentdesk_change_events_total', help: 'Changes events written to event streams (rows sent as they change; events within 25 ms make one).', registers, collect() {
      total(this, streams.changeWrites);
    } });
    new Counter({ name: 'agentdesk_poke_writes_total', help: 'Pokes written to event streams (a desktop asked to pull).', registers, collect() {
      total(this, streams.pokeWrites);
    } });
    new Gauge({ name: 'agentdesk_db_listen_connected', help: 'Whether change notifications from other hub processes are heard (1) or not (0: the LISTEN connection is being restored).', registers, collect() {
      this.set(storage.status().listening ? 1 : 0);
    } });
    if (storage.status().pools) {
      const each = (gauge: Gauge<'pool'>, figure: (pool: PoolStatus) => number) => {
        for (const [name, pool] of Object.entries(storage.status().pools ?? {})) gauge.set({ pool: name }, figure(pool));
      };
      new Gauge({ name: 'agentdesk_db_pool_connections', help: 'PostgreSQL connections open, by pool (reads: at most 8, writes: at most 4).', labelNames: ['pool'], registers, collect() {
        each(this, (pool) => pool.total);
      } });
      new Gauge({ name: 'agentdesk_db_pool_idle_connections', help: 'Pool connections open and not in use, by pool.', labelNames: ['pool'], registers, collect() {
        each(this, (pool) => pool.idle);
      } });
      new Gauge({ name: 'agentdesk_db_pool_waiting', help: 'Requests waiting for a pool connection, by pool: above 0 for long, that pool (or the database) is the bottleneck.', labelNames: ['pool'], registers, collect() {
        each(this, (pool) => pool.waiting);
      } });
    }
  }

  /** An answered request; `route` is the route's pattern (never the raw URL, which would make a series per customer). */
  request(method: string, route: string, statusCode: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status_class: `${Math.floor(statusCode / 100)}xx` }, seconds);
  }

  pushed(seconds: number): void {
    this.pushDuration.observe(seconds);
  }

  mutation(result: MutationResult, replayed: boolean): void {
    if (replayed) this.replayed.inc();
    else if (result.status === 'applied') this.applied.inc();
    else this.rejected.inc({ code: result.code });
  }

  pulled(response: PullResponse): void {
    if (response.kind === 'reset') {
      this.pulls.inc({ result: 'reset' });
      return;
    }
    this.pulls.inc({ result: response.changes.length ? 'changes' : 'empty' });
    this.pullRows.inc(response.changes.length);
  }

  pulledBytes(bytes: number): void {
    this.pullBytes.inc(bytes);
  }

  contactIngested(created: boolean): void {
    this.ingested.inc({ result: created ? 'created' : 'repeat' });
  }

  readonly contentType = this.registry.contentType;

  /** The exposition: this hub's metrics, then the process's. */
  async text(): Promise<string> {
    const [hub, process] = await Promise.all([this.registry.metrics(), processMetrics().metrics()]);
    return `${hub}\n${process}`;
  }
}
