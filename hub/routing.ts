/**
 * Offers: the hub offers each waiting contact to the longest-idle available
 * agent who can take it (src/routing planOffers). A pass runs after every
 * ingestion, after pushes that change who can take work (presence, claims,
 * declines, wrap-ups, releases), and on a timer so lapsed offers move on.
 * A pass writes under the hub's write lock, so any number of hub processes
 * can run passes against one PostgreSQL.
 */
import { systemClock, type Clock } from './clock';
import { PresenceRowSchema, QueueItemSchema, QueueSchema, UserSchema, type PresenceRow, type Queue, type QueueItem, type User } from '@core/domain/model';
import { NOTIFICATION_MESSAGES, noticeText, presenceKey } from '@core/sync/mutations/notices';
import { newNotification, type Notification } from '@core/domain/model';
import { joinPresence, planOffers, type Agent, type OfferChange, type ReturnedTransfer } from '@core/routing';
import { OFFER_TTL_MS, type MutationName } from '@core/sync/mutations';
import { derivedId } from '@core/sync/mutations/helpers';
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
  'contact.transfer',
  'contact.takeOver',
  'presence.setFor',
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
  /** Named transfers gone back to their queue (whoever transferred them is told). */
  returned: ReturnedTransfer[];
  /** Whether any row was written. */
  changed: boolean;
}

const NOTHING: OfferPassResult = { expired: [], withdrawn: [], offered: [], returned: [], changed: false };

interface RoutingState {
  items: QueueItem[];
  queues: Queue[];
  users: Agent[];
}

const OPEN_STATES: ReadonlySet<QueueItem['state']> = new Set(['waiting', 'claimed', 'wrap-up']);
const ROUTING_ENTITIES = ['queueItem', 'queue', 'user', 'presence'] as const;
/** Beyond this many changed rows since the last look, reading everything again is cheaper than catching up. */
const CATCH_UP_LIMIT = 5_000;

type RoutingRow = { entity: (typeof ROUTING_ENTITIES)[number]; id: string; deleted: boolean; data: unknown };

/**
 * What offer passes decide from, kept in memory per database and brought up
 * to date by reading only the rows written since the last look: a pass runs
 * after most pushes and every new contact, and reading every open item and
 * agent each time was most of its cost. The state is always exactly the
 * database's at some head (every write up to it and none after, announce.ts),
 * read in one statement, so it is never a mix of two moments.
 */
class RoutingMemory {
  private head: number | null = null;
  private readonly items = new Map<string, QueueItem>();
  private readonly queues = new Map<string, Queue>();
  private readonly users = new Map<string, User>();
  private readonly presence = new Map<string, PresenceRow>();

  /** One look at a time: two overlapping looks could leave rows of the older one over the newer one's. */
  private looking: Promise<unknown> = Promise.resolve();

  /** Brings the memory up to the database as `db` sees it now, and answers the state to plan from. */
  refresh(db: Queryable): Promise<RoutingState> {
    const look = this.looking.then(async () => {
      if (this.head === null || !(await this.catchUp(db, this.head))) await this.reload(db);
      return this.state();
    });
    this.looking = look.catch(() => undefined);
    return look;
  }

  private state(): RoutingState {
    const users: Agent[] = [];
    for (const presence of this.presence.values()) {
      const user = presence.presence === 'available' ? this.users.get(presence.id) : undefined;
      if (user) users.push(joinPresence(user, presence));
    }
    return { items: [...this.items.values()], queues: [...this.queues.values()], users };
  }

  private apply(row: RoutingRow): void {
    switch (row.entity) {
      case 'queueItem': {
        const item = row.deleted ? null : QueueItemSchema.parse(row.data);
        if (item && OPEN_STATES.has(item.state)) this.items.set(row.id, item);
        else this.items.delete(row.id);
        break;
      }
      case 'queue':
        if (row.deleted) this.queues.delete(row.id);
        else this.queues.set(row.id, QueueSchema.parse(row.data));
        break;
      case 'user':
        if (row.deleted) this.users.delete(row.id);
        else this.users.set(row.id, UserSchema.parse(row.data));
        break;
      case 'presence':
        if (row.deleted) this.presence.delete(row.id);
        else this.presence.set(row.id, PresenceRowSchema.parse(row.data));
        break;
    }
  }

  /** Reads the rows written since `since`; false when the memory cannot be caught up (too far behind, or the database went back). */
  private async catchUp(db: Queryable, since: number): Promise<boolean> {
    const rows = await db.query<{ head: string; entity: RoutingRow['entity'] | null; id: string; deleted: boolean; data: unknown }>(
      `WITH h AS (SELECT value::bigint AS head FROM hub_meta WHERE key = 'head'),
            c AS (SELECT e.entity, e.id, e.version, e.deleted, e.data FROM entities e, h
                   WHERE e.version > $1 AND e.version <= h.head AND e.entity = ANY ($2::text[]) ORDER BY e.version LIMIT $3)
       SELECT h.head, c.entity, c.id, c.deleted, c.data FROM h LEFT JOIN c ON true ORDER BY c.version`,
      [since, ROUTING_ENTITIES, CATCH_UP_LIMIT + 1],
    );
    const head = Number(rows[0]?.head ?? 0);
    if (head < since || rows.length > CATCH_UP_LIMIT) return false;
    for (const row of rows) if (row.entity) this.apply(row as RoutingRow);
    this.head = head;
    return true;
  }

  /** Reads everything routing needs afresh, from one snapshot. */
  private async reload(db: Queryable): Promise<void> {
    const rows = await db.query<{ head: string; entity: RoutingRow['entity'] | null; id: string; deleted: boolean; data: unknown }>(
      `WITH h AS (SELECT value::bigint AS head FROM hub_meta WHERE key = 'head'),
            r AS (SELECT entity, id, deleted, data FROM entities
                   WHERE entity = 'queueItem' AND (data->>'state') IN ('waiting', 'claimed', 'wrap-up') AND NOT deleted
                  UNION ALL
                  SELECT entity, id, deleted, data FROM entities WHERE entity IN ('queue', 'user', 'presence') AND NOT deleted)
       SELECT h.head, r.entity, r.id, r.deleted, r.data FROM h LEFT JOIN r ON true`,
    );
    this.items.clear();
    this.queues.clear();
    this.users.clear();
    this.presence.clear();
    for (const row of rows) if (row.entity) this.apply(row as RoutingRow);
    this.head = Number(rows[0]?.head ?? 0);
  }
}

/** One memory per database. */
const memories = new WeakMap<Storage, RoutingMemory>();

function memoryOf(storage: Storage): RoutingMemory {
  let memory = memories.get(storage);
  if (!memory) memories.set(storage, (memory = new RoutingMemory()));
  return memory;
}

/** What whoever transferred a contact to a named agent is told when it goes back to the queue. */
function returnedNotice(returned: ReturnedTransfer, state: RoutingState, now: number): Notification {
  const item = state.items.find((candidate) => candidate.id === returned.itemId)!;
  const agent = state.users.find((user) => user.id === returned.agentId);
  const name = agent?.name.split(/\s+/)[0] ?? 'The agent';
  const queue = state.queues.find((candidate) => candidate.id === item.queueId)?.name ?? 'its';
  const said =
    returned.why === 'expired'
      ? noticeText(NOTIFICATION_MESSAGES.notTakenInTime, { name, channel: item.channel, queue })
      : noticeText(NOTIFICATION_MESSAGES.cannotTake, { name, channel: item.channel, queue, presence: agent ? presenceKey(agent.presence) : 'gone' });
  return newNotification({
    id: derivedId(item.id, `returned:${returned.handoffAt}`),
    userId: returned.fromId,
    kind: 'transfer-returned',
    fromId: null,
    ...said,
    customerId: item.customerId,
    contactId: item.contactId,
    at: now,
  });
}

/**
 * One offer pass at `now`: expires lapsed offers, withdraws offers their
 * agent can no longer take, and offers waiting contacts in queue order. Looks
 * first without the write lock and takes it only when something is to change.
 */
export async function runOfferPass(storage: Storage, now: number, options: OfferPassOptions = {}): Promise<OfferPassResult> {
  const ttlMs = options.ttlMs ?? OFFER_TTL_MS;
  const memory = memoryOf(storage);
  const preview = planOffers({ ...(await memory.refresh(storage)), now, ttlMs });
  if (preview.updates.length === 0) return NOTHING;
  return writeTransaction(storage, async (tx) => {
    // Decided again with no other write in progress: another process or request may have changed things since.
    const state = await memory.refresh(tx);
    const plan = planOffers({ ...state, now, ttlMs });
    await writeRows(tx, 'queueItem', plan.updates);
    if (plan.returned.length) await writeRows(tx, 'notification', plan.returned.map((returned) => returnedNotice(returned, state, now)));
    return { expired: plan.expired, withdrawn: plan.withdrawn, offered: plan.offered, returned: plan.returned, changed: plan.updates.length > 0 };
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
