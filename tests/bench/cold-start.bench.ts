/**
 * Benchmark 10 — cold start in serve mode, this build against an older one
 * (BENCH_BASE_COMMIT, default cae775f: the single-chunk renderer) measured in
 * the same run, rounds interleaved with the order alternating.
 *
 * Each start: spawn `node out/hub/cli.js` (a copy of a PGlite folder holding
 * the small demo set) → /health answers → a fresh Chromium context opens the workstation →
 * first contentful paint → the sign-in form is visible. Then sign in (ava) →
 * the queue is shown. Every script the page fetched on the way is listed and
 * sized from the build folder (raw and gzip), so "the first screen's JS" is
 * what a browser really loaded, not what the bundler printed.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { test } from 'vitest';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './lib/browser';
import { judge, REPO_ROOT, saveResult, textTable, type Measure } from './lib/results';
import { dec, int, median, ms, percentile } from './lib/stats';

const BASE_COMMIT = process.env.BENCH_BASE_COMMIT ?? 'cae775f';
const ROUNDS = Number(process.env.BENCH_COLD_ROUNDS ?? 7);
const WARMUP = 1;

interface Build {
  label: string;
  dir: string;
  /** A PGlite folder this build's hub loaded the small demo set into, copied afresh for every start. */
  seeded?: string;
}

interface ColdStart {
  hubMs: number;
  fcpMs: number;
  formMs: number;
  pageFormMs: number;
  queueMs: number;
  signInScripts: string[];
  queueScripts: string[];
}

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}`);
}

/** The base commit built in a worktree of its own (reused by later runs), sharing this checkout's node_modules. */
function baseBuild(): Build {
  const commit = spawnSync('git', ['rev-parse', '--short', BASE_COMMIT], { cwd: REPO_ROOT, encoding: 'utf8' }).stdout.trim();
  if (!commit) throw new Error(`BENCH_BASE_COMMIT=${BASE_COMMIT} is not a commit of this repository`);
  const dir = path.join(os.tmpdir(), `agentdesk-bench-base-${commit}`);
  if (!existsSync(path.join(dir, 'package.json'))) {
    rmSync(dir, { recursive: true, force: true });
    run('git', ['worktree', 'prune'], REPO_ROOT);
    run('git', ['worktree', 'add', '--detach', dir, commit], REPO_ROOT);
  }
  if (!existsSync(path.join(dir, 'node_modules'))) symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  if (!existsSync(path.join(dir, 'out/hub/cli.js'))) run('npm', ['run', 'build'], dir);
  return { label: `base ${commit}`, dir };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function untilHealthy(url: string, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the hub exited (${child.exitCode}) before answering`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function startHubProcess(build: Build, port: number, dataDir: string): ChildProcess {
  return spawn(process.execPath, [path.join(build.dir, 'out/hub/cli.js')], {
    cwd: build.dir,
    stdio: 'ignore',
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', AGENTDESK_DATA_DIR: dataDir, DATABASE_URL: '', AGENTDESK_DEMO: 'small' },
  });
}

/**
 * A desktop starts on the data it already has: the demo set is loaded once per
 * build (a first start, not timed) and each timed start opens a copy of it.
 */
async function seed(build: Build): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'agentdesk-bench-seeded-'));
  const port = await freePort();
  const child = startHubProcess(build, port, dataDir);
  await untilHealthy(`http://127.0.0.1:${port}`, child);
  await stop(child);
  build.seeded = dataDir;
}

async function coldStart(build: Build, browser: Browser): Promise<ColdStart> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'agentdesk-bench-cold-'));
  if (build.seeded) cpSync(build.seeded, dataDir, { recursive: true });
  const started = performance.now();
  const child = startHubProcess(build, port, dataDir);
  const context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
  try {
    await untilHealthy(url, child);
    const hubMs = performance.now() - started;
    const scripts: string[] = [];
    // Worker scripts count too: the context sees every request, the page's and its workers'.
    context.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.endsWith('.js')) scripts.push(pathname);
    });
    const page = await context.newPage();
    const navigated = performance.now();
    await page.goto(`${url}/queue`);
    await page.getByLabel('User name').waitFor({ state: 'visible', timeout: 60_000 });
    const formAt = performance.now();
    const fcpMs = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN);
    const signInScripts = [...new Set(scripts)];
    await page.getByLabel('User name').fill('ava');
    await page.getByLabel('Password', { exact: true }).fill('demo');
    const signingIn = performance.now();
    await page.getByLabel('Password', { exact: true }).press('Enter');
    await page.getByRole('heading', { name: 'Queue', level: 1 }).waitFor({ state: 'visible', timeout: 60_000 });
    const queueMs = performance.now() - signingIn;
    const queueScripts = [...new Set(scripts)];
    return { hubMs, fcpMs: navigated - started + fcpMs, formMs: formAt - started, pageFormMs: formAt - navigated, queueMs, signInScripts, queueScripts };
  } finally {
    await context.close().catch(() => undefined);
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

interface Sizes {
  raw: number;
  gzip: number;
}

function sizeOf(build: Build, pathnames: readonly string[]): Sizes {
  let raw = 0;
  let gzip = 0;
  for (const pathname of pathnames) {
    const file = path.join(build.dir, 'out/renderer', pathname);
    if (!existsSync(file)) continue;
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { raw, gzip };
}

/** The renderer's entry chunk: the script index.html loads. */
function entryChunk(build: Build): { name: string } & Sizes {
  const html = readFileSync(path.join(build.dir, 'out/renderer/index.html'), 'utf8');
  const src = /<script[^>]+src="\.?\/?([^"]+)"/.exec(html)?.[1];
  if (!src) throw new Error(`no entry script in ${build.dir}/out/renderer/index.html`);
  return { name: path.basename(src), ...sizeOf(build, [`/${src}`]) };
}

const kib = (bytes: number) => `${dec(bytes / 1024, 1)} KiB`;
const mainWindowScripts = (scripts: readonly string[]) => scripts.filter((script) => !/\.worker-/.test(script));

test('cold start: process start to sign-in screen, this build against the base', async () => {
  const wallStart = Date.now();
  run('npm', ['run', 'build'], REPO_ROOT);
  const current: Build = { label: 'this build', dir: REPO_ROOT };
  const base = baseBuild();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  const runs = new Map<Build, ColdStart[]>([
    [current, []],
    [base, []],
  ]);
  try {
    await seed(base);
    await seed(current);
    for (let round = 0; round < WARMUP + ROUNDS; round++) {
      const order = round % 2 === 0 ? [base, current] : [current, base];
      for (const build of order) {
        const result = await coldStart(build, browser);
        if (round >= WARMUP) runs.get(build)!.push(result);
      }
    }
  } finally {
    await browser.close();
    for (const build of [base, current]) if (build.seeded) rmSync(build.seeded, { recursive: true, force: true });
  }
  const chromiumVersion = spawnSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' }).stdout.replace(/[^\d.]/g, '');
  const now = runs.get(current)!;
  const then = runs.get(base)!;
  // A start whose paint timing Chromium did not report leaves that one figure out, not the run.
  const pick = (list: ColdStart[], key: keyof Pick<ColdStart, 'hubMs' | 'fcpMs' | 'formMs' | 'pageFormMs' | 'queueMs'>) => list.map((item) => item[key]).filter(Number.isFinite);
  const last = <T>(list: T[]) => list.at(-1)!;
  const scriptsNow = { signIn: mainWindowScripts(last(now).signInScripts), queue: mainWindowScripts(last(now).queueScripts) };
  const scriptsThen = { signIn: mainWindowScripts(last(then).signInScripts), queue: mainWindowScripts(last(then).queueScripts) };
  const signInNow = sizeOf(current, scriptsNow.signIn);
  const signInThen = sizeOf(base, scriptsThen.signIn);
  const queueNow = sizeOf(current, scriptsNow.queue);
  const queueThen = sizeOf(base, scriptsThen.queue);
  const entryNow = entryChunk(current);
  const entryThen = entryChunk(base);
  const timing = (name: string, key: Parameters<typeof pick>[1], target?: boolean): Measure[] => {
    const medNow = median(pick(now, key));
    const medThen = median(pick(then, key));
    const p95Now = percentile(pick(now, key), 95);
    const p95Then = percentile(pick(then, key), 95);
    return [
      { name: `${name}, median`, figure: ms(medNow, 0), baseline: ms(medThen, 0), ratio: medNow / medThen, target: target ? '≤ 1.05×' : '—', status: target ? judge(medNow / medThen <= 1.05) : 'info' },
      { name: '  p95', figure: ms(p95Now, 0), baseline: ms(p95Then, 0), ratio: p95Now / p95Then, target: '—', status: 'info' },
    ];
  };
  const size = (name: string, now: Sizes, then: Sizes, target: number | null): Measure[] => [
    {
      name: `${name}, gzip`,
      figure: kib(now.gzip),
      baseline: kib(then.gzip),
      ratio: now.gzip / then.gzip,
      target: target === null ? '—' : `≤ ${dec(target, 2)}×`,
      status: target === null ? 'info' : judge(now.gzip / then.gzip <= target),
    },
    { name: '  raw', figure: kib(now.raw), baseline: kib(then.raw), ratio: now.raw / then.raw, target: '—', status: 'info' },
  ];
  const result = {
    id: '10-cold-start',
    title: '10. Cold start to the sign-in screen, and the JavaScript it needs (Chromium, serve mode, hub on PGlite)',
    measures: [
      ...size('Sign-in screen: JavaScript loaded', signInNow, signInThen, 0.4),
      ...size('Queue after sign-in: JavaScript loaded in all', queueNow, queueThen, null),
      ...size(`Entry chunk (${entryNow.name})`, entryNow, entryThen, null),
      ...timing('Process start → sign-in form visible', 'formMs', true),
      ...timing('Process start → first contentful paint', 'fcpMs'),
      ...timing('Process start → hub answers /health', 'hubMs'),
      ...timing('Navigation → sign-in form visible', 'pageFormMs'),
      ...timing('Sign in → queue shown', 'queueMs'),
    ],
    notes: [
      `Baseline: ${base.label} (BENCH_BASE_COMMIT), built in ${base.dir} with this checkout's node_modules; ${WARMUP} warm-up round then ${ROUNDS} rounds, each starting both builds one after the other, the order alternating; medians and nearest-rank p95 over the rounds.`,
      'Each start: `node out/hub/cli.js` on a fresh copy of a PGlite folder its build loaded the small demo set into beforehand (as a desktop starts on the data it has), then a fresh Chromium context (empty cache) opening /queue; the clock starts at the spawn. Chromium itself is launched once, before the rounds. The hub is the same code in both builds: "navigation → sign-in form visible" is the part the renderer decides.',
      `Scripts of the sign-in screen: ${scriptsNow.signIn.length} (${scriptsNow.signIn.map((script) => path.basename(script)).join(', ')}); baseline ${scriptsThen.signIn.length}. After sign-in, up to the queue: ${scriptsNow.queue.length} scripts (the shell, the local database and sync, and whichever screens the idle warming had fetched by then); baseline ${scriptsThen.queue.length}. First contentful paint reported in ${pick(now, 'fcpMs').length} / ${pick(then, 'fcpMs').length} of ${ROUNDS} starts. Web workers (sync, dashboard) are not counted: both builds load the same ones.`,
      'Sizes are of the files as built (gzip at the default level, as @fastify/compress serves them); target for the sign-in screen: at most 40 % of the baseline.',
    ],
    raw: { now, then, entryNow, entryThen, signInNow, signInThen, queueNow, queueThen, rounds: ROUNDS },
    chromium: chromiumVersion,
    durationMs: Date.now() - wallStart,
  };
  saveResult(result);
  console.log(textTable(result));
  console.log(`sign-in scripts: ${int(scriptsNow.signIn.length)} now, ${int(scriptsThen.signIn.length)} base`);
});
