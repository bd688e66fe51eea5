/**
 * One load run, start to end: a fresh database, the hub processes, the
 * contact centre written into it, the desktops and the integration for the
 * warm-up and the measured window, then everything stopped and removed.
 * It ends by itself: every step is bounded, and the whole run has a deadline.
 */
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deriveSeed, Rng } from '@core/demo/random';
import { createContactCentre, type ContactCentre } from './accounts';
import { Agent, agentPace, type AgentWorld } from './agents';
import { createRunDatabase, type RunDatabase } from './database';
import { apiAgent, Endpoint } from './http';
import { startHubProcess, type HubProcess } from '../helpers/hub-processes';
import { Integration } from './integration';
import { NoteTracker, OfferTracker, Recorder } from './measures';
import { Monitor } from './monitor';
import { hubCliOf, type LoadOptions } from './options';
import { computeFigures, type LoadFigures, type LoadSetup } from './report';

export interface RunHooks {
  log?: (line: string) => void;
  /** Stops the run early (Ctrl+C); figures are still computed for what was measured. */
  signal?: AbortSignal;
  /** Hub processes as they start, so a caller can kill them if it must exit at once. */
  onHub?: (hub: HubProcess) => void;
}

/** Setup (database, hubs, accounts) may take this long, plus a little per agent, before the run gives up. */
const SETUP_BUDGET_MS = 120_000;
const SETUP_PER_AGENT_MS = 40;
/** Desktops and the integration get this long to finish what they are doing at the end. */
const STOP_BUDGET_MS = 20_000;

/** Resolves after `ms`, or early when `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted || ms <= 0) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}

function bounded<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

/** How long a whole run may last before it is stopped as stuck. */
export function runDeadlineMs(options: LoadOptions): number {
  return SETUP_BUDGET_MS + options.agents * SETUP_PER_AGENT_MS + (options.warmupS + options.durationS) * 1000 + 2 * STOP_BUDGET_MS;
}

export async function runLoad(options: LoadOptions, hooks: RunHooks = {}): Promise<LoadFigures> {
  const log = hooks.log ?? (() => undefined);
  const stop = new AbortController();
  const abort = () => stop.abort();
  hooks.signal?.addEventListener('abort', abort);
  const deadline = setTimeout(abort, runDeadlineMs(options));
  const cli = hubCliOf(options);
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'agentdesk-load-'));
  const hubs: HubProcess[] = [];
  let database: RunDatabase | null = null;
  let agents: Agent[] = [];
  let integration: Integration | null = null;
  let monitor: Monitor | null = null;
  const http = apiAgent(options.agents);
  const recorder = new Recorder();
  const notes = new NoteTracker(recorder);
  const offers = new OfferTracker(recorder);
  let measuring = true;
  let keepOutput = false;
  try {
    database = await createRunDatabase(options.storage, options.databaseUrl);
    const db = database;
    log(`Database: ${db.label}`);
    const key = randomBytes(24).toString('base64url');
    const launch = async (index: number) => {
      const hub = await startHubProcess({
        cli,
        index,
        ...(db.databaseUrl ? { databaseUrl: db.databaseUrl } : {}),
        dataDir: db.dataDir ?? path.join(workDir, `hub-${index + 1}`),
        outputDir: workDir,
        port: options.portBase === null ? null : options.portBase + index,
        integrationKey: key,
      });
      hooks.onHub?.(hub);
      return hub;
    };
    const setupLimit = SETUP_BUDGET_MS + options.agents * SETUP_PER_AGENT_MS;
    const setupStarted = performance.now();
    let centre: ContactCentre;
    if (db.storage === 'pglite') {
      // The hub migrates its own database (an older hub gets its own schema); PGlite has one user at a time, so the accounts go in between two starts.
      await (await launch(0)).stop();
      log('Writing the contact centre…');
      centre = await bounded(createContactCentre({ dataDir: db.dataDir! }, options), setupLimit, 'Writing the accounts');
      hubs.push(await launch(0));
    } else {
      // Migrations run under an advisory lock, so hubs may start together.
      hubs.push(...(await Promise.all(Array.from({ length: options.hubs }, (_, index) => launch(index)))));
      log('Writing the contact centre…');
      centre = await bounded(createContactCentre({ databaseUrl: db.databaseUrl! }, options), setupLimit, 'Writing the accounts');
    }
    log(`Hubs: ${hubs.map((hub) => `${hub.url} (pid ${hub.pid})`).join(', ')}; ready in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s with ${centre.agents.length} agents in ${centre.teams.length} teams`);
    for (const hub of hubs) {
      void hub.exited.then((code) => {
        if (!measuring) return;
        keepOutput = true;
        recorder.error(`hub ${hub.index + 1} exited (code ${code})`);
        log(`Hub ${hub.index + 1} exited (code ${code}); its output is kept in ${hub.logFile}`);
      });
    }

    const rng = new Rng(deriveSeed(options.seed, 'load-run'));
    const runTag = randomBytes(3).toString('hex');
    const endpoints = options.target ? [new Endpoint(options.target)] : hubs.map((hub) => new Endpoint(hub.url));
    const pace = agentPace(options.changesPerAgentHour * options.rate, options.contactsPerAgentHour * options.rate);
    const worlds: AgentWorld[] = endpoints.map((endpoint) => ({ endpoint, http, recorder, notes, offers, rng, pace, runTag }));
    agents = centre.agents.map((account) => {
      const team = centre.teams[account.team]!;
      return new Agent(account.index, account.team, account.userId, { userId: account.userId, token: account.token }, new Set(team.queueIds), worlds[account.index % worlds.length]!);
    });
    const contactsPerSecond = (options.agents * options.contactsPerAgentHour * options.rate) / 3600;
    integration = new Integration({ endpoints, http, key, teams: centre.teams, perSecond: contactsPerSecond, rng, recorder, offers, runTag });

    // Desktops start over the first half of the warm-up, as a shift signs in.
    const warmupMs = options.warmupS * 1000;
    const rampMs = Math.min(warmupMs / 2, agents.length * 20);
    const started = performance.now();
    log(`Warming up for ${options.warmupS} s…`);
    for (const [index, agent] of agents.entries()) {
      const due = started + (rampMs * index) / agents.length;
      if (due > performance.now()) await pause(due - performance.now(), stop.signal);
      if (stop.signal.aborted) break;
      agent.start();
    }
    integration.start();
    await pause(started + warmupMs - performance.now(), stop.signal);

    monitor = new Monitor(hubs, os.cpus().length);
    await monitor.begin();
    recorder.window.start = performance.now();
    recorder.bootstrapping = agents.filter((agent) => !agent.desktop.firstSyncDone).length;
    log(`Measuring for ${options.durationS} s…`);
    await pause(options.durationS * 1000, stop.signal);
    recorder.window.end = performance.now();
    const readings = await monitor.end();
    monitor = null;
    measuring = false;

    await bounded(Promise.all([integration.stop(), ...agents.map((agent) => agent.stop())]), STOP_BUDGET_MS, 'Stopping the desktops').catch((error: unknown) => log(String(error)));
    const setup: LoadSetup = {
      agents: options.agents,
      teams: centre.teams.length,
      teamSize: options.teamSize,
      rate: options.rate,
      hubs: hubs.length,
      storage: database.storage === 'pglite' ? 'PGlite' : 'PostgreSQL',
      hubCli: cli,
      target: options.target,
      warmupS: options.warmupS,
      seed: options.seed,
      changesPerAgentHour: options.changesPerAgentHour * options.rate,
      handlingPerAgentHour: pace.handlingPerHour,
      backgroundPerAgentHour: pace.backgroundPerHour,
      contactsPerSecond,
    };
    // Anything that failed is looked into in the hubs' own logs.
    if (recorder.errors.size > 0) keepOutput = true;
    const figures = computeFigures({ setup, measuredMs: recorder.window.end - recorder.window.start, recorder, notes, offers, readings, integrationQueued: integration.queued });
    return { ...figures, logsKept: keepOutput ? workDir : null };
  } finally {
    clearTimeout(deadline);
    hooks.signal?.removeEventListener('abort', abort);
    monitor?.stop();
    await bounded(Promise.allSettled([integration?.stop(), ...agents.map((agent) => agent.stop())]), STOP_BUDGET_MS, 'Stopping the desktops').catch(() => undefined);
    http.destroy();
    await Promise.allSettled(hubs.map((hub) => hub.stop()));
    const pgliteLogs = database?.dataDir ? path.join(database.dataDir, 'logs') : null;
    if (keepOutput && pgliteLogs && existsSync(pgliteLogs)) cpSync(pgliteLogs, path.join(workDir, 'hub-1', 'logs'), { recursive: true });
    await database?.drop().catch((error: unknown) => log(`Could not drop the run's database: ${String(error)}`));
    measuring = false;
    if (keepOutput) log(`The hubs' output and logs are kept in ${workDir}`);
    else rmSync(workDir, { recursive: true, force: true });
  }
}
