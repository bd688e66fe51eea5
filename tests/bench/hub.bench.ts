/**
 * Benchmark 4 — the hub's push and pull throughput over loopback HTTP, on
 * PGlite and on PostgreSQL, loaded with the small demo set.
 *
 * PUSH: 4 agents' desktops, each pushing batches of 50 contact.addNote
 * mutations as fast as answers come back. Baseline: single-row INSERT
 * commits of as many rows into a scratch table of the same database.
 * PULL: 4 desktops making first pulls (cursor 0, pages of 1,000) in a loop.
 * Baseline: plain SELECT data FROM entities of as many rows, same page size
 * and concurrency, on the same database.
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import zlib from 'node:zlib';
import { test } from 'vitest';
import { DEMO_PASSWORD } from '@core/demo';
import { startHub, type RunningHub } from '../../hub/server';
import { storageTargets, type StorageTarget } from '../helpers/storage-targets';
import { login, pullLoad, pushLoad, type PullLoadResult, type PushLoadResult } from './lib/http-load';
import { saveResult, textTable, type BenchResult, type Measure } from './lib/results';
import { int, ms, percentile, perSecond } from './lib/stats';

const AGENTS = ['ava', 'ben', 'chloe', 'diego'];
const DURATION_MS = 6_000;
const PAGE = 1000;
const PUSH_BATCH = 50;

const kib = (bytes: number) => `${int(bytes / 1024)} KiB`;

interface RawRun {
  rows: number;
  elapsedMs: number;
  latencies: number[];
}

/** Runs `loops` copies of `step` until the deadline; each step returns how many rows it handled. */
async function timed(loops: number, durationMs: number, step: (loop: number) => Promise<number>): Promise<RawRun> {
  const latencies: number[] = [];
  let rows = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: loops }, async (_, loop) => {
      while (performance.now() < deadline) {
        const before = performance.now();
        rows += await step(loop);
        latencies.push(performance.now() - before);
      }
    }),
  );
  return { rows, elapsedMs: performance.now() - started, latencies };
}

/** Reads `rowsPerRead` rows of entities in primary-key pages, like a pull but with nothing else. */
async function rawSelect(hub: RunningHub, rowsPerRead: number): Promise<RawRun> {
  const cursors = AGENTS.map(() => ({ entity: '', id: '', read: 0 }));
  return timed(AGENTS.length, DURATION_MS, async (loop) => {
    const cursor = cursors[loop]!;
    const limit = Math.min(PAGE, rowsPerRead - cursor.read);
    const rows = await hub.storage.query<{ entity: string; id: string; data: unknown }>(
      'SELECT entity, id, data FROM entities WHERE (entity, id) > ($1, $2) ORDER BY entity, id LIMIT $3',
      [cursor.entity, cursor.id, limit],
    );
    const last = rows.at(-1);
    cursor.read += rows.length;
    if (!last || cursor.read >= rowsPerRead) Object.assign(cursor, { entity: '', id: '', read: 0 });
    else Object.assign(cursor, { entity: last.entity, id: last.id });
    return rows.length;
  });
}

/** Single-row INSERT commits of a note-sized JSON row into a scratch table, `total` rows over 4 connections. */
async function rawInsert(hub: RunningHub, total: number): Promise<RawRun> {
  await hub.storage.exec('DROP TABLE IF EXISTS bench_scratch; CREATE TABLE bench_scratch (client_id text NOT NULL, id bigint NOT NULL, data jsonb NOT NULL, PRIMARY KEY (client_id, id))');
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    AGENTS.map(async (agent) => {
      while (next < total) {
        const id = (next += 1);
        const data = { id: `note_raw_${id}`, customerId: 'cus_00001', body: `Called back about the duplicate payment; refund confirmed by the payments team, reference RF-${id}.` };
        const before = performance.now();
        await hub.storage.query('INSERT INTO bench_scratch (client_id, id, data) VALUES ($1, $2, $3)', [agent, id, JSON.stringify(data)]);
        latencies.push(performance.now() - before);
      }
    }),
  );
  const elapsedMs = performance.now() - started;
  await hub.storage.exec('DROP TABLE bench_scratch');
  return { rows: total, elapsedMs, latencies };
}

interface FirstSync {
  wireBytes: number;
  jsonBytes: number;
  elapsedMs: number;
  pages: number;
}

/** One desktop's first sync, page by page, as the wire carries it: `encoding` is what the desktop accepts. */
async function firstSync(url: string, token: string, encoding: 'identity' | 'br, gzip'): Promise<FirstSync> {
  const clientId = randomUUID();
  let cursor = 0;
  let wireBytes = 0;
  let jsonBytes = 0;
  let pages = 0;
  const started = performance.now();
  for (;;) {
    const { body, contentEncoding } = await new Promise<{ body: Buffer; contentEncoding: string | undefined }>((resolve, reject) => {
      const request = http.get(`${url}/sync/pull?clientId=${clientId}&cursor=${cursor}&limit=${PAGE}`, { headers: { authorization: `Bearer ${token}`, 'accept-encoding': encoding } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ body: Buffer.concat(chunks), contentEncoding: response.headers['content-encoding'] }));
        response.on('error', reject);
      });
      request.on('error', reject);
    });
    wireBytes += body.length;
    const json = contentEncoding === 'br' ? zlib.brotliDecompressSync(body) : contentEncoding === 'gzip' ? zlib.gunzipSync(body) : body;
    jsonBytes += json.length;
    pages += 1;
    const page = JSON.parse(json.toString('utf8')) as { cursor: number; hasMore: boolean };
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  return { wireBytes, jsonBytes, elapsedMs: performance.now() - started, pages };
}

interface StorageFigures {
  label: string;
  pull: PullLoadResult;
  pullRaw: RawRun;
  push: PushLoadResult;
  pushRaw: RawRun;
  scopeRows: number;
  plainSync: FirstSync;
  compressedSync: FirstSync;
}

async function measure(target: StorageTarget): Promise<StorageFigures> {
  const database = await target.create();
  const hub = await startHub({ host: '127.0.0.1', port: 0, databaseUrl: database.databaseUrl, dataDir: database.dataDir, demo: 'small' });
  try {
    const tokens: string[] = [];
    for (const agent of AGENTS) tokens.push(await login(hub.url, agent, DEMO_PASSWORD));

    // Pull first, while the data is exactly the demo set.
    const pull = await pullLoad(hub.url, tokens, DURATION_MS, PAGE);
    const scopeRows = Math.round(pull.rows / Math.max(1, pull.fullPulls));
    await rawSelect(hub, scopeRows).then(() => undefined); // warm-up
    const pullRaw = await rawSelect(hub, scopeRows);

    // Compressed against uncompressed, alternated so both meet the same warm caches.
    await firstSync(hub.url, tokens[0]!, 'identity');
    const plainSync = await firstSync(hub.url, tokens[0]!, 'identity');
    const compressedSync = await firstSync(hub.url, tokens[0]!, 'br, gzip');

    const clients = [];
    for (const [index, agent] of AGENTS.entries()) {
      const rows = await hub.storage.query<{ customer_id: string }>('SELECT customer_id FROM user_scope WHERE user_id = $1 ORDER BY customer_id LIMIT 200', [`usr_${agent}`]);
      clients.push({ token: tokens[index]!, customerIds: rows.map((row) => row.customer_id) });
    }
    const push = await pushLoad(hub.url, clients, DURATION_MS, PUSH_BATCH);
    const pushRaw = await rawInsert(hub, push.mutations);
    console.log(
      `hub ${target.label}: push ${int(perSecond(push.mutations, push.elapsedMs))} mutations/s (raw ${int(perSecond(pushRaw.rows, pushRaw.elapsedMs))} rows/s); pull ${int(perSecond(pull.rows, pull.elapsedMs))} rows/s (raw ${int(perSecond(pullRaw.rows, pullRaw.elapsedMs))} rows/s)`,
    );
    return { label: target.label, pull, pullRaw, push, pushRaw, scopeRows, plainSync, compressedSync };
  } finally {
    await hub.close();
    await database.drop();
  }
}

test('hub push and pull throughput on PGlite and PostgreSQL (loopback HTTP)', async () => {
  const started = performance.now();
  const targets = await storageTargets();
  const measures: Measure[] = [];
  const notes: string[] = [];
  const raw: Record<string, StorageFigures> = {};
  for (const target of targets) {
    if (target.skipReason) {
      measures.push({ name: `${target.label}: push`, figure: 'skipped', baseline: '—', ratio: null, target: '—', status: 'skipped' });
      measures.push({ name: `${target.label}: pull`, figure: 'skipped', baseline: '—', ratio: null, target: '—', status: 'skipped' });
      notes.push(`${target.label} skipped: ${target.skipReason}`);
      continue;
    }
    const figures = await measure(target);
    raw[target.kind] = figures;
    const { pull, pullRaw, push, pushRaw, plainSync, compressedSync } = figures;
    const pushRate = perSecond(push.mutations, push.elapsedMs);
    const insertRate = perSecond(pushRaw.rows, pushRaw.elapsedMs);
    const pullRate = perSecond(pull.rows, pull.elapsedMs);
    const selectRate = perSecond(pullRaw.rows, pullRaw.elapsedMs);
    measures.push(
      {
        name: `${target.label}: push (mutations/s)`,
        figure: `${int(pushRate)} /s`,
        baseline: `${int(insertRate)} /s single-row INSERT commits`,
        ratio: pushRate / insertRate,
        target: '—',
        status: 'info',
      },
      {
        name: `  push request of ${PUSH_BATCH}: median · p95`,
        figure: `${ms(percentile(push.latencies, 50), 0)} · ${ms(percentile(push.latencies, 95), 0)}`,
        baseline: `INSERT p95 ${ms(percentile(pushRaw.latencies, 95))}`,
        ratio: null,
        target: '—',
        status: 'info',
      },
      {
        name: `${target.label}: pull (rows/s)`,
        figure: `${int(pullRate)} /s`,
        baseline: `${int(selectRate)} /s plain SELECT data`,
        ratio: pullRate / selectRate,
        target: '—',
        status: 'info',
      },
      {
        name: `  pull requests/s · page median · p95`,
        figure: `${int(perSecond(pull.requests, pull.elapsedMs))} /s · ${ms(percentile(pull.latencies, 50), 0)} · ${ms(percentile(pull.latencies, 95), 0)}`,
        baseline: `SELECT page p95 ${ms(percentile(pullRaw.latencies, 95))}`,
        ratio: null,
        target: '—',
        status: 'info',
      },
    );
    measures.push({
      name: `${target.label}: a first sync's bytes on the wire (brotli/gzip) · time`,
      figure: `${kib(compressedSync.wireBytes)} · ${ms(compressedSync.elapsedMs, 0)}`,
      baseline: `${kib(plainSync.wireBytes)} · ${ms(plainSync.elapsedMs, 0)} uncompressed`,
      ratio: compressedSync.wireBytes / plainSync.wireBytes,
      target: '—',
      status: 'info',
    });
    notes.push(
      `${target.label}: ${int(push.mutations)} mutations in ${int(push.requests)} pushes (${int(push.rejected)} rejected); ${int(pull.fullPulls)} first pulls of ${int(figures.scopeRows)} rows (${int(pull.requests)} pages).`,
    );
  }
  notes.push(
    `Load: ${AGENTS.length} desktops (${AGENTS.join(', ')}), each with its own session and a fresh client id, for ${DURATION_MS / 1000} s per phase after one warm-up round; the clients run in a worker thread, the hub in the benchmark's main thread.`,
    'A push commits its mutations in one transaction with the client\'s last mutation id; push\'s baseline is one INSERT commit per row, what each mutation cost when it committed on its own; pull\'s baseline reads the same number of rows in pages of 1,000 by primary key, without scope, JSON over HTTP or validation.',
  );
  const result: BenchResult = {
    id: '4-hub',
    title: '4. Hub push and pull throughput (loopback HTTP, small demo set)',
    measures,
    notes,
    raw,
    durationMs: performance.now() - started,
  };
  saveResult(result);
  console.log(`\n${textTable(result)}\n`);
});
