/**
 * The company the agents speak for (assets/config/company.json): its name,
 * and how soon each kind of need is promised to be met, in business hours.
 */
import { z } from 'zod';
import config from '../assets/config/company.json';

const PromiseRuleSchema = z.object({
  kind: z.enum(['callback', 'reply', 'resolution']),
  businessHours: z.number().positive().max(24 * 14),
});
export type PromiseRule = z.infer<typeof PromiseRuleSchema>;

export const CompanyConfigSchema = z.object({
  name: z.string().min(1).max(80),
  /** By topic; "general" is used for any other. */
  promises: z.record(z.string(), PromiseRuleSchema).refine((rules) => 'general' in rules, 'a "general" promise rule is required'),
});

export const COMPANY = CompanyConfigSchema.parse(config);

export function promiseRuleFor(topic: string | null): PromiseRule {
  return COMPANY.promises[topic ?? 'general'] ?? COMPANY.promises.general!;
}
