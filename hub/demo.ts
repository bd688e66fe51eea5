/**
 * Loads a demo data set into an empty hub: the directory, customers with
 * multi-channel histories, a live queue, follow-ups, surveys and scripts, and
 * sign-in for the demo accounts (password "demo").
 */
import { generateDemoData, DEMO_PASSWORD, type DemoData, type DemoSize } from '@core/demo';
import { customerOfRow, personKeyHolders, personScopeKey, type EntityName, type EntityRow } from '@core/sync/entities';
import { seedDemoIntegrationKey } from './api-keys';
import { hashPassword } from './passwords';
import type { Storage } from './storage';
import { markWritten, writeTransaction } from './sync/store';

const BATCH = 2000;

export interface DemoSummary {
  size: DemoSize;
  rows: number;
  accounts: { username: string; name: string; role: string }[];
}


type Entry = { entity: EntityName; row: EntityRow<EntityName> };

function entriesOf(data: DemoData): Entry[] {
  const list: Entry[] = [];
  const add = <E extends EntityName>(entity: E, rows: readonly EntityRow<E>[]) => {
    for (const row of rows) list.push({ entity, row: row });
  };
  add('team', data.teams);
  add('queue', data.queues);
  add('user', data.users);
  add('presence', data.presence);
  add('script', data.scripts);
  add('article', data.articles);
  add('customer', data.customers);
  add('contact', data.contacts);
  add('queueItem', data.queueItems);
  add('followUp', data.followUps);
  add('survey', data.surveys);
  return list;
}

/** Who has which scope keys (customers, people's presence), by the same rules the hub applies to new rows. */
function scopeOf(data: DemoData): Map<string, Set<string>> {
  const queueTeam = new Map(data.queues.map((queue) => [queue.id, queue.teamId]));
  const members = new Map<string, string[]>();
  for (const user of data.users) {
    for (const teamId of user.teamIds) {
      const list = members.get(teamId) ?? [];
      list.push(user.id);
      members.set(teamId, list);
    }
  }
  const scope = new Map<string, Set<string>>();
  const add = (userId: string, customerId: string) => {
    let set = scope.get(userId);
    if (!set) scope.set(userId, (set = new Set()));
    set.add(customerId);
  };
  for (const item of data.queueItems) {
    for (const userId of members.get(queueTeam.get(item.queueId) ?? '') ?? []) add(userId, item.customerId);
    if (item.assigneeId) add(item.assigneeId, item.customerId);
  }
  for (const contact of data.contacts) if (contact.agentId) add(contact.agentId, contact.customerId);
  for (const followUp of data.followUps) add(followUp.ownerId, followUp.customerId);
  for (const person of data.users) for (const holder of personKeyHolders(person, data.users)) add(holder, personScopeKey(person.id));
  return scope;
}

/** Loads the demo set in one transaction. Call only on an empty hub. */
export async function loadDemoData(storage: Storage, size: DemoSize, now: number, onProgress?: (done: number, total: number) => void): Promise<DemoSummary> {
  const data = generateDemoData({ size, now });
  const entries = entriesOf(data);
  const scope = scopeOf(data);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await writeTransaction(storage, async (tx) => {
    markWritten(tx);
    const scopeCount = [...scope.values()].reduce((sum, set) => sum + set.size, 0);
    // Reserve a block of versions: rows first, then scope entries.
    const reserved = await tx.query<{ first: number }>(
      "SELECT setval('change_seq', nextval('change_seq') + $1 - 1) - $1 + 1 AS first",
      [entries.length + scopeCount],
    );
    let version = Number(reserved[0]!.first);
    for (let start = 0; start < entries.length; start += BATCH) {
      const batch = entries.slice(start, start + BATCH).map(({ entity, row }) => ({
        entity,
        id: row.id,
        customer_id: customerOfRow(entity, row),
        version: version++,
        data: row,
      }));
      await tx.query(
        `INSERT INTO entities (entity, id, customer_id, version, deleted, data)
         SELECT x->>'entity', x->>'id', x->>'customer_id', (x->>'version')::bigint, false, x->'data'
           FROM jsonb_array_elements($1::jsonb) AS x`,
        [JSON.stringify(batch)],
      );
      onProgress?.(Math.min(start + BATCH, entries.length), entries.length);
    }
    const scopeRows: { user_id: string; customer_id: string; seq: number }[] = [];
    for (const [userId, customers] of scope) for (const customerId of customers) scopeRows.push({ user_id: userId, customer_id: customerId, seq: version++ });
    for (let start = 0; start < scopeRows.length; start += BATCH) {
      await tx.query(
        `INSERT INTO user_scope (user_id, customer_id, seq)
         SELECT x->>'user_id', x->>'customer_id', (x->>'seq')::bigint FROM jsonb_array_elements($1::jsonb) AS x`,
        [JSON.stringify(scopeRows.slice(start, start + BATCH))],
      );
    }
    for (const user of data.users) {
      await tx.query('INSERT INTO credentials (user_id, username, password_hash) VALUES ($1, $2, $3)', [user.id, user.username, passwordHash]);
    }
    // Integrations can be tried at once: POST /api/v1/contacts with this key (see /api/docs).
    await seedDemoIntegrationKey(tx);
  });
  // Fresh statistics, so the planner knows the tables' real sizes.
  await storage.exec('ANALYZE entities; ANALYZE user_scope;');
  return {
    size,
    rows: entries.length,
    accounts: data.users.map((user) => ({ username: user.username, name: user.name, role: user.role })),
  };
}
