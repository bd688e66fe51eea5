/**
 * Offers through a real hub, on PGlite and on PostgreSQL: waiting contacts go
 * to the longest-idle available agent of the queue's team who has the skills;
 * declined and lapsed offers move on; busy agents are passed over; claiming
 * clears the offer; several hub processes never double-offer. Each test works
 * in a team and queue (chosen by topic) of its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPresence, newTeam, type Presence, type Queue, type QueueItem, type Team, type User } from '@core/domain/model';
import { IngestContactResponseSchema, type IngestContactResponse } from '@core/hub-api';
import { OFFER_TTL_MS } from '@core/sync/mutations';
import { DEMO_INTEGRATION_KEY, seedDemoIntegrationKey } from '../../hub/api-keys';
import { importRows, type ImportEntry } from '../../hub/import';
import { OfferRouter, runOfferPass } from '../../hub/routing';
import { CHANGES_CHANNEL } from '../../hub/sync/announce';
import { startHub, type RunningHub } from '../../hub/server';
import { getRow } from '../../hub/sync/store';
import { expectConverged } from '../helpers/convergence';
import { storageTargets, type TestDatabase } from '../helpers/storage-targets';
import { Desktop, HubLink, type HubAddress } from '../helpers/sync-harness';
import { customer, PASSWORD, T0, user } from '../helpers/world';

const targets = await storageTargets();

/** Team, queue (taking the topic of the same name) and agents (with their skills) per scenario. */
const SCENARIOS: Record<string, { skills?: string[]; agents: Record<string, string[]> }> = {
  basic: { agents: { ava: [], abe: [] } },
  idle: { agents: { bea: [], carl: [] } },
  skill: { skills: ['french'], agents: { dan: ['billing'], eve: ['french'] } },
  decline: { agents: { fay: [], gus: [] } },
  lapse: { agents: { hal: [], ivy: [] } },
  multi: { agents: { jon: [], kim: [], lea: [] } },
  timer: { agents: { mia: [], ned: [] } },
};

function world() {
  const entries: ImportEntry[] = [];
  const users: User[] = [];
  for (const [topic, scenario] of Object.entries(SCENARIOS)) {
    const team: Team = newTeam({ id: `team_${topic}`, name: `Team ${topic}` });
    const queue: Queue = { id: `q_${topic}`, name: `Queue ${topic}`, teamId: team.id, channels: ['chat', 'call', 'email'], topics: [topic], slaSeconds: 300, skills: scenario.skills ?? [] };
    entries.push({ entity: 'team', row: team }, { entity: 'queue', row: queue });
    for (const [name, skills] of Object.entries(scenario.agents)) {
      users.push(user(name, `${name[0]!.toUpperCase()}${name.slice(1)} Agent`, 'agent', [team.id], { skills }));
    }
  }
  for (const person of users) entries.push({ entity: 'user', row: person }, { entity: 'presence', row: newPresence(person.id, T0) });
  for (let n = 1; n <= 3; n += 1) entries.push({ entity: 'customer', row: customer(n) });
  return { entries, accounts: users.map((person) => ({ userId: person.id, username: person.username, password: PASSWORD })) };
}

describe.each(targets)('offers on $label', (target) => {
  const skip = target.skipReason;
  let database: TestDatabase;
  let hub: RunningHub;
  const address: HubAddress = { url: '' };
  const desktops = new Map<string, Desktop>();

  const desktop = async (username: string): Promise<Desktop> => {
    const existing = desktops.get(username);
    if (existing) return existing;
    const signedIn = await Desktop.signIn({ link: new HubLink(address), username, password: PASSWORD });
    desktops.set(username, signedIn);
    await signedIn.sync();
    return signedIn;
  };
  /** Sets presence through the agent's desktop (presence.set, pushed to the hub). */
  const setPresence = async (username: string, presence: Presence) => {
    const agent = await desktop(username);
    await agent.mutate('presence.set', { presence });
    await agent.sync();
  };

  async function ingest(topic: string, n = 1, url = hub.url): Promise<IngestContactResponse> {
    const response = await fetch(`${url}/api/v1/contacts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${DEMO_INTEGRATION_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'chat', from: { email: `c${n}@example.com` }, subject: `About ${topic}`, body: 'Hello', topic }),
    });
    const body: unknown = await response.json();
    expect(response.status, JSON.stringify(body)).toBe(201);
    return IngestContactResponseSchema.parse(body);
  }

  const item = async (id: string): Promise<QueueItem> => (await getRow(hub.storage, 'queueItem', id))!;

  beforeAll(async () => {
    if (skip) return;
    database = await target.create();
    hub = await startHub({ host: '127.0.0.1', port: 0, databaseUrl: database.databaseUrl, dataDir: database.dataDir });
    address.url = hub.url;
    const w = world();
    await importRows(hub.storage, w.entries, w.accounts);
    await seedDemoIntegrationKey(hub.storage);
  });
  afterAll(async () => {
    for (const open of desktops.values()) await open.close();
    await hub?.close();
    await database?.drop();
  });

  it.skipIf(skip)('a contact is offered to the available agent, who sees it on her desktop; claiming clears the offer; a busy agent is passed over', async () => {
    // Nobody available: no offer.
    const unoffered = await ingest('basic', 1);
    expect(unoffered.offeredTo).toBeNull();
    // Ava becomes available: the waiting contact is offered to her by the push's offer pass.
    await setPresence('ava', 'available');
    const ava = await desktop('ava');
    expect(await ava.db.queueItems.get(unoffered.contactId)).toMatchObject({ offeredTo: 'usr_ava', state: 'waiting' });
    // She holds an offer: the next contact waits.
    const second = await ingest('basic', 2);
    expect(second.offeredTo).toBeNull();

    await ava.mutate('contact.claim', { contactId: unoffered.contactId });
    await ava.sync();
    expect(await item(unoffered.contactId)).toMatchObject({ state: 'claimed', assigneeId: 'usr_ava', offeredTo: null, offeredAt: null });
    // Holding a claimed contact, Ava is busy even if she says she is available: the second contact waits for Abe.
    await setPresence('ava', 'available');
    expect((await item(second.contactId)).offeredTo).toBeNull();
    await setPresence('abe', 'available');
    const abe = await desktop('abe');
    expect(await abe.db.queueItems.get(second.contactId)).toMatchObject({ offeredTo: 'usr_abe' });
    await ava.sync();
    expect((await ava.db.queueItems.get(second.contactId))?.offeredTo).toBe('usr_abe');
    await expectConverged(hub, ava);
    await expectConverged(hub, abe);
  });

  it.skipIf(skip)('the longest-idle agent is offered first, and each agent holds one offer at a time', async () => {
    await setPresence('bea', 'available');
    await setPresence('carl', 'available');
    const first = await ingest('idle', 1);
    expect(first.offeredTo).toBe('usr_bea');
    const second = await ingest('idle', 2);
    expect(second.offeredTo).toBe('usr_carl');
    const third = await ingest('idle', 3);
    expect(third.offeredTo).toBeNull();
    // Bea takes hers and wraps up: she is idle again (the most recently), and the waiting contact is offered to her.
    const bea = await desktop('bea');
    await bea.sync();
    await bea.mutate('contact.claim', { contactId: first.contactId });
    await bea.mutate('contact.wrapUp', { contactId: first.contactId, disposition: 'Information given', resolution: 'resolved' });
    await bea.sync();
    expect((await item(third.contactId)).offeredTo).toBe('usr_bea');
  });

  it.skipIf(skip)('skills are respected: the contact goes to the agent who has them, not the longest idle', async () => {
    await setPresence('dan', 'available');
    await setPresence('eve', 'available');
    const answer = await ingest('skill', 1);
    expect(answer.offeredTo).toBe('usr_eve');
    expect(await item(answer.contactId)).toMatchObject({ skills: ['french'], offeredTo: 'usr_eve' });
    const next = await ingest('skill', 2);
    // Eve holds an offer and Dan lacks French: nobody.
    expect(next.offeredTo).toBeNull();
  });

  it.skipIf(skip)('a decline moves the contact to the next agent, and it is not offered again to who declined', async () => {
    await setPresence('fay', 'available');
    await setPresence('gus', 'available');
    const answer = await ingest('decline', 1);
    expect(answer.offeredTo).toBe('usr_fay');
    const fay = await desktop('fay');
    await fay.sync();
    await fay.mutate('contact.decline', { contactId: answer.contactId });
    await fay.sync();
    expect(await item(answer.contactId)).toMatchObject({ offeredTo: 'usr_gus', declinedBy: ['usr_fay'] });
    const gus = await desktop('gus');
    await gus.sync();
    expect((await gus.db.queueItems.get(answer.contactId))?.offeredTo).toBe('usr_gus');
    await gus.mutate('contact.decline', { contactId: answer.contactId });
    await gus.sync();
    expect(await item(answer.contactId)).toMatchObject({ offeredTo: null, declinedBy: ['usr_fay', 'usr_gus'], state: 'waiting' });
    await fay.sync();
    expect((await fay.db.queueItems.get(answer.contactId))?.offeredTo).toBeNull();
  });

  it.skipIf(skip)('a lapsed offer moves on to someone else, and comes back only when nobody else can take it', async () => {
    await setPresence('hal', 'available');
    await setPresence('ivy', 'available');
    const answer = await ingest('lapse', 1);
    expect(answer.offeredTo).toBe('usr_hal');
    const offeredAt = (await item(answer.contactId)).offeredAt!;
    // (Passes are hub-wide: earlier tests' offers lapse too; only this contact is looked at.)
    const ofThis = (changes: { itemId: string; agentId: string }[]) => changes.filter((change) => change.itemId === answer.contactId);
    // Not yet lapsed: nothing changes.
    expect(ofThis((await runOfferPass(hub.storage, offeredAt + OFFER_TTL_MS - 1)).expired)).toEqual([]);
    expect((await item(answer.contactId)).offeredAt).toBe(offeredAt);
    // Hal lets it lapse.
    const later = offeredAt + OFFER_TTL_MS;
    const pass = await runOfferPass(hub.storage, later);
    expect(ofThis(pass.expired)).toEqual([{ itemId: answer.contactId, agentId: 'usr_hal' }]);
    expect(ofThis(pass.offered)).toEqual([{ itemId: answer.contactId, agentId: 'usr_ivy' }]);
    expect(await item(answer.contactId)).toMatchObject({ offeredTo: 'usr_ivy', offeredAt: later, declinedBy: [] });
    const ivy = await desktop('ivy');
    await ivy.sync();
    expect((await ivy.db.queueItems.get(answer.contactId))?.offeredTo).toBe('usr_ivy');
    // Ivy goes away: her offer is withdrawn and, as nobody else is left, it goes back to Hal.
    await setPresence('ivy', 'away');
    expect(await item(answer.contactId)).toMatchObject({ offeredTo: 'usr_hal' });
    // A shorter TTL (options) lapses it sooner; Hal alone gets it again, with a new offer time.
    const now = Date.now() + 10;
    const short = await runOfferPass(hub.storage, now, { ttlMs: 1 });
    expect(short.expired).toContainEqual({ itemId: answer.contactId, agentId: 'usr_hal' });
    expect(await item(answer.contactId)).toMatchObject({ offeredTo: 'usr_hal', offeredAt: now });
  });

  // Runs on the PostgreSQL target of this file (CI starts one; scripts/setup-tests.sh prepares one here).
  const sharedSkip = skip ?? (target.kind !== 'postgres' ? "Only PostgreSQL can be shared by several hub processes; PGlite is one process's database" : undefined);
  it.skipIf(sharedSkip)('several hub processes on one database never offer two contacts to one agent', async () => {
    const second = await startHub({ host: '127.0.0.1', port: 0, databaseUrl: database.databaseUrl, dataDir: null });
    try {
      for (const name of ['jon', 'kim', 'lea']) await setPresence(name, 'available');
      const answers = await Promise.all([1, 2, 3, 1, 2, 3].map((n, i) => ingest('multi', n, i % 2 ? second.url : hub.url)));
      await Promise.all([runOfferPass(hub.storage, Date.now()), runOfferPass(second.storage, Date.now()), runOfferPass(hub.storage, Date.now())]);
      const items = await Promise.all(answers.map((answer) => item(answer.contactId)));
      const holders = items.map((row) => row.offeredTo).filter((id): id is string => id !== null);
      expect(holders.sort()).toEqual(['usr_jon', 'usr_kim', 'usr_lea']);
    } finally {
      await second.close();
    }
  });

  it.skipIf(skip)('the timer moves lapsed offers on without anything else happening, and stops', async () => {
    await setPresence('mia', 'available');
    await setPresence('ned', 'available');
    const answer = await ingest('timer', 1);
    expect(answer.offeredTo).toBe('usr_mia');
    // What the router writes is announced to every hub process, so the desktops concerned hear of it.
    let announced = 0;
    const unlisten = await hub.storage.listen(CHANGES_CHANNEL, () => void (announced += 1));
    // A second router (as another hub process would run) with a quick timer and a short TTL.
    const router = new OfferRouter(hub.storage, { intervalMs: 20, ttlMs: 300 });
    router.start();
    try {
      const deadline = Date.now() + 5000;
      while ((await item(answer.contactId)).offeredTo !== 'usr_ned' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
      expect((await item(answer.contactId)).offeredTo).toBe('usr_ned');
      await expect.poll(() => announced).toBeGreaterThan(0);
    } finally {
      await unlisten();
      await router.stop();
    }
    expect(await router.request()).toBeNull();
  });
});
