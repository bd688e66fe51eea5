/** Filling {variables} in script steps and saved replies. */
import { type ScriptVariable, isScriptVariable, scriptVariablesIn } from './vocabulary';

const VARIABLE_PATTERN = /\{([^{}]*)\}/g;

/**
 * Replaces each `{name}` of a known variable with its value. Unknown names,
 * and known ones without a value, are left as written so the gap shows.
 */
export function fillTemplate(text: string, vars: Partial<Record<ScriptVariable, string>>): string {
  return text.replace(VARIABLE_PATTERN, (whole, name: string) => {
    if (!isScriptVariable(name)) return whole;
    const value = vars[name];
    return value === undefined ? whole : value;
  });
}

/** Names in braces that are not script variables, each once, in order of appearance. */
export function unknownVariables(text: string): string[] {
  return [...new Set(scriptVariablesIn(text).filter((name) => !isScriptVariable(name)))];
}
