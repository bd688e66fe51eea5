/**
 * The desktop's full-text index over its cached history (contacts) and its
 * customers, kept in memory (FlexSearch) and saved in segments.
 *
 * Every word is indexed whole and by each of its starts from MIN_PREFIX letters
 * ("rou" finds "router" while it is typed), folded as `fold` does. Entries get
 * numbers of their own, in the order they are added, never reused: a changed
 * or deleted row leaves its old entry behind, dead, and searches skip it. So
 * the index only ever grows at its end, and what was saved never changes: a
 * save writes only the entries added since the last one (a segment) and the
 * numbers of entries that died. `needsCompaction` says when the dead entries
 * are worth a rebuild from the cache.
 *
 * FlexSearch tokenizes and keeps the word → entries lists (by score slot:
 * earlier in the text first). Queries read those lists directly (`search`,
 * `searchOwned`), and segments are those lists encoded here (as delta
 * varints: a fifth of FlexSearch's JSON export, and read back without
 * JSON.parse). That reads FlexSearch 0.8's map; SEARCH_FORMAT is bumped with
 * any change of it, and a snapshot of another format is rebuilt.
 */
import { Encoder, Index } from 'flexsearch';
import type { Contact, Customer } from '../domain/model';
import { contactSearchText, customerIndexText, MIN_PREFIX, words } from './text';

export { MIN_PREFIX } from './text';

/** Bumped whenever what is indexed, how, or how it is saved changes: saved segments of another format are dropped and the index rebuilt. */
export const SEARCH_FORMAT = 1;


/** FlexSearch's score slots: earlier in the text (the subject) ranks higher. */
const RESOLUTION = 9;

export type IndexedContact = Pick<Contact, 'id' | 'customerId' | 'subject' | 'body' | 'summary' | 'topic' | 'disposition' | 'gesture' | 'promise'>;
export type IndexedCustomer = Pick<Customer, 'id' | 'firstName' | 'lastName' | 'company' | 'emails' | 'phones' | 'tags' | 'mergedInto'>;

/** FlexSearch 0.8's inside: word → score slot → entries, ascending. */
type PostingMap = Map<string, (number[] | undefined)[]>;

function newIndex(): Index {
  // Terms arrive folded and space-separated (`indexedTerms`, `queryTerms`): the encoder only splits.
  const encoder = new Encoder({ normalize: false, split: ' ', numeric: false, dedupe: false, cache: false });
  // Strict: the starts are listed by `indexedTerms`. No fast update: it doubles the memory, and this index never removes.
  const index = new Index({ tokenize: 'strict', encoder, resolution: RESOLUTION, fastupdate: false, cache: false });
  if (!(postingsOf(index) instanceof Map)) throw new Error('This FlexSearch keeps its index differently: the search snapshot format needs updating');
  return index;
}

function postingsOf(index: Index): PostingMap {
  return (index as unknown as { map: PostingMap }).map;
}

/**
 * The terms a text is indexed under: each distinct word, and each of its
 * starts from MIN_PREFIX letters on (FlexSearch's forward tokenizer would also
 * index every one- and two-letter start, which are in nearly every entry).
 */
export function indexedTerms(text: string): string {
  const seen = new Set<string>();
  for (const word of words(text)) {
    if (seen.has(word)) continue;
    seen.add(word);
    for (let length = MIN_PREFIX; length < word.length; length++) seen.add(word.slice(0, length));
  }
  return [...seen].join(' ');
}

/** A query as the index reads it: folded words. */
export function queryTerms(query: string): string {
  return [...new Set(words(query))].join(' ');
}

/** FNV-1a: tells whether a row's text changed without keeping the text. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

// ---------------------------------------------------------------- segments

/** Entries [from, from + ids.length) of one index, and entries before `from` that died since. */
export interface EntriesSegment {
  from: number;
  /** Row ids; null: the entry is dead. */
  ids: (string | null)[];
  owners: Int32Array;
  hashes: Uint32Array;
  /** FlexSearch's postings of these entries (see `encodePostings`). */
  words: string;
  postings: Uint8Array;
  died: number[];
}

/** What one save writes: both indexes' new entries, new customer keys, and the merged customers (all of them: few). */
export interface SearchSegment {
  format: number;
  contacts: EntriesSegment;
  customers: EntriesSegment;
  customerKeys: [string, number][];
  merged: string[];
}

class Bytes {
  buffer = new Uint8Array(1 << 16);
  length = 0;
  private ensure(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buffer.subarray(0, this.length));
    this.buffer = next;
  }
  varint(value: number): void {
    this.ensure(5);
    while (value >= 0x80) {
      this.buffer[this.length++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    this.buffer[this.length++] = value;
  }
  done(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }
}

/** First index in an ascending list at or above `value`. */
function lowerBound(list: readonly number[], value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Postings of entries ≥ from: the words that have any (space-separated), and
 * per word a bit per score slot present, and each slot's entries as deltas
 * (the first from `from`).
 */
function encodePostings(map: PostingMap, from: number): { words: string; postings: Uint8Array } {
  const out = new Bytes();
  const found: string[] = [];
  for (const [word, slots] of map) {
    let mask = 0;
    for (let slot = 0; slot < slots.length; slot++) {
      const list = slots[slot];
      if (list && list.length && list[list.length - 1]! >= from) mask |= 1 << slot;
    }
    if (!mask) continue;
    found.push(word);
    out.varint(mask);
    for (let slot = 0; slot < slots.length; slot++) {
      if (!(mask & (1 << slot))) continue;
      const list = slots[slot]!;
      const start = from === 0 ? 0 : lowerBound(list, from);
      out.varint(list.length - start);
      let previous = from;
      for (let i = start; i < list.length; i++) {
        out.varint(list[i]! - previous);
        previous = list[i]!;
      }
    }
  }
  return { words: found.join(' '), postings: out.done() };
}

/** Appends a segment's postings to the map (segments are read in order, so every list stays ascending). */
function decodePostings(map: PostingMap, words: string, bytes: Uint8Array, from: number): void {
  let at = 0;
  const varint = () => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = bytes[at++]!;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
      shift += 7;
    }
  };
  for (const word of words ? words.split(' ') : []) {
    const mask = varint();
    let slots = map.get(word);
    if (!slots) map.set(word, (slots = []));
    for (let slot = 0; slot < RESOLUTION; slot++) {
      if (!(mask & (1 << slot))) continue;
      const count = varint();
      const list = slots[slot] ?? (slots[slot] = []);
      let previous = from;
      for (let i = 0; i < count; i++) {
        previous += varint();
        list.push(previous);
      }
    }
  }
}

// ---------------------------------------------------------------- entries

/** One FlexSearch index whose entries are numbered here, with their row's id and what they belong to. */
class Entries {
  index = newIndex();
  /** Row id → its live entry. */
  readonly current = new Map<string, number>();
  /** Entry → row id (undefined: dead). */
  ids: (string | undefined)[] = [];
  /** Entry → the owner's key (a contact's customer), or -1. */
  owners: number[] = [];
  hashes: number[] = [];
  /** Owner → its entries, ascending (dead ones too: they are skipped when read). */
  readonly byOwner = new Map<number, number[]>();
  dead = 0;
  /** Entries below this are saved; entries below it that died since are in `died`. */
  saved = 0;
  died: number[] = [];

  get live(): number {
    return this.current.size;
  }

  /** Indexes a row's text; nothing happens when it is already indexed with the same text and owner. */
  put(id: string, text: string, owner: number): void {
    const h = hash(text);
    const existing = this.current.get(id);
    if (existing !== undefined) {
      if (this.hashes[existing] === h && this.owners[existing] === owner) return;
      this.kill(existing);
    }
    const entry = this.ids.length;
    this.ids.push(id);
    this.owners.push(owner);
    this.hashes.push(h);
    this.current.set(id, entry);
    if (owner >= 0) this.owned(owner).push(entry);
    this.index.add(entry, indexedTerms(text));
  }

  private owned(owner: number): number[] {
    let entries = this.byOwner.get(owner);
    if (!entries) this.byOwner.set(owner, (entries = []));
    return entries;
  }

  remove(id: string): void {
    const existing = this.current.get(id);
    if (existing === undefined) return;
    this.current.delete(id);
    this.kill(existing);
  }

  private kill(entry: number): void {
    this.ids[entry] = undefined;
    this.owners[entry] = -1;
    this.dead += 1;
    if (entry < this.saved) this.died.push(entry);
  }

  /** Each word's score slots that hold entries, rarest word first; null when a word has none. */
  private listsOf(terms: string): number[][][] | null {
    const map = postingsOf(this.index);
    const lists = terms
      .split(' ')
      .filter(Boolean)
      .map((term) => Array.from(map.get(term) ?? [], (list) => list ?? []));
    if (lists.length === 0 || lists.some((slots) => !slots.some((list) => list.length > 0))) return null;
    const size = (slots: number[][]) => slots.reduce((sum, list) => sum + list.length, 0);
    return lists.sort((a, b) => size(a) - size(b));
  }

  /**
   * Live row ids matching every word of the query (whole, or as a start of
   * MIN_PREFIX letters or more), best first: the rarest word's entries by
   * FlexSearch's score slot (earlier in the text first), newest first within
   * a slot, each kept when the other words have it too (their entries as bit
   * sets: a pass over each list, however common the words; by bisection when
   * the rarest word has few entries). FlexSearch's own
   * search intersects whole lists and took over 100 ms p95 for two common
   * words over 500,000 contacts.
   */
  search(terms: string, limit: number): string[] {
    const lists = this.listsOf(terms);
    if (!lists || limit <= 0) return [];
    const [rarest, ...others] = lists;
    const size = (slots: number[][]) => slots.reduce((sum, list) => sum + list.length, 0);
    // A rare word (a reference number) beside common ones: its few entries are looked up in their lists instead.
    const few = size(rarest!) * 32 < others.reduce((sum, slots) => sum + size(slots), 0);
    const words = Math.ceil(this.ids.length / 32);
    const sets = few
      ? []
      : others.map((slots) => {
          const bits = new Uint32Array(words);
          for (const list of slots) for (const entry of list) bits[entry >>> 5]! |= 1 << (entry & 31);
          return bits;
        });
    const hasAll = few
      ? (entry: number) => others.every((slots) => slots.some((list) => list[lowerBound(list, entry)] === entry))
      : (entry: number) => sets.every((bits) => (bits[entry >>> 5]! & (1 << (entry & 31))) !== 0);
    const found: string[] = [];
    for (const list of rarest!) {
      for (let i = list.length - 1; i >= 0; i--) {
        const entry = list[i]!;
        const id = this.ids[entry];
        if (id === undefined || !hasAll(entry)) continue;
        found.push(id);
        if (found.length >= limit) return found;
      }
    }
    return found;
  }

  /**
   * Every live row of one owner matching every word, newest entry first. The
   * smaller of two: the rarest word's entries narrowed to the owner's, or the
   * owner's own entries; each then checked against the words' lists
   * (ascending, so by bisection). Either way it does not grow with the rest
   * of the cache.
   */
  searchOwned(terms: string, owner: number): string[] {
    const lists = this.listsOf(terms);
    if (!lists) return [];
    const has = (slots: number[][], entry: number) => slots.some((list) => list[lowerBound(list, entry)] === entry);
    const size = (slots: number[][]) => slots.reduce((sum, list) => sum + list.length, 0);
    const own = this.byOwner.get(owner) ?? [];
    const [rarest, ...others] = lists;
    let candidates: number[];
    let check: number[][][];
    if (own.length < size(rarest!)) {
      candidates = own;
      check = lists;
    } else {
      candidates = [];
      for (const list of rarest!) for (const entry of list) if (this.owners[entry] === owner) candidates.push(entry);
      check = others;
    }
    const found: number[] = [];
    for (const entry of candidates) {
      if (this.ids[entry] === undefined || this.owners[entry] !== owner) continue;
      if (check.every((slots) => has(slots, entry))) found.push(entry);
    }
    return found.sort((a, b) => b - a).map((entry) => this.ids[entry]!);
  }

  /** Entries added since the last save (all of them when `full`), and the earlier ones that died; marks them saved. */
  take(full: boolean): EntriesSegment {
    const from = full ? 0 : this.saved;
    const segment: EntriesSegment = {
      from,
      ids: this.ids.slice(from).map((id) => id ?? null),
      owners: Int32Array.from(this.owners.slice(from)),
      hashes: Uint32Array.from(this.hashes.slice(from)),
      ...encodePostings(postingsOf(this.index), from),
      died: full ? [] : this.died,
    };
    this.saved = this.ids.length;
    this.died = [];
    return segment;
  }

  /** Reads segments back, in the order they were taken. */
  static restore(segments: readonly EntriesSegment[]): Entries {
    const entries = new Entries();
    const map = postingsOf(entries.index);
    const reg = (entries.index as unknown as { reg: Set<number> }).reg;
    for (const segment of segments) {
      if (segment.from !== entries.ids.length) throw new Error(`A search segment starts at ${segment.from}, after ${entries.ids.length} entries`);
      for (let i = 0; i < segment.ids.length; i++) {
        const entry = entries.ids.length;
        const id = segment.ids[i] ?? undefined;
        entries.ids.push(id);
        entries.owners.push(segment.owners[i]!);
        entries.hashes.push(segment.hashes[i]!);
        reg.add(entry);
        if (segment.owners[i]! >= 0) entries.owned(segment.owners[i]!).push(entry);
        if (id === undefined) entries.dead += 1;
        else entries.current.set(id, entry);
      }
      decodePostings(map, segment.words, segment.postings, segment.from);
      for (const entry of segment.died) {
        const id = entries.ids[entry];
        if (id === undefined) continue;
        if (entries.current.get(id) === entry) entries.current.delete(id);
        entries.ids[entry] = undefined;
        entries.owners[entry] = -1;
        entries.dead += 1;
      }
    }
    entries.saved = entries.ids.length;
    return entries;
  }
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
