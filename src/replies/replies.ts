/**
 * Saved replies: standard answers to common enquiries that agents insert into
 * emails, chats, SMS and social replies, found by searching as they type.
 * The default set ships in assets/replies/replies.json.
 */
import { z } from 'zod';
import { variantFor, type LanguageChoice } from '../content/language';
import { LanguageSchema, shortText } from '../domain/common';
import { DEFAULT_CONTENT_LANGUAGE, MAX_CONTENT_VARIANTS } from '../domain/model';
import { fillTemplate, unknownVariables } from '../scripts/template';
import type { ScriptVariable } from '../scripts/vocabulary';
import replies from '../../assets/replies/replies.json';
import { replyVariableDifferences, replyVariantProblemText } from './variants';

export const REPLY_CHANNELS = ['email', 'chat', 'sms', 'social'] as const;
export type ReplyChannel = (typeof REPLY_CHANNELS)[number];

/** A saved reply in another language. */
export const SavedReplyVariantSchema = z.object({
  title: shortText(120),
  keywords: z.array(shortText(60)).max(30).default([]),
  text: shortText(4000),
});
export type SavedReplyVariant = z.infer<typeof SavedReplyVariantSchema>;

export const SavedReplySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,60}$/, 'reply ids are lowercase letters, digits and dashes'),
    title: shortText(120),
    topics: z.array(shortText(40)).max(20),
    channels: z.array(z.enum(REPLY_CHANNELS)).min(1).max(REPLY_CHANNELS.length),
    keywords: z.array(shortText(60)).max(30),
    /** May use the script variables ({customer.firstName}…). */
    text: shortText(4000),
    /** The language the title, keywords and text are written in. */
    language: LanguageSchema.default(DEFAULT_CONTENT_LANGUAGE),
    /** The reply in other languages, keyed by language tag. */
    variants: z
      .record(LanguageSchema, SavedReplyVariantSchema)
      .refine((variants) => Object.keys(variants).length <= MAX_CONTENT_VARIANTS, `at most ${MAX_CONTENT_VARIANTS} languages`)
      .default({}),
  })
  .superRefine((reply, ctx) => {
    for (const name of unknownVariables(reply.text)) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: `uses {${name}}, which is not a variable` });
    }
    for (const [language, variant] of Object.entries(reply.variants)) {
      for (const problem of replyVariableDifferences(reply.text, variant.text, language)) {
        ctx.addIssue({ code: 'custom', path: ['variants', language, 'text'], message: replyVariantProblemText(problem, reply.language) });
      }
    }
  });
export type SavedReply = z.infer<typeof SavedReplySchema>;

export const SavedRepliesSchema = z.array(SavedReplySchema).superRefine((list, ctx) => {
  const ids = new Set<string>();
  list.forEach((reply, index) => {
    if (ids.has(reply.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `another reply is also called “${reply.id}”` });
    ids.add(reply.id);
  });
});

/** The replies shipped in assets/replies/replies.json, validated. */
export function defaultReplies(): SavedReply[] {
  return SavedRepliesSchema.parse(replies);
}

/** A reply's text with the variables filled in; unknown or missing ones stay as written. */
export function renderReply(reply: Pick<SavedReply, 'text'>, vars: Partial<Record<ScriptVariable, string>>): string {
  return fillTemplate(reply.text, vars);
}

/** The reply in the customer's language where it has one (title, keywords and text), and which language that is. */
export function localiseReply<R extends Pick<SavedReply, 'title' | 'keywords' | 'text' | 'language' | 'variants'>>(reply: R, wanted: string | null | undefined): { reply: R; choice: LanguageChoice } {
  const { text, ...choice } = variantFor(reply, wanted);
  if (!text) return { reply, choice };
  return { reply: { ...reply, title: text.title, keywords: text.keywords.length ? text.keywords : reply.keywords, text: text.text }, choice };
}

// ------------------------------------------------------------------ search

export type ReplyField = 'title' | 'keywords' | 'text';

export interface ReplyMatch {
  reply: SavedReply;
  score: number;
  /** Where the query terms were found, best first. */
  matchedIn: ReplyField[];
}

export interface ReplySearchOptions {
  /** The contact's topic: its replies rank higher. */
  topic?: string | null;
  /** The channel being replied on: its replies rank higher. */
  channel?: ReplyChannel | null;
}

/** Words that say little about what is wanted; dropped from a query unless it has nothing else. */
const STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'the',
  'my',
  'your',
  'i',
  'to',
  'of',
  'for',
  'on',
  'in',
  'is',
  'it',
  'how',
  'do',
  'does',
  'can',
  'what',
  'about',
  'with',
]);

const FIELD_WEIGHT: Record<ReplyField, number> = { title: 100, keywords: 40, text: 10 };
const TOPIC_BOOST = 5;
const CHANNEL_BOOST = 3;

/** Lower case, accents removed, split into words. */
function words(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}£]+/u)
    .filter((word) => word !== '');
}

/** The terms of a query: its words without the stop words (unless that leaves none). */
export function queryTerms(query: string): string[] {
  const all = [...new Set(words(query))];
  const meaningful = all.filter((word) => !STOP_WORDS.has(word));
  return meaningful.length > 0 ? meaningful : all;
}

interface Indexed {
  title: string[];
  keywords: string[];
  text: string[];
}

const indexCache = new WeakMap<SavedReply, Indexed>();

function indexOf(reply: SavedReply): Indexed {
  let index = indexCache.get(reply);
  if (!index) {
    // Variables are not words of the reply.
    const text = reply.text.replace(/\{[^{}]*\}/g, ' ');
    index = { title: words(reply.title), keywords: reply.keywords.flatMap(words), text: words(text) };
    indexCache.set(reply, index);
  }
  return index;
}

/**
 * Replies that match every query term (as the start of a word in the title,
 * keywords or text, ignoring case and accents), best first: title matches
 * above keyword matches above text matches, then replies for the contact's
 * topic and channel. An empty query lists every reply, the topic's first.
 */
export function searchReplies(list: readonly SavedReply[], query: string, options: ReplySearchOptions = {}): ReplyMatch[] {
  const terms = queryTerms(query);
  const topic = options.topic?.trim().toLowerCase() ?? '';
  const channel = options.channel ?? null;
  const matches: ReplyMatch[] = [];

  for (const reply of list) {
    const index = indexOf(reply);
    let score = 0;
    const found = new Set<ReplyField>();
    let all = true;
    for (const term of terms) {
      let best: ReplyField | null = null;
      for (const field of ['title', 'keywords', 'text'] as const) {
        if (index[field].some((word) => word.startsWith(term))) {
          best = field;
          break;
        }
      }
      if (!best) {
        all = false;
        break;
      }
      score += FIELD_WEIGHT[best];
      found.add(best);
    }
    if (!all) continue;
    if (topic !== '' && reply.topics.some((candidate) => candidate.toLowerCase() === topic)) score += TOPIC_BOOST;
    if (channel && reply.channels.includes(channel)) score += CHANNEL_BOOST;
    matches.push({ reply, score, matchedIn: (['title', 'keywords', 'text'] as const).filter((field) => found.has(field)) });
  }

  return matches.sort((a, b) => b.score - a.score || a.reply.title.localeCompare(b.reply.title));
}
