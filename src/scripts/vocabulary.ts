/**
 * The words scripts may use: variables in braces that the script engine fills
 * from the customer, agent and situation, and the situation triggers that show
 * or hide a step (`when`).
 */

export const SCRIPT_VARIABLES = [
  'customer.firstName',
  'customer.lastName',
  'customer.tier',
  'agent.firstName',
  'company.name',
  'contact.thanks',
  'wait.minutes',
  'contact.count7d',
  'lastCsat',
  'followUp.dueText',
  'promise.text',
  'gesture.text',
] as const;
export type ScriptVariable = (typeof SCRIPT_VARIABLES)[number];

export const SCRIPT_TRIGGERS = [
  'long-wait',
  'repeat-contact',
  'low-csat',
  'vip',
  'overdue-follow-up',
  'negative-sentiment',
] as const;
export type ScriptTrigger = (typeof SCRIPT_TRIGGERS)[number];

/** Triggers as people read them (chips on the script panel, the script editor). */
export const TRIGGER_MESSAGES = defineMessages({
  'long-wait': { id: 'model.trigger.long-wait', defaultMessage: 'Waited a long time' },
  'repeat-contact': { id: 'model.trigger.repeat-contact', defaultMessage: 'Repeat contact this week' },
  'low-csat': { id: 'model.trigger.low-csat', defaultMessage: 'Low satisfaction last time' },
  vip: { id: 'model.trigger.vip', defaultMessage: 'VIP customer' },
  'overdue-follow-up': { id: 'model.trigger.overdue-follow-up', defaultMessage: 'A follow-up we owe is overdue' },
  'negative-sentiment': { id: 'model.trigger.negative-sentiment', defaultMessage: 'Customer is upset' },
}) satisfies Record<ScriptTrigger, MessageDescriptor>;
export const TRIGGER_LABELS: Record<ScriptTrigger, string> = englishOf(TRIGGER_MESSAGES);

/** The same labels under their earlier name. */
export const SCRIPT_TRIGGER_LABELS = TRIGGER_LABELS;

/** What each variable stands for, for the script editor. */
export const VARIABLE_MESSAGES = defineMessages({
  'customer.firstName': { id: 'model.variable.customer.firstName', defaultMessage: "Customer's first name" },
  'customer.lastName': { id: 'model.variable.customer.lastName', defaultMessage: "Customer's last name" },
  'customer.tier': { id: 'model.variable.customer.tier', defaultMessage: "Customer's tier (Standard, Gold, VIP)" },
  'agent.firstName': { id: 'model.variable.agent.firstName', defaultMessage: "Agent's first name" },
  'company.name': { id: 'model.variable.company.name', defaultMessage: 'Company name' },
  'contact.thanks': { id: 'model.variable.contact.thanks', defaultMessage: 'Thanks for getting in touch, in the words of the channel (“Thank you for calling”, “Thanks for messaging”)' },
  'wait.minutes': { id: 'model.variable.wait.minutes', defaultMessage: 'Minutes the customer waited in the queue' },
  'contact.count7d': { id: 'model.variable.contact.count7d', defaultMessage: 'Contacts from the customer in the last 7 days, this one included' },
  lastCsat: { id: 'model.variable.lastCsat', defaultMessage: 'Last satisfaction score (1–5)' },
  'followUp.dueText': { id: 'model.variable.followUp.dueText', defaultMessage: 'When the next open follow-up is due, in the customer’s time' },
  'promise.text': { id: 'model.variable.promise.text', defaultMessage: 'The expectation set with the customer' },
  'gesture.text': { id: 'model.variable.gesture.text', defaultMessage: 'The goodwill gesture offered' },
}) satisfies Record<ScriptVariable, MessageDescriptor>;
export const VARIABLE_LABELS: Record<ScriptVariable, string> = englishOf(VARIABLE_MESSAGES);

const VARIABLE_PATTERN = /\{([^{}]*)\}/g;

/** The variable names used in a step's text, in order of appearance: "Hi {customer.firstName}" → ["customer.firstName"]. */
export function scriptVariablesIn(text: string): string[] {
  return Array.from(text.matchAll(VARIABLE_PATTERN), (match) => match[1] ?? '');
}

export function isScriptVariable(name: string): name is ScriptVariable {
  return (SCRIPT_VARIABLES as readonly string[]).includes(name);
}

export function isScriptTrigger(name: string): name is ScriptTrigger {
  return (SCRIPT_TRIGGERS as readonly string[]).includes(name);
}import { defineMessages } from '@formatjs/intl';
import { englishOf, type MessageDescriptor } from '../i18n/messages';

