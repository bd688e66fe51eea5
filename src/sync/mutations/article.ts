/** Knowledge articles. */
import { z } from 'zod';
import { IdSchema, shortText } from '../../domain/common';
import { ArticleKindSchema } from '../../domain/model';
import { requireSupervisor } from './access';
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
    })
    .strict(),
  entities: ['article'],
  rule: async (ctx, args) => {
    requireSupervisor(ctx.actor, 'writeArticles');
    const current = await ctx.store.get('article', args.id);
    await ctx.store.put('article', { ...args, archived: current?.archived ?? false, updatedAt: ctx.madeAt, updatedBy: ctx.actor.userId });
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
