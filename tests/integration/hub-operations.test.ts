/**
 * The hub as its operator runs it: /metrics after real traffic (what
 * Prometheus and a load generator read), who may read it, health and
 * readiness for a load balancer, and a stop that drains: not ready at once,
 * new event streams refused, open ones told to reconnect, a push in flight
 * finished before the database closes.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HealthSchema } from '@core/hub-api';
import { POKE_EVENT, PROTOCOL_VERSION } from '@core/sync/protocol';
import { startHub, type RunningHub } from '../../hub/server';
import { storageTargets, type TestDatabase } from '../helpers/storage-targets';

const targets = await storageTargets();
const METRICS_TOKEN = 'scrape-token-3f9a1c7e52';
const ELSEWHERE = '203.0.113.7';

/** The value of one series in a Prometheus text exposition (labels as written, in order); undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

async function until(what: string, check: () => boolean): Promise<void> {
  const end = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Resolves when released; `entered` resolves when something waits on it. */
function gate() {
  let release!: () => void;
  let entered!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const reached = new Promise<void>((resolve) => (entered = resolve));
  return { released, reached, release, entered };
}

describe.each(targets)('operating the hub on $label', (target) => {
  const skip = target.skipReason;
  let database: TestDatabase;
  let hub: RunningHub;
  let hold: ReturnType<typeof gate> | null = null;
  const tokens: Record<string, string> = {};
  const clientId = randomUUID();
  let nextMutation = 1;

  const signIn = async (username: string) => {
    const response = await fetch(`${hub.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'demo' }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { token: string }).token;
  };
  const push = (mutations: { id: number; name: string; args: unknown }[]) =>
    fetch(`${hub.url}/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.ava}`, 'content-type': 'application/json' },
      body: JSON.stringify({ clientId, schemaVersion: PROTOCOL_VERSION, mutations: mutations.map((mutation) => ({ ...mutation, at: Date.now() })) }),
    });
  const pull = (cursor = 0) =>
    fetch(`${hub.url}/sync/pull?clientId=${clientId}&cursor=${cursor}`, { headers: { authorization: `Bearer ${tokens.ava}` } });
  const scrape = async () => {
    const response = await fetch(`${hub.url}/metrics`);
    expect(response.status).toBe(200);
    return response.text();
  };
  /** An event stream, read in the background: what arrived so far, and when it ended. */
  const openStream = async () => {
    const response = await fetch(`${hub.url}/sync/events`, { headers: { authorization: `Bearer ${tokens.ava}`, accept: 'text/event-stream' } });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    const stream = { text: '', ended: Promise.resolve(), cancel: () => reader.cancel().catch(() => undefined) };
    stream.ended = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        stream.text += decoder.decode(value, { stream: true });
      }
    })();
    return stream;
  };

  beforeAll(async () => {
    if (skip) return;
    database = await target.create();
    hub = await startHub({
      host: '127.0.0.1',
      port: 0,
      databaseUrl: database.databaseUrl,
      dataDir: database.dataDir,
      demo: 'small',
      offers: false,
      publicUrls: ['https://agentdesk.example.com'],
      metricsToken: METRICS_TOKEN,
      drainDelayMs: 300,
      // Longer than the test may take: stopping must not wait for the cut (a connection left open would hold it up).
      shutdownTimeoutMs: 60_000,
      pushHooks: {
        afterMutation: async () => {
          if (!hold) return;
          hold.entered();
          await hold.released;
        },
      },
    });
    tokens.ava = await signIn('ava');
    tokens.admin = await signIn('admin');
  });
  afterAll(async () => {
    hold?.release();
    await hub?.close();
    await database?.drop();
  });

  it.skipIf(skip)('shows after a push and a pull what was applied, refused, replayed and delivered', async () => {
    const stream = await openStream();
    const mutations = [
      { id: nextMutation++, name: 'presence.set', args: { presence: 'available' } },
      { id: nextMutation++, name: 'contact.claim', args: { contactId: 'con_nobody' } },
    ];
    const first = await push(mutations);
    expect(first.status).toBe(200);
    expect(((await first.json()) as { results: { status: string }[] }).results.map((result) => result.status)).toEqual(['applied', 'rejected']);
    // The same push again, as after a lost answer: answered from the stored results.
    expect((await push(mutations)).status).toBe(200);
    // Pages until the desktop has everything, then one with nothing new.
    let cursor = 0;
    let pages = 0;
    let rows = 0;
    for (let more = true; more; pages += 1) {
      const page = (await (await pull(cursor)).json()) as { changes: unknown[]; cursor: number; hasMore: boolean };
      cursor = page.cursor;
      rows += page.changes.length;
      more = page.hasMore;
    }
    expect((await pull(cursor)).status).toBe(200);
    // A scanner's path must not become a series of its own.
    expect((await fetch(`${hub.url}/api/v1/no-such-route/cus_4242`)).status).toBe(404);
    await until('a poke on the open stream', () => stream.text.includes(`event: ${POKE_EVENT}`));

    const text = await scrape();
    expect(sample(text, 'agentdesk_sync_mutations_applied_total')).toBe(1);
    expect(sample(text, 'agentdesk_sync_mutations_rejected_total{code="not_found"}')).toBe(1);
    expect(sample(text, 'agentdesk_sync_mutations_replayed_total')).toBe(2);
    expect(sample(text, 'agentdesk_sync_push_duration_seconds_count')).toBe(2);
    expect(sample(text, 'agentdesk_sync_pulls_total{result="changes"}')).toBe(pages);
    expect(sample(text, 'agentdesk_sync_pulls_total{result="empty"}')).toBe(1);
    expect(sample(text, 'agentdesk_sync_pull_rows_total')).toBe(rows);
    expect(sample(text, 'agentdesk_sync_pull_bytes_total')).toBeGreaterThan(rows * 20);
    expect(sample(text, 'agentdesk_http_request_duration_seconds_count{method="POST",route="/sync/push",status_class="2xx"}')).toBe(2);
    expect(sample(text, 'agentdesk_http_request_duration_seconds_count{method="GET",route="/sync/pull",status_class="2xx"}')).toBe(pages + 1);
    expect(sample(text, 'agentdesk_http_request_duration_seconds_count{method="GET",route="unmatched",status_class="4xx"}')).toBe(1);
    expect(text).not.toContain('cus_4242');
    expect(text).not.toContain('route="/metrics"');
    // The applied push was announced, and reached the open stream (which did not ask for rows: as a poke).
    expect(sample(text, 'agentdesk_event_streams_open')).toBe(1);
    expect(sample(text, 'agentdesk_announcements_total')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'agentdesk_poke_writes_total')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'agentdesk_change_events_total')).toBe(0);
    // Every push, the replayed one included, is decided under the write lock (and so is the offer pass the first one set off).
    expect(sample(text, 'agentdesk_write_lock_wait_seconds_count')).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'agentdesk_write_lock_hold_seconds_count')).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'agentdesk_db_queries_total')).toBeGreaterThan(0);
    expect(sample(text, 'agentdesk_db_transactions_total')).toBeGreaterThan(0);
    expect(sample(text, 'agentdesk_db_listen_connected')).toBe(1);
    if (target.kind === 'postgres') {
      // Pulls read through one pool, pushes write through the other: both have been used.
      for (const pool of ['reads', 'writes']) {
        expect(sample(text, `agentdesk_db_pool_connections{pool="${pool}"}`)).toBeGreaterThanOrEqual(1);
        expect(sample(text, `agentdesk_db_pool_idle_connections{pool="${pool}"}`)).toBeGreaterThanOrEqual(0);
        expect(sample(text, `agentdesk_db_pool_waiting{pool="${pool}"}`)).toBe(0);
      }
    } else {
      expect(text).not.toContain('agentdesk_db_pool_connections');
    }
    const utilization = sample(text, 'agentdesk_event_loop_utilization');
    expect(utilization).toBeGreaterThanOrEqual(0);
    expect(utilization).toBeLessThanOrEqual(1);
    expect(sample(text, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    await stream.cancel();
  });

  it.skipIf(skip)('counts database queries, and /health stops asking about set-up once someone can sign in', async () => {
    const before = sample(await scrape(), 'agentdesk_db_queries_total')!;
    for (let poll = 0; poll < 3; poll += 1) expect(HealthSchema.parse(await (await fetch(`${hub.url}/health`)).json()).setupNeeded).toBe(false);
    expect(sample(await scrape(), 'agentdesk_db_queries_total')).toBe(before);
    expect((await pull()).status).toBe(200);
    expect(sample(await scrape(), 'agentdesk_db_queries_total')).toBeGreaterThan(before);
  });

  it.skipIf(skip)('counts contacts from integrations, created and repeated', async () => {
    const post = () =>
      fetch(`${hub.url}/api/v1/contacts`, {
        method: 'POST',
        headers: { authorization: 'Bearer demo-integration-key', 'content-type': 'application/json' },
        body: JSON.stringify({ channel: 'chat', from: { email: 'metrics.watcher@example.com' }, body: 'Hello', externalId: 'metrics-1' }),
      });
    expect((await post()).status).toBe(201);
    expect((await post()).status).toBe(200);
    const text = await scrape();
    expect(sample(text, 'agentdesk_contacts_ingested_total{result="created"}')).toBe(1);
    expect(sample(text, 'agentdesk_contacts_ingested_total{result="repeat"}')).toBe(1);
  });

  it.skipIf(skip)('lets this machine, the metrics token and administrators read /metrics, and nobody else', async () => {
    const read = (remoteAddress: string, headers: Record<string, string> = {}) =>
      hub.app.inject({ method: 'GET', url: '/metrics', remoteAddress, headers: { host: `127.0.0.1:${hub.port}`, ...headers } });
    // A program on the hub's machine: Prometheus or a load generator on loopback.
    const local = await read('127.0.0.1');
    expect(local.statusCode).toBe(200);
    expect(local.headers['content-type']).toContain('text/plain');
    expect(local.headers['cache-control']).toBe('no-store');
    expect(local.headers['x-content-type-options']).toBe('nosniff');
    // From elsewhere, with nothing or the wrong thing.
    const anonymous = await read(ELSEWHERE);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ error: 'unauthorized', message: expect.stringContaining('AGENTDESK_METRICS_TOKEN') as string });
    expect(anonymous.body).not.toContain('agentdesk_');
    expect((await read(ELSEWHERE, { authorization: 'Bearer not-the-metrics-token' })).statusCode).toBe(401);
    expect((await read(ELSEWHERE, { authorization: 'Bearer demo-integration-key' })).statusCode).toBe(401);
    expect((await read(ELSEWHERE, { authorization: `Bearer ${tokens.ava}` })).statusCode).toBe(403);
    // A reverse proxy on the same machine connects from loopback, but forwards, or names the public host.
    expect((await read('127.0.0.1', { 'x-forwarded-for': ELSEWHERE })).statusCode).toBe(401);
    expect((await read('127.0.0.1', { forwarded: `for=${ELSEWHERE}` })).statusCode).toBe(401);
    expect((await read('127.0.0.1', { host: 'agentdesk.example.com' })).statusCode).toBe(401);
    // The scraper's token, or an administrator.
    expect((await read(ELSEWHERE, { authorization: `Bearer ${METRICS_TOKEN}` })).statusCode).toBe(200);
    expect((await read(ELSEWHERE, { authorization: `Bearer ${tokens.admin}` })).statusCode).toBe(200);
    // The Host check still comes first.
    expect((await read('127.0.0.1', { host: 'rebind.attacker.example' })).statusCode).toBe(421);
  });

  it.skipIf(skip)('answers liveness and readiness for a load balancer', async () => {
    const live = await fetch(`${hub.url}/health/live`);
    expect([live.status, await live.json()]).toEqual([200, { status: 'live' }]);
    expect(live.headers.get('cache-control')).toBe('no-store');
    const ready = await fetch(`${hub.url}/health/ready`);
    expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
  });

  // Last: it stops the hub.
  it.skipIf(skip)('drains when stopped: not ready, no new streams, open streams told to reconnect, a push in flight finished', async () => {
    const stream = await openStream();
    hold = gate();
    const inFlight = push([{ id: nextMutation++, name: 'presence.set', args: { presence: 'away' } }]);
    await hold.reached;

    const closed = hub.close();
    const ready = await fetch(`${hub.url}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ error: 'draining' });
    expect((await fetch(`${hub.url}/health/live`)).status).toBe(200);
    const refused = await fetch(`${hub.url}/sync/events`, { headers: { authorization: `Bearer ${tokens.ava}` } });
    expect([refused.status, refused.headers.get('retry-after')]).toEqual([503, '1']);

    // The stream ends, telling the desktop to come back soon (to another process behind the balancer).
    await stream.ended;
    expect(stream.text).toMatch(/retry: \d+\n\n$/);
    hold.release();
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { results: { status: string }[] }).results).toEqual([{ id: nextMutation - 1, status: 'applied' }]);
    await closed;
    await expect(fetch(`${hub.url}/health/live`)).rejects.toThrow();
  });
});
