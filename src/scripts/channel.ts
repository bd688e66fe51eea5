/**
 * Script lines as they are said on the contact's channel: a chat or an email
 * is not thanked "for calling", and a line that needs something the agent has
 * not set yet (the promise, the gesture) says how to set it instead of
 * reading "what happens next: .".
 */
import type { Channel } from '../domain/common';
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

/** What to do first when a line needs something not set yet, said in place of the missing words. */
export const MISSING_VALUE_PROMPTS: Partial<Record<ScriptVariable, string>> = {
  'promise.text': 'press Alt+P to insert the promise',
  'gesture.text': 'offer the gesture below first',
};

export interface ScriptLine {
  /** The line to read, filled in; a missing promise or gesture reads as what to do ("[press Alt+P to insert the promise]"). */
  text: string;
  /** The variables the line needs that have no value yet (the promise, the gesture). */
  waitingFor: ScriptVariable[];
  /** False while the line is waiting: inserting it would send the customer a gap. */
  insertable: boolean;
}

/** A step's text as the agent reads it on this contact: worded for the channel, filled in, gaps named. */
export function scriptLine(text: string, vars: Partial<Record<ScriptVariable, string>>, channel: Channel): ScriptLine {
  const worded = wordedForChannel(text, channel);
  const waitingFor = [...new Set(scriptVariablesIn(worded))].filter(
    (name): name is ScriptVariable => name in MISSING_VALUE_PROMPTS && (vars[name as ScriptVariable] ?? '').trim() === '',
  );
  const withPrompts = { ...vars };
  for (const name of waitingFor) withPrompts[name] = `[${MISSING_VALUE_PROMPTS[name]}]`;
  return { text: fillTemplate(worded, withPrompts), waitingFor, insertable: waitingFor.length === 0 };
}
