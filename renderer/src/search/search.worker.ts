/**
 * The history search worker: keeps the search index (src/search) of the
 * person's local cache, current from the change notices every thread posts
 * after a committed write, and answers searches from memory.
 *
 * A saved index is read back when the first search is asked for, or a few
 * seconds after opening (so that it does not compete with the workstation
 * starting); until then notices are journaled. With none saved (a new
 * desktop, or a format change) the index is built the first time a search is
 * asked for once the first sync has finished: searches fall back to reading
 * the cache until then, and nothing competes with the first sync or the
 * screens for the machine.
 */
import { AgentDeskDb } from '@core/db/schema';
import { HistorySearch } from '@core/search/engine';
import type { LocalChanges } from '@core/sync/local';
import { changesChannelName } from '../data/changes';
import type { FromSearchWorker, ToSearchWorker } from './messages';

/** A save waits for this long without changes, and never longer than SAVE_AT_MOST after the first unsaved one. */
const SAVE_QUIET_MS = 5_000;
const SAVE_AT_MOST_MS = 60_000;
/** While the first sync runs, how often to look again whether the index can be built. */
const WAIT_MS = 3_000;
/** A saved index is read back this long after opening, if no search has asked for it before. */
const RESTORE_AFTER_MS = 10_000;

let db: AgentDeskDb | null = null;
let search: HistorySearch | null = null;
let channel: BroadcastChannel | null = null;
/** Opening, notices and saves, one after another in the order they came. */
let chain: Promise<void> = Promise.resolve();
let wanted = false;
let saveTimer: ReturnType<typeof setTimeout> | null = null;
let firstUnsavedAt: number | null = null;
let waitTimer: ReturnType<typeof setTimeout> | null = null;
let restoreTimer: ReturnType<typeof setTimeout> | null = null;

const post = (message: FromSearchWorker) => self.postMessage(message);
const fail = (error: unknown) => post({ type: 'error', message: error instanceof Error ? error.message : String(error) });

function then(step: () => Promise<void>): void {
  chain = chain.then(step).catch(fail);
}

function postState(loaded = 0, total = 0): void {
  if (search) post({ type: 'state', state: search.state, loaded, total });
}

/** Reads the saved index back; builds it only once someone has searched. Tries again later while the first sync runs. */
async function open(): Promise<void> {
  const current = search;
  if (!current || current.ready) return;
  if (!wanted) {
    // Read back later (or when asked); built only when asked.
    if ((await current.hasSaved()) && !restoreTimer) {
      restoreTimer = setTimeout(() => {
        wanted = true;
        then(open);
      }, RESTORE_AFTER_MS);
    }
    return;
  }
  const ready = await current.open();
  if (current !== search) return;
  postState();
  if (ready) post({ type: 'changed' });
  else {
    if (waitTimer) clearTimeout(waitTimer);
    waitTimer = setTimeout(() => then(open), WAIT_MS);
  }
}

function scheduleSave(): void {
  const now = Date.now();
  firstUnsavedAt ??= now;
  if (saveTimer) clearTimeout(saveTimer);
  const delay = Math.max(0, Math.min(SAVE_QUIET_MS, firstUnsavedAt + SAVE_AT_MOST_MS - now));
  saveTimer = setTimeout(() => {
    saveTimer = null;
    firstUnsavedAt = null;
    const current = search;
    then(async () => {
      if (current === search) await current?.save();
    });
  }, delay);
}

async function notice(changes: LocalChanges): Promise<void> {
  const current = search;
  if (!current) return;
  const wasReady = current.ready;
  const changed = await current.apply(changes);
  if (current !== search) return;
  if (changes.reset) {
    // Built again when next asked for, after the next first sync.
    wanted = false;
    postState();
    if (wasReady) post({ type: 'changed' });
    then(open);
    return;
  }
  if (changed) {
    post({ type: 'changed' });
    scheduleSave();
  }
}

function close(): void {
  if (saveTimer) clearTimeout(saveTimer);
  if (waitTimer) clearTimeout(waitTimer);
  if (restoreTimer) clearTimeout(restoreTimer);
  saveTimer = waitTimer = restoreTimer = null;
  firstUnsavedAt = null;
  channel?.close();
  channel = null;
  search = null;
  db?.close();
  db = null;
  wanted = false;
}

/** A search: answered from memory when the index is ready; else null, and the index is asked for. */
function answer(requestId: number, find: (search: HistorySearch) => string[] | null): void {
  const ids = search ? find(search) : null;
  post({ type: 'answer', requestId, ids });
  if (ids === null && search && !wanted) {
    wanted = true;
    then(open);
  }
}

self.onmessage = (event: MessageEvent<ToSearchWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'open': {
      close();
      db = new AgentDeskDb(message.dbName);
      const opened = new HistorySearch(db, { onProgress: (loaded, total) => postState(loaded, total) });
      search = opened;
      channel = new BroadcastChannel(changesChannelName(message.dbName));
      channel.onmessage = (notice_: MessageEvent<LocalChanges>) => then(() => notice(notice_.data));
      then(open);
      break;
    }
    case 'history':
      answer(message.requestId, (current) => current.searchHistory(message.query, { customerId: message.customerId, limit: message.limit }));
      break;
    case 'customers':
      answer(message.requestId, (current) => current.searchCustomers(message.query, message.limit));
      break;
    case 'close':
      close();
      break;
  }
};
