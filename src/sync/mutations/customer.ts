/** A customer: made by hand, their details corrected, duplicates merged (and a merge undone). */
import { z } from 'zod';
import { IdSchema } from '../../domain/common';
import { CUSTOMER_EDITABLE_FIELDS, CustomerSchema, customerName, newCustomer, TIERS, type Customer, type CustomerEditableField, type MergedRows } from '../../domain/model';
import { requireMergeRights, requireSupervisor } from './access';
import { systemNote } from './contact';
import { DomainError } from './context';
import { NOTE_MESSAGES, noteBody } from './notices';
import { REJECTIONS } from './rejections';
import { defineMutation } from './define';
import { customerFor, derivedId, invalidInput, need, personOf } from './helpers';

/**
 * The fields of a customer update. Built from the customer schema without its
 * defaults: a field left out of a patch must stay as it is, not be reset.
 */
const CustomerPatchSchema = z
  .object(
    Object.fromEntries(
      CUSTOMER_EDITABLE_FIELDS.map((field) => {
        const schema = CustomerSchema.shape[field] as z.ZodType;
        const bare = schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema;
        return [field, bare.optional()];
      }),
    ) as { [K in CustomerEditableField]: z.ZodOptional<z.ZodType<Customer[K]>> },
  )
  .strict()
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), 'a customer update changes at least one field');

export const updateCustomer = defineMutation({
  name: 'customer.update',
  args: z.object({ customerId: IdSchema, patch: CustomerPatchSchema }).strict(),
  entities: ['customer'],
  rule: async (ctx, { customerId, patch }) => {
    // A change made to a customer since merged away lands on the one they were merged into.
    const customer = await customerFor(ctx, customerId);
    if (patch.tier !== undefined && patch.tier !== customer.tier) requireSupervisor(ctx.actor, 'changeTier');
    // Per-field merge: only the fields in the patch change, so concurrent edits of different fields both stand.
    const next = CustomerSchema.safeParse({ ...customer, ...patch, updatedAt: Math.max(customer.updatedAt, ctx.madeAt) });
    if (!next.success) throw invalidInput(next.error, 'customer');
    await ctx.store.put('customer', next.data);
  },
});

const createArgs = z
  .object({
    /** The new customer's id, made on the desktop. */
    id: IdSchema,
    firstName: CustomerSchema.shape.firstName,
    lastName: CustomerSchema.shape.lastName.default(''),
    company: CustomerSchema.shape.company,
    emails: CustomerSchema.shape.emails.default([]),
    phones: CustomerSchema.shape.phones.default([]),
    language: CustomerSchema.shape.language.optional(),
    timeZone: CustomerSchema.shape.timeZone.optional(),
    preferredChannel: CustomerSchema.shape.preferredChannel.optional(),
  })
  .strict()
  .refine((args) => args.emails.length > 0 || args.phones.length > 0, 'a customer needs a phone number or an email address to be found again');

/** Anyone makes a customer by hand (a caller the system does not know); the timeline says who and when. */
export const createCustomer = defineMutation({
  name: 'customer.create',
  args: createArgs,
  entities: ['customer', 'contact', 'user'],
  rule: async (ctx, args) => {
    const existing = await ctx.store.get('customer', args.id);
    if (existing) {
      if (existing.firstName === args.firstName && existing.lastName === args.lastName) return;
      throw new DomainError('invalid', REJECTIONS.customerIdTaken);
    }
    const { id, preferredChannel, ...fields } = args;
    const customer = newCustomer({
      ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
      id,
      firstName: args.firstName,
      preferredChannel: preferredChannel ?? (args.phones.length ? 'call' : 'email'),
      createdAt: ctx.madeAt,
    });
    const checked = CustomerSchema.safeParse(customer);
    if (!checked.success) throw invalidInput(checked.error, 'customer');
    await ctx.store.put('customer', checked.data);
    // The note that says who made them also puts them in that person's view.
    const who = (await personOf(ctx, ctx.actor.userId)).name;
    await ctx.store.put('contact', systemNote({ id: derivedId(id, 'created'), customerId: id, parentId: null }, noteBody(NOTE_MESSAGES.customerCreated, { name: who }), ctx.actor.userId, ctx.madeAt));
  },
});

const union = <T>(a: readonly T[], b: readonly T[]) => [...new Set([...a, ...b])];
const ENTITY_OF = { contact: 'contact', followUp: 'followUp', survey: 'survey', queueItem: 'queueItem' } as const;

/**
 * Merges a duplicate into the customer who stays: every contact, follow-up,
 * survey and queue item moves over, the survivor gains the duplicate's
 * addresses and numbers, and the duplicate becomes a redirect (changes and
 * links that name it land on the survivor). Supervisors merge (agents too
 * where their team's policy allows), and supervisors undo.
 */
export const mergeCustomers = defineMutation({
  name: 'customer.merge',
  args: z
    .object({
      survivorId: IdSchema,
      mergedId: IdSchema,
      /** The timeline note that records the merge on the survivor, made on the desktop. */
      noteId: IdSchema,
    })
    .strict()
    .refine((args) => args.survivorId !== args.mergedId, 'a customer cannot be merged into themselves'),
  entities: ['customer', 'contact', 'followUp', 'survey', 'queueItem', 'user', 'team'],
  // Its rule reads every row of the customer merged away.
  serial: true,
  rule: async (ctx, { survivorId, mergedId, noteId }) => {
    await requireMergeRights(ctx);
    const merged = await need(ctx, 'customer', mergedId);
    if (merged.mergedInto === survivorId) return;
    if (merged.mergedInto) throw new DomainError('invalid_state', REJECTIONS.customerAlreadyMerged, { name: customerName(merged) });
    const survivor = await need(ctx, 'customer', survivorId);
    if (survivor.mergedInto) throw new DomainError('invalid_state', REJECTIONS.customerSurvivorMerged, { name: customerName(survivor) });

    // Whoever held the duplicate keeps seeing its history, now the survivor's.
    await ctx.store.shareScope(mergedId, survivorId);
    const rows = await ctx.store.customerRows(mergedId);
    const moved: MergedRows = { contact: [], followUp: [], survey: [], queueItem: [] };
    for (const kind of Object.keys(ENTITY_OF) as (keyof MergedRows)[]) {
      if (rows[kind].length > 10_000) throw new DomainError('invalid', REJECTIONS.customerHistoryTooLong, { name: customerName(merged), limit: 10_000, kind });
      for (const row of rows[kind]) {
        await ctx.store.put(ENTITY_OF[kind], { ...row, customerId: survivorId });
        moved[kind].push(row.id);
      }
    }
    const handle = typeof merged.attributes.socialHandle === 'string' ? merged.attributes.socialHandle : null;
    const emails = union(survivor.emails, merged.emails).slice(0, 20);
    const phones = union(survivor.phones, merged.phones).slice(0, 20);
    await ctx.store.put('customer', {
      ...survivor,
      emails,
      phones,
      company: survivor.company ?? merged.company,
      tier: TIERS[Math.max(TIERS.indexOf(survivor.tier), TIERS.indexOf(merged.tier))]!,
      tags: union(survivor.tags, merged.tags).slice(0, 50),
      attributes: { ...merged.attributes, ...survivor.attributes },
      updatedAt: Math.max(survivor.updatedAt, ctx.madeAt),
    });
    const { socialHandle: _handle, ...attributes } = merged.attributes;
    await ctx.store.put('customer', {
      ...merged,
      // Found no more by its addresses, numbers or handle: those are the survivor's now.
      emails: [],
      phones: [],
      attributes,
      updatedAt: Math.max(merged.updatedAt, ctx.madeAt),
      mergedInto: survivorId,
      merge: {
        at: ctx.madeAt,
        by: ctx.actor.userId,
        moved,
        emails: merged.emails,
        phones: merged.phones,
        socialHandle: handle,
        addedEmails: emails.filter((email) => !survivor.emails.includes(email)),
        addedPhones: phones.filter((phone) => !survivor.phones.includes(phone)),
      },
    });
    const who = (await personOf(ctx, ctx.actor.userId)).name;
    const counts = { contacts: moved.contact.length, followUps: moved.followUp.length, surveys: moved.survey.length };
    await ctx.store.put(
      'contact',
      systemNote({ id: noteId, customerId: survivorId, parentId: null }, noteBody(NOTE_MESSAGES.merged, { name: who, merged: customerName(merged), mergedId, ...counts }), ctx.actor.userId, ctx.madeAt),
    );
  },
});

/** A supervisor undoes a merge: the rows it moved go back, and each customer has their own addresses and numbers again. */
export const unmergeCustomer = defineMutation({
  name: 'customer.unmerge',
  args: z.object({ mergedId: IdSchema, noteId: IdSchema }).strict(),
  entities: ['customer', 'contact', 'followUp', 'survey', 'queueItem', 'user'],
  serial: true,
  rule: async (ctx, { mergedId, noteId }) => {
    requireSupervisor(ctx.actor, 'undoMerge');
    const merged = await need(ctx, 'customer', mergedId);
    if (!merged.mergedInto || !merged.merge) return;
    const survivor = await need(ctx, 'customer', merged.mergedInto);
    const { merge } = merged;
    await ctx.store.shareScope(survivor.id, mergedId);
    for (const kind of Object.keys(ENTITY_OF) as (keyof MergedRows)[]) {
      for (const id of merge.moved[kind]) {
        const row = await ctx.store.get(ENTITY_OF[kind], id);
        // Only what is still the survivor's goes back (a desktop may not hold every row: the hub moves them all).
        if (row && row.customerId === survivor.id) await ctx.store.put(ENTITY_OF[kind], { ...row, customerId: mergedId });
      }
    }
    await ctx.store.put('customer', {
      ...survivor,
      emails: survivor.emails.filter((email) => !merge.addedEmails.includes(email)),
      phones: survivor.phones.filter((phone) => !merge.addedPhones.includes(phone)),
      updatedAt: Math.max(survivor.updatedAt, ctx.madeAt),
    });
    await ctx.store.put('customer', {
      ...merged,
      emails: merge.emails,
      phones: merge.phones,
      attributes: merge.socialHandle === null ? merged.attributes : { ...merged.attributes, socialHandle: merge.socialHandle },
      updatedAt: Math.max(merged.updatedAt, ctx.madeAt),
      mergedInto: null,
      merge: null,
    });
    const who = (await personOf(ctx, ctx.actor.userId)).name;
    await ctx.store.put('contact', systemNote({ id: noteId, customerId: survivor.id, parentId: null }, noteBody(NOTE_MESSAGES.unmerged, { name: who, merged: customerName(merged), mergedId }), ctx.actor.userId, ctx.madeAt));
  },
});
