/**
 * What the planner tells the agent about a slot, and why planning failed, as
 * messages: the ids and British English here, the values raw (moments in
 * epoch ms with the clock they are read on, counts, "HH:MM" settings), so the
 * screen says them in the agent's language with the agent's formatter.
 */
import { defineMessages } from '@formatjs/intl';
import { englishFormatter, type Formatter } from '../i18n/format';
import { englishMessage, type Message, type MessageDescriptor, type TextFormatter } from '../i18n/messages';

/**
 * How a moment is said: its time, its weekday ("Thursday"), its weekday and
 * date ("Thursday 5 November", for days more than a week away), or a short
 * weekday ("Thu", in a list of working days).
 */
export type MomentStyle = 'time' | 'weekday' | 'weekdayDate' | 'weekdayShort';

/** A moment (epoch ms) read on the clock of `zone`. */
export interface Moment {
  at: number;
  zone: string;
  style: MomentStyle;
}

/** A message whose values may also be moments (or lists of them, said as "Tuesday and Wednesday"), formatted where it is shown. */
export interface PlannerMessage extends Message {
  moments?: Record<string, Moment | readonly Moment[]>;
}

/** Why a slot is where it is: one sentence per message, the slot's own time first. */
export type SlotExplanation = readonly PlannerMessage[];

export const SLOT_EXPLANATION_MESSAGES = defineMessages({
  at: { id: 'planner.slot.at', defaultMessage: '{day} {time} your time.' },
  atTheirTime: { id: 'planner.slot.atTheirTime', defaultMessage: '{day} {time} your time ({theirTime} for the customer).' },
  atTheirDay: { id: 'planner.slot.atTheirDay', defaultMessage: '{day} {time} your time ({theirDay} {theirTime} for the customer).' },
  later: { id: 'planner.slot.later', defaultMessage: 'Later than wanted: nothing fits by {day} {time}.' },
  earlier: { id: 'planner.slot.earlier', defaultMessage: 'Before the wanted {target}: nothing fits between then and {latest}.' },
  dayFull: { id: 'planner.slot.dayFull', defaultMessage: '{day} is full ({load} of {capacity}).' },
  daysFull: { id: 'planner.slot.daysFull', defaultMessage: '{days} are full ({capacity} each).' },
  booked: { id: 'planner.slot.booked', defaultMessage: '{time} is already booked.' },
  quietHours: { id: 'planner.slot.quietHours', defaultMessage: "The customer's quiet hours are {start}–{end} their time." },
  customerHours: { id: 'planner.slot.customerHours', defaultMessage: 'Customers are contacted {start}–{end} their time.' },
  workingHours: {
    id: 'planner.slot.workingHours',
    defaultMessage: 'Your working hours are {start}–{end}, {days, select, weekdays {Monday to Friday} everyDay {every day} other {{dayList}}}.',
  },
}) satisfies Record<string, MessageDescriptor>;

/** Why no time can be planned at all (a PlannerError's message). */
export const PLANNER_ERROR_MESSAGES = defineMessages({
  slotMinutes: { id: 'planner.error.slotMinutes', defaultMessage: 'Slots must be a whole number of minutes, not {minutes}' },
  noCapacity: { id: 'planner.error.noCapacity', defaultMessage: 'The agent has no room for follow-ups: capacity must be at least 1 a day' },
  allBooked: {
    id: 'planner.error.allBooked',
    defaultMessage: 'No time fits in the next {days, plural, one {day} other {# days}}: every working day is full or already booked',
  },
  noWorkingHours: { id: 'planner.error.noWorkingHours', defaultMessage: 'No time fits: the agent has no working hours long enough for a follow-up' },
  quietHours: { id: 'planner.error.quietHours', defaultMessage: "No time fits: the customer's quiet hours cover all of the agent's working hours" },
  contactHours: {
    id: 'planner.error.contactHours',
    defaultMessage: "No time fits: the customer's contact hours ({start}–{end} their time) fall outside the agent's working hours",
  },
  quietAndContactHours: {
    id: 'planner.error.quietAndContactHours',
    defaultMessage: "No time fits: the customer's quiet hours and contact hours leave none of the agent's working hours",
  },
  noBusinessDay: {
    id: 'planner.error.noBusinessDay',
    defaultMessage: 'The business calendar has no business day in the next {days, plural, one {day} other {# days}}',
  },
}) satisfies Record<string, MessageDescriptor>;

function momentText(moment: Moment, format: Formatter): string {
  switch (moment.style) {
    case 'time':
      return format.time(moment.at, moment.zone);
    case 'weekday':
      return format.date(moment.at, 'dayOfWeek', moment.zone);
    case 'weekdayDate':
      return format.date(moment.at, 'weekdayLong', moment.zone);
    case 'weekdayShort':
      return format.date(moment.at, 'dayOfWeekShort', moment.zone);
  }
}

/** A planner message in the reader's language: `intl` for the words, `format` for the moments. */
export function plannerMessageText(message: PlannerMessage, intl: TextFormatter, format: Formatter): string {
  const values: Record<string, string | number> = { ...message.values };
  for (const [name, moment] of Object.entries(message.moments ?? {})) {
    values[name] = Array.isArray(moment) ? format.list(moment.map((one: Moment) => momentText(one, format))) : momentText(moment as Moment, format);
  }
  return intl.formatMessage(message.descriptor, values);
}

/** A slot's explanation as one paragraph in the reader's language. */
export function slotExplanationText(explanation: SlotExplanation, intl: TextFormatter, format: Formatter): string {
  return explanation.map((message) => plannerMessageText(message, intl, format)).join(' ');
}

/** A slot's explanation in British English, for logs and support diagnostics. */
export function englishSlotExplanation(explanation: SlotExplanation): string {
  return slotExplanationText(explanation, { formatMessage: englishMessage }, englishFormatter());
}

/** Short weekday names by DAY_KEYS index (0 Sunday): a Sunday (4 January 2026) and the days after it, read in UTC. */
export function weekdayMoment(index: number): Moment {
  return { at: Date.UTC(2026, 0, 4 + index, 12), zone: 'UTC', style: 'weekdayShort' };
}
