/**
 * The sync worker: runs the sync engine off the UI thread. It writes pulled
 * rows into the same IndexedDB the workstation reads; Dexie tells the UI's
 * live queries what changed.
 */
import { AgentDeskDb } from '@core/db/schema';
import { SyncEngine } from '@core/sync/engine';
import { relayLocalChanges } from '../data/changes';
import type { FromWorker, ToWorker } from './messages';

let engine: SyncEngine | null = null;
let db: AgentDeskDb | null = null;
let networkOnline = navigator.onLine;
/** The person's language, for the hub's Accept-Language. */
let language = 'en-GB';
let stopRelay: (() => void) | null = null;

const post = (message: FromWorker) => self.postMessage(message);

async function stop(): Promise<void> {
  const stopping = engine;
  const closing = db;
  engine = null;
  db = null;
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
        engine = new SyncEngine({
          db,
          hubUrl: message.hubUrl,
          token: message.token,
          actor: message.actor,
          onStatus: (status) => post({ type: 'status', status }),
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
    case 'stop':
      void stop().then(() => post({ type: 'stopped' }));
      break;
  }
};
