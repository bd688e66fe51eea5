/**
 * The hub's side of the mutation store: rows in the `entities` table, each
 * write stamped with a new version from `change_seq`, and the customers it
 * concerns brought into the scope of the people who now need them.
 */
import { customerOfRow, ENTITIES, parseEntityRow, type EntityName, type EntityRow } from '@core/sync/entities';
import { DomainError, type MutationStore } from '@core/sync/mutations';
import { ScriptSchema, type Script } from '@core/domain/model';
import type { Queryable } from '../storage';

/** Every transaction that writes synced rows takes this lock first (see migration 0002). */
export const WRITE_LOCK = 4870_0002;

export async function lockForWrite(tx: Queryable): Promise<void> {
  const asked = performance.now();
  await tx.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK]);
  tx.writeLockTaken?.(performance.now() - asked);
}

/** Whose desktops a write concerns: everyone (rows every desktop syncs), the people named, or nobody. */
export type Audience = '*' | ReadonlySet<string>;

interface Touched {
  everyone: boolean;
  customers: Set<string>;
  people: Set<string>;
}

/** What each open write transaction has written, so only the desktops it concerns are woken. */
const touchedBy = new WeakMap<Queryable, Touched>();

function touched(tx: Queryable): Touched {
  let found = touchedBy.get(tx);
  if (!found) touchedBy.set(tx, (found = { everyone: false, customers: new Set(), people: new Set() }));
  return found;
}

/**
 * The people whose pull would bring something this transaction wrote: those
 * holding a written customer in scope (after this transaction's scope
 * changes), those who gained a customer, or everyone for rows everyone syncs.
 * Asked inside the transaction, before it commits.
 */
export async function audienceOf(tx: Queryable): Promise<Audience> {
  const written = touchedBy.get(tx);
  if (!written) return new Set();
  if (written.everyone) return '*';
  const people = new Set(written.people);
  if (written.customers.size) {
    const holders = await tx.query<{ user_id: string }>('SELECT DISTINCT user_id FROM user_scope WHERE customer_id = ANY($1::text[])', [[...written.customers]]);
    for (const { user_id } of holders) people.add(user_id);
  }
  return people;
}

export async function nextVersion(tx: Queryable): Promise<number> {
  const rows = await tx.query<{ v: number }>("SELECT nextval('change_seq') AS v");
  return Number(rows[0]!.v);
}

/** The highest version handed out so far (0 on a new hub). */
export async function currentVersion(db: Queryable): Promise<number> {
  const rows = await db.query<{ last_value: number; is_called: boolean }>('SELECT last_value, is_called FROM change_seq');
  const row = rows[0];
  return row?.is_called ? Number(row.last_value) : 0;
}

/** Brings a customer into people's scope; the full history reaches those desktops on the next pull. */
export async function addToScope(tx: Queryable, userIds: Iterable<string>, customerId: string): Promise<void> {
  const users = [...new Set(userIds)];
  if (users.length === 0) return;
  for (const user of users) touched(tx).people.add(user);
  // Only people who do not have the customer yet draw a new scope version.
  await tx.query(
    `INSERT INTO user_scope (user_id, customer_id, seq)
     SELECT u, $2, nextval('change_seq')
       FROM unnest($1::text[]) AS u
      WHERE NOT EXISTS (SELECT 1 FROM user_scope s WHERE s.user_id = u AND s.customer_id = $2)
     ON CONFLICT (user_id, customer_id) DO NOTHING`,
    [users, customerId],
  );
}

export async function teamMembers(tx: Queryable, teamId: string): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    "SELECT id FROM entities WHERE entity = 'user' AND NOT deleted AND data->'teamIds' @> jsonb_build_array($1::text)",
    [teamId],
  );
  return rows.map((row) => row.id);
}

/** Supervisors and admins who share a team with a person. */
export async function supervisorsOf(tx: Queryable, userId: string): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `SELECT s.id FROM entities s, entities u
      WHERE u.entity = 'user' AND u.id = $1 AND NOT u.deleted
        AND s.entity = 'user' AND NOT s.deleted AND s.id <> u.id
        AND s.data->>'role' IN ('supervisor', 'admin')
        AND EXISTS (SELECT 1 FROM jsonb_array_elements_text(u.data->'teamIds') t WHERE s.data->'teamIds' @> jsonb_build_array(t))`,
    [userId],
  );
  return rows.map((row) => row.id);
}

/**
 * Writes a row with a new version. Every row is validated first: a row the
 * desktops could not read would stop every pull that reaches it.
 */
export async function putRow<E extends EntityName>(tx: Queryable, entity: E, input: EntityRow<E>): Promise<number> {
  const checked = ENTITIES[entity].schema.safeParse(input);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new DomainError('invalid', `Invalid ${entity}: ${issue ? `${issue.path.join('.')} ${issue.message}` : 'unreadable'}`);
  }
  const row = checked.data as EntityRow<E>;
  const customerId = customerOfRow(entity, row);
  if (customerId) touched(tx).customers.add(customerId);
  else touched(tx).everyone = true;
  const version = await nextVersion(tx);
  await tx.query(
    `INSERT INTO entities (entity, id, customer_id, version, deleted, data) VALUES ($1, $2, $3, $4, false, $5)
     ON CONFLICT (entity, id) DO UPDATE SET customer_id = EXCLUDED.customer_id, version = EXCLUDED.version, deleted = false, data = EXCLUDED.data`,
    [entity, row.id, customerId, version, JSON.stringify(row)],
  );
  return version;
}

export async function getRow<E extends EntityName>(db: Queryable, entity: E, id: string, forUpdate = false): Promise<EntityRow<E> | undefined> {
  const rows = await db.query<{ data: unknown }>(
    `SELECT data FROM entities WHERE entity = $1 AND id = $2 AND NOT deleted${forUpdate ? ' FOR UPDATE' : ''}`,
    [entity, id],
  );
  return rows[0] ? parseEntityRow(entity, rows[0].data) : undefined;
}

/** Who needs a customer's history once this row is written. */
async function scopeFor<E extends EntityName>(tx: Queryable, entity: E, row: EntityRow<E>): Promise<string[]> {
  switch (entity) {
    case 'queueItem': {
      const item = row as EntityRow<'queueItem'>;
      const queue = await getRow(tx, 'queue', item.queueId);
      const members = queue ? await teamMembers(tx, queue.teamId) : [];
      return item.assigneeId ? [...members, item.assigneeId] : members;
    }
    case 'contact': {
      const contact = row as EntityRow<'contact'>;
      return contact.agentId ? [contact.agentId] : [];
    }
    case 'followUp': {
      // The owner does it; the supervisors of the owner's teams oversee and reassign it.
      const ownerId = (row as EntityRow<'followUp'>).ownerId;
      return [ownerId, ...(await supervisorsOf(tx, ownerId))];
    }
    default:
      return [];
  }
}

/** Writes a row and widens scope as the row requires. */
export async function writeRow<E extends EntityName>(tx: Queryable, entity: E, row: EntityRow<E>): Promise<number> {
  const version = await putRow(tx, entity, row);
  const customerId = customerOfRow(entity, row);
  if (customerId) {
    const users = await scopeFor(tx, entity, row);
    if (users.length) await addToScope(tx, users, customerId);
  }
  return version;
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
