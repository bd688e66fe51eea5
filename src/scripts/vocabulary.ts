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
export const TRIGGER_LABELS: Record<ScriptTrigger, string> = {
  'long-wait': 'Waited a long time',
  'repeat-contact': 'Repeat contact this week',
  'low-csat': 'Low satisfaction last time',
  vip: 'VIP customer',
  'overdue-follow-up': 'A follow-up we owe is overdue',
  'negative-sentiment': 'Customer is upset',
};

/** The same labels under their earlier name. */
export const SCRIPT_TRIGGER_LABELS = TRIGGER_LABELS;

/** What each variable stands for, for the script editor. */
export const VARIABLE_LABELS: Record<ScriptVariable, string> = {
  'customer.firstName': "Customer's first name",
  'customer.lastName': "Customer's last name",
  'customer.tier': "Customer's tier (Standard, Gold, VIP)",
  'agent.firstName': "Agent's first name",
  'company.name': 'Company name',
  'contact.thanks': 'Thanks for getting in touch, in the words of the channel (“Thank you for calling”, “Thanks for messaging”)',
  'wait.minutes': 'Minutes the customer waited in the queue',
  'contact.count7d': 'Contacts from the customer in the last 7 days, this one included',
  lastCsat: 'Last satisfaction score (1–5)',
  'followUp.dueText': 'When the next open follow-up is due, in the customer’s time',
  'promise.text': 'The expectation set with the customer',
  'gesture.text': 'The goodwill gesture offered',
};

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
}
