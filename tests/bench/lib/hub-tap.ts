/**
 * When the hub sends desktops changes (or pokes) and answers their pulls, seen
 * from outside the hub's code: one more listener on its HTTP server's
 * 'request' event (the hub's own handler is untouched), timing /sync/pull
 * requests and the events written to /sync/events streams. Times are
 * performance.timeOrigin + performance.now(), comparable with the page's.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RunningHub } from '../../../hub/server';

export interface HubEvent {
  kind: 'changes' | 'poke' | 'pull-start' | 'pull-end';
  at: number;
}

export interface HubTap {
  events: HubEvent[];
  /** The first event of one of these kinds at or after a time. */
  first(kind: HubEvent['kind'] | HubEvent['kind'][], from: number): number;
  stop(): void;
}

const clock = () => performance.timeOrigin + performance.now();

/** Starts listening; streams opened before this are not seen (tap before the desktop signs in). */
export function tapHub(hub: RunningHub): HubTap {
  const events: HubEvent[] = [];
  const server = hub.app.server;
  const listener = (request: IncomingMessage, response: ServerResponse) => {
    const url = request.url ?? '';
    if (url.startsWith('/sync/pull')) {
      events.push({ kind: 'pull-start', at: clock() });
      response.once('finish', () => events.push({ kind: 'pull-end', at: clock() }));
    } else if (url.startsWith('/sync/events')) {
      const write = response.write.bind(response) as (chunk: unknown, ...rest: unknown[]) => boolean;
      response.write = ((chunk: unknown, ...rest: unknown[]) => {
        const text = String(chunk);
        if (text.startsWith('event: changes')) events.push({ kind: 'changes', at: clock() });
        else if (text.startsWith('event:')) events.push({ kind: 'poke', at: clock() });
        return write(chunk, ...rest);
      }) as typeof response.write;
    }
  };
  server.on('request', listener);
  return {
    events,
    first: (kind, from) => events.find((event) => (Array.isArray(kind) ? kind.includes(event.kind) : event.kind === kind) && event.at >= from)?.at ?? Number.NaN,
    stop: () => server.off('request', listener),
  };
}
