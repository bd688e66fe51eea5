/**
 * Offers: the hub offers each waiting contact to the longest-idle available
 * agent who can take it (src/routing planOffers). A pass runs after every
 * ingestion, after pushes that change who can take work (presence, claims,
 * declines, wrap-ups, releases), and on a timer so lapsed offers move on.
 * A pass writes under the hub's write lock, so any number of hub processes
 * can run passes against one PostgreSQL.
 */
import { systemClock, type Clock } from './clock';
import { PresenceRowSchema, QueueItemSchema, QueueSchema, UserSchema, type Queue, type QueueItem } from '@core/domain/model';
import { joinPresence, planOffers, type Agent, type OfferChange } from '@core/routing';
import { OFFER_TTL_MS, type MutationName } from '@core/sync/mutations';
import type { Queryable, Storage } from './storage';
import { writeRows, writeTransaction } from './sync/store';

/** How often the timer pass runs. */
export const OFFER_PASS_INTERVAL_MS = 5_000;

/** Mutations after which offers may change. */
export const OFFER_TRIGGERS: ReadonlySet<MutationName> = new Set<MutationName>([
  'presence.set',
  'contact.claim',
  'contact.decline',
  'contact.release',
  'contact.endConversation',
  'contact.wrapUp',
  // Someone disabled, moved to another team or given other skills; a queue's team or channels changed.
  'user.update',
  'queue.save',
]);

export interface OfferPassOptions {
  /** How long an offer lasts (OFFER_TTL_MS; tests shorten it). */
  ttlMs?: number;
}

export interface OfferPassResult {
  expired: OfferChange[];
  withdrawn: OfferChange[];
  offered: OfferChange[];
  /** Whether any row was written. */
  changed: boolean;
}

const NOTHING: OfferPassResult = { expired: [], withdrawn: [], offered: [], changed: false };

interface RoutingState {
  items: QueueItem[];
  queues: Queue[];
  users: Agent[];
}

/**
 * Rows already validated, by entity, id and version: a pass reads every open
 * item and every available agent, twice (before and under the write lock),
 * and most have not changed since the last pass. A row's version changes with
 * every write, so a remembered row is never stale.
 */
class ParsedRows {
  private rows = new Map<string, unknown>();

  constructor(private readonly limit = 50_000) {}

  get<T>(entity: string, id: string, version: unknown, data: unknown, parse: (data: unknown) => T): T {
    const key = `${entity}\u0000${id}\u0000${String(version)}`;
    let parsed = this.rows.get(key) as T | undefined;
    if (parsed === undefined) {
      // Old versions are never asked for again: start afresh rather than track them.
      if (this.rows.size >= this.limit) this.rows = new Map();
      this.rows.set(key, (parsed = parse(data)));
    }
    return parsed;
  }
}

/** One memory per database: versions only identify a row's content within one. */
const parsedByStorage = new WeakMap<Storage, ParsedRows>();

function parsedRowsOf(storage: Storage): ParsedRows {
  let parsed = parsedByStorage.get(storage);
  if (!parsed) parsedByStorage.set(storage, (parsed = new ParsedRows()));
  return parsed;
}

/** Open queue items (the partial index of migration 0003), every queue, and the people who are available with their presence (migration 0007's index). */
async function loadRoutingState(db: Queryable, parsedRows: ParsedRows): Promise<RoutingState> {
  // One after another: a transaction's connection runs one query at a time.
  const items = await db.query<{ id: string; version: string; data: unknown }>(
    "SELECT id, version, data FROM entities WHERE entity = 'queueItem' AND (data->>'state') IN ('waiting', 'claimed', 'wrap-up') AND NOT deleted",
  );
  const queues = await db.query<{ data: unknown }>("SELECT data FROM entities WHERE entity = 'queue' AND NOT deleted");
  const agents = await db.query<{ id: string; person_version: string; presence_version: string; person: unknown; presence: unknown }>(
    `SELECT p.id, u.version AS person_version, p.version AS presence_version, u.data AS person, p.data AS presence
       FROM entities p JOIN entities u ON u.entity = 'user' AND u.id = p.id AND NOT u.deleted
      WHERE p.entity = 'presence' AND p.data->>'presence' = 'available' AND NOT p.deleted`,
  );
  return {
    items: items.map((row) => parsedRows.get('queueItem', row.id, row.version, row.data, (data) => QueueItemSchema.parse(data))),
    queues: queues.map((row) => QueueSchema.parse(row.data)),
    users: agents.map((row) =>
      joinPresence(
        parsedRows.get('user', row.id, row.person_version, row.person, (data) => UserSchema.parse(data)),
        parsedRows.get('presence', row.id, row.presence_version, row.presence, (data) => PresenceRowSchema.parse(data)),
      ),
    ),
  };
}

/**
 * One offer pass at `now`: expires lapsed offers, withdraws offers their
 * agent can no longer take, and offers waiting contacts in queue order. Looks
 * first without the write lock and takes it only when something is to change.
 */
export async function runOfferPass(storage: Storage, now: number, options: OfferPassOptions = {}): Promise<OfferPassResult> {
  const ttlMs = options.ttlMs ?? OFFER_TTL_MS;
  const parsedRows = parsedRowsOf(storage);
  const preview = planOffers({ ...(await loadRoutingState(storage, parsedRows)), now, ttlMs });
  if (preview.updates.length === 0) return NOTHING;
  return writeTransaction(storage, async (tx) => {
    // Decided again under the lock: another process or request may have changed things since.
    const plan = planOffers({ ...(await loadRoutingState(tx, parsedRows)), now, ttlMs });
    await writeRows(tx, 'queueItem', plan.updates);
    return { expired: plan.expired, withdrawn: plan.withdrawn, offered: plan.offered, changed: plan.updates.length > 0 };
  });
}

export interface OfferRouterOptions {
  /** The timer's period; null runs no timer. */
  intervalMs?: number | null;
  ttlMs?: number;
  /** Where failed passes are reported (they never fail the request that asked for one). */
  onError?: (error: unknown) => void;
  /** The hub's clock (the system's when left out). */
  clock?: Clock;
}

/**
 * Runs offer passes for one hub process: on request (coalesced: a request
 * made while a pass runs is served by one more pass after it, shared by every
 * such request) and on a timer. What a pass writes is announced like any write.
 */
export class OfferRouter {
  private running: Promise<OfferPassResult | null> | null = null;
  private next: Promise<OfferPassResult | null> | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private stopped = false;

  constructor(
    private readonly storage: Storage,
    private readonly options: OfferRouterOptions = {},
  ) {}

  start(): void {
    const interval = this.options.intervalMs === undefined ? OFFER_PASS_INTERVAL_MS : this.options.intervalMs;
    if (interval === null || this.timer || this.stopped) return;
    this.timer = setInterval(() => void this.request(), interval);
    this.timer.unref();
  }

  /** A pass that starts after this call; resolves with its result (null if it failed or the router stopped). */
  request(): Promise<OfferPassResult | null> {
    if (this.stopped) return Promise.resolve(null);
    if (!this.running) {
      this.running = this.pass().finally(() => {
        this.running = null;
      });
      return this.running;
    }
    this.next ??= this.running.then(() => {
      this.next = null;
      return this.request();
    });
    return this.next;
  }

  private async pass(): Promise<OfferPassResult | null> {
    try {
      const result = await runOfferPass(this.storage, (this.options.clock ?? systemClock).now(), this.options.ttlMs !== undefined ? { ttlMs: this.options.ttlMs } : {});
      return result;
    } catch (error) {
      if (!this.stopped) this.options.onError?.(error);
      return null;
    }
  }

  /** Stops the timer and waits for a pass in progress (before the database closes). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.next?.catch(() => undefined);
    await this.running?.catch(() => undefined);
  }
}
