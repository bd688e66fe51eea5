/**
 * A customer whose older history this desktop evicted to stay within its cache
 * budget (src/sync/eviction.ts) gets it back from the hub when they are opened
 * (src/sync/refetch.ts): the customer screen, screen-pop and the history
 * timeline ask through useEvictedHistory.
 */
import { useCallback, useEffect, useState } from 'react';
import { defineMessages } from '@formatjs/intl';
import type { AgentDeskDb } from '@core/db/schema';
import { HistoryResponseSchema } from '@core/sync/protocol';
import { applyRefetchedHistory } from '@core/sync/refetch';
import { say } from '../state/say';
import { useDb, useLive } from './hooks';
import { hubFetch } from './remote';

const TEXT = defineMessages({
  keptMoving: { id: 'customer.evicted.keptMoving', defaultMessage: 'The history kept changing while it was fetched. Try again.' },
  otherHub: { id: 'customer.evicted.otherHub', defaultMessage: 'This desktop now syncs with another hub.' },
});

/** How often an answer older than what this desktop has applied is asked for again. */
const ATTEMPTS = 3;

/** Fetches a customer's evicted history back and clears their mark. */
export async function fetchEvictedHistory(db: AgentDeskDb, customerId: string): Promise<void> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const answer = HistoryResponseSchema.parse(await hubFetch('/sync/history', { method: 'POST', body: JSON.stringify({ customerIds: [customerId] }) }));
    const outcome = await applyRefetchedHistory(db, [customerId], answer);
    if (outcome.kind === 'applied') return;
    if (outcome.kind === 'otherHub') throw new Error(say(TEXT.otherHub));
  }
  throw new Error(say(TEXT.keptMoving));
}

/** One fetch per customer at a time, however many views ask. */
const inFlight = new Map<string, Promise<void>>();

function fetchOnce(db: AgentDeskDb, customerId: string): Promise<void> {
  let running = inFlight.get(customerId);
  if (!running) {
    running = fetchEvictedHistory(db, customerId).finally(() => inFlight.delete(customerId));
    inFlight.set(customerId, running);
  }
  return running;
}

export type EvictedHistoryState = { state: 'complete' } | { state: 'fetching' } | { state: 'failed'; error: string; retry: () => void };

/** Whether this customer's older history is on the hub only; while it is, it is fetched back (once, or again on retry). */
export function useEvictedHistory(customerId: string): EvictedHistoryState {
  const db = useDb();
  const evicted = useLive(async (local) => (await local.evictions.get(customerId)) !== undefined, [customerId], false);
  const [failure, setFailure] = useState<{ customerId: string; error: string } | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!db || !evicted) return;
    let current = true;
    fetchOnce(db, customerId).then(
      () => current && setFailure(null),
      (error: unknown) => current && setFailure({ customerId, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [db, evicted, customerId, attempt]);
  const retry = useCallback(() => {
    setFailure(null);
    setAttempt((n) => n + 1);
  }, []);
  if (!evicted) return { state: 'complete' };
  if (failure && failure.customerId === customerId) return { state: 'failed', error: failure.error, retry };
  return { state: 'fetching' };
}
