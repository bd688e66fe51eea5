/**
 * What the supervisor KPIs read and return. Rows are the domain's rows, or any
 * object with at least the fields the figures need (so callers can hand over
 * plain objects, cached rows or full zod-parsed rows alike).
 */
import type { Contact, FollowUp, Queue, QueueItem, SurveyResponse, User } from '../domain/model';

export type MetricsContact = Pick<
  Contact,
  'id' | 'customerId' | 'channel' | 'direction' | 'at' | 'endedAt' | 'queueId' | 'agentId' | 'topic' | 'resolution' | 'sentiment' | 'parentId' | 'adherence' | 'acwSeconds'
>;
export type MetricsQueueItem = Pick<QueueItem, 'id' | 'contactId' | 'queueId' | 'channel' | 'enqueuedAt' | 'slaDueAt' | 'state' | 'assigneeId' | 'claimedAt' | 'doneAt'>;
export type MetricsSurvey = Pick<SurveyResponse, 'id' | 'contactId' | 'status' | 'csat' | 'nps'>;
export type MetricsFollowUp = Pick<FollowUp, 'id' | 'dueAt' | 'state' | 'completedAt' | 'ownerId'>;
export type MetricsQueue = Pick<Queue, 'id' | 'teamId'>;
export type MetricsUser = Pick<User, 'id' | 'teamIds'>;

/** Everything the dashboard is computed from. */
export interface MetricsRows {
  contacts: readonly MetricsContact[];
  /** One queue item per contact at most (its id is the contact's id). */
  queueItems: readonly MetricsQueueItem[];
  surveys: readonly MetricsSurvey[];
  followUps: readonly MetricsFollowUp[];
  /** For the team filter (a contact's or queue item's team is its queue's). */
  queues: readonly MetricsQueue[];
  /** For the team filter on follow-ups (a follow-up's teams are its owner's). */
  users: readonly MetricsUser[];
}

/**
 * What a dashboard shows.
 *
 * - `from`–`to`: epoch ms, `from` included, `to` excluded. A contact is in the
 *   range by its `at`, a queue item by its `enqueuedAt`, a follow-up by its `dueAt`.
 * - `teamIds`: contacts and queue items whose queue belongs to one of the
 *   teams (no queue: left out); follow-ups whose owner is in one of the teams.
 * - `queueIds`, `channels`: contacts and queue items in one of them
 *   (follow-ups belong to no queue and are not narrowed by these).
 * - `agentIds`: contacts handled or written by one of them, queue items
 *   assigned to one of them, follow-ups owned by one of them. The backlog
 *   (waiting, so nobody's yet) is not narrowed by agents.
 *
 * A missing or empty list does not narrow anything.
 */
export interface MetricsFilters {
  from: number;
  to: number;
  teamIds?: readonly string[];
  queueIds?: readonly string[];
  channels?: readonly string[];
  agentIds?: readonly string[];
}

/** A change to one row, shaped as the sync engine's changes (other entities are ignored). */
export type MetricsChange =
  | { op: 'put'; entity: 'contact'; row: MetricsContact }
  | { op: 'put'; entity: 'queueItem'; row: MetricsQueueItem }
  | { op: 'put'; entity: 'survey'; row: MetricsSurvey }
  | { op: 'put'; entity: 'followUp'; row: MetricsFollowUp }
  | { op: 'put'; entity: 'queue'; row: MetricsQueue }
  | { op: 'put'; entity: 'user'; row: MetricsUser }
  | { op: 'delete'; entity: 'contact' | 'queueItem' | 'survey' | 'followUp' | 'queue' | 'user'; id: string };

/** Key used in the per-queue and per-agent breakdowns for contacts without a queue or an agent. */
export const NONE_KEY = '(none)';

export interface DayCount {
  /** `YYYY-MM-DD` on the dashboard's time zone. */
  day: string;
  count: number;
}

export interface DaySentiment {
  day: string;
  /** Average sentiment, −1 to 1. */
  average: number;
  count: number;
}

export interface AgentFigures {
  agentId: string;
  handled: number;
  ahtSeconds: number | null;
  acwSeconds: number | null;
  /** First-contact resolution, 0–1 (pending contacts left out). */
  fcr: number | null;
  /** Average answered CSAT, 1–5. */
  csat: number | null;
  /** Average script adherence, 0–1. */
  adherence: number | null;
}

export interface FollowUpCounts {
  onTime: number;
  late: number;
  overdue: number;
}

/**
 * Every figure of the supervisor dashboard: a plain, JSON-serialisable object.
 * Averages and rates are null when nothing was counted (never NaN); counts are
 * then 0. Rates are shares from 0 to 1, except the NPS score (−100 to 100).
 */
export interface DashboardFigures {
  from: number;
  to: number;
  now: number;
  timeZone: string;
  handled: {
    total: number;
    byChannel: Record<string, number>;
    byQueue: Record<string, number>;
    byAgent: Record<string, number>;
    /** Days with at least one handled contact, in order. */
    byDay: DayCount[];
  };
  handleTime: {
    /** Average handle time in seconds over the timed contacts. */
    ahtSeconds: number | null;
    /** Average after-contact work in seconds over the contacts that recorded it. */
    acwSeconds: number | null;
    timed: number;
    notTimed: number;
    withAcw: number;
  };
  fcr: {
    rate: number | null;
    resolvedFirstTime: number;
    missed: number;
    /** Resolved contacts whose 7-day window is not over yet: left out of the rate. */
    pending: number;
  };
  csat: {
    average: number | null;
    /** Share of answers scoring 4 or 5. */
    satisfiedShare: number | null;
    answered: number;
    /** Answers scoring 1 or 2. */
    low: number;
    /** Surveys sent and not answered. */
    awaitingAnswer: number;
  };
  nps: {
    /** % promoters − % detractors, −100 to 100. */
    score: number | null;
    promoters: number;
    passives: number;
    detractors: number;
    answered: number;
  };
  serviceLevel: {
    rate: number | null;
    met: number;
    missed: number;
  };
  backlog: {
    waiting: number;
    /** How long the oldest waiting item has waited, as of `now` (ms). */
    oldestWaitingMs: number | null;
  };
  followUps: FollowUpCounts & { byOwner: Record<string, FollowUpCounts> };
  adherence: {
    average: number | null;
    contacts: number;
  };
  sentiment: {
    average: number | null;
    count: number;
    /** Days with at least one contact with a sentiment, in order. */
    byDay: DaySentiment[];
  };
  /** One row per agent with anything in the range, by agent id. */
  agents: AgentFigures[];
}

/** What `drillDown` lists: contact ids, except the follow-up figures (follow-up ids). */
export const DRILL_FIGURES = [
  'handled',
  'not-timed',
  'fcr-resolved',
  'fcr-missed',
  'fcr-pending',
  'csat-low',
  'nps-detractors',
  'survey-awaiting-answer',
  'sla-met',
  'sla-missed',
  'backlog',
  'on-time-follow-ups',
  'late-follow-ups',
  'overdue-follow-ups',
] as const;
export type DrillFigure = (typeof DRILL_FIGURES)[number];
