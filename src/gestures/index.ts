/** Goodwill gestures: the policy and the suggestion for the contact in hand. */
export {
  GestureRuleSchema,
  GoodwillPolicySchema,
  LowCsatRuleSchema,
  OutageRuleSchema,
  RepeatContactRuleSchema,
  VipRuleSchema,
  defaultGoodwillPolicy,
  type GestureRule,
  type GoodwillPolicy,
} from './policy';
export { givenRecently, moneyText, suggestGesture, type GestureSuggestion } from './suggest';
