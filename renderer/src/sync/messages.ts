/** Messages between the workstation and its sync worker. */
import type { Actor } from '@core/sync/mutations';
import type { SyncStatus } from '@core/sync/engine';

export type ToWorker =
  | { type: 'start'; hubUrl: string; token: string; dbName: string; actor: Actor; language: string }
  /** The person chose another language: the hub is asked to answer in it from now on. */
  | { type: 'language'; language: string }
  | { type: 'kick'; reason: 'mutation' | 'manual' }
  | { type: 'network'; online: boolean }
  /** The cache budget changed: check it soon rather than after the next interval. */
  | { type: 'budget' }
  | { type: 'stop' };

export type FromWorker = { type: 'status'; status: SyncStatus } | { type: 'unauthorized' } | { type: 'stopped' };
