/**
 * Saved replies (shipped ones and supervisors' reply articles) in the
 * customer's language: a translation fills in the same {variables} as the
 * source, so no customer gets a gap or a detail meant for someone else.
 */
import { createIntl, createIntlCache, defineMessages, type MessageDescriptor } from '@formatjs/intl';
import { createFormatter } from '../i18n/format';
import { scriptVariablesIn } from '../scripts/vocabulary';

export const REPLY_VARIANT_MESSAGES: Record<'variableMissing' | 'variableExtra', MessageDescriptor> = defineMessages({
  variableMissing: {
    id: 'content.replyVariants.variableMissing',
    defaultMessage: 'The {language} version leaves out {variable}, which the {source} text uses',
  },
  variableExtra: {
    id: 'content.replyVariants.variableExtra',
    defaultMessage: 'The {language} version uses {variable}, which the {source} text does not',
  },
});

export interface ReplyVariantProblem {
  kind: keyof typeof REPLY_VARIANT_MESSAGES;
  language: string;
  variable: string;
}

/** Variables the source and a translation do not share. */
export function replyVariableDifferences(source: string, translation: string, language: string): ReplyVariantProblem[] {
  const want = new Set(scriptVariablesIn(source));
  const have = new Set(scriptVariablesIn(translation));
  return [
    ...[...want].filter((name) => !have.has(name)).map((name) => ({ kind: 'variableMissing' as const, language, variable: `{${name}}` })),
    ...[...have].filter((name) => !want.has(name)).map((name) => ({ kind: 'variableExtra' as const, language, variable: `{${name}}` })),
  ];
}

const cache = createIntlCache();

/** A problem as a British English sentence, the languages named in it (for the hub and the reply schema). */
export function replyVariantProblemText(problem: ReplyVariantProblem, source: string): string {
  const intl = createIntl({ locale: 'en-GB', defaultLocale: 'en-GB', messages: {}, onError: () => {} }, cache);
  const format = createFormatter('en-GB');
  const name = (tag: string) => format.languageName(tag);
  return intl.formatMessage(REPLY_VARIANT_MESSAGES[problem.kind], { language: name(problem.language), source: name(source), variable: problem.variable });
}

/** Every translation's differences from the source body, as British English sentences (for the hub's refusal). */
export function replyVariantProblems(body: string, source: string, variants: Readonly<Record<string, { body: string }>>): string[] {
  return Object.keys(variants)
    .sort()
    .flatMap((language) => replyVariableDifferences(body, variants[language]?.body ?? '', language))
    .map((problem) => `${replyVariantProblemText(problem, source)}.`);
}
