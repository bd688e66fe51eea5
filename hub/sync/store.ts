/**
 * The hub's side of the mutation store: rows in the `entities` table, each
 * write stamped with a new version from `change_seq`, and the scope keys it
 * concerns (customers, people's presence) brought into the scope of the
 * people who now need them.
 */
import { customerOfRow, ENTITIES, inboxScopeKey, isPersonScopeKey, parseEntityRow, PERSONAL_ENTITIES, personScopeKey, type EntityName, type EntityRow } from '@core/sync/entities';
import { DomainError, REFERENCE_ENTITIES, type CustomerRows, type MutationStore } from '@core/sync/mutations';
import { ScriptSchema, type Role, type Script } from '@core/domain/model';
import { problemSentence } from '@core/domain/problems';
import { REJECTIONS } from '@core/sync/mutations/rejections';
import type { Queryable, Storage } from '../storage';
import { finishWrite } from './announce';

/**
 * Versions are handed out in commit order: a writer takes this lock, gives its
 * rows their final versions, announces them and commits, so a pull that reads
 * up to the head never misses a row committed late (see migration 0002).
 */
export const WRITE_LOCK = 4870_0002;
/**
 * Taken shared by side-by-side writers for their whole transaction, and
 * exclusively by serial ones: a serial writer sees no other write in progress.
 */
export const SERIAL_LOCK = 4870_0003;
/** The first half of the two-number keys of per-key locks (`lockKeys`). */
const KEY_LOCK_SPACE = 4870;

/**
 * How a write is kept apart from the others.
 * - `serial`: alone (no other write in progress) from its first statement:
 *   for writes whose rules read more than the rows they lock (the directory,
 *   scripts, offer passes, imports).
 * - `rows`: side by side with other `rows` writes, each locking the rows it
 *   reads (hubStore's get) and any keys it looks up by (`lockKeys`). Its rows
 *   get their final versions at the end, under the write lock held only for
 *   that, the announcement and the commit.
 */
export type WriteMode = 'serial' | 'rows';

/** What an open write transaction has written: its mode, and the provisional versions `rows` writes restamp at the end. */
interface Written {
  mode: WriteMode;
  wrote: boolean;
  versions: number[];
  seqs: number[];
}

const openWrites = new WeakMap<Queryable, Written>();

function writtenBy(tx: Queryable): Written {
  const written = openWrites.get(tx);
  if (!written) throw new Error('Synced rows are written only inside writeTransaction');
  return written;
}

/** Records that this transaction wrote synced rows or scope (rows written with SQL of their own say so here; serial writes only). */
export function markWritten(tx: Queryable): void {
  const written = writtenBy(tx);
  if (written.mode !== 'serial') throw new Error('Only serial writes may write rows with SQL of their own');
  written.wrote = true;
}

/** Whether this transaction runs alone (serial) or side by side (rows). */
export function writeModeOf(tx: Queryable): WriteMode {
  return writtenBy(tx).mode;
}

/**
 * Locks keys a `rows` write looks things up by (an external id, a phone
 * number) until it commits, so two writes looking up the same key run one
 * after the other. Keys are locked in one order, so two writes never wait
 * for each other's keys. A serial write needs none.
 */
export async function lockKeys(tx: Queryable, keys: Iterable<string>): Promise<void> {
  if (writtenBy(tx).mode === 'serial') return;
  const sorted = [...new Set(keys)].sort();
  if (sorted.length === 0) return;
  await tx.query('SELECT pg_advisory_xact_lock($1, hashtext(k)) FROM unnest($2::text[]) WITH ORDINALITY AS u (k, n) ORDER BY n', [KEY_LOCK_SPACE, sorted]);
}

/**
 * Runs `fn` as a write: in one transaction, kept apart from other writes as
 * `mode` says, and announcing what it wrote before it commits (announce.ts),
 * so every hub process hears every write in version order. Every write to
 * synced rows goes through here.
 */
export async function writeTransaction<T>(storage: Storage, fn: (tx: Queryable) => Promise<T>, mode: WriteMode = 'serial'): Promise<T> {
  return (await announcedWrite(storage, fn, mode)).result;
}

/** How often a write that lost to another write is run again before its caller hears of it. */
const WRITE_ATTEMPTS = 3;
/**
 * How long a rows write waits for a row or key another write holds. Two rows
 * writes that lock rows in opposite orders would otherwise wait for
 * PostgreSQL's deadlock check (a second); past this, the write is run again
 * alone, which cannot wait on another write's rows.
 */
export const ROW_LOCK_TIMEOUT = '150ms';

/** A deadlock, a serialization failure, or (in a rows write) a row lock not granted in time. */
function lostToAnotherWrite(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001' || code === '55P03';
}

/** writeTransaction, also answering the version its announcement ended at (null when it wrote nothing). */
export async function announcedWrite<T>(storage: Storage, fn: (tx: Queryable) => Promise<T>, requested: WriteMode = 'serial'): Promise<{ result: T; head: number | null }> {
  // PGlite runs one transaction at a time: side by side gains nothing there, and restamping would write every row twice.
  let mode: WriteMode = storage.kind === 'pglite' ? 'serial' : requested;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await storage.transaction(async (tx) => {
        const written: Written = { mode, wrote: false, versions: [], seqs: [] };
        openWrites.set(tx, written);
        if (mode === 'serial') {
          const asked = performance.now();
          await tx.query('SELECT pg_advisory_xact_lock($1), pg_advisory_xact_lock($2)', [SERIAL_LOCK, WRITE_LOCK]);
          tx.writeLockTaken?.(performance.now() - asked);
        } else {
          // Waits for a serial write in progress without a limit; then for rows and keys only as long as ROW_LOCK_TIMEOUT.
          await tx.query("SELECT pg_advisory_xact_lock_shared($1), set_config('lock_timeout', $2, true)", [SERIAL_LOCK, ROW_LOCK_TIMEOUT]);
        }
        const result = await fn(tx);
        if (!written.wrote) return { result, head: null };
        // A rows write takes the write lock only now, for its final versions, its announcement and its commit.
        const finished = await finishWrite(tx, mode === 'rows' ? WRITE_LOCK : null, mode === 'rows' ? written.versions : [], mode === 'rows' ? written.seqs : []);
        if (mode === 'rows') tx.writeLockTaken?.(finished.waitedMs, finished.heldMs);
        return { result, head: finished.head };
      });
    } catch (error) {
      if (attempt >= WRITE_ATTEMPTS || !lostToAnotherWrite(error)) throw error;
      // Run again alone: no other write's rows to wait for.
      mode = 'serial';
    }
  }
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
  const written = writtenBy(tx);
  written.wrote = true;
  // Only pairs not held yet draw a new scope version.
  const added = await tx.query<{ seq: string }>(
    `INSERT INTO user_scope (user_id, customer_id, seq)
     SELECT g.u, g.k, nextval('change_seq')
       FROM unnest($1::text[], $2::text[]) AS g (u, k)
      WHERE NOT EXISTS (SELECT 1 FROM user_scope s WHERE s.user_id = g.u AND s.customer_id = g.k)
     ON CONFLICT (user_id, customer_id) DO NOTHING
     RETURNING seq`,
    [unique.map((grant) => grant[0]), unique.map((grant) => grant[1])],
  );
  for (const row of added) written.seqs.push(Number(row.seq));
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

/** The members of each queue's team, by queue id. */
async function queueTeams(tx: Queryable, queueIds: readonly string[]): Promise<Map<string, string[]>> {
  const rows = await tx.query<{ queue_id: string; user_id: string }>(
    `SELECT q.id AS queue_id, u.id AS user_id
       FROM entities q JOIN entities u ON u.entity = 'user' AND NOT u.deleted AND u.data->'teamIds' @> jsonb_build_array(q.data->>'teamId')
      WHERE q.entity = 'queue' AND q.id = ANY($1::text[]) AND NOT q.deleted`,
    [queueIds],
  );
  const teams = new Map<string, string[]>();
  for (const row of rows) teams.set(row.queue_id, [...(teams.get(row.queue_id) ?? []), row.user_id]);
  return teams;
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

/**
 * Writes rows of one entity with new versions, in one statement; answers their
 * versions in order (in a `rows` write, provisional: they are restamped at commit).
 */
export async function putRows<E extends EntityName>(tx: Queryable, entity: E, inputs: readonly EntityRow<E>[]): Promise<number[]> {
  if (inputs.length === 0) return [];
  const rows = inputs.map((input) => {
    const checked = ENTITIES[entity].schema.safeParse(input);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw new DomainError('invalid', REJECTIONS.rowInvalid, { entity, problem: issue ? problemSentence(issue) : 'unreadable' });
    }
    const row = checked.data as EntityRow<E>;
    const customerId = customerOfRow(entity, row);
    // A customer id that looked like a person's key would share that person's scope.
    if (customerId && !PERSONAL_ENTITIES.has(entity) && isPersonScopeKey(customerId)) throw new DomainError('invalid', REJECTIONS.rowPersonKey, { entity });
    return { id: row.id, customer_id: customerId, data: row };
  });
  const written = writtenBy(tx);
  if (written.mode === 'rows' && REFERENCE_ENTITIES.has(entity)) throw new Error(`A ${entity} row is written only by a serial write`);
  written.wrote = true;
  const returned = await tx.query<{ id: string; version: number }>(
    `INSERT INTO entities (entity, id, customer_id, version, deleted, data)
     SELECT $1, r.id, r.customer_id, nextval('change_seq'), false, r.data FROM jsonb_to_recordset($2::jsonb) AS r (id text, customer_id text, data jsonb)
     ON CONFLICT (entity, id) DO UPDATE SET customer_id = EXCLUDED.customer_id, version = EXCLUDED.version, deleted = false, data = EXCLUDED.data
     RETURNING id, version`,
    [entity, JSON.stringify(rows)],
  );
  const versions = new Map(returned.map((row) => [row.id, Number(row.version)]));
  for (const version of versions.values()) written.versions.push(version);
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
    case 'notification': {
      // For the person alone; one about a customer lets them open that customer (a colleague asked in from another team).
      const { userId, customerId } = row as EntityRow<'notification'>;
      return customerId ? [...to([userId], inboxScopeKey(userId)), ...to([userId], customerId)] : to([userId], inboxScopeKey(userId));
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
  if (entity === 'queueItem') {
    // Every queue's team in one round trip (an offer pass writes items of many queues).
    const queueIds = [...new Set((rows as readonly EntityRow<'queueItem'>[]).map((item) => item.queueId))];
    const found = queueTeams(tx, queueIds);
    for (const queueId of queueIds) members.set(queueId, found.then((teams) => teams.get(queueId) ?? []));
  }
  const grants: ScopeGrant[] = [];
  // One at a time: a transaction's connection runs one query at a time.
  for (const row of rows) grants.push(...(await scopeFor(tx, entity, row, members)));
  await grantScope(tx, grants);
}

/**
 * The mutation store for one hub write transaction. In a `rows` write the rows
 * a rule reads are locked until commit, except the reference rows only serial
 * writes change (which none can be doing meanwhile).
 */
export function hubStore(tx: Queryable): MutationStore {
  const mode = writeModeOf(tx);
  return {
    get: (entity, id) => getRow(tx, entity, id, mode === 'rows' && !REFERENCE_ENTITIES.has(entity)),
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
    async shareScope(fromCustomerId, toCustomerId) {
      const holders = await tx.query<{ user_id: string }>('SELECT user_id FROM user_scope WHERE customer_id = $1', [fromCustomerId]);
      await addToScope(tx, holders.map((row) => row.user_id), toCustomerId);
    },
    async customerRows(customerId) {
      const rows = await tx.query<{ entity: 'contact' | 'followUp' | 'survey' | 'queueItem'; data: unknown }>(
        "SELECT entity, data FROM entities WHERE customer_id = $1 AND entity IN ('contact', 'followUp', 'survey', 'queueItem') AND NOT deleted",
        [customerId],
      );
      const found: CustomerRows = { contact: [], followUp: [], survey: [], queueItem: [] };
      for (const row of rows) (found[row.entity] as unknown[]).push(parseEntityRow(row.entity, row.data));
      return found;
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

/** A stored rejection's message id and values, as the protocol carries them (absent for rejections logged before they were kept). */
export function storedMessage(row: { message_id: string | null; message_values: Record<string, string | number> | null }): { messageId?: string; values?: Record<string, string | number> } {
  return { ...(row.message_id ? { messageId: row.message_id } : {}), ...(row.message_values ? { values: row.message_values } : {}) };
}
