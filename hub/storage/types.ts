import type { StorageKind } from '@core/hub-api';

/** Something SQL can be sent to: the storage itself, or an open transaction. */
export interface Queryable {
  query: <T extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]) => Promise<T[]>;
  /** Runs one or more statements without parameters (migrations). */
  exec: (sql: string) => Promise<void>;
  /**
   * Transactions only: the writer says how long it waited for the write lock (and how long it has held it
   * already, when it learns of the lock late), and the storage times how long it is then held (until
   * commit or rollback) for /metrics.
   */
  writeLockTaken?: (waitedMs: number, heldAlreadyMs?: number) => void;
}

/** What a storage reports as it works (the hub's metrics). */
export interface StorageObserver {
  /** A statement was sent: a query or an exec, in a transaction or not. */
  statement(): void;
  transaction(): void;
  /** A transaction took the write lock after waiting `waitedMs` and held it for `heldMs`. */
  writeLock(waitedMs: number, heldMs: number): void;
}

export type PoolName = 'reads' | 'writes';

export interface PoolStatus {
  total: number;
  idle: number;
  waiting: number;
}

/** The storage's connections as they are now (readiness and /metrics). */
export interface StorageStatus {
  /** PostgreSQL's connection pools, for reads and for writes; null on PGlite, which has one in-process connection. */
  pools: Record<PoolName, PoolStatus> | null;
  /** Whether change notifications are heard (PostgreSQL: the LISTEN connection is up; PGlite: always). */
  listening: boolean;
}

export interface Storage extends Queryable {
  readonly kind: StorageKind;
  /**
   * Runs `fn` in one transaction; commits when it resolves, rolls back when it throws.
   * `readOnlySnapshot` reads everything from one snapshot and writes nothing (REPEATABLE READ, READ ONLY on
   * PostgreSQL, begun in the same round trip; PGlite runs one transaction at a time anyway).
   */
  transaction: <T>(fn: (tx: Queryable) => Promise<T>, options?: { readOnlySnapshot?: boolean }) => Promise<T>;
  /**
   * Subscribes to a NOTIFY channel (crosses hub processes on PostgreSQL). Returns an unsubscribe.
   * `onReconnect` runs when listening resumes after a lost connection: notifications may have been missed.
   */
  listen: (channel: string, onPayload: (payload: string) => void, onReconnect?: () => void) => Promise<() => Promise<void>>;
  notify: (channel: string, payload: string) => Promise<void>;
  status: () => StorageStatus;
  close: () => Promise<void>;
}
