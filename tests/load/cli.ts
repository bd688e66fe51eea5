/**
 * `npm run load`: simulated desktops and a channel gateway against hub
 * processes, then a table of what the hub delivered and what it cost.
 * Flags: tests/load/options.ts (or --help).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { HubProcess } from '../helpers/hub-processes';
import { parseArgs, USAGE } from './options';
import { formatTable, writeJson } from './report';
import { runDeadlineMs, runLoad } from './run';

async function main(): Promise<number> {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  const hubs: HubProcess[] = [];
  const interrupt = new AbortController();
  let interrupted = 0;
  const onSignal = (signal: string) => {
    interrupted += 1;
    if (interrupted === 1) {
      console.error(`${signal}: stopping the run (again to quit at once)…`);
      interrupt.abort();
      return;
    }
    for (const hub of hubs) process.kill(hub.pid, 'SIGKILL');
    process.exit(130);
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  // The last resort if stopping itself hangs: the run ends, and takes its hubs with it.
  const lastResort = setTimeout(() => {
    console.error('The run did not end in time; stopping its hubs and quitting.');
    for (const hub of hubs) {
      try {
        process.kill(hub.pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    process.exit(3);
  }, runDeadlineMs(options) + 60_000);
  lastResort.unref();

  const figures = await runLoad(options, { log: (line) => console.log(line), signal: interrupt.signal, onHub: (hub) => hubs.push(hub) });
  console.log(`\n${formatTable(figures)}\n`);
  if (options.json) {
    mkdirSync(path.dirname(options.json), { recursive: true });
    writeJson(options.json, figures);
    console.log(`Figures written to ${options.json}`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if ((error as { code?: string }).code === 'ECONNREFUSED') {
      console.error(`PostgreSQL refused the connection (${(error as Error).message}): start it (scripts/setup-tests.sh), name another server with --database-url, or use --storage pglite.`);
    } else {
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
    process.exit(1);
  },
);
