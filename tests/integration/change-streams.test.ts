/**
 * The event stream sends each desktop what changed in its person's scope, as
 * it happens: a note on a customer reaches the people holding that customer,
 * rows and all, and not the rest of the floor; a presence change its owner
 * and the supervisors of their teams; a change to rows every desktop syncs
 * (the directory) everyone. Each event covers versions (after, to], and a
 * pull from `after` brings exactly its rows. A new customer's first contact
 * reaches the team with no pull; a person who gained a customer with a
 * history, or a write too large to send, is asked to pull; a desktop that did not ask
 * for changes is poked instead. A desktop with its stream open sees a
 * teammate's note without pulling.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEvents } from '@core/sync/engine';
import { CHANGES_EVENT, DeliverySchema, POKE_EVENT, PROTOCOL_VERSION, PullResponseSchema, type Change, type Delivery } from '@core/sync/protocol';
import { IngestContactResponseSchema } from '@core/hub-api';
import { DEMO_INTEGRATION_KEY } from '../../hub/api-keys';
import { createSession } from '../../hub/auth';
import { importRows } from '../../hub/import';
import { startHub, type RunningHub } from '../../hub/server';
import { hear, MAX_ROWS } from '../../hub/sync/announce';
import { currentVersion } from '../../hub/sync/store';
import { storageTargets, type TestDatabase } from '../helpers/storage-targets';
import { Desktop, HubLink } from '../helpers/sync-harness';
import { customer } from '../helpers/world';

const targets = await storageTargets();

/** An open event stream that keeps what it was sent. */
class Stream {
  pokes = 0;
  readonly deliveries: Delivery[] = [];
  private readonly abort = new AbortController();
  private constructor() {}

  static async open(url: string, token: string, { changes = true } = {}): Promise<Stream> {
    const stream = new Stream();
    const response = await fetch(`${url}/sync/events${changes ? '?changes=1' : ''}`, { headers: { authorization: `Bearer ${token}` }, signal: stream.abort.signal });
    expect(response.status).toBe(200);
    void readEvents(response.body!, (event, data) => {
      if (event === POKE_EVENT) stream.pokes += 1;
      if (event === CHANGES_EVENT) stream.deliveries.push(DeliverySchema.parse(JSON.parse(data)));
    }).catch(() => undefined);
    return stream;
  }

  /** The rows sent so far, as entity:id. */
  get rows(): string[] {
    return this.deliveries.flatMap((delivery) => delivery.changes.map((change) => `${change.entity}:${change.id}`)).sort();
  }

  close(): void {
    this.abort.abort();
  }
}

async function until(what: string, check: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Long enough for an event that was going to come: events go to every stream concerned at once. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('announcement payloads', () => {
  it('read back what was sent; an older hub’s payload, or anything unreadable, asks its people (or everyone) to pull', () => {
    const heard = hear(JSON.stringify({ p: 10, t: 12, all: false, rows: [['team', 'team_care', null, 11, false, { id: 'team_care', name: 'Care' }]], holders: [], granted: ['usr_ben'] }));
    expect(heard).toEqual({
      kind: 'announcement',
      announcement: {
        from: 10,
        to: 12,
        everyone: false,
        rows: [{ customerId: null, change: { op: 'put', entity: 'team', id: 'team_care', version: 11, row: { id: 'team_care', name: 'Care' } } }],
        holders: new Map(),
        granted: ['usr_ben'],
      },
    });
    expect(hear(JSON.stringify({ p: 10, t: 12, fetch: true }))).toEqual({ kind: 'range', from: 10, to: 12 });
    expect(hear('["usr_ava","usr_ben"]')).toEqual({ kind: 'legacy', audience: new Set(['usr_ava', 'usr_ben']) });
    expect(hear('')).toEqual({ kind: 'legacy', audience: '*' });
    expect(hear('[1, 2')).toEqual({ kind: 'legacy', audience: '*' });
    expect(hear('{"p": "ten"}')).toEqual({ kind: 'legacy', audience: '*' });
  });
});

describe.each(targets)('event streams on $label', (target) => {
  const skip = target.skipReason;
  let database: TestDatabase;
  let hub: RunningHub;
  const streams: Stream[] = [];

  beforeAll(async () => {
    if (skip) return;
    database = await target.create();
    hub = await startHub({ host: '127.0.0.1', port: 0, databaseUrl: database.databaseUrl, dataDir: database.dataDir, demo: 'small', offers: false });
  });
  afterAll(async () => {
    for (const stream of streams) stream.close();
    await hub?.close();
    await database?.drop();
  });

  const tokenOf = async (userId: string) => (await createSession(hub.storage, userId, 'event streams test', Date.now())).token;
  const open = async (token: string, options?: { changes?: boolean }) => {
    const stream = await Stream.open(hub.url, token, options);
    streams.push(stream);
    return stream;
  };
  const push = async (token: string, name: string, args: unknown) => {
    const response = await fetch(`${hub.url}/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: randomUUID(), schemaVersion: PROTOCOL_VERSION, mutations: [{ id: 1, name, args, at: Date.now() }] }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { results: { status: string }[] }).results[0]?.status).toBe('applied');
  };

  /** What a desktop of this person pulls after `cursor`, to the end. */
  const pullSince = async (token: string, cursor: number): Promise<Change[]> => {
    const changes: Change[] = [];
    const clientId = randomUUID();
    for (;;) {
      const response = await fetch(`${hub.url}/sync/pull?clientId=${clientId}&cursor=${cursor}`, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(200);
      const page = PullResponseSchema.parse(await response.json());
      if (page.kind !== 'changes') throw new Error(`unexpected reset: ${page.reason}`);
      changes.push(...page.changes);
      cursor = page.cursor;
      if (!page.hasMore) return changes;
    }
  };
  const rowsOf = (changes: readonly Change[]) => changes.map((change) => `${change.entity}:${change.id}`).sort();
  /** A Care customer Ava holds and Priya (Retention) does not. */
  const avasCustomer = async () => {
    const [row] = await hub.storage.query<{ customer_id: string }>(
      `SELECT customer_id FROM user_scope a WHERE a.user_id = 'usr_ava' AND a.customer_id NOT LIKE 'person:%'
          AND NOT EXISTS (SELECT 1 FROM user_scope p WHERE p.user_id = 'usr_priya' AND p.customer_id = a.customer_id) LIMIT 1`,
    );
    expect(row).toBeDefined();
    return row!.customer_id;
  };

  it.skipIf(skip)("a note reaches the desktops of the customer's scope holders, rows and all; a directory change reaches everyone", async () => {
    const customerId = await avasCustomer();
    const ava = await tokenOf('usr_ava');
    const [avaDesk, avaLaptop, avaOlder, priya] = [await open(ava), await open(ava), await open(ava, { changes: false }), await open(await tokenOf('usr_priya'))];

    const noteId = `note_${randomUUID()}`;
    await push(ava, 'contact.addNote', { id: noteId, customerId, body: 'Called back about the refund.' });
    await until("the note on both of Ava's desktops", () => avaDesk.deliveries.length === 1 && avaLaptop.deliveries.length === 1);
    const [note] = avaDesk.deliveries;
    expect(note!.changes.find((change) => change.id === noteId)).toMatchObject({ op: 'put', entity: 'contact', row: { id: noteId, body: 'Called back about the refund.' } });
    expect(avaLaptop.deliveries).toEqual(avaDesk.deliveries);
    // Everything Ava's desktops would pull from `after` is what was sent.
    expect(rowsOf(await pullSince(ava, note!.after))).toEqual(rowsOf(note!.changes));
    // A desktop that did not ask for rows is asked to pull.
    await until("the older desktop's poke", () => avaOlder.pokes === 1);
    await settle();
    expect(priya.deliveries, 'Priya does not hold the customer').toEqual([]);
    expect(priya.pokes).toBe(0);

    const admin = await tokenOf('usr_admin');
    await push(admin, 'team.save', { id: 'team_care', name: 'Customer Care & Sales' });
    await until('the directory change reaching everyone', () => avaDesk.deliveries.length === 2 && priya.deliveries.length === 1 && avaOlder.pokes === 2);
    expect(avaDesk.deliveries[1]!.changes).toEqual([expect.objectContaining({ op: 'put', entity: 'team', id: 'team_care', row: expect.objectContaining({ name: 'Customer Care & Sales' }) })]);
    // One event follows on from the last: the stream vouches for every version between them.
    expect(avaDesk.deliveries[1]!.after).toBe(note!.to);
    expect(priya.deliveries[0]!.changes).toEqual(avaDesk.deliveries[1]!.changes);
  });

  it.skipIf(skip)("a presence change reaches its owner's other desktops and their supervisors only: not a teammate agent, not another team", async () => {
    // Ava and Ben are agents in Care, Priya in Retention; Sam supervises both teams; the admin is in both.
    const [ava, ben, sam, priya, admin] = await Promise.all(['usr_ava', 'usr_ben', 'usr_sam', 'usr_priya', 'usr_admin'].map(tokenOf));
    const desks = { avaDesk: ava!, avaLaptop: ava!, sam: sam!, admin: admin!, ben: ben!, priya: priya! };
    const opened = Object.fromEntries(await Promise.all(Object.entries(desks).map(async ([name, token]) => [name, await open(token)] as const)));
    const before = await currentVersion(hub.storage);

    await push(ava!, 'presence.set', { presence: 'available' });
    const reached = ['avaDesk', 'avaLaptop', 'sam', 'admin'];
    await until("Ava's presence on her desktops, Sam's and the admin's", () => reached.every((name) => opened[name]!.deliveries.length === 1));
    for (const name of reached) expect(opened[name]!.rows, name).toEqual(['presence:usr_ava']);
    expect(opened.sam!.deliveries[0]!.changes[0]).toMatchObject({ op: 'put', row: { id: 'usr_ava', presence: 'available' } });
    await settle();
    expect(opened.ben!.deliveries, 'Ben, an agent of the same team').toEqual([]);
    expect(opened.priya!.deliveries, 'Priya, an agent of another team').toEqual([]);

    // What each pulls agrees: the presence row for those it reached, nothing for the others.
    for (const token of [ava!, sam!, admin!]) expect(rowsOf(await pullSince(token, before))).toEqual(['presence:usr_ava']);
    expect(await pullSince(ben!, before)).toEqual([]);
    expect(await pullSince(priya!, before)).toEqual([]);
    // From scratch, an agent holds their own presence only; a supervisor everyone's in their teams.
    const presenceIn = async (token: string) => rowsOf((await pullSince(token, 0)).filter((change) => change.entity === 'presence'));
    expect(await presenceIn(ben!)).toEqual(['presence:usr_ben']);
    expect(await presenceIn(priya!)).toEqual(['presence:usr_priya']);
    const everyone = await hub.storage.query<{ id: string }>("SELECT id FROM entities WHERE entity = 'user' ORDER BY id");
    expect(await presenceIn(sam!)).toEqual(everyone.map((row) => `presence:${row.id}`).sort());
  });

  it.skipIf(skip)('a person who gains a customer is asked to pull (the whole history is not sent on the stream)', async () => {
    const customerId = await avasCustomer();
    const priyaToken = await tokenOf('usr_priya');
    const priya = await open(priyaToken);
    const response = await fetch(`${hub.url}/sync/scope`, {
      method: 'POST',
      headers: { authorization: `Bearer ${priyaToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ customerIds: [customerId] }),
    });
    expect(response.status).toBe(200);
    await until("Priya's poke", () => priya.pokes === 1);
    expect(priya.deliveries).toEqual([]);
  });

  it.skipIf(skip)("a new customer's first contact is sent to the team whose queue it joins, rows and all: no pull", async () => {
    const members = ['usr_ava', 'usr_ben', 'usr_priya'];
    const opened = await Promise.all(members.map(async (userId) => [userId, await open(await tokenOf(userId))] as const));
    const response = await fetch(`${hub.url}/api/v1/contacts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${DEMO_INTEGRATION_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'email', from: { email: `first.time.${randomUUID()}@example.com` }, subject: 'My router keeps dropping', body: 'Since Monday.' }),
    });
    expect(response.status).toBe(201);
    const { customerId, contactId } = IngestContactResponseSchema.parse(await response.json());
    const holders = (await hub.storage.query<{ user_id: string }>('SELECT user_id FROM user_scope WHERE customer_id = $1', [customerId])).map((row) => row.user_id);
    const reached = opened.filter(([userId]) => holders.includes(userId));
    expect(reached.length, 'someone on the team holds the new customer').toBeGreaterThan(0);
    await until('the new contact on the team\'s desktops', () => reached.every(([, stream]) => stream.deliveries.length === 1));
    await settle();
    for (const [userId, stream] of opened) {
      expect(stream.pokes, userId).toBe(0);
      if (!holders.includes(userId)) expect(stream.deliveries, userId).toEqual([]);
    }
    const [first] = reached;
    expect(first![1].rows).toEqual(expect.arrayContaining([`contact:${contactId}`, `customer:${customerId}`, `queueItem:${contactId}`]));
    expect(rowsOf(await pullSince(await tokenOf(first![0]), first![1].deliveries[0]!.after))).toEqual(first![1].rows);
  });

  it.skipIf(skip)('a write too large for the notification is read back by the hub; one of more than 200 rows asks everyone to pull', async () => {
    const customerId = await avasCustomer();
    const ava = await tokenOf('usr_ava');
    const [desk, priya] = [await open(ava), await open(await tokenOf('usr_priya'))];
    const body = 'A long account of the call. '.repeat(400);
    await push(ava, 'contact.addNote', { id: `note_${randomUUID()}`, customerId, body: body.trim() });
    await until('the long note', () => desk.deliveries.length === 1);
    expect(desk.deliveries[0]!.changes.some((change) => change.op === 'put' && change.row.body === body.trim())).toBe(true);

    await importRows(
      hub.storage,
      Array.from({ length: MAX_ROWS + 1 }, (_, index) => ({ entity: 'customer' as const, row: customer(90_000 + index) })),
    );
    await until('everyone asked to pull', () => desk.pokes === 1 && priya.pokes === 1);
    expect(desk.deliveries).toHaveLength(1);
  });

  /**
   * Two desktops with live event streams (Ava's and a teammate holding one of her customers), each counting its pulls.
   * `holdBackAvasEvents`: Ava's stream connects but nothing sent on it reaches her desktop, as behind a proxy that buffers.
   */
  async function liveDesktops({ holdBackAvasEvents = false } = {}) {
    const customerId = await avasCustomer();
    const [holder] = await hub.storage.query<{ user_id: string }>(
      "SELECT s.user_id FROM user_scope s, entities u WHERE s.customer_id = $1 AND s.user_id <> 'usr_ava' AND u.entity = 'user' AND u.id = s.user_id AND u.data->>'role' = 'agent' LIMIT 1",
      [customerId],
    );
    expect(holder).toBeDefined();
    const pulls = new Map<string, number>();
    const desktops = await Promise.all(
      ['usr_ava', holder!.user_id].map(async (userId) => {
        const token = await tokenOf(userId);
        const [row] = await hub.storage.query<{ data: Desktop['user'] }>("SELECT data FROM entities WHERE entity = 'user' AND id = $1", [userId]);
        const link = new HubLink({ url: hub.url });
        const send = link.fetch;
        link.fetch = async (input, init) => {
          const url = input instanceof Request ? input.url : input.toString();
          if (url.includes('/sync/pull')) pulls.set(userId, (pulls.get(userId) ?? 0) + 1);
          if (!(holdBackAvasEvents && userId === 'usr_ava' && url.includes('/sync/events'))) return send(input, init);
          const real = await send(input, init);
          await real.body?.cancel();
          const held = new ReadableStream<Uint8Array>({
            start(controller) {
              init?.signal?.addEventListener('abort', () => controller.error(new Error('aborted')));
            },
          });
          return new Response(held, { status: real.status, headers: real.headers });
        };
        const desktop = await Desktop.withSession({ link, session: { token, user: row!.data, hubId: hub.hubId }, engine: { live: true } });
        await desktop.db.open();
        desktop.engine.start();
        return desktop;
      }),
    );
    const [ava, teammate] = desktops as [Desktop, Desktop];
    await until('both desktops synced', () => desktops.every((desktop) => desktop.engine.currentStatus.state === 'online'));
    await settle();
    expect(pulls.get(teammate.user.id), 'the first sync').toBeGreaterThan(0);
    const pullsOf = (desktop: Desktop) => pulls.get(desktop.user.id) ?? 0;
    return { customerId, ava, teammate, pullsOf, close: () => Promise.all(desktops.map((desktop) => desktop.close())) };
  }

  async function eventually(what: string, check: () => Promise<boolean>): Promise<void> {
    const deadline = Date.now() + 5_000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it.skipIf(skip)("a desktop with its stream open sees a teammate's note without pulling, and the author's desktop needs no pull to confirm it", async () => {
    const { customerId, ava, teammate, pullsOf, close } = await liveDesktops();
    try {
      const before = { ava: pullsOf(ava), teammate: pullsOf(teammate) };
      const noteId = `note_${randomUUID()}`;
      await ava.mutate('contact.addNote', { id: noteId, customerId, parentId: null, body: 'Promised a call back on Monday.' });
      ava.engine.kick('mutation');
      await eventually("the note on the teammate's desktop", async () => !!(await teammate.db.entityTable('contact').get(noteId)));
      // The push is acknowledged when its own change comes back on Ava's stream: her outbox empties.
      await eventually("Ava's outbox emptied", async () => (await ava.pending()) === 0);
      expect(pullsOf(teammate) - before.teammate, 'pulls the teammate made').toBe(0);
      expect(pullsOf(ava) - before.ava, 'pulls Ava made').toBe(0);
      expect(await ava.db.entityTable('contact').get(noteId)).toMatchObject({ body: 'Promised a call back on Monday.' });
    } finally {
      await close();
    }
  });

  it.skipIf(skip)('a push whose change does not come back on the stream is confirmed by a pull a few seconds later', async () => {
    const { customerId, ava, pullsOf, close } = await liveDesktops({ holdBackAvasEvents: true });
    try {
      const before = pullsOf(ava);
      await ava.mutate('contact.addNote', { id: `note_${randomUUID()}`, customerId, parentId: null, body: 'Left a voicemail.' });
      ava.engine.kick('mutation');
      await eventually("Ava's outbox emptied by a pull", async () => (await ava.pending()) === 0);
      expect(pullsOf(ava) - before).toBe(1);
    } finally {
      await close();
    }
  });
});
