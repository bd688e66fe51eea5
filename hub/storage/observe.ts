import type { StorageObserver } from './types';

/**
 * Runs a transaction for a storage driver, counting it and timing the write
 * lock: `run` gets the `writeLockTaken` its transaction's Queryable offers,
 * and the hold ends when `run` settles (after COMMIT or ROLLBACK).
 */
export async function observeTransaction<T>(
  observer: StorageObserver | undefined,
  run: (writeLockTaken?: (waitedMs: number, heldAlreadyMs?: number) => void) => Promise<T>,
): Promise<T> {
  if (!observer) return run();
  observer.transaction();
  let waited: number | null = null;
  let since = 0;
  try {
    return await run((waitedMs, heldAlreadyMs = 0) => {
      waited = waitedMs;
      since = performance.now() - heldAlreadyMs;
    });
  } finally {
    if (waited !== null) observer.writeLock(waited, performance.now() - since);
  }
}
