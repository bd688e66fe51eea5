/**
 * From suggestions to times: each suggestion's window planned against the
 * agent's day and the customer's clock.
 */
import { type DailyHours, PLANNER_RULES, type PlannerRules } from './config';
import type { FollowUpSuggestion } from './rules';
import { type PlannedSlot, type PlannerAgent, type PlannerCustomerClock, planSlot } from './schedule';

export interface PlanContext {
  now: number;
  agent: PlannerAgent;
  customer: PlannerCustomerClock;
  /** dueAt of the agent's other open (scheduled) follow-ups. */
  booked: readonly number[];
  /** Slot length, minimum lead, contact hours and search span; each defaults to the configured one (planner.json). */
  schedule?: Partial<PlannerRules['schedule']>;
}

export interface PlannedSuggestion {
  suggestion: FollowUpSuggestion;
  slot: PlannedSlot;
}

/** The settings the planner takes from config, as planSlot options. */
function options(overrides: PlanContext['schedule']): { slotMinutes: number; leadMinutes: number; customerHours: DailyHours; searchDays: number } {
  const schedule = { ...PLANNER_RULES.schedule, ...overrides };
  return {
    slotMinutes: schedule.slotMinutes,
    leadMinutes: schedule.minimumLeadMinutes,
    customerHours: schedule.customerHours,
    searchDays: schedule.searchDays,
  };
}

/** A time for one suggestion. */
export function planSuggestion(suggestion: FollowUpSuggestion, context: PlanContext): PlannedSuggestion {
  const slot = planSlot({
    now: context.now,
    window: suggestion.window,
    customer: context.customer,
    agent: context.agent,
    booked: context.booked,
    ...options(context.schedule),
  });
  return { suggestion, slot };
}

/**
 * Times for several suggestions, in the order given: each planned slot counts
 * as booked for the ones after it, so they spread over the agent's days and
 * never share a slot.
 */
export function planAll(suggestions: readonly FollowUpSuggestion[], context: PlanContext): PlannedSuggestion[] {
  const booked = [...context.booked];
  return suggestions.map((suggestion) => {
    const planned = planSuggestion(suggestion, { ...context, booked });
    booked.push(planned.slot.dueAt);
    return planned;
  });
}
