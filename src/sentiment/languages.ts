/**
 * The languages the sentiment analyser reads, each as one pack: its lexicon,
 * negations, intensifiers and how its words are folded for lookups.
 *
 * English is the curated lexicon in lexicon.ts; German and Spanish ship as data
 * in assets/sentiment/ (sources and licences in assets/sentiment/README.md).
 * They are imported here rather than fetched, so the analyser stays synchronous
 * for the script engine; the bundler keeps them with the screens that analyse
 * (the contact and scripts screens), not in the sign-in chunk, and nothing is
 * built from them until a message is read.
 */
import { z } from 'zod';
import de from '../../assets/sentiment/de.json';
import es from '../../assets/sentiment/es.json';
import { ACRONYMS, CONTRASTS, LEXICON, type LexiconEntry, MODIFIERS, NEGATORS, SYMBOLS } from './lexicon';

export const SENTIMENT_LANGUAGES = ['en', 'de', 'es'] as const;
export type SentimentLanguage = (typeof SENTIMENT_LANGUAGES)[number];

export function isSentimentLanguage(language: string | null | undefined): language is SentimentLanguage {
  return (SENTIMENT_LANGUAGES as readonly (string | null | undefined)[]).includes(language);
}

export interface LanguagePack {
  language: SentimentLanguage;
  /** A lower-case word as the lexicon spells it: contractions expanded, umlauts or accents folded. */
  fold: (word: string) => string;
  lexicon: ReadonlyMap<string, LexiconEntry>;
  modifiers: ReadonlyMap<string, number>;
  negators: ReadonlySet<string>;
  contrasts: ReadonlySet<string>;
  acronyms: ReadonlySet<string>;
  /** Whether a negation may follow the word it turns around ("funktioniert nicht"). */
  negationAfter: boolean;
  /** Whether cues quote the customer's spelling (folded keys such as "enttaeuscht" are not for people). */
  cuesAsWritten: boolean;
  /** The most words in one lexicon phrase, modifier or negation. */
  longestPhrase: number;
  isNegator: (key: string) => boolean;
}

// ------------------------------------------------------------------ English

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

function englishPack(): LanguagePack {
  return {
    language: 'en',
    fold: (word) => CONTRACTIONS[word] ?? word,
    lexicon: new Map(Object.entries(LEXICON)),
    modifiers: new Map(Object.entries(MODIFIERS)),
    negators: NEGATORS,
    contrasts: CONTRASTS,
    acronyms: ACRONYMS,
    negationAfter: false,
    cuesAsWritten: false,
    longestPhrase: 7,
    isNegator: (key) => NEGATORS.has(key) || NEGATORS.has(key.replace(/'/g, '')) || key.endsWith("n't"),
  };
}

// ------------------------------------------------------------------ from data

function languageFileSchema() {
  const entry = z.union([z.number().min(-4).max(4), z.tuple([z.number().min(-4).max(4), z.number().min(-4).max(4)])]);
  return z.object({
    language: z.enum(SENTIMENT_LANGUAGES),
    negators: z.array(z.string().min(1)),
    negationAfter: z.boolean(),
    modifiers: z.record(z.string(), z.number().min(-1).max(1)),
    contrasts: z.array(z.string().min(1)),
    acronyms: z.array(z.string().min(1)),
    phrases: z.record(z.string(), entry),
    words: z.record(z.string(), entry),
  });
}

/** German: umlauts as their two-letter spellings (customers without umlaut keys write "enttaeuscht"), ß as ss. */
function foldGerman(word: string): string {
  return word
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC');
}

/** Spanish: accents dropped ("todavia" is "todavía"), ñ kept, since "año" and "ano" are different words. */
function foldSpanish(word: string): string {
  return word.replace(/ñ/g, '\uE000').normalize('NFD').replace(/\p{M}/gu, '').replace(/\uE000/g, 'ñ');
}

const FOLDS: Record<Exclude<SentimentLanguage, 'en'>, (word: string) => string> = { de: foldGerman, es: foldSpanish };

function foldPhrase(phrase: string, fold: (word: string) => string): string {
  return phrase
    .normalize('NFC')
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '')
    .map(fold)
    .join(' ');
}

function packFromData(data: unknown): LanguagePack {
  const file = languageFileSchema().parse(data);
  if (file.language === 'en') throw new Error('English is read from lexicon.ts');
  const fold = FOLDS[file.language];
  const key = (phrase: string) => foldPhrase(phrase, fold);
  const lexicon = new Map<string, LexiconEntry>();
  for (const [phrase, entry] of Object.entries(SYMBOLS)) lexicon.set(phrase, entry);
  for (const [phrase, entry] of Object.entries(file.words)) lexicon.set(key(phrase), entry);
  // Hand-written phrases win over the translated word list.
  for (const [phrase, entry] of Object.entries(file.phrases)) lexicon.set(key(phrase), entry);
  const negators = new Set(file.negators.map(key));
  const modifiers = new Map(Object.entries(file.modifiers).map(([phrase, scalar]) => [key(phrase), scalar]));
  const longestPhrase = Math.max(...[...lexicon.keys(), ...negators, ...modifiers.keys()].map((phrase) => phrase.split(' ').length));
  return {
    language: file.language,
    fold,
    lexicon,
    modifiers,
    negators,
    contrasts: new Set(file.contrasts.map(key)),
    acronyms: new Set([...ACRONYMS, ...file.acronyms.map((acronym) => acronym.toUpperCase())]),
    negationAfter: file.negationAfter,
    cuesAsWritten: true,
    longestPhrase,
    isNegator: (phrase) => negators.has(phrase),
  };
}

// Built on first use, and nothing at import: code that only shares a module with the analyser (the dashboard
// worker reads the thresholds) does not carry or parse the word lists.
const packs = new Map<SentimentLanguage, LanguagePack>();

export function languagePack(language: SentimentLanguage): LanguagePack {
  let pack = packs.get(language);
  if (!pack) {
    pack = language === 'en' ? englishPack() : packFromData(language === 'de' ? de : es);
    packs.set(language, pack);
  }
  return pack;
}
