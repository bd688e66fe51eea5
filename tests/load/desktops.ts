/**
 * A desktop's sync as the workstation's sync engine (src/sync/engine.ts)
 * drives it, without IndexedDB: an outbox with consecutive mutation ids per
 * client id, cycles of "push everything, then pull until nothing more", one
 * cycle at a time (a poke or a change during a cycle asks for one more after
 * it), the event stream kept open with rows sent on it applied in turn with
 * cycles (or a pull when they do not follow on from the cursor), and capped
 * jittered backoff after failures.
 */
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { CHANGES_EVENT, MAX_PUSH_MUTATIONS, PROTOCOL_VERSION, POKE_EVENT, type Change, type Delivery, type MutationResult, type PullResponse, type PushResponse } from '@core/sync/protocol';
import { backoffDelay } from '@core/sync/engine';
import { mutationArgs, type MutationInput, type MutationName } from '@core/sync/mutations';
import { json, openStream, request, RequestFailure, type Endpoint } from './http';
import type { Recorder } from './measures';

export interface Account {
  userId: string;
  token: string;
}

interface Pending {
  id: number;
  name: MutationName;
  args: unknown;
  at: number;
  onPush?: (at: number) => void;
  onResult?: (result: MutationResult) => void;
}

export interface DesktopHooks {
  /** Every page of rows (essentials and pulls), as parsed: read it, do not keep it. */
  onChanges(changes: readonly Change[], at: number): void;
  /** The first full pull finished. */
  onFirstSync(): void;
}

const MAX_RESETS_PER_CYCLE = 3;
/** As the engine (src/sync/engine.ts): how long a push's effects may take on the stream before a pull. */
const DELIVERY_WAIT_MS = 3_000;

export class Desktop {
  private clientId = randomUUID();
  private nextId = 1;
  private outbox: Pending[] = [];
  private cursor = 0;
  private hubId: string | undefined;
  private floor: number | undefined;
  private bootstrapped = false;
  private wanted = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private failures = 0;
  private stopped = true;
  private closeStream: (() => void) | null = null;
  private streamTimer: ReturnType<typeof setTimeout> | null = null;
  private streamFailures = 0;
  private pullsAsked = 1;
  private pullsDone = 0;
  private streamOpen = false;
  private awaited: { version: number; timer: ReturnType<typeof setTimeout> } | null = null;
  /** Rows from the stream that arrived during a cycle: applied after it, as the engine chains them. */
  private held: { delivery: Delivery; at: number }[] = [];
  private readonly headers: Record<string, string>;

  constructor(
    private readonly endpoint: Endpoint,
    private readonly agent: http.Agent,
    account: Account,
    private readonly recorder: Recorder,
    private readonly hooks: DesktopHooks,
    private readonly random: () => number,
  ) {
    this.headers = { authorization: `Bearer ${account.token}` };
  }

  get firstSyncDone(): boolean {
    return this.bootstrapped;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.kick(true);
    this.listen();
  }

  /** Stops asking the hub for anything; resolves when the cycle in progress has ended. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.stopAwaiting();
    this.closeStream?.();
    this.closeStream = null;
    if (this.streamTimer) clearTimeout(this.streamTimer);
    this.wake?.();
    await this.loop;
  }

  /** Queues a change the agent made (arguments checked with the mutation's own schema) and asks for a sync. */
  mutate<N extends MutationName>(name: N, args: MutationInput<N>, handlers: Pick<Pending, 'onPush' | 'onResult'> = {}): void {
    // A change the hub would refuse as malformed is a bug here, not load.
    mutationArgs[name].parse(args);
    this.outbox.push({ id: this.nextId, name, args, at: Date.now(), ...handlers });
    this.nextId += 1;
    this.kick(false);
  }

  /** As the engine: a local change does not cut a backoff wait short; a poke does. */
  /** `wake` (a poke, start, a reconnect): also asks for a pull; a local change alone does not, as in the engine. */
  private kick(wake: boolean): void {
    if (this.stopped) return;
    this.wanted = true;
    if (wake) {
      this.pullsAsked += 1;
      this.wake?.();
    }
    this.loop ??= this.runLoop().finally(() => {
      this.loop = null;
      if (this.wanted && !this.stopped) this.kick(false);
    });
  }

  private async runLoop(): Promise<void> {
    while (this.wanted && !this.stopped) {
      this.wanted = false;
      try {
        await this.cycle();
        this.failures = 0;
      } catch (error) {
        if (this.stopped) return;
        const failure = error instanceof RequestFailure ? error : null;
        this.recorder.error(failure?.tally ?? `desktop: ${error instanceof Error ? error.message : String(error)}`);
        if (failure?.status === 401) {
          // The engine stops and asks the person to sign in again.
          this.stopped = true;
          return;
        }
        this.failures += 1;
        const hinted = failure?.retryAfter !== undefined && Number.isFinite(Number(failure.retryAfter)) ? Math.min(Number(failure.retryAfter) * 1000, 30_000) : 0;
        await this.sleep(Math.max(hinted, backoffDelay(this.failures, 1000, 30_000, this.random)));
        this.wanted = true;
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  /** As the engine: a push alone needs no pull while the stream is open; its effects arrive there, or a pull follows after a wait. */
  private async cycle(): Promise<void> {
    try {
      const pushed = await this.pushAll();
      const asked = this.pullsAsked;
      const onStream = this.streamOpen && this.bootstrapped && asked === this.pullsDone;
      if (onStream && pushed.version !== undefined) this.awaitDelivery(pushed.version);
      else if (!onStream || pushed.any) {
        await this.pullAll();
        this.pullsDone = asked;
        this.stopAwaiting();
      }
    } finally {
      const held = this.held;
      this.held = [];
      for (const { delivery, at } of held) this.apply(delivery, at);
    }
  }

  private receive(delivery: Delivery, at: number): void {
    if (this.loop) this.held.push({ delivery, at });
    else this.apply(delivery, at);
  }

  /** Rows sent on the stream: applied when they follow on from the cursor, otherwise a pull. */
  private apply(delivery: Delivery, at: number): void {
    if (this.cursor >= delivery.to) return;
    if (!this.bootstrapped || this.hubId !== delivery.hubId || this.cursor < delivery.after) {
      this.recorder.deliveryMissed(at);
      return this.kick(true);
    }
    const above = delivery.changes.filter((change) => change.version > this.cursor);
    this.cursor = delivery.to;
    if (this.awaited && this.cursor >= this.awaited.version) this.stopAwaiting();
    this.hooks.onChanges(above, at);
  }

  private awaitDelivery(version: number): void {
    if (this.cursor >= version) return this.stopAwaiting();
    this.stopAwaiting();
    const timer = setTimeout(() => {
      if (this.awaited?.timer !== timer) return;
      this.recorder.deliveryWaitedOut(performance.now());
      this.kick(true);
    }, DELIVERY_WAIT_MS);
    this.awaited = { version, timer };
  }

  private stopAwaiting(): void {
    if (this.awaited) clearTimeout(this.awaited.timer);
    this.awaited = null;
  }

  /** Pushes the outbox; answers whether anything was pushed and the highest version the hub announced the pushes at. */
  private async pushAll(): Promise<{ any: boolean; version?: number }> {
    const pushed: { any: boolean; version?: number } = { any: false };
    while (this.outbox.length > 0 && !this.stopped) {
      const batch = this.outbox.slice(0, MAX_PUSH_MUTATIONS);
      const startedAt = performance.now();
      for (const mutation of batch) mutation.onPush?.(startedAt);
      const body = JSON.stringify({
        clientId: this.clientId,
        schemaVersion: PROTOCOL_VERSION,
        mutations: batch.map(({ id, name, args, at }) => ({ id, name, args, at })),
      });
      const answer = await request(this.endpoint, this.agent, 'POST', '/sync/push', this.headers, body);
      const endedAt = performance.now();
      let response: PushResponse;
      try {
        response = json<PushResponse>(answer, 'POST', '/sync/push');
      } catch (error) {
        if (error instanceof RequestFailure && error.status === 409 && answer.body.includes('mutation_gap')) {
          // The hub does not know mutations this desktop believes it took: start over as a new client, as the engine does.
          this.recorder.mutationGaps += 1;
          this.renumber();
          continue;
        }
        throw error;
      }
      let applied = 0;
      for (const result of response.results) {
        const mutation = batch.find((candidate) => candidate.id === result.id);
        if (result.status === 'applied') applied += 1;
        else this.recorder.rejection(result.code, endedAt);
        mutation?.onResult?.(result);
      }
      this.recorder.pushed(startedAt, endedAt, applied);
      pushed.any = true;
      if (response.version !== undefined) pushed.version = Math.max(pushed.version ?? 0, response.version);
      this.outbox = this.outbox.filter((mutation) => mutation.id > response.lastMutationId);
      if (response.lastMutationId < batch.at(-1)!.id) throw new Error('the hub did not take every change it was sent');
    }
    return pushed;
  }

  private renumber(): void {
    this.clientId = randomUUID();
    this.outbox = this.outbox.map((mutation, index) => ({ ...mutation, id: index + 1 }));
    this.nextId = this.outbox.length + 1;
  }

  private async pullAll(): Promise<void> {
    if (!this.bootstrapped && this.cursor === 0) {
      // A new device fetches what it needs to start working before its first pull (a hub from before essentials answers 404).
      const answer = await request(this.endpoint, this.agent, 'GET', '/sync/essentials', this.headers);
      if (answer.status !== 404) this.hooks.onChanges(json<{ changes: Change[] }>(answer, 'GET', '/sync/essentials').changes, performance.now());
    }
    let resets = 0;
    for (;;) {
      if (this.stopped) return;
      const params = new URLSearchParams({
        clientId: this.clientId,
        cursor: String(this.cursor),
        since: String(this.outbox[0]?.id ?? this.nextId),
        limit: '1000',
      });
      if (this.hubId) params.set('hubId', this.hubId);
      if (this.floor !== undefined && this.cursor > 0) params.set('floor', String(this.floor));
      const path = `/sync/pull?${params.toString()}`;
      const answer = await request(this.endpoint, this.agent, 'GET', path, this.headers);
      const at = performance.now();
      const page = json<PullResponse>(answer, 'GET', path);
      if (page.kind === 'reset') {
        this.recorder.resets += 1;
        resets += 1;
        if (resets > MAX_RESETS_PER_CYCLE) throw new Error(`the hub keeps asking for a reset: ${page.reason}`);
        if (this.hubId && this.hubId !== page.hubId) this.renumber();
        this.hubId = page.hubId;
        this.cursor = 0;
        this.floor = undefined;
        continue;
      }
      this.recorder.pulled(at, answer.body.length, page.changes.length);
      this.hubId = page.hubId;
      this.floor ??= page.floor;
      this.cursor = page.cursor;
      this.hooks.onChanges(page.changes, at);
      if (!page.hasMore) break;
    }
    if (!this.bootstrapped) {
      this.bootstrapped = true;
      this.hooks.onFirstSync();
    }
  }

  /** The event stream: rows are applied as they come; a poke (and every reconnect) asks for a sync. */
  private listen(): void {
    if (this.stopped) return;
    let open = false;
    this.closeStream = openStream(this.endpoint, '/sync/events?changes=1', this.headers, {
      onOpen: (status) => {
        if (status !== 200) return this.recorder.error(`GET /sync/events ${status}`);
        open = true;
        this.streamOpen = true;
        this.streamFailures = 0;
        this.kick(true);
      },
      onEvent: (name, data) => {
        const at = performance.now();
        if (name === CHANGES_EVENT) {
          const delivery = JSON.parse(data) as Delivery;
          this.recorder.delivered(at, data.length, delivery.changes.length);
          return this.receive(delivery, at);
        }
        if (name !== POKE_EVENT) return;
        this.recorder.poked(at);
        this.kick(true);
      },
      onClose: (error) => {
        this.closeStream = null;
        this.streamOpen = false;
        if (this.stopped) return;
        if (open) this.recorder.streamDrops += 1;
        else if (error && !error.startsWith('status')) this.recorder.error(`GET /sync/events ${error}`);
        this.streamFailures += 1;
        this.streamTimer = setTimeout(() => this.listen(), backoffDelay(this.streamFailures, 1000, 30_000, this.random));
      },
    });
  }
}
