/**
 * A lean HTTP client for many simulated desktops in one process: node:http
 * with keep-alive agents (no WHATWG streams per request), whole bodies as
 * bytes, and event streams read as lines.
 */
import http from 'node:http';

export interface Answer {
  status: number;
  body: Buffer;
  retryAfter: string | undefined;
}

/** Where requests go: one hub, or a proxy in front of several. */
export class Endpoint {
  readonly hostname: string;
  readonly port: number;

  constructor(readonly url: string) {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:') throw new Error(`Only http:// targets are supported: ${url}`);
    this.hostname = parsed.hostname.replace(/^\[|\]$/g, '');
    this.port = Number(parsed.port || 80);
  }
}

/**
 * Keep-alive sockets for API calls. Each desktop has at most one push and one
 * pull in flight, so the pool never queues them behind each other: every
 * desktop behaves as if it had its own connection, as a real one does.
 */
export function apiAgent(desktops: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY, maxFreeSockets: Math.max(256, desktops * 2), scheduling: 'lifo' });
}

export class RequestFailure extends Error {
  constructor(
    message: string,
    /** What the error tallies call it: "POST /sync/push 503", "GET /sync/pull ECONNRESET". */
    readonly tally: string,
    readonly status: number | null,
    readonly retryAfter?: string,
  ) {
    super(message);
  }
}

export function request(
  endpoint: Endpoint,
  agent: http.Agent,
  method: 'GET' | 'POST',
  path: string,
  headers: Record<string, string>,
  body?: string,
  timeoutMs = 30_000,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const route = path.split('?')[0]!;
    const req = http.request(
      {
        hostname: endpoint.hostname,
        port: endpoint.port,
        method,
        path,
        agent,
        headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const retryAfter = res.headers['retry-after'];
          resolve({ status: res.statusCode ?? 0, body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks), retryAfter: typeof retryAfter === 'string' ? retryAfter : undefined });
        });
        res.on('error', (error: NodeJS.ErrnoException) => reject(new RequestFailure(error.message, `${method} ${route} ${error.code ?? 'aborted'}`, null)));
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(Object.assign(new Error(`no answer in ${timeoutMs} ms`), { code: 'TIMEOUT' })));
    req.on('error', (error: NodeJS.ErrnoException) => reject(new RequestFailure(error.message, `${method} ${route} ${error.code ?? 'error'}`, null)));
    req.end(body);
  });
}

/** JSON of a 2xx answer; a RequestFailure naming the status otherwise. */
export function json<T>(answer: Answer, method: string, path: string): T {
  if (answer.status >= 200 && answer.status < 300) return JSON.parse(answer.body.toString('utf8')) as T;
  const route = path.split('?')[0]!;
  let message = `${method} ${route} answered ${answer.status}`;
  try {
    const parsed = JSON.parse(answer.body.toString('utf8')) as { error?: string; message?: string };
    message += `: ${parsed.error ?? ''} ${parsed.message ?? ''}`.trimEnd();
  } catch {
    // Not JSON: the status says enough.
  }
  throw new RequestFailure(message, `${method} ${route} ${answer.status}`, answer.status, answer.retryAfter);
}

export interface StreamHandlers {
  /** The stream answered (status 200 or not). */
  onOpen(status: number): void;
  /** An event, by name, with its data lines joined. */
  onEvent(name: string, data: string): void;
  /** It ended or failed after opening, or failed to open. */
  onClose(error: string | null): void;
}

/**
 * A server-sent event stream read line by line: only `event:` lines and the
 * blank line ending an event matter here (a poke carries no data worth reading).
 */
export function openStream(endpoint: Endpoint, path: string, headers: Record<string, string>, handlers: StreamHandlers): () => void {
  let closed = false;
  const close = (error: string | null) => {
    if (closed) return;
    closed = true;
    handlers.onClose(error);
  };
  // Its own connection: a stream holds it for as long as it lasts.
  const req = http.get({ hostname: endpoint.hostname, port: endpoint.port, path, agent: false, headers: { ...headers, accept: 'text/event-stream' } }, (res) => {
    handlers.onOpen(res.statusCode ?? 0);
    if (res.statusCode !== 200) {
      res.resume();
      res.on('end', () => close(`status ${res.statusCode}`));
      return;
    }
    res.setEncoding('utf8');
    let carry = '';
    let event = '';
    let data: string[] = [];
    res.on('data', (chunk: string) => {
      const text = carry + chunk;
      let from = 0;
      for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', from)) {
        const line = text.charCodeAt(newline - 1) === 13 ? text.slice(from, newline - 1) : text.slice(from, newline);
        from = newline + 1;
        if (line === '') {
          if (event) handlers.onEvent(event, data.join('\n'));
          event = '';
          data = [];
        } else if (line.startsWith('event:')) {
          event = line.slice(6).trim();
        } else if (line.startsWith('data:')) {
          data.push(line.slice(5).replace(/^ /, ''));
        }
      }
      carry = text.slice(from);
    });
    res.on('end', () => close(null));
    res.on('error', (error) => close(error.message));
  });
  req.on('error', (error) => close(error.message));
  return () => {
    closed = true;
    req.destroy();
  };
}
