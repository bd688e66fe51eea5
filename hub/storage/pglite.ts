import { mkdirSync, readFileSync, realpathSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { observeTransaction } from './observe';
import type { Queryable, Storage, StorageObserver } from './types';

function wrap(target: PGlite | Transaction, observer?: StorageObserver, writeLockTaken?: Queryable['writeLockTaken']): Queryable {
  return {
    async query<T extends object>(sql: string, params: readonly unknown[] = []) {
      observer?.statement();
      const result = await target.query<T>(sql, [...params]);
      return result.rows;
    },
    async exec(sql: string) {
      observer?.statement();
      await target.exec(sql);
    },
    ...(writeLockTaken ? { writeLockTaken } : {}),
  };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * When a process started, as the OS tells it: on Linux the boot id and the
 * start tick of /proc/<pid>/stat (field 22), which no later process with the
 * same PID can share, and about when in ms. Null without /proc (macOS, Windows).
 */
export function processStart(pid: number): { id: string; ms: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (the command) is in brackets and may hold spaces; field 22 is the 20th after it.
    const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const bootSeconds = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
    if (!Number.isInteger(ticks) || !bootId || !Number.isFinite(bootSeconds)) return null;
    // /proc counts in USER_HZ, 100 on every Linux Node runs on.
    return { id: `${bootId}:${ticks}`, ms: bootSeconds * 1000 + ticks * 10 };
  } catch {
    return null;
  }
}

export const LOCK_FILE = 'agentdesk-hub.lock';
/** Where the start cannot be read, the owner touches its lock this often, and one untouched for LOCK_STALE_MS is stale. */
export const LOCK_HEARTBEAT_MS = 15_000;
export const LOCK_STALE_MS = 120_000;

/** Who a lock file names. `start` null: written where starts cannot be read (kept fresh by heartbeat); `legacy`: a bare PID from an older hub. */
export interface LockOwner {
  pid: number;
  start: string | null;
  legacy: boolean;
}

export function parseLock(text: string): LockOwner | null {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { pid: Number(trimmed), start: null, legacy: true };
  try {
    const parsed = JSON.parse(trimmed) as { pid?: unknown; start?: unknown };
    if (Number.isInteger(parsed.pid) && (parsed.pid as number) > 0) {
      return { pid: parsed.pid as number, start: typeof parsed.start === 'string' ? parsed.start : null, legacy: false };
    }
  } catch {
    // Unreadable: nobody can be shown to hold it.
  }
  return null;
}

export interface ProcessProbe {
  running(pid: number): boolean;
  start(pid: number): { id: string; ms: number } | null;
  now(): number;
}

const systemProbe: ProcessProbe = { running: isRunning, start: processStart, now: () => Date.now() };

/**
 * Whether the process a lock names still holds it. A running PID is not
 * enough: the system may have given a dead hub's PID to another process. With
 * a recorded start, the process running now must have that start; without one
 * (written where /proc is missing), the lock must have been touched lately (its
 * owner touches it every LOCK_HEARTBEAT_MS); a bare PID from an older
 * hub needs a process that started before the lock was written (2 s slack for
 * the boot time's whole seconds).
 */
export function ownerIsLive(owner: LockOwner, lockWrittenMs: number, probe: ProcessProbe = systemProbe): boolean {
  if (!probe.running(owner.pid)) return false;
  const current = probe.start(owner.pid);
  if (owner.legacy) return current === null || current.ms <= lockWrittenMs + 2000;
  // A start we cannot read now (/proc hidden from us): assume the owner is who it says.
  if (owner.start !== null) return current === null || current.id === owner.start;
  return probe.now() - lockWrittenMs < LOCK_STALE_MS;
}

/** Data folders hubs of this process hold: a second hub in the same process is refused too. */
const heldHere = new Set<string>();

/**
 * PGlite is single-process: two hubs on one folder would corrupt it. The lock
 * file names the owner by PID and start (see ownerIsLive); one whose owner has
 * gone, even if its PID now runs something else, is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const key = realpathSync(dataDir);
  const refusal = (pid: number, cause?: unknown) =>
    new Error(`Another AgentDesk hub (process ${pid}) is using ${dataDir}. Stop it, or set AGENTDESK_DATA_DIR to another folder.`, { cause });
  if (heldHere.has(key)) throw refusal(process.pid);
  const file = path.join(dataDir, LOCK_FILE);
  const start = processStart(process.pid);
  const mine = JSON.stringify({ pid: process.pid, start: start?.id ?? null });
  for (let attempt = 0; ; attempt += 1) {
    try {
      writeFileSync(file, mine, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // Still colliding: another hub is taking the folder at this very moment.
      if (attempt >= 3) throw new Error(`Another AgentDesk hub is starting on ${dataDir}. Stop it, or set AGENTDESK_DATA_DIR to another folder.`, { cause: error });
      let owner: LockOwner | null;
      let writtenMs: number;
      try {
        owner = parseLock(readFileSync(file, 'utf8'));
        writtenMs = statSync(file).mtimeMs;
      } catch (gone) {
        if ((gone as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw gone;
      }
      // Our own PID while no hub of ours holds the folder: written by an earlier process that had our PID.
      if (owner && owner.pid !== process.pid && ownerIsLive(owner, writtenMs)) throw refusal(owner.pid, error);
      rmSync(file, { force: true });
    }
  }
  heldHere.add(key);
  const heartbeat = start
    ? null
    : setInterval(() => {
        const now = new Date();
        try {
          utimesSync(file, now, now);
        } catch {
          // The folder went away; the next start decides.
        }
      }, LOCK_HEARTBEAT_MS);
  heartbeat?.unref();
  return () => {
    if (heartbeat) clearInterval(heartbeat);
    heldHere.delete(key);
    // Only our own lock: one taken over meanwhile is not ours to remove.
    try {
      if (readFileSync(file, 'utf8') === mine) rmSync(file, { force: true });
    } catch {
      // Already gone.
    }
  };
}

export interface PgliteOptions {
  /** Told of every statement and transaction (the hub's metrics). */
  observer?: StorageObserver;
}

/**
 * PostgreSQL in-process (WebAssembly). `dataDir` null keeps everything in
 * memory (tests); otherwise the folder is created if needed.
 */
export async function openPglite(dataDir: string | null, options: PgliteOptions = {}): Promise<Storage> {
  const { observer } = options;
  let unlock = () => {};
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    unlock = lockDataDir(dataDir);
  }
  let db: PGlite;
  try {
    db = await PGlite.create(dataDir ?? undefined);
  } catch (error) {
    unlock();
    throw error;
  }
  const base = wrap(db, observer);
  return {
    kind: 'pglite',
    query: base.query,
    exec: base.exec,
    transaction: (fn) => observeTransaction(observer, (writeLockTaken) => db.transaction((tx) => fn(wrap(tx, observer, writeLockTaken)))),
    async listen(channel, onPayload) {
      const unlisten = await db.listen(channel, onPayload);
      return async () => {
        if (!db.closed) await unlisten();
      };
    },
    async notify(channel, payload) {
      await base.query('SELECT pg_notify($1, $2)', [channel, payload]);
    },
    // One connection in this process: nothing to pool, and notifications cannot be missed.
    status: () => ({ pools: null, listening: true }),
    async close() {
      if (!db.closed) await db.close();
      unlock();
    },
  };
}
