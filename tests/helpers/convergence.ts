/** Oracles for sync tests: what the hub says a person should hold, and what a desktop holds. */
import { expect } from 'vitest';
import { ENTITY_NAMES, parseEntityRow, type EntityName, type EntityRow } from '@core/sync/entities';
import { runMutator, DomainError, madeAtOf, parseMutationArgs, isMutationName, type MutationStore } from '@core/sync/mutations';
import type { Script, User } from '@core/domain/model';
import { pull } from '../../hub/sync/pull';
import type { RunningHub } from '../../hub/server';
import type { Desktop } from './sync-harness';
import type { ImportEntry } from '../../hub/import';

export type View = Map<string, { version: number; row: Record<string, unknown> }>;

/** A hub's database and id: a hub running in this process, or one in another process read through its database. */
export type HubData = Pick<RunningHub, 'storage' | 'hubId'>;

/** Everything in a person's scope, read from the hub with the real pull from cursor 0. */
export async function hubView(hub: HubData, user: User, options: { limit?: number; from?: View & { cursor?: number } } = {}): Promise<View> {
  const view: View = new Map();
  let cursor = 0;
  let floor: number | undefined;
  for (;;) {
    const page = await pull(hub.storage, user, hub.hubId, { clientId: crypto.randomUUID(), cursor, limit: options.limit ?? 5000, ...(floor !== undefined ? { floor } : {}) });
    if (page.kind !== 'changes') throw new Error(`unexpected reset: ${page.reason}`);
    floor ??= page.floor;
    for (const change of page.changes) {
      const key = `${change.entity}:${change.id}`;
      if (change.op === 'put') view.set(key, { version: change.version, row: parseEntityRow(change.entity, change.row) });
      else view.delete(key);
    }
    if (page.hasMore && page.cursor <= cursor) throw new Error(`a pull page did not advance the cursor (${cursor})`);
    cursor = page.cursor;
    if (!page.hasMore) return view;
  }
}

/** Everything a desktop holds (with no pending changes, this must equal its hub view). */
export async function localView(desktop: Desktop): Promise<View> {
  const view: View = new Map();
  for (const entity of ENTITY_NAMES) {
    for (const local of await desktop.db.entityTable(entity).toArray()) {
      const { _v, ...row } = local as Record<string, unknown> & { _v: number };
      view.set(`${entity}:${String(row.id)}`, { version: _v, row });
    }
  }
  return view;
}

export async function expectConverged(hub: HubData, desktop: Desktop): Promise<void> {
  expect(await desktop.db.outbox.count(), `${desktop.user.username} has changes waiting`).toBe(0);
  expect(await desktop.db.shadow.count(), `${desktop.user.username} has optimistic rows left`).toBe(0);
  const [expected, actual] = await Promise.all([hubView(hub, desktop.user), localView(desktop)]);
  const missing = [...expected.keys()].filter((key) => !actual.has(key));
  const extra = [...actual.keys()].filter((key) => !expected.has(key));
  expect(missing, `${desktop.user.username} lacks rows the hub has in scope`).toEqual([]);
  expect(extra, `${desktop.user.username} holds rows outside its hub scope`).toEqual([]);
  for (const [key, want] of expected) {
    const have = actual.get(key)!;
    if (have.version !== want.version || JSON.stringify(have.row) !== JSON.stringify(want.row)) {
      expect({ key, ...have }, `${desktop.user.username} differs from the hub`).toEqual({ key, ...want });
    }
  }
}

/** Every row on the hub, by entity and id. */
export async function hubRows(hub: HubData): Promise<Map<string, Record<string, unknown>>> {
  const rows = await hub.storage.query<{ entity: EntityName; id: string; data: unknown }>('SELECT entity, id, data FROM entities WHERE NOT deleted');
  return new Map(rows.map((row) => [`${row.entity}:${row.id}`, parseEntityRow(row.entity, row.data) as Record<string, unknown>]));
}

/** The hub's rows as they are now and the last mutation taken so far: where a later replayHubLog starts. */
export async function hubLogPoint(hub: HubData): Promise<{ rows: ImportEntry[]; afterSeq: number }> {
  return hub.storage.transaction(
    async (tx) => {
      const rows = await tx.query<{ entity: EntityName; id: string; data: unknown }>('SELECT entity, id, data FROM entities WHERE NOT deleted');
      const [last] = await tx.query<{ seq: number | null }>('SELECT max(seq) AS seq FROM mutations');
      return { rows: rows.map((row) => ({ entity: row.entity, row: parseEntityRow(row.entity, row.data) })), afterSeq: Number(last?.seq ?? 0) };
    },
    { readOnlySnapshot: true },
  );
}

/**
 * Replays the hub's log of taken mutations, in the hub's order, against the
 * starting rows with the same rules: the result must be the hub's rows, and
 * each mutation's outcome the hub's. A mutation applied twice, or one whose
 * effect was lost, makes them differ. With `afterSeq`, `initial` is the hub's
 * rows at that point of its log and only later mutations are replayed.
 */
export async function replayHubLog(hub: HubData, initial: readonly ImportEntry[], { afterSeq = 0 }: { afterSeq?: number } = {}): Promise<{ rows: Map<string, Record<string, unknown>>; taken: number }> {
  const rows = new Map<string, Record<string, unknown>>();
  for (const { entity, row } of initial) rows.set(`${entity}:${row.id}`, parseEntityRow(entity, row));
  const store: MutationStore = {
    async get<E extends EntityName>(entity: E, id: string) {
      const row = rows.get(`${entity}:${id}`);
      return row ? (structuredClone(row) as EntityRow<E>) : undefined;
    },
    async put(entity, row) {
      rows.set(`${entity}:${row.id}`, structuredClone(parseEntityRow(entity, row)));
    },
    async scriptVersions(scriptId) {
      return [...rows.entries()]
        .filter(([key, row]) => key.startsWith('script:') && row.scriptId === scriptId)
        .map(([, row]) => structuredClone(row) as Script);
    },
    async usernameHolder(username) {
      const found = [...rows.entries()].find(([key, row]) => key.startsWith('user:') && row.username === username);
      return (found?.[1].id as string | undefined) ?? null;
    },
    async shareScope() {},
    async customerRows(customerId) {
      const of = <E extends 'contact' | 'followUp' | 'survey' | 'queueItem'>(entity: E) =>
        [...rows.entries()].filter(([key, row]) => key.startsWith(`${entity}:`) && row.customerId === customerId).map(([, row]) => structuredClone(row) as EntityRow<E>);
      return { contact: of('contact'), followUp: of('followUp'), survey: of('survey'), queueItem: of('queueItem') };
    },
  };
  const users = new Map([...rows.entries()].filter(([key]) => key.startsWith('user:')).map(([, row]) => [row.id as string, row as User]));
  const log = await hub.storage.query<{ user_id: string; name: string; args: unknown; made_at: number; applied_at: number; status: string; code: string | null }>(
    'SELECT user_id, name, args, made_at, applied_at, status, code FROM mutations WHERE seq > $1 ORDER BY seq',
    [afterSeq],
  );
  for (const entry of log) {
    if (!isMutationName(entry.name)) throw new Error(`unknown mutation in the hub log: ${entry.name}`);
    const user = users.get(entry.user_id)!;
    let status = 'applied';
    let code: string | null = null;
    const snapshot = new Map(rows);
    try {
      await runMutator(
        { store, actor: { userId: user.id, role: user.role, teamIds: user.teamIds }, now: Number(entry.applied_at), madeAt: madeAtOf(Number(entry.made_at), Number(entry.applied_at)), authoritative: true },
        entry.name,
        parseMutationArgs(entry.name, entry.args),
      );
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      status = 'rejected';
      code = error.code;
      rows.clear();
      for (const [key, value] of snapshot) rows.set(key, value);
    }
    expect({ name: entry.name, status, code }).toEqual({ name: entry.name, status: entry.status, code: entry.code });
  }
  return { rows, taken: log.length };
}
