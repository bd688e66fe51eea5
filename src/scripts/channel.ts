/**
 * Script lines as they are said on the contact's channel: a chat or an email
 * is not thanked "for calling", and a line that needs something the agent has
 * not set yet (the promise, the gesture) shows the agent how to set it
 * instead of reading "what happens next: .".
 */
import { defineMessages } from '@formatjs/intl';
import type { Channel } from '../domain/common';
import type { Message } from '../i18n/messages';
import { fillTemplate } from './template';
import { scriptVariablesIn, type ScriptVariable } from './vocabulary';

/** `{contact.thanks}`: how the customer is thanked for getting in touch, followed by the company's name. */
export const CHANNEL_THANKS: Record<Channel, string> = {
  call: 'Thank you for calling',
  chat: 'Thanks for messaging',
  email: 'Thank you for emailing',
  sms: 'Thanks for texting',
  social: 'Thanks for messaging',
  note: 'Thank you for contacting',
};

/**
 * Phone-only wording in script versions written before scripts knew the
 * channel. Published versions are stored as they were, so they are reworded
 * when shown on another channel rather than rewritten.
 */
const PHONE_ONLY: readonly { pattern: RegExp; written: (channel: Channel) => string }[] = [
  { pattern: /\b(?:thank you|thanks) for calling\b/gi, written: (channel) => CHANNEL_THANKS[channel] },
  { pattern: /\bthank you for holding\b/gi, written: () => 'Thank you for waiting' },
];

/** Whether a line uses words only a phone call fits ("Thank you for calling"), for the script checks. */
export function hasPhoneOnlyWording(text: string): boolean {
  return PHONE_ONLY.some(({ pattern }) => new RegExp(pattern.source, 'i').test(text));
}

/** The step's text with phone-only wording replaced for a written channel; unchanged on a call. */
export function wordedForChannel(text: string, channel: Channel): string {
  if (channel === 'call') return text;
  return PHONE_ONLY.reduce((out, { pattern, written }) => out.replace(pattern, (found) => capitaliseLike(found, written(channel))), text);
}

function capitaliseLike(found: string, replacement: string): string {
  const upper = found[0] === found[0]?.toUpperCase();
  return upper ? replacement : replacement[0]?.toLowerCase() + replacement.slice(1);
}

/**
 * What to do first when a line needs something not set yet, shown to the agent in place of the missing words:
 * an instruction in the agent's language, not words for the customer, so it is a message and never part of the text.
 */
export const MISSING_VALUE_HINTS = defineMessages({
  promise: { id: 'scripts.line.insertPromiseFirst', defaultMessage: 'Press <kbd>{keys}</kbd> to insert the promise' },
  gesture: { id: 'scripts.line.offerGestureFirst', defaultMessage: 'Offer the gesture below first' },
});

/** The variables a line cannot be said without, and the hint shown while each has no value (`keys`: the default key of the promise command). */
export const MISSING_VALUE_PROMPTS: Partial<Record<ScriptVariable, Message>> = {
  'promise.text': { descriptor: MISSING_VALUE_HINTS.promise, values: { keys: 'Alt+P' } },
  'gesture.text': { descriptor: MISSING_VALUE_HINTS.gesture },
};

/** A piece of a script line: words to read, or a gap the agent fills first (with what to do, as a message). */
export type ScriptLinePart = { text: string } | { missing: ScriptVariable; hint: Message };

export interface ScriptLine {
  /** The line filled in, to insert into the reply; while it is waiting, the gaps keep their variable ("{promise.text}"). */
  text: string;
  /** The line to show: the words, and in place of each missing promise or gesture what to do ("Press Alt+P to insert the promise"). */
  parts: ScriptLinePart[];
  /** The variables the line needs that have no value yet (the promise, the gesture). */
  waitingFor: ScriptVariable[];
  /** False while the line is waiting: inserting it would send the customer a gap. */
  insertable: boolean;
}

const VARIABLE_TOKEN = /(\{[^{}]*\})/;

/** A step's text as the agent reads it on this contact: worded for the channel, filled in, gaps named. */
export function scriptLine(text: string, vars: Partial<Record<ScriptVariable, string>>, channel: Channel): ScriptLine {
  const worded = wordedForChannel(text, channel);
  const waitingFor = [...new Set(scriptVariablesIn(worded))].filter(
    (name): name is ScriptVariable => name in MISSING_VALUE_PROMPTS && (vars[name as ScriptVariable] ?? '').trim() === '',
  );
  const parts: ScriptLinePart[] = [];
  for (const chunk of worded.split(VARIABLE_TOKEN)) {
    const missing = waitingFor.find((name) => chunk === `{${name}}`);
    if (missing) {
      parts.push({ missing, hint: MISSING_VALUE_PROMPTS[missing]! });
      continue;
    }
    const filled = fillTemplate(chunk, vars);
    const last = parts.at(-1);
    if (last && 'text' in last) last.text += filled;
    else if (filled) parts.push({ text: filled });
  }
  const filledVars = { ...vars };
  for (const name of waitingFor) delete filledVars[name];
  return { text: fillTemplate(worded, filledVars), parts, waitingFor, insertable: waitingFor.length === 0 };
}
