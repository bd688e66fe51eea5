/**
 * Why a goodwill gesture is suggested, for the agent: messages whose values
 * are raw (amounts with their currency, spans in ms, counts), said in the
 * agent's language and with their money and durations where shown.
 */
import { defineMessages } from '@formatjs/intl';
import { englishFormatter, type Formatter } from '../i18n/format';
import { englishMessage, type Message, type MessageDescriptor, type TextFormatter } from '../i18n/messages';

/** An amount of money in a currency (ISO 4217). */
export interface Money {
  amount: number;
  currency: string;
}

/** A sentence of a gesture's reason: values, plus amounts and spans formatted where it is shown. */
export interface GestureReasonMessage extends Message {
  money?: Record<string, Money>;
  /** Spans of time in ms, said in words ("3 days"). */
  durations?: Record<string, number>;
}

/** The rule that applied, then any cap: one sentence each. */
export type GestureReason = readonly GestureReasonMessage[];

export const GESTURE_REASON_MESSAGES = defineMessages({
  outageOpen: {
    id: 'gestures.reason.outageOpen',
    defaultMessage:
      'Outage reported {span} ago and still open: {perDay} a day for {days, plural, one {# day} other {# days}}{atMost, select, yes {, at most {max}} other {}}.',
  },
  outageContacts: {
    id: 'gestures.reason.outageContacts',
    defaultMessage:
      '{count, plural, one {# contact} other {# contacts}} about the outage in {windowDays, plural, one {# day} other {# days}}: {perDay} a day for {days, plural, one {# day} other {# days}}{atMost, select, yes {, at most {max}} other {}}.',
  },
  repeatContact: {
    id: 'gestures.reason.repeatContact',
    defaultMessage: '{count, plural, one {# contact} other {# contacts}} about {topic} in {windowDays, plural, one {# day} other {# days}}.',
  },
  lowCsat: { id: 'gestures.reason.lowCsat', defaultMessage: 'Rated us {csat} out of 5 last time.' },
  vip: { id: 'gestures.reason.vip', defaultMessage: 'VIP customer.' },
  cappedByCustomer: {
    id: 'gestures.reason.cappedByCustomer',
    defaultMessage: 'Capped at {limit}: {given} of the {cap} allowed per customer in {days, plural, one {# day} other {# days}} has already been given.',
  },
  cappedByRole: {
    id: 'gestures.reason.cappedByRole',
    defaultMessage: 'Capped at {limit}, the {role, select, supervisor {supervisor} admin {admin} other {agent}} limit per contact.',
  },
  cappedBySupervisor: {
    id: 'gestures.reason.cappedBySupervisor',
    defaultMessage: 'Capped at {limit}, the agent limit per contact; a supervisor can approve up to {supervisorLimit}.',
  },
  noCreditByCustomer: {
    id: 'gestures.reason.noCreditByCustomer',
    defaultMessage: 'No credit: {given} of the {cap} allowed per customer in {days, plural, one {# day} other {# days}} has already been given.',
  },
  noCreditByRole: {
    id: 'gestures.reason.noCreditByRole',
    defaultMessage: 'No credit: the {role, select, supervisor {supervisor} admin {admin} other {agent}} limit per contact is {limit}.',
  },
}) satisfies Record<string, MessageDescriptor>;

/** "£15", "£7.50", "15 €": whole amounts without pence, in the reader's locale. */
export function moneyIn(format: Formatter, money: Money): string {
  const whole = Number.isInteger(money.amount);
  return format.number(money.amount, { style: 'currency', currency: money.currency, minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2 });
}

/** One sentence of a reason in the reader's language. */
export function gestureReasonMessageText(message: GestureReasonMessage, intl: TextFormatter, format: Formatter): string {
  const values: Record<string, string | number> = { ...message.values };
  for (const [name, money] of Object.entries(message.money ?? {})) values[name] = moneyIn(format, money);
  for (const [name, ms] of Object.entries(message.durations ?? {})) values[name] = format.duration(ms, 'long');
  return intl.formatMessage(message.descriptor, values);
}

/** A gesture's reason as one paragraph in the reader's language. */
export function gestureReasonText(reason: GestureReason, intl: TextFormatter, format: Formatter): string {
  return reason.map((message) => gestureReasonMessageText(message, intl, format)).join(' ');
}

/** A gesture's reason in British English, for logs and support diagnostics. */
export function englishGestureReason(reason: GestureReason): string {
  return gestureReasonText(reason, { formatMessage: englishMessage }, englishFormatter());
}
