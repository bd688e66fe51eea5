/**
 * Drafts in the local database: written about 300 ms after the last change
 * (never on the typing path itself), and at once when the page is hidden or
 * left, or when the agent moves to another contact. Read back when a contact
 * or note box opens. Personal and local: nothing here is synced.
 *
 * A page being reloaded or closed does not finish the IndexedDB writes it
 * starts as it goes, so what is still waiting then is also put, synchronously,
 * in localStorage, and moved into the database when the page starts again.
 */
import { z } from 'zod';
import { readDraft, type DraftRow } from '@core/db/drafts';
import type { AgentDeskDb } from '@core/db/schema';
import { draftsBeingReplaced, unsavedDraftsKey, useLocal } from './local';

/** Quiet time after a change before it is written. */
export const DRAFT_DELAY_MS = 300;

interface Pending {
  db: AgentDeskDb;
  contactId: string | null;
  /** null: the box is empty, the row goes. */
  value: unknown;
  timer: ReturnType<typeof setTimeout>;
}

const pending = new Map<string, Pending>();
/** Drafts being written, until the write has committed. */
const writing = new Map<string, Omit<Pending, 'timer'>>();
/** Drafts handed to the change that replaces them (see `takeDraft`), until it is stored or refused. */
const taken = new Map<string, Omit<Pending, 'timer'>>();

function write(key: string, entry: Pending): Promise<void> {
  const { db, contactId, value } = entry;
  const done = value === null ? db.drafts.delete(key) : db.drafts.put({ key, contactId, value, at: Date.now() } satisfies DraftRow);
  // A draft that cannot be written (storage full, database closed at sign-out) must not disturb the typing.
  return done.then(
    () => undefined,
    () => undefined,
  );
}

/** Keeps `value` as the draft `key` (null: drop it), written after a short quiet time. The database is the one open now. */
export function saveDraft(key: string, contactId: string | null, value: unknown): void {
  const db = useLocal.getState().db;
  if (!db) return;
  const previous = pending.get(key);
  if (previous) clearTimeout(previous.timer);
  taken.delete(key);
  const entry: Pending = { db, contactId, value, timer: setTimeout(() => void flushDraft(key), DRAFT_DELAY_MS) };
  pending.set(key, entry);
}

/** Writes the draft `key` now if a change to it is waiting. */
export function flushDraft(key: string): Promise<void> {
  const entry = pending.get(key);
  if (!entry) return Promise.resolve();
  clearTimeout(entry.timer);
  pending.delete(key);
  writing.set(key, entry);
  return write(key, entry).then(() => {
    if (writing.get(key) === entry) writing.delete(key);
  });
}

/** Writes every waiting draft now. */
export function flushDrafts(): Promise<void> {
  return Promise.all([...pending.keys()].map(flushDraft)).then(() => undefined);
}

/**
 * The draft `key` is being replaced by a change (a note, a reply): written now as it stands, ahead of the change's
 * own transaction, which drops it (IndexedDB runs the two in order). Pass `key` in `run`'s `drafts`. If the page
 * closes before the change is stored, the draft is kept aside and comes back unless the change's row exists.
 */
export function takeDraft(key: string, contactId: string | null, value: string): void {
  const db = useLocal.getState().db;
  if (!db) return;
  const waiting = pending.get(key);
  taken.set(key, { db, contactId, value });
  if (waiting) void flushDraft(key);
}

/** Forgets a waiting change to `key` without writing it (the change that replaces the draft drops the row itself). */
export function cancelDraft(key: string): void {
  const entry = pending.get(key);
  if (!entry) return;
  clearTimeout(entry.timer);
  pending.delete(key);
}

const spillKey = (db: AgentDeskDb) => unsavedDraftsKey(db.name);

/** Keeps what is still waiting in localStorage, which a closing page does finish writing, and starts writing it to the database. */
function spill(): void {
  const db = useLocal.getState().db;
  if (!db) return;
  // By key, newest last: a write under way, then a change still waiting, then a draft handed to its replacing change.
  const byKey = new Map<string, SpilledRow>();
  for (const source of [writing, pending]) {
    for (const [key, entry] of source) if (entry.db === db) byKey.set(key, { key, contactId: entry.contactId, value: entry.value, at: Date.now() });
  }
  for (const [key, entry] of taken) {
    const replacedBy = draftsBeingReplaced.get(key);
    if (replacedBy && entry.db === db) byKey.set(key, { key, contactId: entry.contactId, value: entry.value, at: Date.now(), replacedBy });
  }
  const rows = [...byKey.values()];
  try {
    if (rows.length) localStorage.setItem(spillKey(db), JSON.stringify(rows));
    else localStorage.removeItem(spillKey(db));
  } catch {
    // Storage full or refused: the database write below is all there is.
  }
  void flushDrafts();
}

/** The page is back (it was only hidden): once the database has everything, what was kept aside is stale. */
function unspill(): void {
  const db = useLocal.getState().db;
  if (db) void flushDrafts().then(() => localStorage.removeItem(spillKey(db)));
}

interface SpilledRow extends DraftRow {
  /** The row of the change that replaces this draft: the draft comes back only if that row never got stored. */
  replacedBy?: string;
}
const SpilledSchema = z.array(z.object({ key: z.string(), contactId: z.string().nullable(), value: z.unknown(), at: z.number(), replacedBy: z.string().optional() }));
const recovered = new WeakMap<AgentDeskDb, Promise<void>>();

/** Moves drafts a closing page left in localStorage into the database, once per database. */
function recoverSpilled(db: AgentDeskDb): Promise<void> {
  let done = recovered.get(db);
  if (!done) {
    done = (async () => {
      const name = spillKey(db);
      const raw = localStorage.getItem(name);
      if (!raw) return;
      let rows: SpilledRow[] = [];
      try {
        rows = SpilledSchema.parse(JSON.parse(raw));
      } catch {
        rows = [];
      }
      await db.transaction('rw', db.drafts, db.contacts, async () => {
        for (const { replacedBy, ...row } of rows) {
          if (replacedBy && (await db.contacts.get(replacedBy))) continue;
          if (row.value === null) await db.drafts.delete(row.key);
          else await db.drafts.put(row);
        }
      });
      localStorage.removeItem(name);
    })().catch(() => undefined);
    recovered.set(db, done);
  }
  return done;
}

/** Reads stored drafts, by key (after any a closing page left behind). */
export async function loadDrafts(db: AgentDeskDb, keys: readonly string[]): Promise<Map<string, DraftRow>> {
  await recoverSpilled(db);
  const rows = await db.drafts.bulkGet([...keys]);
  return new Map(rows.filter((row): row is DraftRow => !!row).map((row) => [row.key, row]));
}

/** Forgets every waiting change to a contact's drafts. */
export function cancelContactDrafts(contactId: string): void {
  for (const [key, entry] of pending) {
    if (entry.contactId === contactId) cancelDraft(key);
  }
}

/** Drops every draft of a contact (it left the agent's hands), waiting changes included. */
export async function discardContactDrafts(contactId: string): Promise<void> {
  cancelContactDrafts(contactId);
  const db = useLocal.getState().db;
  await db?.drafts.where('contactId').equals(contactId).delete();
}

// Leaving or hiding the page (reload, closing the window, switching away) writes what is waiting while it still can.
window.addEventListener('pagehide', spill);
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') spill();
  else unspill();
});

/** A stored draft read through its schema: null when absent or unreadable. */
export function draftValue<T>(rows: Map<string, DraftRow>, key: string, schema: z.ZodType<T>): T | null {
  return readDraft(rows.get(key), schema);
}
