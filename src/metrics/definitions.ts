/**
 * The product's definitions of the supervisor KPIs, row by row, and how the
 * per-row figures add up to a dashboard. Both the full recomputation
 * (dashboard.ts) and the incremental aggregates (aggregates.ts) go through
 * these functions, so the two can only differ in what they add up, never in
 * what a row means.
 *
 * Every sum is kept in integers (milliseconds, seconds, scores, and fixed-point
 * billionths for the fractional sentiment and adherence), so adding the same
 * rows in any order gives exactly the same totals.
 */
import { DAY_MS, dayKey } from './days';
import {
  NONE_KEY,
  type AgentFigures,
  type DashboardFigures,
  type FollowUpCounts,
  type MetricsContact,
  type MetricsFilters,
  type MetricsFollowUp,
  type MetricsQueueItem,
  type MetricsSurvey,
} from './types';

/** How long after a contact a repeat on the same topic still counts against first-contact resolution. */
export const FCR_WINDOW_MS = 7 * DAY_MS;
/** Fractional figures (sentiment, adherence) are summed in billionths. */
export const FIXED_POINT = 1e9;

// ---------------------------------------------------------------- contacts

/**
 * A contact from the customer: inbound on a customer channel (not an internal
 * note). Only these are handled, and only these are repeats for FCR.
 */
export function isCustomerInbound(contact: Pick<MetricsContact, 'direction' | 'channel'>): boolean {
  return contact.direction === 'inbound' && contact.channel !== 'note';
}

/**
 * Handled: a customer inbound contact (see `isCustomerInbound`) that an agent
 * took and finished. With a queue item: the item is `done` and was claimed
 * (a `done` item never claimed was abandoned, not handled). Without a queue
 * item (a contact logged directly by an agent): it has an agent and has ended.
 * Notes, outbound contacts (replies or not) and internal contacts are never
 * handled.
 */
export function isHandled(contact: MetricsContact, item: MetricsQueueItem | null | undefined): boolean {
  if (!isCustomerInbound(contact)) return false;
  if (item) return item.state === 'done' && item.claimedAt != null;
  return contact.agentId != null && contact.endedAt != null;
}

/**
 * Worked: the contacts whose handling time counts (AHT and ACW): handled
 * contacts, and outbound contacts an agent started on their own (an outbound
 * call or message that is not a reply; a reply's time is part of the contact
 * it answers).
 */
export function isWorked(contact: MetricsContact, item: MetricsQueueItem | null | undefined): boolean {
  if (contact.channel === 'note') return false;
  if (contact.direction === 'outbound') return contact.parentId == null;
  return isHandled(contact, item);
}

/** FCR groups: one customer's inbound contacts on one topic (a null topic is its own topic). */
export function fcrGroupKey(contact: Pick<MetricsContact, 'customerId' | 'topic'>): string {
  return contact.topic == null ? `${contact.customerId}\u0001` : `${contact.customerId}\u0002${contact.topic}`;
}

/** Order of contacts within an FCR group: by time, then id (so equal times still have a first). */
export function compareContacts(a: Pick<MetricsContact, 'at' | 'id'>, b: Pick<MetricsContact, 'at' | 'id'>): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The queue a contact counts in: its own, else its queue item's. */
export function contactQueue(contact: MetricsContact, item: MetricsQueueItem | null | undefined): string | null {
  return contact.queueId ?? item?.queueId ?? null;
}

/** The agent a contact counts for: its own (who handled or wrote it), else its queue item's assignee. */
export function contactAgent(contact: MetricsContact, item: MetricsQueueItem | null | undefined): string | null {
  return contact.agentId ?? item?.assigneeId ?? null;
}

/** FCR outcome of one contact, before `now` splits the clean ones into resolved and pending. */
export const FCR_NONE = 0;
export const FCR_MISSED = 1;
export const FCR_CLEAN = 2;
export type FcrOutcome = typeof FCR_NONE | typeof FCR_MISSED | typeof FCR_CLEAN;

/**
 * First-contact resolution of a handled contact.
 *
 * - Not handled: not counted (`FCR_NONE`).
 * - Not resolved (resolution other than 'resolved'): missed.
 * - Resolved, and the same customer came back on the same topic (null matches
 *   null) with another customer inbound contact within 7 days after it
 *   (at ≤ its at + 7 days, on any channel, in any queue, whatever the
 *   dashboard's filters and range: a repeat after the range's end still
 *   counts against it): missed. `next` is the contact right after it in its
 *   FCR group (by `compareContacts`).
 * - Otherwise clean (`FCR_CLEAN`): resolved first time once its 7 days are
 *   over, pending until then (see `fcrWindowOver`).
 */
export function fcrOutcome(contact: MetricsContact, handled: boolean, next: Pick<MetricsContact, 'at'> | null | undefined): FcrOutcome {
  if (!handled) return FCR_NONE;
  if (contact.resolution !== 'resolved') return FCR_MISSED;
  if (next && next.at <= contact.at + FCR_WINDOW_MS) return FCR_MISSED;
  return FCR_CLEAN;
}

/**
 * Whether a clean contact's 7 days are over at `now`: once now is past
 * at + 7 days, no repeat can come any more and it counts as resolved first
 * time. Until then it is pending, left out of the rate (neither resolved nor
 * missed: counting it resolved would flatter the latest days, and it may still
 * turn into a miss). A known repeat or an unresolved contact is missed at once.
 */
export function fcrWindowOver(at: number, now: number): boolean {
  return at + FCR_WINDOW_MS < now;
}

/** What one contact adds to the dashboard, apart from its FCR outcome and its surveys. */
export interface ContactFacts {
  /** 1 when handled (see `isHandled`). */
  handled: number;
  /** 1 when worked and timed: both ends known (see `contactFacts`). */
  timed: number;
  /** 1 when worked but an end is missing. */
  notTimed: number;
  /** Handle time in ms when timed, else 0. */
  handleMs: number;
  /** 1 when worked with after-contact work recorded. */
  withAcw: number;
  /** Its after-contact work in seconds when worked and recorded, else 0. */
  acw: number;
  /** 1 when the contact has adherence with steps shown. */
  adherenceCount: number;
  /** Adherence done ÷ total in billionths. */
  adherenceSum: number;
  /** 1 when a customer inbound contact has a sentiment. */
  sentimentCount: number;
  /** Sentiment in billionths. */
  sentimentSum: number;
}

/**
 * The facts of one contact, given its queue item.
 *
 * - Handle time (AHT), over worked contacts (see `isWorked`): from the queue
 *   item's `claimedAt` (or, with no claimed item, the contact's `at`: outbound
 *   contacts and contacts logged without a queue) to the contact's `endedAt`.
 *   A contact without `endedAt`, or ending before it started, is not timed:
 *   left out of the average and counted in `notTimed`.
 * - After-contact work (ACW): the worked contact's `acwSeconds`, averaged over
 *   those that recorded it.
 * - Script adherence: steps done ÷ steps shown (at most 1) for any contact
 *   with adherence and at least one step shown.
 * - Sentiment: any customer inbound contact's sentiment.
 */
export function contactFacts(contact: MetricsContact, item: MetricsQueueItem | null | undefined): ContactFacts {
  const handled = isHandled(contact, item);
  const worked = handled || isWorked(contact, item);
  let timed = 0;
  let notTimed = 0;
  let handleMs = 0;
  let withAcw = 0;
  let acw = 0;
  if (worked) {
    const start = item?.claimedAt ?? contact.at;
    const end = contact.endedAt;
    if (end != null && end >= start) {
      timed = 1;
      handleMs = end - start;
    } else {
      notTimed = 1;
    }
    if (contact.acwSeconds != null) {
      withAcw = 1;
      acw = contact.acwSeconds;
    }
  }
  let adherenceCount = 0;
  let adherenceSum = 0;
  const adherence = contact.adherence;
  if (adherence && adherence.total > 0) {
    adherenceCount = 1;
    adherenceSum = Math.round((Math.min(adherence.done.length, adherence.total) / adherence.total) * FIXED_POINT);
  }
  let sentimentCount = 0;
  let sentimentSum = 0;
  if (contact.sentiment != null && isCustomerInbound(contact)) {
    sentimentCount = 1;
    sentimentSum = Math.round(contact.sentiment * FIXED_POINT);
  }
  return { handled: handled ? 1 : 0, timed, notTimed, handleMs, withAcw, acw, adherenceCount, adherenceSum, sentimentCount, sentimentSum };
}

// ---------------------------------------------------------------- surveys

/** What a contact's surveys add. */
export interface SurveySums {
  csatCount: number;
  csatSum: number;
  /** Answers of 4 or 5. */
  csatHigh: number;
  /** Answers of 1 or 2. */
  csatLow: number;
  npsCount: number;
  /** Scores of 9 or 10. */
  npsPromoters: number;
  /** Scores of 0 to 6. */
  npsDetractors: number;
  /** Surveys sent and not answered. */
  awaiting: number;
}

export function zeroSurveySums(): SurveySums {
  return { csatCount: 0, csatSum: 0, csatHigh: 0, csatLow: 0, npsCount: 0, npsPromoters: 0, npsDetractors: 0, awaiting: 0 };
}

/**
 * Adds one survey. CSAT averages the answered `csat` scores; NPS counts the
 * answered `nps` scores (an answer may carry either or both); a survey `sent`
 * and not answered counts only as awaiting an answer. Surveys count by their
 * contact: in the range and filters when the contact is, for the contact's
 * agent (a survey whose contact is unknown counts nowhere).
 */
export function addSurvey(sums: SurveySums, survey: MetricsSurvey, sign = 1): void {
  if (survey.status !== 'answered') {
    sums.awaiting += sign;
    return;
  }
  if (survey.csat != null) {
    sums.csatCount += sign;
    sums.csatSum += sign * survey.csat;
    if (survey.csat >= 4) sums.csatHigh += sign;
    if (survey.csat <= 2) sums.csatLow += sign;
  }
  if (survey.nps != null) {
    sums.npsCount += sign;
    if (survey.nps >= 9) sums.npsPromoters += sign;
    if (survey.nps <= 6) sums.npsDetractors += sign;
  }
}

export function surveySumsOf(surveys: Iterable<MetricsSurvey> | undefined): SurveySums | null {
  if (!surveys) return null;
  let sums: SurveySums | null = null;
  for (const survey of surveys) addSurvey((sums ??= zeroSurveySums()), survey);
  return sums;
}

// ---------------------------------------------------------------- sums of contacts

/** Sums over a set of contacts (a bucket, a day, an agent, the whole dashboard). */
export interface ContactSums extends SurveySums {
  handled: number;
  timed: number;
  notTimed: number;
  handleMs: number;
  withAcw: number;
  acwSeconds: number;
  fcrMissed: number;
  /** Clean FCR outcomes: resolved first time or pending, depending on `now`. */
  fcrClean: number;
  adherenceCount: number;
  adherenceSum: number;
  sentimentCount: number;
  sentimentSum: number;
}

export function zeroSums(): ContactSums {
  return {
    handled: 0,
    timed: 0,
    notTimed: 0,
    handleMs: 0,
    withAcw: 0,
    acwSeconds: 0,
    fcrMissed: 0,
    fcrClean: 0,
    adherenceCount: 0,
    adherenceSum: 0,
    sentimentCount: 0,
    sentimentSum: 0,
    ...zeroSurveySums(),
  };
}

/** Adds (sign 1) or takes away (sign −1) one contact's figures. */
export function addContact(sums: ContactSums, facts: ContactFacts, fcr: FcrOutcome, surveys: SurveySums | null, sign = 1): void {
  sums.handled += sign * facts.handled;
  sums.timed += sign * facts.timed;
  sums.notTimed += sign * facts.notTimed;
  sums.handleMs += sign * facts.handleMs;
  sums.withAcw += sign * facts.withAcw;
  sums.acwSeconds += sign * facts.acw;
  if (fcr === FCR_MISSED) sums.fcrMissed += sign;
  else if (fcr === FCR_CLEAN) sums.fcrClean += sign;
  sums.adherenceCount += sign * facts.adherenceCount;
  sums.adherenceSum += sign * facts.adherenceSum;
  sums.sentimentCount += sign * facts.sentimentCount;
  sums.sentimentSum += sign * facts.sentimentSum;
  if (surveys) addSurveySums(sums, surveys, sign);
}

export function addSurveySums(sums: SurveySums, add: SurveySums, sign = 1): void {
  sums.csatCount += sign * add.csatCount;
  sums.csatSum += sign * add.csatSum;
  sums.csatHigh += sign * add.csatHigh;
  sums.csatLow += sign * add.csatLow;
  sums.npsCount += sign * add.npsCount;
  sums.npsPromoters += sign * add.npsPromoters;
  sums.npsDetractors += sign * add.npsDetractors;
  sums.awaiting += sign * add.awaiting;
}

export function addAllSums(sums: ContactSums, add: ContactSums): void {
  sums.handled += add.handled;
  sums.timed += add.timed;
  sums.notTimed += add.notTimed;
  sums.handleMs += add.handleMs;
  sums.withAcw += add.withAcw;
  sums.acwSeconds += add.acwSeconds;
  sums.fcrMissed += add.fcrMissed;
  sums.fcrClean += add.fcrClean;
  sums.adherenceCount += add.adherenceCount;
  sums.adherenceSum += add.adherenceSum;
  sums.sentimentCount += add.sentimentCount;
  sums.sentimentSum += add.sentimentSum;
  addSurveySums(sums, add);
}

// ---------------------------------------------------------------- queue items

/** Service-level outcome of a queue item, before `now` judges the unanswered ones. */
export const SLA_NONE = 0;
export const SLA_MET = 1;
export const SLA_MISSED = 2;
export const SLA_OPEN = 3;
export type SlaOutcome = typeof SLA_NONE | typeof SLA_MET | typeof SLA_MISSED | typeof SLA_OPEN;

/**
 * Service level, per queue item (items count by `enqueuedAt`, their own queue,
 * channel and assignee).
 *
 * - Answered (claimed): met when `claimedAt ≤ slaDueAt` (equivalently
 *   claimedAt − enqueuedAt ≤ the queue's slaSeconds, which set slaDueAt when
 *   the item was enqueued: claimed exactly at the due time is met), else missed.
 * - Abandoned (done, never claimed): missed when it ended after its SLA; an
 *   item given up within its SLA is not counted either way.
 * - Still unanswered (`SLA_OPEN`, also a done item with no end time): missed
 *   once `now` is past `slaDueAt`, not counted before (see `slaOpenMissed`).
 */
export function slaOutcome(item: MetricsQueueItem): SlaOutcome {
  if (item.claimedAt != null) return item.claimedAt <= item.slaDueAt ? SLA_MET : SLA_MISSED;
  if (item.state === 'done' && item.doneAt != null) return item.doneAt > item.slaDueAt ? SLA_MISSED : SLA_NONE;
  return SLA_OPEN;
}

export function slaOpenMissed(slaDueAt: number, now: number): boolean {
  return now > slaDueAt;
}

/** The backlog: items in state `waiting`, however old, as of now. */
export function isWaiting(item: Pick<MetricsQueueItem, 'state'>): boolean {
  return item.state === 'waiting';
}

// ---------------------------------------------------------------- follow-ups

export const FOLLOW_UP_NONE = 0;
export const FOLLOW_UP_ON_TIME = 1;
export const FOLLOW_UP_LATE = 2;
export const FOLLOW_UP_SCHEDULED = 3;
export type FollowUpOutcome = typeof FOLLOW_UP_NONE | typeof FOLLOW_UP_ON_TIME | typeof FOLLOW_UP_LATE | typeof FOLLOW_UP_SCHEDULED;

/**
 * Follow-ups, by owner. Done on time (`completedAt ≤ dueAt`) and done late
 * count the follow-ups due in the range (by `dueAt`); a done follow-up with no
 * completion time and a cancelled one count nowhere. Overdue is, like the
 * backlog, a figure of now whatever the range: still scheduled with
 * `dueAt < now`.
 */
export function followUpOutcome(followUp: MetricsFollowUp): FollowUpOutcome {
  if (followUp.state === 'done') {
    if (followUp.completedAt == null) return FOLLOW_UP_NONE;
    return followUp.completedAt <= followUp.dueAt ? FOLLOW_UP_ON_TIME : FOLLOW_UP_LATE;
  }
  return followUp.state === 'scheduled' ? FOLLOW_UP_SCHEDULED : FOLLOW_UP_NONE;
}

export function isOverdue(dueAt: number, now: number): boolean {
  return dueAt < now;
}

// ---------------------------------------------------------------- filters

const asSet = (list: readonly string[] | undefined): Set<string> | null => (list && list.length ? new Set(list) : null);

/** The dashboard's filters, ready to test rows against (see `MetricsFilters`). */
export class FilterMatcher {
  readonly from: number;
  readonly to: number;
  private readonly teams: Set<string> | null;
  private readonly queues: Set<string> | null;
  private readonly channels: Set<string> | null;
  private readonly agents: Set<string> | null;
  private readonly queueOk = new Map<string, boolean>();

  constructor(
    filters: MetricsFilters,
    private readonly teamOfQueue: (queueId: string) => string | undefined,
    private readonly teamsOfUser: (userId: string) => readonly string[] | undefined,
  ) {
    this.from = filters.from;
    this.to = filters.to;
    this.teams = asSet(filters.teamIds);
    this.queues = asSet(filters.queueIds);
    this.channels = asSet(filters.channels);
    this.agents = asSet(filters.agentIds);
  }

  inRange(at: number): boolean {
    return at >= this.from && at < this.to;
  }

  queue(queueId: string | null): boolean {
    if (!this.teams && !this.queues) return true;
    if (queueId == null) return false;
    let ok = this.queueOk.get(queueId);
    if (ok === undefined) {
      const team = this.teamOfQueue(queueId);
      ok = (!this.queues || this.queues.has(queueId)) && (!this.teams || (team !== undefined && this.teams.has(team)));
      this.queueOk.set(queueId, ok);
    }
    return ok;
  }

  channel(channel: string): boolean {
    return !this.channels || this.channels.has(channel);
  }

  agent(agentId: string | null): boolean {
    return !this.agents || (agentId != null && this.agents.has(agentId));
  }

  /** Contacts and queue items: queue (and its team), channel and agent. */
  matches(queueId: string | null, channel: string, agentId: string | null): boolean {
    return this.channel(channel) && this.agent(agentId) && this.queue(queueId);
  }

  /** The backlog: not narrowed by agent. */
  backlog(queueId: string | null, channel: string): boolean {
    return this.channel(channel) && this.queue(queueId);
  }

  /** Follow-ups: by owner and the owner's teams. */
  owner(ownerId: string): boolean {
    if (!this.agent(ownerId)) return false;
    if (!this.teams) return true;
    const teams = this.teamsOfUser(ownerId);
    return !!teams && teams.some((team) => this.teams!.has(team));
  }
}

// ---------------------------------------------------------------- adding up

interface DaySums {
  handled: number;
  sentimentCount: number;
  sentimentSum: number;
}

interface AgentSums {
  sums: ContactSums;
  fcrResolved: number;
}

/** A dashboard being added up: contacts by day, channel, queue and agent; queue items; follow-ups. */
export class Accumulator {
  readonly total = zeroSums();
  fcrResolved = 0;
  readonly days = new Map<number, DaySums>();
  readonly channels = new Map<string, number>();
  readonly queues = new Map<string, number>();
  readonly agents = new Map<string, AgentSums>();
  slaMet = 0;
  slaMissed = 0;
  waiting = 0;
  oldestEnqueuedAt = Number.POSITIVE_INFINITY;
  readonly owners = new Map<string, FollowUpCounts>();

  /** Adds the sums of contacts sharing a day, queue, channel and agent; `fcrResolved` of their clean FCR outcomes are over. */
  addContacts(day: number, queueId: string | null, channel: string, agentId: string | null, sums: ContactSums, fcrResolved: number): void {
    addAllSums(this.total, sums);
    this.fcrResolved += fcrResolved;
    let daySums = this.days.get(day);
    if (!daySums) this.days.set(day, (daySums = { handled: 0, sentimentCount: 0, sentimentSum: 0 }));
    daySums.handled += sums.handled;
    daySums.sentimentCount += sums.sentimentCount;
    daySums.sentimentSum += sums.sentimentSum;
    this.channels.set(channel, (this.channels.get(channel) ?? 0) + sums.handled);
    const queueKey = queueId ?? NONE_KEY;
    this.queues.set(queueKey, (this.queues.get(queueKey) ?? 0) + sums.handled);
    const agentKey = agentId ?? NONE_KEY;
    let agent = this.agents.get(agentKey);
    if (!agent) this.agents.set(agentKey, (agent = { sums: zeroSums(), fcrResolved: 0 }));
    addAllSums(agent.sums, sums);
    agent.fcrResolved += fcrResolved;
  }

  addWaiting(enqueuedAt: number): void {
    this.waiting += 1;
    if (enqueuedAt < this.oldestEnqueuedAt) this.oldestEnqueuedAt = enqueuedAt;
  }

  addFollowUps(ownerId: string, onTime: number, late: number, overdue: number): void {
    if (onTime === 0 && late === 0 && overdue === 0) return;
    let counts = this.owners.get(ownerId);
    if (!counts) this.owners.set(ownerId, (counts = { onTime: 0, late: 0, overdue: 0 }));
    counts.onTime += onTime;
    counts.late += late;
    counts.overdue += overdue;
  }
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

function sortedRecord(entries: Iterable<[string, number]>): Record<string, number> {
  const record: Record<string, number> = {};
  for (const [key, value] of [...entries].filter(([, count]) => count > 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) record[key] = value;
  return record;
}

/** The figures of an added-up dashboard. */
export function finalise(acc: Accumulator, filters: MetricsFilters, now: number, timeZone: string): DashboardFigures {
  const t = acc.total;
  const fcrPending = t.fcrClean - acc.fcrResolved;
  const days = [...acc.days.entries()].sort(([a], [b]) => a - b);
  const agents: AgentFigures[] = [...acc.agents.entries()]
    .filter(([agentId]) => agentId !== NONE_KEY)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([agentId, { sums, fcrResolved }]) => ({
      agentId,
      handled: sums.handled,
      ahtSeconds: sums.timed > 0 ? sums.handleMs / sums.timed / 1000 : null,
      acwSeconds: ratio(sums.acwSeconds, sums.withAcw),
      fcr: ratio(fcrResolved, fcrResolved + sums.fcrMissed),
      csat: ratio(sums.csatSum, sums.csatCount),
      adherence: sums.adherenceCount > 0 ? sums.adherenceSum / sums.adherenceCount / FIXED_POINT : null,
    }))
    .filter((row) => row.handled > 0 || row.ahtSeconds !== null || row.acwSeconds !== null || row.fcr !== null || row.csat !== null || row.adherence !== null);
  const owners = [...acc.owners.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const byOwner: Record<string, FollowUpCounts> = {};
  let onTime = 0;
  let late = 0;
  let overdue = 0;
  for (const [ownerId, counts] of owners) {
    byOwner[ownerId] = { ...counts };
    onTime += counts.onTime;
    late += counts.late;
    overdue += counts.overdue;
  }
  return {
    from: filters.from,
    to: filters.to,
    now,
    timeZone,
    handled: {
      total: t.handled,
      byChannel: sortedRecord(acc.channels),
      byQueue: sortedRecord(acc.queues),
      byAgent: sortedRecord([...acc.agents].map(([agentId, agent]) => [agentId, agent.sums.handled] as [string, number])),
      byDay: days.filter(([, day]) => day.handled > 0).map(([day, sums]) => ({ day: dayKey(day), count: sums.handled })),
    },
    handleTime: {
      ahtSeconds: t.timed > 0 ? t.handleMs / t.timed / 1000 : null,
      acwSeconds: ratio(t.acwSeconds, t.withAcw),
      timed: t.timed,
      notTimed: t.notTimed,
      withAcw: t.withAcw,
    },
    fcr: {
      rate: ratio(acc.fcrResolved, acc.fcrResolved + t.fcrMissed),
      resolvedFirstTime: acc.fcrResolved,
      missed: t.fcrMissed,
      pending: fcrPending,
    },
    csat: {
      average: ratio(t.csatSum, t.csatCount),
      satisfiedShare: ratio(t.csatHigh, t.csatCount),
      answered: t.csatCount,
      low: t.csatLow,
      awaitingAnswer: t.awaiting,
    },
    nps: {
      score: t.npsCount > 0 ? ((t.npsPromoters - t.npsDetractors) / t.npsCount) * 100 : null,
      promoters: t.npsPromoters,
      passives: t.npsCount - t.npsPromoters - t.npsDetractors,
      detractors: t.npsDetractors,
      answered: t.npsCount,
    },
    serviceLevel: { rate: ratio(acc.slaMet, acc.slaMet + acc.slaMissed), met: acc.slaMet, missed: acc.slaMissed },
    backlog: { waiting: acc.waiting, oldestWaitingMs: acc.waiting > 0 ? Math.max(0, now - acc.oldestEnqueuedAt) : null },
    followUps: { onTime, late, overdue, byOwner },
    adherence: {
      average: t.adherenceCount > 0 ? t.adherenceSum / t.adherenceCount / FIXED_POINT : null,
      contacts: t.adherenceCount,
    },
    sentiment: {
      average: t.sentimentCount > 0 ? t.sentimentSum / t.sentimentCount / FIXED_POINT : null,
      count: t.sentimentCount,
      byDay: days
        .filter(([, day]) => day.sentimentCount > 0)
        .map(([day, sums]) => ({ day: dayKey(day), average: sums.sentimentSum / sums.sentimentCount / FIXED_POINT, count: sums.sentimentCount })),
    },
    agents,
  };
}
