/**
 * Offline sentiment analysis of customers' words, in English, German and Spanish.
 * The screens' messages are in './messages' (imported directly, so code without
 * screens does not carry @formatjs/intl).
 */
export {
  NEGATIVE_THRESHOLD,
  NORMALISATION_ALPHA,
  POSITIVE_THRESHOLD,
  SENTIMENT_THRESHOLDS,
  analyseSentiment,
  labelFor,
  type SentimentLabel,
  type SentimentResult,
} from './analyse';
export { SENTIMENT_LANGUAGES, isSentimentLanguage, type SentimentLanguage } from './languages';
export { LEXICON, MODIFIERS, NEGATORS, SYMBOLS, type LexiconEntry } from './lexicon';
export {
  guessLanguage,
  primaryLanguage,
  readSentiment,
  sentimentLanguageFor,
  type SentimentLanguageChoice,
  type SentimentNotRead,
  type SentimentReading,
} from './reading';
export { customerWords, transcriptTurns, type Turn } from './transcript';
