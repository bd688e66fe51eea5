/**
 * Committed local writes, told across the app's threads: the UI thread (the
 * agent's own changes) and the sync worker (pulled pages) both post what they
 * changed; views that keep derived state in a worker of their own (the
 * dashboard's aggregates) listen and re-read just those rows.
 */
import { onLocalChanges, type LocalChanges } from '@core/sync/local';

export function changesChannelName(dbName: string): string {
  return `agentdesk-changes:${dbName}`;
}

/** Posts this thread's committed local writes on the database's channel; returns the way to stop. */
export function relayLocalChanges(dbName: string): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(changesChannelName(dbName));
  const off = onLocalChanges((changes: LocalChanges) => channel.postMessage(changes));
  return () => {
    off();
    channel.close();
  };
}
