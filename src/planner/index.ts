/**
 * The follow-up planner: what to follow up on after a contact (rules), and
 * when, respecting the agent's working day and capacity and the customer's
 * clock (schedule).
 */
export { DailyHoursSchema, PLANNER_RULES, PlannerRulesSchema, type DailyHours, type PlannerRules } from './config';
export { planAll, planSuggestion, type PlanContext, type PlannedSuggestion } from './plan';
export {
  businessDayAfter,
  suggestFollowUps,
  suggestNext,
  type BusinessDay,
  type CompletedFollowUp,
  type FollowUpSuggestion,
  type NextRuleId,
  type PlannerCustomer,
  type SuggestInput,
  type SuggestionRuleId,
  type WrapUpRuleId,
} from './rules';
export {
  PlannerError,
  dailyLoad,
  planSlot,
  type FollowUpWindow,
  type PlanSlotInput,
  type PlannedSlot,
  type PlannerAgent,
  type PlannerCustomerClock,
  type SlotMove,
} from './schedule';
export {
  PLANNER_ERROR_MESSAGES,
  SLOT_EXPLANATION_MESSAGES,
  englishSlotExplanation,
  plannerMessageText,
  slotExplanationText,
  type Moment,
  type MomentStyle,
  type PlannerMessage,
  type SlotExplanation,
} from './explanation';
export { SUGGESTION_REASON_MESSAGES, englishSuggestionReason, suggestionReasonText, type SuggestionReason } from './reasons';
export { closingAfter, isWorkingTime, toWorkingTime } from './working-time';
export { plannedTimeWarnings, type PlannedTimeInput, type PlannedTimeWarning, type PlannedTimeWarningKind, type WarnedCustomer } from './warnings';
