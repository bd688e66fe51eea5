/**
 * The hub's side of the mutation store: rows in the `entities` table, each
 * write stamped with a new version from `change_seq`, and the scope keys it
 * concerns (customers, people's presence) brought into the scope of the
 * people who now need them.
 */
import { customerOfRow, ENTITIES, isPersonScopeKey, parseEntityRow, personScopeKey, type EntityName, type EntityRow } from '@core/sync/entities';
import { DomainError, type MutationStore } from '@core/sync/mutations';
import { ScriptSchema, type Role, type Script } from '@core/domain/model';
import type { Queryable, Storage } from '../storage';
import { announce } from './announce';

/** Every transaction that writes synced rows takes this lock first (see migration 0002). */
export const WRITE_LOCK = 4870_0002;

async function lockForWrite(tx: Queryable): Promise<void> {
  const asked = performance.now();
  await tx.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
  tx.writeLockTaken?.(performance.now() - asked);
}

/** Open write transactions that have written synced rows (only they are announced). */
const wrote = new WeakSet<Queryable>();

/** Records that this transaction wrote synced rows or scope (rows written with SQL of their own say so here). */
export function markWritten(tx: Queryable): void {
  wrote.add(tx);
}

/**
 * Runs `fn` as a write: in one transaction, holding the write lock, and
 * announcing what it wrote before it commits (announce.ts), so every hub
 * process hears every write in version order. Every write to synced rows
 * goes through here.
 */
export async function writeTransaction<T>(storage: Storage, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return (await announcedWrite(storage, fn)).result;
}

/** writeTransaction, also answering the version its announcement ended at (null when it wrote nothing). */
export function announcedWrite<T>(storage: Storage, fn: (tx: Queryable) => Promise<T>): Promise<{ result: T; head: number | null }> {
  return storage.transaction(async (tx) => {
    await lockForWrite(tx);
    const result = await fn(tx);
    return { result, head: wrote.has(tx) ? await announce(tx) : null };
  });
}

/** The highest version handed out so far (0 on a new hub). */
export async function currentVersion(db: Queryable): Promise<number> {
  const rows = await db.query<{ last_value: number; is_called: boolean }>('SELECT last_value, is_called FROM change_seq');
  const row = rows[0];
  return row?.is_called ? Number(row.last_value) : 0;
}

/** Who gains which scope key: [person, key]. */
export type ScopeGrant = readonly [userId: string, key: string];

/**
 * Brings scope keys (customers, people's presence) into people's scope, in one
 * statement; each key's whole history reaches those desktops on the next pull.
 */
export async function grantScope(tx: Queryable, grants: readonly ScopeGrant[]): Promise<void> {
  const unique = [...new Map(grants.map((grant) => [JSON.stringify(grant), grant])).values()];
  if (unique.length === 0) return;
  markWritten(tx);
  // Only pairs not held yet draw a new scope version.
  await tx.query(
    `INSERT INTO user_scope (user_id, customer_id, seq)
     SELECT g.u, g.k, nextval('change_seq')
       FROM unnest($1::text[], $2::text[]) AS g (u, k)
      WHERE NOT EXISTS (SELECT 1 FROM user_scope s WHERE s.user_id = g.u AND s.customer_id = g.k)
     ON CONFLICT (user_id, customer_id) DO NOTHING`,
    [unique.map((grant) => grant[0]), unique.map((grant) => grant[1])],
  );
}

/** Brings a customer into people's scope; the full history reaches those desktops on the next pull. */
export async function addToScope(tx: Queryable, userIds: Iterable<string>, customerId: string): Promise<void> {
  await grantScope(tx, [...userIds].map((user) => [user, customerId] as const));
}

export async function teamMembers(tx: Queryable, teamId: string): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    "SELECT id FROM entities WHERE entity = 'user' AND NOT deleted AND data->'teamIds' @> jsonb_build_array($1::text)",
    [teamId],
  );
  return rows.map((row) => row.id);
}

const supervises = (role: Role) => role === 'supervisor' || role === 'admin';

/** Everyone who shares a team with a person (not the person), with their roles. */
async function teammatesOf(tx: Queryable, userId: string): Promise<{ id: string; role: Role }[]> {
  // One containment test per team of theirs, each answered by the team index (migration 0008).
  return tx.query<{ id: string; role: Role }>(
    `SELECT DISTINCT s.id, s.data->>'role' AS role
       FROM entities u CROSS JOIN LATERAL jsonb_array_elements_text(u.data->'teamIds') AS t (team)
       JOIN entities s ON s.entity = 'user' AND s.data->'teamIds' @> jsonb_build_array(t.team) AND NOT s.deleted AND s.id <> u.id
      WHERE u.entity = 'user' AND u.id = $1 AND NOT u.deleted`,
    [userId],
  );
}

/** Supervisors and admins who share a team with a person. */
export async function supervisorsOf(tx: Queryable, userId: string): Promise<string[]> {
  return (await teammatesOf(tx, userId)).filter((mate) => supervises(mate.role)).map((mate) => mate.id);
}

/**
 * Writes a row with a new version. Every row is validated first: a row the
 * desktops could not read would stop every pull that reaches it.
 */
export async function putRow<E extends EntityName>(tx: Queryable, entity: E, input: EntityRow<E>): Promise<number> {
  const [version] = await putRows(tx, entity, [input]);
  return version!;
}

/** Writes rows of one entity with new versions, in one statement; answers their versions in order. */
export async function putRows<E extends EntityName>(tx: Queryable, entity: E, inputs: readonly EntityRow<E>[]): Promise<number[]> {
  if (inputs.length === 0) return [];
  const rows = inputs.map((input) => {
    const checked = ENTITIES[entity].schema.safeParse(input);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw new DomainError('invalid', `Invalid ${entity}: ${issue ? `${issue.path.join('.')} ${issue.message}` : 'unreadable'}`);
    }
    const row = checked.data as EntityRow<E>;
    const customerId = customerOfRow(entity, row);
    // A customer id that looked like a person's key would share that person's scope.
    if (customerId && entity !== 'presence' && isPersonScopeKey(customerId)) throw new DomainError('invalid', `Invalid ${entity}: a customer id cannot start with “person:”.`);
    return { id: row.id, customer_id: customerId, data: row };
  });
  markWritten(tx);
  const written = await tx.query<{ id: string; version: number }>(
    `INSERT INTO entities (entity, id, customer_id, version, deleted, data)
     SELECT $1, r.id, r.customer_id, nextval('change_seq'), false, r.data FROM jsonb_to_recordset($2::jsonb) AS r (id text, customer_id text, data jsonb)
     ON CONFLICT (entity, id) DO UPDATE SET customer_id = EXCLUDED.customer_id, version = EXCLUDED.version, deleted = false, data = EXCLUDED.data
     RETURNING id, version`,
    [entity, JSON.stringify(rows)],
  );
  const versions = new Map(written.map((row) => [row.id, Number(row.version)]));
  return rows.map((row) => versions.get(row.id)!);
}

export async function getRow<E extends EntityName>(db: Queryable, entity: E, id: string, forUpdate = false): Promise<EntityRow<E> | undefined> {
  const rows = await db.query<{ data: unknown }>(
    `SELECT data FROM entities WHERE entity = $1 AND id = $2 AND NOT deleted${forUpdate ? ' FOR UPDATE' : ''}`,
    [entity, id],
  );
  return rows[0] ? parseEntityRow(entity, rows[0].data) : undefined;
}

/**
 * Who needs which scope key once this row is written (read after the row is: a person's new teams count).
 * `members` remembers each queue's team members across the rows of one write.
 */
async function scopeFor<E extends EntityName>(tx: Queryable, entity: E, row: EntityRow<E>, members = new Map<string, Promise<string[]>>()): Promise<ScopeGrant[]> {
  const to = (users: readonly string[], key: string) => users.map((user) => [user, key] as const);
  switch (entity) {
    case 'queueItem': {
      const item = row as EntityRow<'queueItem'>;
      let team = members.get(item.queueId);
      if (!team) {
        members.set(item.queueId, (team = getRow(tx, 'queue', item.queueId).then((queue) => (queue ? teamMembers(tx, queue.teamId) : []))));
      }
      const people = await team;
      return to(item.assigneeId ? [...people, item.assigneeId] : people, item.customerId);
    }
    case 'contact': {
      const contact = row as EntityRow<'contact'>;
      return contact.agentId ? to([contact.agentId], contact.customerId) : [];
    }
    case 'followUp': {
      // The owner does it; the supervisors of the owner's teams oversee and reassign it.
      const { ownerId, customerId } = row as EntityRow<'followUp'>;
      return to([ownerId, ...(await supervisorsOf(tx, ownerId))], customerId);
    }
    case 'presence': {
      // For its owner and the supervisors and admins who share a team with them.
      const { id } = row as EntityRow<'presence'>;
      return to([id, ...(await supervisorsOf(tx, id))], personScopeKey(id));
    }
    case 'user': {
      // A person holds their own key and their teams' supervisors hold it; a supervisor or admin holds their teams' members' keys.
      const user = row as EntityRow<'user'>;
      const mates = await teammatesOf(tx, user.id);
      const grants = to([user.id, ...mates.filter((mate) => supervises(mate.role)).map((mate) => mate.id)], personScopeKey(user.id));
      if (supervises(user.role)) for (const mate of mates) grants.push([user.id, personScopeKey(mate.id)]);
      return grants;
    }
    default:
      return [];
  }
}

/** Writes a row and widens scope as the row requires. */
export async function writeRow<E extends EntityName>(tx: Queryable, entity: E, row: EntityRow<E>): Promise<number> {
  const version = await putRow(tx, entity, row);
  await grantScope(tx, await scopeFor(tx, entity, row));
  return version;
}

/** Writes rows of one entity and widens scope as they require: one statement for the rows, one for the scope, one lookup per queue's team. */
export async function writeRows<E extends EntityName>(tx: Queryable, entity: E, rows: readonly EntityRow<E>[]): Promise<void> {
  await putRows(tx, entity, rows);
  const members = new Map<string, Promise<string[]>>();
  const grants: ScopeGrant[] = [];
  // One at a time: a transaction's connection runs one query at a time.
  for (const row of rows) grants.push(...(await scopeFor(tx, entity, row, members)));
  await grantScope(tx, grants);
}

/** The mutation store for one hub transaction (which must hold the write lock). */
export function hubStore(tx: Queryable): MutationStore {
  return {
    get: (entity, id) => getRow(tx, entity, id, true),
    put: async (entity, row) => {
      await writeRow(tx, entity, row);
    },
    async scriptVersions(scriptId): Promise<Script[]> {
      const rows = await tx.query<{ data: unknown }>(
        "SELECT data FROM entities WHERE entity = 'script' AND NOT deleted AND data->>'scriptId' = $1",
        [scriptId],
      );
      return rows.map((row) => ScriptSchema.parse(row.data));
    },
    async usernameHolder(username): Promise<string | null> {
      // A person's row, or sign-in credentials under that name (they share one name space).
      const rows = await tx.query<{ id: string }>(
        "SELECT id FROM entities WHERE entity = 'user' AND NOT deleted AND data->>'username' = $1 UNION ALL SELECT user_id AS id FROM credentials WHERE username = $1 LIMIT 1",
        [username],
      );
      return rows[0]?.id ?? null;
    },
  };
}

/** Whether the hub has no synced rows yet. */
export async function isEmptyHub(db: Queryable): Promise<boolean> {
  const rows = await db.query<{ n: number }>('SELECT count(*) AS n FROM (SELECT 1 FROM entities LIMIT 1) t');
  return Number(rows[0]?.n ?? 0) === 0;
}
