/**
 * The desktop's full-text index over its cached history (contacts) and its
 * customers, kept in memory (FlexSearch) and saved in segments.
 *
 * Each is a table of entries (entries.ts): numbered in the order they are
 * added, never reused, so the index only grows at its end and a save writes
 * only what was added since the last one, and the entries that died.
 * `needsCompaction` says when the dead entries are worth a rebuild from the
 * cache. Queries and segments read FlexSearch's word lists directly
 * (postings.ts).
 */
import type { Contact, Customer } from '../domain/model';
import { Entries, queryTerms, type EntriesSegment } from './entries';
import { contactSearchText, customerIndexText } from './text';

export { MIN_PREFIX } from './text';
export { indexedTerms, queryTerms, type EntriesSegment } from './entries';

/** Bumped whenever what is indexed, how, or how it is saved changes: saved segments of another format are dropped and the index rebuilt. */
export const SEARCH_FORMAT = 1;

export type IndexedContact = Pick<Contact, 'id' | 'customerId' | 'subject' | 'body' | 'summary' | 'topic' | 'disposition' | 'gesture' | 'promise'>;
export type IndexedCustomer = Pick<Customer, 'id' | 'firstName' | 'lastName' | 'company' | 'emails' | 'phones' | 'tags' | 'mergedInto'>;

/** What one save writes: both indexes' new entries, new customer keys, and the merged customers (all of them: few). */
export interface SearchSegment {
  format: number;
  contacts: EntriesSegment;
  customers: EntriesSegment;
  customerKeys: [string, number][];
  merged: string[];
}

export interface HistorySearchStats {
  contacts: number;
  customers: number;
  /** Entries of changed or deleted rows still in the index. */
  dead: number;
}

/** What the desktop searches: every cached contact (by customer) and every customer not merged into another. */
export class HistoryIndex {
  private contacts = new Entries();
  private customers = new Entries();
  /** Customer id → a small number (contacts are scoped by it). */
  private customerKeys = new Map<string, number>();
  private savedKeys = 0;
  /** Customers merged into another: known, not searchable. */
  private readonly merged = new Set<string>();

  private keyOf(customerId: string): number {
    let key = this.customerKeys.get(customerId);
    if (key === undefined) this.customerKeys.set(customerId, (key = this.customerKeys.size));
    return key;
  }

  putContact(contact: IndexedContact): void {
    this.contacts.put(contact.id, contactSearchText(contact), this.keyOf(contact.customerId));
  }

  removeContact(id: string): void {
    this.contacts.remove(id);
  }

  putCustomer(customer: IndexedCustomer): void {
    if (customer.mergedInto) {
      this.customers.remove(customer.id);
      this.merged.add(customer.id);
      return;
    }
    this.merged.delete(customer.id);
    this.customers.put(customer.id, customerIndexText(customer), -1);
  }

  removeCustomer(id: string): void {
    this.customers.remove(id);
    this.merged.delete(id);
  }

  /**
   * Contacts with every word of the query (whole, or as a word start of
   * MIN_PREFIX letters or more): of everyone, best first (up to `limit`), or
   * every one of one customer's, newest indexed first.
   */
  searchHistory(query: string, options: { customerId?: string; limit?: number } = {}): string[] {
    const terms = queryTerms(query);
    if (options.customerId === undefined) return this.contacts.search(terms, options.limit ?? 50);
    const key = this.customerKeys.get(options.customerId);
    if (key === undefined) return [];
    const found = this.contacts.searchOwned(terms, key);
    return options.limit === undefined ? found : found.slice(0, options.limit);
  }

  /** Customers (not merged into another) whose name, company, emails, phone digits or tags have every word of the query. */
  searchCustomers(query: string, limit = 50): string[] {
    return this.customers.search(queryTerms(query), limit);
  }

  stats(): HistorySearchStats {
    return { contacts: this.contacts.live, customers: this.customers.live, dead: this.contacts.dead + this.customers.dead };
  }

  /** Rows this index holds, to compare with the cache's counts (merged customers included). */
  counts(): { contacts: number; customers: number } {
    return { contacts: this.contacts.live, customers: this.customers.live + this.merged.size };
  }

  /** Whether dead entries make up enough of the index that rebuilding it from the cache is worth it. */
  needsCompaction(): boolean {
    const dead = this.contacts.dead + this.customers.dead;
    return dead > 20_000 && dead > (this.contacts.live + this.customers.live) / 4;
  }

  /** Whether anything changed since the last segment was taken. */
  get unsaved(): boolean {
    return (
      this.contacts.ids.length > this.contacts.saved ||
      this.customers.ids.length > this.customers.saved ||
      this.contacts.died.length > 0 ||
      this.customers.died.length > 0 ||
      this.customerKeys.size > this.savedKeys
    );
  }

  /** What changed since the last segment (everything when `full`), to be saved after the segments before it. */
  takeSegment(full = false): SearchSegment {
    const keys = [...this.customerKeys].slice(full ? 0 : this.savedKeys);
    this.savedKeys = this.customerKeys.size;
    return { format: SEARCH_FORMAT, contacts: this.contacts.take(full), customers: this.customers.take(full), customerKeys: keys, merged: [...this.merged] };
  }

  /** An index read back from its segments, in the order they were taken (the first a full one). */
  static restore(segments: readonly SearchSegment[]): HistoryIndex {
    for (const segment of segments) if (segment.format !== SEARCH_FORMAT) throw new Error(`A search segment of format ${segment.format}, not ${SEARCH_FORMAT}`);
    const index = new HistoryIndex();
    index.contacts = Entries.restore(segments.map((segment) => segment.contacts));
    index.customers = Entries.restore(segments.map((segment) => segment.customers));
    for (const segment of segments) for (const [id, key] of segment.customerKeys) index.customerKeys.set(id, key);
    index.savedKeys = index.customerKeys.size;
    for (const id of segments.at(-1)?.merged ?? []) index.merged.add(id);
    return index;
  }
}
