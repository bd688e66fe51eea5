/**
 * The supervisor dashboard kept up to date change by change.
 *
 * Every contact's figures are summed into a bucket per calendar day (on the
 * aggregates' time zone) × queue × channel × agent; queue items into buckets
 * per day enqueued × queue × channel × assignee (service level); follow-ups
 * into buckets per due day × owner. `figures` adds up the buckets of the days
 * in range that match the filters, so its cost follows the number of buckets
 * in range, not of rows. Only the range's first and last day, when the range
 * cuts through them, are added up member by member, as are the few buckets a
 * figure of now cuts through (FCR windows ending around now, unanswered items,
 * scheduled follow-ups due around now).
 *
 * First-contact resolution depends on later contacts: each customer's inbound
 * contacts on one topic are kept sorted by time, so a contact arriving (or
 * moving, or going) changes the outcome of at most the contact just before it,
 * and only when that one is less than 7 days older.
 *
 * A million contacts make about as many buckets and groups, so they are kept
 * lean for the garbage collector: a bucket holds its sums as fields and its
 * members as a list threaded through the rows themselves, and a group is a
 * list threaded through its contacts (the map holds only its newest).
 *
 * Each row's own contribution is kept with it, so a row seen again replaces
 * exactly what its previous version added, and a deleted row takes it away.
 * `figures` always equals `computeDashboard` over the same rows.
 */
import { DayClock } from './days';
import {
  Accumulator,
  FCR_CLEAN,
  FCR_NONE,
  FOLLOW_UP_LATE,
  FOLLOW_UP_NONE,
  FOLLOW_UP_ON_TIME,
  FOLLOW_UP_SCHEDULED,
  FilterMatcher,
  SLA_MET,
  SLA_MISSED,
  SLA_NONE,
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
  type ContactSums,
  type FcrOutcome,
  type FollowUpOutcome,
  type SlaOutcome,
  type SurveySums,
} from './definitions';
import type {
  DashboardFigures,
  MetricsChange,
  MetricsContact,
  MetricsFilters,
  MetricsFollowUp,
  MetricsQueueItem,
  MetricsSurvey,
} from './types';

// ---------------------------------------------------------------- rows kept

/** A contact: the fields its figures are computed from, where it counts, and what it adds there. */
class ContactRec implements MetricsContact, ContactFacts {
  customerId = '';
  channel: MetricsContact['channel'] = 'call';
  direction: MetricsContact['direction'] = 'inbound';
  at = 0;
  endedAt: number | null = null;
  queueId: string | null = null;
  agentId: string | null = null;
  topic: string | null = null;
  resolution: MetricsContact['resolution'] = null;
  sentiment: number | null = null;
  parentId: string | null = null;
  adherence: MetricsContact['adherence'] = null;
  acwSeconds: number | null = null;
  /** In an FCR group (customer inbound contacts only): its neighbours there, by `compareContacts`. */
  inGroup = false;
  groupPrev: ContactRec | null = null;
  groupNext: ContactRec | null = null;
  // Where it counts.
  day = 0;
  dimQueue: string | null = null;
  dimAgent: string | null = null;
  // What it adds there.
  handled = 0;
  timed = 0;
  notTimed = 0;
  handleMs = 0;
  withAcw = 0;
  acw = 0;
  adherenceCount = 0;
  adherenceSum = 0;
  sentimentCount = 0;
  sentimentSum = 0;
  fcr: FcrOutcome = FCR_NONE;
  surveySums: SurveySums | null = null;
  bucket: ContactBucket | null = null;
  prev: ContactRec | null = null;
  next: ContactRec | null = null;

  constructor(readonly id: string) {}

  /**
   * Takes what the figures need from the row. What it added before is kept in
   * its own fields, so a changed row replaces exactly its old contribution.
   */
  setRow(row: MetricsContact): void {
    this.customerId = row.customerId;
    this.channel = row.channel;
    this.direction = row.direction;
    this.at = row.at;
    this.endedAt = row.endedAt;
    this.queueId = row.queueId;
    this.agentId = row.agentId;
    this.topic = row.topic;
    this.resolution = row.resolution;
    this.sentiment = row.sentiment;
    this.parentId = row.parentId;
    this.adherence = row.adherence;
    this.acwSeconds = row.acwSeconds;
  }

  setFacts(facts: ContactFacts): void {
    this.handled = facts.handled;
    this.timed = facts.timed;
    this.notTimed = facts.notTimed;
    this.handleMs = facts.handleMs;
    this.withAcw = facts.withAcw;
    this.acw = facts.acw;
    this.adherenceCount = facts.adherenceCount;
    this.adherenceSum = facts.adherenceSum;
    this.sentimentCount = facts.sentimentCount;
    this.sentimentSum = facts.sentimentSum;
  }
}

/** A queue item: its fields, its service-level outcome, and where it counts. */
class ItemRec implements MetricsQueueItem {
  readonly id: string;
  readonly contactId: string;
  readonly queueId: string;
  readonly channel: MetricsQueueItem['channel'];
  readonly enqueuedAt: number;
  readonly slaDueAt: number;
  readonly state: MetricsQueueItem['state'];
  readonly assigneeId: string | null;
  readonly claimedAt: number | null;
  readonly doneAt: number | null;
  readonly outcome: SlaOutcome;
  bucket: ItemBucket | null = null;
  prev: ItemRec | null = null;
  next: ItemRec | null = null;

  constructor(row: MetricsQueueItem) {
    this.id = row.id;
    this.contactId = row.contactId;
    this.queueId = row.queueId;
    this.channel = row.channel;
    this.enqueuedAt = row.enqueuedAt;
    this.slaDueAt = row.slaDueAt;
    this.state = row.state;
    this.assigneeId = row.assigneeId;
    this.claimedAt = row.claimedAt;
    this.doneAt = row.doneAt;
    this.outcome = slaOutcome(row);
  }
}

class FollowUpRec {
  readonly id: string;
  readonly ownerId: string;
  readonly dueAt: number;
  readonly outcome: FollowUpOutcome;
  bucket: FollowUpBucket | null = null;
  prev: FollowUpRec | null = null;
  next: FollowUpRec | null = null;

  constructor(row: MetricsFollowUp) {
    this.id = row.id;
    this.ownerId = row.ownerId;
    this.dueAt = row.dueAt;
    this.outcome = followUpOutcome(row);
  }
}

// ---------------------------------------------------------------- buckets

interface Member<M> {
  prev: M | null;
  next: M | null;
}

/** Rows sharing a day and dimensions; its members are a list threaded through them. */
abstract class Bucket<M extends Member<M>> {
  head: M | null = null;
  size = 0;
  constructor(
    readonly day: number,
    readonly key: number,
  ) {}

  add(member: M): void {
    member.prev = null;
    member.next = this.head;
    if (this.head) this.head.prev = member;
    this.head = member;
    this.size += 1;
  }

  remove(member: M): void {
    if (member.prev) member.prev.next = member.next;
    else this.head = member.next;
    if (member.next) member.next.prev = member.prev;
    member.prev = member.next = null;
    this.size -= 1;
  }
}

class ContactBucket extends Bucket<ContactRec> implements ContactSums {
  handled = 0;
  timed = 0;
  notTimed = 0;
  handleMs = 0;
  withAcw = 0;
  acwSeconds = 0;
  fcrMissed = 0;
  fcrClean = 0;
  adherenceCount = 0;
  adherenceSum = 0;
  sentimentCount = 0;
  sentimentSum = 0;
  csatCount = 0;
  csatSum = 0;
  csatHigh = 0;
  csatLow = 0;
  npsCount = 0;
  npsPromoters = 0;
  npsDetractors = 0;
  awaiting = 0;
  constructor(
    day: number,
    key: number,
    readonly queueId: string | null,
    readonly channel: string,
    readonly agentId: string | null,
  ) {
    super(day, key);
  }
}

class ItemBucket extends Bucket<ItemRec> {
  met = 0;
  missed = 0;
  open = 0;
  constructor(
    day: number,
    key: number,
    readonly queueId: string,
    readonly channel: string,
    readonly agentId: string | null,
  ) {
    super(day, key);
  }
}

class FollowUpBucket extends Bucket<FollowUpRec> {
  onTime = 0;
  late = 0;
  scheduled = 0;
  constructor(
    day: number,
    key: number,
    readonly ownerId: string,
  ) {
    super(day, key);
  }
}

/** Buckets by day, then by key. */
class DayIndex<B extends { readonly day: number; readonly key: number; size: number }> {
  readonly days = new Map<number, Map<number, B>>();
  count = 0;

  get(day: number, key: number, create: () => B): B {
    let byKey = this.days.get(day);
    if (!byKey) this.days.set(day, (byKey = new Map<number, B>()));
    let bucket = byKey.get(key);
    if (!bucket) {
      byKey.set(key, (bucket = create()));
      this.count += 1;
    }
    return bucket;
  }

  /** Forgets a bucket once its last member left. */
  dropIfEmpty(bucket: B): void {
    if (bucket.size) return;
    const byKey = this.days.get(bucket.day);
    if (byKey?.get(bucket.key) !== bucket) return;
    byKey.delete(bucket.key);
    this.count -= 1;
    if (!byKey.size) this.days.delete(bucket.day);
  }

  /** The days from `first` to `last` that hold buckets. */
  *range(first: number, last: number): Generator<[number, Map<number, B>]> {
    if (last < first) return;
    if (last - first + 1 <= this.days.size) {
      for (let day = first; day <= last; day += 1) {
        const byKey = this.days.get(day);
        if (byKey) yield [day, byKey];
      }
    } else {
      for (const entry of this.days) if (entry[0] >= first && entry[0] <= last) yield entry;
    }
  }
}

/** Small numbers for ids (queues, channels, agents), so bucket keys are numbers rather than strings. */
class Interner {
  private readonly numbers = new Map<string, number>();
  of(id: string | null): number {
    if (id == null) return 0;
    let number = this.numbers.get(id);
    if (number === undefined) this.numbers.set(id, (number = this.numbers.size + 1));
    return number;
  }
}

/** A bucket key from three interned ids (exact up to 2^53: about 8 million of each). */
const dimKey = (a: number, b: number, c: number): number => (a * 8_388_608 + b) * 8_388_608 + c;

// ---------------------------------------------------------------- the aggregates

export interface AggregateStats {
  contacts: number;
  queueItems: number;
  surveys: number;
  followUps: number;
  contactBuckets: number;
  itemBuckets: number;
  followUpBuckets: number;
  fcrGroups: number;
}

export interface Aggregates {
  readonly timeZone: string;
  /**
   * Applies one change: a put adds a row or replaces its previous version; a
   * delete takes it away. Rows may come in any order (a queue item or survey
   * before its contact); loading queue items and surveys before the contacts
   * computes each contact once rather than again for each of its rows.
   */
  apply(change: MetricsChange): void;
  /** Every figure of the dashboard, equal to `computeDashboard(rows, filters, now, timeZone)` over the rows applied. */
  figures(filters: MetricsFilters, now: number): DashboardFigures;
  /** How much is kept. */
  stats(): AggregateStats;
}

/** Incrementally maintained dashboard figures, with days on `timeZone` (e.g. the supervisor's). */
export function createAggregates(timeZone: string): Aggregates {
  const clock = new DayClock(timeZone);
  const ids = new Interner();
  const contacts = new Map<string, ContactRec>();
  /** FCR groups by `fcrGroupKey`: the newest contact of each (the others hang off it through `groupPrev`). */
  const groups = new Map<string, ContactRec>();
  const items = new Map<string, ItemRec>();
  const itemOf = new Map<string, ItemRec>();
  const surveys = new Map<string, MetricsSurvey>();
  const surveysOf = new Map<string, MetricsSurvey[]>();
  const followUps = new Map<string, FollowUpRec>();
  const teamOfQueue = new Map<string, string>();
  const teamsOfUser = new Map<string, readonly string[]>();
  const contactDays = new DayIndex<ContactBucket>();
  const itemDays = new DayIndex<ItemBucket>();
  const followUpDays = new DayIndex<FollowUpBucket>();
  const waiting = new Map<string, ItemRec>();
  const scheduledBuckets = new Set<FollowUpBucket>();

  // ---- contacts

  /** Joins its FCR group; returns the contact now just before it. */
  const joinGroup = (rec: ContactRec): ContactRec | null => {
    const key = fcrGroupKey(rec);
    const newest = groups.get(key);
    rec.inGroup = true;
    // New contacts are usually the newest: walk back from there.
    let before = newest ?? null;
    let after: ContactRec | null = null;
    while (before && compareContacts(before, rec) > 0) {
      after = before;
      before = before.groupPrev;
    }
    rec.groupPrev = before;
    rec.groupNext = after;
    if (before) before.groupNext = rec;
    if (after) after.groupPrev = rec;
    else groups.set(key, rec);
    return before;
  };

  /** Leaves its FCR group; returns the contact that was just before it. */
  const leaveGroup = (rec: ContactRec): ContactRec | null => {
    if (!rec.inGroup) return null;
    const before = rec.groupPrev;
    const after = rec.groupNext;
    if (before) before.groupNext = after;
    if (after) after.groupPrev = before;
    else {
      const key = fcrGroupKey(rec);
      if (before) groups.set(key, before);
      else groups.delete(key);
    }
    rec.inGroup = false;
    rec.groupPrev = rec.groupNext = null;
    return before;
  };

  const attach = (rec: ContactRec): void => {
    const key = dimKey(ids.of(rec.dimQueue), ids.of(rec.channel), ids.of(rec.dimAgent));
    const bucket = contactDays.get(rec.day, key, () => new ContactBucket(rec.day, key, rec.dimQueue, rec.channel, rec.dimAgent));
    addContact(bucket, rec, rec.fcr, rec.surveySums, 1);
    bucket.add(rec);
    rec.bucket = bucket;
  };

  const detach = (rec: ContactRec): void => {
    const bucket = rec.bucket;
    if (!bucket) return;
    addContact(bucket, rec, rec.fcr, rec.surveySums, -1);
    bucket.remove(rec);
    rec.bucket = null;
    contactDays.dropIfEmpty(bucket);
  };

  /** Recomputes where a contact counts and what it adds, from its row, queue item, surveys and FCR group. */
  const compute = (rec: ContactRec): void => {
    const item = itemOf.get(rec.id);
    rec.day = clock.dayOf(rec.at);
    rec.dimQueue = contactQueue(rec, item);
    rec.dimAgent = contactAgent(rec, item);
    rec.setFacts(contactFacts(rec, item));
    rec.fcr = fcrOutcome(rec, rec.handled === 1, rec.groupNext);
    rec.surveySums = surveySumsOf(surveysOf.get(rec.id));
  };

  const refresh = (contactId: string): void => {
    const rec = contacts.get(contactId);
    if (!rec) return;
    detach(rec);
    compute(rec);
    attach(rec);
  };

  /** The contact after this one in its group changed: only its FCR outcome can change. */
  const refreshFcr = (rec: ContactRec): void => {
    const fcr = fcrOutcome(rec, rec.handled === 1, rec.groupNext);
    if (fcr === rec.fcr) return;
    const bucket = rec.bucket;
    if (bucket) {
      if (rec.fcr !== FCR_NONE) bucket[rec.fcr === FCR_CLEAN ? 'fcrClean' : 'fcrMissed'] -= 1;
      if (fcr !== FCR_NONE) bucket[fcr === FCR_CLEAN ? 'fcrClean' : 'fcrMissed'] += 1;
    }
    rec.fcr = fcr;
  };

  const putContact = (row: MetricsContact): void => {
    let rec = contacts.get(row.id);
    let left: ContactRec | null = null;
    if (rec) {
      detach(rec);
      left = leaveGroup(rec);
    } else {
      contacts.set(row.id, (rec = new ContactRec(row.id)));
    }
    rec.setRow(row);
    const joined = isCustomerInbound(rec) ? joinGroup(rec) : null;
    compute(rec);
    attach(rec);
    if (left) refreshFcr(left);
    if (joined && joined !== left) refreshFcr(joined);
  };

  const deleteContact = (id: string): void => {
    const rec = contacts.get(id);
    if (!rec) return;
    detach(rec);
    const before = leaveGroup(rec);
    contacts.delete(id);
    if (before) refreshFcr(before);
  };

  // ---- queue items

  const attachItem = (rec: ItemRec): void => {
    if (isWaiting(rec)) waiting.set(rec.id, rec);
    if (rec.outcome === SLA_NONE) return;
    const day = clock.dayOf(rec.enqueuedAt);
    const key = dimKey(ids.of(rec.queueId), ids.of(rec.channel), ids.of(rec.assigneeId));
    const bucket = itemDays.get(day, key, () => new ItemBucket(day, key, rec.queueId, rec.channel, rec.assigneeId));
    if (rec.outcome === SLA_MET) bucket.met += 1;
    else if (rec.outcome === SLA_MISSED) bucket.missed += 1;
    else bucket.open += 1;
    bucket.add(rec);
    rec.bucket = bucket;
  };

  const detachItem = (rec: ItemRec): void => {
    if (waiting.get(rec.id) === rec) waiting.delete(rec.id);
    const bucket = rec.bucket;
    if (!bucket) return;
    if (rec.outcome === SLA_MET) bucket.met -= 1;
    else if (rec.outcome === SLA_MISSED) bucket.missed -= 1;
    else bucket.open -= 1;
    bucket.remove(rec);
    rec.bucket = null;
    itemDays.dropIfEmpty(bucket);
  };

  const putItem = (row: MetricsQueueItem): void => {
    const old = items.get(row.id);
    if (old) {
      detachItem(old);
      if (itemOf.get(old.contactId) === old) itemOf.delete(old.contactId);
    }
    const rec = new ItemRec(row);
    items.set(rec.id, rec);
    itemOf.set(rec.contactId, rec);
    attachItem(rec);
    if (old && old.contactId !== rec.contactId) refresh(old.contactId);
    refresh(rec.contactId);
  };

  const deleteItem = (id: string): void => {
    const old = items.get(id);
    if (!old) return;
    detachItem(old);
    items.delete(id);
    if (itemOf.get(old.contactId) === old) itemOf.delete(old.contactId);
    refresh(old.contactId);
  };

  // ---- surveys

  const leaveSurveys = (survey: MetricsSurvey): void => {
    const list = surveysOf.get(survey.contactId);
    if (!list) return;
    const index = list.indexOf(survey);
    if (index >= 0) list.splice(index, 1);
    if (!list.length) surveysOf.delete(survey.contactId);
  };

  const putSurvey = (row: MetricsSurvey): void => {
    const old = surveys.get(row.id);
    if (old) leaveSurveys(old);
    const survey: MetricsSurvey = { id: row.id, contactId: row.contactId, status: row.status, csat: row.csat, nps: row.nps };
    surveys.set(survey.id, survey);
    const list = surveysOf.get(survey.contactId);
    if (list) list.push(survey);
    else surveysOf.set(survey.contactId, [survey]);
    if (old && old.contactId !== survey.contactId) refresh(old.contactId);
    refresh(survey.contactId);
  };

  const deleteSurvey = (id: string): void => {
    const old = surveys.get(id);
    if (!old) return;
    leaveSurveys(old);
    surveys.delete(id);
    refresh(old.contactId);
  };

  // ---- follow-ups

  const attachFollowUp = (rec: FollowUpRec): void => {
    if (rec.outcome === FOLLOW_UP_NONE) return;
    const day = clock.dayOf(rec.dueAt);
    const key = ids.of(rec.ownerId);
    const bucket = followUpDays.get(day, key, () => new FollowUpBucket(day, key, rec.ownerId));
    if (rec.outcome === FOLLOW_UP_ON_TIME) bucket.onTime += 1;
    else if (rec.outcome === FOLLOW_UP_LATE) bucket.late += 1;
    else if ((bucket.scheduled += 1) === 1) scheduledBuckets.add(bucket);
    bucket.add(rec);
    rec.bucket = bucket;
  };

  const detachFollowUp = (rec: FollowUpRec): void => {
    const bucket = rec.bucket;
    if (!bucket) return;
    if (rec.outcome === FOLLOW_UP_ON_TIME) bucket.onTime -= 1;
    else if (rec.outcome === FOLLOW_UP_LATE) bucket.late -= 1;
    else if ((bucket.scheduled -= 1) === 0) scheduledBuckets.delete(bucket);
    bucket.remove(rec);
    rec.bucket = null;
    followUpDays.dropIfEmpty(bucket);
  };

  const putFollowUp = (row: MetricsFollowUp): void => {
    const old = followUps.get(row.id);
    if (old) detachFollowUp(old);
    const rec = new FollowUpRec(row);
    followUps.set(rec.id, rec);
    attachFollowUp(rec);
  };

  const deleteFollowUp = (id: string): void => {
    const old = followUps.get(id);
    if (!old) return;
    detachFollowUp(old);
    followUps.delete(id);
  };

  // ---- reading

  /** Whether `day` lies wholly in [from, to). */
  const wholeDay = (day: number, filters: MetricsFilters): boolean => clock.startOf(day) >= filters.from && clock.startOf(day + 1) <= filters.to;

  const figures = (filters: MetricsFilters, now: number): DashboardFigures => {
    const match = new FilterMatcher(
      filters,
      (queueId) => teamOfQueue.get(queueId),
      (userId) => teamsOfUser.get(userId),
    );
    const acc = new Accumulator();
    const empty = filters.to <= filters.from;
    const first = empty ? 0 : clock.dayOf(filters.from);
    const last = empty ? -1 : clock.dayOf(filters.to - 1);

    for (const [day, buckets] of contactDays.range(first, last)) {
      const whole = wholeDay(day, filters);
      // Clean FCR outcomes of this day: all resolved, none yet, or some (the day the 7-day windows end around now).
      const allOver = fcrWindowOver(clock.startOf(day + 1) - 1, now);
      const noneOver = !fcrWindowOver(clock.startOf(day), now);
      for (const bucket of buckets.values()) {
        if (!match.matches(bucket.queueId, bucket.channel, bucket.agentId)) continue;
        if (whole) {
          let resolved = 0;
          if (bucket.fcrClean > 0 && !noneOver) {
            if (allOver) resolved = bucket.fcrClean;
            else for (let rec = bucket.head; rec; rec = rec.next) if (rec.fcr === FCR_CLEAN && fcrWindowOver(rec.at, now)) resolved += 1;
          }
          acc.addContacts(day, bucket.queueId, bucket.channel, bucket.agentId, bucket, resolved);
        } else {
          const sums = zeroSums();
          let resolved = 0;
          let any = false;
          for (let rec = bucket.head; rec; rec = rec.next) {
            if (!match.inRange(rec.at)) continue;
            any = true;
            addContact(sums, rec, rec.fcr, rec.surveySums, 1);
            if (rec.fcr === FCR_CLEAN && fcrWindowOver(rec.at, now)) resolved += 1;
          }
          if (any) acc.addContacts(day, bucket.queueId, bucket.channel, bucket.agentId, sums, resolved);
        }
      }
    }

    for (const [day, buckets] of itemDays.range(first, last)) {
      const whole = wholeDay(day, filters);
      for (const bucket of buckets.values()) {
        if (!match.matches(bucket.queueId, bucket.channel, bucket.agentId)) continue;
        if (whole) {
          acc.slaMet += bucket.met;
          acc.slaMissed += bucket.missed;
          if (bucket.open > 0) for (let rec = bucket.head; rec; rec = rec.next) if (rec.outcome === SLA_OPEN && slaOpenMissed(rec.slaDueAt, now)) acc.slaMissed += 1;
        } else {
          for (let rec = bucket.head; rec; rec = rec.next) {
            if (!match.inRange(rec.enqueuedAt)) continue;
            if (rec.outcome === SLA_MET) acc.slaMet += 1;
            else if (rec.outcome === SLA_MISSED || (rec.outcome === SLA_OPEN && slaOpenMissed(rec.slaDueAt, now))) acc.slaMissed += 1;
          }
        }
      }
    }
    for (const rec of waiting.values()) if (match.backlog(rec.queueId, rec.channel)) acc.addWaiting(rec.enqueuedAt);

    for (const [day, buckets] of followUpDays.range(first, last)) {
      const whole = wholeDay(day, filters);
      for (const bucket of buckets.values()) {
        if ((bucket.onTime === 0 && bucket.late === 0) || !match.owner(bucket.ownerId)) continue;
        if (whole) {
          acc.addFollowUps(bucket.ownerId, bucket.onTime, bucket.late, 0);
        } else {
          let onTime = 0;
          let late = 0;
          for (let rec = bucket.head; rec; rec = rec.next) {
            if (!match.inRange(rec.dueAt)) continue;
            if (rec.outcome === FOLLOW_UP_ON_TIME) onTime += 1;
            else if (rec.outcome === FOLLOW_UP_LATE) late += 1;
          }
          acc.addFollowUps(bucket.ownerId, onTime, late, 0);
        }
      }
    }
    // Overdue is a figure of now, whatever the range.
    for (const bucket of scheduledBuckets) {
      if (!match.owner(bucket.ownerId)) continue;
      let overdue = 0;
      if (isOverdue(clock.startOf(bucket.day + 1) - 1, now)) overdue = bucket.scheduled;
      else if (isOverdue(clock.startOf(bucket.day), now)) {
        for (let rec = bucket.head; rec; rec = rec.next) if (rec.outcome === FOLLOW_UP_SCHEDULED && isOverdue(rec.dueAt, now)) overdue += 1;
      }
      acc.addFollowUps(bucket.ownerId, 0, 0, overdue);
    }

    return finalise(acc, filters, now, timeZone);
  };

  const apply = (change: MetricsChange): void => {
    if (change.op === 'delete') {
      switch (change.entity) {
        case 'contact':
          return deleteContact(change.id);
        case 'queueItem':
          return deleteItem(change.id);
        case 'survey':
          return deleteSurvey(change.id);
        case 'followUp':
          return deleteFollowUp(change.id);
        case 'queue':
          teamOfQueue.delete(change.id);
          return;
        case 'user':
          teamsOfUser.delete(change.id);
          return;
        default:
          return;
      }
    }
    switch (change.entity) {
      case 'contact':
        return putContact(change.row);
      case 'queueItem':
        return putItem(change.row);
      case 'survey':
        return putSurvey(change.row);
      case 'followUp':
        return putFollowUp(change.row);
      case 'queue':
        teamOfQueue.set(change.row.id, change.row.teamId);
        return;
      case 'user':
        teamsOfUser.set(change.row.id, [...change.row.teamIds]);
        return;
      default:
        return;
    }
  };

  return {
    timeZone,
    apply,
    figures,
    stats: () => ({
      contacts: contacts.size,
      queueItems: items.size,
      surveys: surveys.size,
      followUps: followUps.size,
      contactBuckets: contactDays.count,
      itemBuckets: itemDays.count,
      followUpBuckets: followUpDays.count,
      fcrGroups: groups.size,
    }),
  };
}
