/** The figures of a load run: computed from what was recorded, printed as a table, written as JSON. */
import { writeFileSync } from 'node:fs';
import { gridTable } from '../bench/lib/results';
import { dec, int, percentile } from '../bench/lib/stats';
import type { NoteTracker, OfferTracker, Recorder } from './measures';
import { EVENT_LOOP_METRIC, LOCK_HOLD_METRIC, QUERIES_METRIC, type HubReading, type Readings } from './monitor';

export interface LoadSetup {
  agents: number;
  teams: number;
  teamSize: number;
  rate: number;
  hubs: number;
  storage: string;
  hubCli: string;
  target: string | null;
  warmupS: number;
  seed: number;
  /** At rate × 1 scaled by the rate: an agent's changes in an hour, split. */
  changesPerAgentHour: number;
  handlingPerAgentHour: number;
  backgroundPerAgentHour: number;
  contactsPerSecond: number;
}

interface Spread {
  samples: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

export interface LoadFigures {
  setup: LoadSetup;
  measuredS: number;
  changes: { mutationsApplied: number; mutationsRejected: number; contactsPosted: number; total: number; perSecond: number };
  push: Spread & { requests: number };
  post: Spread;
  noteSeen: Spread & { notesPushed: number; notesSeen: number };
  offerSeen: Spread & { contactsPosted: number; contactsSeen: number; offeredAtOnce: number };
  pulls: { requests: number; empty: number; bytes: number; rows: number; pokes: number; perChange: number | null; bytesPerChange: number | null; emptyShare: number | null };
  deliveries: { events: number; bytes: number; rows: number; missed: number; waitedOut: number; perChange: number | null };
  queriesPerMutation: number | null;
  readings: Readings;
  errors: Record<string, number>;
  rejections: Record<string, number>;
  streamDrops: number;
  resets: number;
  mutationGaps: number;
  /** Agents still on their first sync when measuring began. */
  bootstrappingAtStart: number;
  /** New contacts that waited for a free connection because the hub answered slowly. */
  integrationQueued: number;
  /** Where the hubs' output and logs were kept (something failed), or null. */
  logsKept?: string | null;
}

const spread = (values: readonly number[]): Spread => {
  const at = (p: number) => (values.length ? percentile(values, p) : null);
  return { samples: values.length, p50: at(50), p95: at(95), p99: at(99) };
};

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

export function computeFigures(input: {
  setup: LoadSetup;
  measuredMs: number;
  recorder: Recorder;
  notes: NoteTracker;
  offers: OfferTracker;
  readings: Readings;
  integrationQueued: number;
}): LoadFigures {
  const { recorder: r, notes, offers, readings } = input;
  const seconds = input.measuredMs / 1000;
  const total = r.mutationsApplied + r.contactsPosted;
  const queries = readings.hubs.every((hub) => hub.queries !== null) ? readings.hubs.reduce((sum, hub) => sum + hub.queries!, 0) : null;
  return {
    setup: input.setup,
    measuredS: seconds,
    changes: { mutationsApplied: r.mutationsApplied, mutationsRejected: r.mutationsRejected, contactsPosted: r.contactsPosted, total, perSecond: total / seconds },
    push: { ...spread(r.pushLatencies), requests: r.pushes },
    post: spread(r.postLatencies),
    noteSeen: { ...spread(r.noteSeen), notesPushed: notes.pushedInWindow, notesSeen: notes.seenInWindow },
    offerSeen: { ...spread(r.offerSeen), contactsPosted: offers.postedInWindow, contactsSeen: offers.seenInWindow, offeredAtOnce: offers.offeredAtOnce },
    pulls: {
      requests: r.pulls,
      empty: r.emptyPulls,
      bytes: r.pullBytes,
      rows: r.pullRows,
      pokes: r.pokes,
      perChange: ratio(r.pulls, total),
      bytesPerChange: ratio(r.pullBytes, total),
      emptyShare: ratio(r.emptyPulls, r.pulls),
    },
    deliveries: { events: r.deliveries, bytes: r.deliveryBytes, rows: r.deliveryRows, missed: r.deliveriesMissed, waitedOut: r.deliveryWaits, perChange: ratio(r.deliveries, total) },
    queriesPerMutation: queries === null ? null : ratio(queries, r.mutationsApplied),
    readings,
    errors: Object.fromEntries(r.errors),
    rejections: Object.fromEntries(r.rejections),
    streamDrops: r.streamDrops,
    resets: r.resets,
    mutationGaps: r.mutationGaps,
    bootstrappingAtStart: r.bootstrapping,
    integrationQueued: input.integrationQueued,
  };
}

const na = 'n/a';

/** Why a figure read from /metrics is missing. */
function metricsMissing(hubs: readonly HubReading[], metric: string): string {
  const statuses = [...new Set(hubs.map((hub) => hub.metricsStatus))];
  if (statuses.includes(200)) return `its /metrics has no ${metric}`;
  return `GET /metrics ${statuses.map((status) => (status === null ? 'did not answer' : `answered ${status}`)).join(' or ')}`;
}
const msText = (value: number | null) => (value === null ? '—' : value < 10 ? dec(value, 1) : int(value));
const times = (...values: (number | null)[]) => (values.every((value) => value === null) ? '—' : `${values.map(msText).join(' / ')} ms`);
const percent = (value: number | null, digits = 0) => (value === null ? na : `${dec(value, digits)} %`);
const share = (value: number | null) => (value === null ? '—' : `${dec(100 * value, 0)} %`);
const per = (value: number, seconds: number) => `${dec(value / seconds, value / seconds < 10 ? 2 : 1)}/s`;

function bytes(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  if (value < 1024) return `${int(value)} B`;
  if (value < 1024 ** 2) return `${dec(value / 1024, 1)} kB`;
  if (value < 1024 ** 3) return `${dec(value / 1024 ** 2, 1)} MB`;
  return `${dec(value / 1024 ** 3, 2)} GB`;
}

/** The commonest kinds first; the JSON has them all. */
function tally(counts: Record<string, number>, shown = 6): string {
  const kinds = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  const text = kinds
    .slice(0, shown)
    .map(([what, n]) => `${what} ×${int(n)}`)
    .join(', ');
  return kinds.length > shown ? `${text} and ${kinds.length - shown} more kinds` : text;
}

export function title(setup: LoadSetup, measuredS: number): string {
  const rate = `${dec(setup.rate, setup.rate % 1 ? 2 : 0)}×`;
  return `Load: ${int(setup.agents)} agents in ${int(setup.teams)} team${setup.teams === 1 ? '' : 's'} of up to ${int(setup.teamSize)}, rate ${rate}, ${setup.hubs} hub process${setup.hubs === 1 ? '' : 'es'} on ${setup.storage}, ${dec(measuredS, 0)} s measured after ${dec(setup.warmupS, 0)} s of warm-up`;
}

/** Rows of measure, figure and what it is made of. */
export function tableRows(f: LoadFigures): string[][] {
  const s = f.measuredS;
  const rows: string[][] = [
    ['changes', `${int(f.changes.total)} (${per(f.changes.total, s)})`, `${int(f.changes.mutationsApplied)} mutations applied + ${int(f.changes.contactsPosted)} new contacts; planned ${per((f.setup.agents * f.setup.changesPerAgentHour) / 3600, 1)} + ${per(f.setup.contactsPerSecond, 1)}`],
    ['push latency p50 / p95 / p99', times(f.push.p50, f.push.p95, f.push.p99), `${int(f.push.requests)} pushes`],
    ['new contact POST p50 / p95', times(f.post.p50, f.post.p95), `${int(f.post.samples)} posts${f.integrationQueued ? `; ${int(f.integrationQueued)} waited for a free connection` : ''}`],
    [
      'note seen by a teammate p50 / p95',
      times(f.noteSeen.p50, f.noteSeen.p95),
      `${int(f.noteSeen.samples)} sightings; ${int(f.noteSeen.notesSeen)} of ${int(f.noteSeen.notesPushed)} notes pushed reached a teammate in the window`,
    ],
    ['offer seen p50 / p95', times(f.offerSeen.p50, f.offerSeen.p95), `${int(f.offerSeen.contactsSeen)} of ${int(f.offerSeen.contactsPosted)} new contacts seen offered in the window; ${int(f.offerSeen.offeredAtOnce)} offered at once (an agent named in the POST's answer)`],
    ['pulls per change', f.pulls.perChange === null ? '—' : dec(f.pulls.perChange, 1), `${int(f.pulls.requests)} pulls (${per(f.pulls.requests, s)}) after ${int(f.pulls.pokes)} pokes received`],
    ['bytes delivered per change', bytes(f.pulls.bytesPerChange), `${bytes(f.pulls.bytes)} of pull answers carrying ${int(f.pulls.rows)} rows`],
    [
      'rows sent on streams per change',
      f.deliveries.perChange === null ? '—' : dec(f.deliveries.perChange, 1),
      `${int(f.deliveries.events)} changes events carrying ${int(f.deliveries.rows)} rows (${bytes(f.deliveries.bytes)}); ${int(f.deliveries.missed)} did not follow on from the desktop's cursor and ${int(f.deliveries.waitedOut)} pushes' changes came later than 3 s (each a pull)`,
    ],
    ['empty pulls', share(f.pulls.emptyShare), `${int(f.pulls.empty)} pulls brought no row`],
    [
      'queries per mutation',
      f.queriesPerMutation === null ? na : dec(f.queriesPerMutation, 1),
      f.queriesPerMutation === null ? metricsMissing(f.readings.hubs, QUERIES_METRIC) : `all the hubs' database queries (${QUERIES_METRIC}) ÷ mutations applied`,
    ],
  ];
  for (const hub of f.readings.hubs) {
    const name = f.readings.hubs.length > 1 ? `hub ${hub.index + 1}` : 'hub';
    rows.push(
      [`${name} CPU`, `${percent(hub.cpuPercent)} of a core`, `pid ${hub.pid}, ${hub.url}`],
      [`${name} memory (RSS)`, bytes(hub.rssBytes), `peak in the window ${bytes(hub.peakRssBytes)}`],
      [`${name} event loop busy`, hub.eventLoopBusy === null ? na : share(hub.eventLoopBusy), hub.eventLoopBusy === null ? metricsMissing([hub], EVENT_LOOP_METRIC) : `mean of its ${EVENT_LOOP_METRIC} sampled every 2 s`],
      [
        `${name} write lock held`,
        hub.writeLock === null ? na : share(hub.writeLock.heldShare),
        hub.writeLock === null
          ? metricsMissing([hub], LOCK_HOLD_METRIC)
          : `of the window, by ${int(hub.writeLock.transactions)} transactions: held ${hub.writeLock.meanHoldMs === null ? '—' : `${dec(hub.writeLock.meanHoldMs, 1)} ms`}, waited for ${hub.writeLock.meanWaitMs === null ? '—' : `${dec(hub.writeLock.meanWaitMs, 1)} ms`} on average`,
      ],
    );
  }
  rows.push(
    ['PostgreSQL CPU', f.readings.postgresCpuPercent === null ? na : `${percent(f.readings.postgresCpuPercent)} of a core`, 'every postgres process on this machine (other databases too)'],
    ['machine CPU busy', f.readings.machineCpuPercent === null ? na : `${percent(f.readings.machineCpuPercent)} of ${int(100 * f.readings.cores)} %`, `${f.readings.cores} cores, everything running on them`],
    ['load generator CPU', `${percent(f.readings.generator.cpuPercent)} of a core`, `event loop ${share(f.readings.generator.eventLoopBusy)} busy, RSS ${bytes(f.readings.generator.rssBytes)}`],
    ['errors', int(Object.values(f.errors).reduce((sum, n) => sum + n, 0)), tally(f.errors) || 'none (whole run)'],
    ['rejections', int(Object.values(f.rejections).reduce((sum, n) => sum + n, 0)), tally(f.rejections) || 'none (whole run)'],
    ['stream drops', int(f.streamDrops), `resets ${int(f.resets)}, mutation gaps ${int(f.mutationGaps)} (whole run)`],
  );
  return rows;
}

export function notes(f: LoadFigures): string[] {
  const lines: string[] = [];
  const plan = f.setup;
  lines.push(
    `Each agent: ${dec(plan.changesPerAgentHour, 0)} changes an hour = ${dec(plan.handlingPerAgentHour, 0)} claiming, ending and wrapping up offered contacts + ${dec(plan.backgroundPerAgentHour, 0)} notes and breaks (Poisson-timed).`,
  );
  if (f.bootstrappingAtStart) lines.push(`${int(f.bootstrappingAtStart)} agents were still on their first sync when measuring began: a longer --warmup would leave it out.`);
  if (f.logsKept) lines.push(`The hubs' output and logs are kept in ${f.logsKept}.`);
  if (f.setup.target) lines.push(`Desktops and the integration called ${f.setup.target}.`);
  lines.push(`Hub: ${f.setup.hubCli}`);
  return lines;
}

export function formatTable(f: LoadFigures): string {
  return gridTable(title(f.setup, f.measuredS), ['measure', 'figure', 'detail'], tableRows(f), notes(f));
}

export function writeJson(file: string, f: LoadFigures): void {
  writeFileSync(file, `${JSON.stringify({ ...f, table: tableRows(f) }, null, 2)}\n`);
}
