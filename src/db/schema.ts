/**
 * The desktop's local store (IndexedDB through Dexie). The renderer reads
 * only from here; the sync engine writes pulled rows here; every local change
 * is an optimistic write plus an outbox row in one transaction.
 *
 * Indexes are few and chosen for the reads the UI makes (IndexedDB pays for
 * every index on every write):
 *   contacts   [customerId+at]  a customer's timeline, newest first
 *   queueItems [state+slaDueAt] the waiting queue by SLA; assigneeId: my work; [offeredTo+state]: my offers
 *   followUps  [ownerId+dueAt]  my agenda; customerId: a customer's follow-ups
 *   customers  *phones, *emails screen-pop lookups; lastName: the list
 *
 * Versions are numbered and only ever added: a released version's stores and
 * upgrade function never change.
 */
import { Dexie, type DexieOptions, type Table, type Transaction } from 'dexie';
import type { EntityName, EntityRow } from '../sync/entities';
import type { DraftRow } from './drafts';
import type { SearchSegment } from '../search/history-index';
import type { Mutation, RejectionCode } from '../sync/protocol';
import { DEFAULT_FOLLOW_UP_CAPACITY, DEFAULT_WORKING_HOURS } from '../domain/model';

/** A cached row: the entity plus the hub version it came with (0 while it exists only on this desktop). */
export type LocalRow<E extends EntityName> = EntityRow<E> & { _v: number };

/** A change waiting to reach the hub. */
export type OutboxRow = Mutation;

/** The hub's copy of a row that a pending mutation changed on this desktop (null: the row did not exist). */
export interface ShadowRow {
  entity: EntityName;
  id: string;
  base: (Record<string, unknown> & { _v: number }) | null;
}

/** A change the hub refused, kept until the agent has seen it. */
export interface RejectionRow {
  /** The mutation id. */
  id: number;
  name: string;
  code: RejectionCode;
  /** British English: what older hubs send, and what shows when the message id is unknown here. */
  message: string;
  /** The message in the catalogue (area `rejection` or `problem`) and its values, to say it in the agent's language. */
  messageId?: string;
  values?: Record<string, string | number>;
  /** When the agent made the change. */
  madeAt: number;
  /** When the refusal reached this desktop. */
  at: number;
  args: unknown;
}

/** A saved part of the history search index (src/search). */
export interface SearchSegmentRow {
  seq?: number;
  segment: SearchSegment;
}

/** Rows a committed write touched after the search index was last saved: re-read on the next start. */
export interface SearchJournalRow {
  seq?: number;
  touched: { contact?: string[]; customer?: string[] };
}

/**
 * A customer whose older history this desktop evicted to stay within its cache budget (src/sync/eviction.ts):
 * it is on the hub only until the customer is opened again (src/sync/refetch.ts).
 */
export interface EvictionRow {
  customerId: string;
  /** When it was evicted (this desktop's clock). */
  at: number;
  /** The latest history entry evicted: everything up to it is on the hub only. */
  through: number;
  /** How many rows went. */
  rows: number;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export const DB_VERSIONS: readonly { version: number; stores: Record<string, string | null>; upgrade?: (tx: Transaction) => Promise<void> }[] = [
  {
    version: 1,
    stores: {
      customers: 'id, lastName, *phones, *emails',
      contacts: 'id, [customerId+at]',
      queueItems: 'id, [state+slaDueAt], assigneeId',
      followUps: 'id, [ownerId+dueAt], customerId',
      surveys: 'id, customerId, contactId',
      scripts: 'id, scriptId',
      users: 'id, username',
      teams: 'id',
      queues: 'id, teamId',
      outbox: 'id',
      shadow: '[entity+id]',
      rejections: 'id',
      meta: 'key',
    },
  },
  {
    // The follow-up planner: open follow-ups by owner and due time (agenda, week, reminders) and the team's (supervisors).
    // Rows cached before it lack the planner's fields; they get their defaults, as the hub's rows have them.
    version: 2,
    stores: {
      followUps: 'id, [ownerId+dueAt], [state+ownerId+dueAt], [state+dueAt], customerId',
    },
    upgrade: async (tx) => {
      await tx
        .table('followUps')
        .toCollection()
        .modify((row: Record<string, unknown>) => {
          for (const field of ['remindAt', 'ruleId', 'previousId', 'outcomeContactId']) if (row[field] === undefined) row[field] = null;
        });
      await tx
        .table('users')
        .toCollection()
        .modify((row: Record<string, unknown>) => {
          row.workingHours ??= DEFAULT_WORKING_HOURS;
          row.followUpCapacity ??= DEFAULT_FOLLOW_UP_CAPACITY;
        });
    },
  },
  {
    // Supervisors' targets and the knowledge base.
    version: 3,
    stores: {
      targets: 'id',
      articles: 'id, kind',
    },
  },
  {
    // A customer's contacts by direction: the profile counts inbound contacts and lists notes
    // (direction "internal") without reading every contact of a long history.
    version: 4,
    stores: {
      contacts: 'id, [customerId+at], [customerId+direction+at]',
    },
  },
  {
    // Administrators disable people: rows cached before have no `disabled`; they get its default, as the hub's rows have it.
    version: 5,
    stores: {
      users: 'id, username',
    },
    upgrade: async (tx) => {
      await tx
        .table('users')
        .toCollection()
        .modify((row: Record<string, unknown>) => {
          row.disabled ??= false;
        });
    },
  },
  {
    // Presence is a row of its own, synced to its owner and their supervisors. Cached people lose the
    // fields it replaces; the hub sends every person's row again without them, and the presence rows.
    version: 6,
    stores: {
      presence: 'id',
    },
    upgrade: async (tx) => {
      await tx
        .table('users')
        .toCollection()
        .modify((row: Record<string, unknown>) => {
          delete row.presence;
          delete row.presenceAt;
          delete row.idleSince;
        });
    },
  },
  {
    // Notifications (mentions, transfers, advice), newest first; a customer's queue items, for merging customers.
    // Queue items and contacts cached before have no hand-over, escalation or mentions: they get the defaults.
    version: 7,
    stores: {
      notifications: 'id, at',
      queueItems: 'id, [state+slaDueAt], assigneeId, customerId',
    },
    upgrade: async (tx) => {
      await tx
        .table('queueItems')
        .toCollection()
        .modify((row: Record<string, unknown>) => {
          row.handoff ??= null;
          row.escalation ??= null;
        });
      await tx
        .table('contacts')
        .toCollection()
        .modify((row: Record<string, unknown>) => {
          row.mentions ??= [];
        });
    },
  },
  {
    // Customers merged into another: rows cached before have no redirect; they get the defaults, as the hub's rows have them.
    version: 8,
    stores: {
      customers: 'id, lastName, *phones, *emails',
    },
    upgrade: async (tx) => {
      await tx
        .table('customers')
        .toCollection()
        .modify((row: Record<string, unknown>) => {
          row.mergedInto ??= null;
          row.merge ??= null;
        });
    },
  },
  {
    // Drafts: what the agent has typed on a contact and not yet sent, kept across reloads and restarts; never synced.
    // By contact, so finishing a contact drops all of its drafts.
    version: 9,
    stores: {
      drafts: 'key, contactId',
    },
  },
  {
    // History search: the index's saved segments, in the order they were taken, and the changes applied to it since
    // the last one (so a restart finds the index as it was, without rebuilding it). Derived from the cache; never synced.
    version: 10,
    stores: {
      searchSegments: '++seq',
      searchJournal: '++seq',
    },
  },
  {
    // The contacts offered to one agent, without reading every waiting item.
    version: 11,
    stores: {
      queueItems: 'id, [state+slaDueAt], assigneeId, customerId, [offeredTo+state]',
    },
  },
  {
    // The cache budget: customers whose older history was evicted and is on the hub only until they are opened again.
    // Local bookkeeping, never synced.
    version: 12,
    stores: {
      evictions: 'customerId',
    },
  },
];

export const ENTITY_TABLES = {
  customer: 'customers',
  contact: 'contacts',
  queueItem: 'queueItems',
  followUp: 'followUps',
  survey: 'surveys',
  script: 'scripts',
  user: 'users',
  team: 'teams',
  queue: 'queues',
  target: 'targets',
  article: 'articles',
  presence: 'presence',
  notification: 'notifications',
} as const satisfies Record<EntityName, string>;

export interface DexieDependencies {
  indexedDB: NonNullable<DexieOptions['indexedDB']>;
  IDBKeyRange: NonNullable<DexieOptions['IDBKeyRange']>;
}

export class AgentDeskDb extends Dexie {
  declare customers: Table<LocalRow<'customer'>, string>;
  declare contacts: Table<LocalRow<'contact'>, string>;
  declare queueItems: Table<LocalRow<'queueItem'>, string>;
  declare followUps: Table<LocalRow<'followUp'>, string>;
  declare surveys: Table<LocalRow<'survey'>, string>;
  declare scripts: Table<LocalRow<'script'>, string>;
  declare users: Table<LocalRow<'user'>, string>;
  declare teams: Table<LocalRow<'team'>, string>;
  declare queues: Table<LocalRow<'queue'>, string>;
  declare targets: Table<LocalRow<'target'>, string>;
  declare articles: Table<LocalRow<'article'>, string>;
  declare presence: Table<LocalRow<'presence'>, string>;
  declare notifications: Table<LocalRow<'notification'>, string>;
  declare outbox: Table<OutboxRow, number>;
  declare shadow: Table<ShadowRow, [string, string]>;
  declare rejections: Table<RejectionRow, number>;
  declare meta: Table<MetaRow, string>;
  declare drafts: Table<DraftRow, string>;
  declare searchSegments: Table<SearchSegmentRow, number>;
  declare searchJournal: Table<SearchJournalRow, number>;
  declare evictions: Table<EvictionRow, string>;

  /** `deps` lets tests (and Node) supply an IndexedDB implementation. */
  constructor(name: string, deps?: DexieDependencies) {
    super(name, deps ? { indexedDB: deps.indexedDB, IDBKeyRange: deps.IDBKeyRange } : undefined);
    for (const { version, stores, upgrade } of DB_VERSIONS) {
      const declared = this.version(version).stores(stores);
      if (upgrade) declared.upgrade(upgrade);
    }
    // When the person's data is removed from this device (sign-out), every other open
    // connection (the sync worker, other windows) must stay closed: reopening would
    // quietly create the database again.
    this.on('versionchange', (event: { newVersion: number | null }) => {
      if (!event.newVersion) this.close({ disableAutoOpen: true });
    });
  }

  entityTable<E extends EntityName>(entity: E): Table<LocalRow<E>, string> {
    return this.table<LocalRow<E>, string>(ENTITY_TABLES[entity]);
  }

  /** Every entity table, for transactions that touch them all. */
  entityTables(): Table[] {
    return Object.values(ENTITY_TABLES).map((name) => this.table(name));
  }

  async getMeta<T>(key: string): Promise<T | undefined> {
    return (await this.meta.get(key))?.value as T | undefined;
  }

  async setMeta(key: string, value: unknown): Promise<void> {
    await this.meta.put({ key, value });
  }
}

/** Keys of the meta table. */
export const META = {
  clientId: 'clientId',
  hubId: 'hubId',
  cursor: 'cursor',
  /** The hub's compaction floor when this cache started from scratch. */
  floor: 'floor',
  nextMutationId: 'nextMutationId',
  /** Highest mutation id the hub has acknowledged. */
  pushedThrough: 'pushedThrough',
  lastSyncedAt: 'lastSyncedAt',
  /** True once a first full pull has completed. */
  bootstrapped: 'bootstrapped',
  userId: 'userId',
  /** The cache budget in megabytes (src/sync/cache-budget.ts); absent: the default. */
  cacheBudgetMb: 'cacheBudgetMb',
  /** Customers whose evicted history was fetched back, and when ({ [customerId]: ms }): not evicted again for a while. */
  fetchedBack: 'fetchedBack',
} as const;

/** The local database name for one person on one hub, so people sharing a machine never see each other's cache. */
export function localDbName(hubId: string, userId: string): string {
  return `agentdesk-${hubId}-${userId}`;
}
