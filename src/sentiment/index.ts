/** Offline sentiment analysis of customers' words. */
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
export { LEXICON, MODIFIERS, NEGATORS, type LexiconEntry } from './lexicon';
export { customerWords, transcriptTurns, type Turn } from './transcript';
