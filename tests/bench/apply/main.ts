/**
 * The page of the apply benchmark: it plays the workstation's UI thread. While
 * the worker applies pull pages, this thread keeps the live queries a signed-in
 * workstation keeps (a customer's timeline, the waiting queue, the count of
 * changes waiting) subscribed to the same database, and watches for long tasks
 * and late frames.
 */
import { liveQuery, type Subscription } from 'dexie';
import { AgentDeskDb } from '@core/db/schema';
import type { ApplyBenchApi, FromWorker, MainThreadStats, PreparedInfo, RunKind, RunResult, ToWorker } from './protocol';

type Request = ToWorker extends infer T ? (T extends { requestId: number } ? Omit<T, 'requestId'> : never) : never;

const worker = new Worker(new URL('./apply.worker.ts', import.meta.url), { type: 'module', name: 'agentdesk-sync' });
const waiting = new Map<number, (reply: FromWorker) => void>();
let nextRequest = 1;
let prepared: PreparedInfo | null = null;

worker.onmessage = (event: MessageEvent<FromWorker>) => {
  const reply = event.data;
  waiting.get(reply.requestId)?.(reply);
  waiting.delete(reply.requestId);
};

function ask(message: Request): Promise<FromWorker> {
  const requestId = nextRequest++;
  return new Promise((resolve, reject) => {
    waiting.set(requestId, (reply) => (reply.type === 'failed' ? reject(new Error(reply.message)) : resolve(reply)));
    const envelope: ToWorker = { ...message, requestId };
    worker.postMessage(envelope);
  });
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

interface Monitor {
  stop(): Promise<Omit<MainThreadStats, 'liveQueryAnswers'>>;
}

function startMonitor(): Monitor {
  const tasks: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  let running = true;
  let frames = 0;
  let last = 0;
  let longestGap = 0;
  const frame = (at: number) => {
    if (!running) return;
    if (last) longestGap = Math.max(longestGap, at - last);
    last = at;
    frames += 1;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  return {
    async stop() {
      // Let the last change notifications land before closing the window.
      await new Promise((resolve) => setTimeout(resolve, 150));
      await nextFrame();
      await nextFrame();
      running = false;
      for (const entry of observer.takeRecords()) tasks.push(entry.duration);
      observer.disconnect();
      return { longestTaskMs: tasks.length ? Math.max(...tasks) : 0, longTasks: tasks.length, longestFrameGapMs: longestGap, frames };
    },
  };
}

/** What a signed-in workstation keeps subscribed while it syncs. */
function watch(db: AgentDeskDb, customerId: string, onAnswer: () => void): Promise<Subscription[]> {
  const queries = [
    () => db.contacts.where('[customerId+at]').between([customerId, -Infinity], [customerId, Infinity]).reverse().limit(50).toArray(),
    () => db.queueItems.where('[state+slaDueAt]').between(['waiting', -Infinity], ['waiting', Infinity]).limit(50).toArray(),
    () => db.outbox.count(),
  ];
  return Promise.all(
    queries.map(
      (query) =>
        new Promise<Subscription>((resolve, reject) => {
          let first = true;
          const subscription = liveQuery<unknown>(query).subscribe({
            next: () => {
              if (first) {
                first = false;
                resolve(subscription);
              } else onAnswer();
            },
            error: (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))),
          });
        }),
    ),
  );
}

const api: ApplyBenchApi = {
  async prepare() {
    const reply = await ask({ type: 'prepare' });
    if (reply.type !== 'prepared') throw new Error(`unexpected ${reply.type}`);
    prepared = reply.info;
    document.getElementById('status')!.textContent = `${reply.info.rows} rows in ${reply.info.pages} pages`;
    return reply.info;
  },

  async run(kind: RunKind, pages: number, dbName: string): Promise<RunResult> {
    if (!prepared) throw new Error('prepare() first');
    let db: AgentDeskDb | null = null;
    let subscriptions: Subscription[] = [];
    let answers = 0;
    if (kind === 'ours' || kind === 'dexie-bulkput') {
      db = new AgentDeskDb(dbName);
      await db.open();
      subscriptions = await watch(db, prepared.busiestCustomer, () => (answers += 1));
    }
    await nextFrame();
    const monitor = startMonitor();
    try {
      const reply = await ask({ type: 'run', kind, pages, dbName });
      const main = await monitor.stop();
      if (reply.type !== 'ran') throw new Error(`unexpected ${reply.type}`);
      return { ...reply.result, main: { ...main, liveQueryAnswers: answers } };
    } finally {
      for (const subscription of subscriptions) subscription.unsubscribe();
      db?.close();
      await ask({ type: 'drop', dbName });
    }
  },

  async idleFrames(count: number) {
    const gaps: number[] = [];
    let last = await nextFrame();
    while (gaps.length < count) {
      const at = await nextFrame();
      gaps.push(at - last);
      last = at;
    }
    return gaps;
  },
};

window.applyBench = api;
document.getElementById('status')!.textContent = 'ready';
