/**
 * FlexSearch's word lists, read and saved directly.
 *
 * FlexSearch tokenizes and keeps the word → entries lists (by score slot:
 * earlier in the text first). Queries read those lists directly, and saved
 * segments are those lists encoded here (as delta varints: a fifth of
 * FlexSearch's JSON export, and read back without JSON.parse). That reads
 * FlexSearch 0.8's map; SEARCH_FORMAT (history-index.ts) is bumped with any
 * change of it, and a snapshot of another format is rebuilt.
 */
import { Encoder, Index } from 'flexsearch';

/** FlexSearch's score slots: earlier in the text (the subject) ranks higher. */
export const RESOLUTION = 9;

/** FlexSearch 0.8's inside: word → score slot → entries, ascending. */
export type PostingMap = Map<string, (number[] | undefined)[]>;

export function newIndex(): Index {
  // Terms arrive folded and space-separated (`indexedTerms`, `queryTerms`): the encoder only splits.
  const encoder = new Encoder({ normalize: false, split: ' ', numeric: false, dedupe: false, cache: false });
  // Strict: the starts are listed by `indexedTerms`. No fast update: it doubles the memory, and this index never removes.
  const index = new Index({ tokenize: 'strict', encoder, resolution: RESOLUTION, fastupdate: false, cache: false });
  if (!(postingsOf(index) instanceof Map)) throw new Error('This FlexSearch keeps its index differently: the search snapshot format needs updating');
  return index;
}

export function postingsOf(index: Index): PostingMap {
  return (index as unknown as { map: PostingMap }).map;
}

/** The entries FlexSearch knows of: entries read back from a segment are added here, as `add` would. */
export function registryOf(index: Index): Set<number> {
  return (index as unknown as { reg: Set<number> }).reg;
}

/** First index in an ascending list at or above `value`. */
export function lowerBound(list: readonly number[], value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
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

/**
 * Postings of entries ≥ from: the words that have any (space-separated), and
 * per word a bit per score slot present, and each slot's entries as deltas
 * (the first from `from`).
 */
export function encodePostings(map: PostingMap, from: number): { words: string; postings: Uint8Array } {
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
export function decodePostings(map: PostingMap, words: string, bytes: Uint8Array, from: number): void {
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
