/**
 * Benchmark 8 — the supervisor dashboard over 1,000,000 contacts, refreshed
 * after one new contact arrives.
 *
 * OURS: the incremental aggregates (src/metrics/aggregates.ts), built from
 * every row; then, per repetition, one new contact with its queue item and
 * survey is applied and the figures read for a typical filter (the last 30
 * days, one team).
 * BASELINE: `computeDashboard`, the full recomputation over every row, for the
 * same filter, in the same run.
 * Also: building the aggregates from scratch (time, and heap growth).
 */
import { test } from 'vitest';
import {
  computeDashboard,
  createAggregates,
  type Aggregates,
  type MetricsContact,
  type MetricsFilters,
  type MetricsFollowUp,
  type MetricsQueueItem,
  type MetricsRows,
  type MetricsSurvey,
} from '@core/metrics';
import { seeded } from '../helpers/random';
import { MB, collectGarbage, heapUsed } from './lib/heap';
import { judge, saveResult, textTable, type BenchResult, type Measure } from './lib/results';
import { dec, int, median, ms, percentile } from './lib/stats';

const CONTACTS = 1_000_000;
const TIME_ZONE = 'Europe/London';
const SEED = 8;
const TARGET_P95_MS = 200;
const WARMUP_REFRESHES = 30;
const REFRESHES = 300;
const WARMUP_FULL = 1;
const FULL_REPETITIONS = 7;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** The benchmark's "now": every generated row is in the year before it. */
const NOW = Date.UTC(2026, 5, 30, 15, 0);
const SPAN = 365 * DAY;

const TEAMS = ['team-1', 'team-2', 'team-3', 'team-4'];
const QUEUES_PER_TEAM = 3;
const AGENTS_PER_TEAM = 30;
const CUSTOMERS = 200_000;
const TOPICS = ['billing', 'outage', 'delivery', 'upgrade', 'cancel', 'password', 'refund', 'moving', null];
const INBOUND_CHANNELS = ['call', 'call', 'call', 'email', 'email', 'chat', 'chat', 'sms', 'social'] as const;

interface Generated {
  rows: MetricsRows & {
    contacts: MetricsContact[];
    queueItems: MetricsQueueItem[];
    surveys: MetricsSurvey[];
    followUps: MetricsFollowUp[];
  };
  /** Makes the i-th new contact (with its queue item and survey), arriving just before now. */
  arrival: (index: number) => { contact: MetricsContact; item: MetricsQueueItem; survey: MetricsSurvey };
}

/**
 * A year of a four-team contact centre: 12 queues, 120 agents, 200,000
 * customers. Of the contacts, 75 % are customers' inbound contacts (95 % of
 * them through a queue, 3 % of those abandoned; the last hour's still
 * waiting), 10 % outbound replies, 5 % outbound calls and messages, 10 %
 * internal notes; 15 % of handled contacts get a survey (70 % answered); 3 %
 * of contacts a follow-up.
 */
function generate(): Generated {
  const rand = seeded(SEED);
  const int0 = (n: number) => Math.floor(rand() * n);
  const queues = TEAMS.flatMap((teamId, team) => Array.from({ length: QUEUES_PER_TEAM }, (_, index) => ({ id: `q-${team + 1}-${index + 1}`, teamId })));
  const agents = TEAMS.flatMap((teamId, team) => Array.from({ length: AGENTS_PER_TEAM }, (_, index) => ({ id: `a-${team + 1}-${index + 1}`, teamIds: [teamId] })));
  const customers = Array.from({ length: CUSTOMERS }, (_, index) => `cus-${index}`);
  const agentsOfQueue = queues.map((_, queue) => agents.slice(Math.floor(queue / QUEUES_PER_TEAM) * AGENTS_PER_TEAM, (Math.floor(queue / QUEUES_PER_TEAM) + 1) * AGENTS_PER_TEAM));
  const slaOfQueue = queues.map(() => [20, 60, 300, 3600][int0(4)]! * 1000);

  const contacts: MetricsContact[] = [];
  const queueItems: MetricsQueueItem[] = [];
  const surveys: MetricsSurvey[] = [];
  const followUps: MetricsFollowUp[] = [];
  const start = NOW - SPAN;
  let lastInbound = 'c-0';

  const inbound = (id: string, at: number, queueIndex: number | null): { contact: MetricsContact; item: MetricsQueueItem | null; handled: boolean } => {
    const channel = INBOUND_CHANNELS[int0(INBOUND_CHANNELS.length)]!;
    const queue = queueIndex === null ? null : queues[queueIndex]!;
    const agent = queueIndex === null ? agents[int0(agents.length)]! : agentsOfQueue[queueIndex]![int0(AGENTS_PER_TEAM)]!;
    const recent = NOW - at < HOUR;
    const abandoned = !recent && rand() < 0.03;
    const waiting = recent && rand() < 0.5;
    const handled = !abandoned && !waiting;
    const wait = Math.floor(rand() * rand() * (queue ? slaOfQueue[queueIndex!]! * 2 : 0));
    const talk = (2 + int0(15)) * MINUTE + int0(MINUTE);
    const claimedAt = handled ? at + wait : null;
    const contact: MetricsContact = {
      id,
      customerId: customers[int0(CUSTOMERS)]!,
      channel,
      direction: 'inbound',
      at,
      endedAt: handled ? (rand() < 0.98 ? claimedAt! + talk : null) : null,
      queueId: queue?.id ?? null,
      agentId: handled ? agent.id : null,
      topic: TOPICS[int0(TOPICS.length)]!,
      resolution: handled ? (rand() < 0.78 ? 'resolved' : 'unresolved') : null,
      sentiment: rand() < 0.7 ? Math.round((rand() * 2 - 1) * 100) / 100 : null,
      parentId: null,
      adherence: handled && rand() < 0.6 ? { done: ['greet', 'verify', 'resolve', 'close'].slice(0, 1 + int0(4)), total: 4 } : null,
      acwSeconds: handled ? 10 + int0(170) : null,
    };
    const item: MetricsQueueItem | null = queue
      ? {
          id,
          contactId: id,
          queueId: queue.id,
          channel,
          enqueuedAt: at,
          slaDueAt: at + slaOfQueue[queueIndex!]!,
          state: waiting ? 'waiting' : 'done',
          assigneeId: handled ? agent.id : null,
          claimedAt,
          doneAt: waiting ? null : abandoned ? at + int0(10 * MINUTE) : claimedAt! + talk + 60_000,
        }
      : null;
    return { contact, item, handled };
  };

  for (let index = 0; index < CONTACTS; index += 1) {
    const id = `c-${index}`;
    // Spread over the year in order, with jitter, more in daytime.
    const at = Math.min(NOW - 1, Math.floor(start + (index / CONTACTS) * SPAN + rand() * 10 * MINUTE));
    const kind = rand();
    if (kind < 0.75) {
      const { contact, item, handled } = inbound(id, at, rand() < 0.95 ? int0(queues.length) : null);
      contacts.push(contact);
      if (item) queueItems.push(item);
      if (handled && rand() < 0.15) {
        const answered = rand() < 0.7;
        surveys.push({
          id: `s-${index}`,
          contactId: id,
          status: answered ? 'answered' : 'sent',
          csat: answered ? 1 + Math.min(4, Math.floor(rand() * 5.6)) : null,
          nps: answered && rand() < 0.8 ? Math.min(10, Math.floor(rand() * 11.5)) : null,
        });
      }
      lastInbound = id;
    } else {
      const agent = agents[int0(agents.length)]!;
      const note = kind >= 0.9;
      const reply = kind < 0.85;
      contacts.push({
        id,
        customerId: customers[int0(CUSTOMERS)]!,
        channel: note ? 'note' : reply ? 'email' : 'call',
        direction: note ? 'internal' : 'outbound',
        at,
        endedAt: note ? null : at + int0(10 * MINUTE),
        queueId: null,
        agentId: agent.id,
        topic: null,
        resolution: null,
        sentiment: null,
        parentId: note || reply ? lastInbound : null,
        adherence: null,
        acwSeconds: note || reply ? null : int0(120),
      });
    }
    if (rand() < 0.03) {
      const dueAt = at + (1 + int0(72)) * HOUR;
      const past = dueAt < NOW;
      const state = past ? (rand() < 0.85 ? 'done' : rand() < 0.5 ? 'cancelled' : 'scheduled') : 'scheduled';
      followUps.push({
        id: `f-${index}`,
        ownerId: agents[int0(agents.length)]!.id,
        dueAt,
        state,
        completedAt: state === 'done' ? dueAt - 2 * HOUR + int0(6 * HOUR) : null,
      });
    }
  }

  const arrival = (index: number) => {
    const id = `new-${index}`;
    const queueIndex = index % QUEUES_PER_TEAM; // team-1's queues
    const at = NOW - 20 * MINUTE + index;
    const { contact, item } = inbound(id, at, queueIndex);
    const survey: MetricsSurvey = { id: `new-s-${index}`, contactId: id, status: 'answered', csat: 1 + (index % 5), nps: index % 11 };
    return { contact, item: item!, survey };
  };

  return { rows: { contacts, queueItems, surveys, followUps, queues, users: agents }, arrival };
}

function build(rows: MetricsRows): Aggregates {
  const aggregates = createAggregates(TIME_ZONE);
  for (const row of rows.queues) aggregates.apply({ op: 'put', entity: 'queue', row });
  for (const row of rows.users) aggregates.apply({ op: 'put', entity: 'user', row });
  // Queue items and surveys first: each contact is then computed once, with everything it needs.
  for (const row of rows.queueItems) aggregates.apply({ op: 'put', entity: 'queueItem', row });
  for (const row of rows.surveys) aggregates.apply({ op: 'put', entity: 'survey', row });
  for (const row of rows.contacts) aggregates.apply({ op: 'put', entity: 'contact', row });
  for (const row of rows.followUps) aggregates.apply({ op: 'put', entity: 'followUp', row });
  return aggregates;
}

test('dashboard refresh over 1,000,000 contacts after one new contact', () => {
  const started = performance.now();
  const heapBefore = heapUsed();
  const generateStart = performance.now();
  const { rows, arrival } = generate();
  const generateMs = performance.now() - generateStart;
  const rowsHeap = heapUsed() - heapBefore;
  const counts = { contacts: rows.contacts.length, queueItems: rows.queueItems.length, surveys: rows.surveys.length, followUps: rows.followUps.length };
  console.log(`dashboard: generated ${JSON.stringify(counts)} in ${int(generateMs)} ms`);

  const buildHeapBefore = heapUsed();
  const buildStart = performance.now();
  const aggregates = build(rows);
  const buildMs = performance.now() - buildStart;
  const buildHeap = heapUsed() - buildHeapBefore;
  const stats = aggregates.stats();
  console.log(`dashboard: aggregates built in ${int(buildMs)} ms, heap +${int(buildHeap / MB)} MB, ${JSON.stringify(stats)}`);

  const filters: MetricsFilters = { from: NOW - 30 * DAY, to: NOW, teamIds: ['team-1'] };
  let arrived = 0;
  const arrive = (): { applyMs: number; figuresMs: number; totalMs: number } => {
    const { contact, item, survey } = arrival(arrived);
    arrived += 1;
    rows.contacts.push(contact);
    rows.queueItems.push(item);
    rows.surveys.push(survey);
    const t0 = performance.now();
    aggregates.apply({ op: 'put', entity: 'contact', row: contact });
    aggregates.apply({ op: 'put', entity: 'queueItem', row: item });
    aggregates.apply({ op: 'put', entity: 'survey', row: survey });
    const t1 = performance.now();
    aggregates.figures(filters, NOW);
    const t2 = performance.now();
    return { applyMs: t1 - t0, figuresMs: t2 - t1, totalMs: t2 - t0 };
  };
  const full = (): number => {
    const t0 = performance.now();
    computeDashboard(rows, filters, NOW, TIME_ZONE);
    return performance.now() - t0;
  };

  // Warm-up: JIT, the day clock's caches.
  for (let rep = 0; rep < WARMUP_REFRESHES; rep += 1) arrive();
  for (let rep = 0; rep < WARMUP_FULL; rep += 1) full();

  // Interleaved: a full recomputation after every REFRESHES / FULL_REPETITIONS refreshes, so a busy moment hits both.
  const refreshes: { applyMs: number; figuresMs: number; totalMs: number }[] = [];
  const fulls: number[] = [];
  const every = Math.floor(REFRESHES / FULL_REPETITIONS);
  for (let rep = 0; rep < REFRESHES; rep += 1) {
    refreshes.push(arrive());
    if ((rep + 1) % every === 0 && fulls.length < FULL_REPETITIONS) fulls.push(full());
  }

  // The two must agree exactly.
  const incremental = aggregates.figures(filters, NOW);
  const reference = computeDashboard(rows, filters, NOW, TIME_ZONE);
  if (JSON.stringify(incremental) !== JSON.stringify(reference)) throw new Error('the aggregates and the full recomputation disagree');

  const totals = refreshes.map((run) => run.totalMs);
  const p95 = percentile(totals, 95);
  const med = median(totals);
  const fullP95 = percentile(fulls, 95);
  const fullMedian = median(fulls);
  const applyMedian = median(refreshes.map((run) => run.applyMs));
  const applyP95 = percentile(refreshes.map((run) => run.applyMs), 95);
  const figuresMedian = median(refreshes.map((run) => run.figuresMs));
  const figuresP95 = percentile(refreshes.map((run) => run.figuresMs), 95);

  const measures: Measure[] = [
    {
      name: 'refresh after one new contact: apply + figures, p95',
      figure: ms(p95, 2),
      baseline: `${ms(fullP95, 0)} full recomputation, p95`,
      ratio: p95 / fullP95,
      target: `≤ ${TARGET_P95_MS} ms`,
      status: judge(p95 <= TARGET_P95_MS),
    },
    {
      name: '  same, median',
      figure: ms(med, 2),
      baseline: `${ms(fullMedian, 0)} full recomputation, median`,
      ratio: med / fullMedian,
      target: '—',
      status: 'info',
    },
    {
      name: '  of which apply (contact, queue item, survey)',
      figure: `${ms(applyMedian, 3)} median`,
      baseline: `${ms(applyP95, 3)} p95`,
      ratio: null,
      target: '—',
      status: 'info',
    },
    {
      name: '  of which figures (last 30 days, one team)',
      figure: `${ms(figuresMedian, 2)} median`,
      baseline: `${ms(figuresP95, 2)} p95`,
      ratio: null,
      target: '—',
      status: 'info',
    },
    {
      name: 'building the aggregates from scratch',
      figure: `${dec(buildMs / 1000, 1)} s`,
      baseline: `${ms(fullMedian, 0)} one full recomputation`,
      ratio: buildMs / fullMedian,
      target: '—',
      status: 'info',
    },
    {
      name: '  heap held by the aggregates (heapUsed growth)',
      figure: `${int(buildHeap / MB)} MB`,
      baseline: `${int(rowsHeap / MB)} MB for the rows themselves`,
      ratio: buildHeap / rowsHeap,
      target: '—',
      status: 'info',
    },
  ];
  const result: BenchResult = {
    id: '8-dashboard',
    title: `8. Dashboard refresh over ${int(CONTACTS)} contacts after one new contact`,
    measures,
    notes: [
      `Rows: ${int(counts.contacts)} contacts, ${int(counts.queueItems)} queue items, ${int(counts.surveys)} surveys, ${int(counts.followUps)} follow-ups over a year (4 teams, 12 queues, 120 agents, 200,000 customers; seed ${SEED}), generated in ${dec(generateMs / 1000, 1)} s. Aggregates: ${int(stats.contactBuckets)} contact buckets, ${int(stats.itemBuckets)} queue-item buckets, ${int(stats.followUpBuckets)} follow-up buckets, ${int(stats.fcrGroups)} FCR groups; days on ${TIME_ZONE}.`,
      `Filter: the last 30 days, one team of four. Warm-up: ${WARMUP_REFRESHES} refreshes and ${WARMUP_FULL} full recomputation; then ${REFRESHES} refreshes, each after a new contact with its queue item and survey, with a full recomputation (over every row, new ones included) interleaved after every ${every} refreshes (${FULL_REPETITIONS} in all).`,
      `Both give the same figures (checked at the end). Ratios: refresh ÷ full recomputation (lower is better); build ÷ one full recomputation; aggregates' heap ÷ the rows' heap (heapUsed deltas${collectGarbage ? ', each read after a full garbage collection' : ' without a forced garbage collection (none available): approximate'}).`,
    ],
    raw: { counts, stats, generateMs, buildMs, buildHeap, rowsHeap, refreshes: totals, fulls, summary: { p95, median: med, fullP95, fullMedian, applyMedian, figuresMedian, buildMs } },
    durationMs: performance.now() - started,
  };
  saveResult(result);
  console.log(`\n${textTable(result)}\n`);
});
