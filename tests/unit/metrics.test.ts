import { describe, expect, it } from 'vitest';
import {
  FCR_WINDOW_MS,
  computeDashboard,
  createAggregates,
  drillDown,
  type DashboardFigures,
  type DrillFigure,
  type MetricsChange,
  type MetricsContact,
  type MetricsFilters,
  type MetricsFollowUp,
  type MetricsQueueItem,
  type MetricsRows,
  type MetricsSurvey,
} from '@core/metrics';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** An instant from a UTC wall time: utc(2026, 3, 2, 9) is 2 March 2026 09:00Z. */
const utc = (y: number, m: number, d: number, h = 0, min = 0, s = 0) => Date.UTC(y, m - 1, d, h, min, s);

function contact(fields: Partial<MetricsContact> & Pick<MetricsContact, 'id' | 'customerId' | 'at'>): MetricsContact {
  return {
    channel: 'call',
    direction: 'inbound',
    endedAt: null,
    queueId: null,
    agentId: null,
    topic: null,
    resolution: null,
    sentiment: null,
    parentId: null,
    adherence: null,
    acwSeconds: null,
    ...fields,
  };
}

/** A queue item for a contact (same id), SLA 60 s unless slaDueAt is given. */
function item(of: MetricsContact, fields: Partial<MetricsQueueItem>): MetricsQueueItem {
  return {
    id: of.id,
    contactId: of.id,
    queueId: of.queueId ?? 'q-billing',
    channel: of.channel,
    enqueuedAt: of.at,
    slaDueAt: of.at + MINUTE,
    state: 'done',
    assigneeId: of.agentId,
    claimedAt: null,
    doneAt: null,
    ...fields,
  };
}

function survey(id: string, contactId: string, csat: number | null, nps: number | null, status: MetricsSurvey['status'] = 'answered'): MetricsSurvey {
  return { id, contactId, status, csat, nps };
}

function followUp(id: string, ownerId: string, dueAt: number, state: MetricsFollowUp['state'], completedAt: number | null = null): MetricsFollowUp {
  return { id, ownerId, dueAt, state, completedAt };
}

const queues = [
  { id: 'q-billing', teamId: 't-a' },
  { id: 'q-tech', teamId: 't-b' },
];
const users = [
  { id: 'ava', teamIds: ['t-a'] },
  { id: 'ben', teamIds: ['t-a'] },
  { id: 'cam', teamIds: ['t-b'] },
];

// ---------------------------------------------------------------- the fixture: 2–4 March 2026, UTC

const c1 = contact({
  id: 'c1', customerId: 'cus1', channel: 'call', at: utc(2026, 3, 2, 9), endedAt: utc(2026, 3, 2, 9, 10), queueId: 'q-billing', agentId: 'ava',
  topic: 'billing', resolution: 'resolved', sentiment: 0.5, adherence: { done: ['a', 'b', 'c'], total: 4 }, acwSeconds: 60,
});
const c2 = contact({
  id: 'c2', customerId: 'cus2', channel: 'chat', at: utc(2026, 3, 2, 10), endedAt: utc(2026, 3, 2, 10, 21), queueId: 'q-billing', agentId: 'ben',
  topic: 'billing', resolution: 'resolved', sentiment: -0.5, acwSeconds: 120,
});
const c3 = contact({
  id: 'c3', customerId: 'cus3', channel: 'email', at: utc(2026, 3, 3, 8), endedAt: utc(2026, 3, 3, 8, 40), queueId: 'q-tech', agentId: 'cam',
  topic: 'wifi', resolution: 'unresolved', adherence: { done: ['a'], total: 2 },
});
const c4 = contact({ id: 'c4', customerId: 'cus1', channel: 'call', at: utc(2026, 3, 3, 12), queueId: 'q-billing', agentId: 'ava', topic: 'delivery', resolution: 'resolved' });
const c5 = contact({ id: 'c5', customerId: 'cus1', channel: 'note', direction: 'internal', at: utc(2026, 3, 2, 9, 5), agentId: 'ava', parentId: 'c1', sentiment: 0.9 });
const c6 = contact({ id: 'c6', customerId: 'cus3', channel: 'email', direction: 'outbound', at: utc(2026, 3, 3, 8, 35), endedAt: utc(2026, 3, 3, 8, 36), agentId: 'cam', parentId: 'c3', acwSeconds: 500 });
const c7 = contact({ id: 'c7', customerId: 'cus1', channel: 'call', direction: 'outbound', at: utc(2026, 3, 4, 14), endedAt: utc(2026, 3, 4, 14, 5), agentId: 'ava', acwSeconds: 30 });
const c8 = contact({ id: 'c8', customerId: 'cus4', channel: 'chat', at: utc(2026, 3, 4, 15), queueId: 'q-billing', sentiment: -1 });
const c9 = contact({ id: 'c9', customerId: 'cus5', channel: 'call', at: utc(2026, 3, 4, 16), endedAt: utc(2026, 3, 4, 16, 15), queueId: 'q-tech', agentId: 'cam', resolution: 'resolved', acwSeconds: 90 });
const c10 = contact({ id: 'c10', customerId: 'cus6', channel: 'call', at: utc(2026, 3, 2, 11), queueId: 'q-billing' });
const c11 = contact({ id: 'c11', customerId: 'cus7', channel: 'call', at: utc(2026, 3, 2, 11, 10), queueId: 'q-billing' });
/** cus2 back on billing after the range ends, within c2's 7 days. */
const r1 = contact({ id: 'r1', customerId: 'cus2', channel: 'chat', at: utc(2026, 3, 6, 10), topic: 'billing' });

const rows: MetricsRows = {
  contacts: [c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, r1],
  queueItems: [
    item(c1, { claimedAt: utc(2026, 3, 2, 9, 2), doneAt: utc(2026, 3, 2, 9, 11) }), // claimed 2 min in, SLA 1 min: missed
    item(c2, { claimedAt: utc(2026, 3, 2, 10, 1), doneAt: utc(2026, 3, 2, 10, 22) }), // claimed exactly at slaDueAt: met
    item(c3, { claimedAt: utc(2026, 3, 3, 8, 30), slaDueAt: utc(2026, 3, 3, 9), doneAt: utc(2026, 3, 3, 8, 45) }), // met
    item(c4, { claimedAt: utc(2026, 3, 3, 12, 1), slaDueAt: utc(2026, 3, 3, 12, 5) }), // met; done, but the contact has no end
    item(c8, { state: 'waiting' }), // unanswered, past its SLA by now: missed, and in the backlog
    item(c10, { doneAt: utc(2026, 3, 2, 11, 5) }), // abandoned after its SLA: missed
    item(c11, { doneAt: utc(2026, 3, 2, 11, 10, 30) }), // abandoned within its SLA: not counted
  ],
  surveys: [
    survey('s1', 'c1', 5, 10),
    survey('s2', 'c2', 2, 3),
    survey('s3', 'c3', 4, 9),
    survey('s4', 'c4', null, null, 'sent'), // sent, no answer yet
  ],
  followUps: [
    followUp('f1', 'ava', utc(2026, 3, 3, 10), 'done', utc(2026, 3, 3, 9)), // on time
    followUp('f2', 'ava', utc(2026, 3, 3, 12), 'done', utc(2026, 3, 4, 8)), // completed late
    followUp('f3', 'ben', utc(2026, 3, 4, 9), 'scheduled'), // overdue
    followUp('f4', 'cam', utc(2026, 3, 25), 'scheduled'), // not due yet
    followUp('f5', 'cam', utc(2026, 2, 1), 'scheduled'), // overdue, due before the range
    followUp('f6', 'ben', utc(2026, 3, 2), 'cancelled'),
    followUp('f7', 'ava', utc(2026, 3, 4, 18), 'done', utc(2026, 3, 4, 18)), // completed exactly when due: on time
  ],
  queues,
  users,
};

const RANGE: MetricsFilters = { from: utc(2026, 3, 2), to: utc(2026, 3, 5) };
const NOW = utc(2026, 3, 20);

function dashboard(filters: Partial<MetricsFilters> = {}, now = NOW, zone = 'UTC', data = rows): DashboardFigures {
  return computeDashboard(data, { ...RANGE, ...filters }, now, zone);
}

/** The same figures from aggregates fed every row, to check both ways on every fixture. */
function viaAggregates(filters: Partial<MetricsFilters> = {}, now = NOW, zone = 'UTC', data = rows): DashboardFigures {
  const aggregates = createAggregates(zone);
  for (const change of changesOf(data)) aggregates.apply(change);
  return aggregates.figures({ ...RANGE, ...filters }, now);
}

function changesOf(data: MetricsRows): MetricsChange[] {
  return [
    ...data.queues.map((row) => ({ op: 'put', entity: 'queue', row }) as const),
    ...data.users.map((row) => ({ op: 'put', entity: 'user', row }) as const),
    ...data.surveys.map((row) => ({ op: 'put', entity: 'survey', row }) as const),
    ...data.contacts.map((row) => ({ op: 'put', entity: 'contact', row }) as const),
    ...data.queueItems.map((row) => ({ op: 'put', entity: 'queueItem', row }) as const),
    ...data.followUps.map((row) => ({ op: 'put', entity: 'followUp', row }) as const),
  ];
}

function both(filters: Partial<MetricsFilters> = {}, now = NOW, zone = 'UTC', data = rows): DashboardFigures {
  const full = dashboard(filters, now, zone, data);
  expect(viaAggregates(filters, now, zone, data)).toEqual(full);
  return full;
}

function hasNaN(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value);
  if (value && typeof value === 'object') return Object.values(value).some(hasNaN);
  return false;
}

describe('supervisor KPIs over hand-computed fixtures', () => {
  it('counts handled contacts by channel, queue, agent and day', () => {
    const figures = both();
    // Handled: c1, c2, c3, c4 (done and claimed items), c9 (no item, agent and end set).
    // Not: c5 note, c6 outbound reply, c7 outbound call, c8 waiting, c10/c11 abandoned, r1 out of range.
    expect(figures.handled).toEqual({
      total: 5,
      byChannel: { call: 3, chat: 1, email: 1 }, // c1 c4 c9 | c2 | c3
      byQueue: { 'q-billing': 3, 'q-tech': 2 }, // c1 c2 c4 | c3 c9
      byAgent: { ava: 2, ben: 1, cam: 2 }, // c1 c4 | c2 | c3 c9
      byDay: [
        { day: '2026-03-02', count: 2 }, // c1 c2
        { day: '2026-03-03', count: 2 }, // c3 c4
        { day: '2026-03-04', count: 1 }, // c9
      ],
    });
    expect(drillDown(rows, RANGE, 'handled', NOW)).toEqual(['c1', 'c2', 'c3', 'c4', 'c9']);
  });

  it('averages handle time and after-contact work, leaving out contacts with a missing end', () => {
    const figures = both();
    // Worked: the five handled + c7 (outbound, not a reply). Timed from claimedAt (or at) to endedAt:
    // c1 09:02→09:10 = 480 s; c2 10:01→10:21 = 1200 s; c3 08:30→08:40 = 600 s; c9 (no item) 16:00→16:15 = 900 s;
    // c7 14:00→14:05 = 300 s; c4 has no endedAt: not timed.
    // AHT = (480 + 1200 + 600 + 900 + 300) / 5 = 3480 / 5 = 696 s.
    // ACW over worked contacts with acwSeconds: c1 60, c2 120, c7 30, c9 90 → 300 / 4 = 75 s (c6's 500 is a reply's: left out).
    expect(figures.handleTime).toEqual({ ahtSeconds: 696, acwSeconds: 75, timed: 5, notTimed: 1, withAcw: 4 });
    expect(drillDown(rows, RANGE, 'not-timed', NOW)).toEqual(['c4']);
  });

  it('measures first-contact resolution, with a repeat after the range end counting against', () => {
    const figures = both();
    // c1 resolved, cus1 never back on billing → resolved; c2 resolved but cus2 back on billing on 6 March
    // (after the range, within 7 days) → missed; c3 unresolved → missed; c4 resolved (cus1's delivery topic
    // has no repeat) → resolved; c9 resolved, null topic, no repeat → resolved. Rate 3 / (3 + 2) = 0.6.
    expect(figures.fcr).toEqual({ rate: 0.6, resolvedFirstTime: 3, missed: 2, pending: 0 });
    expect(drillDown(rows, RANGE, 'fcr-missed', NOW)).toEqual(['c2', 'c3']);
    expect(drillDown(rows, RANGE, 'fcr-resolved', NOW)).toEqual(['c1', 'c4', 'c9']);
  });

  it('leaves contacts whose 7 days are not over out of FCR, as pending', () => {
    const now = utc(2026, 3, 10);
    const figures = both({}, now);
    // On 10 March 00:00: c1 (2 March 09:00) ended its window 9 March 09:00 → resolved;
    // c4 (3 March 12:00 → 10 March 12:00) and c9 (4 March 16:00) are pending; c2 and c3 missed.
    // Rate 1 / (1 + 2) = 1/3.
    expect(figures.fcr).toEqual({ rate: 1 / 3, resolvedFirstTime: 1, missed: 2, pending: 2 });
    expect(drillDown(rows, RANGE, 'fcr-pending', now)).toEqual(['c4', 'c9']);
    // The window is over only once now is past at + 7 days.
    expect(both({}, c1.at + FCR_WINDOW_MS).fcr.pending).toBe(3);
    expect(both({}, c1.at + FCR_WINDOW_MS + 1).fcr.pending).toBe(2);
  });

  it('counts a repeat at the window boundary, across the range end, on any channel', () => {
    const to = utc(2026, 5, 1);
    const last = contact({ id: 'x1', customerId: 'k', at: to - HOUR, endedAt: to - HOUR + 5 * MINUTE, agentId: 'ava', topic: 'billing', resolution: 'resolved' });
    const data = (repeatAt: number, topic: string | null = 'billing'): MetricsRows => ({
      ...rows,
      contacts: [last, contact({ id: 'x2', customerId: 'k', channel: 'email', at: repeatAt, topic })],
      queueItems: [],
      surveys: [],
    });
    const filters = { from: utc(2026, 4, 1), to };
    const now = utc(2026, 6, 1);
    // Repeat one hour after the range ends → missed (the window looks past the range).
    expect(both(filters, now, 'UTC', data(to + HOUR)).fcr).toEqual({ rate: 0, resolvedFirstTime: 0, missed: 1, pending: 0 });
    // Exactly 7 days after → still a repeat; 1 ms later → outside the window.
    expect(both(filters, now, 'UTC', data(last.at + FCR_WINDOW_MS)).fcr.missed).toBe(1);
    expect(both(filters, now, 'UTC', data(last.at + FCR_WINDOW_MS + 1)).fcr).toEqual({ rate: 1, resolvedFirstTime: 1, missed: 0, pending: 0 });
    // Another topic is no repeat; a null topic only matches a null topic.
    expect(both(filters, now, 'UTC', data(to + HOUR, 'delivery')).fcr.missed).toBe(0);
    expect(both(filters, now, 'UTC', data(to + HOUR, null)).fcr.missed).toBe(0);
  });

  it('averages CSAT and NPS over answers only, by the surveyed contact', () => {
    const figures = both();
    // CSAT answers: c1 5, c2 2, c3 4 → 11 / 3 = 3.667; 4–5: c1, c3 → 2/3; low (≤ 2): c2. c4's survey was
    // only sent (awaiting), c9 has none.
    expect(figures.csat).toEqual({ average: 11 / 3, satisfiedShare: 2 / 3, answered: 3, low: 1, awaitingAnswer: 1 });
    // NPS: 10 and 9 promoters, 3 a detractor → (2 − 1) / 3 × 100 = 33.33.
    expect(figures.nps).toEqual({ score: ((2 - 1) / 3) * 100, promoters: 2, passives: 0, detractors: 1, answered: 3 });
    expect(drillDown(rows, RANGE, 'csat-low', NOW)).toEqual(['c2']);
    expect(drillDown(rows, RANGE, 'nps-detractors', NOW)).toEqual(['c2']);
    expect(drillDown(rows, RANGE, 'survey-awaiting-answer', NOW)).toEqual(['c4']);
  });

  it('measures service level, an answer exactly at the SLA being met', () => {
    const figures = both();
    // Met: c2 (claimed at slaDueAt exactly), c3, c4. Missed: c1 (claimed 1 min late), c8 (still waiting, past
    // its SLA), c10 (abandoned after its SLA). c11 gave up within its SLA: not counted. 3 / 6 = 0.5.
    expect(figures.serviceLevel).toEqual({ rate: 0.5, met: 3, missed: 3 });
    expect(drillDown(rows, RANGE, 'sla-missed', NOW)).toEqual(['c1', 'c10', 'c8']);
    expect(drillDown(rows, RANGE, 'sla-met', NOW)).toEqual(['c2', 'c3', 'c4']);
    // Before c8's SLA has passed, it is not counted yet: 3 / 5.
    expect(both({}, c8.at + MINUTE).serviceLevel).toEqual({ rate: 3 / 5, met: 3, missed: 2 });
  });

  it('reports the backlog and its oldest wait as of now', () => {
    // c8 waits since 4 March 15:00; on 20 March 00:00 that is 15 days 9 hours = 1,328,400,000 ms.
    expect(both().backlog).toEqual({ waiting: 1, oldestWaitingMs: 15 * DAY + 9 * HOUR });
    expect(drillDown(rows, RANGE, 'backlog', NOW)).toEqual(['c8']);
  });

  it('counts follow-ups on time, late and overdue by owner', () => {
    const figures = both();
    // Due in range: f1 (done before due) and f7 (done exactly when due) on time, f2 late; f6 cancelled.
    // Overdue now, whatever the range: f3 (4 March) and f5 (1 February); f4 is due on 25 March.
    expect(figures.followUps).toEqual({
      onTime: 2,
      late: 1,
      overdue: 2,
      byOwner: { ava: { onTime: 2, late: 1, overdue: 0 }, ben: { onTime: 0, late: 0, overdue: 1 }, cam: { onTime: 0, late: 0, overdue: 1 } },
    });
    expect(drillDown(rows, RANGE, 'overdue-follow-ups', NOW)).toEqual(['f5', 'f3']);
    expect(drillDown(rows, RANGE, 'late-follow-ups', NOW)).toEqual(['f2']);
  });

  it('averages script adherence and sentiment per day', () => {
    const figures = both();
    // Adherence: c1 3/4 = 0.75, c3 1/2 = 0.5 → 0.625.
    expect(figures.adherence).toEqual({ average: 0.625, contacts: 2 });
    // Sentiment of customer inbound contacts (c5's note is left out): 2 March c1 0.5, c2 −0.5 → 0;
    // 4 March c8 −1 → −1. Overall (0.5 − 0.5 − 1) / 3 = −1/3.
    expect(figures.sentiment.byDay).toEqual([
      { day: '2026-03-02', average: 0, count: 2 },
      { day: '2026-03-04', average: -1, count: 1 },
    ]);
    expect(figures.sentiment.count).toBe(3);
    expect(figures.sentiment.average).toBeCloseTo(-1 / 3, 9);
  });

  it('builds the per-agent table', () => {
    const [ava, ben, cam] = both().agents;
    // ava: handled c1, c4; timed c1 480 s and c7 300 s → 390 s; ACW c1 60, c7 30 → 45; FCR c1, c4 resolved → 1;
    // CSAT c1 5 (c4's survey is unanswered); adherence c1 0.75.
    expect(ava).toEqual({ agentId: 'ava', handled: 2, ahtSeconds: 390, acwSeconds: 45, fcr: 1, csat: 5, adherence: 0.75 });
    // ben: c2 only: 1200 s, ACW 120, FCR missed → 0, CSAT 2, no adherence.
    expect(ben).toEqual({ agentId: 'ben', handled: 1, ahtSeconds: 1200, acwSeconds: 120, fcr: 0, csat: 2, adherence: null });
    // cam: c3 600 s, c9 900 s → 750 s; ACW c9 90; FCR c3 missed, c9 resolved → 0.5; CSAT c3 4; adherence c3 0.5.
    // (c6, cam's reply, adds nothing.)
    expect(cam).toEqual({ agentId: 'cam', handled: 2, ahtSeconds: 750, acwSeconds: 90, fcr: 0.5, csat: 4, adherence: 0.5 });
    expect(both().agents).toHaveLength(3);
  });

  it('returns nulls and zero counts, never NaN, over an empty range', () => {
    for (const filters of [{ from: utc(2020, 1, 1), to: utc(2020, 2, 1) }, { from: RANGE.from, to: RANGE.from }]) {
      const figures = both(filters);
      expect(hasNaN(figures)).toBe(false);
      expect(figures.handled).toEqual({ total: 0, byChannel: {}, byQueue: {}, byAgent: {}, byDay: [] });
      expect(figures.handleTime).toEqual({ ahtSeconds: null, acwSeconds: null, timed: 0, notTimed: 0, withAcw: 0 });
      expect(figures.fcr).toEqual({ rate: null, resolvedFirstTime: 0, missed: 0, pending: 0 });
      expect(figures.csat).toEqual({ average: null, satisfiedShare: null, answered: 0, low: 0, awaitingAnswer: 0 });
      expect(figures.nps).toEqual({ score: null, promoters: 0, passives: 0, detractors: 0, answered: 0 });
      expect(figures.serviceLevel).toEqual({ rate: null, met: 0, missed: 0 });
      expect(figures.adherence).toEqual({ average: null, contacts: 0 });
      expect(figures.sentiment).toEqual({ average: null, count: 0, byDay: [] });
      expect(figures.agents).toEqual([]);
      // Figures of now do not depend on the range.
      expect(figures.backlog.waiting).toBe(1);
      expect(figures.followUps.overdue).toBe(2);
    }
    const none = both({}, NOW, 'UTC', { contacts: [], queueItems: [], surveys: [], followUps: [], queues: [], users: [] });
    expect(hasNaN(none)).toBe(false);
    expect(none.backlog).toEqual({ waiting: 0, oldestWaitingMs: null });
    expect(none.followUps).toEqual({ onTime: 0, late: 0, overdue: 0, byOwner: {} });
  });

  it('filters by team, queue, channel and agent', () => {
    // Team t-b is q-tech: handled c3, c9; SLA c3 met → 1; no waiting item in q-tech; cam's f5 overdue.
    const teamB = both({ teamIds: ['t-b'] });
    expect(teamB.handled.total).toBe(2);
    expect(teamB.serviceLevel).toEqual({ rate: 1, met: 1, missed: 0 });
    expect(teamB.backlog).toEqual({ waiting: 0, oldestWaitingMs: null });
    expect(teamB.followUps).toMatchObject({ onTime: 0, late: 0, overdue: 1 });
    // Outbound c7 has no queue: not in any team.
    expect(teamB.handleTime).toMatchObject({ ahtSeconds: (600 + 900) / 2, timed: 2 });

    // Queue q-billing: c1, c2, c4.
    const billing = both({ queueIds: ['q-billing'] });
    expect(billing.handled.byQueue).toEqual({ 'q-billing': 3 });
    expect(billing.backlog.waiting).toBe(1);

    // Calls: handled c1, c4, c9; timed c1 480, c9 900, c7 300 (an outbound call) → 1680 / 3 = 560 s.
    const calls = both({ channels: ['call'] });
    expect(calls.handled.total).toBe(3);
    expect(calls.handleTime).toMatchObject({ ahtSeconds: 560, timed: 3, notTimed: 1 });

    // Agent ava: handled c1, c4; her items c1 (missed) and c4 (met) → 0.5; her follow-ups only;
    // the backlog (nobody's yet) is not narrowed by agent.
    const ava = both({ agentIds: ['ava'] });
    expect(ava.handled).toMatchObject({ total: 2, byAgent: { ava: 2 } });
    expect(ava.serviceLevel).toEqual({ rate: 0.5, met: 1, missed: 1 });
    expect(ava.followUps).toEqual({ onTime: 2, late: 1, overdue: 0, byOwner: { ava: { onTime: 2, late: 1, overdue: 0 } } });
    expect(ava.backlog.waiting).toBe(1);
    expect(ava.agents.map((row) => row.agentId)).toEqual(['ava']);

    // Filters combine; an empty list does not narrow.
    expect(both({ teamIds: ['t-a'], channels: ['chat'], agentIds: [] }).handled.total).toBe(1); // c2
    expect(both({ teamIds: ['t-a'], channels: ['email'] }).handled.total).toBe(0);
  });

  it('buckets days on the given time zone across DST changes', () => {
    const zone = 'Europe/London';
    const at = [
      utc(2026, 3, 28, 23, 30), // 23:30 GMT, Saturday 28 March
      utc(2026, 3, 29, 0, 30), // 00:30 GMT, Sunday 29 March (clocks go forward at 01:00 GMT)
      utc(2026, 3, 29, 22, 59), // 23:59 BST, still 29 March
      utc(2026, 3, 29, 23, 30), // 00:30 BST, Monday 30 March
      utc(2026, 10, 24, 23, 30), // 00:30 BST, Sunday 25 October (clocks go back at 01:00 GMT)
      utc(2026, 10, 25, 23, 30), // 23:30 GMT, still 25 October: a 25-hour day
    ];
    const data: MetricsRows = {
      ...rows,
      contacts: at.map((when, index) =>
        contact({ id: `d${index}`, customerId: `k${index}`, at: when, endedAt: when + MINUTE, agentId: 'ava', sentiment: index % 2 ? 1 : 0 }),
      ),
      queueItems: [],
      surveys: [],
    };
    const year = { from: utc(2026, 1, 1), to: utc(2027, 1, 1) };
    expect(both(year, NOW, zone, data).handled.byDay).toEqual([
      { day: '2026-03-28', count: 1 },
      { day: '2026-03-29', count: 2 },
      { day: '2026-03-30', count: 1 },
      { day: '2026-10-25', count: 2 },
    ]);
    expect(both(year, NOW, 'UTC', data).handled.byDay).toEqual([
      { day: '2026-03-28', count: 1 },
      { day: '2026-03-29', count: 3 },
      { day: '2026-10-24', count: 1 },
      { day: '2026-10-25', count: 1 },
    ]);
    // 29 March in London is 23 hours long: 00:00 GMT to 00:00 BST (23:00 UTC).
    const sunday = both({ from: utc(2026, 3, 29), to: utc(2026, 3, 29, 23) }, NOW, zone, data);
    expect(sunday.handled.byDay).toEqual([{ day: '2026-03-29', count: 2 }]);
    expect(sunday.sentiment.byDay).toEqual([{ day: '2026-03-29', average: 0.5, count: 2 }]); // d1 1, d2 0
    // A range cutting through a day keeps only the rows in it.
    expect(both({ from: utc(2026, 3, 29, 12), to: utc(2026, 3, 30, 12) }, NOW, zone, data).handled.byDay).toEqual([
      { day: '2026-03-29', count: 1 },
      { day: '2026-03-30', count: 1 },
    ]);
  });
});

// ---------------------------------------------------------------- aggregates ≡ full recomputation

/** mulberry32: a small seeded generator, so a failure replays. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('incremental aggregates', () => {
  it('equal the full recomputation under random inserts, updates and deletes', () => {
    const zone = 'Europe/London';
    const rand = random(20260329);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
    const maybe = <T>(p: number, value: () => T): T | null => (rand() < p ? value() : null);
    // Six weeks around the spring DST change, so days are 23, 24 and 25 hours long and ranges cut through them.
    const start = utc(2026, 3, 10);
    const span = 40 * DAY;
    const time = () => start + Math.floor(rand() * span);

    const teams = ['t-a', 't-b', 't-c'];
    const queueIds = ['q1', 'q2', 'q3', 'q4'];
    const agentIds = ['a1', 'a2', 'a3', 'a4', 'a5'];
    const customers = ['k1', 'k2', 'k3', 'k4', 'k5', 'k6'];
    const topics = ['billing', 'outage', null];
    const contactIds = Array.from({ length: 80 }, (_, index) => `c${index}`);
    const surveyIds = Array.from({ length: 30 }, (_, index) => `s${index}`);
    const followUpIds = Array.from({ length: 30 }, (_, index) => `f${index}`);

    const truth = {
      contacts: new Map<string, MetricsContact>(),
      queueItems: new Map<string, MetricsQueueItem>(),
      surveys: new Map<string, MetricsSurvey>(),
      followUps: new Map<string, MetricsFollowUp>(),
      queues: new Map<string, { id: string; teamId: string }>(),
      users: new Map<string, { id: string; teamIds: string[] }>(),
    };
    const aggregates = createAggregates(zone);
    const apply = (change: MetricsChange) => {
      aggregates.apply(change);
      const table = truth[`${change.entity}s` as 'contacts'] as Map<string, unknown>;
      if (change.op === 'delete') table.delete(change.id);
      else table.set(change.row.id, change.row);
    };

    const makeContact = (id: string): MetricsContact => {
      const at = time();
      const direction = pick(['inbound', 'inbound', 'inbound', 'outbound', 'internal'] as const);
      const channel = direction === 'internal' ? 'note' : pick(['call', 'email', 'chat', 'sms'] as const);
      // Repeats need several contacts per customer and topic within days of each other.
      return contact({
        id,
        customerId: pick(customers),
        channel,
        direction,
        at,
        endedAt: maybe(0.8, () => at + Math.floor(rand() * HOUR) - (rand() < 0.05 ? 2 * HOUR : 0)),
        queueId: maybe(0.7, () => pick(queueIds)),
        agentId: maybe(0.8, () => pick(agentIds)),
        topic: pick(topics),
        resolution: pick(['resolved', 'resolved', 'unresolved', null] as const),
        sentiment: maybe(0.6, () => Math.round((rand() * 2 - 1) * 1000) / 1000),
        parentId: maybe(0.2, () => pick(contactIds)),
        adherence: maybe(0.4, () => ({ done: ['a', 'b', 'c'].slice(0, Math.floor(rand() * 4)), total: Math.floor(rand() * 4) })),
        acwSeconds: maybe(0.6, () => Math.floor(rand() * 300)),
      });
    };
    const makeItem = (contactId: string): MetricsQueueItem => {
      const enqueuedAt = truth.contacts.get(contactId)?.at ?? time();
      const slaDueAt = enqueuedAt + pick([1, 5, 30]) * MINUTE;
      const state = pick(['waiting', 'claimed', 'wrap-up', 'done', 'done', 'done'] as const);
      const claimed = state !== 'waiting' && rand() < 0.9;
      return {
        id: contactId,
        contactId,
        queueId: pick(queueIds),
        channel: pick(['call', 'email', 'chat'] as const),
        enqueuedAt,
        slaDueAt,
        state,
        assigneeId: claimed ? pick(agentIds) : null,
        // Sometimes exactly at the SLA.
        claimedAt: claimed ? (rand() < 0.2 ? slaDueAt : enqueuedAt + Math.floor(rand() * 60) * MINUTE) : null,
        doneAt: state === 'done' && rand() < 0.9 ? enqueuedAt + Math.floor(rand() * 90) * MINUTE : null,
      };
    };
    const makeSurvey = (id: string): MetricsSurvey => {
      const answered = rand() < 0.7;
      return survey(id, pick(contactIds), answered ? maybe(0.9, () => 1 + Math.floor(rand() * 5)) : null, answered ? maybe(0.8, () => Math.floor(rand() * 11)) : null, answered ? 'answered' : 'sent');
    };
    const makeFollowUp = (id: string): MetricsFollowUp => {
      const dueAt = time();
      const state = pick(['scheduled', 'done', 'done', 'cancelled'] as const);
      return followUp(id, pick(agentIds), dueAt, state, state === 'done' ? maybe(0.9, () => dueAt + Math.floor(rand() * 2 * DAY) - DAY) : null);
    };

    const filtersToTry = (): MetricsFilters[] => {
      const from = start + Math.floor(rand() * span) - 5 * DAY;
      const to = from + Math.floor(rand() * 20 * DAY);
      return [
        { from: 0, to: 8_000_000_000_000 },
        { from, to },
        { from: utc(2026, 3, 29), to: utc(2026, 3, 29, 23) }, // exactly the 23-hour London day
        { from, to, teamIds: [pick(teams)] },
        { from, to, queueIds: [pick(queueIds), pick(queueIds)], channels: [pick(['call', 'email', 'chat'])] },
        { from, to, agentIds: [pick(agentIds)], teamIds: [pick(teams), pick(teams)] },
      ];
    };

    let comparisons = 0;
    const check = () => {
      const data: MetricsRows = {
        contacts: [...truth.contacts.values()],
        queueItems: [...truth.queueItems.values()],
        surveys: [...truth.surveys.values()],
        followUps: [...truth.followUps.values()],
        queues: [...truth.queues.values()],
        users: [...truth.users.values()],
      };
      for (const filters of filtersToTry()) {
        const now = start + Math.floor(rand() * (span + 10 * DAY));
        const full = computeDashboard(data, filters, now, zone);
        expect(aggregates.figures(filters, now)).toEqual(full);
        comparisons += 1;
        if (comparisons % 10 === 0) {
          // Drill-downs list as many rows as the figures count.
          const counts: Partial<Record<DrillFigure, number>> = {
            handled: full.handled.total,
            'not-timed': full.handleTime.notTimed,
            'fcr-missed': full.fcr.missed,
            'fcr-pending': full.fcr.pending,
            'fcr-resolved': full.fcr.resolvedFirstTime,
            'sla-met': full.serviceLevel.met,
            'sla-missed': full.serviceLevel.missed,
            backlog: full.backlog.waiting,
            'overdue-follow-ups': full.followUps.overdue,
            'late-follow-ups': full.followUps.late,
            'on-time-follow-ups': full.followUps.onTime,
          };
          for (const [figure, count] of Object.entries(counts)) expect(drillDown(data, filters, figure as DrillFigure, now)).toHaveLength(count);
        }
      }
    };

    for (const id of queueIds) apply({ op: 'put', entity: 'queue', row: { id, teamId: pick(teams) } });
    for (const id of agentIds) apply({ op: 'put', entity: 'user', row: { id, teamIds: [pick(teams)] } });
    for (let step = 1; step <= 1500; step += 1) {
      const roll = rand();
      if (roll < 0.35) apply({ op: 'put', entity: 'contact', row: makeContact(pick(contactIds)) });
      else if (roll < 0.45) {
        // A contact edited in place of its previous version: moved in time, resolved, re-topiced.
        const id = pick(contactIds);
        const old = truth.contacts.get(id);
        if (old) apply({ op: 'put', entity: 'contact', row: { ...old, at: old.at + Math.floor(rand() * 4 * DAY) - 2 * DAY, resolution: pick(['resolved', 'unresolved'] as const), topic: pick(topics) } });
      } else if (roll < 0.6) apply({ op: 'put', entity: 'queueItem', row: makeItem(pick(contactIds)) });
      else if (roll < 0.7) apply({ op: 'put', entity: 'survey', row: makeSurvey(pick(surveyIds)) });
      else if (roll < 0.8) apply({ op: 'put', entity: 'followUp', row: makeFollowUp(pick(followUpIds)) });
      else if (roll < 0.87) apply({ op: 'delete', entity: 'contact', id: pick(contactIds) });
      else if (roll < 0.91) apply({ op: 'delete', entity: 'queueItem', id: pick(contactIds) });
      else if (roll < 0.94) apply({ op: 'delete', entity: 'survey', id: pick(surveyIds) });
      else if (roll < 0.97) apply({ op: 'delete', entity: 'followUp', id: pick(followUpIds) });
      else if (roll < 0.985) apply({ op: 'put', entity: 'queue', row: { id: pick(queueIds), teamId: pick(teams) } });
      else apply({ op: 'put', entity: 'user', row: { id: pick(agentIds), teamIds: [pick(teams), pick(teams)] } });
      if (step % 25 === 0) check();
    }
    expect(comparisons).toBe(60 * 6);
    // The run must have exercised every kind of figure.
    const final = computeDashboard(
      {
        contacts: [...truth.contacts.values()],
        queueItems: [...truth.queueItems.values()],
        surveys: [...truth.surveys.values()],
        followUps: [...truth.followUps.values()],
        queues: [...truth.queues.values()],
        users: [...truth.users.values()],
      },
      { from: 0, to: 8_000_000_000_000 },
      start + span / 2,
      zone,
    );
    expect(final.handled.total).toBeGreaterThan(5);
    expect(final.fcr.missed).toBeGreaterThan(0);
    expect(final.fcr.resolvedFirstTime).toBeGreaterThan(0);
    expect(final.fcr.pending).toBeGreaterThan(0);
    expect(final.csat.answered).toBeGreaterThan(0);
    expect(final.serviceLevel.met).toBeGreaterThan(0);
    expect(final.serviceLevel.missed).toBeGreaterThan(0);
    expect(final.followUps.overdue + final.followUps.late).toBeGreaterThan(0);
  });

  it('replaces a row seen again and forgets a deleted one', () => {
    const aggregates = createAggregates('UTC');
    for (const change of changesOf(rows)) aggregates.apply(change);
    // c1's survey changes from 5 to 1; c3 becomes resolved; r1 (the repeat) goes: c2 is then resolved first time.
    aggregates.apply({ op: 'put', entity: 'survey', row: survey('s1', 'c1', 1, 0) });
    aggregates.apply({ op: 'put', entity: 'contact', row: { ...c3, resolution: 'resolved' } });
    aggregates.apply({ op: 'delete', entity: 'contact', id: 'r1' });
    const changed: MetricsRows = {
      ...rows,
      contacts: [...rows.contacts.filter((row) => row.id !== 'r1' && row.id !== 'c3'), { ...c3, resolution: 'resolved' }],
      surveys: [...rows.surveys.filter((row) => row.id !== 's1'), survey('s1', 'c1', 1, 0)],
    };
    const figures = aggregates.figures(RANGE, NOW);
    expect(figures).toEqual(computeDashboard(changed, RANGE, NOW, 'UTC'));
    // CSAT 1, 2, 4 → 7 / 3; FCR all five resolved first time.
    expect(figures.csat.average).toBe(7 / 3);
    expect(figures.fcr).toEqual({ rate: 1, resolvedFirstTime: 5, missed: 0, pending: 0 });
    // Deleting every row leaves nothing behind.
    for (const change of changesOf(changed)) if (change.op === 'put') aggregates.apply({ op: 'delete', entity: change.entity, id: change.row.id });
    expect(aggregates.stats()).toMatchObject({ contacts: 0, queueItems: 0, surveys: 0, followUps: 0, contactBuckets: 0, itemBuckets: 0, followUpBuckets: 0, fcrGroups: 0 });
  });
});
