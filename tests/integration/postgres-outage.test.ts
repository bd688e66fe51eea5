/**
 * The hub on a PostgreSQL that goes away, on a private server this file
 * starts (the shared one is never touched): its connections are killed
 * (pg_terminate_backend), it restarts under load, and it stays down for a
 * while. The hub process stays up, answers 503 with Retry-After while the
 * database is away (never 500), LISTEN comes back and pokes open streams,
 * and desktops converge with every change they made taken exactly once.
 * Skipped, saying why, where no PostgreSQL binaries are installed.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readEvents, SyncError } from '@core/sync/engine';
import { POKE_EVENT } from '@core/sync/protocol';
import { importRows } from '../../hub/import';
import { startHub, type RunningHub } from '../../hub/server';
import { expectConverged, hubRows, replayHubLog } from '../helpers/convergence';
import { Desktop, HubLink, type HubAddress } from '../helpers/sync-harness';
import { PASSWORD, smallWorld } from '../helpers/world';

const run = promisify(execFile);
const DATABASE = 'agentdesk_outage';
/** Trust auth ignores it; it is there to prove the hub never prints it. */
const SECRET = 'outage-secret-pw';
const DEADLINE_MS = 30_000;

function postgresBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((version) => ['initdb', 'pg_ctl', 'postgres'].every((tool) => existsSync(path.join(root, version, 'bin', tool))))
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : undefined;
}

/** PostgreSQL refuses to run as root: as root, the server runs as the postgres OS user. */
function serverOwner(): { uid: number; gid: number } | null | undefined {
  if (process.getuid?.() !== 0) return null;
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return undefined;
  }
}

const BIN = process.platform === 'linux' ? postgresBin() : undefined;
const OWNER = serverOwner();
const skipReason = !BIN
  ? 'no PostgreSQL binaries under /usr/lib/postgresql/*/bin (install the postgresql package)'
  : OWNER === undefined
    ? 'running as root and there is no postgres OS user to run a private server as'
    : undefined;
if (skipReason) console.warn(`PostgreSQL outage test skipped: ${skipReason}`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A throwaway PostgreSQL cluster in a temp folder, on 127.0.0.1 with trust auth. */
class PrivateServer {
  readonly data: string;
  private readonly log: string;

  constructor(
    private readonly bin: string,
    readonly dir: string,
    readonly port: number,
  ) {
    this.data = path.join(dir, 'data');
    this.log = path.join(dir, 'server.log');
  }

  private async tool(name: string, args: string[]): Promise<void> {
    const command = path.join(this.bin, name);
    const [file, argv] = OWNER ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
    try {
      await run(file, argv, { cwd: this.dir, timeout: 90_000 });
    } catch (error) {
      const log = existsSync(this.log) ? readFileSync(this.log, 'utf8').slice(-2000) : '';
      throw new Error(`${name} ${args.join(' ')} failed: ${error instanceof Error ? error.message : String(error)}\n${log}`, { cause: error });
    }
  }

  async init(): Promise<void> {
    await this.tool('initdb', ['-D', this.data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
  }

  /** Durability is not under test: fsync off keeps a loaded machine fast. */
  private get options(): string {
    return `-p ${this.port} -c listen_addresses=127.0.0.1 -k ${this.dir} -c fsync=off -c full_page_writes=off -c max_connections=60`;
  }

  start(): Promise<void> {
    return this.tool('pg_ctl', ['-D', this.data, '-l', this.log, '-w', '-t', '60', '-o', this.options, 'start']);
  }

  stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    return this.tool('pg_ctl', ['-D', this.data, '-m', mode, '-w', '-t', '60', 'stop']);
  }

  restart(): Promise<void> {
    return this.tool('pg_ctl', ['-D', this.data, '-l', this.log, '-m', 'fast', '-w', '-t', '60', '-o', this.options, 'restart']);
  }

  url(database: string, password?: string): string {
    return `postgres://postgres${password ? `:${password}` : ''}@127.0.0.1:${this.port}/${database}`;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` holds; fails with `what` after the deadline. */
async function until(what: string, check: () => boolean | Promise<boolean>, deadlineMs = DEADLINE_MS): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out after ${deadlineMs} ms waiting for ${what}`);
    await sleep(25);
  }
}

/** Every answer and failure the hub gave, by status. */
interface Traffic {
  statuses: Map<number, number>;
  /** Retry-After of each 5xx answer. */
  retryAfter: (string | null)[];
  networkErrors: number;
}

describe.skipIf(skipReason)('the hub when PostgreSQL goes away', () => {
  let dir = '';
  let server: PrivateServer;
  let hub: RunningHub;
  const address: HubAddress = { url: '' };
  const desktops: Desktop[] = [];
  const traffic: Traffic = { statuses: new Map(), retryAfter: [], networkErrors: 0 };
  const warnings: string[] = [];
  const stream = new AbortController();
  let pokes = 0;
  let noteCounter = 0;
  let warnSpy: { mockRestore(): void } | undefined;

  const record = (response: Response) => {
    traffic.statuses.set(response.status, (traffic.statuses.get(response.status) ?? 0) + 1);
    if (response.status >= 500) traffic.retryAfter.push(response.headers.get('retry-after'));
  };

  const admin = async <T extends object>(sql: string, params: unknown[] = []): Promise<T[]> => {
    const client = new pg.Client({ connectionString: server.url('postgres'), connectionTimeoutMillis: 5000 });
    await client.connect();
    try {
      return (await client.query<T>(sql, params)).rows;
    } finally {
      await client.end().catch(() => undefined);
    }
  };

  /** A read that needs the database (sign-in check and queue); recorded like the desktops' requests. */
  const probe = async () => {
    const response = await fetch(`${hub.url}/sync/essentials`, { headers: { authorization: `Bearer ${desktops[0]!.token}` } });
    record(response);
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as unknown };
  };

  /** LISTEN is back when a backend of the hub's database last ran it. */
  const listening = async () =>
    (await admin<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND query ILIKE 'LISTEN%'", [DATABASE]))[0]!.n > 0;

  /** Each desktop makes changes and syncs in a loop, riding out failures, until stopped. */
  const load = () => {
    let running = true;
    let made = 0;
    let failed = 0;
    const loops = desktops.map(async (desktop, index) => {
      for (let step = 0; running; step += 1) {
        const customerId = `cus_${1 + ((step + index) % 4)}`;
        if (step % 4 === 3) {
          await desktop.mutate('customer.update', { customerId, patch: { tags: [['vip-watch', 'complaint', 'broadband', 'tv'][step % 4]!] } });
        } else {
          noteCounter += 1;
          await desktop.mutate('contact.addNote', { id: `outage-note-${noteCounter}`, customerId, body: `Note ${noteCounter} by ${desktop.user.username}` });
        }
        made += 1;
        try {
          await desktop.sync();
          await sleep(10);
        } catch {
          failed += 1;
          await sleep(50);
        }
      }
    });
    return {
      get made() {
        return made;
      },
      get failed() {
        return failed;
      },
      async stop() {
        running = false;
        await Promise.all(loops);
      },
    };
  };

  const converge = async () => {
    for (let round = 0; round < 2; round += 1) {
      for (const desktop of desktops) await desktop.syncUntilDone();
    }
    for (const desktop of desktops) await expectConverged(hub, desktop);
  };

  /** Every change each desktop made was taken once, in order, and the hub's rows are its log replayed once. */
  const expectExactlyOnce = async () => {
    for (const desktop of desktops) {
      const clientId = (await desktop.db.getMeta<string>('clientId'))!;
      const made = ((await desktop.db.getMeta<number>('nextMutationId')) ?? 1) - 1;
      const taken = await hub.storage.query<{ n: number; max: number | null }>('SELECT count(*) AS n, max(id) AS max FROM mutations WHERE client_id = $1', [clientId]);
      expect({ user: desktop.user.username, taken: Number(taken[0]!.n), last: Number(taken[0]!.max ?? 0) }).toEqual({ user: desktop.user.username, taken: made, last: made });
    }
    const replayed = await replayHubLog(hub, smallWorld().entries);
    const actual = await hubRows(hub);
    expect([...replayed.rows.keys()].sort()).toEqual([...actual.keys()].sort());
    for (const [key, row] of actual) expect({ key, row }).toEqual({ key, row: replayed.rows.get(key) });
  };

  beforeAll(async () => {
    warnSpy = vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
    });
    dir = mkdtempSync(path.join(os.tmpdir(), 'agentdesk-pg-outage-'));
    if (OWNER) chownSync(dir, OWNER.uid, OWNER.gid);
    server = new PrivateServer(BIN!, dir, await freePort());
    await server.init();
    await server.start();
    await admin(`CREATE DATABASE ${DATABASE}`);
    hub = await startHub({ host: '127.0.0.1', port: 0, databaseUrl: server.url(DATABASE, SECRET), dataDir: null, offers: false });
    address.url = hub.url;
    const world = smallWorld();
    await importRows(hub.storage, world.entries, world.accounts);
    for (const username of ['ava', 'ben', 'sam']) {
      const link = new HubLink(address);
      const inner = link.fetch;
      link.fetch = async (input, init) => {
        try {
          const response = await inner(input, init);
          record(response);
          return response;
        } catch (error) {
          traffic.networkErrors += 1;
          throw error;
        }
      };
      const desktop = await Desktop.signIn({ link, username, password: PASSWORD });
      desktops.push(desktop);
      await desktop.syncUntilDone();
    }
  });

  afterAll(async () => {
    stream.abort();
    for (const desktop of desktops) await desktop.close().catch(() => undefined);
    await hub?.close().catch(() => undefined);
    if (server) await server.stop('immediate').catch(() => undefined);
    if (dir) rmSync(dir, { recursive: true, force: true });
    warnSpy?.mockRestore();
    console.log('postgres outage run:', JSON.stringify({ statuses: Object.fromEntries(traffic.statuses), networkErrors: traffic.networkErrors, pokes, warnings: warnings.length }));
  });

  it('killed connections: the hub stays up and answers again after at most one retry', async () => {
    const running = load();
    try {
      await until('load before the kill', () => running.made >= 20);
      const killed = await admin<{ pid: number; killed: boolean }>(
        'SELECT pid, pg_terminate_backend(pid) AS killed FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [DATABASE],
      );
      // At least the LISTEN connection and a pool connection.
      expect(killed.filter((row) => row.killed).length).toBeGreaterThanOrEqual(2);
      const pids = killed.map((row) => row.pid);
      await until('the killed backends to exit', async () => (await admin('SELECT 1 FROM pg_stat_activity WHERE pid = ANY($1::int[])', [pids])).length === 0);
      let answer = await probe();
      if (answer.status === 503) answer = await probe();
      expect(answer.status).toBe(200);
      await until('LISTEN to come back', listening);
      const before = running.made;
      await until('load after the kill', () => running.made >= before + 20);
    } finally {
      await running.stop();
    }
    expect((await fetch(`${hub.url}/health`)).status).toBe(200);
  }, 120_000);

  it('a restart under load: never a 500, then desktops converge with each change taken once', async () => {
    const running = load();
    let probing = true;
    const prober = (async () => {
      while (probing) {
        await probe();
        await sleep(20);
      }
    })();
    try {
      await until('load before the restart', () => running.made >= 20);
      await server.restart();
      await until('the hub to serve again', async () => (await probe()).status === 200);
      const before = running.made;
      await until('load after the restart', () => running.made >= before + 20);
    } finally {
      probing = false;
      await prober;
      await running.stop();
    }
    await until('LISTEN to come back', listening);
    await converge();
    await expectExactlyOnce();
  }, 120_000);

  it('a held outage: 503 with Retry-After, the desktop waits, and an open event stream is poked when LISTEN is back', async () => {
    const [ava] = desktops as [Desktop];
    const response = await fetch(`${hub.url}/sync/events`, { headers: { authorization: `Bearer ${ava.token}`, accept: 'text/event-stream' }, signal: stream.signal });
    expect(response.status).toBe(200);
    void readEvents(response.body!, (event) => {
      if (event === POKE_EVENT) pokes += 1;
    }).catch(() => undefined);
    // Nothing changes from here on: a poke can only come from LISTEN coming back.
    await sleep(200);
    const quiet = pokes;

    await server.stop('fast');
    let answer = await probe();
    const end = Date.now() + DEADLINE_MS;
    while (answer.status !== 503 && Date.now() < end) answer = await probe();
    expect(answer).toEqual({
      status: 503,
      retryAfter: '5',
      body: { statusCode: 503, error: 'storage_unavailable', message: expect.stringMatching(/database/) as string, messageId: 'hub.request.databaseUnavailable' },
    });
    await ava.mutate('contact.addNote', { id: 'outage-held-note', customerId: 'cus_1', body: 'Written while the database was away' });
    const failure = await ava.sync().then(() => null, (error: unknown) => error);
    expect(failure).toBeInstanceOf(SyncError);
    expect(failure).toMatchObject({ kind: 'server', status: 503, retryAfterMs: 5000 });
    expect(pokes).toBe(quiet);
    // A load balancer sends this process nothing meanwhile; liveness stays up, so nobody restarts it.
    const ready = await fetch(`${hub.url}/health/ready`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { error: string }).error).toMatch(/^(storage|notifications)_unavailable$/);
    expect((await fetch(`${hub.url}/health/live`)).status).toBe(200);

    await server.start();
    await until('a poke after LISTEN is back', () => pokes > quiet);
    await until('the hub to serve again', async () => (await probe()).status === 200);
    expect((await fetch(`${hub.url}/health/ready`)).status).toBe(200);
    await converge();
    await expectExactlyOnce();
    expect((await hubRows(hub)).has('contact:outage-held-note')).toBe(true);
  }, 120_000);

  it('never answered 500, told callers when to come back, and never printed the password', () => {
    expect(traffic.statuses.get(500) ?? 0).toBe(0);
    expect([...traffic.statuses.keys()].filter((status) => status >= 500 && status !== 503)).toEqual([]);
    expect(traffic.statuses.get(503) ?? 0).toBeGreaterThan(0);
    expect(traffic.retryAfter.every((value) => value === '5')).toBe(true);
    // The hub was in this process all along: had it crashed, nothing would have answered.
    expect(traffic.networkErrors).toBe(0);
    expect(warnings.some((line) => /LISTEN connection is back/.test(line))).toBe(true);
    expect(warnings.filter((line) => line.includes(SECRET))).toEqual([]);
  });
});
