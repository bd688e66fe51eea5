/**
 * Scripts in the customer's language: a variant translates the source's
 * words step for step, and may not change what the script does or which
 * details it fills in. The editor shows these problems as the supervisor
 * writes; publishing (on the desktop and on the hub) refuses a script that has any.
 */
import { defineMessages, type MessageDescriptor } from '@formatjs/intl';
import { englishFormatter } from '../i18n/format';
import { englishMessage } from '../i18n/messages';
import { chooseLanguage, type LanguageChoice } from '../content/language';
import type { Script, ScriptVariant, ScriptVariantStep } from '../domain/model';
import { scriptVariablesIn } from './vocabulary';

export type VariantProblemKind =
  | 'sameAsSource'
  | 'emptyName'
  | 'missingStep'
  | 'extraStep'
  | 'duplicateStep'
  | 'emptyStep'
  | 'variableMissing'
  | 'variableExtra'
  | 'branchCount'
  | 'emptyBranch';

export const VARIANT_MESSAGES: Record<VariantProblemKind, MessageDescriptor> = defineMessages({
  sameAsSource: {
    id: 'content.variants.sameAsSource',
    defaultMessage: 'The {language} version is in the language the script is written in; translate into another language',
  },
  emptyName: {
    id: 'content.variants.emptyName',
    defaultMessage: 'The {language} version has no name',
  },
  missingStep: {
    id: 'content.variants.missingStep',
    defaultMessage: 'The {language} version has no text for step “{step}”',
  },
  extraStep: {
    id: 'content.variants.extraStep',
    defaultMessage: 'The {language} version has a step “{step}” that the {source} script does not have',
  },
  duplicateStep: {
    id: 'content.variants.duplicateStep',
    defaultMessage: 'The {language} version has step “{step}” twice',
  },
  emptyStep: {
    id: 'content.variants.emptyStep',
    defaultMessage: 'The {language} version of step “{step}” is empty',
  },
  variableMissing: {
    id: 'content.variants.variableMissing',
    defaultMessage: 'Step “{step}”: the {language} version leaves out {variable}, which the {source} text uses',
  },
  variableExtra: {
    id: 'content.variants.variableExtra',
    defaultMessage: 'Step “{step}”: the {language} version uses {variable}, which the {source} text does not',
  },
  branchCount: {
    id: 'content.variants.branchCount',
    defaultMessage:
      'Step “{step}”: the {language} version has {count, plural, one {# answer} other {# answers}} where the {source} text has {expected, plural, one {#} other {#}}',
  },
  emptyBranch: {
    id: 'content.variants.emptyBranch',
    defaultMessage: 'Step “{step}”: answer {count} of the {language} version is empty',
  },
});


/** Where a variant differs from its source, as a message for people (language tags in `values`, named by the screen). */
export interface VariantProblem {
  kind: VariantProblemKind;
  /** The variant's language tag. */
  language: string;
  /** The step it is about, if one. */
  stepId: string | null;
  message: MessageDescriptor;
  /** The message's values; `language` and `source` are language tags for the screen to name. */
  values: { language: string; source: string; step?: string; variable?: string; count?: number; expected?: number };
}

/** The source's shape as the check needs it: a Script or an editor's draft. */
export interface VariantSource {
  language: string;
  stages: readonly { steps: readonly { id: string; text: string; branches?: readonly { label: string }[] }[] }[];
}

function variableSet(text: string): string[] {
  return [...new Set(scriptVariablesIn(text))];
}

/** How one variant differs from the source: steps missing, extra or doubled, empty texts, variables or answers that do not match. */
export function variantProblems(source: VariantSource, language: string, variant: Pick<ScriptVariant, 'steps'> & { name?: string }): VariantProblem[] {
  const problems: VariantProblem[] = [];
  const add = (kind: VariantProblemKind, stepId: string | null, values: Omit<VariantProblem['values'], 'language' | 'source'> = {}) =>
    problems.push({ kind, language, stepId, message: VARIANT_MESSAGES[kind], values: { language, source: source.language, ...values } });

  if (chooseLanguage(language, source.language, []).match === 'exact') add('sameAsSource', null);
  if (variant.name !== undefined && variant.name.trim() === '') add('emptyName', null);

  const sourceSteps = source.stages.flatMap((stage) => stage.steps);
  const translated = new Map<string, ScriptVariantStep>();
  for (const step of variant.steps) {
    if (translated.has(step.id)) add('duplicateStep', step.id, { step: step.id });
    else translated.set(step.id, step);
  }
  const sourceIds = new Set(sourceSteps.map((step) => step.id));
  for (const step of variant.steps) {
    if (!sourceIds.has(step.id)) add('extraStep', step.id, { step: step.id });
  }
  for (const step of sourceSteps) {
    const own = translated.get(step.id);
    if (!own) {
      add('missingStep', step.id, { step: step.id });
      continue;
    }
    if (own.text.trim() === '') {
      add('emptyStep', step.id, { step: step.id });
      continue;
    }
    const want = variableSet(step.text);
    const have = variableSet(own.text);
    for (const name of want) if (!have.includes(name)) add('variableMissing', step.id, { step: step.id, variable: `{${name}}` });
    for (const name of have) if (!want.includes(name)) add('variableExtra', step.id, { step: step.id, variable: `{${name}}` });
    const expected = step.branches?.length ?? 0;
    if (own.branches.length !== expected) add('branchCount', step.id, { step: step.id, count: own.branches.length, expected });
    else own.branches.forEach((label, index) => label.trim() === '' && add('emptyBranch', step.id, { step: step.id, count: index + 1 }));
  }
  return problems;
}

/** Every variant's problems, languages in order. */
export function allVariantProblems(source: VariantSource & { variants: Readonly<Record<string, Pick<ScriptVariant, 'steps'> & { name?: string }>> }): VariantProblem[] {
  return Object.keys(source.variants)
    .sort()
    .flatMap((language) => variantProblems(source, language, source.variants[language] ?? { steps: [] }));
}

/**
 * A problem as a British English sentence, the languages named in it: for
 * the hub's refusal, which the desktop shows as it comes. Screens format
 * `message` and `values` in the agent's language instead.
 */
export function variantProblemText(problem: VariantProblem): string {
  const name = (tag: string) => englishFormatter().languageName(tag);
  return englishMessage(problem.message, { ...problem.values, language: name(problem.values.language), source: name(problem.values.source) });
}

/** A script with the texts of the customer's language, and which language that is. Steps a draft's variant lacks keep the source's words. */
export function localiseScript<S extends Pick<Script, 'name' | 'description' | 'stages' | 'language' | 'variants'>>(script: S, wanted: string | null | undefined): { script: S; choice: LanguageChoice } {
  const choice = chooseLanguage(wanted, script.language, Object.keys(script.variants));
  const variant = choice.variant === null ? null : script.variants[choice.variant];
  if (!variant) return { script, choice };
  const byId = new Map(variant.steps.map((step) => [step.id, step]));
  return {
    choice,
    script: {
      ...script,
      name: variant.name,
      description: variant.description || script.description,
      stages: script.stages.map((stage) => ({
        ...stage,
        steps: stage.steps.map((step) => {
          const own = byId.get(step.id);
          if (!own) return step;
          return { ...step, text: own.text, branches: step.branches.map((branch, index) => ({ ...branch, label: own.branches[index] ?? branch.label })) };
        }),
      })),
    },
  };
}

/** An empty variant for `script`, a step for each of the source's, ready to translate. */
export function emptyVariant(script: Pick<Script, 'name' | 'stages'>): ScriptVariant {
  return {
    name: script.name,
    description: '',
    steps: script.stages.flatMap((stage) => stage.steps.map((step) => ({ id: step.id, text: '', branches: step.branches.map(() => '') }))),
  };
}
