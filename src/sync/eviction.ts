/**
 * Eviction: keeps one person's cache within its budget (src/sync/cache-budget.ts)
 * by evicting the oldest histories of customers out of their work. The
 * customer row stays, marked in `evictions`, so the desktop knows their
 * older history is on the hub only and fetches it back when they are opened
 * (src/sync/refetch.ts).
 *
 * Out of my work: no unfinished queue item waiting in a queue this desktop
 * holds or assigned or offered to me, no open follow-up of mine, no draft on
 * this desktop and no pending change (outbox, shadow) of theirs. Pending
 * changes are never evicted.
 *
 * The storage estimate lags and IndexedDB files shrink late, so a pass does
 * not loop on it: it estimates what a row takes (sampled JSON) and evicts
 * enough rows once, oldest customers first (by their latest history entry),
 * in batches with a pause between them, each batch one transaction that
 * checks again, inside it, that nothing of theirs is pending.
 */
import { type AgentDeskDb, type EvictionRow, type LocalRow } from '../db/schema';
import { ChangeCollector } from './local';
import { recentlyFetchedBack } from './refetch';
import type { EntityName } from './entities';

/** What a pass evicts towards: this share of the budget, so the next few pulls do not start another pass at once. */
export const EVICTION_TARGET = 0.9;
/** IndexedDB keeps a row's value and its index entries: a row's JSON is counted this many times over. */
const ROW_OVERHEAD = 1.5;
const SAMPLE_ROWS = 200;
/** Index keys read per transaction while choosing whom to evict. */
const KEYS_PER_READ = 20_000;
/** A row when the cache has none to sample. */
const FALLBACK_ROW_BYTES = 2_048;

export interface CacheEstimator {
  /** Bytes this origin stores now (navigator.storage.estimate() in a browser), or null when unknown. */
  usage(): Promise<number | null>;
  /** About how many bytes one history row takes; sampled from the cache when absent. */
  bytesPerRow?(db: AgentDeskDb): Promise<number>;
}

/** About what a history row takes: the JSON of a sample of contacts, with the indexes' share. */
export async function sampledRowBytes(db: AgentDeskDb, sample = SAMPLE_ROWS): Promise<number> {
  const rows = await db.contacts.limit(sample).toArray();
  if (rows.length === 0) return FALLBACK_ROW_BYTES;
  const total = rows.reduce((sum, row) => sum + JSON.stringify(row).length, 0);
  return Math.max(1, Math.round((total / rows.length) * ROW_OVERHEAD));
}

/** Bytes to free so that `usage` ends under EVICTION_TARGET of the budget; 0 while it is within the budget. */
export function bytesToFree(usage: number, budgetBytes: number): number {
  if (usage <= budgetBytes) return 0;
  return Math.ceil(usage - budgetBytes * EVICTION_TARGET);
}

/** Rows to evict for `bytes`, at `bytesPerRow` each. */
export function rowsToEvict(bytes: number, bytesPerRow: number): number {
  return bytes <= 0 ? 0 : Math.ceil(bytes / Math.max(1, bytesPerRow));
}

const UNFINISHED_QUEUE_STATES = new Set(['waiting', 'claimed', 'wrap-up']);

function queueItemInMyWork(item: LocalRow<'queueItem'>, userId: string): boolean {
  if (!UNFINISHED_QUEUE_STATES.has(item.state)) return false;
  return item.state === 'waiting' || item.assigneeId === userId || item.offeredTo === userId;
}

/** Every string inside a mutation's arguments: the ids it may touch. */
function stringsIn(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) for (const item of value) stringsIn(item, into);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) stringsIn(item, into);
}

const CUSTOMER_ROWS = ['contact', 'queueItem', 'followUp', 'survey'] as const satisfies readonly EntityName[];

/**
 * Customers with something pending or drafted on this desktop: rows a pending
 * change touched (shadows), anything a queued change names (its arguments), and
 * drafts (a note on a customer, or anything typed on one of their contacts).
 */
export async function customersWithPendingWork(db: AgentDeskDb): Promise<Set<string>> {
  const customers = new Set<string>();
  const [shadows, outbox, drafts] = await Promise.all([db.shadow.toArray(), db.outbox.toArray(), db.drafts.toArray()]);
  const ids = new Set<string>();
  for (const shadow of shadows) {
    if (shadow.entity === 'customer') customers.add(shadow.id);
    const base = shadow.base as { customerId?: unknown } | null;
    if (typeof base?.customerId === 'string') customers.add(base.customerId);
    ids.add(shadow.id);
  }
  for (const mutation of outbox) stringsIn(mutation.args, ids);
  for (const draft of drafts) {
    const note = /^note:([^:]+):/.exec(draft.key);
    if (note) customers.add(note[1]!);
    if (draft.contactId) ids.add(draft.contactId);
  }
  const named = [...ids];
  const [customerRows, ...rowLists] = await Promise.all([db.customers.bulkGet(named), ...CUSTOMER_ROWS.map((entity) => db.entityTable(entity).bulkGet(named))]);
  customerRows.forEach((row) => row && customers.add(row.id));
  for (const rows of rowLists) for (const row of rows) if (row) customers.add((row as { customerId: string }).customerId);
  return customers;
}

/** Customers in my work on this desktop (see the module's comment). */
export async function customersInMyWork(db: AgentDeskDb, userId: string): Promise<Set<string>> {
  const [waiting, assigned, offered, followUps, pending] = await Promise.all([
    db.queueItems.where('[state+slaDueAt]').between(['waiting', -Infinity], ['waiting', Infinity]).toArray(),
    db.queueItems.where('assigneeId').equals(userId).toArray(),
    db.queueItems.where('[offeredTo+state]').between([userId, ''], [userId, '\uffff']).toArray(),
    db.followUps.where('[state+ownerId+dueAt]').between(['scheduled', userId, -Infinity], ['scheduled', userId, Infinity]).toArray(),
    customersWithPendingWork(db),
  ]);
  const customers = pending;
  for (const item of [...waiting, ...assigned, ...offered]) if (queueItemInMyWork(item, userId)) customers.add(item.customerId);
  for (const followUp of followUps) customers.add(followUp.customerId);
  return customers;
}

export interface EvictionCandidate {
  customerId: string;
  /** Their latest history entry. */
  latestAt: number;
  contacts: number;
}

/**
 * Customers out of my work with history on this desktop, oldest latest entry first. Those whose history was
 * fetched back lately are left too: they were opened, and would otherwise be the oldest again at once.
 */
export async function evictionCandidates(db: AgentDeskDb, userId: string, now: number = Date.now(), keysPerRead = KEYS_PER_READ): Promise<EvictionCandidate[]> {
  const [inWork, fetchedBack] = await Promise.all([customersInMyWork(db, userId), recentlyFetchedBack(db, now)]);
  for (const customerId of fetchedBack) inWork.add(customerId);
  const byCustomer = new Map<string, EvictionCandidate>();
  // The index's keys alone ([customerId, at], in order): no contact is read. In chunks, each its own transaction,
  // so a large cache does not hold off the writes of the sync and the workstation while it is read. (Two contacts of
  // a customer at the same instant across a chunk's end count as one: a count only sizes the batches.)
  let after: [string, number] | null = null;
  for (;;) {
    const range = after ? db.contacts.where('[customerId+at]').above(after) : db.contacts.orderBy('[customerId+at]');
    const keys = (await range.limit(keysPerRead).keys()) as unknown as [string, number][];
    for (const [customerId, at] of keys) {
      if (inWork.has(customerId)) continue;
      const candidate = byCustomer.get(customerId);
      if (candidate) {
        candidate.contacts += 1;
        candidate.latestAt = Math.max(candidate.latestAt, at);
      } else byCustomer.set(customerId, { customerId, latestAt: at, contacts: 1 });
    }
    if (keys.length < keysPerRead) break;
    after = keys.at(-1)!;
  }
  return [...byCustomer.values()].sort((a, b) => a.latestAt - b.latestAt || a.customerId.localeCompare(b.customerId));
}

/**
 * Evicts these customers' history in one transaction: their contacts (but those
 * an unfinished queue item or open follow-up still points at, and notes on
 * those), the surveys of the contacts evicted, finished queue items and
 * finished follow-ups. A customer found in my work inside the transaction
 * (a change made since they were chosen) is left alone. Answers the rows
 * evicted; open views and the search index hear of them as of any write.
 */
export async function evictCustomers(db: AgentDeskDb, userId: string, customerIds: readonly string[], now: number): Promise<{ customers: number; rows: number }> {
  const changes = new ChangeCollector();
  const tables = [db.contacts, db.surveys, db.queueItems, db.followUps, db.shadow, db.outbox, db.drafts, db.customers, db.evictions];
  const done = await db.transaction('rw', tables, async () => {
    const pending = await customersWithPendingWork(db);
    let customers = 0;
    let rows = 0;
    for (const customerId of customerIds) {
      if (pending.has(customerId)) continue;
      const range = db.contacts.where('[customerId+at]').between([customerId, -Infinity], [customerId, Infinity]);
      const [contacts, items, followUps, surveys, earlier] = await Promise.all([
        range.toArray(),
        db.queueItems.where('customerId').equals(customerId).toArray(),
        db.followUps.where('customerId').equals(customerId).toArray(),
        db.surveys.where('customerId').equals(customerId).toArray(),
        db.evictions.get(customerId),
      ]);
      if (items.some((item) => queueItemInMyWork(item, userId))) continue;
      if (followUps.some((followUp) => followUp.state === 'scheduled' && followUp.ownerId === userId)) continue;
      const keptItems = items.filter((item) => UNFINISHED_QUEUE_STATES.has(item.state));
      const keptFollowUps = followUps.filter((followUp) => followUp.state === 'scheduled');
      const kept = new Set<string>([...keptItems.map((item) => item.contactId), ...keptFollowUps.flatMap((followUp) => [followUp.contactId, followUp.outcomeContactId].filter((id): id is string => !!id))]);
      const goneContacts = contacts.filter((contact) => !kept.has(contact.id) && !(contact.parentId && kept.has(contact.parentId)));
      const goneIds = new Set(goneContacts.map((contact) => contact.id));
      const goneSurveys = surveys.filter((survey) => goneIds.has(survey.contactId));
      const goneItems = items.filter((item) => !UNFINISHED_QUEUE_STATES.has(item.state));
      const goneFollowUps = followUps.filter((followUp) => followUp.state !== 'scheduled');
      const count = goneContacts.length + goneSurveys.length + goneItems.length + goneFollowUps.length;
      if (goneContacts.length === 0) continue;
      const evict = async <E extends EntityName>(entity: E, gone: readonly { id: string }[]) => {
        if (gone.length === 0) return;
        await db.entityTable(entity).bulkDelete(gone.map((row) => row.id));
        for (const row of gone) changes.add(entity, row.id);
      };
      await evict('contact', goneContacts);
      await evict('survey', goneSurveys);
      await evict('queueItem', goneItems);
      await evict('followUp', goneFollowUps);
      const through = Math.max(earlier?.through ?? -Infinity, ...goneContacts.map((contact) => contact.at));
      const mark: EvictionRow = { customerId, at: now, through, rows: (earlier?.rows ?? 0) + count };
      await db.evictions.put(mark);
      customers += 1;
      rows += count;
    }
    return { customers, rows };
  });
  changes.emit();
  return done;
}

export interface EvictionOptions {
  userId: string;
  budgetBytes: number;
  estimator: CacheEstimator;
  now?: () => number;
  /** About how many rows one transaction evicts. */
  batchRows?: number;
  /** Between batches, so a pass over a large cache leaves the thread (and IndexedDB) to others. */
  pause?: () => Promise<void>;
}

export interface EvictionReport {
  usage: number | null;
  budgetBytes: number;
  bytesPerRow: number;
  /** Rows the pass set out to evict. */
  wanted: number;
  customers: number;
  rows: number;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** One pass: when the cache is over its budget, evicts about enough rows to bring it under EVICTION_TARGET of it. */
export async function runEvictionPass(db: AgentDeskDb, options: EvictionOptions): Promise<EvictionReport> {
  const { userId, budgetBytes, estimator, now = Date.now, batchRows = 500, pause = nextTask } = options;
  const usage = await estimator.usage();
  const report: EvictionReport = { usage, budgetBytes, bytesPerRow: 0, wanted: 0, customers: 0, rows: 0 };
  const excess = usage === null ? 0 : bytesToFree(usage, budgetBytes);
  if (excess === 0) return report;
  report.bytesPerRow = await (estimator.bytesPerRow ?? sampledRowBytes)(db);
  report.wanted = rowsToEvict(excess, report.bytesPerRow);
  const candidates = await evictionCandidates(db, userId, now());
  let next = 0;
  while (report.rows < report.wanted && next < candidates.length) {
    // A batch: the oldest customers left, about `batchRows` contacts in all (at least one customer).
    const batch: string[] = [];
    let contacts = 0;
    while (next < candidates.length && (batch.length === 0 || contacts < batchRows) && report.rows + contacts < report.wanted) {
      const candidate = candidates[next++]!;
      batch.push(candidate.customerId);
      contacts += candidate.contacts;
    }
    const evicted = await evictCustomers(db, userId, batch, now());
    report.customers += evicted.customers;
    report.rows += evicted.rows;
    if (report.rows < report.wanted && next < candidates.length) await pause();
  }
  return report;
}
