/**
 * The embedded hub's data folder lock: a crashed hub's PID, now running
 * something else, does not keep the folder locked; a hub that is still there
 * (in another process or in this one) does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub } from '../../hub/server';
import { LOCK_FILE, LOCK_STALE_MS, openPglite, ownerIsLive, parseLock, processStart, type ProcessProbe } from '../../hub/storage/pglite';

const linux = process.platform === 'linux' && processStart(process.pid) !== null;

/** A live process that is not a hub (what a dead hub's PID may have become). */
let other: ChildProcess;
let dataDir: string;
const lockFile = () => path.join(dataDir, LOCK_FILE);

beforeAll(async () => {
  other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 120000)'], { stdio: 'ignore' });
  await new Promise<void>((resolve, reject) => other.once('spawn', resolve).once('error', reject));
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'agentdesk-lock-'));
  // Creates the database once, so each start below only opens it.
  await (await openPglite(dataDir)).close();
});
afterAll(() => {
  other?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

async function opens(): Promise<void> {
  const storage = await openPglite(dataDir);
  await storage.close();
  expect(existsSync(lockFile())).toBe(false);
}

describe('PGlite data folder lock', () => {
  it('names this process and its start', async () => {
    const storage = await openPglite(dataDir);
    try {
      const owner = parseLock(readFileSync(lockFile(), 'utf8'));
      expect(owner).toEqual({ pid: process.pid, start: processStart(process.pid)?.id ?? null, legacy: false });
    } finally {
      await storage.close();
    }
  });

  it.skipIf(!linux)("is taken over when the dead hub's PID now belongs to another process (another start)", async () => {
    writeFileSync(lockFile(), JSON.stringify({ pid: other.pid, start: `${processStart(other.pid!)!.id.split(':')[0]}:1` }));
    await opens();
  });

  it.skipIf(!linux)('is taken over from an older hub (a bare PID) when the process with that PID started after the lock was written', async () => {
    writeFileSync(lockFile(), String(other.pid));
    const anHourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(lockFile(), anHourAgo, anHourAgo);
    await opens();
  });

  it.skipIf(!linux)('refuses while the process the lock names is the one that wrote it, with the clear message', async () => {
    writeFileSync(lockFile(), JSON.stringify({ pid: other.pid, start: processStart(other.pid!)!.id }));
    await expect(startHub({ host: '127.0.0.1', port: 0, dataDir })).rejects.toThrow(
      `Another AgentDesk hub (process ${other.pid}) is using ${dataDir}. Stop it, or set AGENTDESK_DATA_DIR to another folder.`,
    );
    // A bare PID from an older hub whose process was already running when it wrote the lock: still refused.
    writeFileSync(lockFile(), String(other.pid));
    await expect(openPglite(dataDir)).rejects.toThrow(`Another AgentDesk hub (process ${other.pid}) is using`);
    // Refusing did not touch the other hub's lock.
    expect(readFileSync(lockFile(), 'utf8')).toBe(String(other.pid));
    rmSync(lockFile());
  });

  it("refuses a second hub in this same process, and frees the folder when the first closes", async () => {
    const first = await startHub({ host: '127.0.0.1', port: 0, dataDir });
    try {
      await expect(startHub({ host: '127.0.0.1', port: 0, dataDir })).rejects.toThrow(`Another AgentDesk hub (process ${process.pid}) is using ${dataDir}.`);
      // The refused start left the first hub's lock alone.
      expect(parseLock(readFileSync(lockFile(), 'utf8'))?.pid).toBe(process.pid);
    } finally {
      await first.close();
    }
    expect(existsSync(lockFile())).toBe(false);
    await opens();
  });

  it('is taken over when it names this process but no hub of ours holds the folder (an earlier process had our PID)', async () => {
    writeFileSync(lockFile(), JSON.stringify({ pid: process.pid, start: 'another-boot:1' }));
    await opens();
    writeFileSync(lockFile(), String(process.pid));
    await opens();
  });

  it('is taken over when unreadable or its process has gone', async () => {
    writeFileSync(lockFile(), 'not a lock');
    await opens();
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => gone.once('exit', resolve));
    writeFileSync(lockFile(), JSON.stringify({ pid: gone.pid, start: null }));
    await opens();
  });
});

describe('whether a lock owner is live', () => {
  const now = 1_000_000_000;
  const probe = (running: boolean, start: { id: string; ms: number } | null): ProcessProbe => ({ running: () => running, start: () => start, now: () => now });

  it('needs the PID running', () => {
    expect(ownerIsLive({ pid: 7, start: 'b:1', legacy: false }, now, probe(false, { id: 'b:1', ms: 0 }))).toBe(false);
    expect(ownerIsLive({ pid: 7, start: null, legacy: true }, now, probe(false, null))).toBe(false);
  });

  it('with a recorded start, needs the same start', () => {
    expect(ownerIsLive({ pid: 7, start: 'b:1', legacy: false }, now, probe(true, { id: 'b:1', ms: 0 }))).toBe(true);
    expect(ownerIsLive({ pid: 7, start: 'b:1', legacy: false }, now, probe(true, { id: 'b:2', ms: 0 }))).toBe(false);
    expect(ownerIsLive({ pid: 7, start: 'b:1', legacy: false }, now, probe(true, null))).toBe(true);
  });

  it('without one (no /proc), needs the lock touched lately by its heartbeat', () => {
    expect(ownerIsLive({ pid: 7, start: null, legacy: false }, now - 1000, probe(true, null))).toBe(true);
    expect(ownerIsLive({ pid: 7, start: null, legacy: false }, now - LOCK_STALE_MS - 1, probe(true, null))).toBe(false);
  });

  it('for an older hub (a bare PID), needs a process that started before the lock was written', () => {
    expect(ownerIsLive({ pid: 7, start: null, legacy: true }, now, probe(true, { id: 'b:1', ms: now - 60_000 }))).toBe(true);
    expect(ownerIsLive({ pid: 7, start: null, legacy: true }, now, probe(true, { id: 'b:1', ms: now + 60_000 }))).toBe(false);
    expect(ownerIsLive({ pid: 7, start: null, legacy: true }, now - 3_600_000, probe(true, null))).toBe(true);
  });
});
