/** Messages between the workstation and the history search worker, which keeps the search index off the UI thread. */
import type { HistorySearchState } from '@core/search/engine';

export type ToSearchWorker =
  | { type: 'open'; dbName: string }
  /** Contacts matching the query: of one customer (every match), or of everyone (the best `limit`). */
  | { type: 'history'; requestId: number; query: string; customerId?: string; limit?: number }
  /** Customers matching the query (not merged into another). */
  | { type: 'customers'; requestId: number; query: string; limit?: number }
  | { type: 'close' };

export type FromSearchWorker =
  /** Where the index is: waiting (not asked for yet, or the first sync has not finished), building (rows read so far), ready. */
  | { type: 'state'; state: HistorySearchState; loaded: number; total: number }
  /** The index changed (local writes or pulled rows): answers given before may be out of date. */
  | { type: 'changed' }
  /** The ids found; null: the index cannot answer yet (the asker searches the cache itself). */
  | { type: 'answer'; requestId: number; ids: string[] | null }
  | { type: 'error'; message: string };
