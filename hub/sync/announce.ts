/**
 * Announcements: every write transaction ends by telling every hub process
 * what it wrote, through PostgreSQL NOTIFY, from inside the transaction. A
 * notification is delivered at commit and in commit order, and writers hold
 * the write lock until they commit, so announcements arrive in version order:
 * each says "versions (from, to] are these rows, held by these people", where
 * `from` is the previous announcement's `to` (kept in hub_meta as `head`).
 * A hub process can then send the rows themselves to the desktops concerned
 * (events.ts) instead of waking them to pull.
 *
 * The rows and their holders travel in the payload when it fits NOTIFY's
 * 8,000 bytes; otherwise the payload says only the range and each process
 * reads the same announcement back with `readAnnouncement`. A transaction of
 * more than MAX_ROWS rows (an import, the demo set) is announced as "everyone
 * pull": sending it on the streams would cost more than pulling it.
 */
import { z } from 'zod';
import type { Change } from '@core/sync/protocol';
import { ENTITY_NAMES } from '@core/sync/entities';
import type { Queryable } from '../storage';

export const CHANGES_CHANNEL = 'agentdesk_changes';
/** NOTIFY payloads stop at 8,000 bytes. */
const MAX_PAYLOAD = 7_900;
/** Rows one announcement carries at most; beyond it, everyone pulls. */
export const MAX_ROWS = 200;

/** What one write transaction did, as every hub process hears it. */
export interface Announcement {
  /** The versions it covers: (from, to]. `from` is the previous announcement's `to`. */
  from: number;
  to: number;
  /** Too many rows to send on the streams: every desktop should pull. */
  everyone: boolean;
  /** The rows written, each with the customer (or person key) it belongs to; null for rows everyone syncs. */
  rows: { customerId: string | null; change: Change }[];
  /** Who holds each written customer (or person key) in scope. */
  holders: Map<string, string[]>;
  /** People who gained scope keys with history before this write: they need whole histories, so they pull. */
  granted: string[];
}

/** A heard payload: the announcement, only its range (read it back), or a payload from an older hub (a poke to those people). */
export type Heard = { kind: 'announcement'; announcement: Announcement } | { kind: 'range'; from: number; to: number } | { kind: 'legacy'; audience: '*' | Set<string> };

const version = z.coerce.number().int().nonnegative();
const RowSchema = z.tuple([z.enum(ENTITY_NAMES), z.string(), z.string().nullable(), version, z.boolean(), z.record(z.string(), z.unknown()).nullable()]);
const PayloadSchema = z.object({
  p: version,
  t: version,
  all: z.boolean().optional(),
  fetch: z.boolean().optional(),
  rows: z.array(RowSchema).optional(),
  holders: z.array(z.tuple([z.string(), z.array(z.string())])).optional(),
  granted: z.array(z.string()).optional(),
});

/**
 * The announcement of the versions (p, t] as JSON, read from the tables: the
 * rows (at most MAX_ROWS + 1 are read, to tell "too many"), their holders and
 * the people granted scope in that range over a customer with history before
 * it (a customer created in the range, a new contact's, is all in its rows,
 * so its new holders are sent them like anyone else). `p` and `t` are SQL
 * expressions.
 */
function announcementSql(p: string, t: string): string {
  return `w AS (
      SELECT entity, id, customer_id, version, deleted, CASE WHEN deleted THEN NULL ELSE data END AS data
        FROM entities WHERE version > ${p} AND version <= ${t} ORDER BY version LIMIT ${MAX_ROWS + 1}),
    h AS (
      SELECT s.customer_id AS k, json_agg(DISTINCT s.user_id) AS u
        FROM user_scope s WHERE s.customer_id IN (SELECT customer_id FROM w WHERE customer_id IS NOT NULL) GROUP BY s.customer_id),
    n AS (SELECT count(*) > ${MAX_ROWS} AS everyone FROM w),
    full_text AS (
      SELECT json_build_object(
        'p', ${p}, 't', ${t}, 'all', n.everyone,
        'rows', CASE WHEN n.everyone THEN '[]'::json ELSE (SELECT coalesce(json_agg(json_build_array(entity, id, customer_id, version, deleted, data) ORDER BY version), '[]') FROM w) END,
        'holders', CASE WHEN n.everyone THEN '[]'::json ELSE (SELECT coalesce(json_agg(json_build_array(k, u)), '[]') FROM h) END,
        'granted', CASE WHEN n.everyone THEN '[]'::json ELSE (SELECT coalesce(json_agg(DISTINCT s.user_id), '[]') FROM user_scope s
                     WHERE s.seq > ${p} AND s.seq <= ${t}
                       AND (SELECT min(e.version) FROM entities e WHERE e.customer_id = s.customer_id) <= ${p}) END
      )::text AS payload FROM n)`;
}

/** What finishing a write answers: the new head, and how long the write lock was waited for and then held so far. */
export interface Finished {
  head: number;
  waitedMs: number;
  heldMs: number;
}

/**
 * Finishes a write in one statement (migration 0009): takes the write lock
 * (`writeLock`; null when the write holds it already), gives the rows and
 * scope entries written with provisional versions their final ones, moves
 * the head and announces the range. Call it last: the lock is held until
 * commit, so writes are announced in version order. Versions taken by
 * transactions that rolled back (or were restamped) fall inside a range and
 * are simply absent.
 */
export async function finishWrite(tx: Queryable, writeLock: number | null, versions: readonly number[], seqs: readonly number[]): Promise<Finished> {
  const [row] = await tx.query<{ head: string; waited_ms: number; held_ms: number }>('SELECT head, waited_ms, held_ms FROM agentdesk_finish_write($1, $2, $3, $4, $5, $6)', [
    writeLock,
    versions,
    seqs,
    `WITH ${announcementSql('$1::bigint', '$2::bigint')} SELECT payload FROM full_text`,
    CHANGES_CHANNEL,
    MAX_PAYLOAD,
  ]);
  return { head: Number(row!.head), waitedMs: Number(row!.waited_ms), heldMs: Number(row!.held_ms) };
}

/** Reads an announcement whose payload was too large to carry it (the rows may have been written again since: the newer ones come later). */
export async function readAnnouncement(db: Queryable, from: number, to: number): Promise<Announcement> {
  const rows = await db.query<{ payload: string }>(`WITH ${announcementSql('$1::bigint', '$2::bigint')} SELECT payload FROM full_text`, [from, to]);
  const heard = hear(rows[0]!.payload);
  if (heard.kind !== 'announcement') throw new Error('An announcement read back was incomplete');
  return heard.announcement;
}

/** The committed head: every write up to it is visible to whoever read it (pull's cursor, see pull.ts). */
export const HEAD_KEY = 'head';

/** Reads a NOTIFY payload. Anything unreadable is treated as an older hub's poke of everyone: a spare pull is harmless. */
export function hear(payload: string): Heard {
  if (payload === '*' || payload === '') return { kind: 'legacy', audience: '*' };
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return { kind: 'legacy', audience: '*' };
  }
  if (Array.isArray(json)) return { kind: 'legacy', audience: json.every((id) => typeof id === 'string') ? new Set(json) : '*' };
  const parsed = PayloadSchema.safeParse(json);
  if (!parsed.success) return { kind: 'legacy', audience: '*' };
  const { p, t, all = false, fetch = false, rows = [], holders = [], granted = [] } = parsed.data;
  if (fetch) return { kind: 'range', from: p, to: t };
  return {
    kind: 'announcement',
    announcement: {
      from: p,
      to: t,
      everyone: all,
      rows: rows.map(([entity, id, customerId, version, deleted, data]) => ({
        customerId,
        change: deleted || !data ? { op: 'delete', entity, id, version } : { op: 'put', entity, id, version, row: data },
      })),
      holders: new Map(holders),
      granted,
    },
  };
}
