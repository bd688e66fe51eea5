import type { StorageKind } from '@core/hub-api';

/** Something SQL can be sent to: the storage itself, or an open transaction. */
export interface Queryable {
  query: <T extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]) => Promise<T[]>;
  /** Runs one or more statements without parameters (migrations). */
  exec: (sql: string) => Promise<void>;
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
  close: () => Promise<void>;
}
