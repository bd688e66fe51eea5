/**
 * What the hub and the rules say to people, in the agent's language: refused
 * changes, problems with a form's input, notifications and system notes.
 */
import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import { formatProblem, type FieldProblem } from '@core/domain/problems';
import type { Said } from '@core/domain/model';
import { MutationRefused } from '@core/sync/local';
import { formatRejection, formatSaid } from '@core/sync/said';
import { formatScriptProblem, type ScriptProblem } from '@core/scripts/validate';
import type { MessageValues, TextFormatter } from '@core/i18n/messages';
import type { SyncStatus } from '@core/sync/engine';

/** A refused change (stored rejection or the hub's answer) as the agent reads it. */
export function useRejectionText(): (rejection: { message: string; messageId?: string; values?: MessageValues }) => string {
  const intl = useIntl();
  return useCallback((rejection) => formatRejection(intl, rejection), [intl]);
}

/** A problem with a form's input, for showing under its field. */
export function useProblemText(): (problem: Pick<FieldProblem, 'descriptor' | 'values'>) => string {
  const intl = useIntl();
  return useCallback((problem) => formatProblem(intl, problem), [intl]);
}

/** A problem with a script (validateScript), its stages named in the agent's language. */
export function useScriptProblemText(): (problem: Pick<ScriptProblem, 'descriptor' | 'values'>) => string {
  const intl = useIntl();
  return useCallback((problem) => formatScriptProblem(intl, problem), [intl]);
}

/** An error from a change the rules refused here (MutationRefused) in the reader's language, or any other error's own message. */
export function refusalTextIn(intl: TextFormatter, error: unknown): string {
  if (error instanceof MutationRefused && error.said) return formatSaid(intl, { id: String(error.said.descriptor.id), values: error.said.values }, error.message);
  return error instanceof Error ? error.message : String(error);
}

/** refusalTextIn in the agent's language. */
export function useRefusalText(): (error: unknown) => string {
  const intl = useIntl();
  return useCallback((error) => refusalTextIn(intl, error), [intl]);
}

/** Text the hub or a rule wrote (a notification, a system note): the reader's language when it came as a message. */
export function useSaidText(): (said: Said | undefined, english: string) => string {
  const intl = useIntl();
  return useCallback((said, english) => formatSaid(intl, said, english), [intl]);
}

/**
 * A refused change split for a form, in the agent's language: a sentence for
 * each field it names (to show under it), and the rest for the form's own
 * message. A refusal by the rules names its field in its values (`field`);
 * bad input names one per problem. The translated counterpart of
 * components/forms.ts refusalByField.
 */
export function refusalByFieldIn(intl: TextFormatter, error: unknown): { fields: Record<string, string>; message: string | null } {
  const refusalText = (failure: unknown) => refusalTextIn(intl, failure);
  if (!(error instanceof MutationRefused)) return { fields: {}, message: refusalText(error) };
  if (error.problems.length === 0) {
    const field = error.said?.values?.field;
    return typeof field === 'string' && field ? { fields: { [field]: refusalText(error) }, message: null } : { fields: {}, message: refusalText(error) };
  }
  const fields: Record<string, string> = {};
  const rest: string[] = [];
  for (const problem of error.problems) {
    const field = problem.field.split('.')[0];
    if (field) fields[field] ??= formatProblem(intl, problem);
    else rest.push(formatProblem(intl, problem));
  }
  return { fields, message: rest.length ? rest.join(' ') : null };
}

/** refusalByFieldIn in the agent's language. */
export function useRefusalByField(): (error: unknown) => { fields: Record<string, string>; message: string | null } {
  const intl = useIntl();
  return useCallback((error) => refusalByFieldIn(intl, error), [intl]);
}

/** Why syncing failed, as the agent reads it (the hub's own answer comes already in their language); null when it did not. */
export function useSyncErrorText(): (sync: Pick<SyncStatus, 'error' | 'errorSaid'>) => string | null {
  const intl = useIntl();
  return useCallback((sync) => (sync.errorSaid ? intl.formatMessage(sync.errorSaid.descriptor, sync.errorSaid.values) : sync.error), [intl]);
}
