/**
 * Every change an agent or supervisor makes is one of these mutations. The
 * same mutator runs twice: optimistically on the desktop (against the local
 * cache, re-run on every rebase, so it must be deterministic given its args,
 * actor and time) and authoritatively on the hub (against PostgreSQL). Rules
 * that decide what cannot be merged live here, so both sides agree; the hub's
 * answer wins when they do not (it sees what the desktop could not).
 */
import { z } from 'zod';
import {
  ChannelSchema,
  EpochMsSchema,
  IdSchema,
  ReachableChannelSchema,
  TimeZoneSchema,
  longText,
  shortText,
} from '../domain/common';
import {
  CUSTOMER_EDITABLE_FIELDS,
  CustomerSchema,
  FOLLOW_UP_KIND_LABELS,
  FOLLOW_UP_OUTCOME_LABELS,
  FOLLOW_UP_OUTCOMES,
  FollowUpKindSchema,
  PresenceSchema,
  AdherenceSchema,
  GestureSchema,
  PromiseSchema,
  ResolutionSchema,
  ScriptStageSchema,
  scriptVersionId,
  type Contact,
  type Customer,
  type CustomerEditableField,
  type FollowUp,
  ArticleKindSchema,
  newPresence,
  newUser,
  presenceMoved,
  QueueSchema,
  RoleSchema,
  UserSchema,
  WorkingHoursSchema,
  targetId,
  type Presence,
  type Role,
  type Script,
  type SurveyResponse,
  type User,
} from '../domain/model';
import { validateScript } from '../scripts/validate';
import type { EntityName, EntityRow } from './entities';
import type { RejectionCode } from './protocol';

// ---------------------------------------------------------------- arguments

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

export const mutationArgs = {
  'contact.claim': z.object({ contactId: IdSchema }).strict(),
  'contact.release': z.object({ contactId: IdSchema }).strict(),
  /** Turns down a contact offered to this agent: it goes to someone else. */
  'contact.decline': z.object({ contactId: IdSchema }).strict(),
  /** The conversation is over: after-contact work (wrap-up) begins. */
  'contact.endConversation': z.object({ contactId: IdSchema }).strict(),
  'contact.addNote': z
    .object({
      /** The note's id, made on the desktop. */
      id: IdSchema,
      customerId: IdSchema,
      /** The contact the note is about, if any. */
      parentId: IdSchema.nullable().default(null),
      body: z.string().trim().min(1, 'a note cannot be empty').max(20_000, 'a note is at most 20,000 characters'),
    })
    .strict(),
  /** What the agent writes back to the customer on the contact's channel (a chat message, an email, an SMS…). */
  'contact.reply': z
    .object({
      id: IdSchema,
      contactId: IdSchema,
      body: z.string().trim().min(1, 'a reply cannot be empty').max(20_000, 'a reply is at most 20,000 characters'),
    })
    .strict(),
  'contact.wrapUp': z
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
  'customer.update': z.object({ customerId: IdSchema, patch: CustomerPatchSchema }).strict(),
  'followUp.schedule': z
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
  'followUp.reschedule': z.object({ id: IdSchema, dueAt: EpochMsSchema }).strict(),
  /** Remind later: the due time stays, the reminder moves. */
  'followUp.snooze': z.object({ id: IdSchema, until: EpochMsSchema }).strict(),
  /** A supervisor gives a follow-up to someone else. */
  'followUp.reassign': z.object({ id: IdSchema, ownerId: IdSchema }).strict(),
  'followUp.complete': z
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
    }),
  'followUp.cancel': z.object({ id: IdSchema, reason: z.string().trim().min(1, 'say why it is cancelled').max(500) }).strict(),
  'survey.record': z
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
  'presence.set': z.object({ presence: PresenceSchema }).strict(),
  'script.save': z
    .object({
      scriptId: IdSchema,
      name: shortText(120),
      description: z.string().max(1000).default(''),
      topics: z.array(shortText(40)).max(20).default([]),
      stages: z.array(ScriptStageSchema).max(6),
    })
    .strict(),
  'script.publish': z.object({ scriptId: IdSchema, version: z.number().int().min(1) }).strict(),
  /** A supervisor's targets for a team (AHT, CSAT, FCR, service level) or a queue (SLA and service level); null clears one. */
  'target.set': z
    .object({
      scope: z.enum(['team', 'queue']),
      scopeId: IdSchema,
      ahtSeconds: z.number().int().min(10, 'an AHT target is at least 10 seconds').max(24 * 3600).nullable().optional(),
      csat: z.number().min(1, 'a CSAT target is between 1 and 5').max(5, 'a CSAT target is between 1 and 5').nullable().optional(),
      fcr: z.number().min(0, 'an FCR target is a share between 0 and 1').max(1, 'an FCR target is a share between 0 and 1').nullable().optional(),
      serviceLevel: z.number().min(0, 'a service-level target is a share between 0 and 1').max(1, 'a service-level target is a share between 0 and 1').nullable().optional(),
      slaSeconds: z.number().int().min(10, 'an SLA is at least 10 seconds').max(14 * 24 * 3600).nullable().optional(),
    })
    .strict(),
  /** Writes or rewrites a knowledge article. */
  'article.save': z
    .object({
      id: IdSchema,
      kind: ArticleKindSchema,
      title: z.string().trim().min(1, 'an article needs a title').max(160),
      body: z.string().trim().min(1, 'an article needs some text').max(20_000, 'an article is at most 20,000 characters'),
      tags: z.array(shortText(40)).max(20).default([]),
    })
    .strict(),
  /** Takes an article out of search (or puts it back). */
  'article.archive': z.object({ id: IdSchema, archived: z.boolean() }).strict(),
  /** An administrator adds a person (their password is set on the hub, never through sync). */
  'user.create': z
    .object({
      id: IdSchema,
      username: z
        .string()
        .trim()
        .toLowerCase()
        .regex(/^[a-z0-9._-]{2,40}$/, 'A user name is 2–40 lowercase letters, digits, . _ or -.'),
      name: shortText(100),
      role: RoleSchema,
      teamIds: z.array(IdSchema).max(50).default([]),
      skills: z.array(shortText(40)).max(50).default([]),
      timeZone: TimeZoneSchema.default('UTC'),
    })
    .strict(),
  /** An administrator changes a person: their details, role, teams, or switches them off (`disabled`). */
  'user.update': z
    .object({
      userId: IdSchema,
      name: shortText(100).optional(),
      role: RoleSchema.optional(),
      teamIds: z.array(IdSchema).max(50).optional(),
      skills: z.array(shortText(40)).max(50).optional(),
      timeZone: TimeZoneSchema.optional(),
      workingHours: WorkingHoursSchema.optional(),
      followUpCapacity: z.number().int().min(1).max(100).optional(),
      disabled: z.boolean().optional(),
    })
    .strict()
    .refine((args) => Object.entries(args).some(([key, value]) => key !== 'userId' && value !== undefined), 'a person update changes at least one field'),
  /** An administrator makes a team or renames one. */
  'team.save': z.object({ id: IdSchema, name: shortText(100) }).strict(),
  /** An administrator makes a queue or changes one. */
  'queue.save': z
    .object({
      id: IdSchema,
      name: shortText(100),
      teamId: IdSchema,
      channels: z.array(ChannelSchema).min(1, 'a queue takes at least one channel').max(10),
      topics: z.array(shortText(40)).max(50).default([]),
      slaSeconds: z.number().int().min(10, 'an SLA is at least 10 seconds').max(14 * 24 * 3600, 'an SLA is at most 14 days'),
      skills: z.array(shortText(40)).max(20).default([]),
    })
    .strict(),
} as const;

export type MutationName = keyof typeof mutationArgs;
export const MUTATION_NAMES = Object.keys(mutationArgs) as MutationName[];
export type MutationArgs<N extends MutationName> = z.output<(typeof mutationArgs)[N]>;
export type MutationInput<N extends MutationName> = z.input<(typeof mutationArgs)[N]>;

export function isMutationName(name: string): name is MutationName {
  return Object.hasOwn(mutationArgs, name);
}

/**
 * Mutations the hub applies alone, with no other write in progress: their
 * rules read more than the rows they name (every version of a script, who
 * holds a user name), or they change who may see and take what (people,
 * teams, queues), or they write rows only such mutations write (a queue's
 * SLA). Every other mutation locks only the rows it reads, so agents'
 * changes to different contacts are applied side by side.
 */
export const SERIAL_MUTATIONS: ReadonlySet<MutationName> = new Set<MutationName>([
  'user.create',
  'user.update',
  'team.save',
  'queue.save',
  // A queue's service-level target moves the queue's SLA.
  'target.set',
  'script.save',
  'script.publish',
]);

/**
 * Entities only serial mutations (and the hub's own serial writes) change:
 * the directory and the scripts. A mutation applied side by side with others
 * reads them without locking them, and may not write them.
 */
export const REFERENCE_ENTITIES: ReadonlySet<EntityName> = new Set<EntityName>(['user', 'team', 'queue', 'script']);

/**
 * The entities each mutation reads or writes. The desktop opens a mutation's
 * transaction over these alone, so it never waits behind the sync worker's
 * writes to unrelated tables.
 */
export const MUTATION_ENTITIES: { [N in MutationName]: readonly EntityName[] } = {
  'contact.claim': ['queueItem', 'contact', 'queue', 'user', 'presence'],
  'contact.release': ['queueItem', 'queue', 'user'],
  'contact.decline': ['queueItem'],
  'contact.endConversation': ['queueItem', 'user', 'presence'],
  'contact.addNote': ['contact', 'customer'],
  'contact.reply': ['contact', 'queueItem', 'user'],
  'contact.wrapUp': ['queueItem', 'contact', 'user', 'presence'],
  'customer.update': ['customer'],
  'followUp.schedule': ['followUp', 'customer', 'user'],
  'followUp.reschedule': ['followUp', 'user'],
  'followUp.snooze': ['followUp', 'user'],
  'followUp.reassign': ['followUp', 'user'],
  'followUp.complete': ['followUp', 'user', 'contact', 'survey', 'customer'],
  'followUp.cancel': ['followUp', 'user'],
  'survey.record': ['survey', 'contact', 'queue', 'user'],
  'presence.set': ['presence'],
  'script.save': ['script'],
  'script.publish': ['script', 'article'],
  'target.set': ['target', 'team', 'queue'],
  'article.save': ['article'],
  'article.archive': ['article'],
  'user.create': ['user', 'team', 'presence'],
  'user.update': ['user', 'team', 'presence'],
  'team.save': ['team'],
  'queue.save': ['queue', 'team'],
};

// ---------------------------------------------------------------- context

/** Who makes the change. */
export interface Actor {
  userId: string;
  role: Role;
  teamIds: readonly string[];
}

/** Rows a mutator reads and writes: the local cache on a desktop, PostgreSQL on the hub. */
export interface MutationStore {
  get<E extends EntityName>(entity: E, id: string): Promise<EntityRow<E> | undefined>;
  put<E extends EntityName>(entity: E, row: EntityRow<E>): Promise<void>;
  /** Every version of a script. */
  scriptVersions(scriptId: string): Promise<Script[]>;
  /** The id of the person holding this user name, if anyone does (a desktop knows those it has synced). */
  usernameHolder(username: string): Promise<string | null>;
}

export interface MutationContext {
  store: MutationStore;
  actor: Actor;
  /** The mutation's time: the desktop's clock when made, the hub's when applied. */
  now: number;
  /**
   * When the person made the change (the desktop's clock, as sent with the
   * mutation). Rules about "the past" judge by it: a follow-up planned offline
   * for this afternoon is not refused because the push arrived tomorrow.
   */
  madeAt: number;
  /** True on the hub, whose answer is final. */
  authoritative: boolean;
}

/** A mutation the domain refuses: committed as rejected on the hub, shown to the agent with its message. */
export class DomainError extends Error {
  constructor(
    readonly code: RejectionCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

type Mutator<N extends MutationName> = (ctx: MutationContext, args: MutationArgs<N>) => Promise<void>;

// ---------------------------------------------------------------- helpers

async function need<E extends EntityName>(ctx: MutationContext, entity: E, id: string, label: string): Promise<EntityRow<E>> {
  const row = await ctx.store.get(entity, id);
  if (!row) throw new DomainError('not_found', `That ${label} does not exist (${id}).`);
  return row;
}

/** "Ben" for a user id, or "Another agent" when the user is unknown here. */
async function firstNameOf(ctx: MutationContext, userId: string): Promise<string> {
  const user = await ctx.store.get('user', userId);
  return user?.name.split(/\s+/)[0] ?? 'Another agent';
}

/** "Ben Okafor" and "Ben" for a user id, or "another agent" when the user is unknown here. */
async function personOf(ctx: MutationContext, userId: string): Promise<{ name: string; first: string }> {
  const user = await ctx.store.get('user', userId);
  return user ? { name: user.name, first: user.name.split(/\s+/)[0]! } : { name: 'another agent', first: 'that agent' };
}

// ---------------------------------------------------------------- who may
//
// Each idea once; docs/permissions.md (from ./permissions) says who may do
// what. A check that needs a row a desktop may not hold yet (another team's
// queue, a person added since its last pull) lets the change through on the
// desktop and leaves the refusal to the hub, which holds every row: an
// offline desktop must not refuse what the hub would take.

const isSupervisor = (actor: Actor) => actor.role === 'supervisor' || actor.role === 'admin';
const isAdmin = (actor: Actor) => actor.role === 'admin';

function requireAdmin(actor: Actor, what: string): void {
  if (!isAdmin(actor)) throw new DomainError('forbidden', `Only administrators can ${what}.`);
}

function requireSupervisor(actor: Actor, what: string): void {
  if (!isSupervisor(actor)) throw new DomainError('forbidden', `Only supervisors can ${what}.`);
}

/** A supervisor in the team, or an admin. */
const supervisesTeam = (actor: Actor, teamId: string) => isAdmin(actor) || (isSupervisor(actor) && actor.teamIds.includes(teamId));

/** A supervisor sharing a team with the person, or an admin. */
const supervisesPerson = (actor: Actor, person: Pick<User, 'teamIds'>) =>
  isAdmin(actor) || (isSupervisor(actor) && person.teamIds.some((team) => actor.teamIds.includes(team)));

/** Agents and supervisors work the queues of their own teams; admins any. */
async function worksQueue(ctx: MutationContext, queueId: string): Promise<boolean> {
  if (isAdmin(ctx.actor)) return true;
  const queue = await ctx.store.get('queue', queueId);
  if (!queue) return !ctx.authoritative;
  return ctx.actor.teamIds.includes(queue.teamId);
}

/** Whether the actor supervises the person with this id. */
async function supervisesUser(ctx: MutationContext, userId: string): Promise<boolean> {
  if (isAdmin(ctx.actor)) return true;
  if (!isSupervisor(ctx.actor)) return false;
  const user = await ctx.store.get('user', userId);
  if (!user) return !ctx.authoritative;
  return supervisesPerson(ctx.actor, user);
}

/**
 * Refuses unless the actor supervises this person (follow-ups are given to
 * people of one's own teams). An unknown person is not found on the hub; a
 * desktop may not know them yet.
 */
async function requireSupervisesUser(ctx: MutationContext, userId: string, what: string): Promise<void> {
  requireSupervisor(ctx.actor, what);
  const user = await ctx.store.get('user', userId);
  if (!user) {
    if (ctx.authoritative) throw new DomainError('not_found', `No person with id ${userId}.`);
    return;
  }
  if (!supervisesPerson(ctx.actor, user)) throw new DomainError('forbidden', `${user.name} is not in one of your teams.`);
}

/** A supervisor of a contact's team (its queue's, or that of the agent who handled it), or an admin. */
async function supervisesContact(ctx: MutationContext, contact: Contact): Promise<boolean> {
  if (isAdmin(ctx.actor)) return true;
  if (!isSupervisor(ctx.actor)) return false;
  if (contact.queueId !== null && (await worksQueue(ctx, contact.queueId))) return true;
  return contact.agentId !== null && (await supervisesUser(ctx, contact.agentId));
}

/**
 * A survey counts for the agent who handled its contact: only they, or a
 * supervisor of the contact's team, record it.
 */
async function requireSurveyRights(ctx: MutationContext, contact: Contact): Promise<void> {
  if (contact.agentId === ctx.actor.userId || (await supervisesContact(ctx, contact))) return;
  if (contact.agentId === null) throw new DomainError('forbidden', 'Nobody has handled this contact: only a supervisor of its team can record its survey.');
  const handler = await personOf(ctx, contact.agentId);
  throw new DomainError('forbidden', `This contact was handled by ${handler.name}: only ${handler.first} or a supervisor of ${handler.first}’s team can record its survey.`);
}

/** The refusal for a survey id already used on another contact: a survey is never moved or replaced from elsewhere. */
async function surveyOfAnotherContact(ctx: MutationContext, survey: SurveyResponse): Promise<DomainError> {
  const whose = survey.agentId === null ? 'another contact' : `a contact handled by ${(await personOf(ctx, survey.agentId)).name}`;
  return new DomainError('forbidden', `This survey belongs to ${whose}: it cannot be moved or replaced.`);
}

// ---------------------------------------------------------------- mutators

/** How long a contact stays offered to one agent before it goes to the next. */
export const OFFER_TTL_MS = 30_000;

/**
 * Presence follows the work: busy while handling, after-contact work while
 * wrapping up, then available. A missing presence row (not pulled yet) counts
 * as offline since now: the change names no one else, so nothing to refuse.
 */
async function setOwnPresence(ctx: MutationContext, presence: Presence): Promise<void> {
  const current = (await ctx.store.get('presence', ctx.actor.userId)) ?? newPresence(ctx.actor.userId, ctx.now);
  if (current.presence === presence) return;
  await ctx.store.put('presence', presenceMoved(current, presence, ctx.now));
}

const claim: Mutator<'contact.claim'> = async (ctx, { contactId }) => {
  const item = await need(ctx, 'queueItem', contactId, 'queued contact');
  if (!(await worksQueue(ctx, item.queueId))) {
    throw new DomainError('forbidden', 'This contact is in a queue of another team.');
  }
  if (item.state === 'done') throw new DomainError('invalid_state', 'This contact has already been handled.');
  if (item.assigneeId && item.state !== 'waiting') {
    if (item.assigneeId === ctx.actor.userId) return;
    throw new DomainError('already_claimed', `${await firstNameOf(ctx, item.assigneeId)} already took this contact.`);
  }
  const offerLive = item.offeredTo !== null && item.offeredAt !== null && ctx.now - item.offeredAt < OFFER_TTL_MS;
  if (offerLive && item.offeredTo !== ctx.actor.userId && !isSupervisor(ctx.actor)) {
    throw new DomainError('offered_elsewhere', `This contact is being offered to ${await firstNameOf(ctx, item.offeredTo!)}.`);
  }
  await ctx.store.put('queueItem', { ...item, state: 'claimed', assigneeId: ctx.actor.userId, claimedAt: ctx.now, offeredTo: null, offeredAt: null });
  const contact = await ctx.store.get('contact', contactId);
  if (contact) await ctx.store.put('contact', { ...contact, agentId: ctx.actor.userId });
  await setOwnPresence(ctx, 'busy');
};

const decline: Mutator<'contact.decline'> = async (ctx, { contactId }) => {
  const item = await need(ctx, 'queueItem', contactId, 'queued contact');
  if (item.state !== 'waiting' || item.offeredTo !== ctx.actor.userId) return;
  await ctx.store.put('queueItem', {
    ...item,
    offeredTo: null,
    offeredAt: null,
    declinedBy: item.declinedBy.includes(ctx.actor.userId) ? item.declinedBy : [...item.declinedBy, ctx.actor.userId],
  });
};

const endConversation: Mutator<'contact.endConversation'> = async (ctx, { contactId }) => {
  const item = await need(ctx, 'queueItem', contactId, 'queued contact');
  if (item.state === 'wrap-up' && item.assigneeId === ctx.actor.userId) return;
  if (item.state !== 'claimed' || item.assigneeId !== ctx.actor.userId) {
    if (item.state === 'done') throw new DomainError('already_completed', 'This contact was already wrapped up.');
    const holder = item.assigneeId ? await firstNameOf(ctx, item.assigneeId) : null;
    throw new DomainError('not_assignee', holder ? `${holder} has this contact, not you.` : 'Take the contact first.');
  }
  await ctx.store.put('queueItem', { ...item, state: 'wrap-up', wrapUpAt: ctx.now });
  await setOwnPresence(ctx, 'after-contact-work');
};

const release: Mutator<'contact.release'> = async (ctx, { contactId }) => {
  const item = await need(ctx, 'queueItem', contactId, 'queued contact');
  if (item.state === 'waiting') return;
  if (item.state === 'done') throw new DomainError('invalid_state', 'This contact has already been handled.');
  if (item.assigneeId !== ctx.actor.userId) {
    if (!isSupervisor(ctx.actor)) {
      throw new DomainError('not_assignee', `${item.assigneeId ? await firstNameOf(ctx, item.assigneeId) : 'Nobody'} has this contact, not you.`);
    }
    if (!(await worksQueue(ctx, item.queueId))) throw new DomainError('forbidden', 'This contact is in a queue of another team.');
  }
  await ctx.store.put('queueItem', { ...item, state: 'waiting', assigneeId: null, claimedAt: null, wrapUpAt: null, offeredTo: null, offeredAt: null });
};

/** The contact row a note becomes (also what the workstation shows before it is stored). */
export function noteRow(args: MutationArgs<'contact.addNote'>, authorId: string, at: number): Contact {
  return {
    id: args.id,
    customerId: args.customerId,
    channel: 'note',
    direction: 'internal',
    subject: '',
    body: args.body,
    address: null,
    at,
    endedAt: null,
    queueId: null,
    agentId: authorId,
    topic: null,
    disposition: null,
    resolution: null,
    sentiment: null,
    summary: null,
    parentId: args.parentId,
    scriptId: null,
    scriptVersion: null,
    adherence: null,
    gesture: null,
    promise: null,
    acwSeconds: null,
  };
}

const addNote: Mutator<'contact.addNote'> = async (ctx, args) => {
  const existing = await ctx.store.get('contact', args.id);
  if (existing) {
    if (existing.customerId !== args.customerId || existing.channel !== 'note') {
      throw new DomainError('invalid', 'A different record already has this id.');
    }
    return;
  }
  await need(ctx, 'customer', args.customerId, 'customer');
  await ctx.store.put('contact', noteRow(args, ctx.actor.userId, ctx.now));
};

const reply: Mutator<'contact.reply'> = async (ctx, args) => {
  if (await ctx.store.get('contact', args.id)) return;
  const contact = await need(ctx, 'contact', args.contactId, 'contact');
  if (contact.channel === 'note' || contact.channel === 'call') {
    throw new DomainError('invalid', 'Replies go out on chat, email, SMS or social contacts; for a call, add a note.');
  }
  const item = await ctx.store.get('queueItem', args.contactId);
  if (!item) {
    // Only a queued conversation is held by someone; a desktop may not have the item yet.
    if (ctx.authoritative) throw new DomainError('forbidden', 'Replies go on a contact taken from a queue; this one is not in a queue.');
  } else if (item.state === 'waiting' || item.state === 'done' || item.assigneeId === null) {
    throw new DomainError('not_assignee', 'Take the contact before replying to it.');
  } else if (item.assigneeId !== ctx.actor.userId) {
    throw new DomainError('not_assignee', `${await firstNameOf(ctx, item.assigneeId)} has this contact, not you.`);
  }
  await ctx.store.put('contact', {
    ...noteRow({ id: args.id, customerId: contact.customerId, parentId: contact.id, body: args.body }, ctx.actor.userId, ctx.now),
    channel: contact.channel,
    direction: 'outbound',
    subject: contact.subject && !/^re:/i.test(contact.subject) ? `Re: ${contact.subject}` : contact.subject,
    address: contact.address,
    queueId: contact.queueId,
    topic: contact.topic,
  });
};

const wrapUp: Mutator<'contact.wrapUp'> = async (ctx, args) => {
  const item = await need(ctx, 'queueItem', args.contactId, 'queued contact');
  if (item.state === 'done') throw new DomainError('already_completed', 'This contact was already wrapped up.');
  if (item.state === 'waiting' || item.assigneeId !== ctx.actor.userId) {
    const holder = item.assigneeId ? await firstNameOf(ctx, item.assigneeId) : null;
    throw new DomainError('not_assignee', holder ? `${holder} has this contact, not you.` : 'Take the contact before wrapping it up.');
  }
  const contact = await need(ctx, 'contact', args.contactId, 'contact');
  const endedAt = contact.endedAt ?? item.wrapUpAt ?? ctx.now;
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
    acwSeconds: item.wrapUpAt !== null ? Math.max(0, Math.round((ctx.now - item.wrapUpAt) / 1000)) : null,
  });
  await ctx.store.put('queueItem', { ...item, state: 'done', doneAt: ctx.now });
  await setOwnPresence(ctx, 'available');
};

const updateCustomer: Mutator<'customer.update'> = async (ctx, { customerId, patch }) => {
  const customer = await need(ctx, 'customer', customerId, 'customer');
  if (patch.tier !== undefined && patch.tier !== customer.tier) requireSupervisor(ctx.actor, "change a customer's tier");
  // Per-field merge: only the fields in the patch change, so concurrent edits of different fields both stand.
  const next = CustomerSchema.safeParse({ ...customer, ...patch, updatedAt: Math.max(customer.updatedAt, ctx.now) });
  if (!next.success) throw new DomainError('invalid', next.error.issues[0]?.message ?? 'Invalid customer.');
  await ctx.store.put('customer', next.data);
};

/** The hub trusts a desktop's clock for when a change was made, up to this far ahead of its own. */
export const MADE_AT_SKEW_MS = 5 * 60_000;

/** Due times a little behind the moment of planning pass (clocks differ, forms take time); earlier ones are refused. */
export const FOLLOW_UP_PAST_GRACE_MS = 5 * 60_000;

function refusePast(ctx: MutationContext, at: number, what: string): void {
  if (at < ctx.madeAt - FOLLOW_UP_PAST_GRACE_MS) {
    throw new DomainError('invalid', `${what} is in the past (${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC). Pick a time from now on.`);
  }
}

const scheduleFollowUp: Mutator<'followUp.schedule'> = async (ctx, args) => {
  if (await ctx.store.get('followUp', args.id)) return;
  const customer = await ctx.store.get('customer', args.customerId);
  if (!customer) throw new DomainError('not_found', `No customer with id ${args.customerId}: a follow-up needs a known customer.`);
  refusePast(ctx, args.dueAt, 'The due time');
  const ownerId = args.ownerId ?? ctx.actor.userId;
  if (ownerId !== ctx.actor.userId) {
    // Anyone's, in any team: a supervisor may ask an agent of another team (one who speaks the customer's language).
    requireSupervisor(ctx.actor, 'plan follow-ups for someone else');
    if (ctx.authoritative) await need(ctx, 'user', ownerId, 'person');
  }
  await ctx.store.put('followUp', {
    id: args.id,
    customerId: args.customerId,
    contactId: args.contactId,
    kind: args.kind,
    channel: args.channel,
    dueAt: args.dueAt,
    ownerId,
    state: 'scheduled',
    reason: args.reason,
    outcome: null,
    note: args.note,
    createdAt: ctx.now,
    createdBy: ctx.actor.userId,
    completedAt: null,
    completedBy: null,
    cancelReason: null,
    remindAt: null,
    ruleId: args.ruleId,
    previousId: null,
    outcomeContactId: null,
  });
};

/** A follow-up that is still to do, and that the actor may change (its owner, a supervisor of the owner, or the supervisor who planned it). */
async function openFollowUp(ctx: MutationContext, id: string, action: string) {
  const followUp = await ctx.store.get('followUp', id);
  if (!followUp) throw new DomainError('not_found', `No follow-up with id ${id}.`);
  if (followUp.state === 'done') throw new DomainError('already_completed', `This follow-up was already completed; it cannot be ${action}.`);
  if (followUp.state === 'cancelled') throw new DomainError('invalid_state', `This follow-up was cancelled; it cannot be ${action}.`);
  if (followUp.ownerId !== ctx.actor.userId) {
    if (!isSupervisor(ctx.actor)) throw new DomainError('not_assignee', `This follow-up belongs to ${await firstNameOf(ctx, followUp.ownerId)}.`);
    // The supervisor who planned it for someone of another team still manages it.
    if (followUp.createdBy !== ctx.actor.userId && !(await supervisesUser(ctx, followUp.ownerId))) {
      throw new DomainError('forbidden', `This follow-up belongs to ${(await personOf(ctx, followUp.ownerId)).name}, who is not in one of your teams.`);
    }
  }
  return followUp;
}

const rescheduleFollowUp: Mutator<'followUp.reschedule'> = async (ctx, { id, dueAt }) => {
  const followUp = await openFollowUp(ctx, id, 'rescheduled');
  if (followUp.dueAt === dueAt) return;
  refusePast(ctx, dueAt, 'The new due time');
  await ctx.store.put('followUp', { ...followUp, dueAt, remindAt: null });
};

const snoozeFollowUp: Mutator<'followUp.snooze'> = async (ctx, { id, until }) => {
  const followUp = await openFollowUp(ctx, id, 'snoozed');
  if (until <= ctx.madeAt) throw new DomainError('invalid', 'Snooze until a time that is still to come.');
  await ctx.store.put('followUp', { ...followUp, remindAt: until });
};

const reassignFollowUp: Mutator<'followUp.reassign'> = async (ctx, { id, ownerId }) => {
  requireSupervisor(ctx.actor, 'reassign follow-ups');
  const followUp = await openFollowUp(ctx, id, 'reassigned');
  if (followUp.ownerId === ownerId) return;
  await requireSupervisesUser(ctx, ownerId, 'reassign follow-ups');
  await ctx.store.put('followUp', { ...followUp, ownerId, remindAt: null });
};

/** What a follow-up's outcome looks like in the customer's timeline. */
export function followUpOutcomeRow(
  followUp: FollowUp,
  args: Pick<MutationArgs<'followUp.complete'>, 'outcome' | 'note' | 'outcomeContactId'>,
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

const completeFollowUp: Mutator<'followUp.complete'> = async (ctx, args) => {
  const followUp = await openFollowUp(ctx, args.id, 'completed');
  if (await ctx.store.get('contact', args.outcomeContactId)) throw new DomainError('invalid', 'A different record already has this id.');
  if (args.next) refusePast(ctx, args.next.dueAt, 'The next follow-up’s due time');
  // The outcome contact is new, so a survey already under this id is another contact's.
  const takenSurvey = args.survey ? await ctx.store.get('survey', args.survey.id) : undefined;
  if (takenSurvey) throw await surveyOfAnotherContact(ctx, takenSurvey);
  await ctx.store.put('followUp', {
    ...followUp,
    state: 'done',
    outcome: args.outcome,
    note: args.note || followUp.note,
    completedAt: ctx.now,
    completedBy: ctx.actor.userId,
    remindAt: null,
    outcomeContactId: args.outcomeContactId,
  });
  await ctx.store.put('contact', followUpOutcomeRow(followUp, args, ctx.actor.userId, ctx.now));
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
      at: ctx.now,
    });
  }
  if (args.next && !(await ctx.store.get('followUp', args.next.id))) {
    await ctx.store.put('followUp', {
      id: args.next.id,
      customerId: followUp.customerId,
      contactId: followUp.contactId,
      kind: args.next.kind,
      channel: args.next.channel,
      dueAt: args.next.dueAt,
      ownerId: followUp.ownerId,
      state: 'scheduled',
      reason: args.next.reason || followUp.reason,
      outcome: null,
      note: '',
      createdAt: ctx.now,
      createdBy: ctx.actor.userId,
      completedAt: null,
      completedBy: null,
      cancelReason: null,
      remindAt: null,
      ruleId: 'chain',
      previousId: followUp.id,
      outcomeContactId: null,
    });
  }
};

const cancelFollowUp: Mutator<'followUp.cancel'> = async (ctx, { id, reason }) => {
  const followUp = await openFollowUp(ctx, id, 'cancelled');
  await ctx.store.put('followUp', { ...followUp, state: 'cancelled', cancelReason: reason, remindAt: null });
};

/**
 * A survey is recorded for a contact by whoever handled it or a supervisor of
 * its team; its id stays with that contact. An answer, once in, is the
 * customer's: only a supervisor corrects it.
 */
const recordSurvey: Mutator<'survey.record'> = async (ctx, args) => {
  const contact = await need(ctx, 'contact', args.contactId, 'contact');
  const existing = await ctx.store.get('survey', args.id);
  if (existing && existing.contactId !== contact.id) throw await surveyOfAnotherContact(ctx, existing);
  await requireSurveyRights(ctx, contact);
  if (existing?.status === 'answered') {
    const same = existing.status === args.status && existing.csat === args.csat && existing.nps === args.nps && existing.comment === args.comment;
    if (same) return;
    if (!(await supervisesContact(ctx, contact))) throw new DomainError('forbidden', 'This survey was already answered: only a supervisor of your team can correct it.');
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
    at: ctx.now,
  });
};

/** A person sets their own presence; the work moves it too (claim, end, wrap-up). */
const setPresence: Mutator<'presence.set'> = async (ctx, { presence }) => {
  await setOwnPresence(ctx, presence);
};

const saveScript: Mutator<'script.save'> = async (ctx, args) => {
  requireSupervisor(ctx.actor, 'edit scripts');
  const versions = await ctx.store.scriptVersions(args.scriptId);
  const draft = versions.find((version) => version.status === 'draft');
  const version = draft?.version ?? Math.max(0, ...versions.map((v) => v.version)) + 1;
  await ctx.store.put('script', {
    id: scriptVersionId(args.scriptId, version),
    scriptId: args.scriptId,
    version,
    status: 'draft',
    name: args.name,
    description: args.description,
    topics: args.topics,
    stages: args.stages,
    updatedAt: ctx.now,
    updatedBy: ctx.actor.userId,
    publishedAt: null,
  });
};

const publishScript: Mutator<'script.publish'> = async (ctx, { scriptId, version }) => {
  requireSupervisor(ctx.actor, 'publish scripts');
  const versions = await ctx.store.scriptVersions(scriptId);
  const target = versions.find((v) => v.version === version);
  if (!target) throw new DomainError('not_found', `Version ${version} of this script does not exist.`);
  if (target.status === 'published') return;
  if (target.status === 'retired') throw new DomainError('invalid_state', `Version ${version} was retired; save a new draft instead.`);
  const problems = validateScript(target);
  for (const [index, step] of target.stages.flatMap((stage) => stage.steps).entries()) {
    for (const articleId of step.articleIds) {
      // A desktop may lack an article another supervisor just wrote; the hub has them all and decides.
      if (!(await ctx.store.get('article', articleId)) && ctx.authoritative) problems.push({ path: `steps[${index}].articleIds`, message: `Step “${step.id}” links to an article that does not exist (${articleId}).` });
    }
  }
  if (problems.length) {
    throw new DomainError('invalid', `Cannot publish “${target.name}”: ${problems.map((problem) => problem.message).join(' ')}`);
  }
  for (const previous of versions) {
    if (previous.status === 'published') await ctx.store.put('script', { ...previous, status: 'retired' });
  }
  await ctx.store.put('script', { ...target, status: 'published', publishedAt: ctx.now });
};

/** Supervisors set targets for their own teams and those teams' queues (admins for any). */
const setTarget: Mutator<'target.set'> = async (ctx, args) => {
  requireSupervisor(ctx.actor, 'set targets');
  const queue = args.scope === 'queue' ? await need(ctx, 'queue', args.scopeId, 'queue') : null;
  const teamId = queue ? queue.teamId : (await need(ctx, 'team', args.scopeId, 'team')).id;
  if (!queue && args.slaSeconds != null) throw new DomainError('invalid', 'An SLA is set per queue, not per team.');
  if (!supervisesTeam(ctx.actor, teamId)) throw new DomainError('forbidden', 'You can set targets for your own teams only.');
  if (queue && args.slaSeconds != null && args.slaSeconds !== queue.slaSeconds) await ctx.store.put('queue', { ...queue, slaSeconds: args.slaSeconds });
  const id = targetId(args.scope, args.scopeId);
  const current = await ctx.store.get('target', id);
  const pick = <K extends 'ahtSeconds' | 'csat' | 'fcr' | 'serviceLevel' | 'slaSeconds'>(key: K) => (args[key] === undefined ? (current?.[key] ?? null) : args[key]);
  await ctx.store.put('target', {
    id,
    scope: args.scope,
    scopeId: args.scopeId,
    ahtSeconds: pick('ahtSeconds'),
    csat: pick('csat'),
    fcr: pick('fcr'),
    serviceLevel: pick('serviceLevel'),
    slaSeconds: pick('slaSeconds'),
    updatedAt: ctx.now,
    updatedBy: ctx.actor.userId,
  });
};

const saveArticle: Mutator<'article.save'> = async (ctx, args) => {
  requireSupervisor(ctx.actor, 'write knowledge articles');
  const current = await ctx.store.get('article', args.id);
  await ctx.store.put('article', { ...args, archived: current?.archived ?? false, updatedAt: ctx.now, updatedBy: ctx.actor.userId });
};

const archiveArticle: Mutator<'article.archive'> = async (ctx, { id, archived }) => {
  requireSupervisor(ctx.actor, 'archive knowledge articles');
  const article = await need(ctx, 'article', id, 'article');
  if (article.archived === archived) return;
  await ctx.store.put('article', { ...article, archived, updatedAt: ctx.now, updatedBy: ctx.actor.userId });
};

/** Every team named exists (on the hub; a desktop may not have synced a team just made). */
async function requireTeams(ctx: MutationContext, teamIds: readonly string[]): Promise<void> {
  if (!ctx.authoritative) return;
  for (const teamId of teamIds) await need(ctx, 'team', teamId, 'team');
}

function validUser(row: unknown): User {
  const parsed = UserSchema.safeParse(row);
  if (!parsed.success) throw new DomainError('invalid', parsed.error.issues[0]?.message ?? 'Invalid person.');
  return parsed.data;
}

const createUser: Mutator<'user.create'> = async (ctx, args) => {
  requireAdmin(ctx.actor, 'add people');
  const existing = await ctx.store.get('user', args.id);
  if (existing) {
    if (existing.username === args.username) return;
    throw new DomainError('invalid', 'A different person already has this id.');
  }
  const holder = await ctx.store.usernameHolder(args.username);
  if (holder !== null && holder !== args.id) throw new DomainError('invalid', `The user name “${args.username}” is taken: choose another.`);
  await requireTeams(ctx, args.teamIds);
  await ctx.store.put('user', validUser(newUser({ ...args, teamIds: [...new Set(args.teamIds)] })));
  await ctx.store.put('presence', newPresence(args.id, ctx.now));
};

const updateUser: Mutator<'user.update'> = async (ctx, { userId, ...patch }) => {
  requireAdmin(ctx.actor, 'change people');
  const user = await need(ctx, 'user', userId, 'person');
  if (userId === ctx.actor.userId) {
    if (patch.disabled === true) throw new DomainError('forbidden', 'You cannot disable your own account: another administrator has to.');
    if (patch.role !== undefined && patch.role !== 'admin') throw new DomainError('forbidden', 'You cannot take away your own administrator role: another administrator has to.');
  }
  if (patch.teamIds) await requireTeams(ctx, patch.teamIds.filter((team) => !user.teamIds.includes(team)));
  const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<User>;
  const next = validUser({ ...user, ...defined, teamIds: patch.teamIds ? [...new Set(patch.teamIds)] : user.teamIds });
  if (JSON.stringify(next) === JSON.stringify(user)) return;
  await ctx.store.put('user', next);
  if (next.disabled && !user.disabled) {
    // Someone switched off is offline at once: nothing is offered to them. An admin's desktop may not hold
    // their presence (it syncs to their team's supervisors); the hub has it.
    const presence = await ctx.store.get('presence', userId);
    if (presence?.presence !== 'offline' && (presence || ctx.authoritative)) {
      await ctx.store.put('presence', presenceMoved(presence ?? newPresence(userId, ctx.now), 'offline', ctx.now));
    }
  }
};

const saveTeam: Mutator<'team.save'> = async (ctx, { id, name }) => {
  requireAdmin(ctx.actor, 'make or rename teams');
  const team = await ctx.store.get('team', id);
  if (team?.name === name) return;
  await ctx.store.put('team', { id, name });
};

const saveQueue: Mutator<'queue.save'> = async (ctx, args) => {
  requireAdmin(ctx.actor, 'make or change queues');
  await requireTeams(ctx, [args.teamId]);
  const parsed = QueueSchema.safeParse({ ...args, channels: [...new Set(args.channels)] });
  if (!parsed.success) throw new DomainError('invalid', parsed.error.issues[0]?.message ?? 'Invalid queue.');
  const current = await ctx.store.get('queue', args.id);
  if (current && JSON.stringify(current) === JSON.stringify(parsed.data)) return;
  await ctx.store.put('queue', parsed.data);
};

export const mutators: { [N in MutationName]: Mutator<N> } = {
  'contact.claim': claim,
  'contact.release': release,
  'contact.decline': decline,
  'contact.endConversation': endConversation,
  'contact.addNote': addNote,
  'contact.reply': reply,
  'contact.wrapUp': wrapUp,
  'customer.update': updateCustomer,
  'followUp.schedule': scheduleFollowUp,
  'followUp.reschedule': rescheduleFollowUp,
  'followUp.snooze': snoozeFollowUp,
  'followUp.reassign': reassignFollowUp,
  'followUp.complete': completeFollowUp,
  'followUp.cancel': cancelFollowUp,
  'survey.record': recordSurvey,
  'presence.set': setPresence,
  'script.save': saveScript,
  'script.publish': publishScript,
  'target.set': setTarget,
  'article.save': saveArticle,
  'article.archive': archiveArticle,
  'user.create': createUser,
  'user.update': updateUser,
  'team.save': saveTeam,
  'queue.save': saveQueue,
};

/** Validates a mutation's arguments; throws a ZodError with what is wrong. */
export function parseMutationArgs<N extends MutationName>(name: N, args: unknown): MutationArgs<N> {
  return mutationArgs[name].parse(args) as MutationArgs<N>;
}

/** Runs one mutation's rules against a store. Throws DomainError when the domain refuses it. */
export async function runMutator<N extends MutationName>(ctx: MutationContext, name: N, args: MutationArgs<N>): Promise<void> {
  await (mutators[name] as Mutator<N>)(ctx, args);
}
