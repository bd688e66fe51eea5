/**
 * Picking a time for a follow-up that respects people: the agent's working
 * days and hours on their own clock, the customer's quiet hours and contact
 * hours on theirs, and how many follow-ups the agent can do in a day.
 *
 * All wall-clock arithmetic goes through the zone functions, so a 09:00 slot
 * stays 09:00 across a daylight-saving change, and a local time that does not
 * exist (the spring-forward gap) is never offered.
 */
import type { QuietHours, WorkingHours } from '../domain/model';
import { DAY_KEYS } from '../promise/calendar';
import { inQuietHours, roundUpInZone } from '../promise/promise';
import { type CalendarDate, addDays, dateKey, daysBetween, instantFromZoned, minutesOfTime, weekdayOf, zonedParts } from '../promise/zones';
import { formatEnglish, type Message } from '../i18n/messages';
import type { DailyHours } from './config';
import { type Moment, PLANNER_ERROR_MESSAGES, type PlannerMessage, SLOT_EXPLANATION_MESSAGES, type SlotExplanation, weekdayMoment } from './explanation';

const MINUTE = 60_000;

/** Minutes after now before the earliest slot when the caller gives no lead. */
const DEFAULT_LEAD_MINUTES = 5;
const DEFAULT_SLOT_MINUTES = 15;
const DEFAULT_SEARCH_DAYS = 60;
/** Days looked at when working out why nothing fits. */
const DIAGNOSIS_DAYS = 14;

/** Planning cannot succeed: the constraints leave no time at all. `said` says why, for the agent; `message` is its English, for logs. */
export class PlannerError extends Error {
  constructor(readonly said: Message) {
    super(formatEnglish(said));
    this.name = 'PlannerError';
  }
}

/** When a follow-up should happen: no sooner than `earliest`, ideally at `target`, no later than `latest` (epoch ms). */
export interface FollowUpWindow {
  earliest: number;
  target: number;
  latest: number;
}

/** The agent a follow-up is planned for. */
export interface PlannerAgent {
  timeZone: string;
  /** On the agent's clock. */
  workingHours: WorkingHours;
  /** Follow-ups one working day holds. */
  capacity: number;
}

/** What the planner needs to know of the customer's clock. */
export interface PlannerCustomerClock {
  timeZone: string;
  /** When not to contact them, on their clock; may wrap midnight (21:00–08:00). */
  quietHours: QuietHours | null;
}

export interface PlanSlotInput {
  now: number;
  window: FollowUpWindow;
  customer: PlannerCustomerClock;
  agent: PlannerAgent;
  /** dueAt of the agent's other open (scheduled) follow-ups. */
  booked: readonly number[];
  /** Contact hours acceptable on the customer's clock for calls and messages, e.g. 08:00–20:00 (from config). */
  customerHours?: DailyHours;
  /** Slot length; slots start on multiples of it on the agent's clock (default 15). */
  slotMinutes?: number;
  /** No slot sooner than this after now (default 5). */
  leadMinutes?: number;
  /** Days past the window's end (or the start of the search) to look before giving up (default 60). */
  searchDays?: number;
}

/** Why the slot is not at the target moment. */
export type SlotMove = 'capacity' | 'quiet-hours' | 'working-hours' | 'customer-hours';

export interface PlannedSlot {
  dueAt: number;
  /** The slot's day on the agent's clock, YYYY-MM-DD. */
  dayKey: string;
  /** Follow-ups booked that day, this one included. */
  load: number;
  capacity: number;
  /** Whether the slot is inside the wanted window. */
  withinWindow: boolean;
  /** What kept it from the target moment, if anything (rounding up to the slot grid does not count). */
  moved: SlotMove | null;
  /** For the agent, formatted where shown: "Thursday 10:30 your time (15:30 for the customer). Wednesday is full (8 of 8)." */
  explanation: SlotExplanation;
}

interface Day {
  date: CalendarDate;
  key: string;
  working: boolean;
  load: number;
  /** Slot starts that exist on the agent's clock and fit in the working hours, in order. */
  slots: number[];
}

/** The search state shared by one planSlot call. */
class SlotSearch {
  readonly slotMs: number;
  private readonly days = new Map<string, Day>();
  private readonly counts = new Map<string, number>();
  private readonly workStart: number;
  private readonly workEnd: number;

  constructor(
    readonly input: PlanSlotInput,
    readonly slotMinutes: number,
  ) {
    this.slotMs = slotMinutes * MINUTE;
    this.workStart = minutesOfTime(input.agent.workingHours.start);
    this.workEnd = minutesOfTime(input.agent.workingHours.end);
    for (const at of input.booked) {
      const key = this.dayKeyOf(at);
      this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    }
  }

  agentDate(ms: number): CalendarDate {
    const p = zonedParts(ms, this.input.agent.timeZone);
    return { y: p.y, m: p.m, d: p.d };
  }

  dayKeyOf(ms: number): string {
    return dateKey(this.agentDate(ms));
  }

  day(date: CalendarDate): Day {
    const key = dateKey(date);
    let day = this.days.get(key);
    if (!day) {
      const { agent } = this.input;
      const working = agent.workingHours.days.includes(DAY_KEYS[weekdayOf(date)] ?? 'sun');
      const slots: number[] = [];
      if (working) {
        const first = Math.ceil(this.workStart / this.slotMinutes) * this.slotMinutes;
        for (let minute = first; minute + this.slotMinutes <= this.workEnd; minute += this.slotMinutes) {
          const at = instantFromZoned({ ...date, h: Math.floor(minute / 60), min: minute % 60 }, agent.timeZone);
          const p = zonedParts(at, agent.timeZone);
          // A wall time in the spring-forward gap does not exist: the slot the gap moves it to comes later anyway.
          if (p.d !== date.d || p.h * 60 + p.min !== minute) continue;
          slots.push(at);
        }
      }
      day = { date, key, working, load: this.counts.get(key) ?? 0, slots };
      this.days.set(key, day);
    }
    return day;
  }

  isFull(day: Day): boolean {
    return day.load >= this.input.agent.capacity;
  }

  collides(at: number): boolean {
    return this.input.booked.some((other) => Math.abs(other - at) < this.slotMs);
  }

  inQuiet(at: number): boolean {
    const { quietHours, timeZone } = this.input.customer;
    return inQuietHours(at, quietHours, timeZone) || inQuietHours(at + this.slotMs - MINUTE, quietHours, timeZone);
  }

  outsideCustomerHours(at: number): boolean {
    const hours = this.input.customerHours;
    if (!hours) return false;
    return !withinDaily(at, hours, this.input.customer.timeZone) || !withinDaily(at + this.slotMs - MINUTE, hours, this.input.customer.timeZone);
  }

  /** Whether a working-hours slot suits the customer and is free. */
  fits(at: number): boolean {
    return !this.collides(at) && !this.inQuiet(at) && !this.outsideCustomerHours(at);
  }

  /** Why a moment cannot be the slot, or null when it can. */
  obstacleAt(at: number): SlotMove | null {
    const day = this.day(this.agentDate(at));
    if (!day.working) return 'working-hours';
    if (this.isFull(day)) return 'capacity';
    if (!day.slots.includes(at)) return 'working-hours';
    if (this.collides(at)) return 'capacity';
    if (this.inQuiet(at)) return 'quiet-hours';
    if (this.outsideCustomerHours(at)) return 'customer-hours';
    return null;
  }

  /** The first slot at or after `from`, up to `lastDate`; and the full days passed on the way. */
  forward(from: number, lastDate: CalendarDate): { at: number | null; fullDays: Day[] } {
    const fullDays: Day[] = [];
    for (let date = this.agentDate(from); daysBetween(date, lastDate) >= 0; date = addDays(date, 1)) {
      const day = this.day(date);
      if (!day.working) continue;
      if (this.isFull(day)) {
        if (day.slots.some((at) => at >= from)) fullDays.push(day);
        continue;
      }
      for (const at of day.slots) if (at >= from && this.fits(at)) return { at, fullDays };
    }
    return { at: null, fullDays };
  }

  /** The last slot before `before` and at or after `notBefore`. */
  backward(before: number, notBefore: number): number | null {
    if (before <= notBefore) return null;
    const stop = this.agentDate(notBefore);
    for (let date = this.agentDate(before); daysBetween(stop, date) >= 0; date = addDays(date, -1)) {
      const day = this.day(date);
      if (!day.working || this.isFull(day)) continue;
      for (let i = day.slots.length - 1; i >= 0; i -= 1) {
        const at = day.slots[i]!;
        if (at < before && at >= notBefore && this.fits(at)) return at;
      }
    }
    return null;
  }

  /** Why nothing fits at all: the constraints themselves, or only the agent's full days. */
  diagnose(from: number, searchedDays: number): Message {
    let working = 0;
    let notQuiet = 0;
    let inHours = 0;
    for (let date = this.agentDate(from), i = 0; i < DIAGNOSIS_DAYS; date = addDays(date, 1), i += 1) {
      for (const at of this.day(date).slots) {
        working += 1;
        const quiet = this.inQuiet(at);
        const outside = this.outsideCustomerHours(at);
        if (!quiet) notQuiet += 1;
        if (!outside) inHours += 1;
        if (!quiet && !outside) return { descriptor: PLANNER_ERROR_MESSAGES.allBooked, values: { days: searchedDays } };
      }
    }
    const hours = this.input.customerHours;
    if (working === 0) return { descriptor: PLANNER_ERROR_MESSAGES.noWorkingHours };
    if (notQuiet === 0) return { descriptor: PLANNER_ERROR_MESSAGES.quietHours };
    if (inHours === 0 && hours) return { descriptor: PLANNER_ERROR_MESSAGES.contactHours, values: { start: hours.start, end: hours.end } };
    return { descriptor: PLANNER_ERROR_MESSAGES.quietAndContactHours };
  }
}

/** Whether `ms` is inside a daily stretch on the clock of `zone` (start included, end excluded; may wrap midnight). */
function withinDaily(ms: number, hours: DailyHours, zone: string): boolean {
  const start = minutesOfTime(hours.start);
  const end = minutesOfTime(hours.end);
  const p = zonedParts(ms, zone);
  const minute = p.h * 60 + p.min;
  return start <= end ? minute >= start && minute < end : minute >= start || minute < end;
}

function clock(ms: number, zone: string): string {
  const p = zonedParts(ms, zone);
  return `${String(p.h).padStart(2, '0')}:${String(p.min).padStart(2, '0')}`;
}

/** A day as the agent reads it: its weekday within the coming week, with the date further out. */
function dayMoment(at: number, date: CalendarDate, today: CalendarDate, zone: string): Moment {
  const ahead = daysBetween(today, date);
  return { at, zone, style: ahead >= 0 && ahead < 7 ? 'weekday' : 'weekdayDate' };
}

function workingDays(hours: WorkingHours): Pick<PlannerMessage, 'values' | 'moments'> {
  const ordered = DAY_KEYS.flatMap((key, index) => (hours.days.includes(key) ? [index] : []));
  if (ordered.join() === '1,2,3,4,5') return { values: { days: 'weekdays' } };
  if (ordered.length === 7) return { values: { days: 'everyDay' } };
  return { values: { days: 'some' }, moments: { dayList: ordered.map(weekdayMoment) } };
}

/**
 * The time for one follow-up. Searches forward from the later of the window's
 * earliest moment and its target, slot by slot and day by day, skipping
 * non-working days, days already at capacity and booked slots, and slots in
 * the customer's quiet hours or outside their contact hours. When nothing fits
 * up to the window's end, the latest fitting slot between the window's start
 * and the target is taken; failing that, the search goes on past the window
 * (withinWindow false). Throws a PlannerError when no time can ever fit.
 */
export function planSlot(input: PlanSlotInput): PlannedSlot {
  const slotMinutes = input.slotMinutes ?? DEFAULT_SLOT_MINUTES;
  const leadMinutes = input.leadMinutes ?? DEFAULT_LEAD_MINUTES;
  const searchDays = input.searchDays ?? DEFAULT_SEARCH_DAYS;
  const { now, window, agent, customer } = input;
  if (!Number.isInteger(slotMinutes) || slotMinutes < 1 || slotMinutes > 24 * 60) throw new PlannerError({ descriptor: PLANNER_ERROR_MESSAGES.slotMinutes, values: { minutes: slotMinutes } });
  if (!(agent.capacity >= 1)) throw new PlannerError({ descriptor: PLANNER_ERROR_MESSAGES.noCapacity });

  const search = new SlotSearch(input, slotMinutes);
  const soonest = now + leadMinutes * MINUTE;
  const from = Math.max(soonest, window.earliest, window.target);
  const lastDate = addDays(search.agentDate(Math.max(from, window.latest)), searchDays);

  const ahead = search.forward(from, lastDate);
  if (ahead.at === null) throw new PlannerError(search.diagnose(from, daysBetween(search.agentDate(from), lastDate) + 1));

  let dueAt = ahead.at;
  let earlier = false;
  if (dueAt > window.latest) {
    const before = search.backward(from, Math.max(soonest, window.earliest));
    if (before !== null) {
      dueAt = before;
      earlier = true;
    }
  }

  const preferred = roundUpInZone(from, slotMinutes, agent.timeZone);
  const moved = dueAt === preferred ? null : search.obstacleAt(preferred);
  const day = search.day(search.agentDate(dueAt));
  const withinWindow = dueAt >= window.earliest && dueAt <= window.latest;

  // The explanation, for the agent: moments on their clocks, said in the agent's language where shown.
  const M = SLOT_EXPLANATION_MESSAGES;
  const agentZone = agent.timeZone;
  const today = search.agentDate(now);
  const dueDate = day.date;
  const customerDate = zonedParts(dueAt, customer.timeZone);
  const sameCustomerDay = customerDate.y === dueDate.y && customerDate.m === dueDate.m && customerDate.d === dueDate.d;
  const at = { day: dayMoment(dueAt, dueDate, today, agentZone), time: { at: dueAt, zone: agentZone, style: 'time' } } satisfies Record<string, Moment>;
  const theirTime: Moment = { at: dueAt, zone: customer.timeZone, style: 'time' };
  const explanation: PlannerMessage[] = [
    !sameCustomerDay
      ? { descriptor: M.atTheirDay, moments: { ...at, theirDay: { at: dueAt, zone: customer.timeZone, style: 'weekday' }, theirTime } }
      : clock(dueAt, customer.timeZone) !== clock(dueAt, agentZone)
        ? { descriptor: M.atTheirTime, moments: { ...at, theirTime } }
        : { descriptor: M.at, moments: at },
  ];

  if (!withinWindow && dueAt > window.latest) {
    explanation.push({
      descriptor: M.later,
      moments: { day: dayMoment(window.latest, search.agentDate(window.latest), today, agentZone), time: { at: window.latest, zone: agentZone, style: 'time' } },
    });
  }
  if (earlier) {
    explanation.push({ descriptor: M.earlier, moments: { target: { at: window.target, zone: agentZone, style: 'time' }, latest: { at: window.latest, zone: agentZone, style: 'time' } } });
  }
  const skipped = earlier ? [] : ahead.fullDays.filter((full) => daysBetween(full.date, dueDate) > 0);
  const fullDay = (full: Day) => dayMoment(full.slots[0] ?? instantFromZoned({ ...full.date, h: 12, min: 0 }, agentZone), full.date, today, agentZone);
  if (skipped.length === 1) explanation.push({ descriptor: M.dayFull, values: { load: skipped[0]!.load, capacity: agent.capacity }, moments: { day: fullDay(skipped[0]!) } });
  else if (skipped.length > 1) explanation.push({ descriptor: M.daysFull, values: { capacity: agent.capacity }, moments: { days: skipped.map(fullDay) } });
  if (moved === 'capacity' && !earlier && skipped.length === 0 && !search.isFull(search.day(search.agentDate(preferred)))) {
    explanation.push({ descriptor: M.booked, moments: { time: { at: preferred, zone: agentZone, style: 'time' } } });
  }
  if (moved === 'quiet-hours' && customer.quietHours) {
    explanation.push({ descriptor: M.quietHours, values: { start: customer.quietHours.start, end: customer.quietHours.end } });
  }
  if (moved === 'customer-hours' && input.customerHours) {
    explanation.push({ descriptor: M.customerHours, values: { start: input.customerHours.start, end: input.customerHours.end } });
  }
  if (moved === 'working-hours') {
    const days = workingDays(agent.workingHours);
    explanation.push({ descriptor: M.workingHours, values: { start: agent.workingHours.start, end: agent.workingHours.end, ...days.values }, moments: days.moments });
  }

  return {
    dueAt,
    dayKey: day.key,
    load: day.load + 1,
    capacity: agent.capacity,
    withinWindow,
    moved,
    explanation,
  };
}

/** Follow-ups booked per day on the agent's clock, for `days` days from the day of `fromMs`. */
export function dailyLoad(booked: readonly number[], agentTimeZone: string, fromMs: number, days: number): { dayKey: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const at of booked) {
    const p = zonedParts(at, agentTimeZone);
    const key = dateKey(p);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const p = zonedParts(fromMs, agentTimeZone);
  const first: CalendarDate = { y: p.y, m: p.m, d: p.d };
  return Array.from({ length: Math.max(0, days) }, (_, i) => {
    const key = dateKey(addDays(first, i));
    return { dayKey: key, count: counts.get(key) ?? 0 };
  });
}
