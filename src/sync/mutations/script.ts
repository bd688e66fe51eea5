/** Call scripts: drafts and published versions. */
import { z } from 'zod';
import { IdSchema, LanguageSchema, shortText } from '../../domain/common';
import { DEFAULT_CONTENT_LANGUAGE, MAX_CONTENT_VARIANTS, ScriptStageSchema, ScriptVariantSchema, scriptVersionId } from '../../domain/model';
import { PROBLEM_MESSAGES } from '../../domain/problems';
import { englishMessage } from '../../i18n/messages';
import { SCRIPT_PROBLEM_MESSAGES, scriptProblemEnglish, validateScript, type ScriptProblem } from '../../scripts/validate';
import { nestedValues } from '../said';
import { allVariantProblems, variantProblemText } from '../../scripts/variants';
import { requireSupervisor } from './access';
import { DomainError } from './context';
import { REJECTIONS } from './rejections';
import { defineMutation } from './define';

export const saveScript = defineMutation({
  name: 'script.save',
  args: z
    .object({
      scriptId: IdSchema,
      name: shortText(120),
      description: z.string().max(1000).default(''),
      topics: z.array(shortText(40)).max(20).default([]),
      stages: z.array(ScriptStageSchema).max(6),
      /** The language the stages are written in; left out: as the script's latest version. */
      language: LanguageSchema.optional(),
      /** The script in other languages; left out (a desktop from before variants): as the latest version, so they are not lost. */
      variants: z
        .record(LanguageSchema, ScriptVariantSchema)
        .refine((variants) => Object.keys(variants).length <= MAX_CONTENT_VARIANTS, `at most ${MAX_CONTENT_VARIANTS} languages`)
        .optional(),
    })
    .strict(),
  entities: ['script'],
  // Its rule reads every version of the script.
  serial: true,
  rule: async (ctx, args) => {
    requireSupervisor(ctx.actor, 'editScripts');
    const versions = await ctx.store.scriptVersions(args.scriptId);
    const draft = versions.find((version) => version.status === 'draft');
    const version = draft?.version ?? Math.max(0, ...versions.map((v) => v.version)) + 1;
    const latest = draft ?? versions.reduce<(typeof versions)[number] | undefined>((best, v) => (!best || v.version > best.version ? v : best), undefined);
    await ctx.store.put('script', {
      id: scriptVersionId(args.scriptId, version),
      scriptId: args.scriptId,
      version,
      status: 'draft',
      name: args.name,
      description: args.description,
      topics: args.topics,
      stages: args.stages,
      language: args.language ?? latest?.language ?? DEFAULT_CONTENT_LANGUAGE,
      variants: args.variants ?? latest?.variants ?? {},
      updatedAt: ctx.madeAt,
      updatedBy: ctx.actor.userId,
      publishedAt: null,
    });
  },
});

export const publishScript = defineMutation({
  name: 'script.publish',
  args: z.object({ scriptId: IdSchema, version: z.number().int().min(1) }).strict(),
  entities: ['script', 'article'],
  // Its rule reads every version of the script.
  serial: true,
  rule: async (ctx, { scriptId, version }) => {
    requireSupervisor(ctx.actor, 'publishScripts');
    const versions = await ctx.store.scriptVersions(scriptId);
    const target = versions.find((v) => v.version === version);
    if (!target) throw new DomainError('not_found', REJECTIONS.scriptVersionMissing, { version });
    if (target.status === 'published') return;
    if (target.status === 'retired') throw new DomainError('invalid_state', REJECTIONS.scriptVersionRetired, { version });
    const problems: ScriptProblem[] = validateScript(target);
    for (const [index, step] of target.stages.flatMap((stage) => stage.steps).entries()) {
      for (const articleId of step.articleIds) {
        // A desktop may lack an article another supervisor just wrote; the hub has them all and decides.
        if (!(await ctx.store.get('article', articleId)) && ctx.authoritative) problems.push({ path: `steps[${index}].articleIds`, descriptor: SCRIPT_PROBLEM_MESSAGES.articleMissing, values: { step: step.id, articleId } });
      }
    }
    // A translation that drops a step or a {variable} would run differently, or leave a gap, for its customers.
    // Its sentence names languages, which only the screens can name in the reader's language: it travels as English.
    for (const problem of allVariantProblems(target)) problems.push({ path: `variants.${problem.language}`, descriptor: PROBLEM_MESSAGES.other, values: { text: variantProblemText(problem) } });
    const [first, ...others] = problems;
    if (first) {
      const english = problems.map(scriptProblemEnglish);
      // The first problem travels as a message, said in the supervisor's language; the rest are counted (a message carries at most 20 values).
      throw new DomainError(
        'invalid',
        REJECTIONS.scriptCannotPublishFirst,
        { name: target.name, more: others.length, ...nestedValues('problem', first, english[0]!) },
        // Logs and API callers get every problem, in English.
        englishMessage(REJECTIONS.scriptCannotPublish, { name: target.name, problems: `${english.join('. ')}.` }),
      );
    }
    for (const previous of versions) {
      if (previous.status === 'published') await ctx.store.put('script', { ...previous, status: 'retired' });
    }
    await ctx.store.put('script', { ...target, status: 'published', publishedAt: ctx.now });
  },
});

