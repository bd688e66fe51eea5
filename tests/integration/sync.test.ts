/**
 * Desktops syncing through a real hub on 127.0.0.1, on PGlite and on
 * PostgreSQL: offline work, replays, a hub restart in the middle of a push,
 * two agents claiming one contact, stale cursors, and scope.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MutationRefused } from '@core/sync/local';
import { MADE_AT_MAX_AGE_MS, MADE_AT_SKEW_MS } from '@core/sync/mutations';
import { importRows } from '../../hub/import';
import { startHub, type RunningHub } from '../../hub/server';
import type { PushHooks } from '../../hub/sync/push';
import { expectConverged, hubRows, hubView } from '../helpers/convergence';
import { storageTargets, type TestDatabase } from '../helpers/storage-targets';
import { Desktop, HubLink, type HubAddress } from '../helpers/sync-harness';
import { PASSWORD, smallWorld } from '../helpers/world';

const targets = await storageTargets();

describe.each(targets)('sync on $label', (target) => {
  const skip = target.skipReason;
  let database: TestDatabase;
  let hub: RunningHub;
  const address: HubAddress = { url: '' };
  const hooks: PushHooks = {};
  const desktops: Desktop[] = [];

  const start = async () => {
    hub = await startHub({ host: '127.0.0.1', port: 0, databaseUrl: database.databaseUrl, dataDir: database.dataDir, pushHooks: hooks });
    address.url = hub.url;
  };
  const restart = async () => {
    await hub.close();
    await start();
  };
  const signIn = async (username: string) => {
    const desktop = await Desktop.signIn({ link: new HubLink(address), username, password: PASSWORD });
    desktops.push(desktop);
    await desktop.sync();
    return desktop;
  };

  beforeAll(async () => {
    if (skip) return;
    database = await target.create();
    await start();
    const world = smallWorld();
    await importRows(hub.storage, world.entries, world.accounts);
  });
  afterAll(async () => {
    for (const desktop of desktops) await desktop.close();
    await hub?.close();
    await database?.drop();
  });

  it.skipIf(skip)('a first sync brings the team queue, its customers and their histories, and nothing else', async () => {
    const ava = await signIn('ava');
    const customers = (await ava.db.customers.toArray()).map((c) => c.id).sort();
    expect(customers).toEqual(['cus_1', 'cus_2', 'cus_3', 'cus_4']);
    expect(await ava.db.contacts.where('[customerId+at]').between(['cus_1', 0], ['cus_1', Infinity]).count()).toBe(2);
    expect(await ava.db.queueItems.where('[state+slaDueAt]').between(['waiting', 0], ['waiting', Infinity]).count()).toBe(4);
    expect(await ava.db.users.count()).toBe(4);
    await expectConverged(hub, ava);
  });

  it.skipIf(skip)('a new device gets its open work first: the queue is usable before the full history arrives', async () => {
    const link = new HubLink(address);
    link.block = /\/sync\/pull/;
    const ben = await Desktop.signIn({ link, username: 'ben', password: PASSWORD });
    desktops.push(ben);
    await expect(ben.sync()).rejects.toThrow(/cannot be reached/);
    const waitingItems = await ben.db.queueItems.where('[state+slaDueAt]').between(['waiting', -Infinity], ['waiting', Infinity]).toArray();
    expect(waitingItems.length).toBeGreaterThan(0);
    for (const item of waitingItems) {
      expect(await ben.db.contacts.get(item.contactId), `contact of ${item.id}`).toBeDefined();
      expect(await ben.db.customers.get(item.customerId), `customer of ${item.id}`).toBeDefined();
    }
    // Only open work: the old, handled contacts come with the full pull.
    expect(await ben.db.contacts.get('con_old_1')).toBeUndefined();
    // Nothing outside Ben's scope, ever: the other team's contact is not there.
    expect(await ben.db.queueItems.get('con_5')).toBeUndefined();
    // His own presence is there (the presence menu and sign-in use it), a teammate's is not his to see.
    expect((await ben.db.presence.toArray()).map((row) => row.id)).toEqual(['usr_ben']);
    // Work can start now: taking a contact works before the full history is in.
    await ben.mutate('contact.addNote', { id: 'note-early', customerId: waitingItems[0]!.customerId, body: 'Started before the history arrived.' });
    link.block = null;
    await ben.sync();
    await expectConverged(hub, ben);
    expect(await ben.db.contacts.get('con_old_1')).toBeDefined();
  });

  it.skipIf(skip)('offline edits are kept, then reach the hub and the other agent on reconnect', async () => {
    const ava = await signIn('ava');
    const ben = await signIn('ben');
    ava.link.online = false;
    await ava.mutate('contact.addNote', { id: 'note-offline-1', customerId: 'cus_2', body: 'Called from the train, line dropped.' });
    await ava.mutate('customer.update', { customerId: 'cus_2', patch: { phones: ['+447700900999'] } });
    // Visible at once on Ava's desktop, and waiting.
    expect((await ava.db.contacts.get('note-offline-1'))?.body).toBe('Called from the train, line dropped.');
    expect((await ava.db.customers.get('cus_2'))?.phones).toEqual(['+447700900999']);
    await expect(ava.sync()).rejects.toThrow(/cannot be reached/);
    expect(await ava.pending()).toBe(2);

    ava.link.online = true;
    await ava.sync();
    expect(await ava.pending()).toBe(0);
    await ben.sync();
    expect((await ben.db.contacts.get('note-offline-1'))?.agentId).toBe('usr_ava');
    expect((await ben.db.customers.get('cus_2'))?.phones).toEqual(['+447700900999']);
    await expectConverged(hub, ava);
    await expectConverged(hub, ben);
  });

  it.skipIf(skip)('a note and a wrap-up made offline read when they were made; a clock far off is bounded', async () => {
    const HOUR = 3_600_000;
    const ava = await signIn('ava');
    const ben = await signIn('ben');
    await ava.mutate('contact.claim', { contactId: 'con_4' });
    await ava.sync();
    // Offline for two hours: the note, the end of the conversation and the wrap-up were made then.
    ava.link.online = false;
    const ten = Date.now() - 2 * HOUR;
    await ava.mutate('contact.addNote', { id: 'note-at-ten', customerId: 'cus_4', body: 'Written at ten, offline.' }, ten);
    await ava.mutate('contact.endConversation', { contactId: 'con_4' }, ten + 60_000);
    await ava.mutate('contact.wrapUp', { contactId: 'con_4', disposition: 'Information given', resolution: 'resolved' }, ten + 150_000);
    // One desktop's clock runs a day ahead, another's reads years back.
    await ava.mutate('contact.addNote', { id: 'note-ahead', customerId: 'cus_4', body: 'Clock a day ahead.' }, Date.now() + 24 * HOUR);
    await ava.mutate('contact.addNote', { id: 'note-behind', customerId: 'cus_4', body: 'Clock years back.' }, Date.UTC(2019, 0, 1));
    await expect(ava.sync()).rejects.toThrow(/cannot be reached/);

    ava.link.online = true;
    const pushedFrom = Date.now();
    await ava.sync();
    const pushedBy = Date.now();
    await ben.sync();
    expect((await ben.db.contacts.get('note-at-ten'))?.at).toBe(ten);
    expect(await ben.db.contacts.get('con_4')).toMatchObject({ endedAt: ten + 60_000, acwSeconds: 90 });
    const ahead = (await ben.db.contacts.get('note-ahead'))!.at;
    expect(ahead).toBeGreaterThanOrEqual(pushedFrom + MADE_AT_SKEW_MS);
    expect(ahead).toBeLessThanOrEqual(pushedBy + MADE_AT_SKEW_MS);
    const behind = (await ben.db.contacts.get('note-behind'))!.at;
    expect(behind).toBeGreaterThanOrEqual(pushedFrom - MADE_AT_MAX_AGE_MS);
    expect(behind).toBeLessThanOrEqual(pushedBy - MADE_AT_MAX_AGE_MS);
    await expectConverged(hub, ava);
    await expectConverged(hub, ben);
  });

  it.skipIf(skip)('a push whose answer was lost is replayed, not applied twice', async () => {
    const ava = await signIn('ava');
    const ben = await signIn('ben');
    await ava.mutate('contact.claim', { contactId: 'con_3' });
    await ava.mutate('contact.release', { contactId: 'con_3' });
    // The hub takes both, but the answer never arrives.
    ava.link.faults = { dropResponse: 1 };
    await expect(ava.sync()).rejects.toThrow(/response lost/);
    ava.link.faults = {};
    // Meanwhile Ben takes the contact Ava released.
    await ben.mutate('contact.claim', { contactId: 'con_3' });
    await ben.sync();
    // Ava's retry sends the same mutations again: replays must not release Ben's claim.
    await ava.sync();
    const item = (await hubRows(hub)).get('queueItem:con_3');
    expect(item).toMatchObject({ state: 'claimed', assigneeId: 'usr_ben' });
    const log = await hub.storage.query<{ n: number }>("SELECT count(*) AS n FROM mutations WHERE name = 'contact.release' AND args->>'contactId' = 'con_3'");
    expect(Number(log[0]!.n)).toBe(1);
    await ben.sync();
    await expectConverged(hub, ava);
    await expectConverged(hub, ben);
  });

  it.skipIf(skip)('a hub restarted in the middle of a push loses nothing and applies nothing twice', async () => {
    const ben = await signIn('ben');
    for (let i = 0; i < 12; i += 1) {
      await ben.mutate('contact.addNote', { id: `note-restart-${i}`, customerId: 'cus_4', body: `Note ${i}` });
    }
    await ben.mutate('customer.update', { customerId: 'cus_4', patch: { tags: ['restart-test'] } });
    // The hub dies after the 5th mutation of the push: the push is applied whole or not at all.
    let crashed = false;
    hooks.afterMutation = (index) => {
      if (index === 5 && !crashed) {
        crashed = true;
        throw new Error('hub process killed');
      }
    };
    await expect(ben.sync()).rejects.toThrow();
    hooks.afterMutation = undefined;
    expect(crashed).toBe(true);
    const committed = await hub.storage.query<{ n: number }>("SELECT count(*) AS n FROM entities WHERE id LIKE 'note-restart-%'");
    expect(Number(committed[0]!.n)).toBe(0);
    await restart();
    await ben.sync();
    const rows = await hubRows(hub);
    expect([...rows.keys()].filter((key) => key.startsWith('contact:note-restart-')).length).toBe(12);
    expect(rows.get('customer:cus_4')?.tags).toEqual(['restart-test']);
    const log = await hub.storage.query<{ n: number; distinct_ids: number }>(
      "SELECT count(*) AS n, count(DISTINCT args->>'id') AS distinct_ids FROM mutations WHERE name = 'contact.addNote' AND args->>'id' LIKE 'note-restart-%'",
    );
    expect(Number(log[0]!.n)).toBe(12);
    expect(Number(log[0]!.distinct_ids)).toBe(12);
    await expectConverged(hub, ben);
  });

  it.skipIf(skip)('two agents claim the same contact while offline: exactly one owns it, the other sees why', async () => {
    const ava = await signIn('ava');
    const ben = await signIn('ben');
    ava.link.online = false;
    ben.link.online = false;
    await ava.mutate('contact.claim', { contactId: 'con_1' });
    await ben.mutate('contact.claim', { contactId: 'con_1' });
    // Each believes it has the contact for now.
    expect((await ava.db.queueItems.get('con_1'))?.assigneeId).toBe('usr_ava');
    expect((await ben.db.queueItems.get('con_1'))?.assigneeId).toBe('usr_ben');
    ava.link.online = true;
    ben.link.online = true;
    await ben.sync();
    await ava.sync();
    await ben.sync();
    expect((await hubRows(hub)).get('queueItem:con_1')).toMatchObject({ state: 'claimed', assigneeId: 'usr_ben' });
    expect((await ava.db.queueItems.get('con_1'))?.assigneeId).toBe('usr_ben');
    const rejections = await ava.db.rejections.toArray();
    expect(rejections.map((r) => r.message)).toContain('Ben already took this contact.');
    expect(await ben.db.rejections.count()).toBe(0);
    await expectConverged(hub, ava);
    await expectConverged(hub, ben);
  });

  it.skipIf(skip)('the rules are checked on the desktop too: a refused change writes nothing', async () => {
    const ava = await signIn('ava');
    const refused = await ava.tryMutate('script.save', { scriptId: 'greeting', name: 'Greeting', stages: [] });
    expect(refused).toBeInstanceOf(MutationRefused);
    expect((refused as MutationRefused).message).toBe('Only supervisors can edit scripts.');
    const invalid = await ava.tryMutate('contact.addNote', { id: 'n-empty', customerId: 'cus_1', body: '   ' });
    expect((invalid as MutationRefused).message).toContain('a note cannot be empty');
    expect(await ava.pending()).toBe(0);
    expect(await ava.db.contacts.get('n-empty')).toBeUndefined();
  });

  it.skipIf(skip)('a stale cursor resets the cache, keeps pending changes, and converges', async () => {
    const ava = await signIn('ava');
    ava.link.online = false;
    await ava.mutate('contact.addNote', { id: 'note-stale', customerId: 'cus_1', body: 'Written before the reset.' });
    // The hub compacted its change history past Ava's cursor.
    await hub.storage.query("UPDATE hub_meta SET value = (SELECT last_value FROM change_seq)::text WHERE key = 'min_cursor'");
    ava.link.online = true;
    await ava.sync();
    expect((await hubRows(hub)).get('contact:note-stale')).toMatchObject({ body: 'Written before the reset.' });
    await expectConverged(hub, ava);
    // A desktop starting from scratch after the compaction pages through old versions without being reset.
    const ben = await Desktop.signIn({ link: new HubLink(address), username: 'ben', password: PASSWORD, engine: { pullLimit: 2 } });
    desktops.push(ben);
    await ben.sync();
    await expectConverged(hub, ben);
    await hub.storage.query("UPDATE hub_meta SET value = '0' WHERE key = 'min_cursor'");
  });

  it.skipIf(skip)('a desktop that synced with another hub starts over as a new client of this one', async () => {
    const ava = await signIn('ava');
    ava.link.online = false;
    await ava.mutate('contact.addNote', { id: 'note-other-hub', customerId: 'cus_3', body: 'Kept across hubs.' });
    await ava.db.setMeta('hubId', 'another-hub');
    const oldClient = await ava.db.getMeta<string>('clientId');
    ava.link.online = true;
    await ava.sync();
    expect(await ava.db.getMeta<string>('clientId')).not.toBe(oldClient);
    expect((await hubRows(hub)).get('contact:note-other-hub')).toMatchObject({ body: 'Kept across hubs.' });
    await expectConverged(hub, ava);
  });

  it.skipIf(skip)("another customer's history is fetched on demand and then kept in sync", async () => {
    const ava = await signIn('ava');
    expect(await ava.db.customers.get('cus_6')).toBeUndefined();
    const search = await fetch(`${hub.url}/api/v1/customers?q=last6`, { headers: { authorization: `Bearer ${ava.token}` } });
    const found = (await search.json()) as { customers: { customer: { id: string }; inScope: boolean }[] };
    expect(found.customers.map((c) => [c.customer.id, c.inScope])).toEqual([['cus_6', false]]);
    const open = await fetch(`${hub.url}/sync/scope`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ava.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ customerIds: ['cus_6'] }),
    });
    expect(open.status).toBe(200);
    await ava.sync();
    expect((await ava.db.customers.get('cus_6'))?.lastName).toBe('Last6');
    const sam = await signIn('sam');
    await sam.mutate('customer.update', { customerId: 'cus_1', patch: { tier: 'vip' } });
    await sam.sync();
    await ava.sync();
    expect((await ava.db.customers.get('cus_1'))?.tier).toBe('vip');
    await expectConverged(hub, ava);
  });

  it.skipIf(skip)('pages of any size bring the same rows, and desktops pulling in tiny pages converge', async () => {
    const sam = await signIn('sam');
    const full = await hubView(hub, sam.user);
    for (const limit of [1, 2, 3, 7, 50]) {
      const paged = await hubView(hub, sam.user, { limit });
      expect([...paged.keys()].sort(), `pages of ${limit}`).toEqual([...full.keys()].sort());
    }
    // A desktop pulling 2 rows at a time, while customers enter its scope between pulls.
    const olga = await Desktop.signIn({ link: new HubLink(address), username: 'olga', password: PASSWORD, engine: { pullLimit: 2 } });
    desktops.push(olga);
    await olga.sync();
    await sam.mutate('followUp.schedule', { id: 'fu-paging-1', customerId: 'cus_3', kind: 'check-in', channel: 'email', dueAt: Date.now() + 3_600_000, ownerId: 'usr_olga' });
    await sam.mutate('followUp.schedule', { id: 'fu-paging-2', customerId: 'cus_4', kind: 'check-in', channel: 'email', dueAt: Date.now() + 3_600_000, ownerId: 'usr_olga' });
    await sam.sync();
    await olga.mutate('contact.addNote', { id: 'note-paging', customerId: 'cus_5', body: 'Olga was here' });
    await olga.sync();
    await expectConverged(hub, olga);
    expect((await olga.db.contacts.get('note-paging'))?.body).toBe('Olga was here');
    expect(await olga.db.followUps.count()).toBeGreaterThanOrEqual(2);
  });

  it.skipIf(skip)('a follow-up assigned to someone brings that customer into their scope', async () => {
    const sam = await signIn('sam');
    const olga = await signIn('olga');
    expect(await olga.db.customers.get('cus_2')).toBeUndefined();
    await sam.mutate('followUp.schedule', {
      id: 'fu-olga',
      customerId: 'cus_2',
      kind: 'callback',
      channel: 'call',
      dueAt: Date.now() + 86_400_000,
      ownerId: 'usr_olga',
      reason: 'Speaks Russian',
    });
    await sam.sync();
    await olga.sync();
    expect((await olga.db.followUps.get('fu-olga'))?.ownerId).toBe('usr_olga');
    expect(await olga.db.contacts.where('[customerId+at]').between(['cus_2', 0], ['cus_2', Infinity]).count()).toBeGreaterThanOrEqual(2);
    await olga.mutate('followUp.complete', { id: 'fu-olga', outcome: 'reached', note: 'Sorted in Russian.', outcomeContactId: 'fuo-olga-1' });
    await olga.sync();
    await sam.sync();
    expect(await sam.db.followUps.get('fu-olga')).toMatchObject({ state: 'done', outcome: 'reached', completedBy: 'usr_olga' });
    await expectConverged(hub, olga);
    await expectConverged(hub, sam);
  });
});
