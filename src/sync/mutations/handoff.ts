/**
 * A contact that needs someone else: transferred to another queue or offered
 * to a named agent (with a note the next agent reads first), escalated to a
 * supervisor, taken over by one, or answered with advice.
 */
import { z } from 'zod';
import { IdSchema, longText, shortText } from '../../domain/common';
import { newNotification, presenceMoved } from '../../domain/model';
import { isSupervisor, supervisesTeam } from './access';
import { noteRow } from './contact';
import { DomainError, type MutationContext } from './context';
import { NOTE_MESSAGES, NOTIFICATION_MESSAGES, noteBody, noticeText, presenceKey } from './notices';
import { REJECTIONS } from './rejections';
import { defineMutation } from './define';
import { derivedId, firstNameOf, need, personOf } from './helpers';
import { setOwnPresence } from './presence';

/** The queue's name, or a plain word when this desktop does not hold it (another team's). */
async function queueName(ctx: MutationContext, queueId: string): Promise<string> {
  return (await ctx.store.get('queue', queueId))?.name ?? 'another';
}

/** A supervisor of the queue's team (or an admin); on a desktop that lacks the queue, the hub decides. */
async function supervisesQueue(ctx: MutationContext, queueId: string): Promise<boolean> {
  if (!isSupervisor(ctx.actor)) return false;
  const queue = await ctx.store.get('queue', queueId);
  if (!queue) return !ctx.authoritative;
  return supervisesTeam(ctx.actor, queue.teamId);
}


const transferArgs = z
  .object({
    /** The hand-over's id, made on the desktop: its timeline note and the named agent's notification carry it. */
    id: IdSchema,
    contactId: IdSchema,
    /** Where it goes: another queue, or the same one to offer it to a named agent there. */
    queueId: IdSchema,
    /** Offered to this agent first; back to the queue if they decline or do not answer. */
    agentId: IdSchema.nullable().default(null),
    reason: shortText(120),
    note: longText(4000).default(''),
    /**
     * The queue, and the last hand-over's time, the person saw the contact in: if it moved since (another
     * supervisor moved it), this move is refused rather than undoing theirs.
     */
    fromQueueId: IdSchema,
    lastHandoffAt: z.number().int().min(0).nullable().default(null),
  })
  .strict();

/**
 * Whoever holds a contact hands it on, to a queue or a named agent; a
 * supervisor of its queue's team moves any open contact (waiting ones from the
 * floor view). The named agent must work the queue and be available: the hub
 * knows, and says so when they are not.
 */
export const transfer = defineMutation({
  name: 'contact.transfer',
  args: transferArgs,
  entities: ['queueItem', 'contact', 'queue', 'user', 'presence', 'notification'],
  rule: async (ctx, args) => {
    const item = await need(ctx, 'queueItem', args.contactId);
    if (item.state === 'done') throw new DomainError('already_completed', REJECTIONS.contactAlreadyWrappedUp);
    // A move made on an out-of-date view is refused first: what the person meant no longer applies.
    if (item.queueId !== args.fromQueueId || (item.handoff?.at ?? null) !== args.lastHandoffAt) {
      const queue = await queueName(ctx, item.queueId);
      if (!item.handoff) throw new DomainError('invalid_state', REJECTIONS.movedMeanwhileBySomeone, { queue });
      throw new DomainError('invalid_state', REJECTIONS.movedMeanwhile, { name: await firstNameOf(ctx, item.handoff.fromId), queue });
    }
    const holds = item.assigneeId === ctx.actor.userId && item.state !== 'waiting';
    if (!holds && !(await supervisesQueue(ctx, item.queueId))) {
      if (item.assigneeId && item.state !== 'waiting') throw new DomainError('not_assignee', REJECTIONS.contactHeldByOther, { name: await firstNameOf(ctx, item.assigneeId) });
      throw new DomainError('forbidden', REJECTIONS.onlySupervisorMovesWaiting);
    }
    if (holds && item.state === 'wrap-up') throw new DomainError('invalid_state', REJECTIONS.conversationEnded);
    const queue = await ctx.store.get('queue', args.queueId);
    if (!queue && ctx.authoritative) throw new DomainError('not_found', REJECTIONS.recordMissing, { entity: 'queue', id: args.queueId });
    // Whoever holds it may hand it back to its own queue with a note; a waiting one must go somewhere.
    if (args.agentId === null && args.queueId === item.queueId && !holds) throw new DomainError('invalid', REJECTIONS.alreadyInQueue);
    if (args.agentId !== null) await requireCanReceive(ctx, args.agentId, queue ?? null);

    const at = ctx.now;
    await ctx.store.put('queueItem', {
      ...item,
      queueId: args.queueId,
      skills: queue && queue.id !== item.queueId ? [...queue.skills] : item.skills,
      state: 'waiting',
      assigneeId: null,
      claimedAt: null,
      wrapUpAt: null,
      offeredTo: args.agentId,
      offeredAt: args.agentId ? at : null,
      declinedBy: [],
      handoff: { fromId: ctx.actor.userId, fromQueueId: item.queueId, toAgentId: args.agentId, reason: args.reason, note: args.note, at },
      escalation: null,
    });
    const contact = await ctx.store.get('contact', args.contactId);
    if (contact && contact.queueId !== args.queueId) await ctx.store.put('contact', { ...contact, queueId: args.queueId });
    const to = args.agentId ? (await personOf(ctx, args.agentId)).name : null;
    const queueWord = queue?.name ?? 'other';
    const transferred = to
      ? noteBody(args.note ? NOTE_MESSAGES.transferredToPersonWithNote : NOTE_MESSAGES.transferredToPerson, { to, reason: args.reason, ...(args.note ? { note: args.note } : {}) })
      : noteBody(args.note ? NOTE_MESSAGES.transferredToQueueWithNote : NOTE_MESSAGES.transferredToQueue, { queue: queueWord, reason: args.reason, ...(args.note ? { note: args.note } : {}) });
    await ctx.store.put('contact', {
      ...noteRow({ id: args.id, customerId: item.customerId, parentId: item.contactId, body: transferred.body }, ctx.actor.userId, ctx.madeAt),
      bodyMessage: transferred.bodyMessage,
      queueId: args.queueId,
    });
    if (args.agentId) {
      const from = (await personOf(ctx, ctx.actor.userId)).first;
      await ctx.store.put(
        'notification',
        newNotification({
          id: args.id,
          userId: args.agentId,
          kind: 'transfer',
          fromId: ctx.actor.userId,
          ...(args.note
            ? noticeText(NOTIFICATION_MESSAGES.transferredWithNote, { name: from, channel: item.channel, reason: args.reason, note: args.note })
            : noticeText(NOTIFICATION_MESSAGES.transferred, { name: from, channel: item.channel, reason: args.reason })),
          customerId: item.customerId,
          contactId: item.contactId,
          at: ctx.madeAt,
        }),
      );
    }
    if (holds) await setOwnPresence(ctx, 'available');
    else if (item.assigneeId && item.state !== 'waiting') {
      // A supervisor moved a contact someone held: they are free for the next one, and told why.
      await freeHolder(ctx, item.assigneeId);
      const supervisor = (await personOf(ctx, ctx.actor.userId)).first;
      await ctx.store.put(
        'notification',
        newNotification({
          id: derivedId(args.id, item.assigneeId),
          userId: item.assigneeId,
          kind: 'taken-over',
          fromId: ctx.actor.userId,
          ...(to
            ? noticeText(NOTIFICATION_MESSAGES.movedToPerson, { name: supervisor, channel: item.channel, to, reason: args.reason })
            : noticeText(NOTIFICATION_MESSAGES.movedToQueue, { name: supervisor, channel: item.channel, queue: queueWord, reason: args.reason })),
          customerId: item.customerId,
          contactId: item.contactId,
          at: ctx.madeAt,
        }),
      );
    }
  },
});

/** Someone who no longer holds a contact (a supervisor took or moved it) is free for the next one. */
async function freeHolder(ctx: MutationContext, userId: string): Promise<void> {
  const theirs = await ctx.store.get('presence', userId);
  if (theirs && (theirs.presence === 'busy' || theirs.presence === 'after-contact-work')) await ctx.store.put('presence', presenceMoved(theirs, 'available', ctx.now));
}

/** The named agent works the queue, is switched on, and (on the hub, which holds everyone's presence) is available. */
async function requireCanReceive(ctx: MutationContext, agentId: string, queue: { teamId: string; name: string } | null): Promise<void> {
  if (agentId === ctx.actor.userId) throw new DomainError('invalid', REJECTIONS.notYourself);
  const agent = await ctx.store.get('user', agentId);
  if (!agent) {
    if (ctx.authoritative) throw new DomainError('not_found', REJECTIONS.unknownPerson, { id: agentId });
    return;
  }
  const first = agent.name.split(/\s+/)[0]!;
  if (agent.disabled) throw new DomainError('unavailable', REJECTIONS.personSwitchedOff, { name: agent.name });
  if (queue && !agent.teamIds.includes(queue.teamId)) throw new DomainError('invalid', REJECTIONS.notInQueueTeam, { name: first, queue: queue.name });
  const presence = await ctx.store.get('presence', agentId);
  if (!ctx.authoritative && !presence) return;
  const now = presence?.presence ?? 'offline';
  if (now !== 'available') {
    throw new DomainError('unavailable', REJECTIONS.personUnavailable, { name: first, presence: presenceKey(now) });
  }
}

/** The agent holding a contact asks a supervisor for help; every supervisor of its team sees it at once. */
export const escalate = defineMutation({
  name: 'contact.escalate',
  args: z.object({ contactId: IdSchema, reason: shortText(500) }).strict(),
  entities: ['queueItem', 'user'],
  rule: async (ctx, { contactId, reason }) => {
    const item = await need(ctx, 'queueItem', contactId);
    if (item.state === 'done') throw new DomainError('already_completed', REJECTIONS.contactAlreadyWrappedUp);
    if (item.assigneeId !== ctx.actor.userId || item.state === 'waiting') {
      const holder = item.assigneeId && item.state !== 'waiting' ? await firstNameOf(ctx, item.assigneeId) : null;
      throw holder ? new DomainError('not_assignee', REJECTIONS.contactHeldByOther, { name: holder }) : new DomainError('not_assignee', REJECTIONS.takeBeforeEscalating);
    }
    if (item.escalation?.state === 'open' && item.escalation.byId === ctx.actor.userId && item.escalation.reason === reason) return;
    await ctx.store.put('queueItem', { ...item, escalation: { byId: ctx.actor.userId, reason, at: ctx.now, state: 'open', supervisorId: null, answeredAt: null } });
  },
});

/** A supervisor of the contact's team takes it from the agent holding it (answering an escalation, or stepping in). */
export const takeOver = defineMutation({
  name: 'contact.takeOver',
  args: z.object({ id: IdSchema, contactId: IdSchema }).strict(),
  entities: ['queueItem', 'contact', 'queue', 'user', 'presence', 'notification'],
  rule: async (ctx, { id, contactId }) => {
    const item = await need(ctx, 'queueItem', contactId);
    if (item.assigneeId === ctx.actor.userId && item.state !== 'waiting') return;
    if (!(await supervisesQueue(ctx, item.queueId))) throw new DomainError('forbidden', REJECTIONS.onlySupervisorTakesOver);
    if (item.state === 'done') throw new DomainError('already_completed', REJECTIONS.contactAlreadyWrappedUp);
    if (item.state === 'waiting' || !item.assigneeId) throw new DomainError('invalid_state', REJECTIONS.nobodyHolds);
    const agentId = item.assigneeId;
    const escalation = item.escalation ? { ...item.escalation, state: 'taken' as const, supervisorId: ctx.actor.userId, answeredAt: ctx.now } : null;
    await ctx.store.put('queueItem', { ...item, assigneeId: ctx.actor.userId, claimedAt: ctx.now, escalation });
    const contact = await ctx.store.get('contact', contactId);
    if (contact) await ctx.store.put('contact', { ...contact, agentId: ctx.actor.userId });
    await setOwnPresence(ctx, item.state === 'wrap-up' ? 'after-contact-work' : 'busy');
    await freeHolder(ctx, agentId);
    const supervisor = (await personOf(ctx, ctx.actor.userId)).first;
    await ctx.store.put(
      'notification',
      newNotification({
        id,
        userId: agentId,
        kind: 'taken-over',
        fromId: ctx.actor.userId,
        ...noticeText(NOTIFICATION_MESSAGES.tookOver, { name: supervisor, channel: item.channel }),
        customerId: item.customerId,
        contactId,
        at: ctx.madeAt,
      }),
    );
  },
});

/** A supervisor answers an escalation with advice: a note on the contact, and the agent is told. */
export const advise = defineMutation({
  name: 'contact.advise',
  args: z
    .object({
      id: IdSchema,
      contactId: IdSchema,
      body: z.string().trim().min(1, 'advice cannot be empty').max(4000, 'advice is at most 4,000 characters'),
    })
    .strict(),
  entities: ['queueItem', 'contact', 'queue', 'user', 'notification'],
  rule: async (ctx, args) => {
    if (await ctx.store.get('contact', args.id)) return;
    const item = await need(ctx, 'queueItem', args.contactId);
    if (!(await supervisesQueue(ctx, item.queueId))) throw new DomainError('forbidden', REJECTIONS.onlySupervisorAnswers);
    if (!item.escalation) throw new DomainError('invalid_state', REJECTIONS.noEscalation);
    const agentId = item.escalation.byId;
    await ctx.store.put('contact', { ...noteRow({ id: args.id, customerId: item.customerId, parentId: item.contactId, body: args.body }, ctx.actor.userId, ctx.madeAt), mentions: [agentId] });
    if (item.escalation.state === 'open') {
      await ctx.store.put('queueItem', { ...item, escalation: { ...item.escalation, state: 'advised', supervisorId: ctx.actor.userId, answeredAt: ctx.now } });
    }
    const supervisor = (await personOf(ctx, ctx.actor.userId)).first;
    await ctx.store.put(
      'notification',
      newNotification({ id: args.id, userId: agentId, kind: 'advice', fromId: ctx.actor.userId, ...noticeText(NOTIFICATION_MESSAGES.advice, { name: supervisor, advice: args.body }), customerId: item.customerId, contactId: item.contactId, at: ctx.madeAt }),
    );
  },
});
