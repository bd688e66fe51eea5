/** What the agent has done so far on one contact (script progress, promise, gesture, draft reply), kept while they move around the app. */
import { create } from 'zustand';
import type { ContactPromise, Gesture } from '@core/domain/model';

export interface ScriptProgress {
  scriptId: string;
  version: number;
  /** Ids of ticked-off steps. */
  done: string[];
  /** Steps the script showed. */
  total: number;
}

export interface WorkspaceState {
  draft: string;
  promise: ContactPromise | null;
  gesture: Gesture | null;
  script: ScriptProgress | null;
}

const EMPTY: WorkspaceState = { draft: '', promise: null, gesture: null, script: null };

interface Store {
  byContact: Record<string, WorkspaceState>;
  update: (contactId: string, patch: Partial<WorkspaceState>) => void;
  clear: (contactId: string) => void;
}

export const useWorkspaces = create<Store>((set) => ({
  byContact: {},
  update: (contactId, patch) =>
    set((state) => ({ byContact: { ...state.byContact, [contactId]: { ...(state.byContact[contactId] ?? EMPTY), ...patch } } })),
  clear: (contactId) =>
    set((state) => {
      const next = { ...state.byContact };
      delete next[contactId];
      return { byContact: next };
    }),
}));

export function useWorkspace(contactId: string): [WorkspaceState, (patch: Partial<WorkspaceState>) => void] {
  const state = useWorkspaces((store) => store.byContact[contactId] ?? EMPTY);
  const update = useWorkspaces((store) => store.update);
  return [state, (patch) => update(contactId, patch)];
}

/** Appends text to the draft reply, on its own paragraph. */
export function appendToDraft(contactId: string, text: string): void {
  const store = useWorkspaces.getState();
  const current = store.byContact[contactId]?.draft ?? '';
  store.update(contactId, { draft: current.trim() ? `${current.trimEnd()}\n\n${text}` : text });
}
