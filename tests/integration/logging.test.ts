/**
 * The hub's log as an administrator reads it after a bad day: one JSON line
 * per event, each request's lines carrying the id its answer named, every
 * failure in it, and never a password, token or message body.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '@core/sync/protocol';
import { importRows } from '../../hub/import';
import { createHubLogger } from '../../hub/logging';
import { startHub, type RunningHub } from '../../hub/server';
import { PASSWORD, smallWorld } from '../helpers/world';

const dir = mkdtempSync(path.join(os.tmpdir(), 'agentdesk-logs-'));
let hub: RunningHub;
let failNext = false;

beforeAll(async () => {
  const logger = await createHubLogger({ dir, stdout: false });
  hub = await startHub({
    host: '127.0.0.1',
    port: 0,
    dataDir: null,
    offers: false,
    logger,
    pushHooks: {
      afterMutation: () => {
        if (failNext) {
          failNext = false;
          throw new Error('disk on fire');
        }
      },
    },
  });
  const world = smallWorld();
  await importRows(hub.storage, world.entries, world.accounts);
});
afterAll(async () => {
  await hub?.close();
  rmSync(dir, { recursive: true, force: true });
});

const logLines = () =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.log'))
    .flatMap((name) => readFileSync(path.join(dir, name), 'utf8').split('\n'))
    .filter(Boolean);

it('names each request by the id its answer carries, logs every failure, and never a secret or a body', async () => {
  const login = await fetch(`${hub.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'ava', password: PASSWORD }) });
  const { token } = (await login.json()) as { token: string };
  const loginId = login.headers.get('x-request-id');
  expect(loginId).toMatch(/^[0-9a-f-]{36}$/);

  failNext = true;
  const body = 'Customer’s card ends 4242 and she is upset';
  const push = await fetch(`${hub.url}/sync/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ clientId: crypto.randomUUID(), schemaVersion: PROTOCOL_VERSION, mutations: [{ id: 1, name: 'contact.addNote', args: { id: 'note_log_1', customerId: 'cus_1', body }, at: Date.now() }] }),
  });
  expect(push.status).toBe(500);
  expect(((await push.json()) as { message: string }).message).toMatch(/it has been logged/);
  const pushId = push.headers.get('x-request-id');

  // The file is written asynchronously: wait for the failure to land.
  await expect.poll(() => logLines().some((line) => line.includes('request failed')), { timeout: 10_000 }).toBe(true);
  const lines = logLines();
  const entries = lines.map((line) => JSON.parse(line) as { requestId?: string; msg?: string; level: number; err?: { message?: string } });
  expect(entries.some((entry) => entry.requestId === loginId)).toBe(true);
  const failure = entries.find((entry) => entry.msg === 'request failed');
  expect(failure).toMatchObject({ requestId: pushId, level: 50, err: { message: 'disk on fire' } });

  const text = lines.join('\n');
  expect(text).not.toContain(PASSWORD);
  expect(text).not.toContain(token);
  expect(text).not.toContain('4242');
  expect(text).not.toMatch(/authorization/i);
});
