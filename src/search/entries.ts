/**
 * One table of indexed rows (contacts, or customers): a FlexSearch index whose
 * entries are numbered here, with each entry's row id, owner and text hash.
 *
 * Every word is indexed whole and by each of its starts from MIN_PREFIX letters
 * ("rou" finds "router" while it is typed), folded as `fold` does. Entries get
 * numbers of their own, in the order they are added, never reused: a changed
 * or deleted row leaves its old entry behind, dead, and searches skip it. So
 * the index only ever grows at its end, and what was saved never changes: a
 * save writes only the entries added since the last one (a segment) and the
 * numbers of entries that died.
 */
import { decodePostings, encodePostings, lowerBound, newIndex, postingsOf, registryOf } from './postings';
import { MIN_PREFIX, words } from './text';

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

/** How many entries a word's score slots hold. */
function countOf(slots: readonly number[][]): number {
  return slots.reduce((sum, list) => sum + list.length, 0);
}

/** Whether a word's score slots hold the entry (each slot ascending, so by bisection). */
function holds(slots: readonly number[][], entry: number): boolean {
  return slots.some((list) => list[lowerBound(list, entry)] === entry);
}

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

/** One FlexSearch index whose entries are numbered here, with their row's id and what they belong to. */
export class Entries {
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
    this.index.add(this.append(id, owner, h), indexedTerms(text));
  }

  /** A new entry at the end (dead when it has no id: read back from a segment). */
  private append(id: string | undefined, owner: number, h: number): number {
    const entry = this.ids.length;
    this.ids.push(id);
    this.owners.push(owner);
    this.hashes.push(h);
    if (owner >= 0) this.owned(owner).push(entry);
    if (id === undefined) this.dead += 1;
    else this.current.set(id, entry);
    return entry;
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
    return lists.sort((a, b) => countOf(a) - countOf(b));
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
    // A rare word (a reference number) beside common ones: its few entries are looked up in their lists instead.
    const few = countOf(rarest!) * 32 < others.reduce((sum, slots) => sum + countOf(slots), 0);
    const words = Math.ceil(this.ids.length / 32);
    const sets = few
      ? []
      : others.map((slots) => {
          const bits = new Uint32Array(words);
          for (const list of slots) for (const entry of list) bits[entry >>> 5]! |= 1 << (entry & 31);
          return bits;
        });
    const hasAll = few
      ? (entry: number) => others.every((slots) => holds(slots, entry))
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
    const own = this.byOwner.get(owner) ?? [];
    const [rarest, ...others] = lists;
    let candidates: number[];
    let check: number[][][];
    if (own.length < countOf(rarest!)) {
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
      if (check.every((slots) => holds(slots, entry))) found.push(entry);
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
    const registry = registryOf(entries.index);
    for (const segment of segments) {
      if (segment.from !== entries.ids.length) throw new Error(`A search segment starts at ${segment.from}, after ${entries.ids.length} entries`);
      for (let i = 0; i < segment.ids.length; i++) {
        registry.add(entries.append(segment.ids[i] ?? undefined, segment.owners[i]!, segment.hashes[i]!));
      }
      decodePostings(map, segment.words, segment.postings, segment.from);
      for (const entry of segment.died) {
        const id = entries.ids[entry];
        if (id === undefined) continue;
        if (entries.current.get(id) === entry) entries.current.delete(id);
        // Nothing counts as saved until every segment is read, so this journals nothing as died.
        entries.kill(entry);
      }
    }
    entries.saved = entries.ids.length;
    return entries;
  }
}
