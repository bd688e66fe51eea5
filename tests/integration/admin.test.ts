/**
 * Administrators manage people, teams and queues as synced mutations (the
 * rules cell by cell are in permissions.test.ts); here what goes beyond the
 * matrix, on a real hub: user names are unique on the hub, an administrator
 * cannot switch themselves off or demote themselves, someone disabled is
 * offline, offered nothing, cannot sign in and loses every session at once;
 * changing someone's teams or role changes whose presence their desktops and
 * their supervisors' hold; and passwords stay off the sync path: an
 * administrator sets a one-time password online, its person must choose their
 * own before anything else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPresence } from '@core/domain/model';
import { LoginResponseSchema } from '@core/hub-api';
import { OneTimePasswordResponseSchema } from '@core/account-api';
import { MutationRefused } from '@core/sync/local';
import type { MutationInput, MutationName } from '@core/sync/mutations';
import { PROTOCOL_VERSION, PushResponseSchema } from '@core/sync/protocol';
import { importRows } from '../../hub/import';
import { passwordProblem } from '../../hub/passwords';
import { runOfferPass } from '../../hub/routing';
import { startHub, type RunningHub } from '../../hub/server';
import { getRow } from '../../hub/sync/store';
import { storageTargets, type TestDatabase } from '../helpers/storage-targets';
import { Desktop, HubLink, type HubAddress } from '../helpers/sync-harness';
import { expectConverged } from '../helpers/convergence';
import { PASSWORD, smallWorld, T0, user } from '../helpers/world';

const targets = await storageTargets();
const ADA = user('ada', 'Ada Mensah', 'admin', []);
const DISABLED = 'This account is disabled: ask an administrator.';

describe.each(targets)('administering people on $label', (target) => {
  const skip = target.skipReason;
  let database: TestDatabase;
  let hub: RunningHub;
  const address: HubAddress = { url: '' };
  let ada: Desktop;

  beforeAll(async () => {
    if (skip) return;
    database = await target.create();
    hub = await startHub({ host: '127.0.0.1', port: 0, databaseUrl: database.databaseUrl, dataDir: database.dataDir, offers: false });
    address.url = hub.url;
    const world = smallWorld();
    await importRows(
      hub.storage,
      [...world.entries, { entity: 'user', row: ADA }, { entity: 'presence', row: newPresence(ADA.id, T0) }],
      [...world.accounts, { userId: ADA.id, username: 'ada', password: PASSWORD }],
    );
    ada = await Desktop.signIn({ link: new HubLink(address), username: 'ada', password: PASSWORD });
    await ada.sync();
  });
  afterAll(async () => {
    await ada?.close();
    await hub?.close();
    await database?.drop();
  });

  const call = async (method: string, path: string, token: string | null, body?: unknown) => {
    const response = await fetch(`${hub.url}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
  const login = (username: string, password: string) => call('POST', '/api/v1/auth/login', null, { username, password });
  const tokenOf = async (username: string, password = PASSWORD) => {
    const answer = await login(username, password);
    expect(answer.status, JSON.stringify(answer.json)).toBe(200);
    return LoginResponseSchema.parse(answer.json).token;
  };

  const offersTo = async (userId: string) =>
    Number((await hub.storage.query<{ n: number }>("SELECT count(*) AS n FROM entities WHERE entity = 'queueItem' AND data->>'offeredTo' = $1", [userId]))[0]?.n ?? 0);

  let straightId = 1;
  const straightClient = crypto.randomUUID();
  /** Pushes one of Ada's changes straight to the hub (as a desktop that knows none of the rows would). */
  const pushAsAda = async <N extends MutationName>(name: N, args: MutationInput<N>) => {
    const response = await fetch(`${hub.url}/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ada.token}` },
      body: JSON.stringify({ clientId: straightClient, schemaVersion: PROTOCOL_VERSION, mutations: [{ id: straightId++, name, args, at: Date.now() }] }),
    });
    expect(response.status).toBe(200);
    return PushResponseSchema.parse(await response.json()).results[0]!;
  };

  it.skipIf(skip)('an administrator adds a team, a queue and a person; a taken user name is refused, on the desktop and on the hub', async () => {
    await ada.mutate('team.save', { id: 'team_billing', name: 'Billing' });
    await ada.mutate('queue.save', { id: 'q_billing', name: 'Billing', teamId: 'team_billing', channels: ['email', 'chat'], topics: ['billing'], slaSeconds: 900 });
    await ada.mutate('user.create', { id: 'usr_nina', username: 'Nina', name: 'Nina Newcomer', role: 'agent', teamIds: ['team_billing'], skills: ['french'] });
    await ada.sync();
    expect(await ada.pending()).toBe(0);
    expect(await ada.db.rejections.count()).toBe(0);
    expect(await getRow(hub.storage, 'team', 'team_billing')).toEqual({ id: 'team_billing', name: 'Billing', agentsMayMerge: false });
    expect(await getRow(hub.storage, 'queue', 'q_billing')).toMatchObject({ teamId: 'team_billing', channels: ['email', 'chat'], slaSeconds: 900, skills: [] });
    expect(await getRow(hub.storage, 'user', 'usr_nina')).toMatchObject({ username: 'nina', role: 'agent', teamIds: ['team_billing'], disabled: false });
    expect(await getRow(hub.storage, 'presence', 'usr_nina')).toMatchObject({ presence: 'offline', idleSince: null });

    const taken = await ada.tryMutate('user.create', { id: 'usr_ava2', username: 'ava', name: 'Another Ava', role: 'agent' });
    expect(taken).toBeInstanceOf(MutationRefused);
    expect((taken as MutationRefused).message).toBe('The user name “ava” is taken: choose another.');
    // The refusal names the field it belongs under, for the People form to place it there in any language.
    expect((taken as MutationRefused).said?.values).toEqual({ username: 'ava', field: 'username' });
    expect(await pushAsAda('user.create', { id: 'usr_ava3', username: 'ava', name: 'Another Ava', role: 'agent' })).toMatchObject({
      status: 'rejected',
      code: 'invalid',
      message: 'The user name “ava” is taken: choose another.',
      messageId: 'rejection.directory.usernameTaken',
      values: { username: 'ava', field: 'username' },
    });
    expect(await getRow(hub.storage, 'user', 'usr_ava3')).toBeUndefined();
    // A team the hub does not have.
    expect(await pushAsAda('queue.save', { id: 'q_ghost', name: 'Ghost', teamId: 'team_ghost', channels: ['email'], slaSeconds: 60 })).toMatchObject({
      status: 'rejected',
      code: 'not_found',
      message: 'That team does not exist (team_ghost).',
    });
  });

  it.skipIf(skip)('an administrator cannot disable or demote themselves, and is told why', async () => {
    for (const [args, message] of [
      [{ userId: ADA.id, disabled: true }, 'You cannot disable your own account: another administrator has to.'],
      [{ userId: ADA.id, role: 'supervisor' }, 'You cannot take away your own administrator role: another administrator has to.'],
    ] as const) {
      const refused = await ada.tryMutate('user.update', args);
      expect(refused).toBeInstanceOf(MutationRefused);
      expect((refused as MutationRefused).message).toBe(message);
      expect(await pushAsAda('user.update', args)).toMatchObject({ status: 'rejected', code: 'forbidden', message });
    }
    expect(await getRow(hub.storage, 'user', ADA.id)).toMatchObject({ role: 'admin', disabled: false });
    // Their own name is theirs to change.
    expect(await pushAsAda('user.update', { userId: ADA.id, name: 'Ada M. Mensah' })).toMatchObject({ status: 'applied' });
  });

  it.skipIf(skip)('a one-time password: only for administrators, answered once, must be changed before anything else', async () => {
    const samToken = await tokenOf('sam');
    expect(await call('POST', '/api/v1/admin/people/usr_otto/password', samToken)).toMatchObject({ status: 403 });
    expect(await call('POST', '/api/v1/admin/people/usr_nobody/password', ada.token)).toMatchObject({ status: 404 });

    // Otto was just added: he has no credentials yet.
    await ada.mutate('user.create', { id: 'usr_otto', username: 'otto', name: 'Otto Neumann', role: 'agent', teamIds: ['team_care'] });
    await ada.sync();
    const set = await call('POST', '/api/v1/admin/people/usr_otto/password', ada.token);
    expect(set.status, JSON.stringify(set.json)).toBe(200);
    const oneTime = OneTimePasswordResponseSchema.parse(set.json);
    expect(oneTime).toMatchObject({ userId: 'usr_otto', username: 'otto', signedOut: 0 });
    expect(passwordProblem(oneTime.password, 'otto')).toBeNull();

    const signedIn = await login('otto', oneTime.password);
    expect(signedIn.status).toBe(200);
    const first = LoginResponseSchema.parse(signedIn.json);
    expect(first.mustChangePassword).toBe(true);
    // Until she chooses her own, only who-am-I, sign-out and the password change answer.
    expect(await call('GET', '/api/v1/auth/me', first.token)).toMatchObject({ status: 200 });
    for (const [method, path] of [
      ['GET', '/api/v1/auth/sessions'],
      ['GET', `/sync/pull?clientId=${crypto.randomUUID()}&cursor=0`],
      ['GET', '/api/v1/customers?q=first'],
    ] as const) {
      expect(await call(method, path, first.token), path).toMatchObject({
        status: 403,
        json: { error: 'password_change_required', message: 'Choose a new password first: yours was set by an administrator for one use.' },
      });
    }
    expect(await call('POST', '/api/v1/auth/password', first.token, { currentPassword: oneTime.password, newPassword: 'my own long secret 42' })).toMatchObject({ status: 200 });
    expect(await call('GET', '/api/v1/auth/sessions', first.token)).toMatchObject({ status: 200 });
    const again = LoginResponseSchema.parse((await login('otto', 'my own long secret 42')).json);
    expect(again.mustChangePassword).toBeUndefined();
    expect((await login('otto', oneTime.password)).status).toBe(401);

    // For someone who has a password and is signed in: their sessions end.
    const avaToken = await tokenOf('ava');
    const reset = OneTimePasswordResponseSchema.parse((await call('POST', '/api/v1/admin/people/usr_ava/password', ada.token)).json);
    expect(reset.signedOut).toBeGreaterThanOrEqual(1);
    expect(reset.password).not.toBe(oneTime.password);
    expect(await call('GET', '/api/v1/auth/me', avaToken)).toMatchObject({ status: 401 });
    expect((await login('ava', PASSWORD)).status).toBe(401);
    const avaNew = LoginResponseSchema.parse((await login('ava', reset.password)).json);
    expect(avaNew.mustChangePassword).toBe(true);
    const changed = await call('POST', '/api/v1/auth/password', avaNew.token, { currentPassword: reset.password, newPassword: PASSWORD });
    expect(changed.status, JSON.stringify(changed.json)).toBe(200);
  });

  it.skipIf(skip)('someone disabled is offline, offered nothing, signed out at once and cannot sign in; enabled again, they can', async () => {
    const ben = await Desktop.signIn({ link: new HubLink(address), username: 'ben', password: PASSWORD });
    try {
      await ben.sync();
      await ben.mutate('presence.set', { presence: 'available' });
      await ben.sync();
      // The small world's waiting chats: one is offered to him.
      await runOfferPass(hub.storage, Date.now());
      expect(await offersTo('usr_ben')).toBe(1);

      await ada.mutate('user.update', { userId: 'usr_ben', disabled: true });
      await ada.sync();
      expect(await ada.db.rejections.count()).toBe(0);
      expect(await getRow(hub.storage, 'user', 'usr_ben')).toMatchObject({ disabled: true });
      expect(await getRow(hub.storage, 'presence', 'usr_ben')).toMatchObject({ presence: 'offline', idleSince: null });
      // The pass after the change takes the offer back; nothing is offered to him again.
      await runOfferPass(hub.storage, Date.now());
      expect(await offersTo('usr_ben')).toBe(0);

      expect(await call('GET', '/api/v1/auth/me', ben.token)).toMatchObject({ status: 401, json: { message: DISABLED } });
      await expect(ben.sync()).rejects.toThrow();
      expect(await login('ben', PASSWORD)).toMatchObject({ status: 401, json: { error: 'account_disabled', message: DISABLED } });
      // A wrong password says only that: it does not tell who is disabled.
      expect(await login('ben', 'not his password')).toMatchObject({ status: 401, json: { message: 'Wrong user name or password.' } });

      await ada.mutate('user.update', { userId: 'usr_ben', disabled: false });
      await ada.sync();
      expect(await getRow(hub.storage, 'user', 'usr_ben')).toMatchObject({ disabled: false });
      expect(await getRow(hub.storage, 'presence', 'usr_ben')).toMatchObject({ presence: 'offline' });
      expect((await login('ben', PASSWORD)).status).toBe(200);
    } finally {
      await ben.close();
    }
  });
  it.skipIf(skip)('a supervisor put in a team gets its members’ presence on the next pull; a person put in a team, its supervisors get theirs', async () => {
    const presenceIds = async (desktop: Desktop) => (await desktop.db.presence.toArray()).map((row) => row.id).sort();
    const vera = user('vera', 'Vera Novak', 'supervisor', ['team_other']);
    await importRows(hub.storage, [{ entity: 'user', row: vera }, { entity: 'presence', row: newPresence(vera.id, T0) }], [{ userId: vera.id, username: 'vera', password: PASSWORD }]);
    const veraDesk = await Desktop.signIn({ link: new HubLink(address), username: 'vera', password: PASSWORD });
    const samDesk = await Desktop.signIn({ link: new HubLink(address), username: 'sam', password: PASSWORD });
    try {
      await veraDesk.sync();
      await samDesk.sync();
      await ada.sync();
      expect(await presenceIds(veraDesk)).toEqual(['usr_olga', 'usr_vera']);
      const care = ['usr_ava', 'usr_ben', 'usr_otto', 'usr_sam'];
      expect(await presenceIds(samDesk)).toEqual(care);
      // Ada is in no team: her own presence only, though she changes everyone's row.
      expect(await presenceIds(ada)).toEqual(['usr_ada']);

      await ada.mutate('user.update', { userId: vera.id, teamIds: ['team_other', 'team_care'] });
      await ada.mutate('user.update', { userId: 'usr_olga', teamIds: ['team_other', 'team_care'] });
      await ada.sync();
      expect(await ada.db.rejections.count()).toBe(0);
      await veraDesk.sync();
      await samDesk.sync();
      expect(await presenceIds(veraDesk)).toEqual([...care, 'usr_olga', 'usr_vera'].sort());
      expect(await presenceIds(samDesk)).toEqual([...care, 'usr_olga', 'usr_vera'].sort());
      expect(await veraDesk.db.presence.get('usr_ava')).toEqual({ ...(await getRow(hub.storage, 'presence', 'usr_ava')), _v: expect.any(Number) });
      await expectConverged(hub, veraDesk);
      await expectConverged(hub, samDesk);

      // Made a supervisor, an agent holds their teams' presence too.
      await ada.mutate('user.update', { userId: 'usr_ben', role: 'supervisor' });
      await ada.sync();
      const benDesk = await Desktop.signIn({ link: new HubLink(address), username: 'ben', password: PASSWORD });
      try {
        await benDesk.sync();
        expect(await presenceIds(benDesk)).toEqual([...care, 'usr_olga', 'usr_vera'].sort());
        await expectConverged(hub, benDesk);
      } finally {
        await benDesk.close();
      }
    } finally {
      await veraDesk.close();
      await samDesk.close();
    }
  });
});
