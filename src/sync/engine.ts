/**
 * The desktop's sync engine: pushes the outbox, pulls pages since its cursor,
 * listens for pokes, and retries with capped, jittered backoff. It runs in a
 * Web Worker in the workstation and in plain Node in tests; it needs only
 * fetch and an IndexedDB (through the AgentDeskDb it is given).
 */
import { defineMessages } from '@formatjs/intl';
import { META, type AgentDeskDb } from '../db/schema';
import type { Message } from '../i18n/messages';
import { applyPulledPage, rejectionMessage, resetLocalCache } from './local';
import type { Actor } from './mutations';
import {
  MAX_PUSH_MUTATIONS,
  CHANGES_EVENT,
  DeliverySchema,
  POKE_EVENT,
  PROTOCOL_VERSION,
  EssentialsResponseSchema,
  PullResponseSchema,
  PushResponseSchema,
  type Delivery,
  type PullResponse,
  type PushRequest,
} from './protocol';

export type SyncState = 'starting' | 'syncing' | 'online' | 'offline' | 'error' | 'unauthorized' | 'stopped';

export interface SyncStatus {
  state: SyncState;
  /** While the first full pull runs: rows received so far and about how many there will be. */
  bootstrap: { received: number; total: number | null } | null;
  lastSyncedAt: number | null;
  /** Why the last attempt failed, in British English with its technical detail: for logs and support diagnostics. */
  error: string | null;
  /** The same for the agent, formatted in their language (absent: `error` is the hub's own answer, already worded in it). */
  errorSaid?: Message | null;
  /** When the next attempt is due after a failure. */
  retryAt: number | null;
}

export interface SyncEngineOptions {
  db: AgentDeskDb;
  hubUrl: string;
  token: string;
  actor: Actor;
  fetch?: typeof fetch;
  /** Open the server-sent events stream for pokes (default true). */
  live?: boolean;
  pullLimit?: number;
  backoff?: { baseMs: number; maxMs: number };
  requestTimeoutMs?: number;
  random?: () => number;
  now?: () => number;
  newClientId?: () => string;
  onStatus?: (status: SyncStatus) => void;
  /** The hub no longer accepts the token: the person must sign in again. */
  onUnauthorized?: () => void;
  /** The person's language now, sent as Accept-Language so the hub words its refusals for them. */
  language?: () => string;
}

/**
 * What the agent reads when syncing fails (the connection indicator, Settings).
 * Technical detail (the network error, the path asked for) stays in the
 * English `error`, for logs and support diagnostics.
 */
export const SYNC_ERROR_MESSAGES = defineMessages({
  offline: { id: 'sync.error.offline', defaultMessage: 'This computer is offline.' },
  unreachable: { id: 'sync.error.unreachable', defaultMessage: 'The hub cannot be reached.' },
  unreadable: { id: 'sync.error.unreadable', defaultMessage: 'The hub sent an answer this desktop cannot read.' },
  answered: { id: 'sync.error.answered', defaultMessage: 'The hub answered with status {status}.' },
  notAllTaken: { id: 'sync.error.notAllTaken', defaultMessage: 'The hub did not take every change it was sent.' },
  keepsResetting: { id: 'sync.error.keepsResetting', defaultMessage: 'The hub keeps asking this desktop to start its copy again.' },
  failed: { id: 'sync.error.failed', defaultMessage: 'Syncing failed unexpectedly on this desktop.' },
});

/** A failure talking to the hub, classified for retrying. */
export class SyncError extends Error {
  constructor(
    /** In English, with the technical detail: for logs and diagnostics. */
    message: string,
    readonly kind: 'network' | 'server' | 'unauthorized' | 'refused',
    readonly status?: number,
    readonly code?: string,
    /** How long the hub asked to be left alone (Retry-After), if it said. */
    readonly retryAfterMs?: number,
    /** What the agent reads; absent when `message` is the hub's answer, already in their language. */
    readonly said?: Message,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

/** A failure as the agent reads it, and its English for diagnostics. */
function failureStatus(error: unknown): Pick<SyncStatus, 'error' | 'errorSaid'> {
  if (error instanceof SyncError) return { error: error.message, errorSaid: error.said ?? null };
  return { error: error instanceof Error ? error.message : String(error), errorSaid: { descriptor: SYNC_ERROR_MESSAGES.failed } };
}

/** A Retry-After header (seconds or an HTTP date) in milliseconds; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Equal-jitter exponential backoff: half the capped delay plus a random half. */
export function backoffDelay(failures: number, baseMs: number, maxMs: number, random: () => number): number {
  const capped = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(capped / 2 + random() * (capped / 2));
}

const MAX_RESETS_PER_CYCLE = 3;
/** How long a push's effects may take to arrive on the event stream before the desktop pulls them instead. */
const DELIVERY_WAIT_MS = 3_000;
/** A push stays well under the hub's body limit. */
const MAX_PUSH_BYTES = 1024 * 1024;

/** The longest prefix of `batch` (at least one) whose JSON stays under the byte budget. */
function underBudget<T>(batch: readonly T[]): T[] {
  let bytes = 0;
  const kept: T[] = [];
  for (const item of batch) {
    bytes += JSON.stringify(item).length * 2;
    if (kept.length > 0 && bytes > MAX_PUSH_BYTES) break;
    kept.push(item);
  }
  return kept;
}

export class SyncEngine {
  private readonly opts: Required<Omit<SyncEngineOptions, 'onStatus' | 'onUnauthorized' | 'language'>> & Pick<SyncEngineOptions, 'onStatus' | 'onUnauthorized' | 'language'>;
  private status: SyncStatus = { state: 'starting', bootstrap: null, lastSyncedAt: null, error: null, retryAt: null };
  private chain: Promise<unknown> = Promise.resolve();
  private wanted = false;
  /** Pulls asked for (a poke, start, the network back, "sync now") and pulls done since: a push alone does not need one. */
  private pullsAsked = 1;
  private pullsDone = 0;
  /** Whether the event stream is open and sending rows. */
  private streamOpen = false;
  /** The last push whose effects are still to arrive on the stream: it is acknowledged when the cursor reaches its version. */
  private awaited: { version: number; lastMutationId: number; timer: ReturnType<typeof setTimeout> } | null = null;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private failures = 0;
  private stopped = true;
  private readonly stopper = new AbortController();
  private events: Promise<void> | null = null;
  private networkUp = true;

  constructor(options: SyncEngineOptions) {
    this.opts = {
      fetch: (...args) => fetch(...args),
      live: true,
      pullLimit: 1000,
      backoff: { baseMs: 1000, maxMs: 30_000 },
      requestTimeoutMs: 30_000,
      random: Math.random,
      now: Date.now,
      newClientId: () => crypto.randomUUID(),
      ...options,
      hubUrl: options.hubUrl.replace(/\/+$/, ''),
    };
  }

  get currentStatus(): SyncStatus {
    return this.status;
  }

  /** Starts syncing in the background: now, whenever kicked, on every poke, and again after failures. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.opts.db.getMeta<number>(META.lastSyncedAt).then((at) => this.setStatus({ lastSyncedAt: at ?? null }));
    this.kick('start');
    if (this.opts.live) this.events = this.listen();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopAwaiting();
    this.stopper.abort();
    this.wake?.();
    await Promise.allSettled([this.loop, this.events, this.chain]);
    this.setStatus({ state: 'stopped', retryAt: null });
  }

  /**
   * Asks for a sync soon. A new local change does not cut a backoff wait short
   * (the hub is probably still away); the network coming back, a poke or an
   * explicit request do.
   */
  kick(reason: 'start' | 'mutation' | 'poke' | 'online' | 'manual' = 'manual'): void {
    if (this.stopped) return;
    this.wanted = true;
    if (reason !== 'mutation') {
      this.pullsAsked += 1;
      this.wake?.();
    }
    this.loop ??= this.runLoop().finally(() => {
      this.loop = null;
      if (this.wanted && !this.stopped) this.kick('manual');
    });
  }

  /**
   * What the operating system says about the network. While it is down no
   * request is attempted (the outbox simply waits); when it comes back a sync
   * starts at once instead of at the end of a backoff wait.
   */
  setNetworkAvailable(up: boolean): void {
    if (up === this.networkUp) return;
    this.networkUp = up;
    if (up) this.kick('online');
    else this.setStatus({ state: 'offline', error: 'This computer is offline.', retryAt: null });
  }

  /** One full cycle (push everything, pull everything); throws what went wrong. For tests and "sync now". */
  sync(): Promise<void> {
    this.pullsAsked += 1;
    return this.run();
  }

  private run(): Promise<void> {
    const next = this.chain.then(() => this.cycle());
    this.chain = next.catch(() => undefined);
    return next;
  }

  private setStatus(patch: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...patch };
    this.opts.onStatus?.(this.status);
  }

  private async runLoop(): Promise<void> {
    while (this.wanted && !this.stopped) {
      this.wanted = false;
      try {
        await this.run();
        this.failures = 0;
        this.setStatus({ state: 'online', error: null, errorSaid: null, retryAt: null });
      } catch (error) {
        if (this.stopped) return;
        if (error instanceof SyncError && error.kind === 'unauthorized') {
          this.setStatus({ state: 'unauthorized', ...failureStatus(error), retryAt: null });
          this.stopped = true;
          this.opts.onUnauthorized?.();
          return;
        }
        this.failures += 1;
        // A hub that says when to come back (503 while its database is away) is not asked sooner, nor later than our own cap.
        const hinted = error instanceof SyncError && error.retryAfterMs !== undefined ? Math.min(error.retryAfterMs, this.opts.backoff.maxMs) : 0;
        const delay = Math.max(hinted, backoffDelay(this.failures, this.opts.backoff.baseMs, this.opts.backoff.maxMs, this.opts.random));
        const offline = error instanceof SyncError ? error.kind === 'network' || error.kind === 'server' : false;
        this.setStatus({
          state: offline ? 'offline' : 'error',
          ...failureStatus(error),
          retryAt: this.opts.now() + delay,
        });
        await this.sleep(delay);
        this.wanted = true;
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        done();
      };
    });
  }

  // ------------------------------------------------------------ HTTP

  private languageHeader(): Record<string, string> {
    const language = this.opts.language?.();
    return language ? { 'accept-language': language } : {};
  }

  private async request(path: string, init: RequestInit = {}): Promise<unknown> {
    if (!this.networkUp) throw new SyncError('This computer is offline.', 'network', undefined, undefined, undefined, { descriptor: SYNC_ERROR_MESSAGES.offline });
    const signal = AbortSignal.any([this.stopper.signal, AbortSignal.timeout(this.opts.requestTimeoutMs)]);
    let response: Response;
    try {
      response = await this.opts.fetch(`${this.opts.hubUrl}${path}`, {
        ...init,
        signal,
        headers: { authorization: `Bearer ${this.opts.token}`, ...this.languageHeader(), ...(init.body ? { 'content-type': 'application/json' } : {}) },
      });
    } catch (error) {
      throw new SyncError(`The hub cannot be reached (${error instanceof Error ? error.message : String(error)})`, 'network', undefined, undefined, undefined, { descriptor: SYNC_ERROR_MESSAGES.unreachable });
    }
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      if (response.ok) throw new SyncError(`The hub sent an unreadable answer to ${path}`, 'server', response.status, undefined, undefined, { descriptor: SYNC_ERROR_MESSAGES.unreadable });
    }
    if (response.ok) return body;
    // The hub words its answer in the agent's language (Accept-Language); without one, the status is all there is to say.
    const worded = (body as { message?: string } | null)?.message;
    const message = worded ?? `The hub answered ${response.status}`;
    const said = worded === undefined ? { descriptor: SYNC_ERROR_MESSAGES.answered, values: { status: response.status } } : undefined;
    const code = (body as { error?: string } | null)?.error;
    if (response.status === 401) throw new SyncError(message, 'unauthorized', 401, code, undefined, said);
    if (response.status >= 500 || response.status === 429 || response.status === 408) {
      throw new SyncError(message, 'server', response.status, code, parseRetryAfter(response.headers.get('retry-after'), this.opts.now()), said);
    }
    throw new SyncError(message, 'refused', response.status, code, undefined, said);
  }

  private async clientId(): Promise<string> {
    const db = this.opts.db;
    const existing = await db.getMeta<string>(META.clientId);
    if (existing) return existing;
    const id = this.opts.newClientId();
    await db.setMeta(META.clientId, id);
    return id;
  }

  // ------------------------------------------------------------ cycle

  /**
   * Pushes, then pulls when a pull was asked for. A push alone needs no pull
   * while the event stream is open: its effects arrive there, and the push is
   * acknowledged when they have (or pulled after DELIVERY_WAIT_MS).
   */
  private async cycle(): Promise<void> {
    this.setStatus({ state: 'syncing' });
    const pushed = await this.pushAll();
    const asked = this.pullsAsked;
    const db = this.opts.db;
    const onStream = this.streamOpen && asked === this.pullsDone && (await db.getMeta<boolean>(META.bootstrapped));
    if (onStream && pushed.version !== undefined) await this.awaitDelivery(pushed.version, pushed.lastMutationId);
    // Nothing pushed and no pull asked for (the changes went with an earlier cycle): nothing to do.
    else if (!onStream || pushed.lastMutationId > 0) {
      await this.pullAll();
      this.pullsDone = asked;
      this.stopAwaiting();
    }
    const at = this.opts.now();
    await this.opts.db.setMeta(META.lastSyncedAt, at);
    this.setStatus({ lastSyncedAt: at });
  }

  /** Pushes the outbox; answers the highest version the hub announced the pushes at (if they wrote anything) and the last mutation it took. */
  private async pushAll(): Promise<{ version?: number; lastMutationId: number }> {
    const db = this.opts.db;
    const pushed: { version?: number; lastMutationId: number } = { lastMutationId: 0 };
    for (;;) {
      const pushedThrough = (await db.getMeta<number>(META.pushedThrough)) ?? 0;
      const batch = underBudget(await db.outbox.where('id').above(pushedThrough).limit(MAX_PUSH_MUTATIONS).toArray());
      if (batch.length === 0) return pushed;
      const body: PushRequest & { hubId?: string } = {
        clientId: await this.clientId(),
        schemaVersion: PROTOCOL_VERSION,
        mutations: batch.map(({ id, name, args, at }) => ({ id, name, args, at })),
      };
      let raw: unknown;
      try {
        raw = await this.request('/sync/push', { method: 'POST', body: JSON.stringify(body) });
      } catch (error) {
        if (error instanceof SyncError && error.code === 'mutation_gap') {
          // The hub does not know mutations this desktop believes it took (a restored hub): start over as a new client.
          await resetLocalCache(db, { newClientId: this.opts.newClientId() });
          continue;
        }
        throw error;
      }
      const response = PushResponseSchema.parse(raw);
      const now = this.opts.now();
      const rejections = response.results.flatMap((result) => {
        if (result.status !== 'rejected') return [];
        const mutation = batch.find((m) => m.id === result.id);
        return mutation ? [{ id: result.id, name: mutation.name, code: result.code, ...rejectionMessage(result), madeAt: mutation.at, at: now, args: mutation.args }] : [];
      });
      await db.transaction('rw', [db.meta, db.rejections], async () => {
        if (rejections.length) await db.rejections.bulkPut(rejections);
        const current = (await db.getMeta<number>(META.pushedThrough)) ?? 0;
        await db.setMeta(META.pushedThrough, Math.max(current, response.lastMutationId));
      });
      if (response.lastMutationId < batch.at(-1)!.id) {
        throw new SyncError('The hub did not take every change it was sent', 'server', undefined, undefined, undefined, { descriptor: SYNC_ERROR_MESSAGES.notAllTaken });
      }
      pushed.lastMutationId = response.lastMutationId;
      if (response.version !== undefined) pushed.version = Math.max(pushed.version ?? 0, response.version);
    }
  }

  /** Waits for a push's effects on the stream: acknowledged at once if they came first, else when they do, else pulled. */
  private async awaitDelivery(version: number, lastMutationId: number): Promise<void> {
    const db = this.opts.db;
    const [cursor, hubId] = await Promise.all([db.getMeta<number>(META.cursor), db.getMeta<string>(META.hubId)]);
    if ((cursor ?? 0) >= version && hubId) {
      this.stopAwaiting();
      await applyPulledPage(db, this.opts.actor, { hubId, cursor: cursor!, lastMutationId, changes: [], rejected: [] }, this.opts.now());
      return;
    }
    this.stopAwaiting();
    const timer = setTimeout(() => {
      if (this.awaited?.timer === timer) this.kick('poke');
    }, DELIVERY_WAIT_MS);
    this.awaited = { version, lastMutationId, timer };
  }

  private stopAwaiting(): void {
    if (this.awaited) clearTimeout(this.awaited.timer);
    this.awaited = null;
  }

  /**
   * Asks for the page after `cursor`. Everything it reads locally is asked for
   * at once, before the caller opens the current page's write: a read asked for
   * after it would wait for that write to commit, and the next page would only
   * be requested once the current one was written.
   */
  private async fetchPage(cursor: number, floor: number | undefined): Promise<PullResponse> {
    const db = this.opts.db;
    const [hubId, firstPending, nextId, clientId] = await Promise.all([
      db.getMeta<string>(META.hubId),
      db.outbox.orderBy('id').first(),
      db.getMeta<number>(META.nextMutationId),
      this.clientId(),
    ]);
    const params = new URLSearchParams({
      clientId,
      cursor: String(cursor),
      since: String(firstPending?.id ?? nextId ?? 1),
      limit: String(this.opts.pullLimit),
    });
    if (hubId) params.set('hubId', hubId);
    if (floor !== undefined && cursor > 0) params.set('floor', String(floor));
    return PullResponseSchema.parse(await this.request(`/sync/pull?${params.toString()}`));
  }

  /**
   * Pulls until the hub has nothing more. The next page is requested while the
   * current one is being written, so the hub and the network work while
   * IndexedDB does.
   */
  private async pullAll(): Promise<void> {
    const db = this.opts.db;
    let resets = 0;
    let received = 0;
    let bootstrapping = !(await db.getMeta<boolean>(META.bootstrapped));
    const settle = (promise: Promise<PullResponse>) => {
      promise.catch(() => undefined);
      return promise;
    };
    // The compaction floor this cache started under; a first page from 0 tells it.
    let floor = await db.getMeta<number>(META.floor);
    const cursor = (await db.getMeta<number>(META.cursor)) ?? 0;
    const first = bootstrapping && cursor === 0 ? this.request('/sync/essentials') : null;
    let next = settle(this.fetchPage(cursor, floor));
    if (first) {
      // A new device: what is needed to start working comes first, so the queue is usable at once.
      const essentials = EssentialsResponseSchema.parse(await first);
      await applyPulledPage(db, this.opts.actor, { hubId: essentials.hubId, cursor: 0, lastMutationId: 0, changes: essentials.changes, rejected: [] }, this.opts.now());
      this.setStatus({ bootstrap: { received, total: this.status.bootstrap?.total ?? null } });
    }
    for (;;) {
      const response = await next;
      if (response.kind === 'reset') {
        resets += 1;
        if (resets > MAX_RESETS_PER_CYCLE) throw new SyncError(`The hub keeps asking for a reset: ${response.reason}`, 'server', undefined, undefined, undefined, { descriptor: SYNC_ERROR_MESSAGES.keepsResetting });
        const hubId = await db.getMeta<string>(META.hubId);
        const hubChanged = !!hubId && hubId !== response.hubId;
        await resetLocalCache(db, hubChanged ? { newClientId: this.opts.newClientId() } : {});
        // A different hub: push the renumbered outbox to it before pulling.
        if (hubChanged) await this.pushAll();
        received = 0;
        bootstrapping = true;
        floor = undefined;
        next = settle(this.fetchPage(0, undefined));
        continue;
      }
      floor ??= response.floor;
      if (response.hasMore) next = settle(this.fetchPage(response.cursor, floor));
      if (bootstrapping) {
        received += response.changes.length;
        const total = response.estimate ?? this.status.bootstrap?.total ?? null;
        this.setStatus({ bootstrap: { received, total: total === null ? null : Math.max(total, received) } });
      }
      await applyPulledPage(db, this.opts.actor, response, this.opts.now());
      if (!response.hasMore) break;
    }
    if (bootstrapping) await db.setMeta(META.bootstrapped, true);
    if (this.status.bootstrap) this.setStatus({ bootstrap: null });
  }

  // ------------------------------------------------------------ event stream

  /**
   * Applies rows the hub sent on the event stream, in turn with sync cycles.
   * They cover versions (after, to]: with the cursor at least `after` nothing
   * before them is missing, so those above the cursor are applied and the
   * cursor moves to `to`; otherwise (or before the first full sync) a pull.
   */
  private receive(delivery: Delivery): void {
    const next = this.chain.then(async () => {
      const db = this.opts.db;
      const [cursor, hubId, bootstrapped] = await Promise.all([db.getMeta<number>(META.cursor), db.getMeta<string>(META.hubId), db.getMeta<boolean>(META.bootstrapped)]);
      if ((cursor ?? 0) >= delivery.to) return;
      if (!bootstrapped || hubId !== delivery.hubId || (cursor ?? 0) < delivery.after) return this.kick('poke');
      const above = delivery.changes.filter((change) => change.version > cursor!);
      // A push awaited is acknowledged once its effects are here: its mutations leave the outbox.
      const acknowledged = this.awaited && delivery.to >= this.awaited.version ? this.awaited.lastMutationId : 0;
      if (acknowledged) this.stopAwaiting();
      await applyPulledPage(db, this.opts.actor, { hubId: delivery.hubId, cursor: delivery.to, lastMutationId: acknowledged, changes: above, rejected: [] }, this.opts.now());
      const at = this.opts.now();
      await db.setMeta(META.lastSyncedAt, at);
      this.setStatus({ lastSyncedAt: at });
    });
    // A delivery that cannot be applied is made up for by a pull.
    this.chain = next.catch(() => this.kick('poke'));
  }

  /** Reads the hub's event stream: rows are applied as they come, a poke (and every reconnect) asks for a pull. */
  private async listen(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      try {
        const response = await this.opts.fetch(`${this.opts.hubUrl}/sync/events?changes=1`, {
          headers: { authorization: `Bearer ${this.opts.token}`, accept: 'text/event-stream', ...this.languageHeader() },
          signal: this.stopper.signal,
        });
        if (response.status === 401) return;
        if (!response.ok || !response.body) throw new Error(`events answered ${response.status}`);
        failures = 0;
        this.streamOpen = true;
        this.kick('poke');
        await readEvents(response.body, (event, data) => {
          if (event === POKE_EVENT) return this.kick('poke');
          if (event !== CHANGES_EVENT) return;
          let delivery: Delivery;
          try {
            delivery = DeliverySchema.parse(JSON.parse(data));
          } catch {
            return this.kick('poke');
          }
          this.receive(delivery);
        });
      } catch {
        if (this.stopped) return;
        failures += 1;
      } finally {
        this.streamOpen = false;
      }
      if (this.stopped) return;
      await this.sleepEvents(backoffDelay(Math.max(1, failures), this.opts.backoff.baseMs, this.opts.backoff.maxMs, this.opts.random));
    }
  }

  private sleepEvents(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.stopper.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

/** Parses a text/event-stream body, calling `onEvent` with each event's name ("message" when unnamed). */
export async function readEvents(body: ReadableStream<Uint8Array>, onEvent: (event: string, data: string) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let event = 'message';
  let data: string[] = [];
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let newline: number;
      while ((newline = buffer.search(/\r?\n/)) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer[newline] === '\r' ? 2 : 1));
        if (line === '') {
          if (data.length || event !== 'message') onEvent(event, data.join('\n'));
          event = 'message';
          data = [];
        } else if (line.startsWith(':')) {
          // A comment: keep-alive.
        } else {
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'event') event = value;
          else if (field === 'data') data.push(value);
        }
      }
    }
  } finally {
    reader.releaseLock();
  }
}
