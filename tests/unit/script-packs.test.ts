import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCRIPT_STAGES, ScriptSchema, scriptVersionId } from '@core/domain/model';
import { ScriptPackSchema, publishedScripts } from '@core/demo/scripts';
import { SCRIPT_TRIGGERS, SCRIPT_VARIABLES, scriptVariablesIn } from '@core/scripts/vocabulary';
import { allVariantProblems, variantProblemText } from '@core/scripts/variants';

const dir = path.join(import.meta.dirname, '../../assets/scripts');
const EXPECTED = ['billing-dispute', 'service-outage', 'delivery-delay', 'cancellation-retention', 'general-enquiry'];

const files = readdirSync(dir)
  .filter((name) => name.endsWith('.json'))
  .sort();
const packs = files.map((file) => ({ file, raw: JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as unknown }));

describe('script packs in assets/scripts', () => {
  it('has the five default packs', () => {
    expect(files).toEqual(expect.arrayContaining(EXPECTED.map((name) => `${name}.json`)));
  });

  it('has German and Spanish versions of the billing and general scripts, and leaves others in English (the demo shows the fallback)', () => {
    const languages = Object.fromEntries(packs.map(({ file, raw }) => [path.basename(file, '.json'), Object.keys(ScriptPackSchema.parse(raw).variants).sort()]));
    expect(languages).toMatchObject({ 'billing-dispute': ['de', 'es'], 'general-enquiry': ['de', 'es'], 'delivery-delay': [] });
  });

  describe.each(packs)('$file', ({ file, raw }) => {
    const pack = ScriptPackSchema.strict().parse(raw);
    const steps = pack.stages.flatMap((stage) => stage.steps);
    const stage = (id: string) => pack.stages.find((s) => s.id === id)!;

    it('is a Script without its bookkeeping fields, named after its file', () => {
      expect(pack.scriptId).toBe(path.basename(file, '.json'));
      expect(pack.topics.length).toBeGreaterThan(0);
      expect(pack.description.length).toBeGreaterThan(20);
      for (const step of (raw as { stages: { steps: object[] }[] }).stages.flatMap((s) => s.steps)) {
        expect(Object.keys(step).sort()).toEqual(['branches', 'id', 'kind', 'text', 'when']);
      }
    });

    it('has translations that match it step for step and variable for variable', () => {
      expect(pack.language).toBe('en-GB');
      expect(allVariantProblems(pack).map((problem) => variantProblemText(problem))).toEqual([]);
    });

    it('has the six stages in order', () => {
      expect(pack.stages.map((s) => s.id)).toEqual([...SCRIPT_STAGES]);
      for (const s of pack.stages) expect(s.steps.length).toBeGreaterThan(0);
    });

    it('has unique step ids made of lowercase letters, digits and dashes', () => {
      const ids = steps.map((step) => step.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+$/);
    });

    it('uses only the allowed variables, in well-formed braces', () => {
      for (const step of steps) {
        const used = scriptVariablesIn(step.text);
        for (const name of used) expect(SCRIPT_VARIABLES, `${step.id}: {${name}}`).toContain(name);
        // No stray or nested braces.
        expect(step.text.split('{').length - 1, step.id).toBe(used.length);
        expect(step.text.split('}').length - 1, step.id).toBe(used.length);
        // No ordinal suffix glued to a number ("{contact.count7d}rd").
        expect(step.text, step.id).not.toMatch(/\}(st|nd|rd|th)\b/);
      }
    });

    it('uses only the allowed triggers', () => {
      for (const step of steps) for (const trigger of step.when) expect(SCRIPT_TRIGGERS, step.id).toContain(trigger);
    });

    it('branches only to steps or stages that exist', () => {
      const targets = new Set([...steps.map((step) => step.id), ...SCRIPT_STAGES]);
      for (const step of steps) for (const branch of step.branches) expect(targets.has(branch.goto), `${step.id} → ${branch.goto}`).toBe(true);
    });

    it('empathises in general and for every trigger', () => {
      const empathise = stage('empathise').steps;
      expect(empathise.some((step) => step.when.length === 0)).toBe(true);
      for (const trigger of SCRIPT_TRIGGERS) {
        expect(empathise.some((step) => step.when.includes(trigger) && step.kind === 'say'), trigger).toBe(true);
      }
    });

    it('asks two to four questions to understand the need', () => {
      const asks = stage('understand').steps.filter((step) => step.kind === 'ask');
      expect(asks.length).toBeGreaterThanOrEqual(2);
      expect(asks.length).toBeLessThanOrEqual(4);
    });

    it('sets expectations with the promise', () => {
      expect(stage('expectations').steps.some((step) => step.kind === 'say' && step.text.includes('{promise.text}'))).toBe(true);
    });

    it('closes with a situational gesture and a thank-you from the agent and company', () => {
      const close = stage('close').steps;
      expect(close.some((step) => step.when.length > 0 && step.text.includes('{gesture.text}'))).toBe(true);
      const last = close[close.length - 1]!;
      expect(last.when).toEqual([]);
      expect(last.text).toContain('{agent.firstName}');
      expect(last.text).toContain('{company.name}');
      expect(last.text.toLowerCase()).toContain('thank');
    });
  });

  it('uses branches in at least one pack', () => {
    const parsed = packs.map(({ raw }) => ScriptPackSchema.parse(raw));
    expect(parsed.some((pack) => pack.stages.some((s) => s.steps.some((step) => step.branches.length > 0)))).toBe(true);
  });

  it('loads as published version-1 Script rows', () => {
    const now = Date.UTC(2025, 5, 18, 12);
    const scripts = publishedScripts(now, 'usr_sam');
    expect(scripts.map((s) => s.scriptId).sort()).toEqual([...EXPECTED].sort());
    for (const script of scripts) {
      expect(ScriptSchema.parse(script)).toEqual(script);
      expect(script).toMatchObject({ id: scriptVersionId(script.scriptId, 1), version: 1, status: 'published', updatedAt: now, publishedAt: now, updatedBy: 'usr_sam' });
    }
  });
});
