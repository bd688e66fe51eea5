/** Goodwill gestures: the policy, the customer's currency and the suggestion for the contact in hand. */
export { accountCurrency, gestureCurrency, regionCurrency } from './currency';
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
export {
  GESTURE_REASON_MESSAGES,
  englishGestureReason,
  gestureReasonMessageText,
  gestureReasonText,
  moneyIn,
  type GestureReason,
  type GestureReasonMessage,
  type Money,
} from './reason';
