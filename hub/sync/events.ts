/**
 * Pokes: a server-sent event stream that tells desktops "something changed,
 * pull now". Content-free on purpose: what a desktop may see is decided by
 * pull, in one place. Changes made by any hub process reach every process's
 * streams through PostgreSQL LISTEN/NOTIFY.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { POKE_EVENT } from '@core/sync/protocol';
import type { Storage } from '../storage';

export const CHANGES_CHANNEL = 'agentdesk_changes';
const HEARTBEAT_MS = 20_000;
/** Pokes closer together than this are sent as one. */
const COALESCE_MS = 25;

export class Pokes {
  private readonly streams = new Set<FastifyReply>();
  private unlisten: (() => Promise<void>) | null = null;
  private pending: ReturnType<typeof setTimeout> | null = null;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private counter = 0;
  /** Stream writes of pokes so far (read by /metrics). */
  pokeWrites = 0;

  constructor(private readonly storage: Storage) {}

  async start(): Promise<void> {
    // After LISTEN was down, a change may have gone unheard: every stream is poked once.
    this.unlisten = await this.storage.listen(CHANGES_CHANNEL, () => this.schedule(), () => this.schedule());
    this.heartbeat = setInterval(() => this.broadcast(': keep-alive\n\n'), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Tells every hub process that rows changed. Never fails the caller: a lost poke is caught up by the next one or by polling. */
  async changed(): Promise<void> {
    try {
      await this.storage.notify(CHANGES_CHANNEL, '');
    } catch {
      this.schedule();
    }
  }

  get size(): number {
    return this.streams.size;
  }

  /** Pokes broadcast so far. */
  get pokesSent(): number {
    return this.counter;
  }

  open(request: FastifyRequest, reply: FastifyReply): void {
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
    this.streams.add(reply);
    const remove = () => this.streams.delete(reply);
    request.raw.on('close', remove);
    reply.raw.on('error', remove);
  }

  private schedule(): void {
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = null;
      this.counter += 1;
      this.pokeWrites += this.streams.size;
      this.broadcast(`event: ${POKE_EVENT}\ndata: ${this.counter}\n\n`);
    }, COALESCE_MS);
  }

  private broadcast(text: string): void {
    for (const reply of this.streams) {
      if (reply.raw.writableEnded) this.streams.delete(reply);
      else reply.raw.write(text);
    }
  }

  /** Ends every stream (before the server closes: open streams would keep it waiting). */
  async close(): Promise<void> {
    if (this.pending) clearTimeout(this.pending);
    if (this.heartbeat) clearInterval(this.heartbeat);
    // A short retry: clients reconnect soon, to another hub process when a balancer is in front.
    for (const reply of this.streams) reply.raw.end('retry: 1000\n\n');
    this.streams.clear();
    await this.unlisten?.().catch(() => undefined);
    this.unlisten = null;
  }
}
