/**
 * What a load run simulates and for how long: the command-line flags of
 * `npm run load`, their defaults and their bounds (a run always ends by itself).
 */
import path from 'node:path';
import { LOCAL_TEST_DATABASE_URL } from '../helpers/storage-targets';

export type LoadStorage = 'postgres' | 'pglite';

export interface LoadOptions {
  agents: number;
  teamSize: number;
  /** Multiplies every agent's changes and the integration's contacts. */
  rate: number;
  hubs: number;
  durationS: number;
  warmupS: number;
  storage: LoadStorage;
  /** A checkout whose built out/hub/cli.js is launched. */
  hubDir: string;
  /** The hub entry to launch; defaults to <hubDir>/out/hub/cli.js. */
  hubCli?: string;
  json: string | null;
  seed: number;
  /** The PostgreSQL server each run creates its own database on. */
  databaseUrl: string;
  /** One URL (a proxy in front of the hubs) that desktops and the integration use instead of each hub's own. */
  target: string | null;
  /** Hub i listens on portBase + i; free ports when null. */
  portBase: number | null;
  /** Changes each agent makes in an hour at rate 1 (claims, ends and wrap-ups of offered contacts included). */
  changesPerAgentHour: number;
  /** New contacts the integration posts per agent per hour at rate 1. */
  contactsPerAgentHour: number;
}

/** The figure: 1,000 agents at 3× bring about 13 new contacts a second. */
export const CONTACTS_PER_AGENT_HOUR = (13 / 3000) * 3600;
export const CHANGES_PER_AGENT_HOUR = 100;

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

export function defaultOptions(): LoadOptions {
  return {
    agents: 50,
    teamSize: 20,
    rate: 1,
    hubs: 1,
    durationS: 60,
    warmupS: 15,
    storage: 'postgres',
    hubDir: REPO_ROOT,
    json: null,
    seed: 1,
    databaseUrl: process.env.DATABASE_URL?.trim() || LOCAL_TEST_DATABASE_URL,
    target: null,
    portBase: null,
    changesPerAgentHour: CHANGES_PER_AGENT_HOUR,
    contactsPerAgentHour: CONTACTS_PER_AGENT_HOUR,
  };
}

export const USAGE = `npm run load -- [flags]

  --agents N              desktops, one agent each (default 50; at most 5,000)
  --team-size N           agents per team (default 20)
  --rate X                multiplies every agent's changes and the new contacts (default 1)
  --changes-per-hour N    an agent's changes per hour at rate 1, claims, ends and wrap-ups of offered
                          contacts included (default ${CHANGES_PER_AGENT_HOUR})
  --contacts-per-hour N   new contacts per agent per hour at rate 1 (default ${CONTACTS_PER_AGENT_HOUR.toFixed(1)})
  --hubs K                hub processes on one PostgreSQL (default 1); desktops are split between them
  --duration S            measured seconds (default 60; at most 3,600)
  --warmup S              seconds before measuring: desktops start and make their first sync (default 15)
  --storage KIND          postgres (default) or pglite (one hub only)
  --hub-dir PATH          a checkout whose built out/hub/cli.js is launched (default: this one)
  --database-url URL      the PostgreSQL server to create the run's database on
                          (default DATABASE_URL, else ${LOCAL_TEST_DATABASE_URL})
  --target URL            desktops and the integration call this URL (e.g. a proxy) instead of each hub's own
  --port-base N           hub i listens on N+i (default: free ports), so a proxy can be pointed at them
  --json FILE             also write the figures as JSON
  --seed N                seeds the generated accounts, customers and choices (default 1)
`;

function numberFlag(name: string, value: string, min: number, max: number, integer: boolean): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || (integer && !Number.isInteger(parsed)) || parsed < min || parsed > max) {
    throw new Error(`--${name} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, not ${JSON.stringify(value)}`);
  }
  return parsed;
}

/** Parses `--flag value` and `--flag=value`; throws a sentence naming the bad flag. */
export function parseArgs(argv: readonly string[], base: LoadOptions = defaultOptions()): LoadOptions | 'help' {
  const options = { ...base };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    if (arg === '--help' || arg === '-h') return 'help';
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`Unexpected argument ${JSON.stringify(arg)}; see --help.`);
    const name = match[1]!;
    let value = match[2];
    if (value === undefined) {
      value = argv[index + 1];
      index += 1;
      if (value === undefined) throw new Error(`--${name} needs a value.`);
    }
    switch (name) {
      case 'agents':
        options.agents = numberFlag(name, value, 1, 5000, true);
        break;
      case 'team-size':
        options.teamSize = numberFlag(name, value, 1, 500, true);
        break;
      case 'rate':
        options.rate = numberFlag(name, value, 0.01, 1000, false);
        break;
      case 'hubs':
        options.hubs = numberFlag(name, value, 1, 16, true);
        break;
      case 'duration':
        options.durationS = numberFlag(name, value, 1, 3600, false);
        break;
      case 'warmup':
        options.warmupS = numberFlag(name, value, 0, 600, false);
        break;
      case 'storage':
        if (value !== 'postgres' && value !== 'pglite') throw new Error(`--storage must be postgres or pglite, not ${JSON.stringify(value)}`);
        options.storage = value;
        break;
      case 'hub-dir':
        options.hubDir = path.resolve(value);
        break;
      case 'database-url':
        if (!/^postgres(ql)?:\/\//.test(value)) throw new Error('--database-url must start with postgres:// or postgresql://');
        options.databaseUrl = value;
        break;
      case 'target':
        if (!/^https?:\/\//.test(value)) throw new Error('--target must be an http(s) URL');
        options.target = value.replace(/\/+$/, '');
        break;
      case 'port-base':
        options.portBase = numberFlag(name, value, 1024, 65000, true);
        break;
      case 'changes-per-hour':
        options.changesPerAgentHour = numberFlag(name, value, 0, 100_000, false);
        break;
      case 'contacts-per-hour':
        options.contactsPerAgentHour = numberFlag(name, value, 0, 10_000, false);
        break;
      case 'json':
        options.json = path.resolve(value);
        break;
      case 'seed':
        options.seed = numberFlag(name, value, 0, 2 ** 31 - 1, true);
        break;
      default:
        throw new Error(`Unknown flag --${name}; see --help.`);
    }
  }
  if (options.storage === 'pglite' && options.hubs > 1) throw new Error('PGlite is one process\'s database: --storage pglite runs with --hubs 1.');
  return options;
}

export function hubCliOf(options: LoadOptions): string {
  return options.hubCli ?? path.join(options.hubDir, 'out/hub/cli.js');
}
