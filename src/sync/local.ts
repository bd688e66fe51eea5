/**
 * The desktop side of a mutation: applied to the local cache at once
 * (optimistically) together with its outbox row, and re-applied on top of the
 * hub's rows on every rebase until the hub has taken it.
 */
import type { Table } from 'dexie';
import { ZodError } from 'zod';
import { type DraftDrop, dropDrafts } from '../db/drafts';
import { describeProblems, fieldProblems, type FieldProblem } from '../domain/problems';
import type { Message } from '../i18n/messages';
import { type AgentDeskDb, META, type LocalRow, type RejectionRow, type ShadowRow } from '../db/schema';
import { ENTITIES, type EntityName, type EntityRow } from './entities';
import {
  DomainError,
  isMutationName,
  MUTATION_ENTITIES,
  parseMutationArgs,
  runMutator,
  type Actor,
  type MutationInput,
  type MutationName,
  type MutationStore,
} from './mutations';
import type { Change, Rejection } from './protocol';

/**
 * What a committed write changed in the local cache: the rows touched, by
 * entity, or the whole cache reset. Views that keep their own derived state
 * (the dashboard's aggregates) re-read only these rows.
 */
export interface LocalChanges {
  reset: boolean;
  touched: Partial<Record<EntityName, string[]>>;
}

type ChangeListener = (changes: LocalChanges) => void;
const changeListeners = new Set<ChangeListener>();

/** Called after every committed local write (mutations, pulled pages, resets) in this context. */
export function onLocalChanges(listener: ChangeListener): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

/** Collects the rows a transaction touches, told to the listeners once it has committed. */
export class ChangeCollector {
  private readonly touched = new Map<EntityName, Set<string>>();
  reset = false;
  add(entity: EntityName, id: string): void {
    let ids = this.touched.get(entity);
    if (!ids) this.touched.set(entity, (ids = new Set()));
    ids.add(id);
  }
  emit(): void {
    if (changeListeners.size === 0 || (!this.reset && this.touched.size === 0)) return;
    const changes: LocalChanges = { reset: this.reset, touched: Object.fromEntries([...this.touched].map(([entity, ids]) => [entity, [...ids]])) };
    for (const listener of changeListeners) {
      try {
        listener(changes);
      } catch {
        // A listener's failure is its own; the write has committed.
      }
    }
  }
}

/** The tables a mutation may touch, plus the sync bookkeeping. */
function writeTables(db: AgentDeskDb): Table[] {
  return [...db.entityTables(), db.outbox, db.shadow, db.meta, db.rejections];
}

function stripVersion<E extends EntityName>(row: LocalRow<E>): EntityRow<E> {
  const { _v: _version, ...rest } = row;
  return rest as unknown as EntityRow<E>;
}

/** A mutation store over the local cache that remembers the hub's copy of every row it changes. */
function localStore(db: AgentDeskDb, changes?: ChangeCollector): MutationStore {
  return {
    async get(entity, id) {
      const row = await db.entityTable(entity).get(id);
      return row ? stripVersion(row) : undefined;
    },
    async put(entity, row) {
      const table = db.entityTable(entity);
      const current = await table.get(row.id);
      const key: [string, string] = [entity, row.id];
      if (!(await db.shadow.get(key))) {
        const shadow: ShadowRow = { entity, id: row.id, base: (current as ShadowRow['base']) ?? null };
        await db.shadow.put(shadow);
      }
      await table.put({ ...row, _v: current?._v ?? 0 });
      changes?.add(entity, row.id);
    },
    async scriptVersions(scriptId) {
      const rows = await db.scripts.where('scriptId').equals(scriptId).toArray();
      return rows.map(stripVersion);
    },
    async usernameHolder(username) {
      const row = await db.users.where('username').equals(username).first();
      return row?.id ?? null;
    },
    async shareScope() {
      // The hub keeps who holds what.
    },
    async customerRows(customerId) {
      const [contact, followUp, survey, queueItem] = await Promise.all([
        db.contacts.where('[customerId+at]').between([customerId, -Infinity], [customerId, Infinity]).toArray(),
        db.followUps.where('customerId').equals(customerId).toArray(),
        db.surveys.where('customerId').equals(customerId).toArray(),
        db.queueItems.where('customerId').equals(customerId).toArray(),
      ]);
      return { contact: contact.map(stripVersion), followUp: followUp.map(stripVersion), survey: survey.map(stripVersion), queueItem: queueItem.map(stripVersion) };
    },
  };
}

/** Thrown when a change cannot even be attempted: bad arguments, or refused by the rules on this desktop. */
export class MutationRefused extends Error {
  constructor(
    message: string,
    readonly code: string,
    /** For invalid arguments: each problem with the field it belongs to, for forms to show under that field. */
    readonly problems: readonly FieldProblem[] = [],
    /** The refusal as a message, to say it in the agent's language (formatRefusal); absent for an unexpected failure. */
    readonly said?: Message,
  ) {
    super(message);
    this.name = 'MutationRefused';
  }
}

/**
 * Applies a change locally and queues it for the hub, in one transaction.
 * Returns its mutation id. Throws MutationRefused when the arguments are
 * invalid or the rules refuse it here; nothing is written then. Drafts the
 * change makes obsolete (`drafts`) are dropped in the same transaction.
 */
export async function mutate<N extends MutationName>(
  db: AgentDeskDb,
  actor: Actor,
  name: N,
  input: MutationInput<N>,
  at: number = Date.now(),
  options: { drafts?: DraftDrop } = {},
): Promise<number> {
  let args;
  try {
    args = parseMutationArgs(name, input);
  } catch (error) {
    if (!(error instanceof ZodError)) throw new MutationRefused(String(error), 'invalid');
    const problems = fieldProblems(error);
    const first = problems[0];
    throw new MutationRefused(describeProblems(error), 'invalid', problems, first && { descriptor: first.descriptor, values: first.values });
  }
  try {
    const { drafts } = options;
    const tables = [...MUTATION_ENTITIES[name].map((entity) => db.entityTable(entity)), db.outbox, db.shadow, db.meta, ...(drafts ? [db.drafts] : [])];
    const changes = new ChangeCollector();
    const id = await db.transaction('rw', tables, async () => {
      const id = (await db.getMeta<number>(META.nextMutationId)) ?? 1;
      await runMutator({ store: localStore(db, changes), actor, now: at, madeAt: at, authoritative: false }, name, args);
      await db.outbox.add({ id, name, args, at });
      await db.setMeta(META.nextMutationId, id + 1);
      if (drafts) await dropDrafts(db, drafts);
      return id;
    });
    changes.emit();
    return id;
  } catch (error) {
    if (error instanceof DomainError) throw new MutationRefused(error.message, error.code, [], { descriptor: error.descriptor, values: error.values });
    throw error;
  }
}

/** A rejection's message as a desktop keeps it: the English, and the id and values when the hub sent them. */
export function rejectionMessage(rejection: Pick<Rejection, 'message' | 'messageId' | 'values'>): Pick<RejectionRow, 'message' | 'messageId' | 'values'> {
  return {
    message: rejection.message,
    ...(rejection.messageId ? { messageId: rejection.messageId } : {}),
    ...(rejection.values ? { values: rejection.values } : {}),
  };
}

/**
 * True once a first page from the hub has been written here: the essentials
 * on a new device (the engine writes them before the full pull, and the hub
 * id with them), or a full pull on an earlier day. A screen whose rows and
 * readiness must agree reads this in the same live query as its rows.
 */
export async function essentialsLocal(db: AgentDeskDb): Promise<boolean> {
  const [hubId, bootstrapped] = await Promise.all([db.getMeta<string>(META.hubId), db.getMeta<boolean>(META.bootstrapped)]);
  return hubId !== undefined || bootstrapped === true;
}

/** A pull page, validated and ready to apply. */
export interface PulledPage {
  hubId: string;
  cursor: number;
  /** The hub's compaction floor (kept from the first page after starting from scratch). */
  floor?: number;
  lastMutationId: number;
  changes: readonly Change[];
  rejected: readonly Rejection[];
}

/** Validates pulled rows against their schemas (outside any transaction: it is CPU work). */
export function prepareChanges(changes: readonly Change[]): { puts: Map<EntityName, LocalRow<EntityName>[]>; deletes: Map<EntityName, string[]> } {
  const puts = new Map<EntityName, LocalRow<EntityName>[]>();
  const deletes = new Map<EntityName, string[]>();
  for (const change of changes) {
    if (change.op === 'put') {
      const row = ENTITIES[change.entity].schema.parse(change.row) as EntityRow<EntityName>;
      if (row.id !== change.id) throw new Error(`A pulled ${change.entity} row has id ${row.id} but was sent as ${change.id}`);
      let list = puts.get(change.entity);
      if (!list) puts.set(change.entity, (list = []));
      list.push({ ...row, _v: change.version });
    } else {
      let list = deletes.get(change.entity);
      if (!list) deletes.set(change.entity, (list = []));
      list.push(change.id);
    }
  }
  return { puts, deletes };
}

export interface RebaseResult {
  /** Mutations the hub took in this page (dropped from the outbox). */
  acknowledged: number;
  /** Rejections recorded for the agent to see. */
  rejected: number;
  /** Pending mutations re-applied on top. */
  replayed: number;
}

/**
 * Applies a pull page in one transaction: the hub's copies of locally changed
 * rows are restored, the pulled rows written, the cursor moved, mutations the
 * hub has taken dropped from the outbox (rejections kept for the agent), and
 * the still-pending mutations re-applied on top.
 */
export async function applyPulledPage(db: AgentDeskDb, actor: Actor, page: PulledPage, now: number = Date.now()): Promise<RebaseResult> {
  const { puts, deletes } = prepareChanges(page.changes);
  const changes = new ChangeCollector();
  for (const [entity, rows] of puts) for (const row of rows) changes.add(entity, row.id);
  for (const [entity, ids] of deletes) for (const id of ids) changes.add(entity, id);
  const result = await db.transaction('rw', writeTables(db), async () => {
    // 1. Back to the hub's state: undo every optimistic write.
    const shadows = await db.shadow.toArray();
    for (const shadow of shadows) {
      changes.add(shadow.entity, shadow.id);
      const table = db.entityTable(shadow.entity);
      if (shadow.base) await table.put(shadow.base as LocalRow<EntityName>);
      else await table.delete(shadow.id);
    }
    if (shadows.length) await db.shadow.clear();

    // 2. The hub's new rows.
    // Whole pages: Dexie then tells other threads "this table changed" rather than every key and index value
    // (tracking those costs the workstation's main thread far more than the re-reads they spare).
    for (const [entity, rows] of puts) await db.entityTable(entity).bulkPut(rows);
    for (const [entity, ids] of deletes) await db.entityTable(entity).bulkDelete(ids);

    // 3. Bookkeeping: cursor, hub, what the hub has taken.
    await db.setMeta(META.cursor, page.cursor);
    // Written only when it changes: views that wait for the first rows read it, and would re-read after every page.
    if ((await db.getMeta<string>(META.hubId)) !== page.hubId) await db.setMeta(META.hubId, page.hubId);
    if (page.floor !== undefined && (await db.getMeta<number>(META.floor)) === undefined) await db.setMeta(META.floor, page.floor);
    const pushedThrough = (await db.getMeta<number>(META.pushedThrough)) ?? 0;
    if (page.lastMutationId > pushedThrough) await db.setMeta(META.pushedThrough, page.lastMutationId);

    const taken = await db.outbox.where('id').belowOrEqual(page.lastMutationId).toArray();
    const rejectedById = new Map(page.rejected.map((rejection) => [rejection.id, rejection]));
    const rejections: RejectionRow[] = [];
    for (const mutation of taken) {
      const rejection = rejectedById.get(mutation.id);
      if (rejection) {
        rejections.push({ id: mutation.id, name: mutation.name, code: rejection.code, ...rejectionMessage(rejection), madeAt: mutation.at, at: now, args: mutation.args });
      }
    }
    if (rejections.length) await db.rejections.bulkPut(rejections);
    if (taken.length) await db.outbox.bulkDelete(taken.map((mutation) => mutation.id));

    // 4. What is still pending, on top of the hub's state.
    const pending = await db.outbox.orderBy('id').toArray();
    const replayed = await replay(db, actor, pending, changes);
    return { acknowledged: taken.length, rejected: rejections.length, replayed };
  });
  changes.emit();
  return result;
}

/** Re-applies pending mutations (inside the caller's transaction). One the rules now refuse stays queued: the hub decides. */
async function replay(db: AgentDeskDb, actor: Actor, pending: readonly { name: string; args: unknown; at: number }[], changes: ChangeCollector): Promise<number> {
  const store = localStore(db, changes);
  let replayed = 0;
  for (const mutation of pending) {
    if (!isMutationName(mutation.name)) continue;
    try {
      const args = parseMutationArgs(mutation.name, mutation.args);
      await runMutator({ store, actor, now: mutation.at, madeAt: mutation.at, authoritative: false }, mutation.name, args);
      replayed += 1;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
  return replayed;
}

/**
 * Drops every cached row (never the outbox) so the next pull starts from
 * scratch. When the hub itself changed, this desktop becomes a new client of
 * it: a new client id, and pending mutations renumbered from 1.
 */
export async function resetLocalCache(db: AgentDeskDb, options: { newClientId?: string } = {}): Promise<void> {
  await db.transaction('rw', [...writeTables(db), db.evictions], async () => {
    for (const table of db.entityTables()) await table.clear();
    await db.shadow.clear();
    // The pull from 0 brings every history again: nothing is on the hub only any more.
    await db.evictions.clear();
    await db.setMeta(META.cursor, 0);
    await db.meta.delete(META.floor);
    await db.setMeta(META.bootstrapped, false);
    if (options.newClientId) {
      const pending = await db.outbox.orderBy('id').toArray();
      await db.outbox.clear();
      await db.outbox.bulkAdd(pending.map((mutation, index) => ({ ...mutation, id: index + 1 })));
      await db.setMeta(META.clientId, options.newClientId);
      await db.setMeta(META.nextMutationId, pending.length + 1);
      await db.setMeta(META.pushedThrough, 0);
      await db.meta.delete(META.hubId);
    }
  });
  const changes = new ChangeCollector();
  changes.reset = true;
  changes.emit();
}
