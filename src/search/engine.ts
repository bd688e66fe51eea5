/**
 * History search over the local cache: the index (history-index.ts) kept
 * current from the change notices every thread posts after a committed write,
 * and saved in the cache's own database so that a restart reads it back
 * instead of rebuilding it.
 *
 * Saving: the index only grows at its end, so a save writes a segment (what
 * was added since the last one) in one transaction with dropping the journal
 * it covers. Between saves, each notice's row ids are journaled before they
 * are applied: a restart reads the segments, then re-reads the journaled
 * rows. A snapshot of another format, one that cannot be read, or one whose
 * counts disagree with the cache's (rows written while nothing was listening)
 * is dropped and the index rebuilt from the cache.
 *
 * A first sync is not indexed page by page: the index is built once the
 * cache is complete (one read of every row, off the first sync's path). A
 * saved index need not be read back at once: until it is, notices are only
 * journaled.
 */
import type { AgentDeskDb, LocalRow } from '../db/schema';
import { META } from '../db/schema';
import type { LocalChanges } from '../sync/local';
import { HistoryIndex, SEARCH_FORMAT, type HistorySearchStats } from './history-index';

export type HistorySearchState = 'waiting' | 'building' | 'ready';

export interface HistorySearchOptions {
  /** Rows read so far while building. */
  onProgress?: (loaded: number, total: number) => void;
  /** Segments beyond this many are merged into one on the next save. */
  maxSegments?: number;
  /** Rows read per page while building. */
  page?: number;
}

/** How the index came to be, for tests and diagnostics. */
export type HistorySearchOrigin = 'restored' | 'built' | null;

export class HistorySearch {
  private index: HistoryIndex | null = null;
  state: HistorySearchState = 'waiting';
  origin: HistorySearchOrigin = null;
  /** Highest journal row applied to the index in memory. */
  private journaled = 0;
  private segments = 0;
  private readonly maxSegments: number;
  private readonly page: number;

  constructor(
    private readonly db: AgentDeskDb,
    private readonly options: HistorySearchOptions = {},
  ) {
    this.maxSegments = options.maxSegments ?? 24;
    this.page = options.page ?? 5_000;
  }

  get ready(): boolean {
    return this.state === 'ready';
  }

  stats(): HistorySearchStats | null {
    return this.index?.stats() ?? null;
  }

  /** Whether an index is saved (read back or not). */
  async hasSaved(): Promise<boolean> {
    return (await this.db.searchSegments.count()) > 0;
  }

  /**
   * Reads the saved index back, or builds it when the cache is complete.
   * Returns whether the index is ready (false: the first sync has not
   * finished; call again later).
   */
  async open(): Promise<boolean> {
    if (this.ready) return true;
    if (!(await this.db.getMeta<boolean>(META.bootstrapped))) return false;
    if (await this.restore()) return true;
    await this.rebuild();
    return true;
  }

  private async restore(): Promise<boolean> {
    const rows = await this.db.searchSegments.orderBy('seq').toArray();
    if (rows.length === 0 || rows.some((row) => row.segment.format !== SEARCH_FORMAT)) return false;
    let index: HistoryIndex;
    try {
      index = HistoryIndex.restore(rows.map((row) => row.segment));
    } catch {
      return false;
    }
    this.index = index;
    this.segments = rows.length;
    const journal = await this.db.searchJournal.orderBy('seq').toArray();
    for (const row of journal) {
      await this.reread(row.touched);
      this.journaled = Math.max(this.journaled, row.seq ?? 0);
    }
    const counts = index.counts();
    const [contacts, customers] = await Promise.all([this.db.contacts.count(), this.db.customers.count()]);
    if (counts.contacts !== contacts || counts.customers !== customers) {
      this.index = null;
      return false;
    }
    this.state = 'ready';
    this.origin = 'restored';
    return true;
  }

  /** Reads every contact and customer into a new index and saves it whole. */
  async rebuild(): Promise<void> {
    this.state = 'building';
    const index = new HistoryIndex();
    const [contacts, customers] = await Promise.all([this.db.contacts.count(), this.db.customers.count()]);
    const total = contacts + customers;
    let loaded = 0;
    this.options.onProgress?.(0, total);
    const read = async <E extends 'customer' | 'contact'>(entity: E, put: (row: LocalRow<E>) => void) => {
      const table = this.db.entityTable(entity);
      let last: string | null = null;
      for (;;) {
        const rows: LocalRow<E>[] = await (last === null ? table.orderBy(':id').limit(this.page) : table.where(':id').above(last).limit(this.page)).toArray();
        for (const row of rows) put(row);
        loaded += rows.length;
        this.options.onProgress?.(loaded, total);
        if (rows.length < this.page) break;
        last = rows[rows.length - 1]!.id;
      }
    };
    await read('customer', (row) => index.putCustomer(row));
    await read('contact', (row) => index.putContact(row));
    this.index = index;
    const segment = index.takeSegment(true);
    await this.db.transaction('rw', this.db.searchSegments, this.db.searchJournal, async () => {
      await this.db.searchSegments.clear();
      await this.db.searchJournal.clear();
      await this.db.searchSegments.add({ segment });
    });
    this.segments = 1;
    this.journaled = 0;
    this.state = 'ready';
    this.origin = 'built';
  }

  /**
   * Applies a committed write's notice: journaled first (once the index has
   * been saved), then the touched rows re-read into the index. A reset of the
   * cache drops the index: it is built again when the cache is complete.
   */
  async apply(changes: LocalChanges): Promise<boolean> {
    if (changes.reset) {
      this.index = null;
      this.state = 'waiting';
      this.origin = null;
      await this.db.transaction('rw', this.db.searchSegments, this.db.searchJournal, async () => {
        await this.db.searchSegments.clear();
        await this.db.searchJournal.clear();
      });
      return true;
    }
    const touched = { contact: changes.touched.contact, customer: changes.touched.customer };
    if (!touched.contact?.length && !touched.customer?.length) return false;
    if (!this.index || !this.ready) {
      // A saved index not read back yet: the rows are journaled, and re-read when it is.
      if (this.state === 'waiting' && (await this.hasSaved())) await this.db.searchJournal.add({ touched });
      return false;
    }
    const seq = await this.db.searchJournal.add({ touched });
    await this.reread(touched);
    this.journaled = Math.max(this.journaled, seq);
    return true;
  }

  private async reread(touched: { contact?: string[]; customer?: string[] }): Promise<void> {
    const index = this.index!;
    await this.rereadRows('customer', touched.customer, (row) => index.putCustomer(row), (id) => index.removeCustomer(id));
    await this.rereadRows('contact', touched.contact, (row) => index.putContact(row), (id) => index.removeContact(id));
  }

  /** Puts each touched row that is still in the cache into the index, and removes the ones that are not. */
  private async rereadRows<E extends 'customer' | 'contact'>(entity: E, ids: string[] | undefined, put: (row: LocalRow<E>) => void, remove: (id: string) => void): Promise<void> {
    if (!ids?.length) return;
    const rows = await this.db.entityTable(entity).bulkGet(ids);
    ids.forEach((id, i) => {
      const row = rows[i];
      if (row) put(row);
      else remove(id);
    });
  }

  /** Whether a save would write anything. */
  get unsaved(): boolean {
    return !!this.index && this.ready && (this.index.unsaved || this.journaled > 0);
  }

  /**
   * Saves what changed since the last save, and drops the journal it covers.
   * Too many segments are merged into one; too many dead entries mean a
   * rebuild from the cache instead.
   */
  async save(): Promise<void> {
    const index = this.index;
    if (!index || !this.ready) return;
    if (index.needsCompaction()) return this.rebuild();
    if (!index.unsaved && this.journaled === 0) return;
    const full = this.segments >= this.maxSegments;
    const segment = index.takeSegment(full);
    const through = this.journaled;
    await this.db.transaction('rw', this.db.searchSegments, this.db.searchJournal, async () => {
      if (full) await this.db.searchSegments.clear();
      await this.db.searchSegments.add({ segment });
      await this.db.searchJournal.where('seq').belowOrEqual(through).delete();
    });
    this.segments = full ? 1 : this.segments + 1;
    if (this.journaled === through) this.journaled = 0;
  }

  /** Contacts matching the query (see HistoryIndex.searchHistory); null while the index is not ready. */
  searchHistory(query: string, options: { customerId?: string; limit?: number } = {}): string[] | null {
    return this.ready && this.index ? this.index.searchHistory(query, options) : null;
  }

  /** Customers matching the query; null while the index is not ready. */
  searchCustomers(query: string, limit?: number): string[] | null {
    return this.ready && this.index ? this.index.searchCustomers(query, limit) : null;
  }
}
