/**
 * Event streams: each open desktop holds one, and is sent what changed in
 * its person's scope as it happens. Every hub process hears every write's
 * announcement (announce.ts) in version order and sends each desktop the rows
 * it holds, as a `changes` event that says which versions it covers:
 * "everything for you in (after, to] is here". A desktop whose cursor is at
 * least `after` applies it and moves its cursor to `to`; any other pulls.
 *
 * Whatever cannot be sent that way is a `poke` ("pull now"): a person who
 * gained customers (their whole histories), a transaction too large to send,
 * announcements missed while LISTEN was down, payloads from an older hub, and
 * every stream that did not ask for changes (`?changes=1`). A desktop pulls
 * when it connects, so a stream only vouches for what it heard while open.
 *
 * Why it holds: writers take versions and commit under one lock, so commit
 * order is version order, and NOTIFY is delivered in commit order. A process
 * tracks the last `to` it heard; an announcement whose `from` differs means
 * some were missed, and nothing before it is vouched for.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CHANGES_EVENT, POKE_EVENT, type Change, type Delivery } from '@core/sync/protocol';
import type { Storage } from '../storage';
import { CHANGES_CHANNEL, hear, readAnnouncement, type Announcement } from './announce';

const HEARTBEAT_MS = 20_000;
/** Events for one stream closer together than this are sent as one. */
const COALESCE_MS = 25;

interface Stream {
  userId: string;
  reply: FastifyReply;
  /** Whether the desktop takes `changes` events (otherwise every change is a poke). */
  takesChanges: boolean;
  /** The `to` of the last announcement this stream was sent or poked for: nothing before it is vouched for on it. */
  mark: number | undefined;
  /** What is waiting to be written within the coalescing window. */
  pending: { kind: 'poke' } | { kind: 'changes'; after: number; to: number; changes: Change[] } | null;
}

export class ChangeStreams {
  /** Open streams by person: a person may have several desktops. */
  private readonly streams = new Map<string, Set<Stream>>();
  private unlisten: (() => Promise<void>) | null = null;
  /** Announcements are handled one at a time, in the order heard. */
  private hearing: Promise<void> = Promise.resolve();
  /** The `to` of the last announcement handled; undefined before the first. */
  private lastHeard: number | undefined;
  /** Everything after this version has been heard without a gap. */
  private continuousFrom: number | undefined;
  private readonly dirty = new Set<Stream>();
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private openCount = 0;
  private closed = false;
  private hubId = '';
  /** Announcements handled (read by /metrics). */
  announcements = 0;
  /** Pokes and changes written to streams (read by /metrics). */
  pokeWrites = 0;
  changeWrites = 0;

  constructor(private readonly storage: Storage) {}

  async start(hubId: string): Promise<void> {
    this.hubId = hubId;
    // After LISTEN was down announcements may have been missed: every stream pulls, and the next one heard shows the gap.
    this.unlisten = await this.storage.listen(
      CHANGES_CHANNEL,
      (payload) => {
        this.hearing = this.hearing.then(() => this.handle(payload)).catch(() => this.pokeEveryone(undefined));
      },
      () => this.pokeEveryone(this.lastHeard),
    );
    this.heartbeat = setInterval(() => this.writeToAll(': keep-alive\n\n'), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Open streams on this process. */
  get size(): number {
    return this.openCount;
  }

  open(request: FastifyRequest, reply: FastifyReply, userId: string, takesChanges: boolean): void {
    reply.hijack();
    const headers = {
      ...(reply.getHeaders() as Record<string, string>),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    };
    reply.raw.writeHead(200, headers);
    reply.raw.write(`retry: 3000\n: connected\n\n`);
    const stream: Stream = { userId, reply, takesChanges, mark: this.lastHeard, pending: null };
    let mine = this.streams.get(userId);
    if (!mine) this.streams.set(userId, (mine = new Set()));
    mine.add(stream);
    this.openCount += 1;
    const remove = () => this.remove(stream);
    request.raw.on('close', remove);
    reply.raw.on('error', remove);
  }

  private remove(stream: Stream): void {
    const mine = this.streams.get(stream.userId);
    if (!mine?.delete(stream)) return;
    this.openCount -= 1;
    this.dirty.delete(stream);
    if (mine.size === 0) this.streams.delete(stream.userId);
  }

  private async handle(payload: string): Promise<void> {
    if (this.closed) return;
    const heard = hear(payload);
    if (heard.kind === 'legacy') {
      // An older hub's write: no range to vouch with, so the next announcement starts afresh.
      for (const stream of this.streamsOf(heard.audience === '*' ? [...this.streams.keys()] : heard.audience)) this.poke(stream, undefined);
      this.lastHeard = undefined;
      return;
    }
    const announcement = heard.kind === 'announcement' ? heard.announcement : await readAnnouncement(this.storage, heard.from, heard.to);
    this.announcements += 1;
    if (this.lastHeard === undefined || announcement.from !== this.lastHeard) {
      if (this.lastHeard !== undefined) this.pokeEveryone(announcement.to);
      this.continuousFrom = announcement.from;
    }
    this.deliver(announcement);
    this.lastHeard = announcement.to;
  }

  private deliver(announcement: Announcement): void {
    const { from, to } = announcement;
    if (announcement.everyone) return this.pokeEveryone(to);
    // People who gained scope need whole histories; a person whose own row changed (disabled, a new role) may have lost
    // their sessions or their rights: both pull, and a pull is where the hub says so (401, or a narrower scope).
    const granted = new Set(announcement.granted);
    for (const row of announcement.rows) if (row.change.entity === 'user') granted.add(row.change.id);
    for (const stream of this.streamsOf(granted)) this.poke(stream, to);

    // Each person's rows: those everyone syncs, and those of the customers (and people) they hold.
    const global = announcement.rows.filter((row) => row.customerId === null).map((row) => row.change);
    const byPerson = new Map<string, Change[]>();
    if (global.length) for (const userId of this.streams.keys()) byPerson.set(userId, [...global]);
    for (const row of announcement.rows) {
      if (row.customerId === null) continue;
      for (const userId of announcement.holders.get(row.customerId) ?? []) {
        if (!this.streams.has(userId)) continue;
        let changes = byPerson.get(userId);
        if (!changes) byPerson.set(userId, (changes = []));
        changes.push(row.change);
      }
    }
    for (const [userId, changes] of byPerson) {
      if (granted.has(userId)) continue;
      for (const stream of this.streams.get(userId) ?? []) {
        if (!stream.takesChanges) {
          this.poke(stream, to);
          continue;
        }
        // The stream vouches from when it opened (or its last event), and only as far back as this process heard without a gap.
        const after = Math.max(this.continuousFrom ?? from, stream.mark ?? -Infinity);
        this.queueChanges(stream, after, to, changes);
      }
    }
  }

  private queueChanges(stream: Stream, after: number, to: number, changes: Change[]): void {
    stream.mark = to;
    const pending = stream.pending;
    if (pending?.kind === 'poke') return;
    if (pending?.kind === 'changes' && pending.to === after) {
      pending.to = to;
      pending.changes.push(...changes);
      return;
    }
    if (pending) this.write(stream, this.eventText(stream));
    stream.pending = { kind: 'changes', after, to, changes };
    this.schedule(stream);
  }

  /** A poke for one stream; `to` is the announcement it stands for (undefined: none heard). */
  private poke(stream: Stream, to: number | undefined): void {
    if (to !== undefined) stream.mark = to;
    stream.pending = { kind: 'poke' };
    this.schedule(stream);
  }

  private pokeEveryone(to: number | undefined): void {
    if (this.closed) return;
    for (const mine of this.streams.values()) for (const stream of mine) this.poke(stream, to);
  }

  private *streamsOf(userIds: Iterable<string>): Iterable<Stream> {
    for (const userId of userIds) yield* this.streams.get(userId) ?? [];
  }

  private schedule(stream: Stream): void {
    // Nothing is written once the hub has begun to stop.
    if (this.closed) return;
    this.dirty.add(stream);
    this.flushTimer ??= setTimeout(() => this.flush(), COALESCE_MS);
  }

  private flush(): void {
    this.flushTimer = null;
    for (const stream of this.dirty) this.write(stream, this.eventText(stream));
    this.dirty.clear();
  }

  /** The pending event as text, taken off the stream. */
  private eventText(stream: Stream): string {
    const pending = stream.pending;
    stream.pending = null;
    if (!pending) return '';
    if (pending.kind === 'poke') {
      this.pokeWrites += 1;
      return `event: ${POKE_EVENT}\ndata: ${stream.mark ?? 0}\n\n`;
    }
    this.changeWrites += 1;
    // As JSON.stringify of a Delivery would write it, each row serialised once however many streams it goes to.
    const head: Omit<Delivery, 'changes'> = { hubId: this.hubId, after: pending.after, to: pending.to };
    const changes = latestOnly(pending.changes).map(serialised).join(',');
    return `event: ${CHANGES_EVENT}\ndata: ${JSON.stringify(head).slice(0, -1)},"changes":[${changes}]}\n\n`;
  }

  private writeToAll(text: string): void {
    for (const mine of this.streams.values()) for (const stream of mine) this.write(stream, text);
  }

  private write(stream: Stream, text: string): void {
    if (!text) return;
    if (stream.reply.raw.writableEnded) return this.remove(stream);
    stream.reply.raw.write(text);
  }

  /** Ends every stream (before the server closes: open streams would keep it waiting). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    if (this.heartbeat) clearInterval(this.heartbeat);
    // A short retry: clients reconnect soon, to another hub process when a balancer is in front.
    for (const mine of this.streams.values()) for (const stream of mine) stream.reply.raw.end('retry: 1000\n\n');
    this.streams.clear();
    this.dirty.clear();
    this.openCount = 0;
    await this.unlisten?.().catch(() => undefined);
    this.unlisten = null;
  }
}

const serialisedChanges = new WeakMap<Change, string>();

function serialised(change: Change): string {
  let text = serialisedChanges.get(change);
  if (text === undefined) serialisedChanges.set(change, (text = JSON.stringify(change)));
  return text;
}

/** Of several changes to one row, the latest (coalesced events can carry a row twice). */
function latestOnly(changes: readonly Change[]): Change[] {
  const latest = new Map<string, Change>();
  for (const change of changes) {
    const key = `${change.entity}\u0000${change.id}`;
    const seen = latest.get(key);
    if (!seen || seen.version < change.version) latest.set(key, change);
  }
  return [...latest.values()];
}
