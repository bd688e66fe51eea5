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

export const SCRIPT_TRIGGER_LABELS: Record<ScriptTrigger, string> = {
  'long-wait': 'Waited a long time',
  'repeat-contact': 'Repeat contact this week',
  'low-csat': 'Low satisfaction last time',
  vip: 'VIP customer',
  'overdue-follow-up': 'A follow-up we owe is overdue',
  'negative-sentiment': 'Customer is upset',
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
