/**
 * The sync worker: runs the sync engine off the UI thread. It writes pulled
 * rows into the same IndexedDB the workstation reads; Dexie tells the UI's
 * live queries what changed.
 */
import { AgentDeskDb, META } from '@core/db/schema';
import { MEGABYTE, readCacheBudgetMb } from '@core/sync/cache-budget';
import { SyncEngine } from '@core/sync/engine';
import { runEvictionPass } from '@core/sync/eviction';
import { EvictionSchedule } from '@core/sync/eviction-schedule';
import type { Actor } from '@core/sync/mutations';
import { relayLocalChanges } from '../data/changes';
import { storageUsage } from '../lib/storageUsage';
import type { FromWorker, ToWorker } from './messages';

let engine: SyncEngine | null = null;
let db: AgentDeskDb | null = null;
let networkOnline = navigator.onLine;
/** The person's language, for the hub's Accept-Language. */
let language = 'en-GB';
let stopRelay: (() => void) | null = null;
let eviction: EvictionSchedule | null = null;

const post = (message: FromWorker) => self.postMessage(message);

/** Keeps the cache within its budget once the first sync is done (src/sync/eviction.ts). */
function evictionFor(local: AgentDeskDb, actor: Actor): EvictionSchedule {
  return new EvictionSchedule({
    run: async () => {
      if (!(await local.getMeta<boolean>(META.bootstrapped))) return;
      const budgetBytes = (await readCacheBudgetMb(local)) * MEGABYTE;
      const report = await runEvictionPass(local, { userId: actor.userId, budgetBytes, estimator: { usage: storageUsage } });
      if (report.rows > 0) console.info(`Cache budget: evicted ${report.rows} rows of ${report.customers} customers (usage ${report.usage} of ${budgetBytes} bytes).`);
    },
    onError: (error) => console.warn('Cache budget: the eviction pass failed', error),
  });
}

async function stop(): Promise<void> {
  const stopping = engine;
  const closing = db;
  engine = null;
  db = null;
  eviction?.stop();
  eviction = null;
  stopRelay?.();
  stopRelay = null;
  // Closed first: a sync step still in flight then fails instead of writing (or reopening the database).
  closing?.close();
  await stopping?.stop();
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.type) {
    case 'start': {
      language = message.language;
      void stop().then(() => {
        db = new AgentDeskDb(message.dbName);
        stopRelay = relayLocalChanges(message.dbName);
        const schedule = (eviction = evictionFor(db, message.actor));
        engine = new SyncEngine({
          db,
          hubUrl: message.hubUrl,
          token: message.token,
          actor: message.actor,
          onStatus: (status) => {
            post({ type: 'status', status });
            // A sync has completed (the first one included, after which the cache is bootstrapped).
            if (status.state === 'online' && !status.bootstrap) schedule.synced();
          },
          onUnauthorized: () => post({ type: 'unauthorized' }),
          language: () => language,
        });
        engine.setNetworkAvailable(networkOnline);
        engine.start();
      });
      break;
    }
    case 'language':
      language = message.language;
      break;
    case 'kick':
      engine?.kick(message.reason);
      break;
    case 'network':
      networkOnline = message.online;
      engine?.setNetworkAvailable(message.online);
      break;
    case 'budget':
      eviction?.soon();
      break;
    case 'stop':
      void stop().then(() => post({ type: 'stopped' }));
      break;
  }
};
