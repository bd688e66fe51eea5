/**
 * How the follow-up planner behaves (assets/config/planner.json): which
 * follow-ups it suggests at wrap-up, what it suggests after a follow-up is
 * done, and how it picks a time for them.
 */
import { z } from 'zod';
import config from '../../assets/config/planner.json';
import { TimeOfDaySchema } from '../domain/common';
import { TierSchema } from '../domain/model';
import { minutesOfTime } from '../promise/zones';

/** A daily stretch of time on someone's clock, 'HH:MM' to 'HH:MM', start before end. */
export const DailyHoursSchema = z
  .object({ start: TimeOfDaySchema, end: TimeOfDaySchema })
  .refine((hours) => minutesOfTime(hours.start) < minutesOfTime(hours.end), 'must start before it ends');
export type DailyHours = z.infer<typeof DailyHoursSchema>;

const enabled = z.boolean().default(true);

export const PlannerRulesSchema = z.object({
  /** Follow-ups suggested at wrap-up. */
  rules: z.object({
    /** The need was not met on the contact: get back to the customer the next business day. */
    unresolved: z.object({
      enabled,
      /** Business days after the contact (company calendar). */
      businessDays: z.number().int().min(1).max(30),
    }),
    /** The agent promised something by a moment: follow up before it is due. Supersedes `unresolved`. */
    promise: z.object({
      enabled,
      /** How long before the promised moment the follow-up is due ("by 3 pm" means before 3 pm). */
      leadMinutes: z.number().int().min(0).max(24 * 60),
    }),
    /** The customer rated the contact poorly: a recovery call soon. */
    'low-csat': z.object({
      enabled,
      /** CSAT (1–5) at or below which a recovery is suggested. */
      threshold: z.number().int().min(1).max(5),
      /** Days within which the recovery should happen. */
      withinDays: z.number().min(0.25).max(30),
      /** Recover by phone when the customer has a phone number, whatever their preferred channel. */
      preferCallWhenPhone: z.boolean(),
    }),
    /** A valued customer whose need was met: check in a while later that all is still well. */
    'vip-check-in': z.object({
      enabled,
      /** Customer tiers that get a check-in. */
      tiers: z.array(TierSchema).min(1),
      /** Days after the contact. */
      afterDays: z.number().int().min(1).max(90),
      /** Days of slack after that for fitting it in. */
      windowDays: z.number().int().min(0).max(30),
    }),
  }),
  /** Follow-ups suggested after one is done, by its outcome. */
  next: z.object({
    /** Nobody answered: try again on a later business day at another time of day. */
    'no-answer': z.object({
      enabled,
      businessDays: z.number().int().min(1).max(30),
      /** How far to move the time of day: later when the last try was before midday, earlier after it. */
      shiftHours: z.number().min(1).max(12),
      /** Where morning ends and afternoon begins, on the business calendar's clock. */
      midday: TimeOfDaySchema,
    }),
    /** A message was left: give the customer time to call back first. */
    'left-message': z.object({ enabled, businessDays: z.number().int().min(1).max(30) }),
    /** The customer needs more: another follow-up the next business day. */
    'needs-another': z.object({ enabled, businessDays: z.number().int().min(1).max(30) }),
  }),
  /** Picking a time. */
  schedule: z.object({
    /** No follow-up is due sooner than this after now. */
    minimumLeadMinutes: z.number().int().min(0).max(24 * 60),
    /** Follow-ups start on multiples of this many minutes on the agent's clock. */
    slotMinutes: z.number().int().min(1).max(240),
    /** When customers may be called or messaged, on their own clock (their quiet hours apply as well). */
    customerHours: DailyHoursSchema,
    /** How many days past the wanted window to look before giving up. */
    searchDays: z.number().int().min(1).max(366),
  }),
});
export type PlannerRules = z.infer<typeof PlannerRulesSchema>;

/** The rules as configured for this installation. */
export const PLANNER_RULES: PlannerRules = PlannerRulesSchema.parse(config);
