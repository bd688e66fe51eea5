import { describe, expect, it } from 'vitest';
import { ScriptSchema, SCRIPT_STAGES, type Script } from '@core/domain/model';
import { allVariantProblems, emptyVariant, localiseScript, variantProblemText, variantProblems } from '@core/scripts';

function script(overrides: Partial<Script> = {}): Script {
  return ScriptSchema.parse({
    id: 'scr_1@1',
    scriptId: 'scr_1',
    version: 1,
    status: 'draft',
    name: 'Late delivery',
    description: '',
    topics: [],
    stages: SCRIPT_STAGES.map((id) =>
      id === 'greet'
        ? { id, steps: [{ id: 'hello', kind: 'say', text: 'Hello {customer.firstName}, this is {agent.firstName}.' }, { id: 'check', kind: 'ask', text: 'Is it about your order?', branches: [{ label: 'Yes', goto: 'resolve' }, { label: 'No', goto: 'close' }] }] }
        : { id, steps: [{ id: `${id}-1`, kind: 'say', text: `Step of ${id}` }] },
    ),
    updatedAt: 0,
    updatedBy: 'usr_sam',
    publishedAt: null,
    ...overrides,
  });
}

const german = {
  name: 'Verspätete Lieferung',
  description: '',
  steps: [
    { id: 'hello', text: 'Guten Tag {customer.firstName}, hier spricht {agent.firstName}.', branches: [] },
    { id: 'check', text: 'Geht es um Ihre Bestellung?', branches: ['Ja', 'Nein'] },
    ...SCRIPT_STAGES.filter((id) => id !== 'greet').map((id) => ({ id: `${id}-1`, text: `Schritt ${id}`, branches: [] })),
  ],
};

describe('variantProblems: a translation may not change the script', () => {
  it('accepts a variant with every step, the same variables and the same answers', () => {
    expect(variantProblems(script(), 'de', german)).toEqual([]);
  });

  it('names a missing step', () => {
    const problems = variantProblems(script(), 'de', { steps: german.steps.filter((step) => step.id !== 'check') });
    expect(problems.map((p) => [p.kind, p.stepId])).toEqual([['missingStep', 'check']]);
    expect(variantProblemText(problems[0]!)).toBe('The German version has no text for step “check”');
  });

  it('names an extra or doubled step', () => {
    const problems = variantProblems(script(), 'de', { steps: [...german.steps, { id: 'bonus', text: 'Extra', branches: [] }, { id: 'hello', text: 'Nochmal {customer.firstName} {agent.firstName}', branches: [] }] });
    expect(problems.map((p) => [p.kind, p.stepId])).toEqual([
      ['duplicateStep', 'hello'],
      ['extraStep', 'bonus'],
    ]);
    expect(variantProblemText(problems[1]!)).toBe('The German version has a step “bonus” that the British English script does not have');
  });

  it('names a variable present in one text and not the other, in either direction', () => {
    const steps = german.steps.map((step) => (step.id === 'hello' ? { ...step, text: 'Guten Tag {customer.lastName}, hier spricht {agent.firstName}.' } : step));
    const problems = variantProblems(script(), 'es', steps.length ? { steps } : german);
    expect(problems.map((p) => [p.kind, p.values.variable])).toEqual([
      ['variableMissing', '{customer.firstName}'],
      ['variableExtra', '{customer.lastName}'],
    ]);
    expect(variantProblemText(problems[0]!)).toBe('Step “hello”: the Spanish version leaves out {customer.firstName}, which the British English text uses');
    expect(variantProblemText(problems[1]!)).toBe('Step “hello”: the Spanish version uses {customer.lastName}, which the British English text does not');
  });

  it('names an empty text and a different number of answers', () => {
    const steps = german.steps.map((step) => (step.id === 'hello' ? { ...step, text: '  ' } : step.id === 'check' ? { ...step, branches: ['Ja'] } : step));
    const problems = variantProblems(script(), 'de', { steps });
    expect(problems.map((p) => p.kind)).toEqual(['emptyStep', 'branchCount']);
    expect(variantProblemText(problems[1]!)).toBe('Step “check”: the German version has 1 answer where the British English text has 2');
  });

  it('names an empty name or answer label (a draft may hold them while it is translated)', () => {
    const steps = german.steps.map((step) => (step.id === 'check' ? { ...step, branches: ['Ja', ' '] } : step));
    const problems = variantProblems(script(), 'de', { ...german, name: '', steps });
    expect(problems.map((p) => p.kind)).toEqual(['emptyName', 'emptyBranch']);
    expect(variantProblemText(problems[1]!)).toBe('Step “check”: answer 2 of the German version is empty');
    expect(ScriptSchema.parse({ ...script(), variants: { de: { name: '', steps: [{ id: 'hello', text: '', branches: [''] }] } } }).variants.de?.name).toBe('');
  });

  it('refuses a variant in the source language itself', () => {
    expect(variantProblems(script(), 'en-GB', german).map((p) => p.kind)).toContain('sameAsSource');
    expect(variantProblems(script(), 'en-US', german).map((p) => p.kind)).not.toContain('sameAsSource');
  });

  it('checks every variant, languages in order', () => {
    const withVariants = script({ variants: { es: { name: 'x', description: '', steps: [] }, de: german } });
    const problems = allVariantProblems(withVariants);
    expect(new Set(problems.map((p) => p.language))).toEqual(new Set(['es']));
    expect(problems).toHaveLength(7);
  });

  it('starts a translation from an empty variant with the source’s steps', () => {
    const empty = emptyVariant(script());
    expect(empty.steps.map((step) => step.id)).toEqual(script().stages.flatMap((stage) => stage.steps.map((step) => step.id)));
    expect(empty.steps.find((step) => step.id === 'check')?.branches).toEqual(['', '']);
    expect(variantProblems(script(), 'de', empty).every((p) => p.kind === 'emptyStep')).toBe(true);
  });
});

describe('localiseScript', () => {
  it('puts the variant’s words into the source’s structure', () => {
    const { script: shown, choice } = localiseScript(script({ variants: { de: german } }), 'de-DE');
    expect(choice).toMatchObject({ variant: 'de', match: 'base' });
    expect(shown.name).toBe('Verspätete Lieferung');
    const check = shown.stages[0]!.steps[1]!;
    expect(check.text).toBe('Geht es um Ihre Bestellung?');
    expect(check.branches).toEqual([
      { label: 'Ja', goto: 'resolve' },
      { label: 'Nein', goto: 'close' },
    ]);
    expect(check.kind).toBe('ask');
  });

  it('keeps the source, and says so, when there is no variant for the customer', () => {
    const source = script({ variants: { de: german } });
    const { script: shown, choice } = localiseScript(source, 'es-ES');
    expect(shown).toBe(source);
    expect(choice).toEqual({ language: 'en-GB', variant: null, match: 'fallback' });
  });

  it('parses a script row written before variants existed', () => {
    const { language, variants } = script();
    expect(language).toBe('en-GB');
    expect(variants).toEqual({});
  });
});
