/**
 * What is wrong with input, in sentences people can act on, each with the
 * field it belongs to: forms show a sentence under its field, the desktop
 * and the hub say the same sentences when they refuse a change. A zod issue
 * becomes "Enter an email address like name@example.com", never
 * "patch.emails.0: Invalid email address".
 */
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;
type PathKey = PropertyKey;

export interface FieldProblem {
  /** The field it belongs to: its name, dotted under an object ("from.email"), without list positions or wrappers (a change's `patch`). */
  field: string;
  /** Where in the input, for code that needs the exact place. */
  path: readonly PathKey[];
  /** A sentence for people. */
  message: string;
}

/** Keys that wrap the fields people typed (a customer.update's `patch`), left out of the field's name. */
const WRAPPERS = new Set(['patch', 'args', 'fields', 'input']);

/** Fields as people know them; others are read from their name ("preferredChannel" → "Preferred channel"). */
const FIELD_LABELS: Record<string, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  emails: 'Email address',
  email: 'Email address',
  phones: 'Phone number',
  phone: 'Phone number',
  timeZone: 'Time zone',
  quietHours: 'Quiet hours',
  dueAt: 'Due time',
  at: 'Time',
  username: 'User name',
  body: 'Message',
  id: 'Id',
  teamIds: 'Teams',
  queueIds: 'Queues',
  hubUrl: 'Hub address',
};

/** Zod's own wording, as opposed to the messages our schemas give: those are made into sentences here. */
const ZOD_DEFAULT = /^(Too (small|big)|Invalid|Unrecognized|Expected)/;

function fieldKeys(path: readonly PathKey[]): string[] {
  const keys = path.filter((key): key is string => typeof key === 'string');
  while (keys.length > 1 && WRAPPERS.has(keys[0]!)) keys.shift();
  if (keys.length === 1 && WRAPPERS.has(keys[0]!)) keys.shift();
  return keys;
}

/** "preferredChannel" → "Preferred channel"; a known field by its usual name. */
export function fieldLabel(key: string | undefined): string {
  if (!key) return 'This';
  const known = FIELD_LABELS[key];
  if (known) return known;
  // Environment variables (the hub's settings) are known by their names.
  if (/^[A-Z][A-Z0-9_]*$/.test(key)) return key;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const lower = (label: string) => (label === 'Id' ? 'an id' : label.charAt(0).toLowerCase() + label.slice(1));
const sentence = (text: string) => {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
};

function fromCode(issue: Issue, label: string, keys: readonly string[]): string {
  switch (issue.code) {
    case 'invalid_type':
      if (keys.length === 0) return `The input must be ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
      // Zod leaves the input out of its issues: its own message says whether anything was given.
      return /received undefined/.test(issue.message) ? `${label} is required` : `${label} is not valid`;
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? `Enter ${lower(label)}` : `${label} needs at least ${min} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Give at least ${min} ${lower(label)}${min === 1 ? '' : 's'}`;
      return `${label} must be at least ${min}`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `${label} can be at most ${max} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Give at most ${max} ${lower(label)}${max === 1 ? '' : 's'}`;
      return `${label} must be at most ${max}`;
    }
    case 'invalid_value':
      return `${label} must be one of: ${issue.values.map(String).join(', ')}`;
    case 'invalid_format':
      return issue.format === 'email' ? 'Enter an email address like name@example.com' : `${label} is not in the right form`;
    case 'unrecognized_keys':
      return `${issue.keys.length === 1 ? `“${issue.keys[0]}” is` : `${issue.keys.map((key) => `“${key}”`).join(', ')} are`} not something that can be given here`;
    default:
      return `${label} is not valid`;
  }
}

/** One issue as a sentence: the schema's own message when it is one, else worded from what went wrong and the field's name. */
export function problemSentence(issue: Issue): string {
  const keys = fieldKeys(issue.path);
  const label = fieldLabel(keys[keys.length - 1]);
  const message = issue.message.trim();
  if (message && !ZOD_DEFAULT.test(message)) {
    // Our schemas say "must be a time such as 08:30": that reads after the field's name.
    const key = keys[keys.length - 1];
    // Some name their field first ("clientId must be a UUID"): the field's name in words replaces it.
    if (key && message.startsWith(`${key} `)) return sentence(`${label}${message.slice(key.length)}`);
    // A rule about the whole input (no field) is already a sentence once capitalised.
    return sentence(key && /^[a-z]/.test(message) ? `${label} ${message}` : message);
  }
  return sentence(fromCode(issue, label, keys));
}

/** Every issue as a sentence with its field, one per field and sentence. */
export function fieldProblems(error: { issues: readonly Issue[] }): FieldProblem[] {
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const issue of error.issues) {
    const field = fieldKeys(issue.path).join('.');
    const message = problemSentence(issue);
    if (seen.has(`${field}\n${message}`)) continue;
    seen.add(`${field}\n${message}`);
    problems.push({ field, path: issue.path, message });
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
