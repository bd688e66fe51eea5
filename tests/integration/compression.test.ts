/**
 * What goes over the wire: pull pages and other answers compressed for a
 * desktop that accepts it, event streams never (a compressor would hold pokes
 * back until its buffer filled).
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import zlib from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@core/demo';
import { startHub, type RunningHub } from '../../hub/server';

let hub: RunningHub;
let token: string;

beforeAll(async () => {
  hub = await startHub({ host: '127.0.0.1', port: 0, dataDir: null, demo: 'small', offers: false });
  const response = await fetch(`${hub.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'ava', password: DEMO_PASSWORD }),
  });
  token = ((await response.json()) as { token: string }).token;
});
afterAll(async () => {
  await hub?.close();
});

/** A GET with the raw bytes as they arrived; `stopAfter` ends a streaming answer once that much has come. */
function get(path: string, acceptEncoding: string, stopAfter?: number): Promise<{ status: number; encoding: string | undefined; type: string | undefined; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${hub.url}${path}`, { headers: { authorization: `Bearer ${token}`, 'accept-encoding': acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      const done = () => resolve({ status: response.statusCode ?? 0, encoding: response.headers['content-encoding'], type: response.headers['content-type'], body: Buffer.concat(chunks) });
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        if (stopAfter !== undefined && Buffer.concat(chunks).length >= stopAfter) {
          done();
          request.destroy();
        }
      });
      response.on('end', done);
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

it('sends a first pull page compressed with brotli to a desktop that accepts it, and the page reads the same', async () => {
  const path = `/sync/pull?clientId=${randomUUID()}&cursor=0&limit=1000`;
  const plain = await get(path, 'identity');
  const compressed = await get(path, 'br, gzip');
  expect(plain.encoding).toBeUndefined();
  expect(compressed.encoding).toBe('br');
  const page = JSON.parse(zlib.brotliDecompressSync(compressed.body).toString('utf8')) as { changes: unknown[] };
  expect(page.changes.length).toBeGreaterThan(100);
  expect(page).toEqual(JSON.parse(plain.body.toString('utf8')));
  // JSON of synced rows shrinks a great deal; a tenth is typical.
  expect(compressed.body.length).toBeLessThan(plain.body.length / 4);
});

it('answers gzip to a client that only accepts gzip', async () => {
  const compressed = await get(`/sync/pull?clientId=${randomUUID()}&cursor=0&limit=200`, 'gzip');
  expect(compressed.encoding).toBe('gzip');
  expect(JSON.parse(zlib.gunzipSync(compressed.body).toString('utf8'))).toHaveProperty('changes');
});

it('never compresses the event stream: its first bytes arrive at once, readable as they are', async () => {
  const stream = await get('/sync/events', 'br, gzip', ': connected'.length);
  expect(stream.status).toBe(200);
  expect(stream.type).toMatch(/^text\/event-stream/);
  expect(stream.encoding).toBeUndefined();
  expect(stream.body.toString('utf8')).toContain(': connected');
});
