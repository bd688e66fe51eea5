/** The note box's text as a draft: per customer and the contact it is written on, kept until the note is stored. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { draftKeys, TextDraftSchema } from '@core/db/drafts';
import { draftValue, flushDraft, loadDrafts, saveDraft, takeDraft } from './drafts';
import { useLocal } from './local';

export interface NoteDraft {
  body: string;
  /** The text came back from an earlier session. */
  restored: boolean;
  setBody: (body: string | ((current: string) => string)) => void;
  /**
   * The note is being stored: the box empties at once and the stored draft is
   * written as it stands, to be dropped by the note's own transaction (pass
   * `key` to `run`'s `drafts`). Returns the text.
   */
  take: () => string;
  key: string;
}

/** The note box's text for a customer (and the contact it is written on), kept as a draft. */
export function useNoteDraft(customerId: string, parentId: string | null): NoteDraft {
  const key = draftKeys.note(customerId, parentId);
  const db = useLocal((state) => state.db);
  const [state, setState] = useState({ key, body: '', restored: false });
  const typed = useRef(false);
  useEffect(() => {
    typed.current = false;
    let live = true;
    if (db) {
      void loadDrafts(db, [key]).then((rows) => {
        const body = draftValue(rows, key, TextDraftSchema) ?? '';
        // Typing that began before the read wins over the stored text.
        if (live && !typed.current && body) setState({ key, body, restored: true });
      });
    }
    return () => {
      live = false;
      void flushDraft(key);
    };
  }, [db, key]);
  const body = state.key === key ? state.body : '';
  const setBody = useCallback(
    (next: string | ((current: string) => string)) => {
      typed.current = true;
      // Saving from inside the update reads the text it replaces; saving the same text twice (StrictMode) is harmless.
      setState((current) => {
        const body = typeof next === 'function' ? next(current.key === key ? current.body : '') : next;
        saveDraft(key, parentId, body || null);
        return { key, body, restored: false };
      });
    },
    [key, parentId],
  );
  const take = () => {
    takeDraft(key, parentId, body);
    typed.current = true;
    setState({ key, body: '', restored: false });
    return body;
  };
  return { body, restored: state.key === key && state.restored, setBody, take, key };
}
