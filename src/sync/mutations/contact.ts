/** A contact's life in a queue (claim, decline, end, release, wrap-up) and what is written on it (notes, replies). */
import { z } from 'zod';
import { AdherenceSchema, GestureSchema, PromiseSchema, ResolutionSchema, customerName, newContact, newNotification, type Contact } from '../../domain/model';
import { IdSchema, longText, shortText } from '../../domain/common';
import { isSupervisor, worksQueue } from './access';
import { DomainError } from './context';
import { NOTIFICATION_MESSAGES, noticeText } from './notices';
import { REJECTIONS } from './rejections';
import { defineMutation } from './define';
import { customerFor, derivedId, excerpt, firstNameOf, need, personOf } from './helpers';
import { setOwnPresence } from './presence';

/** How long a contact stays offered to one agent before it goes to the next. */
export const OFFER_TTL_MS = 30_000;

export const claim = defineMutation({
  name: 'contact.claim',
  args: z.object({ contactId: IdSchema }).strict(),
  entities: ['queueItem', 'contact', 'queue', 'user', 'presence'],
  rule: async (ctx, { contactId }) => {
    const item = await need(ctx, 'queueItem', contactId);
    if (!(await worksQueue(ctx, item.queueId))) {
      throw new DomainError('forbidden', REJECTIONS.contactOtherTeam);
    }
    if (item.state === 'done') throw new DomainError('invalid_state', REJECTIONS.contactAlreadyHandled);
    if (item.assigneeId && item.state !== 'waiting') {
      if (item.assigneeId === ctx.actor.userId) return;
      throw new DomainError('already_claimed', REJECTIONS.contactAlreadyTaken, { name: await firstNameOf(ctx, item.assigneeId) });
    }
    const offerLive = item.offeredTo !== null && item.offeredAt !== null && ctx.now - item.offeredAt < OFFER_TTL_MS;
    if (offerLive && item.offeredTo !== ctx.actor.userId && !isSupervisor(ctx.actor)) {
      throw new DomainError('offered_elsewhere', REJECTIONS.contactOfferedElsewhere, { name: await firstNameOf(ctx, item.offeredTo!) });
    }
    await ctx.store.put('queueItem', { ...item, state: 'claimed', assigneeId: ctx.actor.userId, claimedAt: ctx.now, offeredTo: null, offeredAt: null });
    const contact = await ctx.store.get('contact', contactId);
    if (contact) await ctx.store.put('contact', { ...contact, agentId: ctx.actor.userId });
    await setOwnPresence(ctx, 'busy');
  },
});

export const release = defineMutation({
  name: 'contact.release',
  args: z.object({ contactId: IdSchema }).strict(),
  entities: ['queueItem', 'queue', 'user'],
  rule: async (ctx, { contactId }) => {
    const item = await need(ctx, 'queueItem', contactId);
    if (item.state === 'waiting') return;
    if (item.state === 'done') throw new DomainError('invalid_state', REJECTIONS.contactAlreadyHandled);
    if (item.assigneeId !== ctx.actor.userId) {
      if (!isSupervisor(ctx.actor)) {
        throw (item.assigneeId ? new DomainError('not_assignee', REJECTIONS.contactHeldByOther, { name: await firstNameOf(ctx, item.assigneeId) }) : new DomainError('not_assignee', REJECTIONS.contactHeldByNobody));
      }
      if (!(await worksQueue(ctx, item.queueId))) throw new DomainError('forbidden', REJECTIONS.contactOtherTeam);
    }
    await ctx.store.put('queueItem', { ...item, state: 'waiting', assigneeId: null, claimedAt: null, wrapUpAt: null, offeredTo: null, offeredAt: null });
  },
});

/**
 * Turns down a contact offered to this agent: it goes to someone else. One
 * transferred to them by name goes back to its queue, and whoever transferred
 * it is told.
 */
export const decline = defineMutation({
  name: 'contact.decline',
  args: z.object({ contactId: IdSchema }).strict(),
  entities: ['queueItem', 'user', 'notification'],
  rule: async (ctx, { contactId }) => {
    const item = await need(ctx, 'queueItem', contactId);
    if (item.state !== 'waiting' || item.offeredTo !== ctx.actor.userId) return;
    const handoff = item.handoff?.toAgentId === ctx.actor.userId ? item.handoff : null;
    await ctx.store.put('queueItem', {
      ...item,
      offeredTo: null,
      offeredAt: null,
      declinedBy: item.declinedBy.includes(ctx.actor.userId) ? item.declinedBy : [...item.declinedBy, ctx.actor.userId],
      handoff: handoff ? { ...handoff, toAgentId: null } : item.handoff,
    });
    if (handoff) {
      await ctx.store.put(
        'notification',
        newNotification({
          id: derivedId(item.id, `declined:${handoff.at}`),
          userId: handoff.fromId,
          kind: 'transfer-returned',
          fromId: ctx.actor.userId,
          ...noticeText(NOTIFICATION_MESSAGES.declined, { name: await firstNameOf(ctx, ctx.actor.userId), channel: item.channel }),
          customerId: item.customerId,
          contactId: item.contactId,
          at: ctx.madeAt,
        }),
      );
    }
  },
});

/** The conversation is over: after-contact work (wrap-up) begins. */
export const endConversation = defineMutation({
  name: 'contact.endConversation',
  args: z.object({ contactId: IdSchema }).strict(),
  entities: ['queueItem', 'user', 'presence'],
  rule: async (ctx, { contactId }) => {
    const item = await need(ctx, 'queueItem', contactId);
    if (item.state === 'wrap-up' && item.assigneeId === ctx.actor.userId) return;
    if (item.state !== 'claimed' || item.assigneeId !== ctx.actor.userId) {
      if (item.state === 'done') throw new DomainError('already_completed', REJECTIONS.contactAlreadyWrappedUp);
      const holder = item.assigneeId ? await firstNameOf(ctx, item.assigneeId) : null;
      throw (holder ? new DomainError('not_assignee', REJECTIONS.contactHeldByOther, { name: holder }) : new DomainError('not_assignee', REJECTIONS.contactTakeFirst));
    }
    await ctx.store.put('queueItem', { ...item, state: 'wrap-up', wrapUpAt: ctx.madeAt });
    await setOwnPresence(ctx, 'after-contact-work');
  },
});

const addNoteArgs = z
  .object({
    /** The note's id, made on the desktop. */
    id: IdSchema,
    customerId: IdSchema,
    /** The contact the note is about, if any. */
    parentId: IdSchema.nullable().default(null),
    body: z.string().trim().min(1, 'a note cannot be empty').max(20_000, 'a note is at most 20,000 characters'),
    /** Colleagues asked in (@mentions): each is notified, and may open the customer. */
    mentions: z.array(IdSchema).max(20, 'a note mentions at most 20 people').default([]),
  })
  .strict();

/** A note the system writes (a merge, a new customer): its body in English and as a message for each reader's language. */
export function systemNote(args: Pick<z.output<typeof addNoteArgs>, 'id' | 'customerId' | 'parentId'>, said: { body: string; bodyMessage: Contact['bodyMessage'] }, authorId: string, at: number): Contact {
  return { ...noteRow({ ...args, body: said.body }, authorId, at), bodyMessage: said.bodyMessage };
}

/** The contact row a note becomes (also what the workstation shows before it is stored). */
export function noteRow(args: Pick<z.output<typeof addNoteArgs>, 'id' | 'customerId' | 'parentId' | 'body'> & { mentions?: readonly string[] }, authorId: string, at: number): Contact {
  return newContact({
    id: args.id,
    customerId: args.customerId,
    channel: 'note',
    direction: 'internal',
    body: args.body,
    at,
    agentId: authorId,
    parentId: args.parentId,
    mentions: [...new Set(args.mentions ?? [])],
  });
}

/** A note on a customer (or one of their contacts); people it @mentions are notified. */
export const addNote = defineMutation({
  name: 'contact.addNote',
  args: addNoteArgs,
  entities: ['contact', 'customer', 'user', 'notification'],
  rule: async (ctx, args) => {
    // A note on a customer since merged away lands on the one they were merged into.
    const customer = await customerFor(ctx, args.customerId);
    const existing = await ctx.store.get('contact', args.id);
    if (existing) {
      if ((existing.customerId !== args.customerId && existing.customerId !== customer.id) || existing.channel !== 'note') {
        throw new DomainError('invalid', REJECTIONS.recordIdTaken);
      }
      return;
    }
    const note = noteRow({ ...args, customerId: customer.id }, ctx.actor.userId, ctx.madeAt);
    const author = (await personOf(ctx, ctx.actor.userId)).first;
    for (const userId of note.mentions) {
      if (userId === ctx.actor.userId) continue;
      const person = await ctx.store.get('user', userId);
      if (!person) {
        if (ctx.authoritative) throw new DomainError('not_found', REJECTIONS.noteUnknownPerson, { id: userId });
      } else if (person.disabled) {
        throw new DomainError('invalid', REJECTIONS.notePersonSwitchedOff, { name: person.name });
      }
      await ctx.store.put(
        'notification',
        newNotification({
          id: derivedId(args.id, userId),
          userId,
          kind: 'mention',
          fromId: ctx.actor.userId,
          ...noticeText(NOTIFICATION_MESSAGES.mentioned, { name: author, customer: customerName(customer), excerpt: excerpt(args.body) }),
          customerId: customer.id,
          contactId: args.parentId ?? args.id,
          at: ctx.madeAt,
        }),
      );
    }
    await ctx.store.put('contact', note);
  },
});

/** What the agent writes back to the customer on the contact's channel (a chat message, an email, an SMS…). */
export const reply = defineMutation({
  name: 'contact.reply',
  args: z
    .object({
      id: IdSchema,
      contactId: IdSchema,
      body: z.string().trim().min(1, 'a reply cannot be empty').max(20_000, 'a reply is at most 20,000 characters'),
    })
    .strict(),
  entities: ['contact', 'queueItem', 'user'],
  rule: async (ctx, args) => {
    if (await ctx.store.get('contact', args.id)) return;
    const contact = await need(ctx, 'contact', args.contactId);
    if (contact.channel === 'note' || contact.channel === 'call') {
      throw new DomainError('invalid', REJECTIONS.replyNotOnCall);
    }
    const item = await ctx.store.get('queueItem', args.contactId);
    if (!item) {
      // Only a queued conversation is held by someone; a desktop may not have the item yet.
      if (ctx.authoritative) throw new DomainError('forbidden', REJECTIONS.replyNotQueued);
    } else if (item.state === 'waiting' || item.state === 'done' || item.assigneeId === null) {
      throw new DomainError('not_assignee', REJECTIONS.replyTakeFirst);
    } else if (item.assigneeId !== ctx.actor.userId) {
      throw new DomainError('not_assignee', REJECTIONS.contactHeldByOther, { name: await firstNameOf(ctx, item.assigneeId) });
    }
    await ctx.store.put('contact', {
      ...noteRow({ id: args.id, customerId: contact.customerId, parentId: contact.id, body: args.body }, ctx.actor.userId, ctx.madeAt),
      channel: contact.channel,
      direction: 'outbound',
      subject: contact.subject && !/^re:/i.test(contact.subject) ? `Re: ${contact.subject}` : contact.subject,
      address: contact.address,
      queueId: contact.queueId,
      topic: contact.topic,
    });
  },
});

export const wrapUp = defineMutation({
  name: 'contact.wrapUp',
  args: z
    .object({
      contactId: IdSchema,
      disposition: shortText(60),
      resolution: ResolutionSchema,
      summary: longText(4000).default(''),
      topic: z.string().max(40).nullable().optional(),
      scriptId: IdSchema.nullable().default(null),
      scriptVersion: z.number().int().min(1).nullable().default(null),
      adherence: AdherenceSchema.nullable().default(null),
      gesture: GestureSchema.nullable().default(null),
      promise: PromiseSchema.nullable().default(null),
    })
    .strict(),
  entities: ['queueItem', 'contact', 'user', 'presence'],
  rule: async (ctx, args) => {
    const item = await need(ctx, 'queueItem', args.contactId);
    if (item.state === 'done') throw new DomainError('already_completed', REJECTIONS.contactAlreadyWrappedUp);
    if (item.state === 'waiting' || item.assigneeId !== ctx.actor.userId) {
      const holder = item.assigneeId ? await firstNameOf(ctx, item.assigneeId) : null;
      throw (holder ? new DomainError('not_assignee', REJECTIONS.contactHeldByOther, { name: holder }) : new DomainError('not_assignee', REJECTIONS.contactTakeBeforeWrapUp));
    }
    const contact = await need(ctx, 'contact', args.contactId);
    const endedAt = contact.endedAt ?? item.wrapUpAt ?? ctx.madeAt;
    await ctx.store.put('contact', {
      ...contact,
      agentId: ctx.actor.userId,
      disposition: args.disposition,
      resolution: args.resolution,
      summary: args.summary,
      topic: args.topic === undefined ? contact.topic : args.topic,
      endedAt,
      scriptId: args.scriptId,
      scriptVersion: args.scriptVersion,
      adherence: args.adherence,
      gesture: args.gesture,
      promise: args.promise,
      acwSeconds: item.wrapUpAt !== null ? Math.max(0, Math.round((ctx.madeAt - item.wrapUpAt) / 1000)) : null,
    });
    await ctx.store.put('queueItem', { ...item, state: 'done', doneAt: ctx.madeAt });
    await setOwnPresence(ctx, 'available');
  },
});
