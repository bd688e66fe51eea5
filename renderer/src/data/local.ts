/**
 * The workstation's local data: the IndexedDB of the signed-in person, the
 * sync worker that fills it, and `run` — the one way the UI changes anything.
 */
import { create } from 'zustand';
import { Dexie, liveQuery } from 'dexie';
import type { StoredSession } from '@core/bridge';
import type { DraftDrop } from '@core/db/drafts';
import { AgentDeskDb, localDbName } from '@core/db/schema';
import type { SyncStatus } from '@core/sync/engine';
import { mutate } from '@core/sync/local';
import type { Actor, MutationInput, MutationName } from '@core/sync/mutations';
import { currentLocale, useLocaleStore } from '../lib/i18n';
import { defineMessage } from '@formatjs/intl';
import { say } from '../state/say';
import type { FromWorker, ToWorker } from '../sync/messages';
import { relayLocalChanges } from './changes';
import { startHistorySearch, stopHistorySearch } from './historySearch';

interface LocalState {
  db: AgentDeskDb | null;
  actor: Actor | null;
  sync: SyncStatus;
  /** What the operating system says about the network. */
  networkOnline: boolean;
}

const INITIAL_SYNC: SyncStatus = { state: 'starting', bootstrap: null, lastSyncedAt: null, error: null, retryAt: null };

export const useLocal = create<LocalState>(() => ({
  db: null,
  actor: null,
  sync: INITIAL_SYNC,
  networkOnline: navigator.onLine,
}));

let worker: Worker | null = null;
let stopRelay: (() => void) | null = null;
let onUnauthorized: (() => void) | null = null;

function send(message: ToWorker): void {
  worker?.postMessage(message);
}

// The sync worker asks the hub to answer in the person's language, the one chosen a moment ago included.
useLocaleStore.subscribe((state, previous) => {
  if (state.locale !== previous.locale) send({ type: 'language', language: state.locale });
});

window.addEventListener('online', () => {
  useLocal.setState({ networkOnline: true });
  send({ type: 'network', online: true });
});
window.addEventListener('offline', () => {
  useLocal.setState({ networkOnline: false });
  send({ type: 'network', online: false });
});

/** Opens the person's local database and starts syncing it with the hub. */
export function openLocal(session: StoredSession, options: { onUnauthorized: () => void }): AgentDeskDb {
  void closeLocal();
  const dbName = localDbName(session.hubId, session.user.id);
  const db = new AgentDeskDb(dbName);
  stopRelay?.();
  stopRelay = relayLocalChanges(dbName);
  startHistorySearch(dbName);
  const actor: Actor = { userId: session.user.id, role: session.user.role, teamIds: session.user.teamIds };
  useLocal.setState({ db, actor, sync: INITIAL_SYNC });
  onUnauthorized = options.onUnauthorized;
  worker = new Worker(new URL('../sync/sync.worker.ts', import.meta.url), { type: 'module', name: 'agentdesk-sync' });
  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    const message = event.data;
    if (message.type === 'status') useLocal.setState({ sync: message.status });
    else if (message.type === 'unauthorized') onUnauthorized?.();
  };
  send({ type: 'network', online: navigator.onLine });
  send({ type: 'start', hubUrl: session.hubUrl, token: session.token, dbName, actor, language: currentLocale() });
  markPresent(db, actor.userId);
  return db;
}

/** Signing in makes the agent present but not yet available: "Away" until they choose. Waits for their presence row to sync. */
function markPresent(db: AgentDeskDb, userId: string): void {
  const subscription = liveQuery(() => db.presence.get(userId)).subscribe({
    next: (mine) => {
      if (!mine) return;
      subscription.unsubscribe();
      if (mine.presence === 'offline' && useLocal.getState().db === db) {
        run('presence.set', { presence: 'away' }).catch(() => undefined);
      }
    },
    error: () => subscription.unsubscribe(),
  });
}

/** Stops syncing and closes the local database (it stays on disk). Resolves once the worker has let go of it. */
export function closeLocal(): Promise<void> {
  const closing = worker;
  worker = null;
  stopRelay?.();
  stopRelay = null;
  stopHistorySearch();
  useLocal.getState().db?.close();
  useLocal.setState({ db: null, actor: null, sync: INITIAL_SYNC });
  if (!closing) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      closing.terminate();
      resolve();
    };
    // The worker answers "stopped" once its database is closed; a stuck one is ended anyway.
    const timer = setTimeout(done, 2000);
    closing.onmessage = (event: MessageEvent<FromWorker>) => {
      if (event.data.type === 'stopped') {
        clearTimeout(timer);
        done();
      }
    };
    closing.postMessage({ type: 'stop' } satisfies ToWorker);
  });
}

/**
 * Drafts whose replacing change is being stored: draft key → id of the row the change makes (a note, a reply).
 * A page closing in that moment keeps the draft aside, to be restored only if that row never made it.
 */
export const draftsBeingReplaced = new Map<string, string>();

/** Where a closing page keeps drafts it could not yet write to the database `dbName` (see data/drafts.ts). */
export function unsavedDraftsKey(dbName: string): string {
  return `agentdesk-unsaved-drafts:${dbName}`;
}

/** Deletes a person's local database from this device, drafts included. */
export async function deleteLocal(hubId: string, userId: string): Promise<void> {
  const name = localDbName(hubId, userId);
  await Dexie.delete(name);
  localStorage.removeItem(unsavedDraftsKey(name));
}

/** Tells the worker the cache budget changed, so it checks the cache against it soon. */
export function cacheBudgetChanged(): void {
  send({ type: 'budget' });
}

/** Asks the worker to sync now (the "sync now" button, or after a reconnect). */
export function syncNow(): void {
  send({ type: 'kick', reason: 'manual' });
}

/**
 * Makes a change: applied here at once (visible within a frame), kept in the
 * outbox, and pushed to the hub as soon as it can be. Throws MutationRefused
 * with a message for the person when the change is invalid or not allowed.
 * `drafts` names the drafts the change makes obsolete: they go in the same
 * transaction, so a reload at any moment finds the change or the draft.
 */
export async function run<N extends MutationName>(name: N, args: MutationInput<N>, options: { drafts?: DraftDrop } = {}): Promise<number> {
  const { db, actor } = useLocal.getState();
  if (!db || !actor) throw new Error(say(defineMessage({ id: 'signIn.error.signInFirst', defaultMessage: 'Sign in first.' })));
  const rowId = (args as { id?: unknown }).id;
  const replacing = typeof rowId === 'string' ? (options.drafts?.keys ?? []) : [];
  for (const key of replacing) draftsBeingReplaced.set(key, rowId as string);
  try {
    const id = await mutate(db, actor, name, args, Date.now(), options);
    send({ type: 'kick', reason: 'mutation' });
    return id;
  } finally {
    for (const key of replacing) if (draftsBeingReplaced.get(key) === rowId) draftsBeingReplaced.delete(key);
  }
}

/** Waits for a change made with `run`: null when it was taken, else the refusal's message (for a form to show). */
export async function refusalOf(change: Promise<unknown>): Promise<string | null> {
  try {
    await change;
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
