/**
 * The worker of the apply benchmark: it stands where the workstation's sync
 * worker stands (renderer/src/sync/sync.worker.ts), a dedicated module worker
 * with its own AgentDeskDb, and applies pull pages with the production
 * applyPulledPage. The raw-IndexedDB baseline runs in the same worker.
 */
import { AgentDeskDb, DB_VERSIONS, ENTITY_TABLES } from '@core/db/schema';
import { generateDemoData, type DemoData } from '@core/demo';
import type { EntityName } from '@core/sync/entities';
import { applyPulledPage, prepareChanges } from '@core/sync/local';
import type { Actor } from '@core/sync/mutations';
import type { Change } from '@core/sync/protocol';
import type { FromWorker, PreparedInfo, RunKind, ToWorker, WorkerRunResult } from './protocol';

const TOTAL_ROWS = 50_000;
const PAGE_SIZE = 1_000;
/** A fixed moment, so every run applies byte-identical data. */
const NOW = Date.UTC(2026, 0, 12, 9, 0, 0);

interface Page {
  cursor: number;
  changes: Change[];
}

let pages: Page[] = [];
let actor: Actor = { userId: 'usr_ava', role: 'agent', teamIds: [] };

const post = (message: FromWorker) => self.postMessage(message);

function asRow(row: object): Record<string, unknown> {
  return row as Record<string, unknown>;
}

/**
 * Shapes the demo set the way a first pull sends it: the directory first, then
 * customer by customer with each one's whole history (contacts, queue items,
 * follow-ups, surveys), in pages of 1,000 changes. Pages go through JSON, as
 * they would off the wire.
 */
function buildPages(data: DemoData): { pages: Page[]; info: Omit<PreparedInfo, 'generateMs'> } {
  const head: { entity: EntityName; row: Record<string, unknown> }[] = [];
  for (const row of data.teams) head.push({ entity: 'team', row: asRow(row) });
  for (const row of data.queues) head.push({ entity: 'queue', row: asRow(row) });
  for (const row of data.users) head.push({ entity: 'user', row: asRow(row) });
  for (const row of data.scripts) head.push({ entity: 'script', row: asRow(row) });
  const groups = new Map<string, { entity: EntityName; row: Record<string, unknown> }[]>();
  for (const row of data.customers) groups.set(row.id, [{ entity: 'customer', row: asRow(row) }]);
  const add = (entity: EntityName, rows: readonly { customerId: string }[]) => {
    for (const row of rows) groups.get(row.customerId)?.push({ entity, row: asRow(row) });
  };
  add('contact', data.contacts);
  add('queueItem', data.queueItems);
  add('followUp', data.followUps);
  add('survey', data.surveys);
  const ordered = [...head, ...[...groups.values()].flat()].slice(0, TOTAL_ROWS);

  const byEntity: Record<string, number> = {};
  const contactsPerCustomer = new Map<string, number>();
  const changes: Change[] = ordered.map(({ entity, row }, index) => {
    byEntity[entity] = (byEntity[entity] ?? 0) + 1;
    if (entity === 'contact') {
      const customerId = String(row.customerId);
      contactsPerCustomer.set(customerId, (contactsPerCustomer.get(customerId) ?? 0) + 1);
    }
    return { op: 'put', entity, id: String(row.id), version: index + 1, row };
  });
  const built: Page[] = [];
  for (let start = 0; start < changes.length; start += PAGE_SIZE) {
    const slice = changes.slice(start, start + PAGE_SIZE);
    built.push({ cursor: slice.at(-1)!.version, changes: JSON.parse(JSON.stringify(slice)) as Change[] });
  }
  let busiest: [string, number] = ['', 0];
  for (const entry of contactsPerCustomer) if (entry[1] > busiest[1]) busiest = entry;
  return {
    pages: built,
    info: { rows: changes.length, pages: built.length, byEntity, busiestCustomer: busiest[0], busiestCustomerContacts: busiest[1] },
  };
}

function prepare(): PreparedInfo {
  const started = performance.now();
  const data = generateDemoData({ size: 'medium', now: NOW });
  const ava = data.users.find((user) => user.username === 'ava') ?? data.users[0]!;
  actor = { userId: ava.id, role: ava.role, teamIds: ava.teamIds };
  const built = buildPages(data);
  pages = built.pages;
  return { ...built.info, generateMs: performance.now() - started };
}

// ------------------------------------------------------------ the raw IndexedDB baseline

interface StoreSpec {
  name: string;
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  indexes: { name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }[];
}

function keyPathOf(spec: string): string | string[] {
  return spec.startsWith('[') ? spec.slice(1, -1).split('+') : spec;
}

/** The object stores and indexes Dexie makes from AgentDeskDb's schema, read from the same declaration. */
function storeSpecs(): StoreSpec[] {
  const stores = new Map<string, string>();
  for (const version of DB_VERSIONS) {
    for (const [name, spec] of Object.entries(version.stores)) {
      if (spec === null) stores.delete(name);
      else stores.set(name, spec);
    }
  }
  return [...stores].map(([name, spec]) => {
    const [primary = '', ...rest] = spec.split(',').map((part) => part.trim());
    const autoIncrement = primary.startsWith('++');
    const primaryPath = primary.replace(/^\+\+/, '').replace(/^&/, '');
    return {
      name,
      keyPath: primaryPath ? keyPathOf(primaryPath) : null,
      autoIncrement,
      indexes: rest.filter(Boolean).map((index) => {
        const unique = index.startsWith('&');
        const multiEntry = index.startsWith('*');
        const bare = index.replace(/^[&*]/, '');
        return { name: bare, keyPath: keyPathOf(bare), unique, multiEntry };
      }),
    };
  });
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function openRaw(name: string): Promise<IDBDatabase> {
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => {
    const db = open.result;
    for (const spec of storeSpecs()) {
      const store = db.createObjectStore(spec.name, { keyPath: spec.keyPath, autoIncrement: spec.autoIncrement });
      for (const index of spec.indexes) store.createIndex(index.name, index.keyPath, { unique: index.unique, multiEntry: index.multiEntry });
    }
  };
  return request(open);
}

function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

// ------------------------------------------------------------ runs

async function timePages(count: number, applyOne: (page: Page) => Promise<void> | void): Promise<{ elapsedMs: number; pageMs: number[]; rows: number }> {
  const chosen = pages.slice(0, count);
  const pageMs: number[] = [];
  let rows = 0;
  const started = performance.now();
  for (const page of chosen) {
    const pageStarted = performance.now();
    await applyOne(page);
    pageMs.push(performance.now() - pageStarted);
    rows += page.changes.length;
  }
  return { elapsedMs: performance.now() - started, pageMs, rows };
}

async function run(kind: RunKind, count: number, dbName: string): Promise<WorkerRunResult> {
  switch (kind) {
    case 'ours': {
      const db = new AgentDeskDb(dbName);
      await db.open();
      try {
        const timed = await timePages(count, async (page) => {
          await applyPulledPage(db, actor, { hubId: 'bench-hub', cursor: page.cursor, lastMutationId: 0, changes: page.changes, rejected: [] }, NOW);
        });
        return { kind, pages: count, ...timed };
      } finally {
        db.close();
      }
    }
    case 'raw': {
      const db = await openRaw(dbName);
      try {
        const timed = await timePages(count, async (page) => {
          const names = [...new Set(page.changes.map((change) => ENTITY_TABLES[change.entity]))];
          const tx = db.transaction(names, 'readwrite');
          const stores = new Map(names.map((name) => [name, tx.objectStore(name)]));
          for (const change of page.changes) {
            const store = stores.get(ENTITY_TABLES[change.entity])!;
            if (change.op === 'put') store.put({ ...change.row, _v: change.version });
            else store.delete(change.id);
          }
          await committed(tx);
        });
        return { kind, pages: count, ...timed };
      } finally {
        db.close();
      }
    }
    case 'validate-only': {
      const timed = await timePages(count, (page) => {
        prepareChanges(page.changes);
      });
      return { kind, pages: count, ...timed };
    }
    case 'dexie-bulkput': {
      const prepared = new Map(pages.slice(0, count).map((page) => [page, prepareChanges(page.changes)]));
      const db = new AgentDeskDb(dbName);
      await db.open();
      try {
        const timed = await timePages(count, async (page) => {
          const { puts } = prepared.get(page)!;
          const tables = [...puts.keys()].map((entity) => db.entityTable(entity));
          await db.transaction('rw', tables, async () => {
            for (const [entity, rows] of puts) await db.entityTable(entity).bulkPut(rows);
          });
        });
        return { kind, pages: count, ...timed };
      } finally {
        db.close();
      }
    }
  }
}

async function drop(dbName: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const deletion = indexedDB.deleteDatabase(dbName);
    deletion.onsuccess = () => resolve();
    deletion.onerror = () => reject(deletion.error ?? new Error('deleteDatabase failed'));
  });
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  const answer = async (): Promise<FromWorker> => {
    switch (message.type) {
      case 'prepare':
        return { requestId: message.requestId, type: 'prepared', info: prepare() };
      case 'run':
        return { requestId: message.requestId, type: 'ran', result: await run(message.kind, message.pages, message.dbName) };
      case 'drop':
        await drop(message.dbName);
        return { requestId: message.requestId, type: 'dropped' };
    }
  };
  answer().then(post, (error: unknown) =>
    post({ requestId: message.requestId, type: 'failed', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }),
  );
};
