/**
 * Pokes: a server-sent event stream that tells desktops "something changed
 * for you, pull now". Content-free on purpose: what a desktop may see is
 * decided by pull, in one place. A write names whose desktops it concerns
 * (its audience, see store.ts) and only their streams are poked, so a note
 * wakes the customer's scope holders, not the whole floor. Changes made by any
 * hub process reach every process's streams through PostgreSQL LISTEN/NOTIFY,
 * the audience in the payload.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { POKE_EVENT } from '@core/sync/protocol';
import type { Storage } from '../storage';
import type { Audience } from './store';

export const CHANGES_CHANNEL = 'agentdesk_changes';
const HEARTBEAT_MS = 20_000;
/** Pokes closer together than this are sent as one. */
const COALESCE_MS = 25;
/** NOTIFY payloads stop at 8,000 bytes; a larger audience is sent as everyone. */
const MAX_PAYLOAD = 7_900;
const EVERYONE = '*';

/** The NOTIFY payload for an audience: "*" or a JSON array of person ids. */
export function audiencePayload(audience: Audience): string | null {
  if (audience === EVERYONE) return EVERYONE;
  if (audience.size === 0) return null;
  const payload = JSON.stringify([...audience]);
  return payload.length <= MAX_PAYLOAD ? payload : EVERYONE;
}

/** Reads a payload back; anything unreadable (or empty, as older hubs sent) means everyone: a spare pull is harmless. */
export function payloadAudience(payload: string): Audience {
  if (!payload.startsWith('[')) return EVERYONE;
  try {
    const ids: unknown = JSON.parse(payload);
    return Array.isArray(ids) && ids.every((id) => typeof id === 'string') ? new Set(ids) : EVERYONE;
  } catch {
    return EVERYONE;
  }
}

export class Pokes {
  /** Open streams by person: a person may have several desktops. */
  private readonly streams = new Map<string, Set<FastifyReply>>();
  private unlisten: (() => Promise<void>) | null = null;
  private pending: ReturnType<typeof setTimeout> | null = null;
  /** Who the next coalesced poke goes to. */
  private pendingFor: Set<string> | typeof EVERYONE = new Set();
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private counter = 0;
  private openCount = 0;
  private closed = false;
  /** Stream writes of pokes so far (read by /metrics). */
  pokeWrites = 0;

  constructor(private readonly storage: Storage) {}

  async start(): Promise<void> {
    // After LISTEN was down, a change may have gone unheard: every stream is poked once.
    this.unlisten = await this.storage.listen(
      CHANGES_CHANNEL,
      (payload) => this.schedule(payloadAudience(payload)),
      () => this.schedule(EVERYONE),
    );
    this.heartbeat = setInterval(() => this.writeToAll(': keep-alive\n\n'), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /**
   * Tells every hub process that rows changed for these people (everyone when
   * left out). Never fails the caller: a lost poke is caught up by the next
   * one or by polling.
   */
  async changed(audience: Audience = EVERYONE): Promise<void> {
    const payload = audiencePayload(audience);
    if (payload === null) return;
    try {
      await this.storage.notify(CHANGES_CHANNEL, payload);
    } catch {
      this.schedule(audience);
    }
  }

  /** Open streams on this process. */
  get size(): number {
    return this.openCount;
  }

  /** Pokes broadcast so far. */
  get pokesSent(): number {
    return this.counter;
  }

  open(request: FastifyRequest, reply: FastifyReply, userId: string): void {
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
    let mine = this.streams.get(userId);
    if (!mine) this.streams.set(userId, (mine = new Set()));
    mine.add(reply);
    this.openCount += 1;
    const remove = () => this.remove(userId, reply);
    request.raw.on('close', remove);
    reply.raw.on('error', remove);
  }

  private remove(userId: string, reply: FastifyReply): void {
    const mine = this.streams.get(userId);
    if (!mine?.delete(reply)) return;
    this.openCount -= 1;
    if (mine.size === 0) this.streams.delete(userId);
  }

  private schedule(audience: Audience): void {
    // A write that commits while the hub stops has nobody left here to poke.
    if (this.closed) return;
    if (this.pendingFor !== EVERYONE) {
      if (audience === EVERYONE) this.pendingFor = EVERYONE;
      else for (const id of audience) this.pendingFor.add(id);
    }
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = null;
      const audience = this.pendingFor;
      this.pendingFor = new Set();
      this.counter += 1;
      const text = `event: ${POKE_EVENT}\ndata: ${this.counter}\n\n`;
      if (audience === EVERYONE) this.writeToAll(text, true);
      else for (const id of audience) for (const reply of this.streams.get(id) ?? []) this.write(id, reply, text, true);
    }, COALESCE_MS);
  }

  private writeToAll(text: string, poke = false): void {
    for (const [id, replies] of this.streams) for (const reply of replies) this.write(id, reply, text, poke);
  }

  private write(userId: string, reply: FastifyReply, text: string, poke = false): void {
    if (reply.raw.writableEnded) return this.remove(userId, reply);
    reply.raw.write(text);
    if (poke) this.pokeWrites += 1;
  }

  /** Ends every stream (before the server closes: open streams would keep it waiting). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.pending) clearTimeout(this.pending);
    if (this.heartbeat) clearInterval(this.heartbeat);
    // A short retry: clients reconnect soon, to another hub process when a balancer is in front.
    for (const replies of this.streams.values()) for (const reply of replies) reply.raw.end('retry: 1000\n\n');
    this.streams.clear();
    this.openCount = 0;
    await this.unlisten?.().catch(() => undefined);
    this.unlisten = null;
  }
}
