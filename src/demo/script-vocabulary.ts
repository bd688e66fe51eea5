/** The script vocabulary now lives with the script engine; re-exported here for existing imports. */
export {
  SCRIPT_TRIGGERS,
  SCRIPT_TRIGGER_LABELS,
  SCRIPT_VARIABLES,
  TRIGGER_LABELS,
  isScriptTrigger,
  isScriptVariable,
  scriptVariablesIn,
  type ScriptTrigger,
  type ScriptVariable,
} from '../scripts/vocabulary';
