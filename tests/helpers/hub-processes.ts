/**
 * Hub processes for load runs and multi-process tests: `node <hub>/out/hub/cli.js`
 * (serve mode) as child processes on loopback, each on its own port, with the
 * run's database, the run's integration key, and its logs in a folder of its own.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Builds the hub from the current sources into `outDir` (inside the repository, so it finds node_modules) and
 * answers the path of its cli.js: tests run what the sources say, not whatever `npm run build` left in out/hub.
 */
export function buildHubForTests(outDir: string): string {
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'hub/vite.config.ts', '--outDir', outDir, '--emptyOutDir'], { cwd: REPO_ROOT, stdio: 'pipe' });
  return path.join(outDir, 'cli.js');
}

export interface HubProcess {
  index: number;
  url: string;
  port: number;
  pid: number;
  logFile: string;
  /** Resolves with the exit code once the process has ended. */
  readonly exited: Promise<number | null>;
  /** Sends a signal and returns at once (SIGKILL: a crash; SIGTERM: a draining stop). */
  signal(signal: NodeJS.Signals): void;
  stop(): Promise<void>;
}

export interface HubLaunch {
  cli: string;
  index: number;
  databaseUrl?: string;
  /** PGlite's folder (and the hub's log folder); a folder of the hub's own for PostgreSQL. */
  dataDir: string;
  /** Where the process's own output goes (start-up messages, crashes). */
  outputDir: string;
  port: number | null;
  integrationKey: string;
  /** The key's name in AGENTDESK_INTEGRATION_KEYS. */
  integrationKeyName?: string;
  /** More of the hub's environment (AGENTDESK_PUBLIC_URL, AGENTDESK_DRAIN_DELAY_MS…). */
  env?: Record<string, string>;
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The hub's environment: the caller's, without settings that would point the hub elsewhere. */
function hubEnv(launch: HubLaunch, port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // The test clock offset is kept: the hub then reads the same time as the generator.
    if (key === 'DATABASE_URL' || (key.startsWith('AGENTDESK_') && key !== 'AGENTDESK_CLOCK_OFFSET_MS')) continue;
    env[key] = value;
  }
  return {
    ...env,
    HOST: '127.0.0.1',
    PORT: String(port),
    ...(launch.databaseUrl ? { DATABASE_URL: launch.databaseUrl } : {}),
    AGENTDESK_DATA_DIR: launch.dataDir,
    AGENTDESK_DEMO: 'none',
    AGENTDESK_LOG_STDOUT: 'no',
    AGENTDESK_INTEGRATION_KEYS: `${launch.integrationKeyName ?? 'load-generator'}:${launch.integrationKey}`,
    ...launch.env,
  };
}

function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no output)';
  }
}

async function healthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

/** Starts one hub and waits until /health answers (at most `timeoutMs`). */
export async function startHubProcess(launch: HubLaunch, timeoutMs = 90_000): Promise<HubProcess> {
  if (!existsSync(launch.cli)) throw new Error(`${launch.cli} does not exist: build the hub first (npm run build, or vite build --config hub/vite.config.ts).`);
  mkdirSync(launch.dataDir, { recursive: true });
  mkdirSync(launch.outputDir, { recursive: true });
  const port = launch.port ?? (await freePort());
  const logFile = path.join(launch.outputDir, `hub-${launch.index + 1}.out`);
  const out = openSync(logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(process.execPath, [launch.cli], { cwd: path.dirname(launch.cli), env: hubEnv(launch, port), stdio: ['ignore', out, out] });
  } finally {
    closeSync(out);
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  let gone = false;
  void exited.then(() => (gone = true));
  while (!(await healthy(url))) {
    if (gone) throw new Error(`Hub ${launch.index + 1} exited while starting:\n${tail(logFile)}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Hub ${launch.index + 1} did not answer /health within ${timeoutMs / 1000} s:\n${tail(logFile)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  let stopping: Promise<void> | null = null;
  return {
    index: launch.index,
    url,
    port,
    pid: child.pid!,
    logFile,
    exited,
    signal(signal) {
      if (!gone) child.kill(signal);
    },
    stop() {
      stopping ??= (async () => {
        if (gone) return;
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(killer);
      })();
      return stopping;
    },
  };
}
