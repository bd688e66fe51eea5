/**
 * The sync protocol between desktops and the hub. Both sides import this file:
 * the hub validates every request with it, the desktop every response.
 *
 *   POST /sync/push    {clientId, schemaVersion, mutations:[{id, name, args, at}]}
 *   GET  /sync/pull    ?clientId&cursor[&hubId][&since][&limit]
 *   GET  /sync/events  server-sent events: the rows that change in scope as they do, or a hint to pull now
 *   POST /sync/scope   {customerIds}: fetch other customers' histories on demand
 *   POST /sync/history {customerIds}: the rows of customers in scope, for a desktop that evicted their history
 */
import { z } from 'zod';
import { EpochMsSchema, IdSchema } from '../domain/common';
import { ENTITY_NAMES } from './entities';

/**
 * Bumped when push or pull change incompatibly; the hub refuses pushes from
 * clients it does not speak. 2: presence is its own entity, no longer a field
 * of the user row (a desktop of protocol 1 cannot read either).
 */
export const PROTOCOL_VERSION = 2;

/** Most mutations one push may carry. */
export const MAX_PUSH_MUTATIONS = 100;
/** Rows per pull page unless the client asks for fewer (or more, up to MAX_PULL_LIMIT). */
export const DEFAULT_PULL_LIMIT = 1000;
export const MAX_PULL_LIMIT = 5000;

export const ClientIdSchema = z.uuid('clientId must be a UUID');

export const MutationNameSchema = z.string().min(1).max(60);

/** One change a desktop made, as it travels in a push. `id` increases by one per client. */
export const MutationSchema = z
  .object({
    id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
    name: MutationNameSchema,
    args: z.unknown(),
    /** When the agent made it, by the desktop's clock. */
    at: EpochMsSchema,
  })
  .strict();
export type Mutation = z.infer<typeof MutationSchema>;

export const PushRequestSchema = z
  .object({
    clientId: ClientIdSchema,
    schemaVersion: z.number().int().positive(),
    mutations: z.array(MutationSchema).min(1, 'a push carries at least one mutation').max(MAX_PUSH_MUTATIONS),
  })
  .strict();
export type PushRequest = z.infer<typeof PushRequestSchema>;

export const REJECTION_CODES = [
  'not_found',
  'forbidden',
  'already_claimed',
  'offered_elsewhere',
  'not_assignee',
  'invalid_state',
  'already_completed',
  'invalid',
  /** The person a contact was handed to cannot take it now (offline, away, on another contact, switched off). */
  'unavailable',
  /** The hub failed unexpectedly on this change (a bug, bad stored data): refused so later changes still go through. */
  'internal',
] as const;
export const RejectionCodeSchema = z.enum(REJECTION_CODES);
export type RejectionCode = z.infer<typeof RejectionCodeSchema>;

/** As received from a hub: a code this desktop does not know yet (a newer hub) reads as invalid rather than failing the whole push or pull. */
const ReceivedRejectionCodeSchema = RejectionCodeSchema.catch('invalid');

/** The values a message's placeholders take (names, numbers): a few, and short. */
export const MessageValuesSchema = z
  .record(z.string().max(64), z.union([z.string().max(4000), z.number()]))
  .refine((values) => Object.keys(values).length <= 20, 'a message carries at most 20 values');

/**
 * A rejection's message for people: `messageId` and `values` let a desktop say
 * it in the agent's language; `message` is the British English, for older
 * desktops and API callers. Received from a hub, a message id or values this
 * desktop cannot read are dropped (it shows `message`) rather than failing the sync.
 */
const RejectionMessageFields = {
  message: z.string(),
  messageId: z.string().max(200).optional().catch(undefined),
  values: MessageValuesSchema.optional().catch(undefined),
};

export const MutationResultSchema = z.discriminatedUnion('status', [
  z.object({ id: z.number().int().positive(), status: z.literal('applied') }),
  z.object({ id: z.number().int().positive(), status: z.literal('rejected'), code: ReceivedRejectionCodeSchema, ...RejectionMessageFields }),
]);
export type MutationResult = z.infer<typeof MutationResultSchema>;

export const PushResponseSchema = z.object({
  lastMutationId: z.number().int().nonnegative(),
  results: z.array(MutationResultSchema),
  /**
   * When the push wrote anything: the version through which its effects are
   * sent on the event stream. A desktop whose stream is open need not pull to
   * see them; once its cursor reaches this version the push is acknowledged.
   */
  version: z.number().int().nonnegative().optional(),
});
export type PushResponse = z.infer<typeof PushResponseSchema>;

/** Query string of a pull (all strings on the wire). */
export const PullQuerySchema = z
  .object({
    clientId: ClientIdSchema,
    cursor: z.coerce.number().int().nonnegative(),
    /** The hub this cursor came from; another hub's cursor means nothing here. */
    hubId: z.string().min(1).max(64).optional(),
    /** Lowest mutation id the client still has pending: rejections from there on are returned. */
    since: z.coerce.number().int().nonnegative().optional(),
    limit: z.coerce.number().int().min(1).max(MAX_PULL_LIMIT).optional(),
    /** The hub's compaction floor when this desktop started pulling from 0 (see PullResponse.floor). */
    floor: z.coerce.number().int().nonnegative().optional(),
  })
  .strict();
export type PullQuery = z.infer<typeof PullQuerySchema>;

export const EntityNameSchema = z.enum(ENTITY_NAMES);

/** A row as it travels: validated against its entity's schema when applied. */
export const ChangeSchema = z.discriminatedUnion('op', [
  z.object({
    op: z.literal('put'),
    entity: EntityNameSchema,
    id: IdSchema,
    version: z.number().int().positive(),
    row: z.record(z.string(), z.unknown()),
  }),
  z.object({ op: z.literal('delete'), entity: EntityNameSchema, id: IdSchema, version: z.number().int().positive() }),
]);
export type Change = z.infer<typeof ChangeSchema>;

export const RejectionSchema = z.object({
  id: z.number().int().positive(),
  name: MutationNameSchema,
  code: ReceivedRejectionCodeSchema,
  ...RejectionMessageFields,
});
export type Rejection = z.infer<typeof RejectionSchema>;

export const PullResponseSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('changes'),
    hubId: z.string(),
    /** Everything in scope up to this version has been sent (on the last page, the hub's committed head). */
    cursor: z.number().int().nonnegative(),
    hasMore: z.boolean(),
    /** The highest of this client's mutations the hub has taken (applied or rejected). */
    lastMutationId: z.number().int().nonnegative(),
    changes: z.array(ChangeSchema),
    /** This client's rejected mutations with id ≥ `since`. */
    rejected: z.array(RejectionSchema),
    /**
     * The hub's compaction floor: deletions older than this are forgotten. A
     * desktop sends it back; when the floor has moved past its cursor since,
     * it may hold rows whose deletion it missed, and is reset.
     */
    floor: z.number().int().nonnegative(),
    /** On a first pull (cursor 0): about how many rows the whole bootstrap will bring. */
    estimate: z.number().int().nonnegative().optional(),
  }),
  z.object({
    kind: z.literal('reset'),
    hubId: z.string(),
    /** Why the cursor cannot be used: the desktop drops its cached rows (never its outbox) and pulls from 0. */
    reason: z.string(),
  }),
]);
export type PullResponse = z.infer<typeof PullResponseSchema>;

/**
 * GET /sync/essentials: what a person needs to start working, sent first on a
 * new device so the queue is usable at once: the directory and scripts, their
 * own presence, the open contacts in their queues (with each contact and
 * customer) and their open follow-ups (with each customer). The full pull
 * follows and brings these rows again, with everything else.
 */
export const EssentialsResponseSchema = z.object({
  hubId: z.string(),
  changes: z.array(ChangeSchema),
});
export type EssentialsResponse = z.infer<typeof EssentialsResponseSchema>;

export const ScopeRequestSchema = z.object({ customerIds: z.array(IdSchema).min(1).max(200) }).strict();
export type ScopeRequest = z.infer<typeof ScopeRequestSchema>;

/** POST /sync/history: customers (in the caller's scope) whose history this desktop evicted and wants back. */
export const HistoryRequestSchema = z.object({ customerIds: z.array(IdSchema).min(1).max(50) }).strict();
export type HistoryRequest = z.infer<typeof HistoryRequestSchema>;

export const HistoryResponseSchema = z.object({
  hubId: z.string(),
  /** The rows are as of this version: every write up to it is in them and none after. */
  head: z.number().int().nonnegative(),
  /** Every row of these customers (the customer, contacts, queue items, follow-ups, surveys), as pull sends them. */
  changes: z.array(ChangeSchema),
});
export type HistoryResponse = z.infer<typeof HistoryResponseSchema>;

/** The event stream's "pull now": something changed that is not sent on the stream. */
export const POKE_EVENT = 'poke';
/** The event stream's rows: what changed in the person's scope, sent as it happens (streams opened with `?changes=1`). */
export const CHANGES_EVENT = 'changes';

/** GET /sync/events query: `changes=1` asks for `changes` events (a desktop that does not gets a poke for each). */
export const EventsQuerySchema = z.object({ changes: z.enum(['0', '1']).optional() }).strict();

/**
 * A `changes` event: every row in the person's scope with a version in
 * (after, to]. A desktop whose cursor is at least `after` applies those above
 * its cursor and moves its cursor to `to`; one behind `after` pulls instead.
 */
export const DeliverySchema = z.object({
  hubId: z.string(),
  after: z.number().int().nonnegative(),
  to: z.number().int().nonnegative(),
  changes: z.array(ChangeSchema),
});
export type Delivery = z.infer<typeof DeliverySchema>;
