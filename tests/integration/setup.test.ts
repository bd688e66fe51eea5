/**
 * A hub started for real (no demo data): no known password and no shared key
 * work; the first administrator is created from the hub's own machine only,
 * and gets the hub's own integration key, which they can rotate and revoke.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_INTEGRATION_KEY } from '../../hub/api-keys';
import { importRows } from '../../hub/import';
import { startHub, type RunningHub } from '../../hub/server';
import { PASSWORD, smallWorld } from '../helpers/world';

let hub: RunningHub;

beforeAll(async () => {
  hub = await startHub({ host: '127.0.0.1', port: 0, dataDir: null, offers: false });
});
afterAll(async () => {
  await hub?.close();
});

const health = async () => (await hub.app.inject({ method: 'GET', url: '/health' })).json<{ demo: string | null; setupNeeded: boolean }>();
const login = (username: string, password: string) => hub.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '127.0.0.1', payload: { username, password } });
const setup = (payload: object, remoteAddress = '127.0.0.1') => hub.app.inject({ method: 'POST', url: '/api/v1/setup', remoteAddress, payload });
const postContact = (key: string) =>
  hub.app.inject({ method: 'POST', url: '/api/v1/contacts', headers: { authorization: `Bearer ${key}` }, payload: { channel: 'chat', from: { email: 'jane@example.com' }, body: 'Hello' } });

describe('a hub started without demo data', () => {
  it('has no demo accounts and no demo key, and says it needs its first administrator', async () => {
    expect(await health()).toMatchObject({ demo: null, setupNeeded: true });
    for (const username of ['admin', 'ava', 'sam']) expect((await login(username, 'demo')).statusCode).toBe(401);
    expect((await postContact(DEMO_INTEGRATION_KEY)).json()).toMatchObject({ statusCode: 401, message: expect.stringContaining('Unknown API key') });
  });

  it('creates the first administrator only from its own machine, with a password of their own', async () => {
    const me = { username: 'jordan', name: 'Jordan Ellis', password: 'a long walk to the sea', timeZone: 'Europe/London' };
    expect((await setup(me, '192.0.2.10')).json()).toMatchObject({ statusCode: 403, message: expect.stringContaining("hub's own machine") });
    expect((await setup({ ...me, password: 'short' })).json()).toMatchObject({ statusCode: 422, message: 'Use at least 10 characters.' });
    expect((await setup({ ...me, username: 'Not A Name!' })).statusCode).toBe(400);
    const done = await setup(me);
    expect(done.statusCode).toBe(200);
    const body = done.json<{ token: string; user: { role: string; username: string }; integrationKey: { name: string; key: string } }>();
    expect(body.user).toMatchObject({ role: 'admin', username: 'jordan' });
    expect(body.integrationKey.key).toMatch(/^adk_[A-Za-z0-9_-]{43}$/);
    // Signed in, and the hub's own key works (no queue takes the contact yet: a 422, not a 401).
    expect((await hub.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${body.token}` } })).statusCode).toBe(200);
    expect((await postContact(body.integrationKey.key)).statusCode).toBe(422);
    // Once only, and said so.
    expect((await setup({ ...me, username: 'mallory' })).json()).toMatchObject({ statusCode: 409, error: 'already_set_up' });
    expect(await health()).toMatchObject({ setupNeeded: false });
    expect((await login('jordan', me.password)).statusCode).toBe(200);
  });

  it('lets administrators, and only them, make, rotate and revoke integration keys, each shown once', async () => {
    const world = smallWorld();
    await importRows(hub.storage, world.entries, world.accounts);
    const admin = (await login('jordan', 'a long walk to the sea')).json<{ token: string }>().token;
    const agent = (await login('ava', PASSWORD)).json<{ token: string }>().token;
    const call = (token: string, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
      hub.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });

    expect((await call(agent, 'GET', '/api/v1/admin/integration-keys')).json()).toMatchObject({ statusCode: 403, message: 'Only administrators can do this.' });
    const listed = (await call(admin, 'GET', '/api/v1/admin/integration-keys')).json<{ keys: { name: string; source: string }[] }>();
    expect(listed.keys).toEqual([expect.objectContaining({ name: 'Default integration', source: 'admin' })]);
    expect(JSON.stringify(listed)).not.toMatch(/adk_/);

    const first = (await call(admin, 'POST', '/api/v1/admin/integration-keys', { name: 'Telephony' })).json<{ key: string }>().key;
    expect((await postContact(first)).statusCode).toBe(201);
    // Rotation: a new key under the same name; the old one stops working.
    const second = (await call(admin, 'POST', '/api/v1/admin/integration-keys', { name: 'Telephony' })).json<{ key: string }>().key;
    expect(second).not.toBe(first);
    expect((await postContact(first)).json()).toMatchObject({ statusCode: 401, message: expect.stringContaining('revoked') });
    expect((await postContact(second)).statusCode).toBe(201);
    expect((await call(admin, 'DELETE', '/api/v1/admin/integration-keys/Telephony')).json()).toEqual({ revoked: 1 });
    expect((await postContact(second)).statusCode).toBe(401);
    expect((await call(admin, 'DELETE', '/api/v1/admin/integration-keys/Telephony')).statusCode).toBe(404);
  });
});
