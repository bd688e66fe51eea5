import { describe, expect, it } from 'vitest';
import { publishedScripts, scriptPacks } from '@core/demo/scripts';
import { closestVariable, formatScriptProblem, SCRIPT_PROBLEM_MESSAGES, validateScript as scriptProblems, type ScriptDraft } from '@core/scripts/validate';
import { intlFor } from '../helpers/intl';

/** The problems as the editor shows them to a supervisor reading British English. */
const english = intlFor('en-GB');
const validateScript = (draft: ScriptDraft) => scriptProblems(draft).map((problem) => ({ path: problem.path, message: formatScriptProblem(english, problem) }));
const billing = scriptPacks().find((pack) => pack.scriptId === 'billing-dispute')!;
const edit = (change: (draft: typeof billing) => void) => {
  const draft = structuredClone(billing);
  change(draft);
  return validateScript(draft);
};
const stage = (draft: typeof billing, id: string) => draft.stages.find((candidate) => candidate.id === id)!;

describe('validateScript, as the script editor and publishing use it', () => {
  it('passes the shipped scripts, as packs and as published rows (with their names)', () => {
    for (const pack of scriptPacks()) expect(validateScript(pack), pack.scriptId).toEqual([]);
    for (const script of publishedScripts(0, 'usr_sam')) expect(validateScript(script), script.scriptId).toEqual([]);
  });

  it('refuses a branch to a stage the script does not have', () => {
    const problems = edit((draft) => {
      stage(draft, 'resolve').steps.push({ id: 'offer-credit', kind: 'ask', text: 'Would a credit on your next bill help?', when: [], branches: [{ label: 'No', goto: 'escalate' }], articleIds: [] });
    });
    expect(problems).toEqual([
      {
        path: `stages[3].steps[${stage(billing, 'resolve').steps.length}].branches[0].goto`,
        message: "Stage Resolve, step 'offer-credit': the branch “No” goes to 'escalate', which is not a step or stage of this script",
      },
    ]);
  });

  it('refuses a branch to a step that was removed', () => {
    const problems = edit((draft) => {
      const resolve = stage(draft, 'resolve');
      resolve.steps[0]!.branches = [{ label: 'Explain it', goto: 'resolve-explain' }];
      resolve.steps.splice(1, 1);
    });
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/the branch “Explain it” goes to 'resolve-explain', which is not a step or stage/)]);
  });

  it('accepts a branch to a stage or to a step elsewhere in the script', () => {
    expect(
      edit((draft) => {
        stage(draft, 'empathise').steps[0]!.branches = [
          { label: 'Calm now', goto: 'resolve' },
          { label: 'Still upset', goto: 'empathise-negative-sentiment' },
        ];
      }),
    ).toEqual([]);
  });

  it('refuses a branch without a target, without a label, or with a label used twice', () => {
    const problems = edit((draft) => {
      stage(draft, 'understand').steps[0]!.branches = [
        { label: 'This month', goto: '' },
        { label: '  ', goto: 'resolve' },
        { label: 'this month', goto: 'close' },
      ];
    });
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      ['stages[1].steps[0].branches[0].goto', "Stage Understand the need, step 'understand-which-bill': the branch “This month” does not say where it goes"],
      ['stages[1].steps[0].branches[1].label', "Stage Understand the need, step 'understand-which-bill': a branch has no label"],
      ['stages[1].steps[0].branches[2].label', "Stage Understand the need, step 'understand-which-bill': two branches are labelled “this month”"],
    ]);
  });

  it('refuses unknown variables, suggesting the one meant when it is close', () => {
    const problems = edit((draft) => {
      stage(draft, 'empathise').steps[0]!.text = 'I can see why a double charge is worrying, {customer.firstname}. {customer.first} {mood}';
    });
    expect(problems.map((p) => p.message)).toEqual([
      "Stage Empathise, step 'empathise-general': uses {customer.firstname}, which is not a variable; did you mean {customer.firstName}?",
      "Stage Empathise, step 'empathise-general': uses {customer.first}, which is not a variable",
      "Stage Empathise, step 'empathise-general': uses {mood}, which is not a variable",
    ]);
    expect(problems.every((p) => p.path === 'stages[2].steps[0].text')).toBe(true);
  });

  it('suggests variables only when the name is near one', () => {
    expect(closestVariable('customer.firstname')).toBe('customer.firstName');
    expect(closestVariable('agent.fistName')).toBe('agent.firstName');
    expect(closestVariable('wait.minute')).toBe('wait.minutes');
    expect(closestVariable('lastcsat')).toBe('lastCsat');
    expect(closestVariable('account')).toBeNull();
    expect(closestVariable('customer.nickname')).toBeNull();
    expect(closestVariable('')).toBeNull();
  });

  it('checks the name when there is one', () => {
    expect(validateScript({ ...billing, name: '  ' })).toEqual([{ path: 'name', message: 'The script has no name' }]);
    expect(validateScript({ ...billing, name: 'x'.repeat(121) }).map((p) => p.path)).toEqual(['name']);
    expect(validateScript({ stages: billing.stages })).toEqual([]);
  });

  it('refuses a trigger ticked twice and lengths a script cannot be saved with', () => {
    const problems = edit((draft) => {
      const empathise = stage(draft, 'empathise');
      empathise.steps[1]!.when = ['long-wait', 'long-wait'];
      empathise.steps[2]!.text = 'a'.repeat(1001);
      empathise.steps[3]!.branches = [{ label: 'b'.repeat(101), goto: 'close' }];
    });
    expect(problems.map((p) => p.path)).toEqual(['stages[2].steps[1].when[1]', 'stages[2].steps[2].text', 'stages[2].steps[3].branches[0].label']);
    expect(problems[0]?.message).toMatch(/shows when “long-wait” twice/);
    expect(problems[1]?.message).toMatch(/longer than 1000 characters/);
    expect(problems[2]?.message).toMatch(/longer than 100 characters/);
  });
});

describe('the script editor’s working copy', () => {
  const source = publishedScripts(0, 'usr_sam').find((script) => script.scriptId === 'billing-dispute')!;

  it('round-trips a script into the arguments script.save takes, without the editor’s keys', async () => {
    const { draftFrom, saveArgs } = await import('../../renderer/src/screens/scripts/draft');
    const args = saveArgs(draftFrom(source));
    expect(args).toEqual({ scriptId: source.scriptId, name: source.name, description: source.description, topics: source.topics, stages: source.stages, language: 'en-GB', variants: source.variants });
  });

  it('keeps translations step by step: a half-done one saves, a removed step takes its translation with it', async () => {
    const { draftFrom, removeStep, saveArgs, saveBlockers, updateVariantStep } = await import('../../renderer/src/screens/scripts/draft');
    const { emptyVariant, variantProblems } = await import('@core/scripts/variants');
    const start = draftFrom({ ...source, variants: { ...source.variants, fr: { ...emptyVariant(source), name: '' } } });
    const edited = updateVariantStep(start, 'fr', 'greet-name', (step) => ({ ...step, text: 'Merci, {customer.firstName}.' }));
    expect(saveBlockers(edited, intlFor('en-GB'))).toEqual([]);
    const saved = saveArgs(edited).variants!.fr!;
    expect(saved.steps.find((step) => step.id === 'greet-name')?.text).toBe('Merci, {customer.firstName}.');
    expect(variantProblems(source, 'fr', { steps: saved.steps.map((step) => ({ ...step, branches: step.branches ?? [] })) }).filter((problem) => problem.stepId === 'greet-name')).toEqual([]);
    const greet = edited.stages.find((stage) => stage.id === 'greet')!;
    const withoutStep = removeStep(edited, 'greet', greet.steps.find((step) => step.id === 'greet-name')!.key);
    expect(saveArgs(withoutStep).variants!.fr!.steps.map((step) => step.id)).not.toContain('greet-name');
    expect(saveArgs(withoutStep).variants!.de!.steps.map((step) => step.id)).not.toContain('greet-name');
  });

  it('adds steps with unused ids, moves and removes them', async () => {
    const { addStep, draftFrom, moveStep, removeStep } = await import('../../renderer/src/screens/scripts/draft');
    const start = draftFrom(source);
    const first = addStep(start, 'empathise');
    const second = addStep(first.draft, 'empathise');
    expect(first.step.id).toBe('empathise-8');
    expect(second.step.id).toBe('empathise-9');
    const moved = moveStep(second.draft, 'empathise', second.step.key, -1);
    expect(moved.stages[2]!.steps.slice(-2).map((step) => step.id)).toEqual(['empathise-9', 'empathise-8']);
    expect(moveStep(moved, 'empathise', moved.stages[2]!.steps[0]!.key, -1)).toEqual(moved);
    const removed = removeStep(moved, 'empathise', first.step.key);
    expect(removed.stages[2]!.steps.map((step) => step.id)).not.toContain('empathise-8');
    expect(addStep(removed, 'empathise').step.id).toBe('empathise-10');
  });

  it('says why a draft cannot be saved yet, in words', async () => {
    const { addStep, draftFrom, saveBlockers } = await import('../../renderer/src/screens/scripts/draft');
    const draft = addStep({ ...draftFrom(source), name: ' ' }, 'resolve').draft;
    expect(saveBlockers(draftFrom(source), intlFor('en-GB'))).toEqual([]);
    expect(saveBlockers(draft, intlFor('en-GB'))).toEqual(['The name must not be empty', `Resolve, step ${draft.stages[3]!.steps.length}: the text must not be empty`]);
    // The field and the place are said in the agent's language; the rule's own words come from the shared schema.
    expect(saveBlockers(draft, intlFor('de'))[1]).toMatch(new RegExp(`^Lösen, Schritt ${draft.stages[3]!.steps.length}: der Text `));
  });

  it('places problems on the step and field they are about', async () => {
    const { draftFrom, placeOf } = await import('../../renderer/src/screens/scripts/draft');
    const draft = draftFrom(source);
    draft.stages[3]!.steps[2]!.branches[0]!.goto = 'escalate';
    const [problem] = scriptProblems(draft);
    expect(placeOf(draft, problem!)).toEqual({ stageId: 'resolve', stepKey: draft.stages[3]!.steps[2]!.key, field: 'branches[0].goto', branchIndex: 0 });
    expect(placeOf(draft, { path: 'name', descriptor: SCRIPT_PROBLEM_MESSAGES.noName, values: {} })).toEqual({ stageId: null, stepKey: null, field: 'name', branchIndex: null });
  });

  it('makes script ids from names and inserts variables at the cursor', async () => {
    const { insertAt, scriptIdFor } = await import('../../renderer/src/screens/scripts/draft');
    expect(scriptIdFor('Broadband upgrade', new Set())).toBe('broadband-upgrade');
    expect(scriptIdFor('Billing dispute!', new Set(['billing-dispute']))).toBe('billing-dispute-2');
    expect(scriptIdFor('Café déjà vu', new Set())).toBe('cafe-deja-vu');
    expect(scriptIdFor('¿?', new Set())).toBe('script');
    expect(insertAt('Hi , welcome', 3, 3, '{customer.firstName}')).toEqual({ text: 'Hi {customer.firstName}, welcome', caret: 23 });
    expect(insertAt('Hi NAME', 3, 7, '{customer.firstName}')).toEqual({ text: 'Hi {customer.firstName}', caret: 23 });
  });
});

describe('script problems in the reader’s language', () => {
  const draft = structuredClone(billing);
  stage(draft, 'greet').steps[0]!.text = 'Hello {customer.firstname}';
  stage(draft, 'close').steps[0]!.id = 'greet-hello';
  const problems = scriptProblems(draft);

  it('are messages with the stage as its id, and step, variables and numbers as values', () => {
    expect(problems.map(({ descriptor, values }) => ({ id: descriptor.id, values }))).toEqual([
      { id: 'problem.script.stepIdInOtherStage', values: { stage: 'close', step: 'greet-hello', otherStage: 'greet' } },
      { id: 'problem.script.unknownVariableMeant', values: { stage: 'greet', step: 'greet-hello', variable: '{customer.firstname}', meant: '{customer.firstName}' } },
    ]);
    expect(scriptProblems({ ...billing, name: 'x'.repeat(121) })[0]).toMatchObject({ path: 'name', descriptor: SCRIPT_PROBLEM_MESSAGES.nameTooLong, values: { max: 120 } });
  });

  it('name the stages, and say the sentence, in German and Spanish', () => {
    expect(problems.map((problem) => formatScriptProblem(intlFor('de'), problem))).toEqual([
      "Phase „Abschließen“, Schritt 'greet-hello': Die ID wird auch in Phase „Begrüßen“ verwendet",
      "Phase „Begrüßen“, Schritt 'greet-hello': Verwendet {customer.firstname}, das ist aber keine Variable; meinten Sie {customer.firstName}?",
    ]);
    expect(problems.map((problem) => formatScriptProblem(intlFor('es'), problem))).toEqual([
      "Fase «Cerrar», paso 'greet-hello': el id también se usa en la fase «Saludar»",
      "Fase «Saludar», paso 'greet-hello': usa {customer.firstname}, que no es una variable; ¿querías decir {customer.firstName}?",
    ]);
  });

  it('spell out the stage order, and quote a stage that is not one, as each language does', () => {
    const swapped = scriptProblems({ stages: [billing.stages[1]!, billing.stages[0]!, ...billing.stages.slice(2), { id: 'upsell', steps: [] }] });
    const de = swapped.map((problem) => formatScriptProblem(intlFor('de'), problem));
    expect(de).toContain('Phase „upsell“ hat keine Schritte');
    expect(de).toContain('Phase „Begrüßen“ steht nach „Anliegen verstehen“; die Reihenfolge der Phasen ist Begrüßen → Anliegen verstehen → Verständnis zeigen → Lösen → Erwartungen klären → Abschließen');
    expect(swapped.map((problem) => formatScriptProblem(english, problem))).toContain('Stage “upsell” has no steps');
  });
});
