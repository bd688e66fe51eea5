/**
 * An offline, lexicon-based sentiment analyser for customer-service English,
 * German and Spanish (languages.ts holds each language's words).
 *
 * The text is split into sentences and tokens; phrases from the lexicon are
 * matched longest first; each sentiment word is then strengthened by an
 * intensifier before it ("really useless"), softened by a dampener ("a bit
 * slow"), turned around by a negation ("not happy", "isn't working"), and made
 * louder by capitals ("USELESS"). German negation may also follow its word
 * ("funktioniert nicht"). Within a sentence, what follows "but" counts
 * more than what precedes it; "!" and "??" add emphasis. The sum is squashed
 * into −1..1 with score / √(score² + α).
 */
import { type LanguagePack, type SentimentLanguage, languagePack } from './languages';
import type { LexiconEntry } from './lexicon';

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
/** How far forward a negation after its word reaches: "funktioniert leider immer noch nicht". */
const REACH_AFTER = 4;
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

export function labelFor(score: number): SentimentLabel {
  if (score <= NEGATIVE_THRESHOLD) return 'negative';
  if (score >= POSITIVE_THRESHOLD) return 'positive';
  return 'neutral';
}

// ------------------------------------------------------------------ tokens

interface Token {
  raw: string;
  /** Lower case, folded as the language's lexicon spells it. */
  norm: string;
  /** Lower case as the customer wrote it. */
  lower: string;
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

/** Sentences as lists of tokens; punctuation that ends a sentence is kept as its last token. */
function sentencesOf(text: string, pack: LanguagePack): Token[][] {
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
      current.push({ raw, norm: raw, lower: raw, kind: 'punct', at: current.length });
      if (sentenceEnd) end();
    } else if (groups.emo !== undefined || groups.emoji !== undefined) {
      current.push({ raw, norm: raw.toLowerCase(), lower: raw.toLowerCase(), kind: 'emoji', at: current.length });
    } else {
      const lower = raw.toLowerCase();
      current.push({ raw, norm: pack.fold(lower), lower, kind: 'word', at: current.length });
    }
  }
  end();
  return sentences;
}

function isShouted(raw: string, pack: LanguagePack): boolean {
  const letters = raw.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase() && !pack.acronyms.has(raw.toUpperCase());
}

// ------------------------------------------------------------------ items

type Item =
  | { kind: 'sentiment'; entry: LexiconEntry; start: number; end: number; text: string; shouted: boolean; emoji: boolean }
  | { kind: 'modifier'; scalar: number; start: number; end: number }
  | { kind: 'negator'; start: number; end: number; text: string }
  | { kind: 'contrast'; start: number; end: number }
  | { kind: 'clause'; start: number; end: number };

/** Reads a sentence into items, matching the longest phrase at each place. */
function itemsOf(tokens: readonly Token[], pack: LanguagePack): Item[] {
  const items: Item[] = [];
  const startsSentiment = (at: number) => {
    const next = tokens[at];
    return next !== undefined && next.kind === 'word' && pack.lexicon.has(next.norm);
  };
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (token.kind === 'punct') {
      if (!/[!?.…\n]/.test(token.raw)) items.push({ kind: 'clause', start: i, end: i + 1 });
      i += 1;
      continue;
    }
    let matched = false;
    for (let length = Math.min(pack.longestPhrase, tokens.length - i); length >= 1 && !matched; length -= 1) {
      const span = tokens.slice(i, i + length);
      if (span.some((t) => t.kind === 'punct')) continue;
      const key = span.map((t) => t.norm).join(' ');
      const end = i + length;
      const entry = pack.lexicon.get(key);
      const scalar = pack.modifiers.get(key);
      const text = span.map((t) => (pack.cuesAsWritten ? t.lower : t.norm)).join(' ');
      // A word that is both ("super", "furchtbar") intensifies the sentiment word after it: "super langsam".
      if (entry !== undefined && !(scalar !== undefined && startsSentiment(end))) {
        const shouted = span.some((t) => t.kind === 'word' && isShouted(t.raw, pack));
        items.push({ kind: 'sentiment', entry, start: i, end, text, shouted, emoji: span.every((t) => t.kind === 'emoji') });
      } else if (scalar !== undefined) {
        items.push({ kind: 'modifier', scalar, start: i, end });
      } else if (pack.negators.has(key) || (length === 1 && pack.isNegator(key))) {
        items.push({ kind: 'negator', start: i, end, text: span.map((t) => t.lower).join(' ') });
      } else if (pack.contrasts.has(key)) {
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

type Negation = { item: Extract<Item, { kind: 'negator' }>; after: boolean };

/** Whether a sentiment item follows this negator closely in its clause: then the negation is that item's. */
function negatesForward(items: readonly Item[], index: number): boolean {
  const negator = items[index]!;
  for (let next = index + 1; next < items.length; next += 1) {
    const item = items[next]!;
    if (item.start - negator.end >= REACH || item.kind === 'clause' || item.kind === 'contrast') return false;
    if (item.kind === 'sentiment') return true;
  }
  return false;
}

/**
 * What a negation after the word can turn around: verbs and praise ("funktioniert
 * nicht", "gefällt mir nicht"), not complaints, which German does not negate
 * that way ("seit Tagen nicht" is still a complaint).
 */
function negatableAfter(entry: LexiconEntry): boolean {
  return typeof entry !== 'number' || entry > 0;
}

/** The weight of one sentence, and what made it. */
function scoreSentence(tokens: readonly Token[], pack: LanguagePack): { sum: number; contributions: Contribution[] } {
  const items = itemsOf(tokens, pack);
  const lastContrast = items.reduce((last, item, index) => (item.kind === 'contrast' ? index : last), -1);
  const contributions: Contribution[] = [];
  let sum = 0;

  items.forEach((item, index) => {
    if (item.kind !== 'sentiment') return;
    let negation: Negation | null = null;
    let boost = 0;
    // Look back within the clause for negations and modifiers.
    for (let back = index - 1; back >= 0; back -= 1) {
      const before = items[back]!;
      const distance = item.start - before.end;
      if (before.kind === 'clause' || before.kind === 'contrast' || before.kind === 'sentiment' || distance >= REACH) break;
      if (before.kind === 'negator') negation ??= { item: before, after: false };
      if (before.kind === 'modifier') boost += before.scalar * (1 - 0.05 * distance);
    }
    // German puts "nicht" after the verb ("Das Internet funktioniert immer noch nicht"): a negation with no
    // sentiment word of its own after it turns around the one before it.
    if (negation === null && pack.negationAfter && negatableAfter(item.entry)) {
      for (let next = index + 1; next < items.length; next += 1) {
        const after = items[next]!;
        if (after.kind === 'clause' || after.kind === 'contrast' || after.start - item.end > REACH_AFTER) break;
        // "geht seit Tagen nicht": a fixed complaint in between does not take the negation.
        if (after.kind === 'sentiment' && negatableAfter(after.entry)) break;
        if (after.kind === 'negator' && !negatesForward(items, next)) {
          negation = { item: after, after: true };
          break;
        }
      }
    }
    // Emoji and emoticons say how the customer feels whatever the words around them.
    const negatable = item.emoji ? false : typeof item.entry !== 'number' || item.entry !== 0;
    const negated = negation !== null && negatable;
    let value = valueOf(item.entry, negated);
    if (value === 0) return;
    value *= Math.max(0.2, 1 + boost);
    if (item.shouted) value *= 1 + CAPS_BOOST;
    if (lastContrast >= 0) value *= index < lastContrast ? BEFORE_CONTRAST : AFTER_CONTRAST;
    const cue = negated && negation ? (negation.after ? `${item.text} ${negation.item.text}` : `${negation.item.text} ${item.text}`) : item.text;
    contributions.push({ cue: item.shouted ? cue.toUpperCase() : cue, value });
    sum += value;
  });

  const words = tokens.filter((t) => t.kind === 'word');
  const shouted = words.filter((t) => isShouted(t.raw, pack)).length;
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

/**
 * The tone of a customer's words in one of the languages the analyser reads,
 * from −1 to 1, with the words that drove it. `readSentiment` chooses the
 * language and says when it cannot read a message.
 */
export function analyseSentiment(text: string, language: SentimentLanguage = 'en'): SentimentResult {
  const pack = languagePack(language);
  let total = 0;
  const byCue = new Map<string, number>();
  for (const sentence of sentencesOf(text, pack)) {
    const { sum, contributions } = scoreSentence(sentence, pack);
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
