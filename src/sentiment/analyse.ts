/**
 * An offline, lexicon-based sentiment analyser for customer-service English.
 *
 * The text is split into sentences and tokens; phrases from the lexicon are
 * matched longest first; each sentiment word is then strengthened by an
 * intensifier before it ("really useless"), softened by a dampener ("a bit
 * slow"), turned around by a negation ("not happy", "isn't working"), and made
 * louder by capitals ("USELESS"). Within a sentence, what follows "but" counts
 * more than what precedes it; "!" and "??" add emphasis. The sum is squashed
 * into −1..1 with score / √(score² + α).
 */
import { ACRONYMS, CONTRASTS, LEXICON, type LexiconEntry, MODIFIERS, NEGATORS } from './lexicon';

export type SentimentLabel = 'negative' | 'neutral' | 'positive';

export interface SentimentResult {
  /** From −1 (very negative) to 1 (very positive). */
  score: number;
  label: SentimentLabel;
  /** The words and phrases that drove the score, strongest first. */
  cues: string[];
}

/** A score at or below this is negative. */
export const NEGATIVE_THRESHOLD = -0.3;
/** A score at or above this is positive. */
export const POSITIVE_THRESHOLD = 0.3;
export const SENTIMENT_THRESHOLDS = { negative: NEGATIVE_THRESHOLD, positive: POSITIVE_THRESHOLD } as const;

/** How quickly the sum approaches ±1: the sum that scores ±0.5 is √(α/3). */
export const NORMALISATION_ALPHA = 15;

/** A negated word keeps this share of its weight, with the opposite sign. */
const NEGATION_SCALAR = -0.75;
/** A sentiment word in capitals (when it is not an acronym) weighs this much more. */
const CAPS_BOOST = 0.5;
/** How far back (in tokens) a negation or a modifier reaches. */
const REACH = 3;
/** Weight of what comes before and after "but" in a sentence. */
const BEFORE_CONTRAST = 0.5;
const AFTER_CONTRAST = 1.5;
/** Each "!" (up to four) adds this to a sentence's weight, in its direction. */
const EXCLAMATION_STEP = 0.3;
/** Each "?" beyond the first (up to three) adds this; a bare "??" reads as impatience. */
const QUESTION_STEP = 0.25;
const BARE_QUESTIONS = -0.5;
/** Three or more shouted words in a sentence that is not otherwise positive. */
const SHOUTING = -0.8;
const LONGEST_PHRASE = 7;

export function labelFor(score: number): SentimentLabel {
  if (score <= NEGATIVE_THRESHOLD) return 'negative';
  if (score >= POSITIVE_THRESHOLD) return 'positive';
  return 'neutral';
}

// ------------------------------------------------------------------ tokens

interface Token {
  raw: string;
  norm: string;
  kind: 'word' | 'emoji' | 'punct';
  /** Index among the sentence's tokens. */
  at: number;
}

const EMOTICON = String.raw`>:\(|:'\(|:-?\(\(?|:-?\)|=\)|:\]|:-?[dD](?![\p{L}\p{N}])|;-?\)|<3|:-?\/(?!\/)|:\||:@`;
const EMOJI = String.raw`\p{Extended_Pictographic}`;
const SCORE = String.raw`\d{1,2}\/\d{1,2}`;
const WORD = String.raw`[\p{L}\p{N}£$€]+(?:['\-][\p{L}\p{N}]+)*`;
const PUNCT = String.raw`[!?]+|[.;,…]+|\n|—|–(?=\s)`;
const TOKEN = new RegExp(`(?<emo>(?<![\\p{L}\\p{N}:/])(?:${EMOTICON}))|(?<emoji>${EMOJI})|(?<word>${SCORE}|${WORD})|(?<punct>${PUNCT})`, 'gu');

/** Apostrophe-less spellings customers type, read as their usual forms. */
const CONTRACTIONS: Readonly<Record<string, string>> = {
  dont: "don't",
  doesnt: "doesn't",
  didnt: "didn't",
  isnt: "isn't",
  wasnt: "wasn't",
  arent: "aren't",
  werent: "weren't",
  wont: "won't",
  wouldnt: "wouldn't",
  couldnt: "couldn't",
  shouldnt: "shouldn't",
  havent: "haven't",
  hasnt: "hasn't",
  hadnt: "hadn't",
  cant: "can't",
  aint: "ain't",
  im: "i'm",
  ive: "i've",
  thats: "that's",
  whats: "what's",
  youre: "you're",
  youve: "you've",
  weve: "we've",
  theyve: "they've",
  gods: "god's",
};

function normaliseWord(raw: string): string {
  const lower = raw.toLowerCase();
  return CONTRACTIONS[lower] ?? lower;
}

/** Sentences as lists of tokens; punctuation that ends a sentence is kept as its last token. */
function sentencesOf(text: string): Token[][] {
  const clean = text
    .normalize('NFC')
    .replace(/\bhttps?:\/\/\S+|\bwww\.\S+|\S+@\S+\.\S+/gi, ' ')
    .replace(/[‘’ʼ`´]/g, "'")
    .replace(/[“”]/g, '"');
  const sentences: Token[][] = [];
  let current: Token[] = [];
  const end = () => {
    if (current.length > 0) sentences.push(current);
    current = [];
  };
  for (const match of clean.matchAll(TOKEN)) {
    const groups = match.groups ?? {};
    const raw = match[0];
    if (groups.punct !== undefined) {
      const sentenceEnd = /[!?.…\n]/.test(raw);
      current.push({ raw, norm: raw, kind: 'punct', at: current.length });
      if (sentenceEnd) end();
    } else if (groups.emo !== undefined || groups.emoji !== undefined) {
      current.push({ raw, norm: raw.toLowerCase(), kind: 'emoji', at: current.length });
    } else {
      current.push({ raw, norm: normaliseWord(raw), kind: 'word', at: current.length });
    }
  }
  end();
  return sentences;
}

function isNegator(norm: string): boolean {
  return NEGATORS.has(norm) || NEGATORS.has(norm.replace(/'/g, '')) || norm.endsWith("n't");
}

function isShouted(raw: string): boolean {
  const letters = raw.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase() && !ACRONYMS.has(raw.toUpperCase());
}

// ------------------------------------------------------------------ items

type Item =
  | { kind: 'sentiment'; entry: LexiconEntry; start: number; end: number; text: string; shouted: boolean; emoji: boolean }
  | { kind: 'modifier'; scalar: number; start: number; end: number }
  | { kind: 'negator'; start: number; end: number; text: string }
  | { kind: 'contrast'; start: number; end: number }
  | { kind: 'clause'; start: number; end: number };

/** Reads a sentence into items, matching the longest phrase at each place. */
function itemsOf(tokens: readonly Token[]): Item[] {
  const items: Item[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (token.kind === 'punct') {
      if (!/[!?.…\n]/.test(token.raw)) items.push({ kind: 'clause', start: i, end: i + 1 });
      i += 1;
      continue;
    }
    let matched = false;
    for (let length = Math.min(LONGEST_PHRASE, tokens.length - i); length >= 1 && !matched; length -= 1) {
      const span = tokens.slice(i, i + length);
      if (span.some((t) => t.kind === 'punct')) continue;
      const key = span.map((t) => t.norm).join(' ');
      const end = i + length;
      const entry = LEXICON[key];
      if (entry !== undefined) {
        const shouted = span.some((t) => t.kind === 'word' && isShouted(t.raw));
        items.push({ kind: 'sentiment', entry, start: i, end, text: key, shouted, emoji: span.every((t) => t.kind === 'emoji') });
      } else if (MODIFIERS[key] !== undefined) {
        items.push({ kind: 'modifier', scalar: MODIFIERS[key], start: i, end });
      } else if (NEGATORS.has(key) || (length === 1 && isNegator(key))) {
        items.push({ kind: 'negator', start: i, end, text: span.map((t) => t.raw.toLowerCase()).join(' ') });
      } else if (length === 1 && CONTRASTS.has(key)) {
        items.push({ kind: 'contrast', start: i, end });
      } else {
        continue;
      }
      i = end;
      matched = true;
    }
    if (!matched) i += 1;
  }
  return items;
}

function valueOf(entry: LexiconEntry, negated: boolean): number {
  if (typeof entry === 'number') return negated ? entry * NEGATION_SCALAR : entry;
  return negated ? entry[1] : entry[0];
}

interface Contribution {
  cue: string;
  value: number;
}

/** The weight of one sentence, and what made it. */
function scoreSentence(tokens: readonly Token[]): { sum: number; contributions: Contribution[] } {
  const items = itemsOf(tokens);
  const lastContrast = items.reduce((last, item, index) => (item.kind === 'contrast' ? index : last), -1);
  const contributions: Contribution[] = [];
  let sum = 0;

  items.forEach((item, index) => {
    if (item.kind !== 'sentiment') return;
    let negation: Extract<Item, { kind: 'negator' }> | null = null;
    let boost = 0;
    // Look back within the clause for negations and modifiers.
    for (let back = index - 1; back >= 0; back -= 1) {
      const before = items[back]!;
      const distance = item.start - before.end;
      if (before.kind === 'clause' || before.kind === 'contrast' || before.kind === 'sentiment' || distance >= REACH) break;
      if (before.kind === 'negator') negation ??= before;
      if (before.kind === 'modifier') boost += before.scalar * (1 - 0.05 * distance);
    }
    // Emoji and emoticons say how the customer feels whatever the words around them.
    const negatable = item.emoji ? false : typeof item.entry !== 'number' || item.entry !== 0;
    const negated = negation !== null && negatable;
    let value = valueOf(item.entry, negated);
    if (value === 0) return;
    value *= Math.max(0.2, 1 + boost);
    if (item.shouted) value *= 1 + CAPS_BOOST;
    if (lastContrast >= 0) value *= index < lastContrast ? BEFORE_CONTRAST : AFTER_CONTRAST;
    const cue = negated && negation ? `${negation.text} ${item.text}` : item.text;
    contributions.push({ cue: item.shouted ? cue.toUpperCase() : cue, value });
    sum += value;
  });

  const words = tokens.filter((t) => t.kind === 'word');
  const shouted = words.filter((t) => isShouted(t.raw)).length;
  if (shouted >= 3 && sum <= 0.5) {
    contributions.push({ cue: 'ALL CAPS', value: SHOUTING });
    sum += SHOUTING;
  }

  const closing = tokens[tokens.length - 1];
  const marks = closing?.kind === 'punct' ? closing.raw : '';
  const exclamations = Math.min(4, (marks.match(/!/g) ?? []).length);
  const questions = Math.min(3, (marks.match(/\?/g) ?? []).length);
  if (sum !== 0) {
    const emphasis = exclamations * EXCLAMATION_STEP + Math.max(0, questions - 1) * QUESTION_STEP;
    sum += Math.sign(sum) * emphasis;
  } else if (questions >= 2 || (questions >= 1 && exclamations >= 1)) {
    contributions.push({ cue: marks, value: BARE_QUESTIONS });
    sum += BARE_QUESTIONS;
  }
  return { sum, contributions };
}

/** The tone of a customer's words, from −1 to 1, with the words that drove it. */
export function analyseSentiment(text: string): SentimentResult {
  let total = 0;
  const byCue = new Map<string, number>();
  for (const sentence of sentencesOf(text)) {
    const { sum, contributions } = scoreSentence(sentence);
    total += sum;
    for (const { cue, value } of contributions) byCue.set(cue, (byCue.get(cue) ?? 0) + value);
  }
  const raw = total / Math.sqrt(total * total + NORMALISATION_ALPHA);
  const score = Math.round(Math.max(-1, Math.min(1, raw)) * 1000) / 1000 || 0;
  const label = labelFor(score);
  const direction = label === 'negative' ? -1 : label === 'positive' ? 1 : 0;
  const cues = [...byCue.entries()]
    .filter(([, value]) => value !== 0 && (direction === 0 || Math.sign(value) === direction))
    .sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))
    .slice(0, 8)
    .map(([cue]) => cue);
  return { score, label, cues };
}
