/**
 * Presence as rows of their own, on PGlite and on PostgreSQL. Migration 0007
 * on a hub of the previous release: presence moves out of the user rows into
 * rows of its own, the people who need each presence get its key in scope,
 * desktops that had synced everything before pull the new shape, and routing
 * still finds who is available. And a customer cannot take a person's scope
 * key for an id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newPresence, presenceMoved, UserSchema, type Presence, type PresenceRow, type User } from '@core/domain/model';
import { personKeyHolders, personScopeKey } from '@core/sync/entities';
import { importRows } from '../../hub/import';
import { migrate, migrations } from '../../hub/storage/migrate';
import { openStorage, type Storage } from '../../hub/storage';
import { runOfferPass } from '../../hub/routing';
import { pull } from '../../hub/sync/pull';
import { currentVersion, getRow } from '../../hub/sync/store';
import { storageTargets, type TestDatabase } from '../helpers/storage-targets';
import { contact, customer, queues, T0, teams, user, users as worldUsers, waiting } from '../helpers/world';

const targets = await storageTargets();

/** The small world's people, a supervisor of the other team and an admin in no team. */
const people: User[] = [...worldUsers, user('oscar', 'Oscar Lindqvist', 'supervisor', ['team_other']), user('ada', 'Ada Mensah', 'admin', [])];
/** Each person's presence as the previous release kept it in their user row. */
const presences: PresenceRow[] = people.map((person, index) => {
  const at = T0 + index * 1000;
  const moves: Presence[] = ['available', 'away', 'busy', 'offline'];
  const start = newPresence(person.id, T0 - 3_600_000);
  return index === 0 ? presenceMoved(start, 'available', at) : presenceMoved(presenceMoved(start, 'available', at - 500), moves[index % moves.length]!, at);
});
/** A user row of the previous release: the person with their presence inside. */
const oldUserRow = (person: User, presence: PresenceRow) => ({ ...person, presence: presence.presence, presenceAt: presence.presenceAt, idleSince: presence.idleSince });

describe.each(targets)('the presence migration on $label', (target) => {
  const skip = target.skipReason;
  let database: TestDatabase;
  let storage: Storage;
  /** The last version the previous release handed out. */
  let oldVersion: number;
  let customerScope: { user_id: string; customer_id: string; seq: number }[];

  beforeAll(async () => {
    if (skip) return;
    database = await target.create();
    storage = await openStorage({ databaseUrl: database.databaseUrl, dataDir: database.dataDir });
    const presenceMigration = migrations.findIndex((migration) => migration.name === 'presence');
    expect(presenceMigration).toBeGreaterThan(0);
    await migrate(storage, migrations.slice(0, presenceMigration));

    // What the previous release wrote: the directory with presence in it, a customer with a waiting chat in Ava's team's queue.
    const insert = (entity: string, id: string, customerId: string | null, data: unknown) =>
      storage.query("INSERT INTO entities (entity, id, customer_id, version, deleted, data) VALUES ($1, $2, $3, nextval('change_seq'), false, $4)", [entity, id, customerId, JSON.stringify(data)]);
    for (const team of teams) await insert('team', team.id, null, team);
    for (const queue of queues) await insert('queue', queue.id, null, queue);
    for (const [index, person] of people.entries()) await insert('user', person.id, null, oldUserRow(person, presences[index]!));
    const chat = contact('con_1', 'cus_1', T0, { queueId: 'q_care', channel: 'chat' });
    await insert('customer', 'cus_1', 'cus_1', customer(1));
    await insert('contact', chat.id, 'cus_1', chat);
    await insert('queueItem', chat.id, 'cus_1', waiting(chat, 'q_care'));
    for (const member of ['usr_ava', 'usr_ben', 'usr_sam']) await storage.query("INSERT INTO user_scope (user_id, customer_id, seq) VALUES ($1, 'cus_1', nextval('change_seq'))", [member]);
    oldVersion = await currentVersion(storage);
    customerScope = await storage.query('SELECT user_id, customer_id, seq FROM user_scope ORDER BY user_id, customer_id');

    await migrate(storage);
  });
  afterAll(async () => {
    await storage?.close();
    await database?.drop();
  });

  it.skipIf(skip)('makes a presence row of each person’s presence, keyed to them, at new versions', async () => {
    const rows = await storage.query<{ id: string; customer_id: string; version: number; data: unknown }>(
      "SELECT id, customer_id, version, data FROM entities WHERE entity = 'presence' ORDER BY id",
    );
    expect(rows.map((row) => row.data)).toEqual([...presences].sort((a, b) => a.id.localeCompare(b.id)));
    for (const row of rows) {
      expect(row.customer_id).toBe(personScopeKey(row.id));
      expect(Number(row.version)).toBeGreaterThan(oldVersion);
    }
  });

  it.skipIf(skip)('rewrites every user row without presence, at a new version', async () => {
    const rows = await storage.query<{ id: string; version: number; data: Record<string, unknown> }>("SELECT id, version, data FROM entities WHERE entity = 'user' ORDER BY id");
    expect(rows).toHaveLength(people.length);
    for (const row of rows) {
      expect(row.data).toEqual(people.find((person) => person.id === row.id));
      expect(UserSchema.strict().safeParse(row.data).success).toBe(true);
      expect(Number(row.version)).toBeGreaterThan(oldVersion);
    }
    // Rows that were not about people are as they were.
    expect(Number((await storage.query<{ version: number }>("SELECT version FROM entities WHERE entity = 'customer' AND id = 'cus_1'"))[0]!.version)).toBeLessThanOrEqual(oldVersion);
  });

  it.skipIf(skip)('gives each presence key to its owner and the supervisors and admins who share a team with them, and leaves customers’ scope alone', async () => {
    const scope = await storage.query<{ user_id: string; customer_id: string; seq: number }>('SELECT user_id, customer_id, seq FROM user_scope ORDER BY user_id, customer_id');
    const personal = scope.filter((row) => row.customer_id.startsWith('person:'));
    const expected = people.flatMap((person) => personKeyHolders(person, people).map((holder) => `${holder} ${personScopeKey(person.id)}`));
    expect(personal.map((row) => `${row.user_id} ${row.customer_id}`).sort()).toEqual(expected.sort());
    // Spelled out: Sam holds his team's, Oscar his, Ada (in no team) and the agents only their own.
    const heldBy = (userId: string) => personal.filter((row) => row.user_id === userId).map((row) => row.customer_id).sort();
    expect(heldBy('usr_sam')).toEqual(['person:usr_ava', 'person:usr_ben', 'person:usr_sam']);
    expect(heldBy('usr_oscar')).toEqual(['person:usr_olga', 'person:usr_oscar']);
    expect(heldBy('usr_ada')).toEqual(['person:usr_ada']);
    expect(heldBy('usr_ben')).toEqual(['person:usr_ben']);
    for (const row of personal) expect(Number(row.seq)).toBeGreaterThan(oldVersion);
    expect(scope.filter((row) => !row.customer_id.startsWith('person:'))).toEqual(customerScope);
  });

  it.skipIf(skip)('a desktop that had pulled everything pulls the new shape: every person again, and the presence it may see', async () => {
    const hubId = (await storage.query<{ value: string }>("SELECT value FROM hub_meta WHERE key = 'hub_id'"))[0]!.value;
    const pulledBy = async (userId: string) => {
      const person = (await getRow(storage, 'user', userId))!;
      const page = await pull(storage, person, hubId, { clientId: crypto.randomUUID(), cursor: oldVersion, limit: 5000 });
      if (page.kind !== 'changes') throw new Error(page.reason);
      expect(page.hasMore).toBe(false);
      return page.changes.map((change) => `${change.entity}:${change.id}`).sort();
    };
    const everyone = people.map((person) => `user:${person.id}`);
    expect(await pulledBy('usr_sam')).toEqual([...everyone, 'presence:usr_ava', 'presence:usr_ben', 'presence:usr_sam'].sort());
    expect(await pulledBy('usr_ben')).toEqual([...everyone, 'presence:usr_ben'].sort());
  });

  it.skipIf(skip)('routing still finds who is available: the waiting chat is offered to Ava', async () => {
    const pass = await runOfferPass(storage, T0 + 60_000);
    expect(pass.offered).toEqual([{ itemId: 'con_1', agentId: 'usr_ava' }]);
    expect(await getRow(storage, 'presence', 'usr_ava')).toMatchObject({ presence: 'available' });
  });
});

describe.each(targets)('scope keys on $label', (target) => {
  const skip = target.skipReason;
  let database: TestDatabase;
  let storage: Storage;

  beforeAll(async () => {
    if (skip) return;
    database = await target.create();
    storage = await openStorage({ databaseUrl: database.databaseUrl, dataDir: database.dataDir });
    await migrate(storage);
  });
  afterAll(async () => {
    await storage?.close();
    await database?.drop();
  });

  it.skipIf(skip)('a customer whose id looks like a person’s key is refused: it would share their presence’s scope', async () => {
    await expect(importRows(storage, [{ entity: 'customer', row: customer(1, { id: personScopeKey('usr_ava') }) }])).rejects.toThrow(/cannot start with “person:”/);
    await expect(importRows(storage, [{ entity: 'contact', row: contact('con_x', personScopeKey('usr_ava'), T0) }])).rejects.toThrow(/cannot start with “person:”/);
    expect(await storage.query("SELECT id FROM entities WHERE customer_id LIKE 'person:%'")).toEqual([]);
  });
});
