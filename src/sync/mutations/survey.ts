/** Satisfaction surveys (CSAT, NPS) on a contact. */
import { z } from 'zod';
import { IdSchema, longText } from '../../domain/common';
import { requireSurveyRights, supervisesContact, surveyOfAnotherContact } from './access';
import { DomainError } from './context';
import { REJECTIONS } from './rejections';
import { defineMutation } from './define';
import { need } from './helpers';

/**
 * A survey is recorded for a contact by whoever handled it or a supervisor of
 * its team; its id stays with that contact. An answer, once in, is the
 * customer's: only a supervisor corrects it.
 */
export const recordSurvey = defineMutation({
  name: 'survey.record',
  args: z
    .object({
      id: IdSchema,
      contactId: IdSchema,
      status: z.enum(['answered', 'sent']),
      csat: z.number().int().min(1).max(5).nullable().default(null),
      nps: z.number().int().min(0).max(10).nullable().default(null),
      comment: longText(2000).default(''),
    })
    .strict()
    .refine((survey) => survey.status === 'sent' || survey.csat !== null || survey.nps !== null, 'an answered survey has a CSAT or NPS score'),
  entities: ['survey', 'contact', 'queue', 'user'],
  rule: async (ctx, args) => {
    const contact = await need(ctx, 'contact', args.contactId);
    const existing = await ctx.store.get('survey', args.id);
    if (existing && existing.contactId !== contact.id) throw await surveyOfAnotherContact(ctx, existing);
    await requireSurveyRights(ctx, contact);
    if (existing?.status === 'answered') {
      const same = existing.status === args.status && existing.csat === args.csat && existing.nps === args.nps && existing.comment === args.comment;
      if (same) return;
      if (!(await supervisesContact(ctx, contact))) throw new DomainError('forbidden', REJECTIONS.surveyAlreadyAnswered);
    }
    await ctx.store.put('survey', {
      id: args.id,
      contactId: contact.id,
      customerId: contact.customerId,
      agentId: contact.agentId,
      status: args.status,
      csat: args.csat,
      nps: args.nps,
      comment: args.comment,
      at: ctx.madeAt,
    });
  },
});
