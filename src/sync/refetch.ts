/**
 * Bringing back a history this desktop evicted (src/sync/eviction.ts): the hub
 * sends every row of the customers asked for (POST /sync/history), as of its
 * head; they are written in one transaction, and the eviction marks cleared.
 *
 * The rebase rules still hold: a row with a pending change here (a shadow) is
 * left as it is (the next pull restores the hub's copy under it and replays
 * the change), and a row is written only when it is newer than the copy here.
 * When this desktop has already applied changes after the hub's head, a row
 * deleted since could come back to life: the answer is stale, asked again.
 */
import { META, type AgentDeskDb } from '../db/schema';
import { ChangeCollector, prepareChanges } from './local';
import type { HistoryResponse } from './protocol';

export type RefetchOutcome = { kind: 'applied'; written: number } | { kind: 'stale' } | { kind: 'otherHub' };

/** Customers fetched back are not evicted again for this long: the agent opened them, and may well again. */
export const FETCHED_BACK_KEEP_MS = 24 * 3_600_000;
const FETCHED_BACK_MAX = 500;

/** Customers fetched back within FETCHED_BACK_KEEP_MS of `now`. */
export async function recentlyFetchedBack(db: AgentDeskDb, now: number): Promise<Set<string>> {
  const fetched = (await db.getMeta<Record<string, number>>(META.fetchedBack)) ?? {};
  return new Set(Object.entries(fetched).flatMap(([customerId, at]) => (now - at < FETCHED_BACK_KEEP_MS ? [customerId] : [])));
}

async function rememberFetchedBack(db: AgentDeskDb, customerIds: readonly string[], now: number): Promise<void> {
  const fetched = (await db.getMeta<Record<string, number>>(META.fetchedBack)) ?? {};
  for (const customerId of customerIds) fetched[customerId] = now;
  const kept = Object.entries(fetched)
    .filter(([, at]) => now - at < FETCHED_BACK_KEEP_MS)
    .sort((a, b) => b[1] - a[1])
    .slice(0, FETCHED_BACK_MAX);
  await db.setMeta(META.fetchedBack, Object.fromEntries(kept));
}

export async function applyRefetchedHistory(db: AgentDeskDb, customerIds: readonly string[], response: HistoryResponse, now: number = Date.now()): Promise<RefetchOutcome> {
  // Validated before the transaction: it is CPU work.
  const { puts } = prepareChanges(response.changes.filter((change) => change.op === 'put'));
  const changes = new ChangeCollector();
  const tables = [...db.entityTables(), db.shadow, db.meta, db.evictions];
  const outcome = await db.transaction('rw', tables, async (): Promise<RefetchOutcome> => {
    const [hubId, cursor] = await Promise.all([db.getMeta<string>(META.hubId), db.getMeta<number>(META.cursor)]);
    if (hubId !== undefined && hubId !== response.hubId) return { kind: 'otherHub' };
    if ((cursor ?? 0) > response.head) return { kind: 'stale' };
    let written = 0;
    for (const [entity, rows] of puts) {
      const table = db.entityTable(entity);
      const ids = rows.map((row) => row.id);
      const [local, shadows] = await Promise.all([table.bulkGet(ids), db.shadow.bulkGet(ids.map((id): [string, string] => [entity, id]))]);
      const newer = rows.filter((row, index) => !shadows[index] && (local[index]?._v ?? 0) < row._v);
      if (newer.length === 0) continue;
      await table.bulkPut(newer);
      for (const row of newer) changes.add(entity, row.id);
      written += newer.length;
    }
    await db.evictions.bulkDelete([...customerIds]);
    await rememberFetchedBack(db, customerIds, now);
    return { kind: 'applied', written };
  });
  changes.emit();
  return outcome;
}
