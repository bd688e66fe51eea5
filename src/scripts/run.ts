/**
 * Walking a script during a contact: an immutable run state and pure
 * operations on it. Every operation returns a new run (or the same run when
 * nothing changes), so the state can live in a store, be undone, or be saved.
 */
import type { Script, ScriptStage, ScriptStageId, ScriptStep } from '../domain/model';
import type { ScriptTrigger } from './vocabulary';

/** What a run needs of a script; a script pack (without bookkeeping fields) will do. */
export type RunnableScript = Pick<Script, 'stages'> & { scriptId?: string; version?: number };

export interface ScriptRun {
  readonly scriptId: string | null;
  readonly version: number | null;
  readonly stages: readonly ScriptStage[];
  readonly triggers: readonly ScriptTrigger[];
  /** Index into `stages` of the stage on screen. */
  readonly stageIndex: number;
  /** Steps the agent ticked off, in the order they were ticked. */
  readonly checked: readonly string[];
  /** For steps with branches: the index of the answer chosen. */
  readonly branchChoices: Readonly<Record<string, number>>;
  /** Ids of the steps shown, per stage, in script order. */
  readonly visible: Readonly<Partial<Record<ScriptStageId, readonly string[]>>>;
  /** The step a branch led to, to scroll to and highlight. */
  readonly focusStepId: string | null;
  /** The agent went past the last stage. */
  readonly finished: boolean;
}

/** A step shows when it has no `when`, or shares a trigger with the situation. */
export function isStepVisible(step: Pick<ScriptStep, 'when'>, triggers: readonly string[]): boolean {
  return step.when.length === 0 || step.when.some((trigger) => triggers.includes(trigger));
}

export function startRun(script: RunnableScript, triggers: readonly ScriptTrigger[]): ScriptRun {
  const visible: Partial<Record<ScriptStageId, readonly string[]>> = {};
  for (const stage of script.stages) {
    visible[stage.id] = stage.steps.filter((step) => isStepVisible(step, triggers)).map((step) => step.id);
  }
  return {
    scriptId: script.scriptId ?? null,
    version: script.version ?? null,
    stages: script.stages,
    triggers: [...triggers],
    stageIndex: 0,
    checked: [],
    branchChoices: {},
    visible,
    focusStepId: null,
    finished: false,
  };
}

export function currentStage(run: ScriptRun): ScriptStage | null {
  return run.stages[run.stageIndex] ?? null;
}

/** The steps shown for a stage, in script order. */
export function visibleSteps(run: ScriptRun, stageId: ScriptStageId): ScriptStep[] {
  const stage = run.stages.find((candidate) => candidate.id === stageId);
  const ids = run.visible[stageId] ?? [];
  return stage ? stage.steps.filter((step) => ids.includes(step.id)) : [];
}

function stageOfStep(run: ScriptRun, stepId: string): { index: number; step: ScriptStep } | null {
  for (const [index, stage] of run.stages.entries()) {
    const step = stage.steps.find((candidate) => candidate.id === stepId);
    if (step) return { index, step };
  }
  return null;
}

function isVisible(run: ScriptRun, stepId: string): boolean {
  return Object.values(run.visible).some((ids) => ids?.includes(stepId));
}

/** Ticks a shown step, or unticks it. Steps that are not shown are left alone. */
export function toggleStep(run: ScriptRun, stepId: string): ScriptRun {
  if (!isVisible(run, stepId)) return run;
  const checked = run.checked.includes(stepId) ? run.checked.filter((id) => id !== stepId) : [...run.checked, stepId];
  return { ...run, checked };
}

function stageIndexOf(run: ScriptRun, stage: ScriptStageId | number): number {
  if (typeof stage === 'number') return Number.isInteger(stage) && stage >= 0 && stage < run.stages.length ? stage : -1;
  return run.stages.findIndex((candidate) => candidate.id === stage);
}

/** Moves to a stage by id or index; an unknown stage changes nothing. */
export function goToStage(run: ScriptRun, stage: ScriptStageId | number): ScriptRun {
  const index = stageIndexOf(run, stage);
  if (index < 0) return run;
  return { ...run, stageIndex: index, focusStepId: null, finished: false };
}

/** The next stage; from the last one, the run is finished. */
export function nextStage(run: ScriptRun): ScriptRun {
  if (run.stageIndex >= run.stages.length - 1) return run.finished ? run : { ...run, focusStepId: null, finished: true };
  return { ...run, stageIndex: run.stageIndex + 1, focusStepId: null };
}

/** The previous stage; a finished run goes back to its last stage. */
export function previousStage(run: ScriptRun): ScriptRun {
  if (run.finished) return { ...run, finished: false, focusStepId: null };
  if (run.stageIndex === 0) return run;
  return { ...run, stageIndex: run.stageIndex - 1, focusStepId: null };
}

/**
 * Records the customer's answer to a step with branches and follows it: to a
 * stage (that stage), or to a step (its stage, with the step in focus and shown
 * even if the situation had hidden it). The answered step counts as done.
 */
export function chooseBranch(run: ScriptRun, stepId: string, branchIndex: number): ScriptRun {
  const found = stageOfStep(run, stepId);
  const branch = found?.step.branches[branchIndex];
  if (!found || !branch || !isVisible(run, stepId)) return run;
  const checked = run.checked.includes(stepId) ? run.checked : [...run.checked, stepId];
  const next: ScriptRun = { ...run, checked, branchChoices: { ...run.branchChoices, [stepId]: branchIndex }, finished: false };

  const stageIndex = run.stages.findIndex((stage) => stage.id === branch.goto);
  if (stageIndex >= 0) return { ...next, stageIndex, focusStepId: null };

  const target = stageOfStep(run, branch.goto);
  if (!target) return next;
  const stageId = run.stages[target.index]?.id;
  let visible = run.visible;
  if (stageId && !isVisible(run, branch.goto)) {
    const shown = new Set([...(run.visible[stageId] ?? []), branch.goto]);
    const stage = run.stages[target.index];
    visible = { ...run.visible, [stageId]: (stage?.steps ?? []).map((step) => step.id).filter((id) => shown.has(id)) };
  }
  return { ...next, visible, stageIndex: target.index, focusStepId: branch.goto };
}

export function isFinished(run: ScriptRun): boolean {
  return run.finished;
}

/** The shown steps ticked off (in script order), of how many were shown, for the contact's record. */
export function adherence(run: ScriptRun): { done: string[]; total: number } {
  const shown: string[] = [];
  for (const stage of run.stages) {
    const ids = run.visible[stage.id] ?? [];
    for (const step of stage.steps) {
      if (ids.includes(step.id) && (step.kind === 'say' || step.kind === 'ask' || step.kind === 'do')) shown.push(step.id);
    }
  }
  return { done: shown.filter((id) => run.checked.includes(id)), total: shown.length };
}
