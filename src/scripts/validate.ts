/**
 * Checks on a script as a supervisor writes it, with messages for people:
 * stages present and in order, unique step ids, known variables and triggers,
 * and branches that go somewhere.
 */
import { SCRIPT_STAGES, SCRIPT_STAGE_LABELS, type ScriptStageId } from '../domain/model';
import { SCRIPT_TRIGGERS, isScriptTrigger, isScriptVariable, scriptVariablesIn } from './vocabulary';

export interface ScriptProblem {
  /** Where: "stages[3].steps[1].branches[0].goto". */
  path: string;
  message: string;
}

/** The shape validated: a Script, a script pack, or an editor's draft. */
export interface ScriptDraft {
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

function isStageId(id: string): id is ScriptStageId {
  return (SCRIPT_STAGES as readonly string[]).includes(id);
}

function stageName(id: string): string {
  return isStageId(id) ? SCRIPT_STAGE_LABELS[id] : `“${id}”`;
}

export function validateScript(input: ScriptDraft): ScriptProblem[] {
  const problems: ScriptProblem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });

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

      const used = scriptVariablesIn(step.text);
      for (const name of new Set(used)) {
        if (!isScriptVariable(name)) add(`${path}.text`, `${where}: uses {${name}}, which is not a variable`);
      }
      const opens = step.text.split('{').length - 1;
      const closes = step.text.split('}').length - 1;
      if (opens !== used.length || closes !== used.length) {
        add(`${path}.text`, `${where}: has a brace without its partner; variables are written {like.this}`);
      }
      if (/\}(st|nd|rd|th)\b/.test(step.text)) {
        add(`${path}.text`, `${where}: puts “st”, “nd”, “rd” or “th” after a variable, which reads wrongly for some numbers; write “{contact.count7d} times” instead`);
      }

      (step.when ?? []).forEach((trigger, index) => {
        if (!isScriptTrigger(trigger)) {
          add(`${path}.when[${index}]`, `${where}: shows when “${trigger}”, which is not a trigger; triggers are ${SCRIPT_TRIGGERS.join(', ')}`);
        }
      });

      (step.branches ?? []).forEach((branch, index) => {
        const branchPath = `${path}.branches[${index}]`;
        if (branch.label.trim() === '') add(`${branchPath}.label`, `${where}: a branch has no label`);
        if (branch.goto === step.id) {
          add(`${branchPath}.goto`, `${where}: the branch “${branch.label}” goes back to the same step`);
        } else if (!stepStage.has(branch.goto) && !seenStages.has(branch.goto)) {
          add(`${branchPath}.goto`, `${where}: the branch “${branch.label}” goes to '${branch.goto}', which is not a step or stage of this script`);
        }
      });
    });
  });

  return problems;
}
