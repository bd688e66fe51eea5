/**
 * What the agent has done so far on one contact (draft reply, script progress, promise, gesture, the half-filled
 * wrap-up): held here while they move around the app, and kept as drafts in the local database so a reload, a crash
 * or a restart gives it back. Read from the database when the contact opens; written (debounced) as it changes.
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { draftKeys, TextDraftSchema, WorkDraftSchema, WrapUpDraftSchema, type ScriptProgress, type WrapUpDraft } from '@core/db/drafts';
import type { ContactPromise, Gesture } from '@core/domain/model';
import { cancelContactDrafts, discardContactDrafts, draftValue, flushDrafts, loadDrafts, saveDraft, takeDraft } from '../../data/drafts';
import { useLocal } from '../../data/local';

export type { ScriptProgress };

export interface WorkspaceState {
  draft: string;
  promise: ContactPromise | null;
  gesture: Gesture | null;
  script: ScriptProgress | null;
  wrapUp: WrapUpDraft | null;
}

const EMPTY: WorkspaceState = { draft: '', promise: null, gesture: null, script: null, wrapUp: null };

interface Store {
  byContact: Record<string, WorkspaceState>;
  /** Contacts whose drafts have been read back this session. */
  loaded: Record<string, true>;
  /** Contacts that opened with drafts from an earlier session. */
  restored: Record<string, true>;
  /** Contacts finished or handed on: late changes from screens still on their way out are not kept. */
  closed: Record<string, true>;
  update: (contactId: string, patch: Partial<WorkspaceState>) => void;
  /** Forgets the contact's work here; its stored drafts were dropped with the change that finished it. */
  clear: (contactId: string) => void;
}

/** Ticks are what make script progress worth keeping: a script merely shown is not a draft. */
function workOf(state: WorkspaceState) {
  const empty = !state.promise && !state.gesture && !state.script?.done.length;
  return empty ? null : { promise: state.promise, gesture: state.gesture, script: state.script };
}

function persist(contactId: string, patch: Partial<WorkspaceState>, next: WorkspaceState): void {
  if ('draft' in patch) saveDraft(draftKeys.reply(contactId), contactId, next.draft || null);
  if ('promise' in patch || 'gesture' in patch || 'script' in patch) saveDraft(draftKeys.work(contactId), contactId, workOf(next));
  if ('wrapUp' in patch) saveDraft(draftKeys.wrapUp(contactId), contactId, next.wrapUp);
}

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  const next = { ...record };
  delete next[key];
  return next;
}

export const useWorkspaces = create<Store>((set, get) => ({
  byContact: {},
  loaded: {},
  restored: {},
  closed: {},
  update: (contactId, patch) => {
    if (get().closed[contactId]) return;
    const next = { ...(get().byContact[contactId] ?? EMPTY), ...patch };
    set((state) => ({ byContact: { ...state.byContact, [contactId]: next } }));
    persist(contactId, patch, next);
  },
  clear: (contactId) => {
    cancelContactDrafts(contactId);
    set((state) => ({
      byContact: without(state.byContact, contactId),
      loaded: without(state.loaded, contactId),
      restored: without(state.restored, contactId),
      closed: { ...state.closed, [contactId]: true },
    }));
  },
}));

/** Reads the contact's drafts into the workspace, once a session (after that, the workspace is the newer copy). */
async function openWorkspace(contactId: string): Promise<void> {
  const db = useLocal.getState().db;
  if (!db) return;
  useWorkspaces.setState((state) => ({ closed: without(state.closed, contactId) }));
  if (useWorkspaces.getState().loaded[contactId]) return;
  const keys = { reply: draftKeys.reply(contactId), work: draftKeys.work(contactId), wrapUp: draftKeys.wrapUp(contactId) };
  const rows = await loadDrafts(db, Object.values(keys));
  const work = draftValue(rows, keys.work, WorkDraftSchema);
  const stored: WorkspaceState = {
    draft: draftValue(rows, keys.reply, TextDraftSchema) ?? '',
    promise: work?.promise ?? null,
    gesture: work?.gesture ?? null,
    script: work?.script ?? null,
    wrapUp: draftValue(rows, keys.wrapUp, WrapUpDraftSchema),
  };
  const restored = !!(stored.draft || workOf(stored) || stored.wrapUp);
  useWorkspaces.setState((state) => ({
    // Anything done here while the read was under way is newer.
    byContact: { ...state.byContact, [contactId]: { ...stored, ...state.byContact[contactId] } },
    loaded: { ...state.loaded, [contactId]: true },
    restored: restored ? { ...state.restored, [contactId]: true } : state.restored,
  }));
}

/** Opens the contact's workspace (reading its drafts back); true once read. Moving to another contact writes what is waiting. */
export function useWorkspaceLoaded(contactId: string): boolean {
  const db = useLocal((state) => state.db);
  useEffect(() => {
    void openWorkspace(contactId);
    return () => void flushDrafts();
  }, [contactId, db]);
  return useWorkspaces((store) => !!store.loaded[contactId]);
}

/** Whether the contact opened with drafts from an earlier session. */
export function useWorkspaceRestored(contactId: string): boolean {
  return useWorkspaces((store) => !!store.restored[contactId]);
}

export function useWorkspace(contactId: string): [WorkspaceState, (patch: Partial<WorkspaceState>) => void] {
  const state = useWorkspaces((store) => store.byContact[contactId] ?? EMPTY);
  const update = useWorkspaces((store) => store.update);
  return [state, (patch) => update(contactId, patch)];
}

/** The promise, gesture and script progress alone: a component showing these does not re-render as the reply is typed. */
export function useWorkspaceWork(contactId: string): Pick<WorkspaceState, 'promise' | 'gesture' | 'script'> {
  return useWorkspaces(
    useShallow((store) => {
      const state = store.byContact[contactId] ?? EMPTY;
      return { promise: state.promise, gesture: state.gesture, script: state.script };
    }),
  );
}

/** The reply text alone. */
export function useReplyDraft(contactId: string): string {
  return useWorkspaces((store) => store.byContact[contactId]?.draft ?? '');
}

/**
 * The reply is being sent: the box empties at once, and the stored draft is written as it stands, to be dropped
 * by the reply's own transaction (IndexedDB runs the two in order). Returns the text.
 */
export function takeReplyDraft(contactId: string): string {
  const current = useWorkspaces.getState().byContact[contactId];
  if (!current) return '';
  takeDraft(draftKeys.reply(contactId), contactId, current.draft);
  useWorkspaces.setState((state) => ({ byContact: { ...state.byContact, [contactId]: { ...current, draft: '' } } }));
  return current.draft;
}

/** The contact left the agent's hands (released, transferred): its drafts go, here and in the database. */
export function discardWorkspace(contactId: string): void {
  useWorkspaces.getState().clear(contactId);
  void discardContactDrafts(contactId);
}

/** Appends text to the draft reply, on its own paragraph. */
export function appendToDraft(contactId: string, text: string): void {
  const store = useWorkspaces.getState();
  const current = store.byContact[contactId]?.draft ?? '';
  store.update(contactId, { draft: current.trim() ? `${current.trimEnd()}\n\n${text}` : text });
}
