/**
 * Which language a customer's message is read in, and the reading itself, or
 * a plain "not read" for a language the analyser does not cover. A neutral
 * score for words it cannot read would pretend to know how the customer feels.
 *
 * The language comes from the customer's profile (a BCP 47 tag such as de-DE).
 * A light check of the text's common words can overrule it when the message is
 * plainly in another language (a profile left at en-GB, a Spanish customer who
 * writes in English), and decides alone when the profile says nothing useful.
 */
import { analyseSentiment, type SentimentResult } from './analyse';
import { isSentimentLanguage, type SentimentLanguage } from './languages';

export type SentimentReading =
  | (SentimentResult & { read: true; language: SentimentLanguage })
  | SentimentNotRead;

export interface SentimentNotRead {
  read: false;
  /** The primary language subtag the message is in ("pt"), or null when it could not be told. */
  language: string | null;
  reason: 'unsupported-language' | 'unknown-language';
}

export type SentimentLanguageChoice = { read: true; language: SentimentLanguage } | SentimentNotRead;

/**
 * Common short words of languages customers write in: enough to tell a
 * message's language apart from a few others, not a language identifier.
 * Words two languages share ("de", "que", "la") count for both.
 */
const COMMON_WORDS: Readonly<Record<string, string>> = {
  en: 'the and is are was were my i you your it not no this that with have has had for to of on at an be so just please thanks thank been can what why when will would there they we me how do need get got if or but our any still',
  de: 'der die das und ist nicht ich sie mit ein eine es mein meine haben habe wir auf für bitte danke noch schon auch bei wie warum ihr ihre kein keine seit wurde wird sind mir mich dass den dem so zu im',
  es: 'el la los las y es no que de en mi por para con una un me lo muy gracias está esta pero hace ya todavía sigue porque su estoy tengo hay del al como nada',
  fr: 'le la les et est je pas ne mon ma mes vous avec pour une des du merci toujours très suis ai nous sur dans ce qui',
  it: 'il lo gli e è non io mio mia per con una che della grazie sono ancora molto perché ho ci del nel questo',
  pt: 'o os as e é não eu meu minha para com uma que do da obrigado obrigada ainda muito está você tenho por isso',
  nl: 'de het een en is niet ik mijn met voor van dat bedankt nog al geen wel jullie heb zijn op',
};
let common: Map<string, string[]> | null = null;
function languagesOfWord(word: string): readonly string[] {
  if (!common) {
    common = new Map();
    for (const [language, words] of Object.entries(COMMON_WORDS)) {
      for (const each of words.split(' ')) common.set(each, [...(common.get(each) ?? []), language]);
    }
  }
  return common.get(word) ?? [];
}

/**
 * A message is plainly in a language with at least three of its common words
 * and twice as many as of any other, or two and none of any other.
 */
const PLAIN_HITS = 3;
const PLAIN_HITS_ALONE = 2;

/** The language a text's common words point to, and whether they do so plainly. */
export function guessLanguage(text: string): { language: string | null; plain: boolean } {
  const counts = new Map<string, number>();
  for (const match of text.normalize('NFC').toLowerCase().matchAll(/\p{L}+/gu)) {
    for (const language of languagesOfWord(match[0])) counts.set(language, (counts.get(language) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || (second && second[1] === first[1])) return { language: null, plain: false };
  const others = second?.[1] ?? 0;
  return { language: first[0], plain: (first[1] >= PLAIN_HITS && first[1] >= 2 * others) || (first[1] >= PLAIN_HITS_ALONE && others === 0) };
}

/** The primary subtag of a BCP 47 tag, lower case; null for tags that name no language (und, mul, zxx). */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const primary = tag?.trim().split(/[-_]/)[0]?.toLowerCase() ?? '';
  if (!/^[a-z]{2,3}$/.test(primary) || ['und', 'mul', 'zxx', 'mis'].includes(primary)) return null;
  return primary;
}

/** The language to read a message in, from the customer's profile and the message itself. */
export function sentimentLanguageFor(text: string, profileLanguage?: string | null): SentimentLanguageChoice {
  const profile = primaryLanguage(profileLanguage);
  const guess = guessLanguage(text);
  const language = guess.plain ? guess.language : (profile ?? guess.language);
  if (isSentimentLanguage(language)) return { read: true, language };
  if (language === null) return { read: false, language: null, reason: 'unknown-language' };
  return { read: false, language, reason: 'unsupported-language' };
}

/** The tone of a customer's message in their language, or why it was not read. */
export function readSentiment(text: string, profileLanguage?: string | null): SentimentReading {
  const choice = sentimentLanguageFor(text, profileLanguage);
  if (!choice.read) return choice;
  return { ...analyseSentiment(text, choice.language), read: true, language: choice.language };
}
