/**
 * What is wrong with input, in sentences people can act on, each with the
 * field it belongs to: forms show a sentence under its field, the desktop
 * and the hub say the same sentences when they refuse a change. A zod issue
 * becomes "Enter an email address like name@example.com", never
 * "patch.emails.0: Invalid email address".
 */
import { defineMessages } from '@formatjs/intl';
import type { z } from 'zod';
import { defaultText, englishMessage, type MessageDescriptor, type MessageValues, type TextFormatter } from '../i18n/messages';

type Issue = z.core.$ZodIssue;
type PathKey = PropertyKey;

export interface FieldProblem {
  /** The field it belongs to: its name, dotted under an object ("from.email"), without list positions or wrappers (a change's `patch`). */
  field: string;
  /** Where in the input, for code that needs the exact place. */
  path: readonly PathKey[];
  /** The sentence as a message, formatted in the reader's language (formatProblem). */
  descriptor: MessageDescriptor;
  /** Its values: `field` (the field's key) and `label` (its name in English) among them. */
  values: MessageValues;
  /** The sentence in British English, for logs and API callers. */
  message: string;
}

/** Keys that wrap the fields people typed (a customer.update's `patch`), left out of the field's name. */
const WRAPPERS = new Set(['patch', 'args', 'fields', 'input']);

/** Fields as people know them; others are read from their name ("preferredChannel" → "Preferred channel"). */
export const FIELD_LABEL_MESSAGES = defineMessages({
  firstName: { id: 'problem.label.firstName', defaultMessage: 'First name' },
  lastName: { id: 'problem.label.lastName', defaultMessage: 'Last name' },
  emails: { id: 'problem.label.emails', defaultMessage: 'Email address' },
  email: { id: 'problem.label.email', defaultMessage: 'Email address' },
  phones: { id: 'problem.label.phones', defaultMessage: 'Phone number' },
  phone: { id: 'problem.label.phone', defaultMessage: 'Phone number' },
  timeZone: { id: 'problem.label.timeZone', defaultMessage: 'Time zone' },
  quietHours: { id: 'problem.label.quietHours', defaultMessage: 'Quiet hours' },
  dueAt: { id: 'problem.label.dueAt', defaultMessage: 'Due time' },
  at: { id: 'problem.label.at', defaultMessage: 'Time' },
  username: { id: 'problem.label.username', defaultMessage: 'User name' },
  body: { id: 'problem.label.body', defaultMessage: 'Message' },
  id: { id: 'problem.label.id', defaultMessage: 'Id' },
  teamIds: { id: 'problem.label.teamIds', defaultMessage: 'Teams' },
  queueIds: { id: 'problem.label.queueIds', defaultMessage: 'Queues' },
  hubUrl: { id: 'problem.label.hubUrl', defaultMessage: 'Hub address' },
  name: { id: 'problem.label.name', defaultMessage: 'Name' },
  language: { id: 'problem.label.language', defaultMessage: 'Language' },
  currency: { id: 'problem.label.currency', defaultMessage: 'Currency' },
  subject: { id: 'problem.label.subject', defaultMessage: 'Subject' },
  password: { id: 'problem.label.password', defaultMessage: 'Password' },
  preferredChannel: { id: 'problem.label.preferredChannel', defaultMessage: 'Preferred channel' },
});

/**
 * Each sentence once, with the field's name as `{label}`: in another language
 * the label is the field's name in that language (formatProblem). A list's
 * label reads in the singular ("Email address"), so a count goes after it
 * ("Email address: give at least 1.") rather than making the noun plural.
 */
export const PROBLEM_MESSAGES = defineMessages({
  inputType: {
    id: 'problem.input.type',
    defaultMessage: '{expected, select, object {The input must be an object.} array {The input must be an array.} other {The input must be a {expected}.}}',
  },
  required: { id: 'problem.field.required', defaultMessage: '{label} is required.' },
  notValid: { id: 'problem.field.notValid', defaultMessage: '{label} is not valid.' },
  enter: { id: 'problem.field.enter', defaultMessage: 'Enter {label}.' },
  enterId: { id: 'problem.field.enterId', defaultMessage: 'Enter an id.' },
  minLength: { id: 'problem.field.minLength', defaultMessage: '{label} needs at least {min} characters.' },
  minItems: { id: 'problem.field.minItems', defaultMessage: '{label}: give at least {min}.' },
  minValue: { id: 'problem.field.minValue', defaultMessage: '{label} must be at least {min}.' },
  maxLength: { id: 'problem.field.maxLength', defaultMessage: '{label} can be at most {max} characters.' },
  maxItems: { id: 'problem.field.maxItems', defaultMessage: '{label}: give at most {max}.' },
  maxValue: { id: 'problem.field.maxValue', defaultMessage: '{label} must be at most {max}.' },
  oneOf: { id: 'problem.field.oneOf', defaultMessage: '{label} must be one of: {choices}.' },
  email: { id: 'problem.field.email', defaultMessage: 'Enter an email address like name@example.com.' },
  format: { id: 'problem.field.format', defaultMessage: '{label} is not in the right form.' },
  unknownKeys: {
    id: 'problem.input.unknownKeys',
    defaultMessage: '{count, plural, one {{keys} is not something that can be given here.} other {{keys} are not something that can be given here.}}',
  },
  // The schemas' own short rules that most fields share (src/domain/common.ts), worded after the field's name.
  notEmpty: { id: 'problem.rule.notEmpty', defaultMessage: '{label} must not be empty.' },
  atMostCharacters: { id: 'problem.rule.atMostCharacters', defaultMessage: '{label} must be at most {max} characters.' },
  timeZone: { id: 'problem.rule.timeZone', defaultMessage: '{label} must be an IANA time zone such as Europe/London.' },
  languageTag: { id: 'problem.rule.languageTag', defaultMessage: '{label} must be a language tag such as en or fr-FR.' },
  currencyCode: { id: 'problem.rule.currencyCode', defaultMessage: '{label} must be a currency code such as GBP or EUR.' },
  timeOfDay: { id: 'problem.rule.timeOfDay', defaultMessage: '{label} must be a time such as 08:30.' },
  wholeMilliseconds: { id: 'problem.rule.wholeMilliseconds', defaultMessage: '{label} must be a whole number of milliseconds.' },
  uuid: { id: 'problem.rule.uuid', defaultMessage: '{label} must be a UUID.' },
  phone: { id: 'problem.rule.phone', defaultMessage: 'Enter a phone number with its country code, like +44 20 7946 0958.' },
  /** Another rule a schema words itself: its English sentence, as the schema gives it. */
  other: { id: 'problem.rule.other', defaultMessage: '{text}' },
});

/** The schemas' own messages that have a message here: the rule's text (after the field's key), which message says it, and whether it reads without a field. */
const KNOWN_RULES: readonly { pattern: RegExp; descriptor: MessageDescriptor; values?: (match: RegExpMatchArray) => MessageValues; standalone?: true }[] = [
  { pattern: /^must not be empty$/, descriptor: PROBLEM_MESSAGES.notEmpty },
  { pattern: /^must be at most (\d+) characters$/, descriptor: PROBLEM_MESSAGES.atMostCharacters, values: (match) => ({ max: Number(match[1]) }) },
  { pattern: /^must be an IANA time zone such as Europe\/London$/, descriptor: PROBLEM_MESSAGES.timeZone },
  { pattern: /^must be a language tag such as en or fr-FR$/, descriptor: PROBLEM_MESSAGES.languageTag },
  { pattern: /^must be a currency code such as GBP or EUR$/, descriptor: PROBLEM_MESSAGES.currencyCode },
  { pattern: /^must be a time such as 08:30$/, descriptor: PROBLEM_MESSAGES.timeOfDay },
  { pattern: /^must be a whole number of milliseconds$/, descriptor: PROBLEM_MESSAGES.wholeMilliseconds },
  { pattern: /^must be a UUID$/, descriptor: PROBLEM_MESSAGES.uuid },
  { pattern: /^Enter an email address like name@example\.com\.?$/, descriptor: PROBLEM_MESSAGES.email, standalone: true },
  { pattern: /^Enter a phone number with its country code, like \+44 20 7946 0958\.?$/, descriptor: PROBLEM_MESSAGES.phone, standalone: true },
];

/** Zod's own wording, as opposed to the messages our schemas give: those are made into sentences here. */
const ZOD_DEFAULT = /^(Too (small|big)|Invalid|Unrecognized|Expected)/;

function fieldKeys(path: readonly PathKey[]): string[] {
  const keys = path.filter((key): key is string => typeof key === 'string');
  while (keys.length > 1 && WRAPPERS.has(keys[0]!)) keys.shift();
  if (keys.length === 1 && WRAPPERS.has(keys[0]!)) keys.shift();
  return keys;
}

function isKnownField(key: string): key is keyof typeof FIELD_LABEL_MESSAGES {
  return Object.hasOwn(FIELD_LABEL_MESSAGES, key);
}

/** "preferredChannel" → "Preferred channel"; a known field by its usual name. */
export function fieldLabel(key: string | undefined): string {
  if (!key) return 'This';
  if (isKnownField(key)) return defaultText(FIELD_LABEL_MESSAGES[key]);
  // Environment variables (the hub's settings) are known by their names.
  if (/^[A-Z][A-Z0-9_]*$/.test(key)) return key;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const lower = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);
const sentence = (text: string) => {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
};

interface Worded {
  descriptor: MessageDescriptor;
  values: MessageValues;
}

function fromCode(issue: Issue, key: string | undefined, keys: readonly string[]): Worded {
  const label = fieldLabel(key);
  // `field` lets a reader in another language see the field's own name (formatProblem).
  const about = (descriptor: MessageDescriptor, values: MessageValues = {}, shown = label): Worded => ({ descriptor, values: { ...(key ? { field: key } : {}), label: shown, ...values } });
  switch (issue.code) {
    case 'invalid_type':
      if (keys.length === 0) return { descriptor: PROBLEM_MESSAGES.inputType, values: { expected: issue.expected } };
      // Zod leaves the input out of its issues: its own message says whether anything was given.
      return about(/received undefined/.test(issue.message) ? PROBLEM_MESSAGES.required : PROBLEM_MESSAGES.notValid);
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') {
        if (min > 1) return about(PROBLEM_MESSAGES.minLength, { min });
        return label === 'Id' ? about(PROBLEM_MESSAGES.enterId) : about(PROBLEM_MESSAGES.enter, {}, lower(label));
      }
      if (issue.origin === 'array' || issue.origin === 'set') return about(PROBLEM_MESSAGES.minItems, { min });
      return about(PROBLEM_MESSAGES.minValue, { min });
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return about(PROBLEM_MESSAGES.maxLength, { max });
      if (issue.origin === 'array' || issue.origin === 'set') return about(PROBLEM_MESSAGES.maxItems, { max });
      return about(PROBLEM_MESSAGES.maxValue, { max });
    }
    case 'invalid_value':
      return about(PROBLEM_MESSAGES.oneOf, { choices: issue.values.map(String).join(', ') });
    case 'invalid_format':
      return issue.format === 'email' ? about(PROBLEM_MESSAGES.email) : about(PROBLEM_MESSAGES.format);
    case 'unrecognized_keys':
      return { descriptor: PROBLEM_MESSAGES.unknownKeys, values: { count: issue.keys.length, keys: issue.keys.map((name) => `“${name}”`).join(', ') } };
    default:
      return about(PROBLEM_MESSAGES.notValid);
  }
}

/** One issue as a message: the schema's own rule when it gives one, else worded from what went wrong and the field's name. */
export function problemMessage(issue: Issue): Worded {
  const keys = fieldKeys(issue.path);
  const key = keys[keys.length - 1];
  const label = fieldLabel(key);
  const message = issue.message.trim();
  if (message && !ZOD_DEFAULT.test(message)) {
    // Some name their field first ("clientId must be a UUID"): the rule is what follows.
    const rule = key && message.startsWith(`${key} `) ? message.slice(key.length + 1) : message;
    const known = KNOWN_RULES.map((candidate) => ({ candidate, match: rule.match(candidate.pattern) })).find(({ match }) => match);
    // Without a field the rule reads on its own: worded as the schema gives it, unless its message needs no field.
    if (known?.match && (key || known.candidate.standalone)) {
      return { descriptor: known.candidate.descriptor, values: { ...(key ? { field: key } : {}), label, ...known.candidate.values?.(known.match) } };
    }
    // Our schemas say "must be a time such as 08:30": that reads after the field's name.
    // A rule about the whole input (no field) is already a sentence once capitalised.
    const text = sentence(key && (rule !== message || /^[a-z]/.test(message)) ? `${label} ${rule}` : message);
    return { descriptor: PROBLEM_MESSAGES.other, values: { text } };
  }
  return fromCode(issue, key, keys);
}

/** One issue as a sentence in British English. */
export function problemSentence(issue: Issue): string {
  const { descriptor, values } = problemMessage(issue);
  return englishMessage(descriptor, values);
}

/** A message's values as a reader in `intl`'s language sees them: a known field by its name in that language. */
export function localValues(intl: TextFormatter, values: MessageValues | undefined): MessageValues | undefined {
  const field = values?.field;
  if (typeof field !== 'string' || !isKnownField(field)) return values;
  const label = intl.formatMessage(FIELD_LABEL_MESSAGES[field]);
  // In English the values already say it (some sentences want the name in lower case: "Enter first name").
  return label === defaultText(FIELD_LABEL_MESSAGES[field]) ? values : { ...values, label };
}

/** A problem (or a refusal worded from one) in the reader's language. */
export function formatProblem(intl: TextFormatter, problem: Pick<FieldProblem, 'descriptor' | 'values'>): string {
  return intl.formatMessage(problem.descriptor, localValues(intl, problem.values));
}

/** Every issue as a sentence with its field, one per field and sentence. */
export function fieldProblems(error: { issues: readonly Issue[] }): FieldProblem[] {
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const issue of error.issues) {
    const field = fieldKeys(issue.path).join('.');
    const { descriptor, values } = problemMessage(issue);
    const message = englishMessage(descriptor, values);
    if (seen.has(`${field}\n${message}`)) continue;
    seen.add(`${field}\n${message}`);
    problems.push({ field, path: issue.path, descriptor, values, message });
  }
  return problems;
}

/** The first sentence for each field, for showing under it ("" for what belongs to no field). */
export function problemsByField(error: { issues: readonly Issue[] }): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const problem of fieldProblems(error)) byField[problem.field.split('.')[0] ?? ''] ??= problem.message;
  return byField;
}

/**
 * All the sentences in one line, for a refusal. `withFields` adds where, in
 * brackets, for callers of the hub's API who need to find the field in what
 * they sent ("Enter an email address like name@example.com (from.email)").
 */
export function describeProblems(error: { issues: readonly Issue[] }, options: { withFields?: boolean } = {}): string {
  return fieldProblems(error)
    .map((problem) => (options.withFields && problem.field ? `${problem.message.replace(/\.$/, '')} (${problem.field}).` : problem.message))
    .join(' ');
}
