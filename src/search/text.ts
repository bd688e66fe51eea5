/**
 * What history search reads of a row, and how words are compared: lower case,
 * accents folded ("Muller" finds "Müller", "peña" finds "Pena"), German ß as
 * "ss", split on anything that is not a letter or a digit. The index (FlexSearch)
 * and the fallback scans use the same folding, so they agree on what matches.
 */
import type { Contact, Customer } from '../domain/model';

const MARKS = /[\u0300-\u036f]/g;

/** The index finds words shorter than this whole, longer ones by any start at least this long. */
export const MIN_PREFIX = 3;

/** Lower case without accents; ß as ss. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(/ß/g, 'ss');
}

/** The words of a text, folded. */
export function words(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Whether the index answers the query as typed: not while its last word is
 * still shorter than MIN_PREFIX (the index would find it only as a whole word,
 * "lo" not "Lovelace"); a word followed by a space or a sign is complete.
 */
export function indexAnswers(query: string): boolean {
  const last = words(query).at(-1);
  return !!last && (last.length >= MIN_PREFIX || /[^\p{L}\p{N}]$/u.test(query));
}

/** A query that is a phone number as people type one (digits, spaces, brackets, dashes, a plus), with at least three digits. */
export function isPhoneQuery(query: string): boolean {
  return /^[+\d\s().-]+$/.test(query.trim()) && query.replace(/\D/g, '').length >= 3;
}

/**
 * A contact's searchable text: its subject, what was said or written (message,
 * transcript, note), the wrap-up summary, topic and disposition, and what was
 * promised or given.
 */
export function contactSearchText(contact: Pick<Contact, 'subject' | 'body' | 'summary' | 'topic' | 'disposition' | 'gesture' | 'promise'>): string {
  return [contact.subject, contact.body, contact.summary ?? '', contact.topic ?? '', contact.disposition ?? '', contact.gesture?.description ?? '', contact.promise?.text ?? '']
    .filter(Boolean)
    .join('\n');
}

/** A customer's searchable text: name, company, email addresses, phone numbers as digits, tags. */
export function customerIndexText(customer: Pick<Customer, 'firstName' | 'lastName' | 'company' | 'emails' | 'phones' | 'tags'>): string {
  return [customer.firstName, customer.lastName, customer.company ?? '', ...customer.emails, ...customer.phones.map((phone) => phone.replace(/\D/g, '')), ...customer.tags]
    .filter(Boolean)
    .join('\n');
}

/**
 * Whether every word of the query starts a word of the text (what the index
 * answers), for the rows a fallback scan reads. Both sides folded.
 */
export function matchesWordStarts(text: string, query: string): boolean {
  const terms = words(query);
  if (terms.length === 0) return false;
  const known = words(text);
  return terms.every((term) => known.some((word) => word.startsWith(term)));
}

/**
 * Orders rows found by word starts: those where the words typed are whole
 * words first ("Ann Lee" before "Anna Leeson" for "ann lee"), then as found.
 */
export function rankByWholeWords<T>(rows: readonly T[], query: string, textOf: (row: T) => string): T[] {
  const terms = words(query);
  const score = (row: T) => {
    const known = new Set(words(textOf(row)));
    return terms.reduce((sum, term) => sum + (known.has(term) ? 1 : 0), 0);
  };
  return rows
    .map((row, index) => ({ row, index, score: score(row) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ row }) => row);
}
