/** Knowledge articles. */
import { z } from 'zod';
import { IdSchema, LanguageSchema, shortText } from '../../domain/common';
import { ArticleKindSchema, ArticleVariantSchema, DEFAULT_CONTENT_LANGUAGE, MAX_CONTENT_VARIANTS } from '../../domain/model';
import { replyVariantProblems } from '../../replies/variants';
import { requireSupervisor } from './access';
import { DomainError } from './context';
import { REJECTIONS } from './rejections';
import { defineMutation } from './define';
import { need } from './helpers';

/** Writes or rewrites a knowledge article. */
export const saveArticle = defineMutation({
  name: 'article.save',
  args: z
    .object({
      id: IdSchema,
      kind: ArticleKindSchema,
      title: z.string().trim().min(1, 'an article needs a title').max(160),
      body: z.string().trim().min(1, 'an article needs some text').max(20_000, 'an article is at most 20,000 characters'),
      tags: z.array(shortText(40)).max(20).default([]),
      /** The language the title and body are written in; left out: as before. */
      language: LanguageSchema.optional(),
      /** The article in other languages; left out (a desktop from before variants): kept as they were. */
      variants: z
        .record(LanguageSchema, ArticleVariantSchema)
        .refine((variants) => Object.keys(variants).length <= MAX_CONTENT_VARIANTS, `at most ${MAX_CONTENT_VARIANTS} languages`)
        .optional(),
    })
    .strict(),
  entities: ['article'],
  rule: async (ctx, args) => {
    requireSupervisor(ctx.actor, 'writeArticles');
    const current = await ctx.store.get('article', args.id);
    const language = args.language ?? current?.language ?? DEFAULT_CONTENT_LANGUAGE;
    const variants = args.variants ?? current?.variants ?? {};
    if (args.kind === 'reply') {
      // A saved reply's translation fills in the same details as the source, or a customer gets a gap.
      const problems = replyVariantProblems(args.body, language, variants);
      if (problems.length) throw new DomainError('invalid', REJECTIONS.replyCannotSave, { title: args.title, problems: problems.join(' ') });
    }
    await ctx.store.put('article', { ...args, language, variants, archived: current?.archived ?? false, updatedAt: ctx.madeAt, updatedBy: ctx.actor.userId });
  },
});

/** Takes an article out of search (or puts it back). */
export const archiveArticle = defineMutation({
  name: 'article.archive',
  args: z.object({ id: IdSchema, archived: z.boolean() }).strict(),
  entities: ['article'],
  rule: async (ctx, { id, archived }) => {
    requireSupervisor(ctx.actor, 'archiveArticles');
    const article = await need(ctx, 'article', id);
    if (article.archived === archived) return;
    await ctx.store.put('article', { ...article, archived, updatedAt: ctx.madeAt, updatedBy: ctx.actor.userId });
  },
});
