/**
 * The supervisor dashboard computed from scratch over all rows: the reference
 * the incremental aggregates (aggregates.ts) must always agree with, and what
 * a drill-down lists behind a figure.
 */
import { DayClock } from './days';
import {
  Accumulator,
  FCR_CLEAN,
  FCR_MISSED,
  FOLLOW_UP_LATE,
  FOLLOW_UP_ON_TIME,
  FOLLOW_UP_SCHEDULED,
  FilterMatcher,
  SLA_MET,
  SLA_MISSED,
  SLA_OPEN,
  addContact,
  compareContacts,
  contactAgent,
  contactFacts,
  contactQueue,
  fcrGroupKey,
  fcrOutcome,
  fcrWindowOver,
  finalise,
  followUpOutcome,
  isCustomerInbound,
  isOverdue,
  isWaiting,
  slaOpenMissed,
  slaOutcome,
  surveySumsOf,
  zeroSums,
  type ContactFacts,
  type FcrOutcome,
  type SurveySums,
} from './definitions';
import type {
  DashboardFigures,
  DrillFigure,
  MetricsContact,
  MetricsFilters,
  MetricsFollowUp,
  MetricsQueueItem,
  MetricsRows,
  MetricsSurvey,
} from './types';

interface ContactVisit {
  contact: MetricsContact;
  queueId: string | null;
  agentId: string | null;
  facts: ContactFacts;
  fcr: FcrOutcome;
  /** For a clean FCR outcome: whether its 7 days are over (resolved first time) or not (pending). */
  fcrOver: boolean;
  surveys: readonly MetricsSurvey[];
  surveySums: SurveySums | null;
}

interface Visitor {
  contact(visit: ContactVisit): void;
  /** Queue items in range and filters whose service level counts: met or missed. */
  sla(item: MetricsQueueItem, met: boolean): void;
  waiting(item: MetricsQueueItem): void;
  /** Follow-ups of matching owners: done on time or late when due in range; overdue as of now. */
  followUp(followUp: MetricsFollowUp, onTime: boolean, late: boolean, overdue: boolean): void;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Walks every row once and tells the visitor what each counts for. */
function scan(rows: MetricsRows, filters: MetricsFilters, now: number, visitor: Visitor): void {
  const teamOfQueue = new Map(rows.queues.map((queue) => [queue.id, queue.teamId]));
  const teamsOfUser = new Map(rows.users.map((user) => [user.id, user.teamIds]));
  const match = new FilterMatcher(
    filters,
    (queueId) => teamOfQueue.get(queueId),
    (userId) => teamsOfUser.get(userId),
  );

  const itemOf = new Map<string, MetricsQueueItem>();
  for (const item of rows.queueItems) itemOf.set(item.contactId, item);
  const surveysOf = new Map<string, MetricsSurvey[]>();
  for (const survey of rows.surveys) push(surveysOf, survey.contactId, survey);

  // The contacts in range and filters; for the handled resolved ones, FCR needs the next contact of their group.
  const inScope: { contact: MetricsContact; item: MetricsQueueItem | undefined; queueId: string | null; agentId: string | null; facts: ContactFacts }[] = [];
  const needNext = new Set<string>();
  const groupsWanted = new Set<string>();
  for (const contact of rows.contacts) {
    if (!match.inRange(contact.at)) continue;
    const item = itemOf.get(contact.id);
    const queueId = contactQueue(contact, item);
    const agentId = contactAgent(contact, item);
    if (!match.matches(queueId, contact.channel, agentId)) continue;
    const facts = contactFacts(contact, item);
    inScope.push({ contact, item, queueId, agentId, facts });
    if (facts.handled && contact.resolution === 'resolved') {
      needNext.add(contact.id);
      groupsWanted.add(fcrGroupKey(contact));
    }
  }
  const next = new Map<string, MetricsContact | null>();
  if (needNext.size) {
    const groups = new Map<string, MetricsContact[]>();
    for (const contact of rows.contacts) {
      if (!isCustomerInbound(contact)) continue;
      const key = fcrGroupKey(contact);
      if (groupsWanted.has(key)) push(groups, key, contact);
    }
    for (const group of groups.values()) {
      group.sort(compareContacts);
      for (let index = 0; index < group.length; index += 1) {
        const contact = group[index]!;
        if (needNext.has(contact.id)) next.set(contact.id, group[index + 1] ?? null);
      }
    }
  }
  for (const { contact, queueId, agentId, facts } of inScope) {
    const fcr = fcrOutcome(contact, facts.handled === 1, next.get(contact.id));
    const surveys = surveysOf.get(contact.id) ?? [];
    visitor.contact({
      contact,
      queueId,
      agentId,
      facts,
      fcr,
      fcrOver: fcr === FCR_CLEAN && fcrWindowOver(contact.at, now),
      surveys,
      surveySums: surveySumsOf(surveys),
    });
  }

  for (const item of rows.queueItems) {
    if (match.inRange(item.enqueuedAt) && match.matches(item.queueId, item.channel, item.assigneeId)) {
      const outcome = slaOutcome(item);
      if (outcome === SLA_MET) visitor.sla(item, true);
      else if (outcome === SLA_MISSED || (outcome === SLA_OPEN && slaOpenMissed(item.slaDueAt, now))) visitor.sla(item, false);
    }
    if (isWaiting(item) && match.backlog(item.queueId, item.channel)) visitor.waiting(item);
  }

  for (const followUp of rows.followUps) {
    if (!match.owner(followUp.ownerId)) continue;
    const outcome = followUpOutcome(followUp);
    const inRange = match.inRange(followUp.dueAt);
    const onTime = inRange && outcome === FOLLOW_UP_ON_TIME;
    const late = inRange && outcome === FOLLOW_UP_LATE;
    const overdue = outcome === FOLLOW_UP_SCHEDULED && isOverdue(followUp.dueAt, now);
    if (onTime || late || overdue) visitor.followUp(followUp, onTime, late, overdue);
  }
}

/**
 * Every figure of the supervisor dashboard, computed from all rows: contacts
 * in `filters`' range (by `at`) and filters, queue items enqueued in it,
 * follow-ups due in it, and the figures of `now` (backlog, overdue
 * follow-ups, pending FCR, unanswered items past their SLA). Days are
 * calendar days in `timeZone` (e.g. the supervisor's). The definitions are
 * in definitions.ts; the shape in `DashboardFigures`.
 */
export function computeDashboard(rows: MetricsRows, filters: MetricsFilters, now: number, timeZone: string): DashboardFigures {
  const clock = new DayClock(timeZone);
  const acc = new Accumulator();
  scan(rows, filters, now, {
    contact(visit) {
      const sums = zeroSums();
      addContact(sums, visit.facts, visit.fcr, visit.surveySums);
      acc.addContacts(clock.dayOf(visit.contact.at), visit.queueId, visit.contact.channel, visit.agentId, sums, visit.fcrOver ? 1 : 0);
    },
    sla(_item, met) {
      if (met) acc.slaMet += 1;
      else acc.slaMissed += 1;
    },
    waiting(item) {
      acc.addWaiting(item.enqueuedAt);
    },
    followUp(followUp, onTime, late, overdue) {
      acc.addFollowUps(followUp.ownerId, onTime ? 1 : 0, late ? 1 : 0, overdue ? 1 : 0);
    },
  });
  return finalise(acc, filters, now, timeZone);
}

/**
 * The rows behind a figure of `computeDashboard` with the same filters and
 * `now`, oldest first: contact ids, or follow-up ids for the follow-up figures.
 *
 * - handled, not-timed (worked contacts missing an end), fcr-resolved,
 *   fcr-missed, fcr-pending: the contacts counted so.
 * - csat-low (an answered CSAT of 1 or 2), nps-detractors (NPS 0–6),
 *   survey-awaiting-answer: the surveyed contacts.
 * - sla-met, sla-missed, backlog: the queue items' contacts.
 * - on-time-follow-ups, late-follow-ups, overdue-follow-ups: follow-up ids.
 */
export function drillDown(rows: MetricsRows, filters: MetricsFilters, figure: DrillFigure, now: number): string[] {
  const found: { at: number; id: string }[] = [];
  const add = (at: number, id: string) => found.push({ at, id });
  scan(rows, filters, now, {
    contact({ contact, facts, fcr, fcrOver, surveys }) {
      const at = contact.at;
      switch (figure) {
        case 'handled':
          if (facts.handled) add(at, contact.id);
          break;
        case 'not-timed':
          if (facts.notTimed) add(at, contact.id);
          break;
        case 'fcr-resolved':
          if (fcr === FCR_CLEAN && fcrOver) add(at, contact.id);
          break;
        case 'fcr-pending':
          if (fcr === FCR_CLEAN && !fcrOver) add(at, contact.id);
          break;
        case 'fcr-missed':
          if (fcr === FCR_MISSED) add(at, contact.id);
          break;
        case 'csat-low':
          if (surveys.some((survey) => survey.status === 'answered' && survey.csat != null && survey.csat <= 2)) add(at, contact.id);
          break;
        case 'nps-detractors':
          if (surveys.some((survey) => survey.status === 'answered' && survey.nps != null && survey.nps <= 6)) add(at, contact.id);
          break;
        case 'survey-awaiting-answer':
          if (surveys.some((survey) => survey.status !== 'answered')) add(at, contact.id);
          break;
        default:
          break;
      }
    },
    sla(item, met) {
      if ((figure === 'sla-met' && met) || (figure === 'sla-missed' && !met)) add(item.enqueuedAt, item.contactId);
    },
    waiting(item) {
      if (figure === 'backlog') add(item.enqueuedAt, item.contactId);
    },
    followUp(followUp, onTime, late, overdue) {
      if ((figure === 'on-time-follow-ups' && onTime) || (figure === 'late-follow-ups' && late) || (figure === 'overdue-follow-ups' && overdue)) {
        add(followUp.dueAt, followUp.id);
      }
    },
  });
  return found.sort(compareContacts).map((entry) => entry.id);
}
