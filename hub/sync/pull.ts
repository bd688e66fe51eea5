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
import { currentVersion } from './store';

interface ChangeRow {
  entity: EntityName;
  id: string;
  version: number;
  deleted: boolean;
  data: Record<string, unknown>;
  eff: number;
}

const SCOPED_CHANGES = `
  WITH scope AS (SELECT customer_id, seq FROM user_scope WHERE user_id = $1)
  SELECT entity, id, version, deleted, data, eff FROM (
    SELECT e.entity, e.id, e.version, e.deleted, e.data, e.version AS eff
      FROM entities e WHERE e.customer_id IS NULL AND e.version > $2
    UNION ALL
    SELECT e.entity, e.id, e.version, e.deleted, e.data, GREATEST(e.version, s.seq) AS eff
      FROM scope s JOIN entities e ON e.customer_id = s.customer_id
      WHERE s.seq > $2
    UNION ALL
    SELECT e.entity, e.id, e.version, e.deleted, e.data, e.version AS eff
      FROM scope s JOIN entities e ON e.customer_id = s.customer_id AND e.version > $2
      WHERE s.seq <= $2
  ) changes`;

async function readChanges(db: Queryable, userId: string, cursor: number, limit: number): Promise<{ rows: ChangeRow[]; cursor: number; hasMore: boolean }> {
  const rows = await db.query<ChangeRow>(`${SCOPED_CHANGES} ORDER BY eff, entity, id LIMIT $3`, [userId, cursor, limit]);
  if (rows.length < limit) {
    return { rows, cursor: rows.length ? Number(rows.at(-1)!.eff) : cursor, hasMore: false };
  }
  const boundary = Number(rows.at(-1)!.eff);
  if (Number(rows[0]!.eff) === boundary) {
    // One customer's whole history entered scope at once: send it in one page.
    const group = await db.query<ChangeRow>(`${SCOPED_CHANGES} WHERE eff = $3 ORDER BY entity, id`, [userId, cursor, boundary]);
    return { rows: group, cursor: boundary, hasMore: true };
  }
  const page = rows.filter((row) => Number(row.eff) < boundary);
  return { rows: page, cursor: Number(page.at(-1)!.eff), hasMore: true };
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
  return storage.transaction(async (tx) => {
    // One snapshot for the whole answer (PGlite runs one transaction at a time anyway).
    if (storage.kind === 'postgres') await tx.exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    if (query.hubId && query.hubId !== hubId) {
      return { kind: 'reset', hubId, reason: 'This desktop last synced with a different hub.' } as const;
    }
    const [latest, minCursorRows] = await Promise.all([
      currentVersion(tx),
      tx.query<{ value: string }>("SELECT value FROM hub_meta WHERE key = 'min_cursor'"),
    ]);
    if (query.cursor > latest) {
      return { kind: 'reset', hubId, reason: 'This desktop is ahead of the hub (the hub was restored from an older copy).' } as const;
    }
    const minCursor = Number(minCursorRows[0]?.value ?? 0);
    if (query.cursor > 0 && query.cursor < minCursor) {
      return { kind: 'reset', hubId, reason: 'This desktop has been away longer than the hub keeps changes.' } as const;
    }

    const clients = await tx.query<{ user_id: string; last_mutation_id: number }>(
      'SELECT user_id, last_mutation_id FROM clients WHERE client_id = $1',
      [query.clientId],
    );
    const client = clients[0];
    if (client && client.user_id !== user.id) throw new HttpError(403, 'forbidden', 'This desktop client belongs to another person.');
    const lastMutationId = Number(client?.last_mutation_id ?? 0);

    const page = await readChanges(tx, user.id, query.cursor, query.limit ?? DEFAULT_PULL_LIMIT);
    const changes: Change[] = page.rows.map((row) =>
      row.deleted
        ? { op: 'delete', entity: row.entity, id: row.id, version: Number(row.version) }
        : { op: 'put', entity: row.entity, id: row.id, version: Number(row.version), row: row.data },
    );

    let rejected: Rejection[] = [];
    if (query.since !== undefined && query.since <= lastMutationId) {
      const rows = await tx.query<{ id: number; name: string; code: string; message: string }>(
        `SELECT id, name, code, message FROM mutations
         WHERE client_id = $1 AND id >= $2 AND status = 'rejected' ORDER BY id LIMIT 1000`,
        [query.clientId, query.since],
      );
      rejected = rows.map((row) => ({ id: Number(row.id), name: row.name, code: row.code as RejectionCode, message: row.message }));
    }

    return {
      kind: 'changes',
      hubId,
      cursor: page.cursor,
      hasMore: page.hasMore,
      lastMutationId,
      changes,
      rejected,
      ...(query.cursor === 0 ? { estimate: await estimate(tx, user.id) } : {}),
    } as const;
  });
}
