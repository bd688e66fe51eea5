/**
 * The goodwill policy: when a gesture is suggested to the agent, what it is
 * worth, and the limits on what agents and supervisors may give.
 * The default policy ships in assets/policies/goodwill.json.
 */
import { z } from 'zod';
import { GESTURE_KINDS, type Role } from '../domain/model';
import goodwill from '../../assets/policies/goodwill.json';

const Money = z.number().min(0).max(100_000);
const Days = z.number().int().min(1).max(366);
const MONEY_KINDS = ['credit', 'refund', 'discount', 'waive-fee', 'gift'] as const;
const Description = z.string().trim().min(1).max(250);

const RuleBase = { id: z.string().regex(/^[a-z0-9-]{1,60}$/, 'rule ids are lowercase letters, digits and dashes') };

/** A long outage: the current contact is about it, and it has gone on for `minHours` or the customer has been in touch `minContacts` times. */
export const OutageRuleSchema = z.object({
  ...RuleBase,
  when: z.literal('outage'),
  topic: z.string().min(1).max(40).default('outage'),
  minHours: z.number().min(0).max(24 * 60),
  minContacts: z.number().int().min(1).max(50),
  windowDays: Days,
  /** Open outage contacts older than this are not counted. */
  lookbackDays: Days,
  kind: z.enum(MONEY_KINDS),
  /** Per full day affected (at least one day). */
  perDay: Money,
  max: Money,
  /** What the customer is told; {amount} and {days} are filled in. */
  description: Description,
});

/** The customer has been in touch about the same topic `minEarlierContacts` times before in `windowDays`. */
export const RepeatContactRuleSchema = z.object({
  ...RuleBase,
  when: z.literal('repeat-contact'),
  minEarlierContacts: z.number().int().min(1).max(50),
  windowDays: Days,
  kind: z.enum(MONEY_KINDS),
  amount: Money,
  description: Description,
});

/** The customer's last satisfaction score was `maxCsat` or lower. */
export const LowCsatRuleSchema = z.object({
  ...RuleBase,
  when: z.literal('low-csat'),
  maxCsat: z.number().int().min(1).max(5),
  kind: z.enum(MONEY_KINDS),
  amount: Money,
  description: Description,
});

/** VIP customers: gestures without a money value, the first offered first. */
export const VipRuleSchema = z.object({
  ...RuleBase,
  when: z.literal('vip'),
  offers: z
    .array(z.object({ kind: z.enum(GESTURE_KINDS), description: Description }))
    .min(1)
    .max(5),
});

export const GestureRuleSchema = z.discriminatedUnion('when', [OutageRuleSchema, RepeatContactRuleSchema, LowCsatRuleSchema, VipRuleSchema]);
export type GestureRule = z.infer<typeof GestureRuleSchema>;

export const GoodwillPolicySchema = z
  .object({
    /** ISO 4217 code of the account currency. */
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be a currency code such as GBP'),
    /** The most one person in each role may give on one contact. */
    limits: z.object({ agent: Money, supervisor: Money, admin: Money } satisfies Record<Role, typeof Money>),
    /** The most a customer may be given in total over `days` (counting gestures on earlier contacts). */
    customerCap: z.object({ amount: Money, days: Days }),
    /** Rules; when several apply, the largest amount wins, then the earlier rule. */
    rules: z.array(GestureRuleSchema).max(50),
  })
  .superRefine((policy, ctx) => {
    const ids = new Set<string>();
    policy.rules.forEach((rule, index) => {
      if (ids.has(rule.id)) ctx.addIssue({ code: 'custom', path: ['rules', index, 'id'], message: `another rule is also called “${rule.id}”` });
      ids.add(rule.id);
    });
  });
export type GoodwillPolicy = z.infer<typeof GoodwillPolicySchema>;

/** The policy shipped in assets/policies/goodwill.json. */
export function defaultGoodwillPolicy(): GoodwillPolicy {
  return GoodwillPolicySchema.parse(goodwill);
}
