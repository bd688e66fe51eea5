/**
 * Checks on a script as a supervisor writes it, with messages for people:
 * a name, stages present and in order, unique step ids, known variables and
 * triggers, branches that go somewhere, and lengths a script can be saved with.
 * The script editor shows these as the supervisor types; publishing refuses a
 * script that has any.
 */
import { SCRIPT_STAGES, SCRIPT_STAGE_LABELS, type ScriptStageId } from '../domain/model';
import { hasPhoneOnlyWording } from './channel';
import { SCRIPT_TRIGGERS, SCRIPT_VARIABLES, isScriptTrigger, isScriptVariable, scriptVariablesIn } from './vocabulary';

export interface ScriptProblem {
  /** Where: "stages[3].steps[1].branches[0].goto". */
  path: string;
  message: string;
}

/** The shape validated: a Script, a script pack, or an editor's draft. */
export interface ScriptDraft {
  /** Checked when given (a Script or an editor's draft has one). */
  name?: string;
  stages: readonly {
    id: string;
    steps: readonly {
      id: string;
      kind: string;
      text: string;
      when?: readonly string[];
      branches?: readonly { label: string; goto: string }[];
    }[];
  }[];
}

const STEP_ID = /^[a-z0-9-]{1,60}$/;
const STEP_KINDS = ['say', 'ask', 'do'];

/** The most a script version holds (as the script schema allows). */
export const SCRIPT_LIMITS = { name: 120, stepsPerStage: 50, text: 1000, triggers: 10, branches: 10, label: 100 } as const;

/** Edit distance, for suggesting the variable meant. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length] ?? 0;
}

/** The variable a mistyped name most likely meant ({customer.firstname} → customer.firstName), if one is close. */
export function closestVariable(name: string): string | null {
  const wanted = name.trim().toLowerCase();
  if (wanted === '') return null;
  let best: { name: string; distance: number } | null = null;
  for (const candidate of SCRIPT_VARIABLES) {
    const d = distance(wanted, candidate.toLowerCase());
    if (!best || d < best.distance) best = { name: candidate, distance: d };
  }
  return best && best.distance <= Math.min(2, Math.floor(best.name.length / 4)) ? best.name : null;
}

function isStageId(id: string): id is ScriptStageId {
  return (SCRIPT_STAGES as readonly string[]).includes(id);
}

function stageName(id: string): string {
  return isStageId(id) ? SCRIPT_STAGE_LABELS[id] : `“${id}”`;
}

export function validateScript(input: ScriptDraft): ScriptProblem[] {
  const problems: ScriptProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });

  if (input.name !== undefined) {
    if (input.name.trim() === '') add('name', 'The script has no name');
    else if (input.name.trim().length > SCRIPT_LIMITS.name) add('name', `The name is longer than ${SCRIPT_LIMITS.name} characters`);
  }

  // Stages: known, once each, all six, in order.
  const seenStages = new Map<string, number>();
  input.stages.forEach((stage, index) => {
    if (!isStageId(stage.id)) {
      add(`stages[${index}].id`, `Stage “${stage.id}” is not a stage; stages are ${SCRIPT_STAGES.join(', ')}`);
    } else if (seenStages.has(stage.id)) {
      add(`stages[${index}].id`, `Stage ${stageName(stage.id)} appears twice`);
    } else {
      seenStages.set(stage.id, index);
    }
    if (stage.steps.length === 0) add(`stages[${index}].steps`, `Stage ${stageName(stage.id)} has no steps`);
    if (stage.steps.length > SCRIPT_LIMITS.stepsPerStage) add(`stages[${index}].steps`, `Stage ${stageName(stage.id)} has more than ${SCRIPT_LIMITS.stepsPerStage} steps`);
  });
  for (const id of SCRIPT_STAGES) {
    if (!seenStages.has(id)) add('stages', `The script has no ${SCRIPT_STAGE_LABELS[id]} stage`);
  }
  let previous: { id: ScriptStageId; order: number } | null = null;
  for (const [id, index] of [...seenStages.entries()].sort((a, b) => a[1] - b[1])) {
    if (!isStageId(id)) continue;
    const order = SCRIPT_STAGES.indexOf(id);
    if (previous && order < previous.order) {
      add(`stages[${index}].id`, `Stage ${stageName(id)} comes after ${stageName(previous.id)}; stages go ${SCRIPT_STAGES.map((s) => SCRIPT_STAGE_LABELS[s]).join(' → ')}`);
    } else {
      previous = { id, order };
    }
  }

  // Steps: ids unique across the script.
  const stepStage = new Map<string, string>();
  input.stages.forEach((stage, stageIndex) => {
    stage.steps.forEach((step, stepIndex) => {
      const path = `stages[${stageIndex}].steps[${stepIndex}]`;
      const where = `Stage ${stageName(stage.id)}, step '${step.id}'`;
      if (!STEP_ID.test(step.id)) add(`${path}.id`, `${where}: step ids are 1–60 lowercase letters, digits and dashes`);
      const other = stepStage.get(step.id);
      if (other !== undefined) {
        add(`${path}.id`, other === stage.id ? `${where}: another step of this stage has the same id` : `${where}: the id is also used in stage ${stageName(other)}`);
      } else {
        stepStage.set(step.id, stage.id);
      }
    });
  });

  input.stages.forEach((stage, stageIndex) => {
    stage.steps.forEach((step, stepIndex) => {
      const path = `stages[${stageIndex}].steps[${stepIndex}]`;
      const where = `Stage ${stageName(stage.id)}, step '${step.id}'`;
      if (!STEP_KINDS.includes(step.kind)) add(`${path}.kind`, `${where}: “${step.kind}” is not a kind of step; use say, ask or do`);
      if (step.text.trim() === '') add(`${path}.text`, `${where}: the text is empty`);
      else if (step.text.trim().length > SCRIPT_LIMITS.text) add(`${path}.text`, `${where}: the text is longer than ${SCRIPT_LIMITS.text} characters`);

      const used = scriptVariablesIn(step.text);
      for (const name of new Set(used)) {
        if (isScriptVariable(name)) continue;
        const meant = closestVariable(name);
        add(`${path}.text`, `${where}: uses {${name}}, which is not a variable${meant ? `; did you mean {${meant}}?` : ''}`);
      }
      const opens = step.text.split('{').length - 1;
      const closes = step.text.split('}').length - 1;
      if (opens !== used.length || closes !== used.length) {
        add(`${path}.text`, `${where}: has a brace without its partner; variables are written {like.this}`);
      }
      if (step.kind !== 'do' && hasPhoneOnlyWording(step.text)) {
        add(`${path}.text`, `${where}: uses words only a phone call fits, which read wrongly on a chat, email or message; thank with “{contact.thanks} {company.name}”, and say “Thank you for waiting”`);
      }
      if (/\}(st|nd|rd|th)\b/.test(step.text)) {
        add(`${path}.text`, `${where}: puts “st”, “nd”, “rd” or “th” after a variable, which reads wrongly for some numbers; write “{contact.count7d} times” instead`);
      }

      const when = step.when ?? [];
      when.forEach((trigger, index) => {
        if (!isScriptTrigger(trigger)) {
          add(`${path}.when[${index}]`, `${where}: shows when “${trigger}”, which is not a trigger; triggers are ${SCRIPT_TRIGGERS.join(', ')}`);
        } else if (when.indexOf(trigger) < index) {
          add(`${path}.when[${index}]`, `${where}: shows when “${trigger}” twice`);
        }
      });
      if (when.length > SCRIPT_LIMITS.triggers) add(`${path}.when`, `${where}: has more than ${SCRIPT_LIMITS.triggers} triggers`);

      const branches = step.branches ?? [];
      if (branches.length > SCRIPT_LIMITS.branches) add(`${path}.branches`, `${where}: has more than ${SCRIPT_LIMITS.branches} branches`);
      const labels = branches.map((branch) => branch.label.trim().toLowerCase());
      branches.forEach((branch, index) => {
        const branchPath = `${path}.branches[${index}]`;
        if (branch.label.trim() === '') add(`${branchPath}.label`, `${where}: a branch has no label`);
        else if (branch.label.trim().length > SCRIPT_LIMITS.label) add(`${branchPath}.label`, `${where}: the branch label “${branch.label.trim().slice(0, 40)}…” is longer than ${SCRIPT_LIMITS.label} characters`);
        else if (labels.indexOf(labels[index] ?? '') < index) add(`${branchPath}.label`, `${where}: two branches are labelled “${branch.label.trim()}”`);
        if (branch.goto.trim() === '') {
          add(`${branchPath}.goto`, `${where}: the branch “${branch.label}” does not say where it goes`);
        } else if (branch.goto === step.id) {
          add(`${branchPath}.goto`, `${where}: the branch “${branch.label}” goes back to the same step`);
        } else if (!stepStage.has(branch.goto) && !seenStages.has(branch.goto)) {
          add(`${branchPath}.goto`, `${where}: the branch “${branch.label}” goes to '${branch.goto}', which is not a step or stage of this script`);
        }
      });
    });
  });

  return problems;
}
