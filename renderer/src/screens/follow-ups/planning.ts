/**
 * The planner (src/planner) applied to the workstation's rows: who does it
 * (working hours, capacity, open follow-ups), the customer's clock, the
 * calendar for the customer (the company's, with their region's holidays)
 * and the configured rules.
 */
import { calendarFor } from '@core/holidays';
import { useCallback } from 'react';
import {
  PLANNER_RULES,
  PlannerError,
  planAll,
  planSlot,
  slotExplanationText,
  suggestFollowUps,
  suggestionReasonText,
  suggestNext,
  type FollowUpSuggestion,
  type PlanContext,
  type PlannedSuggestion,
  type SlotExplanation,
  type SuggestionReason,
} from '@core/planner';
import type { Contact, Customer, FollowUp, FollowUpOutcome, User } from '@core/domain/model';
import { defineMessages, useIntl, type MessageDescriptor } from 'react-intl';
import { useFormat } from '../../lib/i18n';

export interface SlotChoice {
  /** The button's text; `{when}` is the time, formatted where it is shown. */
  label: MessageDescriptor;
  at: number;
  /** Why this time (shown as the button's title); empty for a plain choice. */
  explanation: SlotExplanation;
}

/** A slot's explanation in the agent's language, its times on the clocks the planner read them on. */
export function useSlotExplanation(): (explanation: SlotExplanation) => string {
  const intl = useIntl();
  const format = useFormat();
  return useCallback((explanation) => slotExplanationText(explanation, intl, format), [intl, format]);
}

/** Why a follow-up is suggested, in the agent's language: shown with the suggestion and pre-filled as the follow-up's reason. */
export function useSuggestionReason(): (reason: SuggestionReason) => string {
  const intl = useIntl();
  return useCallback((reason) => suggestionReasonText(reason, intl), [intl]);
}

const UTC_CUSTOMER = { timeZone: 'UTC', quietHours: null };

/** Planning context for `owner` doing a follow-up for `customer`, counting the owner's other open follow-ups. */
export function planContext(owner: User, customer: Pick<Customer, 'timeZone' | 'quietHours'> | undefined, open: readonly FollowUp[], now: number, except?: string): PlanContext {
  return {
    now,
    agent: { timeZone: owner.timeZone, workingHours: owner.workingHours, capacity: owner.followUpCapacity },
    customer: customer ? { timeZone: customer.timeZone, quietHours: customer.quietHours } : UTC_CUSTOMER,
    booked: open.filter((row) => row.ownerId === owner.id && row.state === 'scheduled' && row.id !== except).map((row) => row.dueAt),
    schedule: PLANNER_RULES.schedule,
  };
}

/** The follow-ups the rules suggest at wrap-up, each with a time that fits everyone; [] when the planner cannot place them. */
export function wrapUpSuggestions(
  contact: Pick<Contact, 'id' | 'resolution' | 'promise' | 'topic' | 'channel' | 'subject'>,
  customer: Customer,
  csat: number | null,
  me: User,
  open: readonly FollowUp[],
  now: number,
): PlannedSuggestion[] {
  const suggestions = suggestFollowUps({ now, contact, customer, csat, rules: PLANNER_RULES, calendar: calendarFor(customer) });
  const planned: PlannedSuggestion[] = [];
  // Planned one at a time, so one that cannot be placed does not hide the others.
  const context = planContext(me, customer, open, now);
  const booked = [...context.booked];
  for (const suggestion of suggestions) {
    try {
      const [one] = planAll([suggestion], { ...context, booked });
      if (one) {
        planned.push(one);
        booked.push(one.slot.dueAt);
      }
    } catch (error) {
      if (!(error instanceof PlannerError)) throw error;
    }
  }
  return planned;
}

const slotMessages: Record<'nextFree' | 'tomorrow' | 'inAWeek', MessageDescriptor> = defineMessages({
  nextFree: { id: 'followUps.slots.nextFree', defaultMessage: 'Next free slot: {when}' },
  tomorrow: { id: 'followUps.slots.tomorrow', defaultMessage: 'Tomorrow: {when}' },
  inAWeek: { id: 'followUps.slots.inAWeek', defaultMessage: 'In a week: {when}' },
});

/** A few good times to move a follow-up to: the next free slot, tomorrow, and next week, each placed by the planner. */
export function suggestSlots(followUp: FollowUp, customer: Customer | undefined, owner: User, open: readonly FollowUp[], now: number): SlotChoice[] {
  const context = planContext(owner, customer, open, now, followUp.id);
  const wanted: [MessageDescriptor, number][] = [
    [slotMessages.nextFree, now],
    [slotMessages.tomorrow, now + 86_400_000],
    [slotMessages.inAWeek, followUp.dueAt > now ? followUp.dueAt + 7 * 86_400_000 : now + 7 * 86_400_000],
  ];
  const choices: SlotChoice[] = [];
  for (const [label, target] of wanted) {
    try {
      const slot = planSlot({ now, window: { earliest: target, target, latest: target + 86_400_000 }, customer: context.customer, agent: context.agent, booked: context.booked, ...slotOptions() });
      if (!choices.some((choice) => choice.at === slot.dueAt)) choices.push({ label, at: slot.dueAt, explanation: slot.explanation });
    } catch (error) {
      if (!(error instanceof PlannerError)) throw error;
    }
  }
  return choices;
}

function slotOptions() {
  const schedule = PLANNER_RULES.schedule;
  return { slotMinutes: schedule.slotMinutes, leadMinutes: schedule.minimumLeadMinutes, customerHours: schedule.customerHours, searchDays: schedule.searchDays };
}

/** The next attempt after an outcome ("no answer" → another day at another time), placed by the planner; null when none is suggested. */
export function suggestNextSlot(
  outcome: FollowUpOutcome,
  followUp: FollowUp,
  customer: Customer | undefined,
  owner: User,
  open: readonly FollowUp[],
  now: number,
): { at: number; reason: SuggestionReason; explanation: SlotExplanation } | null {
  const suggestion: FollowUpSuggestion | null = suggestNext(outcome, followUp, now, PLANNER_RULES, calendarFor(customer));
  if (!suggestion) return null;
  try {
    const [planned] = planAll([suggestion], planContext(owner, customer, open, now, followUp.id));
    return planned ? { at: planned.slot.dueAt, reason: suggestion.reason, explanation: planned.slot.explanation } : null;
  } catch (error) {
    if (!(error instanceof PlannerError)) throw error;
    return { at: suggestion.window.target, reason: suggestion.reason, explanation: [error.said] };
  }
}
