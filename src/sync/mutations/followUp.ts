/** Follow-ups: planned calls, emails and messages back to a customer, and their outcomes. */
import { z } from 'zod';
import { EpochMsSchema, IdSchema, ReachableChannelSchema, longText } from '../../domain/common';
import { FOLLOW_UP_KIND_LABELS, FOLLOW_UP_OUTCOME_LABELS, FOLLOW_UP_OUTCOMES, FollowUpKindSchema, newFollowUp, type Contact, type FollowUp } from '../../domain/model';
import { isSupervisor, requireSupervisesUser, requireSupervisor, supervisesUser, surveyOfAnotherContact } from './access';
import { noteRow } from './contact';
import { DomainError, type MutationContext } from './context';
import { REJECTIONS, type DueTimeKind, type FollowUpAction } from './rejections';
import { defineMutation } from './define';
import { customerFor, firstNameOf, need, personOf } from './helpers';

/** Due times a little behind the moment of planning pass (clocks differ, forms take time); earlier ones are refused. */
export const FOLLOW_UP_PAST_GRACE_MS = 5 * 60_000;

function refusePast(ctx: MutationContext, at: number, kind: DueTimeKind): void {
  if (at < ctx.madeAt - FOLLOW_UP_PAST_GRACE_MS) {
    throw new DomainError('invalid', REJECTIONS.dueInPast, { kind, at: new Date(at).toISOString().slice(0, 16).replace('T', ' ') });
  }
}

export const scheduleFollowUp = defineMutation({
  name: 'followUp.schedule',
  args: z
    .object({
      id: IdSchema,
      customerId: IdSchema,
      contactId: IdSchema.nullable().default(null),
      kind: FollowUpKindSchema,
      channel: ReachableChannelSchema,
      dueAt: EpochMsSchema,
      /** Defaults to whoever schedules it; someone else's needs a supervisor. */
      ownerId: IdSchema.optional(),
      reason: z.string().max(500).default(''),
      note: longText(4000).default(''),
      /** The planner rule that suggested it, when the agent accepted a suggestion. */
      ruleId: z.string().max(40).nullable().default(null),
    })
    .strict(),
  entities: ['followUp', 'customer', 'user'],
  rule: async (ctx, args) => {
    if (await ctx.store.get('followUp', args.id)) return;
    if (!(await ctx.store.get('customer', args.customerId))) throw new DomainError('not_found', REJECTIONS.followUpUnknownCustomer, { id: args.customerId });
    // Planned for a customer since merged away: it is the survivor's.
    const customer = await customerFor(ctx, args.customerId);
    refusePast(ctx, args.dueAt, 'due');
    const ownerId = args.ownerId ?? ctx.actor.userId;
    if (ownerId !== ctx.actor.userId) {
      // Anyone's, in any team: a supervisor may ask an agent of another team (one who speaks the customer's language).
      requireSupervisor(ctx.actor, 'planForOthers');
      if (ctx.authoritative) await need(ctx, 'user', ownerId);
    }
    await ctx.store.put(
      'followUp',
      newFollowUp({
        id: args.id,
        customerId: customer.id,
        contactId: args.contactId,
        kind: args.kind,
        channel: args.channel,
        dueAt: args.dueAt,
        ownerId,
        reason: args.reason,
        note: args.note,
        createdAt: ctx.madeAt,
        createdBy: ctx.actor.userId,
        ruleId: args.ruleId,
      }),
    );
  },
});

/** A follow-up that is still to do, and that the actor may change (its owner, a supervisor of the owner, or the supervisor who planned it). */
async function openFollowUp(ctx: MutationContext, id: string, action: FollowUpAction) {
  const followUp = await ctx.store.get('followUp', id);
  if (!followUp) throw new DomainError('not_found', REJECTIONS.followUpUnknown, { id });
  if (followUp.state === 'done') throw new DomainError('already_completed', REJECTIONS.followUpAlreadyCompleted, { action });
  if (followUp.state === 'cancelled') throw new DomainError('invalid_state', REJECTIONS.followUpCancelled, { action });
  if (followUp.ownerId !== ctx.actor.userId) {
    if (!isSupervisor(ctx.actor)) throw new DomainError('not_assignee', REJECTIONS.followUpBelongsTo, { name: await firstNameOf(ctx, followUp.ownerId) });
    // The supervisor who planned it for someone of another team still manages it.
    if (followUp.createdBy !== ctx.actor.userId && !(await supervisesUser(ctx, followUp.ownerId))) {
      throw new DomainError('forbidden', REJECTIONS.followUpBelongsToOtherTeam, { name: (await personOf(ctx, followUp.ownerId)).name });
    }
  }
  return followUp;
}

export const rescheduleFollowUp = defineMutation({
  name: 'followUp.reschedule',
  args: z.object({ id: IdSchema, dueAt: EpochMsSchema }).strict(),
  entities: ['followUp', 'user'],
  rule: async (ctx, { id, dueAt }) => {
    const followUp = await openFollowUp(ctx, id, 'rescheduled');
    if (followUp.dueAt === dueAt) return;
    refusePast(ctx, dueAt, 'newDue');
    await ctx.store.put('followUp', { ...followUp, dueAt, remindAt: null });
  },
});

/** Remind later: the due time stays, the reminder moves. */
export const snoozeFollowUp = defineMutation({
  name: 'followUp.snooze',
  args: z.object({ id: IdSchema, until: EpochMsSchema }).strict(),
  entities: ['followUp', 'user'],
  rule: async (ctx, { id, until }) => {
    const followUp = await openFollowUp(ctx, id, 'snoozed');
    if (until <= ctx.madeAt) throw new DomainError('invalid', REJECTIONS.snoozeInPast);
    await ctx.store.put('followUp', { ...followUp, remindAt: until });
  },
});

/** A supervisor gives a follow-up to someone else. */
export const reassignFollowUp = defineMutation({
  name: 'followUp.reassign',
  args: z.object({ id: IdSchema, ownerId: IdSchema }).strict(),
  entities: ['followUp', 'user'],
  rule: async (ctx, { id, ownerId }) => {
    requireSupervisor(ctx.actor, 'reassignFollowUps');
    const followUp = await openFollowUp(ctx, id, 'reassigned');
    if (followUp.ownerId === ownerId) return;
    await requireSupervisesUser(ctx, ownerId, 'reassignFollowUps');
    await ctx.store.put('followUp', { ...followUp, ownerId, remindAt: null });
  },
});

const completeFollowUpArgs = z
  .object({
    id: IdSchema,
    outcome: z.enum(FOLLOW_UP_OUTCOMES),
    note: longText(4000).default(''),
    /** The timeline entry the outcome is logged as (its id made on the desktop). */
    outcomeContactId: IdSchema,
    /** Satisfaction asked again on the follow-up. */
    survey: z
      .object({ id: IdSchema, csat: z.number().int().min(1).max(5).nullable().default(null), nps: z.number().int().min(0).max(10).nullable().default(null) })
      .strict()
      .refine((survey) => survey.csat !== null || survey.nps !== null, 'a survey has a CSAT or NPS score')
      .nullable()
      .default(null),
    /** The next follow-up, planned in the same change ("needs another follow-up"). */
    next: z
      .object({
        id: IdSchema,
        kind: FollowUpKindSchema,
        channel: ReachableChannelSchema,
        dueAt: EpochMsSchema,
        reason: z.string().max(500).default(''),
      })
      .strict()
      .nullable()
      .default(null),
  })
  .strict()
  .refine((args) => args.outcome !== 'needs-another' || args.next !== null, {
    message: '“Needs another follow-up” needs the next one planned',
    path: ['next'],
  });

/** What a follow-up's outcome looks like in the customer's timeline. */
export function followUpOutcomeRow(
  followUp: FollowUp,
  args: Pick<z.output<typeof completeFollowUpArgs>, 'outcome' | 'note' | 'outcomeContactId'>,
  agentId: string,
  at: number,
): Contact {
  const reached = args.outcome === 'reached' || args.outcome === 'resolved';
  return {
    ...noteRow({ id: args.outcomeContactId, customerId: followUp.customerId, parentId: followUp.contactId, body: args.note || followUp.reason }, agentId, at),
    channel: followUp.channel,
    direction: 'outbound',
    subject: `${FOLLOW_UP_KIND_LABELS[followUp.kind]}: ${FOLLOW_UP_OUTCOME_LABELS[args.outcome].toLowerCase()}`,
    endedAt: at,
    disposition: FOLLOW_UP_OUTCOME_LABELS[args.outcome],
    resolution: args.outcome === 'resolved' ? 'resolved' : reached ? null : 'unresolved',
  };
}

export const completeFollowUp = defineMutation({
  name: 'followUp.complete',
  args: completeFollowUpArgs,
  entities: ['followUp', 'user', 'contact', 'survey', 'customer'],
  rule: async (ctx, args) => {
    const followUp = await openFollowUp(ctx, args.id, 'completed');
    if (await ctx.store.get('contact', args.outcomeContactId)) throw new DomainError('invalid', REJECTIONS.recordIdTaken);
    if (args.next) refusePast(ctx, args.next.dueAt, 'nextDue');
    // The outcome contact is new, so a survey already under this id is another contact's.
    const takenSurvey = args.survey ? await ctx.store.get('survey', args.survey.id) : undefined;
    if (takenSurvey) throw await surveyOfAnotherContact(ctx, takenSurvey);
    await ctx.store.put('followUp', {
      ...followUp,
      state: 'done',
      outcome: args.outcome,
      note: args.note || followUp.note,
      completedAt: ctx.madeAt,
      completedBy: ctx.actor.userId,
      remindAt: null,
      outcomeContactId: args.outcomeContactId,
    });
    await ctx.store.put('contact', followUpOutcomeRow(followUp, args, ctx.actor.userId, ctx.madeAt));
    if (args.survey) {
      await ctx.store.put('survey', {
        id: args.survey.id,
        contactId: args.outcomeContactId,
        customerId: followUp.customerId,
        agentId: ctx.actor.userId,
        status: 'answered',
        csat: args.survey.csat,
        nps: args.survey.nps,
        comment: '',
        at: ctx.madeAt,
      });
    }
    if (args.next && !(await ctx.store.get('followUp', args.next.id))) {
      await ctx.store.put(
        'followUp',
        newFollowUp({
          id: args.next.id,
          customerId: followUp.customerId,
          contactId: followUp.contactId,
          kind: args.next.kind,
          channel: args.next.channel,
          dueAt: args.next.dueAt,
          ownerId: followUp.ownerId,
          reason: args.next.reason || followUp.reason,
          createdAt: ctx.madeAt,
          createdBy: ctx.actor.userId,
          ruleId: 'chain',
          previousId: followUp.id,
        }),
      );
    }
  },
});

export const cancelFollowUp = defineMutation({
  name: 'followUp.cancel',
  args: z.object({ id: IdSchema, reason: z.string().trim().min(1, 'say why it is cancelled').max(500) }).strict(),
  entities: ['followUp', 'user'],
  rule: async (ctx, { id, reason }) => {
    const followUp = await openFollowUp(ctx, id, 'cancelled');
    await ctx.store.put('followUp', { ...followUp, state: 'cancelled', cancelReason: reason, remindAt: null });
  },
});
