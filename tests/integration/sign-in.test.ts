/**
 * Sign-in as an attacker and as the real user meet it: guessing from one
 * address makes that address wait, never the user at their own desk; one
 * guess per user from one address is limited too; the counts survive a
 * restart; old hashes are remade at today's cost; people see and end their
 * own sessions, and change their password.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { housekeeping } from '../../hub/housekeeping';
import { importRows } from '../../hub/import';
import { dummyHash, SCRYPT } from '../../hub/passwords';
import { SIGN_INS_PER_MINUTE } from '../../hub/routes/auth';
import { startHub, type RunningHub } from '../../hub/server';
import { storageTargets, type TestDatabase } from '../helpers/storage-targets';
import { hashPasswordAt } from '../helpers/old-hash';
import { PASSWORD, smallWorld } from '../helpers/world';

const targets = await storageTargets();


describe.each(targets)('sign-in on $label', (target) => {
  const skip = target.skipReason;
  let database: TestDatabase;
  let hub: RunningHub;
  const start = () => startHub({ host: '127.0.0.1', port: 0, databaseUrl: database.databaseUrl, dataDir: database.dataDir, offers: false });

  beforeAll(async () => {
    if (skip) return;
    database = await target.create();
    hub = await start();
    const world = smallWorld();
    await importRows(hub.storage, world.entries, world.accounts);
  });
  afterAll(async () => {
    await hub?.close();
    await database?.drop();
  });

  const login = async (username: string, password: string, from: string) => {
    const response = await hub.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: from, payload: { username, password } });
    return { status: response.statusCode, body: response.json<{ token?: string; message?: string }>(), retryAfter: response.headers['retry-after'] };
  };
  const as = (token: string) => ({ authorization: `Bearer ${token}` });

  it.skipIf(skip)('an attacker guessing Ava\'s password waits; Ava at her own desk signs in all the while', async () => {
    for (let i = 0; i < 5; i += 1) expect((await login('ava', `guess-${i}`, '203.0.113.7')).status).toBe(401);
    const refused = await login('ava', PASSWORD, '203.0.113.7');
    expect(refused.status).toBe(429);
    expect(refused.body.message).toMatch(/Too many failed sign-ins for ava from this address: try again in 1 minute/);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    // The real Ava, from the contact centre's address.
    const real = await login('ava', PASSWORD, '198.51.100.20');
    expect(real.status).toBe(200);
    expect(real.body.token).toBeTruthy();
  });

  // Fifty real hashes at today's cost: this test takes its time.
  it.skipIf(skip)('one address guessing one password for many accounts is stopped, other addresses are not', { timeout: 180_000 }, async () => {
    const sprayer = '203.0.113.99';
    let stoppedAfter = 0;
    for (let i = 0; i < 60; i += 1) {
      const attempt = await login(`user${i}`, 'Winter2026!', sprayer);
      if (attempt.status === 429) {
        stoppedAfter = i;
        expect(attempt.body.message).toMatch(/Too many failed sign-ins from this address/);
        break;
      }
      expect(attempt.status).toBe(401);
    }
    expect(stoppedAfter).toBe(50);
    expect((await login('ben', PASSWORD, sprayer)).status).toBe(429);
    expect((await login('ben', PASSWORD, '198.51.100.21')).status).toBe(200);
  });

  it.skipIf(skip)('an account guessed at from many addresses is slowed, never locked: the right password still signs in', { timeout: 120_000 }, async () => {
    for (let i = 0; i < 12; i += 1) expect((await login('sam', 'nope', `192.0.2.${i + 1}`)).status).toBe(401);
    expect((await login('sam', PASSWORD, '198.51.100.22')).status).toBe(200);
  });

  it.skipIf(skip)('unknown names and known names get the same answer, and cost the same hash', async () => {
    expect(await login('nobody-by-this-name', 'x', '198.51.100.30')).toMatchObject({ status: 401, body: { message: 'Wrong user name or password.' } });
    expect(await login('olga', 'x', '198.51.100.30')).toMatchObject({ status: 401, body: { message: 'Wrong user name or password.' } });
    expect(await dummyHash()).toMatch(new RegExp(`^scrypt\\$${SCRYPT.N}\\$8\\$1\\$`));
  });

  it.skipIf(skip)('a restart forgets no failed sign-in', { timeout: 120_000 }, async () => {
    for (let i = 0; i < 5; i += 1) await login('olga', `guess-${i}`, '203.0.113.50');
    await hub.close();
    hub = await start();
    expect((await login('olga', PASSWORD, '203.0.113.50')).status).toBe(429);
    expect((await login('olga', PASSWORD, '198.51.100.23')).status).toBe(200);
  });

  it.skipIf(skip)('a password hashed at the old cost is remade at 2^17 when its person signs in', async () => {
    const [{ password_hash: current }] = (await hub.storage.query<{ password_hash: string }>("SELECT password_hash FROM credentials WHERE username = 'ben'")) as [{ password_hash: string }];
    expect(current).toMatch(/^scrypt\$131072\$/);
    // An older hash of the same password (made with the cost of before), as an upgraded hub holds.
    await hub.storage.query("UPDATE credentials SET password_hash = $1 WHERE username = 'ben'", [await hashPasswordAt(PASSWORD, 16384)]);
    expect((await login('ben', PASSWORD, '198.51.100.24')).status).toBe(200);
    const [{ password_hash: remade }] = (await hub.storage.query<{ password_hash: string }>("SELECT password_hash FROM credentials WHERE username = 'ben'")) as [{ password_hash: string }];
    expect(remade).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect((await login('ben', PASSWORD, '198.51.100.24')).status).toBe(200);
  });

  it.skipIf(skip)('people see their sessions, sign one out, or sign out everywhere; expired sessions are purged', async () => {
    const first = (await login('ava', PASSWORD, '198.51.100.40')).body.token!;
    const second = (await login('ava', PASSWORD, '198.51.100.41')).body.token!;
    const list = await hub.app.inject({ method: 'GET', url: '/api/v1/auth/sessions', headers: as(first) });
    const { sessions } = list.json<{ sessions: { id: string; current: boolean }[] }>();
    expect(sessions.length).toBeGreaterThanOrEqual(2);
    expect(sessions.filter((session) => session.current)).toHaveLength(1);
    const other = (await hub.app.inject({ method: 'GET', url: '/api/v1/auth/sessions', headers: as(second) })).json<{ sessions: { id: string; current: boolean }[] }>();
    const secondId = other.sessions.find((session) => session.current)!.id;
    // Ben cannot end Ava's session.
    const benToken = (await login('ben', PASSWORD, '198.51.100.42')).body.token!;
    expect((await hub.app.inject({ method: 'DELETE', url: `/api/v1/auth/sessions/${secondId}`, headers: as(benToken) })).statusCode).toBe(404);
    expect((await hub.app.inject({ method: 'DELETE', url: `/api/v1/auth/sessions/${secondId}`, headers: as(first) })).json()).toEqual({ signedOut: 1 });
    expect((await hub.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: as(second) })).statusCode).toBe(401);
    const everywhere = await hub.app.inject({ method: 'DELETE', url: '/api/v1/auth/sessions', headers: as(first) });
    expect(everywhere.json<{ signedOut: number }>().signedOut).toBeGreaterThanOrEqual(1);
    expect((await hub.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: as(first) })).statusCode).toBe(401);
    expect((await hub.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: as(benToken) })).statusCode).toBe(200);

    await hub.storage.query(
      "INSERT INTO sessions (token_hash, id, user_id, expires_at) VALUES ('expired-token-hash', gen_random_uuid()::text, 'usr_ben', now() - interval '1 day')",
    );
    const purged = await housekeeping(hub.storage, Date.now());
    expect(purged.sessions).toBeGreaterThanOrEqual(1);
    expect(await hub.storage.query("SELECT 1 FROM sessions WHERE token_hash = 'expired-token-hash'")).toEqual([]);
  });

  it.skipIf(skip)('a person changes their password: the current one is asked for, weak ones are refused, other devices are signed out', async () => {
    const here = (await login('olga', PASSWORD, '198.51.100.60')).body.token!;
    const elsewhere = (await login('olga', PASSWORD, '198.51.100.61')).body.token!;
    const change = (body: object) => hub.app.inject({ method: 'POST', url: '/api/v1/auth/password', headers: as(here), remoteAddress: '198.51.100.60', payload: body });
    expect((await change({ currentPassword: 'wrong', newPassword: 'a much longer passphrase' })).json()).toMatchObject({ statusCode: 403, message: 'Your current password is not right.' });
    expect((await change({ currentPassword: PASSWORD, newPassword: 'short' })).json()).toMatchObject({ statusCode: 422, message: 'Use at least 10 characters.' });
    expect((await change({ currentPassword: PASSWORD, newPassword: 'olga-is-my-name' })).json()).toMatchObject({ statusCode: 422 });
    const done = await change({ currentPassword: PASSWORD, newPassword: 'tulips in the rain 42' });
    expect(done.json<{ signedOut: number }>().signedOut).toBeGreaterThanOrEqual(1);
    expect((await hub.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: as(elsewhere) })).statusCode).toBe(401);
    expect((await hub.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: as(here) })).statusCode).toBe(200);
    expect((await login('olga', PASSWORD, '198.51.100.62')).status).toBe(401);
    expect((await login('olga', 'tulips in the rain 42', '198.51.100.62')).status).toBe(200);
  });

  it.skipIf(skip)(`an address making more than ${SIGN_INS_PER_MINUTE} sign-in attempts a minute is told to wait, in the database`, async () => {
    const flood = '203.0.113.200';
    let limited: { status: number; retryAfter: unknown } | null = null;
    for (let i = 0; i <= SIGN_INS_PER_MINUTE; i += 1) {
      // A malformed body costs no hash: the limit counts attempts before anything else runs.
      const response = await hub.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: flood, payload: { username: '' } });
      if (response.statusCode === 429) {
        limited = { status: response.statusCode, retryAfter: response.headers['retry-after'] };
        break;
      }
    }
    expect(limited).toMatchObject({ status: 429 });
    expect(Number(limited!.retryAfter)).toBeGreaterThan(0);
    const rows = await hub.storage.query<{ count: number }>('SELECT count FROM rate_limits WHERE key LIKE $1', [`%${flood}`]);
    expect(Number(rows[0]!.count)).toBeGreaterThan(SIGN_INS_PER_MINUTE);
  });
});
