/** The script engine: situation triggers, variables, walking a script, suggesting and validating scripts. */
export {
  SCRIPT_TRIGGERS,
  SCRIPT_TRIGGER_LABELS,
  SCRIPT_VARIABLES,
  TRIGGER_LABELS,
  VARIABLE_LABELS,
  isScriptTrigger,
  isScriptVariable,
  scriptVariablesIn,
  type ScriptTrigger,
  type ScriptVariable,
} from './vocabulary';
export {
  DAY_MS,
  HOUR_MS,
  MINUTE_MS,
  contactTone,
  currentIsInbound,
  durationText,
  earlierInboundContacts,
  inboundContactCount,
  lastAnsweredSurvey,
  openFollowUps,
  overdueFollowUps,
  unreadWords,
  waitedMs,
  type ContactTone,
  type Situation,
} from './situation';
export { DEFAULT_THRESHOLDS, detectTriggers, triggerReason, triggersOf, type TriggerHit, type TriggerThresholds } from './triggers';
export { TIER_LABELS, firstNameOf, variablesFor } from './variables';
export { fillTemplate, unknownVariables } from './template';
export { CHANNEL_THANKS, MISSING_VALUE_HINTS, MISSING_VALUE_PROMPTS, hasPhoneOnlyWording, scriptLine, wordedForChannel, type ScriptLine, type ScriptLinePart } from './channel';
export {
  adherence,
  chooseBranch,
  currentStage,
  goToStage,
  isFinished,
  isStepVisible,
  nextStage,
  previousStage,
  startRun,
  toggleStep,
  visibleSteps,
  type RunnableScript,
  type ScriptRun,
} from './run';
export { FALLBACK_SCRIPT_ID, suggestScript } from './suggest';
export { validateScript, formatScriptProblem, scriptProblemEnglish, SCRIPT_PROBLEM_MESSAGES, type ScriptDraft, type ScriptProblem } from './validate';
export {
  VARIANT_MESSAGES,
  allVariantProblems,
  emptyVariant,
  localiseScript,
  variantProblemText,
  variantProblems,
  type VariantProblem,
  type VariantProblemKind,
  type VariantSource,
} from './variants';
export { CUSTOMER_WORDS, customerWordsFor, type CustomerWords, type CustomerWordsLanguage } from './customer-words';
