/**
 * Checks on a script as a supervisor writes it, with messages for people:
 * a name, stages present and in order, unique step ids, known variables and
 * triggers, branches that go somewhere, and lengths a script can be saved with.
 * The script editor shows these as the supervisor types; publishing refuses a
 * script that has any.
 */
import { defineMessages } from '@formatjs/intl';
import { SCRIPT_STAGES, SCRIPT_STAGE_MESSAGES, type ScriptStageId } from '../domain/model';
import { englishMessage, type Message, type MessageDescriptor, type MessageValues, type TextFormatter } from '../i18n/messages';
import { hasPhoneOnlyWording } from './channel';
import { SCRIPT_TRIGGERS, SCRIPT_VARIABLES, isScriptTrigger, isScriptVariable, scriptVariablesIn } from './vocabulary';

export interface ScriptProblem extends Message {
  /** Where: "stages[3].steps[1].branches[0].goto". */
  path: string;
  /** Stages (`stage`, `previous`, `otherStage`) as ids, named in the reader's language by formatScriptProblem; steps, variables and numbers as they are. */
  values: MessageValues;
}

/**
 * Each problem as a whole sentence. `{stage}` is the stage's name in the
 * reader's language (formatScriptProblem); a variable comes with its braces
 * as a value, since braces are ICU syntax.
 */
export const SCRIPT_PROBLEM_MESSAGES = defineMessages({
  /** A stage id that is not one of the six, quoted as the reader's language quotes. */
  unknownStageName: { id: 'problem.script.unknownStageName', defaultMessage: '“{id}”' },
  noName: { id: 'problem.script.noName', defaultMessage: 'The script has no name' },
  nameTooLong: { id: 'problem.script.nameTooLong', defaultMessage: 'The name is longer than {max} characters' },
  notAStage: { id: 'problem.script.notAStage', defaultMessage: 'Stage “{id}” is not a stage; stages are {stages}' },
  stageTwice: { id: 'problem.script.stageTwice', defaultMessage: 'Stage {stage} appears twice' },
  stageNoSteps: { id: 'problem.script.stageNoSteps', defaultMessage: 'Stage {stage} has no steps' },
  stageTooManySteps: { id: 'problem.script.stageTooManySteps', defaultMessage: 'Stage {stage} has more than {max} steps' },
  stageMissing: { id: 'problem.script.stageMissing', defaultMessage: 'The script has no {stage} stage' },
  stageOrder: { id: 'problem.script.stageOrder', defaultMessage: 'Stage {stage} comes after {previous}; stages go {order}' },
  stepIdForm: { id: 'problem.script.stepIdForm', defaultMessage: "Stage {stage}, step ''{step}'': step ids are 1–60 lowercase letters, digits and dashes" },
  stepIdTwiceInStage: { id: 'problem.script.stepIdTwiceInStage', defaultMessage: "Stage {stage}, step ''{step}'': another step of this stage has the same id" },
  stepIdInOtherStage: { id: 'problem.script.stepIdInOtherStage', defaultMessage: "Stage {stage}, step ''{step}'': the id is also used in stage {otherStage}" },
  stepKind: { id: 'problem.script.stepKind', defaultMessage: "Stage {stage}, step ''{step}'': “{kind}” is not a kind of step; use say, ask or do" },
  textEmpty: { id: 'problem.script.textEmpty', defaultMessage: "Stage {stage}, step ''{step}'': the text is empty" },
  textTooLong: { id: 'problem.script.textTooLong', defaultMessage: "Stage {stage}, step ''{step}'': the text is longer than {max} characters" },
  unknownVariable: { id: 'problem.script.unknownVariable', defaultMessage: "Stage {stage}, step ''{step}'': uses {variable}, which is not a variable" },
  unknownVariableMeant: {
    id: 'problem.script.unknownVariableMeant',
    defaultMessage: "Stage {stage}, step ''{step}'': uses {variable}, which is not a variable; did you mean {meant}?",
  },
  unpairedBrace: { id: 'problem.script.unpairedBrace', defaultMessage: "Stage {stage}, step ''{step}'': has a brace without its partner; variables are written {example}" },
  phoneOnly: {
    id: 'problem.script.phoneOnly',
    defaultMessage:
      "Stage {stage}, step ''{step}'': uses words only a phone call fits, which read wrongly on a chat, email or message; thank with “{thanks}”, and say “Thank you for waiting”",
  },
  ordinalSuffix: {
    id: 'problem.script.ordinalSuffix',
    defaultMessage: "Stage {stage}, step ''{step}'': puts “st”, “nd”, “rd” or “th” after a variable, which reads wrongly for some numbers; write “{variable} times” instead",
  },
  notATrigger: { id: 'problem.script.notATrigger', defaultMessage: "Stage {stage}, step ''{step}'': shows when “{trigger}”, which is not a trigger; triggers are {triggers}" },
  triggerTwice: { id: 'problem.script.triggerTwice', defaultMessage: "Stage {stage}, step ''{step}'': shows when “{trigger}” twice" },
  tooManyTriggers: { id: 'problem.script.tooManyTriggers', defaultMessage: "Stage {stage}, step ''{step}'': has more than {max} triggers" },
  tooManyBranches: { id: 'problem.script.tooManyBranches', defaultMessage: "Stage {stage}, step ''{step}'': has more than {max} branches" },
  branchNoLabel: { id: 'problem.script.branchNoLabel', defaultMessage: "Stage {stage}, step ''{step}'': a branch has no label" },
  branchLabelTooLong: { id: 'problem.script.branchLabelTooLong', defaultMessage: "Stage {stage}, step ''{step}'': the branch label “{label}…” is longer than {max} characters" },
  branchLabelTwice: { id: 'problem.script.branchLabelTwice', defaultMessage: "Stage {stage}, step ''{step}'': two branches are labelled “{label}”" },
  branchNowhere: { id: 'problem.script.branchNowhere', defaultMessage: "Stage {stage}, step ''{step}'': the branch “{label}” does not say where it goes" },
  branchToItself: { id: 'problem.script.branchToItself', defaultMessage: "Stage {stage}, step ''{step}'': the branch “{label}” goes back to the same step" },
  branchToUnknown: {
    id: 'problem.script.branchToUnknown',
    defaultMessage: "Stage {stage}, step ''{step}'': the branch “{label}” goes to ''{goto}'', which is not a step or stage of this script",
  },
  /** Checked by the hub when publishing: it has every article, a desktop may not yet. */
  articleMissing: { id: 'problem.script.articleMissing', defaultMessage: 'Step “{step}” links to an article that does not exist ({articleId})' },
});

/** Values that hold a stage's id, said as the stage's name. */
const STAGE_VALUES = ['stage', 'previous', 'otherStage'] as const;

/** A script problem's values as a reader in `intl`'s language sees them: stages by their names, the stage order spelled out. */
export function scriptProblemValues(intl: TextFormatter, values: MessageValues | undefined): MessageValues {
  const named: MessageValues = { ...values };
  for (const key of STAGE_VALUES) {
    const id = values?.[key];
    if (typeof id === 'string') named[key] = isStageId(id) ? intl.formatMessage(SCRIPT_STAGE_MESSAGES[id]) : intl.formatMessage(SCRIPT_PROBLEM_MESSAGES.unknownStageName, { id });
  }
  named.order = SCRIPT_STAGES.map((stage) => intl.formatMessage(SCRIPT_STAGE_MESSAGES[stage])).join(' → ');
  return named;
}

/** A script problem in the reader's language. */
export function formatScriptProblem(intl: TextFormatter, problem: Pick<ScriptProblem, 'descriptor' | 'values'>): string {
  return intl.formatMessage(problem.descriptor, scriptProblemValues(intl, problem.values));
}

const english: TextFormatter = { formatMessage: englishMessage };

/** A script problem in British English, for logs and the English of the hub's refusal. */
export function scriptProblemEnglish(problem: Pick<ScriptProblem, 'descriptor' | 'values'>): string {
  return formatScriptProblem(english, problem);
}

/** Whether a message is one of the script problems (formatted with formatScriptProblem). */
export function isScriptProblemMessage(id: string): boolean {
  return id.startsWith('problem.script.');
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

export function validateScript(input: ScriptDraft): ScriptProblem[] {
  const problems: ScriptProblem[] = [];
  const M = SCRIPT_PROBLEM_MESSAGES;
  const add = (path: string, descriptor: MessageDescriptor, values: MessageValues = {}) => problems.push({ path, descriptor, values });

  if (input.name !== undefined) {
    if (input.name.trim() === '') add('name', M.noName);
    else if (input.name.trim().length > SCRIPT_LIMITS.name) add('name', M.nameTooLong, { max: SCRIPT_LIMITS.name });
  }

  // Stages: known, once each, all six, in order.
  const seenStages = new Map<string, number>();
  input.stages.forEach((stage, index) => {
    if (!isStageId(stage.id)) {
      add(`stages[${index}].id`, M.notAStage, { id: stage.id, stages: SCRIPT_STAGES.join(', ') });
    } else if (seenStages.has(stage.id)) {
      add(`stages[${index}].id`, M.stageTwice, { stage: stage.id });
    } else {
      seenStages.set(stage.id, index);
    }
    if (stage.steps.length === 0) add(`stages[${index}].steps`, M.stageNoSteps, { stage: stage.id });
    if (stage.steps.length > SCRIPT_LIMITS.stepsPerStage) add(`stages[${index}].steps`, M.stageTooManySteps, { stage: stage.id, max: SCRIPT_LIMITS.stepsPerStage });
  });
  for (const id of SCRIPT_STAGES) {
    if (!seenStages.has(id)) add('stages', M.stageMissing, { stage: id });
  }
  let previous: { id: ScriptStageId; order: number } | null = null;
  for (const [id, index] of [...seenStages.entries()].sort((a, b) => a[1] - b[1])) {
    if (!isStageId(id)) continue;
    const order = SCRIPT_STAGES.indexOf(id);
    if (previous && order < previous.order) {
      add(`stages[${index}].id`, M.stageOrder, { stage: id, previous: previous.id });
    } else {
      previous = { id, order };
    }
  }

  // Steps: ids unique across the script.
  const stepStage = new Map<string, string>();
  input.stages.forEach((stage, stageIndex) => {
    stage.steps.forEach((step, stepIndex) => {
      const path = `stages[${stageIndex}].steps[${stepIndex}]`;
      const where = { stage: stage.id, step: step.id };
      if (!STEP_ID.test(step.id)) add(`${path}.id`, M.stepIdForm, where);
      const other = stepStage.get(step.id);
      if (other !== undefined) {
        if (other === stage.id) add(`${path}.id`, M.stepIdTwiceInStage, where);
        else add(`${path}.id`, M.stepIdInOtherStage, { ...where, otherStage: other });
      } else {
        stepStage.set(step.id, stage.id);
      }
    });
  });

  input.stages.forEach((stage, stageIndex) => {
    stage.steps.forEach((step, stepIndex) => {
      const path = `stages[${stageIndex}].steps[${stepIndex}]`;
      const where = { stage: stage.id, step: step.id };
      if (!STEP_KINDS.includes(step.kind)) add(`${path}.kind`, M.stepKind, { ...where, kind: step.kind });
      if (step.text.trim() === '') add(`${path}.text`, M.textEmpty, where);
      else if (step.text.trim().length > SCRIPT_LIMITS.text) add(`${path}.text`, M.textTooLong, { ...where, max: SCRIPT_LIMITS.text });

      const used = scriptVariablesIn(step.text);
      for (const name of new Set(used)) {
        if (isScriptVariable(name)) continue;
        const meant = closestVariable(name);
        // Braces are ICU syntax, so the variables come as values with theirs.
        if (meant) add(`${path}.text`, M.unknownVariableMeant, { ...where, variable: `{${name}}`, meant: `{${meant}}` });
        else add(`${path}.text`, M.unknownVariable, { ...where, variable: `{${name}}` });
      }
      const opens = step.text.split('{').length - 1;
      const closes = step.text.split('}').length - 1;
      if (opens !== used.length || closes !== used.length) {
        add(`${path}.text`, M.unpairedBrace, { ...where, example: '{like.this}' });
      }
      if (step.kind !== 'do' && hasPhoneOnlyWording(step.text)) {
        add(`${path}.text`, M.phoneOnly, { ...where, thanks: '{contact.thanks} {company.name}' });
      }
      if (/\}(st|nd|rd|th)\b/.test(step.text)) {
        add(`${path}.text`, M.ordinalSuffix, { ...where, variable: '{contact.count7d}' });
      }

      const when = step.when ?? [];
      when.forEach((trigger, index) => {
        if (!isScriptTrigger(trigger)) {
          add(`${path}.when[${index}]`, M.notATrigger, { ...where, trigger, triggers: SCRIPT_TRIGGERS.join(', ') });
        } else if (when.indexOf(trigger) < index) {
          add(`${path}.when[${index}]`, M.triggerTwice, { ...where, trigger });
        }
      });
      if (when.length > SCRIPT_LIMITS.triggers) add(`${path}.when`, M.tooManyTriggers, { ...where, max: SCRIPT_LIMITS.triggers });

      const branches = step.branches ?? [];
      if (branches.length > SCRIPT_LIMITS.branches) add(`${path}.branches`, M.tooManyBranches, { ...where, max: SCRIPT_LIMITS.branches });
      const labels = branches.map((branch) => branch.label.trim().toLowerCase());
      branches.forEach((branch, index) => {
        const branchPath = `${path}.branches[${index}]`;
        if (branch.label.trim() === '') add(`${branchPath}.label`, M.branchNoLabel, where);
        else if (branch.label.trim().length > SCRIPT_LIMITS.label) add(`${branchPath}.label`, M.branchLabelTooLong, { ...where, label: branch.label.trim().slice(0, 40), max: SCRIPT_LIMITS.label });
        else if (labels.indexOf(labels[index] ?? '') < index) add(`${branchPath}.label`, M.branchLabelTwice, { ...where, label: branch.label.trim() });
        if (branch.goto.trim() === '') {
          add(`${branchPath}.goto`, M.branchNowhere, { ...where, label: branch.label });
        } else if (branch.goto === step.id) {
          add(`${branchPath}.goto`, M.branchToItself, { ...where, label: branch.label });
        } else if (!stepStage.has(branch.goto) && !seenStages.has(branch.goto)) {
          add(`${branchPath}.goto`, M.branchToUnknown, { ...where, label: branch.label, goto: branch.goto });
        }
      });
    });
  });

  return problems;
}
