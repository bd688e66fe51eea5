/**
 * The dashboard's worker: reads the local cache once into incrementally
 * maintained aggregates (src/metrics), then keeps them current from the
 * change notices every thread posts after a committed write (only the rows
 * touched are read again). Figures for any filter come from the aggregates in
 * milliseconds, off the UI thread; drill-downs scan the rows kept here.
 */
import { AgentDeskDb, type LocalRow } from '@core/db/schema';
import { defaultGoodwillPolicy } from '@core/gestures';
import { createAggregates, drillDown, gestureFigures, type Aggregates, type GestureContact, type MetricsChange, type MetricsRows } from '@core/metrics';
import type { LocalChanges } from '@core/sync/local';
import { changesChannelName } from '../../data/changes';
import type { FromDashboardWorker, ToDashboardWorker } from './messages';

type Tracked = 'contact' | 'queueItem' | 'survey' | 'followUp' | 'queue' | 'user';
const TRACKED: readonly Tracked[] = ['queue', 'user', 'contact', 'queueItem', 'survey', 'followUp'];
const TABLE: Record<Tracked, 'contacts' | 'queueItems' | 'surveys' | 'followUps' | 'queues' | 'users'> = {
  contact: 'contacts',
  queueItem: 'queueItems',
  survey: 'surveys',
  followUp: 'followUps',
  queue: 'queues',
  user: 'users',
};
const PAGE = 5_000;

let db: AgentDeskDb | null = null;
let channel: BroadcastChannel | null = null;
let aggregates: Aggregates | null = null;
let timeZone = 'UTC';
/** The rows, for drill-downs (the aggregates keep sums, not rows). */
let rows: Record<Tracked, Map<string, unknown>> = emptyRows();
/** Contacts with a goodwill gesture, for the gesture figures (few, so they are counted afresh each time). */
let gestureContacts = new Map<string, GestureContact>();
const GESTURE_FALLBACK_CURRENCY = defaultGoodwillPolicy().currency;
/** Resolves once the first read is done; queries wait for it. */
let ready: Promise<void> = Promise.resolve();
let generation = 0;

function emptyRows(): Record<Tracked, Map<string, unknown>> {
  return { contact: new Map(), queueItem: new Map(), survey: new Map(), followUp: new Map(), queue: new Map(), user: new Map() };
}

const post = (message: FromDashboardWorker) => self.postMessage(message);

function put(entity: Tracked, row: LocalRow<Tracked>): void {
  rows[entity].set(row.id, row);
  if (entity === 'contact') {
    const contact = row as unknown as GestureContact;
    if (contact.gesture) gestureContacts.set(contact.id, contact);
    else gestureContacts.delete(contact.id);
  }
  aggregates!.apply({ op: 'put', entity, row } as MetricsChange);
}

function remove(entity: Tracked, id: string): void {
  if (entity === 'contact') gestureContacts.delete(id);
  if (!rows[entity].delete(id)) return;
  aggregates!.apply({ op: 'delete', entity, id });
}

/** Reads every tracked row into fresh aggregates, telling progress. */
async function build(): Promise<void> {
  const mine = ++generation;
  aggregates = createAggregates(timeZone);
  rows = emptyRows();
  gestureContacts = new Map();
  const database = db!;
  const counts = await Promise.all(TRACKED.map((entity) => database.table(TABLE[entity]).count()));
  const total = counts.reduce((a, b) => a + b, 0);
  let loaded = 0;
  for (const entity of TRACKED) {
    const table = database.table<LocalRow<Tracked>, string>(TABLE[entity]);
    let last: string | null = null;
    for (;;) {
      const page: LocalRow<Tracked>[] = await (last === null ? table.orderBy(':id').limit(PAGE) : table.where(':id').above(last).limit(PAGE)).toArray();
      if (mine !== generation) return;
      for (const row of page) put(entity, row);
      loaded += page.length;
      post({ type: 'loading', loaded, total });
      if (page.length < PAGE) break;
      last = page[page.length - 1]!.id;
    }
  }
}

/** Re-reads the rows a committed write touched (chained after the build and earlier notices). */
async function refresh(changes: LocalChanges): Promise<void> {
  if (!db || !aggregates) return;
  if (changes.reset) {
    await build();
    post({ type: 'changed' });
    return;
  }
  let any = false;
  for (const entity of TRACKED) {
    const ids = changes.touched[entity];
    if (!ids?.length) continue;
    const found = await db.table<LocalRow<Tracked>, string>(TABLE[entity]).bulkGet(ids);
    ids.forEach((id, index) => {
      const row = found[index];
      if (row) put(entity, row);
      else remove(entity, id);
    });
    any = true;
  }
  if (any) post({ type: 'changed' });
}

function metricsRows(): MetricsRows {
  return {
    contacts: [...rows.contact.values()] as MetricsRows['contacts'],
    queueItems: [...rows.queueItem.values()] as MetricsRows['queueItems'],
    surveys: [...rows.survey.values()] as MetricsRows['surveys'],
    followUps: [...rows.followUp.values()] as MetricsRows['followUps'],
    queues: [...rows.queue.values()] as MetricsRows['queues'],
    users: [...rows.user.values()] as MetricsRows['users'],
  };
}

function close(): void {
  generation += 1;
  channel?.close();
  channel = null;
  db?.close();
  db = null;
  aggregates = null;
  rows = emptyRows();
  gestureContacts = new Map();
}

self.onmessage = (event: MessageEvent<ToDashboardWorker>) => {
  const message = event.data;
  const fail = (error: unknown) => post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  switch (message.type) {
    case 'open':
      close();
      timeZone = message.timeZone;
      db = new AgentDeskDb(message.dbName);
      channel = new BroadcastChannel(changesChannelName(message.dbName));
      // Notices are applied one after another, in the order they were posted.
      channel.onmessage = (notice: MessageEvent<LocalChanges>) => {
        ready = ready.then(() => refresh(notice.data)).catch(fail);
      };
      ready = build().catch(fail);
      break;
    case 'figures':
      void ready.then(() => {
        if (!aggregates) return;
        const started = performance.now();
        const figures = aggregates.figures(message.filters, message.now);
        const lookups = { queues: [...rows.queue.values()] as MetricsRows['queues'], users: [...rows.user.values()] as MetricsRows['users'] };
        const gestures = gestureFigures(gestureContacts.values(), message.filters, GESTURE_FALLBACK_CURRENCY, lookups);
        post({ type: 'figures', requestId: message.requestId, figures, gestures, computeMs: performance.now() - started, rows: rows.contact.size });
      }, fail);
      break;
    case 'drill':
      void ready.then(() => {
        post({ type: 'drill', requestId: message.requestId, ids: drillDown(metricsRows(), message.filters, message.figure, message.now) });
      }, fail);
      break;
    case 'close':
      close();
      break;
  }
};
