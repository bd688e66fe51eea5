/**
 * The company the agents speak for (assets/config/company.json): its name,
 * how soon each kind of need is promised to be met, in business hours, and
 * its business calendar (opening hours, and the regions whose public and bank
 * holidays it closes on).
 */
import { z } from 'zod';
import config from '../assets/config/company.json';
import { TimeZoneSchema } from './domain/common';
import { RegionCodeSchema } from './domain/region';
import { DateKeySchema, OpeningHoursSchema } from './promise/calendar';

const PromiseRuleSchema = z.object({
  kind: z.enum(['callback', 'reply', 'resolution']),
  businessHours: z.number().positive().max(24 * 14),
});
export type PromiseRule = z.infer<typeof PromiseRuleSchema>;

export const CompanyCalendarSchema = z.object({
  /** The zone the opening hours and closed days are written in. */
  timeZone: TimeZoneSchema,
  /** Opening hours per weekday as [open, close] pairs ("24:00" for midnight); an empty list means closed all day. */
  hours: OpeningHoursSchema,
  /** ISO 3166 country or subdivision codes ("GB-ENG", "DE-BY", "ES-MD"): closed on their public and bank holidays, every year. */
  regions: z.array(RegionCodeSchema).max(20),
  /** Other days closed all day, 'YYYY-MM-DD' in `timeZone` (a company event, an extra day at Christmas). */
  closedDays: z.array(DateKeySchema).max(500).default([]),
});
export type CompanyCalendar = z.infer<typeof CompanyCalendarSchema>;

export const CompanyConfigSchema = z.object({
  name: z.string().min(1).max(80),
  /** By topic; "general" is used for any other. */
  promises: z.record(z.string(), PromiseRuleSchema).refine((rules) => 'general' in rules, 'a "general" promise rule is required'),
  calendar: CompanyCalendarSchema,
});

export const COMPANY = CompanyConfigSchema.parse(config);

export function promiseRuleFor(topic: string | null): PromiseRule {
  return COMPANY.promises[topic ?? 'general'] ?? COMPANY.promises.general!;
}
