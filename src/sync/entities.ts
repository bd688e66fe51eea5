/**
 * The entities that sync between the hub and the desktops: their schemas,
 * the local table each lives in, and the scope key (if any) a row belongs to.
 * A scope key is a customer's id, `person:<user id>` for a person's own
 * rows (their presence), or `person:<user id>:inbox` for what only they see
 * (their notifications). A row with a key syncs to everyone who holds that key
 * in scope; rows with none (the directory, scripts) sync to everyone.
 */
import type { z } from 'zod';
import {
  ContactSchema,
  CustomerSchema,
  FollowUpSchema,
  QueueItemSchema,
  QueueSchema,
  ScriptSchema,
  SurveyResponseSchema,
  TargetSchema,
  ArticleSchema,
  TeamSchema,
  UserSchema,
  PresenceRowSchema,
  NotificationSchema,
  type User,
} from '../domain/model';

export const ENTITY_NAMES = ['customer', 'contact', 'queueItem', 'followUp', 'survey', 'script', 'user', 'team', 'queue', 'target', 'article', 'presence', 'notification'] as const;
export type EntityName = (typeof ENTITY_NAMES)[number];

const PERSON_SCOPE_PREFIX = 'person:';

/**
 * The scope key of a person's own rows. Held by the person and by the
 * supervisors and admins who share a team with them; no customer's id looks
 * like one (the hub refuses such ids).
 */
export function personScopeKey(userId: string): string {
  return `${PERSON_SCOPE_PREFIX}${userId}`;
}

export function isPersonScopeKey(key: string): boolean {
  return key.startsWith(PERSON_SCOPE_PREFIX);
}

/** The scope key of what is for a person's eyes only (their notifications): held by the person alone. */
export function inboxScopeKey(userId: string): string {
  return `${personScopeKey(userId)}:inbox`;
}

/** Entities whose rows belong to a person's key rather than a customer's. */
export const PERSONAL_ENTITIES: ReadonlySet<EntityName> = new Set(['presence', 'notification']);

/** Whose desktops hold a person's key: the person, and the supervisors and admins who share a team with them. */
export function personKeyHolders(person: Pick<User, 'id' | 'teamIds'>, people: readonly Pick<User, 'id' | 'role' | 'teamIds'>[]): string[] {
  const supervisors = people.filter(
    (other) => other.id !== person.id && (other.role === 'supervisor' || other.role === 'admin') && other.teamIds.some((team) => person.teamIds.includes(team)),
  );
  return [person.id, ...supervisors.map((other) => other.id)];
}

interface EntityDef<S extends z.ZodType> {
  schema: S;
  /** The local (Dexie) table. */
  table: string;
  /** The scope key a row belongs to (a customer's id, or a person's key); null for rows everyone syncs. */
  customerOf: ((row: z.output<S>) => string) | null;
}

function def<S extends z.ZodType>(entity: EntityDef<S>): EntityDef<S> {
  return entity;
}

export const ENTITIES = {
  customer: def({ schema: CustomerSchema, table: 'customers', customerOf: (row) => row.id }),
  contact: def({ schema: ContactSchema, table: 'contacts', customerOf: (row) => row.customerId }),
  queueItem: def({ schema: QueueItemSchema, table: 'queueItems', customerOf: (row) => row.customerId }),
  followUp: def({ schema: FollowUpSchema, table: 'followUps', customerOf: (row) => row.customerId }),
  survey: def({ schema: SurveyResponseSchema, table: 'surveys', customerOf: (row) => row.customerId }),
  script: def({ schema: ScriptSchema, table: 'scripts', customerOf: null }),
  user: def({ schema: UserSchema, table: 'users', customerOf: null }),
  team: def({ schema: TeamSchema, table: 'teams', customerOf: null }),
  queue: def({ schema: QueueSchema, table: 'queues', customerOf: null }),
  target: def({ schema: TargetSchema, table: 'targets', customerOf: null }),
  article: def({ schema: ArticleSchema, table: 'articles', customerOf: null }),
  presence: def({ schema: PresenceRowSchema, table: 'presence', customerOf: (row) => personScopeKey(row.id) }),
  notification: def({ schema: NotificationSchema, table: 'notifications', customerOf: (row) => inboxScopeKey(row.userId) }),
} as const;

export type EntityRow<E extends EntityName> = z.output<(typeof ENTITIES)[E]['schema']>;
export type AnyEntityRow = EntityRow<EntityName>;

export function isEntityName(value: string): value is EntityName {
  return (ENTITY_NAMES as readonly string[]).includes(value);
}

/** The scope key a row belongs to (a customer's id, or `person:<id>`), or null when it syncs to everyone. */
export function customerOfRow<E extends EntityName>(entity: E, row: EntityRow<E>): string | null {
  const customerOf = ENTITIES[entity].customerOf as ((row: EntityRow<E>) => string) | null;
  return customerOf ? customerOf(row) : null;
}

export function parseEntityRow<E extends EntityName>(entity: E, row: unknown): EntityRow<E> {
  return ENTITIES[entity].schema.parse(row) as EntityRow<E>;
}
