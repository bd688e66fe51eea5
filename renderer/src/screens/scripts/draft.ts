/**
 * The script editor's working copy: a script version as the supervisor edits
 * it (always the six stages, in order), pure operations on it, and the
 * arguments `script.save` takes.
 */
import type { IntlShape } from '@formatjs/intl';
import { defineMessages, type MessageDescriptor } from 'react-intl';
import { DEFAULT_CONTENT_LANGUAGE, SCRIPT_STAGE_MESSAGES, SCRIPT_STAGES, type Script, type ScriptStageId, type ScriptStep, type ScriptVariant } from '@core/domain/model';
import { mutationArgs, type MutationInput } from '@core/sync/mutations';
import type { ScriptProblem } from '@core/scripts/validate';

export type StepKind = ScriptStep['kind'];

export const KIND_MESSAGES: Record<StepKind, MessageDescriptor> = defineMessages({
  say: { id: 'scripts.stepKind.say', defaultMessage: 'Say' },
  ask: { id: 'scripts.stepKind.ask', defaultMessage: 'Ask' },
  do: { id: 'scripts.stepKind.do', defaultMessage: 'Do' },
});
/** What the text of a step of each kind is, as its field's label. */
export const KIND_TEXT_MESSAGES: Record<StepKind, MessageDescriptor> = defineMessages({
  say: { id: 'scripts.stepKind.sayText', defaultMessage: 'Line to say or write' },
  ask: { id: 'scripts.stepKind.askText', defaultMessage: 'Question to ask' },
  do: { id: 'scripts.stepKind.doText', defaultMessage: 'What the agent does' },
});

/** A variable as written in a step's text: `{customer.firstName}` (the same in every language). */
export const variableToken = (name: string): string => `{${name}}`;

export interface DraftBranch {
  /** React key; not saved. */
  key: string;
  label: string;
  goto: string;
}

export interface DraftStep {
  /** React key; not saved. */
  key: string;
  id: string;
  kind: StepKind;
  text: string;
  when: string[];
  branches: DraftBranch[];
  articleIds: string[];
}

export interface DraftStage {
  id: ScriptStageId;
  steps: DraftStep[];
}

export interface ScriptDraftState {
  scriptId: string;
  name: string;
  description: string;
  topics: string[];
  stages: DraftStage[];
  /** The language the stages are written in. */
  language: string;
  /** Translations by language, step by step (by step id). */
  variants: Record<string, ScriptVariant>;
}

let nextKey = 0;
export const newKey = (): string => `k${++nextKey}`;

/** The working copy of a script version (or of a new script, with empty stages). */
export function draftFrom(script: Pick<Script, 'scriptId' | 'name' | 'description' | 'topics' | 'stages'> & Partial<Pick<Script, 'language' | 'variants'>>): ScriptDraftState {
  return {
    scriptId: script.scriptId,
    name: script.name,
    description: script.description,
    topics: [...script.topics],
    language: script.language ?? DEFAULT_CONTENT_LANGUAGE,
    variants: Object.fromEntries(Object.entries(script.variants ?? {}).map(([language, variant]) => [language, { ...variant, steps: variant.steps.map((step) => ({ ...step, branches: [...step.branches] })) }])),
    stages: SCRIPT_STAGES.map((id) => ({
      id,
      steps: (script.stages.find((stage) => stage.id === id)?.steps ?? []).map((step) => ({
        key: newKey(),
        id: step.id,
        kind: step.kind,
        text: step.text,
        when: [...step.when],
        branches: step.branches.map((branch) => ({ key: newKey(), label: branch.label, goto: branch.goto })),
        articleIds: [...(step.articleIds ?? [])],
      })),
    })),
  };
}

export function emptyDraft(scriptId: string, name: string): ScriptDraftState {
  return draftFrom({ scriptId, name, description: '', topics: [], stages: [], language: DEFAULT_CONTENT_LANGUAGE, variants: {} });
}

/** What `script.save` is given. */
export function saveArgs(draft: ScriptDraftState): MutationInput<'script.save'> {
  return {
    scriptId: draft.scriptId,
    name: draft.name.trim(),
    description: draft.description.trim(),
    topics: draft.topics.map((topic) => topic.trim()).filter(Boolean),
    stages: draft.stages.map((stage) => ({
      id: stage.id,
      steps: stage.steps.map((step) => ({
        id: step.id,
        kind: step.kind,
        text: step.text.trim(),
        when: [...step.when],
        branches: step.branches.map((branch) => ({ label: branch.label.trim(), goto: branch.goto })),
        articleIds: [...step.articleIds],
      })),
    })),
    language: draft.language,
    variants: variantArgs(draft),
  };
}

/**
 * The translations as saved: each step in the source's order, and a step the
 * source no longer has (removed, or its id changed) goes with it. Empty texts
 * are kept, so a translation can be saved half done; publishing refuses it.
 */
export function variantArgs(draft: Pick<ScriptDraftState, 'stages' | 'variants'>): Record<string, ScriptVariant> {
  const order = draft.stages.flatMap((stage) => stage.steps.map((step) => step.id));
  return Object.fromEntries(
    Object.entries(draft.variants).map(([language, variant]) => {
      const byId = new Map(variant.steps.map((step) => [step.id, step]));
      return [
        language,
        {
          name: variant.name.trim(),
          description: variant.description.trim(),
          steps: order.flatMap((id) => {
            const step = byId.get(id);
            return step ? [{ id, text: step.text.trim(), branches: step.branches.map((label) => label.trim()) }] : [];
          }),
        },
      ];
    }),
  );
}

/** Sets the translation of one step (its text or an answer's label), adding the step to the variant if it has none yet. */
export function updateVariantStep(
  draft: ScriptDraftState,
  language: string,
  stepId: string,
  change: (step: { id: string; text: string; branches: string[] }) => { id: string; text: string; branches: string[] },
): ScriptDraftState {
  const variant = draft.variants[language];
  if (!variant) return draft;
  const source = draft.stages.flatMap((stage) => stage.steps).find((step) => step.id === stepId);
  const existing = variant.steps.find((step) => step.id === stepId) ?? { id: stepId, text: '', branches: (source?.branches ?? []).map(() => '') };
  const updated = change(existing);
  const steps = variant.steps.some((step) => step.id === stepId) ? variant.steps.map((step) => (step.id === stepId ? updated : step)) : [...variant.steps, updated];
  return { ...draft, variants: { ...draft.variants, [language]: { ...variant, steps } } };
}

/** A fingerprint of what would be saved, to tell whether there are unsaved changes. */
export function fingerprint(draft: ScriptDraftState): string {
  return JSON.stringify(saveArgs(draft));
}

/** A step id not yet used in the script: "empathise-4". */
export function newStepId(draft: ScriptDraftState, stageId: ScriptStageId): string {
  const used = new Set(draft.stages.flatMap((stage) => stage.steps.map((step) => step.id)));
  let n = (draft.stages.find((stage) => stage.id === stageId)?.steps.length ?? 0) + 1;
  while (used.has(`${stageId}-${n}`)) n += 1;
  return `${stageId}-${n}`;
}

/** A script id from its name: "Broadband upgrade" → "broadband-upgrade" (or "-2", "-3"… when taken). */
export function scriptIdFor(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48)
      .replace(/-+$/, '') || 'script';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

// ---------------------------------------------------------------- edits

function mapStage(draft: ScriptDraftState, stageId: ScriptStageId, change: (steps: DraftStep[]) => DraftStep[]): ScriptDraftState {
  return { ...draft, stages: draft.stages.map((stage) => (stage.id === stageId ? { ...stage, steps: change(stage.steps) } : stage)) };
}

export function addStep(draft: ScriptDraftState, stageId: ScriptStageId, kind: StepKind = 'say'): { draft: ScriptDraftState; step: DraftStep } {
  const step: DraftStep = { key: newKey(), id: newStepId(draft, stageId), kind, text: '', when: [], branches: [], articleIds: [] };
  return { draft: mapStage(draft, stageId, (steps) => [...steps, step]), step };
}

export function updateStep(draft: ScriptDraftState, stageId: ScriptStageId, key: string, change: (step: DraftStep) => DraftStep): ScriptDraftState {
  return mapStage(draft, stageId, (steps) => steps.map((step) => (step.key === key ? change(step) : step)));
}

export function removeStep(draft: ScriptDraftState, stageId: ScriptStageId, key: string): ScriptDraftState {
  return mapStage(draft, stageId, (steps) => steps.filter((step) => step.key !== key));
}

/** Moves a step up (-1) or down (+1) within its stage. */
export function moveStep(draft: ScriptDraftState, stageId: ScriptStageId, key: string, by: -1 | 1): ScriptDraftState {
  return mapStage(draft, stageId, (steps) => {
    const from = steps.findIndex((step) => step.key === key);
    const to = from + by;
    if (from < 0 || to < 0 || to >= steps.length) return steps;
    const next = [...steps];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved!);
    return next;
  });
}

/** Puts `insert` into `text` in place of the selection from `start` to `end`. */
export function insertAt(text: string, start: number, end: number, insert: string): { text: string; caret: number } {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return { text: text.slice(0, from) + insert + text.slice(to), caret: from + insert.length };
}

// ---------------------------------------------------------------- problems

/** Where a problem belongs in the editor. */
export interface ProblemPlace {
  stageId: ScriptStageId | null;
  /** The step's key in the draft, when it is about a step. */
  stepKey: string | null;
  /** text, kind, id, when, branches[0].label… */
  field: string | null;
  branchIndex: number | null;
}

const PATH = /^stages\[(\d+)\](?:\.steps(?:\[(\d+)\](?:\.(.+))?)?)?/;

export function placeOf(draft: ScriptDraftState, problem: ScriptProblem): ProblemPlace {
  const match = PATH.exec(problem.path);
  if (!match) return { stageId: null, stepKey: null, field: problem.path === 'name' ? 'name' : null, branchIndex: null };
  const stage = draft.stages[Number(match[1])];
  const step = match[2] !== undefined ? stage?.steps[Number(match[2])] : undefined;
  const field = match[3] ?? null;
  const branch = field ? /^branches\[(\d+)\]/.exec(field) : null;
  return { stageId: stage?.id ?? null, stepKey: step?.key ?? null, field, branchIndex: branch ? Number(branch[1]) : null };
}

/** The field a save problem is about, as a select key of the messages below. */
const FIELDS = new Set(['text', 'label', 'goto', 'id', 'when', 'name', 'description', 'topics']);
const BLOCKER_MESSAGES: Record<'step' | 'field', MessageDescriptor> = defineMessages({
  step: {
    id: 'scripts.blockers.step',
    defaultMessage:
      '{stage}, step {number}: {field, select, text {the text} label {the answer} goto {where it goes} id {the step id} when {the triggers} name {the name} description {the description} topics {the topics} other {a value}} {problem}',
  },
  field: {
    id: 'scripts.blockers.field',
    defaultMessage:
      '{field, select, text {The text} label {The answer} goto {Where it goes} id {The step id} when {The triggers} name {The name} description {The description} topics {The topics} other {A value}} {problem}',
  },
});

/**
 * Why the draft cannot be saved yet, if it cannot (an empty text, a name
 * missing…): the rules `script.save` applies, in words. Problems that only
 * stop publishing (a branch to nowhere, an unknown variable) do not stop saving.
 */
/** `intl`: the agent's language (react-intl's or @formatjs/intl's). */
export function saveBlockers(draft: ScriptDraftState, intl: Pick<IntlShape, 'formatMessage'>): string[] {
  const result = mutationArgs['script.save'].safeParse(saveArgs(draft));
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const [first, stageIndex, , stepIndex, ...rest] = issue.path;
    const field = rest.filter((part) => typeof part === 'string').at(-1) ?? (typeof first === 'string' && first !== 'stages' ? first : undefined);
    const what = FIELDS.has(String(field)) ? String(field) : 'other';
    // The problem itself is the save rule's own wording (the shared schema's).
    if (first === 'stages' && typeof stageIndex === 'number' && typeof stepIndex === 'number') {
      const stage = draft.stages[stageIndex];
      const stageName = stage ? intl.formatMessage(SCRIPT_STAGE_MESSAGES[stage.id]) : intl.formatMessage({ id: 'scripts.blockers.aStage', defaultMessage: 'A stage' });
      return intl.formatMessage(BLOCKER_MESSAGES.step, { stage: stageName, number: stepIndex + 1, field: what, problem: issue.message });
    }
    return intl.formatMessage(BLOCKER_MESSAGES.field, { field: what, problem: issue.message });
  });
}
