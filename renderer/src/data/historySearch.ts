/**
 * History search for the screens: the index lives in its own worker
 * (renderer/src/search/search.worker.ts), started with the person's local
 * database and kept current from the change notices. Every answer may be null:
 * the index is not ready yet (first use on this desktop, the first sync still
 * running, or being rebuilt), and the screen then searches the cache itself
 * as it did before.
 */
import { useEffect, useRef, useState } from 'react';
import { create } from 'zustand';
import type { HistorySearchState } from '@core/search/engine';
import { indexAnswers, isPhoneQuery } from '@core/search/text';
import type { FromSearchWorker, ToSearchWorker } from '../search/messages';

interface SearchWorkerState {
  state: HistorySearchState;
  /** While building: rows read so far, of how many. */
  loaded: number;
  total: number;
  /** Bumped whenever the index changes: answers are asked for again. */
  revision: number;
}

export const useHistorySearchState = create<SearchWorkerState>(() => ({ state: 'waiting', loaded: 0, total: 0, revision: 0 }));

let worker: Worker | null = null;
let nextRequest = 1;
const pending = new Map<number, (ids: string[] | null) => void>();

function send(message: ToSearchWorker): void {
  worker?.postMessage(message);
}

/** Starts the search worker on the person's local database (signing in). */
export function startHistorySearch(dbName: string): void {
  stopHistorySearch();
  if (typeof Worker === 'undefined') return;
  worker = new Worker(new URL('../search/search.worker.ts', import.meta.url), { type: 'module', name: 'agentdesk-search' });
  worker.onmessage = (event: MessageEvent<FromSearchWorker>) => {
    const message = event.data;
    if (message.type === 'state') useHistorySearchState.setState({ state: message.state, loaded: message.loaded, total: message.total });
    else if (message.type === 'changed') useHistorySearchState.setState((state) => ({ revision: state.revision + 1 }));
    else if (message.type === 'answer') {
      pending.get(message.requestId)?.(message.ids);
      pending.delete(message.requestId);
    }
  };
  useHistorySearchState.setState({ state: 'waiting', loaded: 0, total: 0 });
  send({ type: 'open', dbName });
}

/** Stops it (signing out); searches answer null until it starts again. */
export function stopHistorySearch(): void {
  worker?.terminate();
  worker = null;
  for (const resolve of pending.values()) resolve(null);
  pending.clear();
}

function ask(message: ToSearchWorker & { requestId: number }): Promise<string[] | null> {
  if (!worker) return Promise.resolve(null);
  return new Promise((resolve) => {
    pending.set(message.requestId, resolve);
    send(message);
  });
}

/** Contacts matching the query: every match of one customer's, or the best `limit` of all cached history. Null: not ready. */
export function searchHistory(query: string, options: { customerId?: string; limit?: number } = {}): Promise<string[] | null> {
  return ask({ type: 'history', requestId: nextRequest++, query, ...options });
}

/** Customers matching the query by name, company, email, phone digits or tag. Null: not ready. */
export function searchCustomers(query: string, limit?: number): Promise<string[] | null> {
  return ask({ type: 'customers', requestId: nextRequest++, query, limit });
}

/** An answer, and a key that changes with every answer (for live queries to depend on). */
export interface IndexAnswer {
  ids: string[];
  key: number;
}

let nextAnswer = 1;

/**
 * The index's answer to a search, asked again when the query or the index
 * changes. Null when there is nothing to ask (an empty query, or `skip`) or
 * the index cannot answer yet: the caller searches the cache itself. While a
 * new answer is on its way the last one stays.
 */
function useIndexAnswer(ask_: ((query: string) => Promise<string[] | null>) | null, query: string, scope: string): IndexAnswer | null {
  const revision = useHistorySearchState((state) => state.revision);
  const [answer, setAnswer] = useState<IndexAnswer | null>(null);
  const latest = useRef(0);
  // Until the word being typed is long enough for the index, the caller searches as before.
  const trimmed = indexAnswers(query) ? query.trim() : '';
  useEffect(() => {
    const asked = ++latest.current;
    // Nothing to ask: the answer kept is not shown (see below).
    if (!ask_ || !trimmed) return;
    void ask_(trimmed).then((ids) => {
      if (latest.current === asked) setAnswer(ids ? { ids, key: nextAnswer++ } : null);
    });
    // ask_ is rebuilt every render; what it asks is in `scope`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [trimmed, scope, revision, !ask_]);
  return ask_ && trimmed ? answer : null;
}

/** One customer's contacts matching the query, from the index (null: search the history directly). */
export function useCustomerHistoryMatches(customerId: string, query: string): IndexAnswer | null {
  return useIndexAnswer((text) => searchHistory(text, { customerId }), query, customerId);
}

/** The best `limit` contacts of all cached history matching the query, from the index (null: not ready). */
export function useHistoryMatches(query: string, limit: number): IndexAnswer | null {
  return useIndexAnswer((text) => searchHistory(text, { limit }), query, `all:${limit}`);
}

/** Customers matching the query (all, or the best `limit`), from the index; phone numbers are left to the caller's own matching (null). */
export function useCustomerMatches(query: string, limit = Number.MAX_SAFE_INTEGER): IndexAnswer | null {
  return useIndexAnswer(isPhoneQuery(query) ? null : (text) => searchCustomers(text, limit), query, `customers:${limit}`);
}
