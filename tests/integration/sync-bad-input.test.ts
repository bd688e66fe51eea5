/** The hub's sync and sign-in routes refuse bad input with a 4xx and a message, and write nothing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '@core/hub-api';
import { PROTOCOL_VERSION } from '@core/sync/protocol';
import { importRows } from '../../hub/import';
import { startHub, type RunningHub } from '../../hub/server';
import { PASSWORD, smallWorld } from '../helpers/world';

let hub: RunningHub;
let token: string;
const clientId = '6f1c0c52-8a8e-4d3c-9a55-2f8f5d0a9a11';

async function writes(): Promise<number> {
  const rows = await hub.storage.query<{ n: number }>('SELECT (SELECT count(*) FROM mutations) + (SELECT count(*) FROM clients) AS n');
  return Number(rows[0]!.n);
}

async function call(path: string, init: RequestInit & { auth?: string | null } = {}) {
  const { auth, ...rest } = init;
  const headers: Record<string, string> = { ...(rest.body !== undefined ? { 'content-type': 'application/json' } : {}), ...(rest.headers as Record<string, string>) };
  if (auth !== null) headers.authorization = auth ?? `Bearer ${token}`;
  const response = await fetch(`${hub.url}${path}`, { ...rest, headers });
  const body = ApiErrorSchema.safeParse(await response.json().catch(() => null));
  return { status: response.status, message: body.success ? body.data.message : '(no error body)' };
}

const push = (body: unknown, auth?: string | null) => call('/sync/push', { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), auth });
const note = (id: number, args: unknown = { id: `n${id}`, customerId: 'cus_1', body: 'hi' }) => ({ id, name: 'contact.addNote', args, at: Date.now() });

beforeAll(async () => {
  hub = await startHub({ host: '127.0.0.1', port: 0, dataDir: null });
  const world = smallWorld();
  await importRows(hub.storage, world.entries, world.accounts);
  const login = await fetch(`${hub.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'ava', password: PASSWORD }),
  });
  token = ((await login.json()) as { token: string }).token;
});
afterAll(async () => hub?.close());

describe('bad pushes are refused whole, with a message, and write nothing', () => {
  const cases: [string, () => Promise<{ status: number; message: string }>, number, RegExp][] = [
    ['not JSON', () => push('{"clientId": '), 400, /JSON/i],
    ['no mutations', () => push({ clientId, schemaVersion: PROTOCOL_VERSION, mutations: [] }), 400, /at least one mutation/],
    ['a clientId that is not a UUID', () => push({ clientId: 'me', schemaVersion: PROTOCOL_VERSION, mutations: [note(1)] }), 400, /Client id must be a UUID \(clientId\)/],
    ['an unknown mutation name', () => push({ clientId, schemaVersion: PROTOCOL_VERSION, mutations: [note(1), { ...note(2), name: 'contact.delete' }] }), 400, /unknown name: "contact\.delete"/],
    ['arguments of the wrong type', () => push({ clientId, schemaVersion: PROTOCOL_VERSION, mutations: [note(1, { id: 'n1', customerId: 42, body: 'hi' })] }), 400, /invalid arguments: Customer id is not valid \(customerId\)/],
    ['a missing argument', () => push({ clientId, schemaVersion: PROTOCOL_VERSION, mutations: [note(1, { id: 'n1', customerId: 'cus_1' })] }), 400, /body/],
    ['ids that are not consecutive', () => push({ clientId, schemaVersion: PROTOCOL_VERSION, mutations: [note(1), note(3)] }), 400, /consecutive: 3 follows 1/],
    ['an unknown field', () => push({ clientId, schemaVersion: PROTOCOL_VERSION, mutations: [note(1)], extra: true }), 400, /extra/],
    ['another protocol version', () => push({ clientId, schemaVersion: 99, mutations: [note(1)] }), 409, new RegExp(`protocol ${PROTOCOL_VERSION}.*99`)],
    ['a desktop from before presence had its own rows', () => push({ clientId, schemaVersion: 1, mutations: [note(1)] }), 409, /sent 1\. Update AgentDesk on this desktop/],
    ['a first mutation that skips ahead', () => push({ clientId, schemaVersion: PROTOCOL_VERSION, mutations: [note(7)] }), 409, /expected mutation 1/],
    ['too many mutations', () => push({ clientId, schemaVersion: PROTOCOL_VERSION, mutations: Array.from({ length: 101 }, (_, i) => note(i + 1)) }), 400, /mutations/],
    ['an oversized body', () => push({ clientId, schemaVersion: PROTOCOL_VERSION, mutations: [note(1, { id: 'n1', customerId: 'cus_1', body: 'x'.repeat(5 * 1024 * 1024) })] }), 413, /too large/i],
    ['no token', () => push({ clientId, schemaVersion: PROTOCOL_VERSION, mutations: [note(1)] }, null), 401, /Sign in first/],
    ['a malformed token', () => push({ clientId, schemaVersion: PROTOCOL_VERSION, mutations: [note(1)] }, 'Bearer ???'), 401, /malformed/],
    ['an unknown token', () => push({ clientId, schemaVersion: PROTOCOL_VERSION, mutations: [note(1)] }, `Bearer ${'A'.repeat(43)}`), 401, /not valid/],
  ];
  for (const [what, send, status, message] of cases) {
    it(what, async () => {
      const before = await writes();
      const answer = await send();
      expect(answer.status).toBe(status);
      expect(answer.message).toMatch(message);
      expect(await writes()).toBe(before);
    });
  }
});

describe('other sync and sign-in input', () => {
  it('a pull with a bad cursor or client is refused', async () => {
    expect(await call('/sync/pull?clientId=nope&cursor=0')).toMatchObject({ status: 400, message: expect.stringMatching(/clientId/) });
    expect(await call(`/sync/pull?clientId=${clientId}&cursor=-4`)).toMatchObject({ status: 400, message: expect.stringMatching(/cursor/) });
    expect(await call(`/sync/pull?clientId=${clientId}&cursor=0&limit=999999`)).toMatchObject({ status: 400, message: expect.stringMatching(/limit/) });
    expect(await call(`/sync/pull?clientId=${clientId}&cursor=0&sneaky=1`)).toMatchObject({ status: 400 });
  });

  it("a desktop client id cannot be used by another person", async () => {
    const ok = await push({ clientId, schemaVersion: PROTOCOL_VERSION, mutations: [note(1)] });
    expect(ok.status).toBe(200);
    const login = await fetch(`${hub.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'ben', password: PASSWORD }),
    });
    const benToken = ((await login.json()) as { token: string }).token;
    const stolen = await push({ clientId, schemaVersion: PROTOCOL_VERSION, mutations: [note(2)] }, `Bearer ${benToken}`);
    expect(stolen).toMatchObject({ status: 403, message: expect.stringMatching(/belongs to another person/) });
    expect(await call(`/sync/pull?clientId=${clientId}&cursor=0`, { auth: `Bearer ${benToken}` })).toMatchObject({ status: 403 });
  });

  it('sign-in with a wrong password or unknown name says so, and too many tries slow down', async () => {
    const attempt = (username: string, password: string) =>
      call('/api/v1/auth/login', { method: 'POST', body: JSON.stringify({ username, password }), auth: null });
    expect(await attempt('ava', 'wrong')).toEqual({ status: 401, message: 'Wrong user name or password.' });
    expect(await attempt('nobody', 'wrong')).toEqual({ status: 401, message: 'Wrong user name or password.' });
    expect(await call('/api/v1/auth/login', { method: 'POST', body: JSON.stringify({ username: '' }), auth: null })).toMatchObject({ status: 400 });
    for (let i = 0; i < 4; i += 1) await attempt('olga', 'wrong');
    expect(await attempt('olga', 'wrong')).toMatchObject({ status: 401 });
    expect(await attempt('olga', PASSWORD)).toMatchObject({ status: 429, message: expect.stringMatching(/Too many failed sign-ins for olga/) });
  });

  it('a signed-out token stops working', async () => {
    const login = await fetch(`${hub.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'sam', password: PASSWORD }),
    });
    const samToken = ((await login.json()) as { token: string }).token;
    expect((await call('/api/v1/auth/me', { auth: `Bearer ${samToken}` })).status).toBe(200);
    expect((await call('/api/v1/auth/logout', { method: 'POST', auth: `Bearer ${samToken}` })).status).toBe(200);
    expect(await call('/api/v1/auth/me', { auth: `Bearer ${samToken}` })).toMatchObject({ status: 401 });
  });

  it('scope requests for unknown customers are refused', async () => {
    expect(await call('/sync/scope', { method: 'POST', body: JSON.stringify({ customerIds: ['cus_404'] }) })).toMatchObject({
      status: 404,
      message: 'No such customer: cus_404',
    });
    expect(await call('/sync/scope', { method: 'POST', body: JSON.stringify({ customerIds: [] }) })).toMatchObject({ status: 400 });
  });

  it('passwords are stored as scrypt hashes and tokens only as hashes', async () => {
    const credentials = await hub.storage.query<{ password_hash: string }>('SELECT password_hash FROM credentials');
    for (const row of credentials) {
      expect(row.password_hash).toMatch(/^scrypt\$131072\$8\$1\$/);
      expect(row.password_hash).not.toContain(PASSWORD);
    }
    const sessions = await hub.storage.query<{ token_hash: string }>('SELECT token_hash FROM sessions');
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.map((s) => s.token_hash)).not.toContain(token);
    for (const s of sessions) expect(s.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
