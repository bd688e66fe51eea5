/**
 * Pull: the rows in the caller's scope that changed since their cursor, in
 * version order, in pages. A customer who entered the caller's scope since
 * the cursor brings their whole history, ordered at the moment they entered
 * (a row's effective version is the later of its own version and that moment).
 * A page never splits rows of equal effective version, so the cursor stays a
 * single number.
 */
import type { Change, PullQuery, PullResponse, Rejection, RejectionCode } from '@core/sync/protocol';
import { DEFAULT_PULL_LIMIT } from '@core/sync/protocol';
import type { EntityName } from '@core/sync/entities';
import type { User } from '@core/domain/model';
import { HttpError } from '../errors';
import type { Queryable, Storage } from '../storage';
import type { MessageValues } from '@core/i18n/messages';
import { storedMessage } from './store';

interface ChangeRow {
  entity: EntityName;
  id: string;
  version: number;
  deleted: boolean;
  data: Record<string, unknown>;
  eff: number;
}

/** Customers entering scope that one page looks at, at most. */
const ENTRIES_PER_PAGE = 200;

interface Page {
  rows: ChangeRow[];
  cursor: number;
  hasMore: boolean;
}

/**
 * One page of changes in effective-version order, built from three
 * index-ordered sources so a page costs about its own size, whatever the
 * size of the person's scope:
 *   - rows everyone syncs, by version;
 *   - rows of customers already in scope at the cursor, by version;
 *   - customers that entered scope after the cursor, by the moment they did
 *     (each brings its whole history).
 * The page ends at a boundary B chosen so that it holds at least about
 * `limit` rows (a customer's history is never split, so a page can be larger);
 * it contains every row with an effective version in (cursor, B], and B
 * becomes the new cursor.
 */
async function readChanges(db: Queryable, userId: string, cursor: number, limit: number): Promise<Page> {
  const entryLimit = Math.min(limit, ENTRIES_PER_PAGE);
  // The three sources in one round trip; each keeps its own index order and limit.
  const sourced = await db.query<ChangeRow & { source: 'global' | 'scoped' | 'entry'; customer_id: string | null; n: number | null }>(
    `(SELECT 'global' AS source, entity, id, version, deleted, data, version AS eff, NULL::text AS customer_id, NULL::bigint AS n
        FROM entities WHERE customer_id IS NULL AND version > $2 ORDER BY version LIMIT $3)
     UNION ALL
     (SELECT 'scoped', e.entity, e.id, e.version, e.deleted, e.data, e.version, NULL, NULL
        FROM user_scope s JOIN entities e ON e.customer_id = s.customer_id AND e.version > $2
       WHERE s.user_id = $1 AND s.seq <= $2 ORDER BY e.version LIMIT $3)
     UNION ALL
     (SELECT 'entry', NULL, NULL, s.seq, false, NULL, s.seq, s.customer_id, (SELECT count(*) FROM entities e WHERE e.customer_id = s.customer_id)
        FROM user_scope s WHERE s.user_id = $1 AND s.seq > $2 ORDER BY s.seq LIMIT $4)`,
    // Each customer brings at least a few rows: a page never needs more entries than this.
    [userId, cursor, limit, entryLimit],
  );
  const globals = sourced.filter((row) => row.source === 'global');
  const scoped = sourced.filter((row) => row.source === 'scoped');
  const entries = sourced.filter((row) => row.source === 'entry').map((row) => ({ customer_id: row.customer_id!, seq: Number(row.eff), n: Number(row.n) }));

  // Every source in one order: a row counts one, a customer entering scope counts its history.
  const events = [
    ...globals.map((row) => ({ key: Number(row.eff), weight: 1 })),
    ...scoped.map((row) => ({ key: Number(row.eff), weight: 1 })),
    ...entries.map((entry) => ({ key: Number(entry.seq), weight: Math.max(1, Number(entry.n)) })),
  ].sort((a, b) => a.key - b.key);
  if (events.length === 0) return { rows: [], cursor, hasMore: false };

  // A truncated source may hold more rows just past its last one: the boundary never passes it.
  const caps: number[] = [];
  if (globals.length === limit) caps.push(Number(globals.at(-1)!.eff));
  if (scoped.length === limit) caps.push(Number(scoped.at(-1)!.eff));
  if (entries.length === entryLimit) caps.push(Number(entries.at(-1)!.seq));
  const cap = caps.length ? Math.min(...caps) : Infinity;
  let boundary = Math.min(events[0]!.key, cap);
  let total = 0;
  for (const event of events) {
    if (event.key > cap || total >= limit) break;
    total += event.weight;
    boundary = event.key;
  }

  const entered = entries.filter((entry) => Number(entry.seq) <= boundary);
  const histories = entered.length
    ? await db.query<ChangeRow & { seq: number }>(
        `SELECT e.entity, e.id, e.version, e.deleted, e.data, GREATEST(e.version, s.seq) AS eff, s.seq
           FROM unnest($1::text[], $2::bigint[]) AS s (customer_id, seq)
           JOIN entities e ON e.customer_id = s.customer_id`,
        [entered.map((entry) => entry.customer_id), entered.map((entry) => Number(entry.seq))],
      )
    : [];
  const rows = [
    ...globals.filter((row) => Number(row.eff) <= boundary),
    ...scoped.filter((row) => Number(row.eff) <= boundary),
    ...histories.filter((row) => Number(row.eff) <= boundary),
  ].sort((a, b) => Number(a.eff) - Number(b.eff) || a.entity.localeCompare(b.entity) || a.id.localeCompare(b.id));
  // Rows of newly scoped customers changed after they entered scope come later (by their own version).
  const hasMore = caps.length > 0 || events.some((event) => event.key > boundary) || histories.some((row) => Number(row.eff) > boundary);
  return { rows, cursor: boundary, hasMore };
}

async function estimate(db: Queryable, userId: string): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `SELECT (SELECT count(*) FROM entities WHERE customer_id IS NULL)
          + (SELECT count(*) FROM user_scope s JOIN entities e ON e.customer_id = s.customer_id WHERE s.user_id = $1) AS n`,
    [userId],
  );
  return Number(rows[0]?.n ?? 0);
}

export async function pull(storage: Storage, user: User, hubId: string, query: PullQuery): Promise<PullResponse> {
  if (query.hubId && query.hubId !== hubId) {
    return { kind: 'reset', hubId, reason: 'This desktop last synced with a different hub.' } as const;
  }
  // One snapshot for the whole answer.
  return storage.transaction(
    async (tx) => {
      // The hub's position, its compaction floor and the desktop's client, in one round trip.
      const [meta] = await tx.query<{ last_value: number; is_called: boolean; min_cursor: string | null; head: string | null; client_user: string | null; last_mutation_id: number | null }>(
        `SELECT q.last_value, q.is_called,
                (SELECT value FROM hub_meta WHERE key = 'min_cursor') AS min_cursor,
                (SELECT value FROM hub_meta WHERE key = 'head') AS head,
                c.user_id AS client_user, c.last_mutation_id
           FROM change_seq q LEFT JOIN clients c ON c.client_id = $1`,
        [query.clientId],
      );
      const latest = meta?.is_called ? Number(meta.last_value) : 0;
      if (query.cursor > latest) {
        return { kind: 'reset', hubId, reason: 'This desktop is ahead of the hub (the hub was restored from an older copy).' } as const;
      }
      const minCursor = Number(meta?.min_cursor ?? 0);
      // Only a desktop that started before the last compaction can have missed a forgotten deletion.
      if (query.cursor > 0 && query.cursor < minCursor && query.floor !== minCursor) {
        return { kind: 'reset', hubId, reason: 'This desktop has been away longer than the hub keeps changes.' } as const;
      }
      if (meta?.client_user && meta.client_user !== user.id) throw new HttpError(403, 'forbidden', 'This desktop client belongs to another person.');
      const lastMutationId = Number(meta?.last_mutation_id ?? 0);

      // Every write up to the head is in this snapshot and none after it (announce.ts): the last page may vouch up to it,
      // so a desktop's cursor keeps up with the event stream's, and nothing is read when nothing was written since.
      const head = meta?.head == null ? null : Number(meta.head);
      const page = query.cursor >= (head ?? latest) ? { rows: [], cursor: query.cursor, hasMore: false } : await readChanges(tx, user.id, query.cursor, query.limit ?? DEFAULT_PULL_LIMIT);
      if (!page.hasMore && head !== null) page.cursor = Math.max(page.cursor, head);
      const changes: Change[] = page.rows.map((row) =>
        row.deleted
          ? { op: 'delete', entity: row.entity, id: row.id, version: Number(row.version) }
          : { op: 'put', entity: row.entity, id: row.id, version: Number(row.version), row: row.data },
      );

      let rejected: Rejection[] = [];
      if (query.since !== undefined && query.since <= lastMutationId) {
        const rows = await tx.query<{ id: number; name: string; code: string; message: string; message_id: string | null; message_values: MessageValues | null }>(
          `SELECT id, name, code, message, message_id, message_values FROM mutations
           WHERE client_id = $1 AND id >= $2 AND status = 'rejected' ORDER BY id LIMIT 1000`,
          [query.clientId, query.since],
        );
        rejected = rows.map((row) => ({ id: Number(row.id), name: row.name, code: row.code as RejectionCode, message: row.message, ...storedMessage(row) }));
      }

      return {
        kind: 'changes',
        hubId,
        cursor: page.cursor,
        hasMore: page.hasMore,
        lastMutationId,
        floor: minCursor,
        changes,
        rejected,
        ...(query.cursor === 0 ? { estimate: await estimate(tx, user.id) } : {}),
      } as const;
    },
    { readOnlySnapshot: true },
  );
}
