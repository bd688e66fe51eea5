/**
 * Pokes go to the desktops a change concerns: a note on a customer wakes the
 * people holding that customer in scope, not the whole floor; a presence
 * change wakes its owner's desktops and the supervisors of their teams, and
 * only they pull it; a change to rows every desktop syncs (the directory)
 * wakes everyone. On PostgreSQL the audience crosses hub processes in the
 * NOTIFY payload.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POKE_EVENT, PROTOCOL_VERSION, PullResponseSchema, type Change } from '@core/sync/protocol';
import { createSession } from '../../hub/auth';
import { startHub, type RunningHub } from '../../hub/server';
import { audiencePayload, payloadAudience } from '../../hub/sync/events';
import { currentVersion } from '../../hub/sync/store';
import { storageTargets, type TestDatabase } from '../helpers/storage-targets';

const targets = await storageTargets();

/** An open event stream that counts the pokes it has received. */
class Stream {
  pokes = 0;
  private readonly abort = new AbortController();
  private constructor() {}

  static async open(url: string, token: string): Promise<Stream> {
    const stream = new Stream();
    const response = await fetch(`${url}/sync/events`, { headers: { authorization: `Bearer ${token}` }, signal: stream.abort.signal });
    expect(response.status).toBe(200);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          stream.pokes += value.split('\n').filter((line) => line === `event: ${POKE_EVENT}`).length;
        }
      } catch {
        // Closed by the test.
      }
    })();
    return stream;
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

describe('audience payloads', () => {
  it('name the people, or everyone when there are too many to fit a NOTIFY', () => {
    expect(payloadAudience(audiencePayload(new Set(['usr_ava', 'usr_ben']))!)).toEqual(new Set(['usr_ava', 'usr_ben']));
    expect(audiencePayload(new Set())).toBeNull();
    expect(audiencePayload('*')).toBe('*');
    const crowd = new Set(Array.from({ length: 1_000 }, (_, index) => `usr_agent_${index}`));
    expect(audiencePayload(crowd)).toBe('*');
    // What an older hub process sent, or anything unreadable, wakes everyone: a spare pull is harmless, a missed one is not.
    expect(payloadAudience('')).toBe('*');
    expect(payloadAudience('[1, 2')).toBe('*');
  });
});

describe.each(targets)('pokes on $label', (target) => {
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

  const tokenOf = async (userId: string) => (await createSession(hub.storage, userId, 'pokes test', Date.now())).token;
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
  const rowsOf = (changes: Change[]) => changes.map((change) => `${change.entity}:${change.id}`).sort();

  it.skipIf(skip)("a note wakes the desktops of the customer's scope holders only; a change to the directory wakes everyone", async () => {
    // A Care customer Ava holds and Priya (Retention) does not.
    const [customer] = await hub.storage.query<{ customer_id: string }>(
      `SELECT customer_id FROM user_scope a WHERE a.user_id = 'usr_ava'
          AND NOT EXISTS (SELECT 1 FROM user_scope p WHERE p.user_id = 'usr_priya' AND p.customer_id = a.customer_id) LIMIT 1`,
    );
    expect(customer).toBeDefined();
    const ava = await tokenOf('usr_ava');
    const avaDesk = await Stream.open(hub.url, ava);
    const avaLaptop = await Stream.open(hub.url, ava);
    const priya = await Stream.open(hub.url, await tokenOf('usr_priya'));
    streams.push(avaDesk, avaLaptop, priya);

    await push(ava, 'contact.addNote', { id: `note_${randomUUID()}`, customerId: customer!.customer_id, body: 'Called back about the refund.' });
    await until("the note's poke on both of Ava's desktops", () => avaDesk.pokes === 1 && avaLaptop.pokes === 1);
    // A poke goes to all its audience at once: had Priya been in it, hers would be here by now.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(priya.pokes).toBe(0);

    const admin = await tokenOf('usr_admin');
    await push(admin, 'team.save', { id: 'team_care', name: 'Customer Care & Sales' });
    await until('the directory change reaching everyone', () => avaDesk.pokes === 2 && avaLaptop.pokes === 2 && priya.pokes === 1);
  });

  it.skipIf(skip)("a presence change reaches its owner's other desktops and their supervisors only: not a teammate agent, not another team", async () => {
    // Ava and Ben are agents in Care, Priya in Retention; Sam supervises both teams; the admin is in both.
    const [ava, ben, sam, priya, admin] = await Promise.all(['usr_ava', 'usr_ben', 'usr_sam', 'usr_priya', 'usr_admin'].map(tokenOf));
    const desks = { avaDesk: ava!, avaLaptop: ava!, sam: sam!, admin: admin!, ben: ben!, priya: priya! };
    const opened = Object.fromEntries(await Promise.all(Object.entries(desks).map(async ([name, token]) => [name, await Stream.open(hub.url, token)] as const)));
    streams.push(...Object.values(opened));
    const before = await currentVersion(hub.storage);

    await push(ava!, 'presence.set', { presence: 'available' });
    await until("the poke on Ava's desktops, Sam's and the admin's", () => ['avaDesk', 'avaLaptop', 'sam', 'admin'].every((name) => opened[name]!.pokes === 1));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(opened.ben!.pokes, 'Ben, an agent of the same team').toBe(0);
    expect(opened.priya!.pokes, 'Priya, an agent of another team').toBe(0);

    // What each pulls: the presence row for those woken, nothing for the others.
    for (const token of [ava!, sam!, admin!]) expect(rowsOf(await pullSince(token, before))).toEqual(['presence:usr_ava']);
    expect((await pullSince(sam!, before))[0]).toMatchObject({ op: 'put', row: { id: 'usr_ava', presence: 'available' } });
    expect(await pullSince(ben!, before)).toEqual([]);
    expect(await pullSince(priya!, before)).toEqual([]);
    // From scratch, an agent holds their own presence only; a supervisor everyone's in their teams.
    const presenceIn = async (token: string) => rowsOf((await pullSince(token, 0)).filter((change) => change.entity === 'presence'));
    expect(await presenceIn(ben!)).toEqual(['presence:usr_ben']);
    expect(await presenceIn(priya!)).toEqual(['presence:usr_priya']);
    const everyone = await hub.storage.query<{ id: string }>("SELECT id FROM entities WHERE entity = 'user' ORDER BY id");
    expect(await presenceIn(sam!)).toEqual(everyone.map((row) => `presence:${row.id}`).sort());
  });
});
