/**
 * What the contact-centre benchmarks install in the workstation's page
 * (tests/bench/contact.bench.ts). installScreenProbe is an init script
 * (page.addInitScript), so it is in place before the workstation's own code
 * runs: Dexie keeps its own reference to IDBDatabase.transaction from the
 * moment it opens the database, and the long-task observer sees every task.
 * Like page-probes.ts, these functions are sent to the page as source: they
 * may use nothing but browser globals and their argument.
 */

export interface OpenTimes {
  /** From the route change to an <h1> reading the expected heading. */
  headingMs: number;
  /** From the route change to the first element matching the row selector. */
  rowsMs: number;
  /** Both in the DOM: the first screen is usable. */
  usableMs: number;
  /** The animation frame after that (the frame that paints it). */
  frameMs: number;
  /** Elements matching the row selector when usable. */
  rows: number;
  /** Read-only IndexedDB transactions the page started between the route change and usable (the screen's live queries reading). */
  reads: number;
  /** When the last of them to complete before usable completed, from the route change (NaN when none did). */
  lastReadMs: number;
  /** Read-write transactions started meanwhile (none are expected when opening a screen). */
  writes: number;
  /** Every read-only transaction started between the route change and usable: its object stores, when it started and completed (NaN: not within the settle time). */
  transactions: { stores: string; startMs: number; doneMs: number }[];
  /** Long tasks (≥ 50 ms) overlapping the route change … usable + settle. */
  longTasks: number;
  longestTaskMs: number;
  /** The same, for the tasks that started before usable. */
  longestTaskBeforeUsableMs: number;
}

export interface OpenInput {
  path: string;
  heading: string;
  rowSelector: string;
  /** How long after usable tasks still count as the opening's (its later live-query answers and renders). */
  settleMs: number;
}

export interface TextSeen {
  /** Epoch ms (performance.timeOrigin + performance.now()) when the text was first in the DOM. */
  seenAt: number;
  /** Epoch ms of the animation frame after that. */
  frameAt: number;
}

export interface FrameLog {
  startedAt: number;
  endedAt: number;
  /** requestAnimationFrame timestamps. */
  frames: number[];
  marks: { name: string; at: number }[];
  /** Long tasks overlapping the recording. */
  tasks: { start: number; duration: number }[];
}

interface ScreenProbe {
  open(input: OpenInput): Promise<OpenTimes>;
  /** Changes route the way the workstation's router listens for (history + popstate), no timing. */
  go(path: string): void;
  armText(input: { selector: string; text: string }): void;
  text?: Promise<TextSeen>;
  framesStart(): void;
  mark(name: string): void;
  framesStop(): FrameLog;
  /** Scrolls an element by `step` px (its own height when 0) per animation frame, to the bottom and back to the top. */
  sweep(input: { selector: string; step: number }): Promise<number>;
}

declare global {
  interface Window {
    agentdeskScreen?: ScreenProbe;
  }
}

export function installScreenProbe(): void {
  const tasks: { start: number; duration: number }[] = [];
  let observer: PerformanceObserver | null = null;
  try {
    observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
    });
    observer.observe({ type: 'longtask', buffered: true });
  } catch {
    observer = null;
  }
  const flushTasks = () => {
    for (const entry of observer?.takeRecords() ?? []) tasks.push({ start: entry.startTime, duration: entry.duration });
  };
  const overlapping = (from: number, to: number) => tasks.filter((task) => task.start + task.duration > from && task.start < to);

  // The page's IndexedDB transactions while a screen opens, from outside the workstation's code.
  let watching: { reads: number; writes: number; lastReadDone: number; log: { stores: string; start: number; done: number }[] } | null = null;
  const original = Reflect.get(IDBDatabase.prototype, 'transaction') as (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) => IDBTransaction;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>): IDBTransaction {
    const tx = original.apply(this, args);
    const watch = watching;
    if (watch) {
      if (tx.mode === 'readonly') {
        watch.reads += 1;
        const entry = { stores: [...tx.objectStoreNames].join('+'), start: performance.now(), done: Number.NaN };
        watch.log.push(entry);
        tx.addEventListener('complete', () => {
          entry.done = performance.now();
          if (watching === watch) watch.lastReadDone = entry.done;
        });
      } else watch.writes += 1;
    }
    return tx;
  };

  const go = (path: string) => {
    window.history.pushState(null, '', path);
    window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
  };

  let frames: number[] = [];
  let marks: { name: string; at: number }[] = [];
  let recording = false;
  let recordingFrom = 0;

  let expected: { selector: string; text: string } | null = null;
  let settleText: ((seen: TextSeen) => void) | null = null;
  const textNow = () => performance.timeOrigin + performance.now();
  const checkText = () => {
    if (!expected || !settleText) return;
    const { selector, text } = expected;
    if (![...document.querySelectorAll(selector)].some((element) => element.textContent?.includes(text))) return;
    const seenAt = textNow();
    const done = settleText;
    expected = null;
    settleText = null;
    requestAnimationFrame(() => done({ seenAt, frameAt: textNow() }));
  };
  new MutationObserver(checkText).observe(document, { childList: true, subtree: true, characterData: true });

  const probe: ScreenProbe = {
    go,
    open({ path, heading, rowSelector, settleMs }) {
      return new Promise<OpenTimes>((resolve, reject) => {
        const watch = { reads: 0, writes: 0, lastReadDone: Number.NaN, log: [] as { stores: string; start: number; done: number }[] };
        let headingAt = Number.NaN;
        let rowsAt = Number.NaN;
        let finished = false;
        const check = (): boolean => {
          const now = performance.now();
          if (Number.isNaN(headingAt) && [...document.querySelectorAll('h1')].some((h1) => h1.textContent?.trim() === heading)) headingAt = now;
          if (Number.isNaN(rowsAt) && document.querySelector(rowSelector)) rowsAt = now;
          return !Number.isNaN(headingAt) && !Number.isNaN(rowsAt);
        };
        const mutations = new MutationObserver(() => {
          if (check()) finish();
        });
        const timer = setTimeout(() => {
          if (finished) return;
          finished = true;
          mutations.disconnect();
          watching = null;
          reject(new Error(`${path} was not usable within 30 s (heading "${heading}" ${Number.isNaN(headingAt) ? 'missing' : 'seen'}, ${rowSelector} ${Number.isNaN(rowsAt) ? 'missing' : 'seen'})`));
        }, 30_000);
        const finish = () => {
          if (finished) return;
          finished = true;
          clearTimeout(timer);
          mutations.disconnect();
          watching = null;
          const usableAt = Math.max(headingAt, rowsAt);
          const rows = document.querySelectorAll(rowSelector).length;
          requestAnimationFrame(() => {
            const frameAt = performance.now();
            setTimeout(() => {
              flushTasks();
              const during = overlapping(start, usableAt + settleMs);
              const before = during.filter((task) => task.start < usableAt);
              resolve({
                headingMs: headingAt - start,
                rowsMs: rowsAt - start,
                usableMs: usableAt - start,
                frameMs: frameAt - start,
                rows,
                reads: watch.reads,
                lastReadMs: watch.lastReadDone - start,
                writes: watch.writes,
                transactions: watch.log.map((entry) => ({ stores: entry.stores, startMs: entry.start - start, doneMs: entry.done - start })),
                longTasks: during.length,
                longestTaskMs: during.reduce((worst, task) => Math.max(worst, task.duration), 0),
                longestTaskBeforeUsableMs: before.reduce((worst, task) => Math.max(worst, task.duration), 0),
              });
            }, settleMs);
          });
        };
        mutations.observe(document.body, { childList: true, subtree: true, characterData: true });
        watching = watch;
        const start = performance.now();
        go(path);
        if (check()) finish();
      });
    },
    armText(input) {
      expected = input;
      probe.text = new Promise<TextSeen>((resolve) => {
        settleText = resolve;
      });
      checkText();
    },
    framesStart() {
      frames = [];
      marks = [];
      recording = true;
      recordingFrom = performance.now();
      const loop = (at: number) => {
        frames.push(at);
        if (recording) requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
    },
    mark(name) {
      marks.push({ name, at: performance.now() });
    },
    framesStop() {
      recording = false;
      flushTasks();
      const endedAt = performance.now();
      return { startedAt: recordingFrom, endedAt, frames: [...frames], marks: [...marks], tasks: overlapping(recordingFrom, endedAt) };
    },
    sweep({ selector, step }) {
      const element = document.querySelector<HTMLElement>(selector);
      if (!element) return Promise.reject(new Error(`nothing matches ${selector}`));
      let down = true;
      let steps = 0;
      return new Promise<number>((resolve) => {
        const tick = () => {
          const by = step || element.clientHeight;
          const bottom = element.scrollHeight - element.clientHeight;
          steps += 1;
          if (down) {
            element.scrollTop = Math.min(bottom, element.scrollTop + by);
            if (element.scrollTop >= bottom - 1) down = false;
          } else {
            element.scrollTop = Math.max(0, element.scrollTop - by);
            if (element.scrollTop <= 0) {
              resolve(steps);
              return;
            }
          }
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
    },
  };
  window.agentdeskScreen = probe;
}

/** Resolves on the page's next animation frame (one key press per frame, like a fast auto-repeat). */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/** The longest gap between consecutive frames, and the tasks, inside [from, to) of a frame log. */
export function frameStats(log: FrameLog, from = log.startedAt, to = log.endedAt): { frames: number; longestGapMs: number; medianGapMs: number; longTasks: number; longestTaskMs: number; longTasksTotalMs: number } {
  const frames = log.frames.filter((at) => at >= from && at <= to);
  const gaps = frames.slice(1).map((at, index) => at - frames[index]!);
  const sorted = [...gaps].sort((a, b) => a - b);
  const tasks = log.tasks.filter((task) => task.start + task.duration > from && task.start < to);
  return {
    frames: frames.length,
    longestGapMs: sorted.at(-1) ?? Number.NaN,
    medianGapMs: sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)]! : Number.NaN,
    longTasks: tasks.length,
    longestTaskMs: tasks.reduce((worst, task) => Math.max(worst, task.duration), 0),
    longTasksTotalMs: tasks.reduce((sum, task) => sum + task.duration, 0),
  };
}

export interface RawReads {
  /** From the first request to the transaction completing. */
  ms: number;
  /** Rows read. */
  rows: number;
}

/**
 * The reads the customer screen makes (the customer, pending changes, the
 * newest 100 contacts, the history's count, the last 30 days, the newest 3
 * notes, surveys, follow-ups, the directory), done directly in one read-only
 * IndexedDB transaction in the page: no Dexie, no React. A floor for what
 * the screen's reading costs.
 */
export async function rawCustomerReads({ dbName, customerId }: { dbName: string; customerId: string }): Promise<RawReads> {
  const request = <T>(req: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
    });
  const db = await request(indexedDB.open(dbName));
  try {
    const started = performance.now();
    const tx = db.transaction(['customers', 'shadow', 'contacts', 'surveys', 'followUps', 'users'], 'readonly');
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    });
    const history = tx.objectStore('contacts').index('[customerId+at]');
    const byDirection = tx.objectStore('contacts').index('[customerId+direction+at]');
    const range = IDBKeyRange.bound([customerId, -Infinity], [customerId, Infinity]);
    const newest = (count: number, keep: (row: { channel?: string }) => boolean, index: IDBIndex = history, within: IDBKeyRange = range) =>
      new Promise<unknown[]>((resolve, reject) => {
        const rows: unknown[] = [];
        const cursor = index.openCursor(within, 'prev');
        cursor.onerror = () => reject(cursor.error ?? new Error('cursor failed'));
        cursor.onsuccess = () => {
          const at = cursor.result;
          if (!at) return resolve(rows);
          if (keep(at.value as { channel?: string })) rows.push(at.value);
          if (rows.length >= count) resolve(rows);
          else at.continue();
        };
      });
    const results = await Promise.all([
      request(tx.objectStore('customers').get(customerId)).then(() => 1),
      request(tx.objectStore('shadow').getAll()).then((rows) => rows.length),
      newest(24, () => true).then((rows) => rows.length),
      request(history.count(range)).then(() => 1),
      // The profile's counts and notes, on the [customerId+direction+at] index.
      request(byDirection.count(IDBKeyRange.bound([customerId, 'inbound', Date.now() - 7 * 86_400_000], [customerId, 'inbound', Infinity]))).then(() => 1),
      request(byDirection.count(IDBKeyRange.bound([customerId, 'inbound', Date.now() - 30 * 86_400_000], [customerId, 'inbound', Infinity]))).then(() => 1),
      newest(3, (row) => row.channel === 'note', byDirection, IDBKeyRange.bound([customerId, 'internal', -Infinity], [customerId, 'internal', Infinity])).then((rows) => rows.length),
      request(tx.objectStore('surveys').index('customerId').getAll(customerId)).then((rows) => rows.length),
      request(tx.objectStore('followUps').index('customerId').getAll(customerId)).then((rows) => rows.length),
      request(tx.objectStore('users').getAll()).then((rows) => rows.length),
    ]);
    await done;
    return { ms: performance.now() - started, rows: results.reduce((sum, n) => sum + n, 0) };
  } finally {
    db.close();
  }
}

/**
 * The reads the queue screen makes (every waiting item, the agent's own, the
 * contact and customer of each item in the agent's queues, the queues),
 * directly in one read-only IndexedDB transaction: no Dexie, no React.
 */
export async function rawQueueReads({ dbName, userId, queueIds }: { dbName: string; userId: string; queueIds: string[] }): Promise<RawReads> {
  const request = <T>(req: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
    });
  const db = await request(indexedDB.open(dbName));
  try {
    const started = performance.now();
    const tx = db.transaction(['queueItems', 'contacts', 'customers', 'queues'], 'readonly');
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    });
    const items = tx.objectStore('queueItems');
    const [waiting, mine, queues] = await Promise.all([
      request(items.index('[state+slaDueAt]').getAll(IDBKeyRange.bound(['waiting', -Infinity], ['waiting', Infinity]))),
      request(items.index('assigneeId').getAll(userId)),
      request(tx.objectStore('queues').getAll()),
    ]);
    const ours = new Set(queueIds);
    const rows = [...(waiting as { queueId: string; contactId: string; customerId: string }[]).filter((item) => ours.has(item.queueId)), ...(mine as { contactId: string; customerId: string }[])];
    const contacts = tx.objectStore('contacts');
    const customers = tx.objectStore('customers');
    await Promise.all([
      ...rows.map((item) => request(contacts.get(item.contactId))),
      ...[...new Set(rows.map((item) => item.customerId))].map((id) => request(customers.get(id))),
    ]);
    await done;
    return { ms: performance.now() - started, rows: rows.length * 2 + queues.length };
  } finally {
    db.close();
  }
}
