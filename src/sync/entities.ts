/**
 * The entities that sync between the hub and the desktops: their schemas,
 * the local table each lives in, and which customer (if any) a row belongs to.
 * A row that belongs to a customer syncs to everyone who has that customer in
 * scope; rows that belong to none (the directory, scripts) sync to everyone.
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
} from '../domain/model';

export const ENTITY_NAMES = ['customer', 'contact', 'queueItem', 'followUp', 'survey', 'script', 'user', 'team', 'queue', 'target', 'article'] as const;
export type EntityName = (typeof ENTITY_NAMES)[number];

interface EntityDef<S extends z.ZodType> {
  schema: S;
  /** The local (Dexie) table. */
  table: string;
  /** The customer a row belongs to; null for rows everyone syncs. */
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
} as const;

export type EntityRow<E extends EntityName> = z.output<(typeof ENTITIES)[E]['schema']>;
export type AnyEntityRow = EntityRow<EntityName>;

export function isEntityName(value: string): value is EntityName {
  return (ENTITY_NAMES as readonly string[]).includes(value);
}

/** The customer a row belongs to, or null when it syncs to everyone. */
export function customerOfRow<E extends EntityName>(entity: E, row: EntityRow<E>): string | null {
  const customerOf = ENTITIES[entity].customerOf as ((row: EntityRow<E>) => string) | null;
  return customerOf ? customerOf(row) : null;
}

export function parseEntityRow<E extends EntityName>(entity: E, row: unknown): EntityRow<E> {
  return ENTITIES[entity].schema.parse(row) as EntityRow<E>;
}
