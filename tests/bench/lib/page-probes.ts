/**
 * What the workstation benchmarks install in the page (through page.evaluate,
 * so the workstation's own code is untouched). These functions are sent to the
 * page as source: they may use nothing but browser globals and their argument.
 */

export interface BootstrapTimes {
  /** From pressing Sign in to the app shell signed in with a waiting queue item in the local database. */
  firstUsableMs: number;
  /** From pressing Sign in to "Online" with every row of the person's scope in the local database. */
  completeMs: number;
  rows: number;
  /** Tasks of 50 ms or more on the page's main thread between pressing Sign in and complete. */
  longTasks: number;
  longTasksTotalMs: number;
  longestTaskMs: number;
  /** When the longest task started, from pressing Sign in. */
  longestTaskAtMs: number;
}

export interface NoteTimes {
  /** From the Ctrl+Enter keydown to the note's text in the DOM. */
  domMs: number;
  /** From the keydown to the main thread's read-write IndexedDB transaction (the mutation) committing; NaN if none was seen. */
  commitMs: number;
  /** From the keydown to the last answer of a read-only request made after that commit (the live queries re-reading) before the DOM changed. */
  readsMs: number;
  /** From the keydown to the next animation frame after that (the frame that paints it). */
  frameMs: number;
}

export interface RawSyncTimes {
  /** Every page of the person's scope fetched and parsed by the page (plain fetch, one page after another). */
  pullMs: number;
  /** The same rows put into a fresh database with the workstation's stores and indexes, one raw IndexedDB transaction per page. */
  putMs: number;
  rows: number;
  pages: number;
}

interface Probes {
  bootstrap?: Promise<BootstrapTimes>;
  armNote?: (text: string) => void;
  note?: Promise<NoteTimes>;
}

declare global {
  interface Window {
    agentdeskBench?: Probes;
  }
}

/**
 * Starts watching a sign-in: the clock starts at the Enter keydown (capture
 * phase, before the workstation sees it); every 50 ms the page checks the
 * shell and reads its IndexedDB directly.
 */
export function installBootstrapProbe({ dbName, expectedRows, tables }: { dbName: string; expectedRows: number; tables: string[] }): void {
  let pressedAt: number | null = null;
  document.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Enter' && pressedAt === null) pressedAt = performance.now();
    },
    true,
  );
  const request = <T>(req: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
    });
  const openExisting = async (): Promise<IDBDatabase | null> => {
    // Opening a database that does not exist yet would create it empty: wait until the workstation has.
    if (!(await indexedDB.databases()).some((info) => info.name === dbName)) return null;
    const db = await request(indexedDB.open(dbName));
    db.onversionchange = () => db.close();
    return db;
  };
  const tasks: { at: number; duration: number }[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (pressedAt !== null && entry.startTime >= pressedAt) tasks.push({ at: entry.startTime - pressedAt, duration: entry.duration });
  });
  observer.observe({ type: 'longtask' });
  const probes = (window.agentdeskBench ??= {});
  probes.bootstrap = new Promise<BootstrapTimes>((resolve, reject) => {
    let firstUsable: number | null = null;
    const giveUp = performance.now() + 10 * 60_000;
    const poll = async (): Promise<boolean> => {
      if (pressedAt === null) return false;
      const at = performance.now();
      if (at > giveUp) throw new Error('the workstation did not finish its first sync within 10 minutes');
      const signedIn = !!document.querySelector('[aria-label$="Account menu"]');
      if (!signedIn) return false;
      const label = document.querySelector('[data-testid="connection-indicator"]')?.textContent?.trim();
      const db = await openExisting();
      if (!db) return false;
      try {
        if (!db.objectStoreNames.contains('queueItems')) return false;
        if (firstUsable === null) {
          const tx = db.transaction('queueItems', 'readonly');
          const waiting = await request(tx.objectStore('queueItems').index('[state+slaDueAt]').count(IDBKeyRange.bound(['waiting', -Infinity], ['waiting', Infinity])));
          if (waiting > 0) firstUsable = at - pressedAt;
        }
        if (firstUsable !== null && label === 'Online') {
          const tx = db.transaction(tables, 'readonly');
          const counts = await Promise.all(tables.map((table) => request(tx.objectStore(table).count())));
          const rows = counts.reduce((sum, count) => sum + count, 0);
          if (rows >= expectedRows) {
            for (const entry of observer.takeRecords()) if (entry.startTime >= pressedAt) tasks.push({ at: entry.startTime - pressedAt, duration: entry.duration });
            observer.disconnect();
            const longest = tasks.reduce<{ at: number; duration: number } | null>((worst, task) => (!worst || task.duration > worst.duration ? task : worst), null);
            resolve({
              firstUsableMs: firstUsable,
              completeMs: at - pressedAt,
              rows,
              longTasks: tasks.length,
              longTasksTotalMs: tasks.reduce((sum, task) => sum + task.duration, 0),
              longestTaskMs: longest?.duration ?? 0,
              longestTaskAtMs: longest?.at ?? Number.NaN,
            });
            return true;
          }
        }
        return false;
      } finally {
        db.close();
      }
    };
    const tick = () => {
      poll().then((done) => (done ? undefined : setTimeout(tick, 50)), reject);
    };
    setTimeout(tick, 50);
  });
}

/**
 * Times a note from the Ctrl+Enter keydown (window, capture phase, before the
 * workstation's own listeners) to its text being
 * in the DOM (MutationObserver), and to the animation frame after that.
 * Installed as an init script (page.addInitScript), before the workstation's
 * own code runs: Dexie keeps its own reference to IDBDatabase.transaction
 * from the moment it opens the database.
 */
export function installNoteProbe(): void {
  let expected: string | null = null;
  let pressedAt = 0;
  let settle: ((times: NoteTimes) => void) | null = null;
  let committedAt = 0;
  let lastReadAt = 0;
  // Each note is a round: a transaction counts only for the round it was opened in, and only if opened after the key,
  // so a draft's write that began before the key, or a transaction of the previous note finishing late, is not taken for this note's.
  let round = 0;
  /** The round's transactions are watched from the key until its times are settled (the write may commit after the note shows). */
  let watching = false;
  // Where the time goes: the page's IndexedDB transactions, timed from outside the workstation's code.
  const original = Reflect.get(IDBDatabase.prototype, 'transaction') as (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) => IDBTransaction;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>): IDBTransaction {
    const tx = original.apply(this, args);
    if (watching && pressedAt) {
      const opened = round;
      if (tx.mode === 'readwrite') {
        tx.addEventListener('complete', () => {
          if (opened === round && !committedAt) committedAt = performance.now();
        });
      } else if (committedAt) {
        // Request events pass through their transaction on the way in (capture), even though they do not bubble.
        tx.addEventListener(
          'success',
          () => {
            if (watching && opened === round) lastReadAt = performance.now();
          },
          true,
        );
      }
    }
    return tx;
  };
  // On the window, in the capture phase, installed before the workstation's code: the first listener to see the key,
  // so the clock starts before the workstation's own key handler runs (and opens the note's transaction).
  window.addEventListener(
    'keydown',
    (event) => {
      if (expected && !pressedAt && event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        pressedAt = performance.now();
        watching = true;
      }
    },
    true,
  );
  new MutationObserver((records) => {
    const now = performance.now();
    if (!expected || !pressedAt || !settle) return;
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.textContent?.includes(expected)) {
          const done = settle;
          const start = pressedAt;
          const thisRound = round;
          const domMs = now - start;
          expected = null;
          settle = null;
          requestAnimationFrame(() => {
            const frameMs = performance.now() - start;
            // Live queries may show the note before its write commits: the breakdown waits for the commit (2 s at most)
            // and for the reads that follow it to go quiet (100 ms without one), then reports both from the key.
            const waitStarted = performance.now();
            const finish = () => {
              const quietFor = performance.now() - Math.max(committedAt, lastReadAt);
              if (thisRound === round && (!committedAt || quietFor < 100) && performance.now() - waitStarted < 2000) {
                setTimeout(finish, 10);
                return;
              }
              watching = false;
              done({ domMs, frameMs, commitMs: committedAt ? committedAt - start : Number.NaN, readsMs: lastReadAt ? lastReadAt - start : Number.NaN });
            };
            finish();
          });
          return;
        }
      }
    }
  }).observe(document, { childList: true, subtree: true });
  const probes = (window.agentdeskBench ??= {});
  probes.armNote = (text: string) => {
    round += 1;
    watching = false;
    expected = text;
    pressedAt = 0;
    committedAt = 0;
    lastReadAt = 0;
    probes.note = new Promise<NoteTimes>((resolve) => {
      settle = resolve;
    });
  };
}

/** rAF-to-rAF intervals of the page as it is. */
export function frameIntervals(count: number): Promise<number[]> {
  return new Promise((resolve) => {
    const gaps: number[] = [];
    let last = 0;
    const frame = (at: number) => {
      if (last) gaps.push(at - last);
      last = at;
      if (gaps.length < count) requestAnimationFrame(frame);
      else resolve(gaps);
    };
    requestAnimationFrame(frame);
  });
}

/**
 * The floor a first sync is measured against, in the same browser: the
 * person's scope pulled page by page with plain fetch, then the same rows put
 * with raw IndexedDB into a fresh database that copies the workstation's
 * stores and indexes (read from its database `schemaFrom`), one transaction
 * per page. Nothing validated, nothing rebased, nothing shown.
 */
export async function rawPullAndPut({
  hubUrl,
  token,
  schemaFrom,
  rawDbName,
  tables,
}: {
  hubUrl: string;
  token: string;
  schemaFrom: string;
  rawDbName: string;
  tables: Record<string, string>;
}): Promise<RawSyncTimes> {
  const request = <T>(req: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
    });
  interface StoreShape {
    name: string;
    keyPath: string | string[] | null;
    autoIncrement: boolean;
    indexes: { name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }[];
  }
  const source = await request(indexedDB.open(schemaFrom));
  const storeNames = Object.values(tables).filter((name) => source.objectStoreNames.contains(name));
  const shapes: StoreShape[] = [];
  const readTx = source.transaction(storeNames, 'readonly');
  for (const name of storeNames) {
    const store = readTx.objectStore(name);
    shapes.push({
      name,
      keyPath: store.keyPath,
      autoIncrement: store.autoIncrement,
      indexes: [...store.indexNames].map((index) => {
        const shape = store.index(index);
        return { name: index, keyPath: shape.keyPath, unique: shape.unique, multiEntry: shape.multiEntry };
      }),
    });
  }
  source.close();

  // Pull: every page, one after another, as the workstation's first request for each would.
  const pages: { entity: string; id: string; op: string; row?: Record<string, unknown>; version: number }[][] = [];
  const clientId = crypto.randomUUID();
  const pullStarted = performance.now();
  for (let cursor = 0; ; ) {
    const response = await fetch(`${hubUrl}/sync/pull?clientId=${clientId}&cursor=${cursor}&limit=1000`, { headers: { authorization: `Bearer ${token}` } });
    const page = (await response.json()) as { kind: string; changes: (typeof pages)[number]; cursor: number; hasMore: boolean };
    if (page.kind !== 'changes') throw new Error(`the pull answered ${page.kind}`);
    pages.push(page.changes);
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  const pullMs = performance.now() - pullStarted;

  await request(indexedDB.deleteDatabase(rawDbName));
  const open = indexedDB.open(rawDbName, 1);
  open.onupgradeneeded = () => {
    for (const shape of shapes) {
      const store = open.result.createObjectStore(shape.name, { keyPath: shape.keyPath, autoIncrement: shape.autoIncrement });
      for (const index of shape.indexes) store.createIndex(index.name, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry });
    }
  };
  const raw = await request(open);
  let rows = 0;
  const putStarted = performance.now();
  for (const changes of pages) {
    const names = [...new Set(changes.map((change) => tables[change.entity]!))];
    if (!names.length) continue;
    const tx = raw.transaction(names, 'readwrite');
    for (const change of changes) {
      const store = tx.objectStore(tables[change.entity]!);
      if (change.op === 'put') store.put({ ...change.row, _v: change.version });
      else store.delete(change.id);
      rows += 1;
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
  }
  const putMs = performance.now() - putStarted;
  raw.close();
  await request(indexedDB.deleteDatabase(rawDbName));
  return { pullMs, putMs, rows, pages: pages.length };
}
