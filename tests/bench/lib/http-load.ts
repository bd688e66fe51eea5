/**
 * Load clients for the hub benchmarks. They run in a worker thread so the
 * clients' JSON work does not share the hub's event loop (the hub runs in the
 * benchmark's main thread, as it runs in the desktop app's main process).
 *
 * The client is one self-contained function, sent to the thread as source:
 * it may use only globals (fetch, crypto, performance, process) and its input.
 */
import { Worker } from 'node:worker_threads';
import { PROTOCOL_VERSION } from '@core/sync/protocol';

export interface PullOnceResult {
  rows: number;
  pages: number;
  elapsedMs: number;
}

export interface PullLoadResult {
  rows: number;
  requests: number;
  fullPulls: number;
  latencies: number[];
  elapsedMs: number;
}

export interface PushLoadResult {
  mutations: number;
  rejected: number;
  requests: number;
  latencies: number[];
  elapsedMs: number;
}

export interface PushClient {
  token: string;
  customerIds: string[];
}

type Input =
  | { mode: 'pull-once'; url: string; token: string; limit: number }
  | { mode: 'pull-load'; url: string; tokens: string[]; limit: number; durationMs: number }
  | { mode: 'push-load'; url: string; clients: PushClient[]; batch: number; durationMs: number };

type Output = { ok: true; result: unknown } | { ok: false; message: string };

/**
 * pull-once  one first pull (cursor 0, following `cursor` while `hasMore`)
 * pull-load  first pulls in a loop, one loop per token, for `durationMs` after one warm-up round
 * push-load  pushes of `batch` contact.addNote mutations in a loop, one loop per client, likewise
 */
function loadClient(): void {
  const { parentPort, workerData } = process.getBuiltinModule('node:worker_threads');
  const input = workerData as Input;

  async function send(url: string, token: string, payload?: unknown): Promise<Record<string, unknown>> {
    const response = await fetch(url, {
      method: payload === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${token}`, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
    });
    const body = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`${url} answered ${response.status}: ${JSON.stringify(body)}`);
    return body;
  }

  async function fullPull(url: string, token: string, limit: number, latencies?: number[]): Promise<{ rows: number; pages: number }> {
    const clientId = crypto.randomUUID();
    let cursor = 0;
    let rows = 0;
    let pages = 0;
    for (;;) {
      const started = performance.now();
      const page = await send(`${url}/sync/pull?clientId=${clientId}&cursor=${cursor}&limit=${limit}`, token);
      latencies?.push(performance.now() - started);
      if (page.kind !== 'changes') throw new Error(`pull answered ${String(page.kind)}: ${String(page.reason)}`);
      rows += (page.changes as unknown[]).length;
      pages += 1;
      cursor = page.cursor as number;
      if (!page.hasMore) return { rows, pages };
    }
  }

  async function run(): Promise<unknown> {
    switch (input.mode) {
      case 'pull-once': {
        const started = performance.now();
        const { rows, pages } = await fullPull(input.url, input.token, input.limit);
        return { rows, pages, elapsedMs: performance.now() - started } satisfies PullOnceResult;
      }
      case 'pull-load': {
        const { url, tokens, limit, durationMs } = input;
        await Promise.all(tokens.map((token) => fullPull(url, token, limit)));
        const latencies: number[] = [];
        let rows = 0;
        let requests = 0;
        let fullPulls = 0;
        const started = performance.now();
        const deadline = started + durationMs;
        await Promise.all(
          tokens.map(async (token) => {
            while (performance.now() < deadline) {
              const result = await fullPull(url, token, limit, latencies);
              rows += result.rows;
              requests += result.pages;
              fullPulls += 1;
            }
          }),
        );
        return { rows, requests, fullPulls, latencies, elapsedMs: performance.now() - started } satisfies PullLoadResult;
      }
      case 'push-load': {
        const { url, batch, durationMs } = input;
        const clients = input.clients.map((client) => ({ ...client, clientId: crypto.randomUUID(), nextId: 1 }));
        const pushOne = async (client: (typeof clients)[number], index: number) => {
          const at = Date.now();
          const mutations = Array.from({ length: batch }, (_, offset) => {
            const id = client.nextId + offset;
            return {
              id,
              name: 'contact.addNote',
              args: {
                id: `note_bench_${index}_${id}_${crypto.randomUUID().slice(0, 8)}`,
                customerId: client.customerIds[id % client.customerIds.length],
                body: `Called back about the duplicate payment; refund confirmed by the payments team, reference RF-${id}.`,
              },
              at,
            };
          });
          const response = await send(`${url}/sync/push`, client.token, { clientId: client.clientId, schemaVersion: PROTOCOL_VERSION, mutations });
          client.nextId += batch;
          return response.results as { status: string }[];
        };
        await Promise.all(clients.map((client, index) => pushOne(client, index)));
        const latencies: number[] = [];
        let mutations = 0;
        let rejected = 0;
        let requests = 0;
        const started = performance.now();
        const deadline = started + durationMs;
        await Promise.all(
          clients.map(async (client, index) => {
            while (performance.now() < deadline) {
              const before = performance.now();
              const results = await pushOne(client, index);
              latencies.push(performance.now() - before);
              requests += 1;
              mutations += results.length;
              rejected += results.filter((result) => result.status !== 'applied').length;
            }
          }),
        );
        return { mutations, rejected, requests, latencies, elapsedMs: performance.now() - started } satisfies PushLoadResult;
      }
    }
  }

  run().then(
    (result) => parentPort?.postMessage({ ok: true, result } satisfies Output),
    (error: unknown) => parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) } satisfies Output),
  );
}

function runLoad<T>(input: Input): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(`(${loadClient.toString()})();`, { eval: true, workerData: input });
    worker.once('message', (message: Output) => {
      if (message.ok) resolve(message.result as T);
      else reject(new Error(message.message));
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

export const pullOnce = (url: string, token: string, limit = 1000) => runLoad<PullOnceResult>({ mode: 'pull-once', url, token, limit });

export const pullLoad = (url: string, tokens: string[], durationMs: number, limit = 1000) =>
  runLoad<PullLoadResult>({ mode: 'pull-load', url, tokens, limit, durationMs });

export const pushLoad = (url: string, clients: PushClient[], durationMs: number, batch = 50) =>
  runLoad<PushLoadResult>({ mode: 'push-load', url, clients, batch, durationMs });

/** Signs a person in through the hub's API; returns the session token. */
export async function login(url: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`sign-in of ${username} failed: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { token: string };
  return body.token;
}
