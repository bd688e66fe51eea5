/** Building blocks shared by every domain schema. */
import { defineMessages } from '@formatjs/intl';
import { englishOf, type MessageDescriptor } from '../i18n/messages';
import { z } from 'zod';

/** Ids are short, URL-safe strings: UUIDs made on the desktop, or readable ids in demo data (`cus_0042`). */
export const IdSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9_.:@-]+$/, 'may only contain letters, digits and _ . : @ -');
export type Id = z.infer<typeof IdSchema>;

/** A moment as milliseconds since the Unix epoch (UTC). Sorts and indexes cheaply. */
export const EpochMsSchema = z
  .number()
  .int('must be a whole number of milliseconds')
  .min(0)
  .max(8_640_000_000_000);

export const CHANNELS = ['call', 'email', 'chat', 'sms', 'social', 'note'] as const;
export const ChannelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof ChannelSchema>;

/** Channels a customer can be reached on (a note is internal). */
export const REACHABLE_CHANNELS = ['call', 'email', 'chat', 'sms', 'social'] as const;
export const ReachableChannelSchema = z.enum(REACHABLE_CHANNELS);
export type ReachableChannel = z.infer<typeof ReachableChannelSchema>;

export const CHANNEL_MESSAGES = defineMessages({
  call: { id: 'model.channel.call', defaultMessage: 'Call' },
  email: { id: 'model.channel.email', defaultMessage: 'Email' },
  chat: { id: 'model.channel.chat', defaultMessage: 'Chat' },
  sms: { id: 'model.channel.sms', defaultMessage: 'SMS' },
  social: { id: 'model.channel.social', defaultMessage: 'Social' },
  note: { id: 'model.channel.note', defaultMessage: 'Note' },
}) satisfies Record<Channel, MessageDescriptor>;
export const CHANNEL_LABELS: Record<Channel, string> = englishOf(CHANNEL_MESSAGES);

/** Zones already found valid: building a formatter to check one costs far more than validating the rest of a row. */
const knownTimeZones = new Set<string>();

export function isTimeZone(zone: string): boolean {
  if (knownTimeZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    return false;
  }
  // The runtime knows a few hundred zones: the set stays small.
  knownTimeZones.add(zone);
  return true;
}

/** An IANA time zone such as Europe/London, checked against the runtime's time-zone database. */
export const TimeZoneSchema = z.string().min(1).max(64).refine(isTimeZone, 'must be an IANA time zone such as Europe/London');

/** A BCP 47 language tag such as en, fr-FR. */
export const LanguageSchema = z
  .string()
  .min(2)
  .max(35)
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en or fr-FR');

/** An ISO 4217 currency code such as GBP or EUR. */
export const CurrencySchema = z.string().regex(/^[A-Z]{3}$/, 'must be a currency code such as GBP or EUR');

/** A time of day, 24-hour `HH:MM`. */
export const TimeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time such as 08:30');

/** A phone number: an optional +, then digits (spaces, dots, dashes and brackets are removed). */
export const PhoneSchema = z
  .string()
  .trim()
  .transform((value) => value.replace(/[\s().-]/g, ''))
  .pipe(z.string().regex(/^\+?\d{5,17}$/, 'Enter a phone number with its country code, like +44 20 7946 0958'));

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('Enter an email address like name@example.com').max(254, 'An email address has at most 254 characters'));

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** NUL: valid in a JS string, but PostgreSQL's text and jsonb cannot hold it. */
const NUL = String.fromCharCode(0);

/**
 * The text with every lone UTF-16 surrogate, and every NUL, replaced by
 * U+FFFD. Neither can be stored: such text has no UTF-8 form (surrogates) or
 * is refused by PostgreSQL's text and jsonb (NUL), so one stray character
 * would make every write of it fail.
 */
export function wellFormed(text: string): string {
  // String.prototype.toWellFormed is in Node 20 and Chromium but not in the ES2023 lib types.
  const native = (text as { toWellFormed?: () => string }).toWellFormed;
  const repaired = typeof native === 'function' ? native.call(text) : text.replace(LONE_SURROGATE, '\uFFFD');
  return repaired.includes(NUL) ? repaired.replaceAll(NUL, '\uFFFD') : repaired;
}

/** Deeper than any real mutation's arguments: refused rather than walked (a stack overflow is not an answer). */
export const MAX_JSON_DEPTH = 64;

export class TooDeepError extends Error {
  constructor() {
    super(`nested more than ${MAX_JSON_DEPTH} levels deep`);
    this.name = 'TooDeepError';
  }
}

/** A JSON-like value with every string, and every object key, made well-formed (for values no schema describes). Throws TooDeepError past MAX_JSON_DEPTH. */
export function wellFormedDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return wellFormed(value);
  if (depth >= MAX_JSON_DEPTH && value !== null && typeof value === 'object') throw new TooDeepError();
  if (Array.isArray(value)) return value.map((item) => wellFormedDeep(item, depth + 1));
  const prototype: unknown = value !== null && typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  if (prototype === Object.prototype || prototype === null) {
    // fromEntries defines own properties, so a "__proto__" key stays data.
    return Object.fromEntries(Object.entries(value as object).map(([key, item]) => [wellFormed(key), wellFormedDeep(item, depth + 1)]));
  }
  return value;
}

/**
 * Every string schema of text people or integrations write starts here: lone
 * surrogates become U+FFFD before any check, so the text can always be stored.
 * (An overwrite, not a transform: the schema stays a string schema.) Strings
 * held to a pattern (ids, emails, phones, times) refuse them anyway.
 */
export const wellFormedText = () => z.string().overwrite(wellFormed);

/** A short single-line label (names, subjects). */
export const shortText = (max = 200) => wellFormedText().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** Free text (bodies, notes, transcripts). */
export const longText = (max = 20_000) => wellFormedText().max(max, `must be at most ${max} characters`);

/** Normalised form of a phone number for matching: digits only, with the leading + kept. */
export function normalizePhone(phone: string): string {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D/g, '');
  return trimmed.startsWith('+') ? `+${digits}` : digits;
}
