/**
 * Follow-up reminders: which of an agent's follow-ups to remind them of, and when.
 *
 * Who does what:
 *   - The renderer has the data. It works out the reminders for the signed-in agent's scheduled
 *     follow-ups within the horizon (`remindersFor`) and hands the list to its host
 *     (`bridge.setReminders`), again whenever the list changes.
 *   - The host (Electron main, or the page itself in browser mode) keeps one timer for the next
 *     reminder (`createReminderScheduler`) and shows a notification when it is due, also while the
 *     window is hidden or minimised. It reports what went off (`reminders:fired`); the renderer
 *     records those keys as seen on this device, so a reminder goes off once per device.
 *   - Reminders whose time passed before the session started (the app was closed) are never
 *     handed to the host, which would show a burst of stale notifications; the app lists them
 *     instead (`missedReminders`).
 *
 * Why the host reports back rather than the renderer counting a reminder as seen when it hands it
 * over: only the host knows whether a notification could be shown (notifications unsupported,
 * permission refused) and whether its timer ran at all (the app quit first). With the report, only
 * reminders that really went off count as seen; the others are listed as missed next time.
 *
 * A reminder is keyed `${followUpId}@${at}`: rescheduling or snoozing a follow-up (a new
 * `remindAt`) gives it a new key, so it is armed again.
 *
 * Platform-neutral: no DOM, Node or Electron; the scheduler gets its clock and timers injected.
 */
import { createIntl, defineMessages, type IntlShape, type MessageDescriptor } from '@formatjs/intl';
import { z } from 'zod';
import { AppPathSchema } from './app-path';
import { EpochMsSchema, IdSchema } from './domain/common';
import { customerName, FOLLOW_UP_KIND_MESSAGES, type Customer, type FollowUp, type FollowUpKind } from './domain/model';
import type { Formatter } from './i18n/format';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** How far ahead the host is told about reminders (the renderer refreshes the list as time passes). */
export const REMINDER_HORIZON_MS = 7 * DAY;
/** Reminders missed longer ago than this are not brought up on start (the Follow-ups list has them). */
export const MISSED_LOOKBACK_MS = 7 * DAY;
/** The most reminders handed to the host at once. */
export const MAX_REMINDERS = 500;
/** The longest a host's timer sleeps before looking again: bounds lateness after the computer slept. */
export const MAX_WAKE_DELAY_MS = 15 * MINUTE;
/** setTimeout's own limit (about 24.8 days): a longer delay would fire at once. */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;
/** More reminders due at once than this are shown as one summary notification. */
export const MAX_SEPARATE_NOTIFICATIONS = 3;
/** Where a summary notification takes the agent. */
export const FOLLOW_UPS_PATH = '/follow-ups';

export const ReminderKeySchema = z.string().min(1).max(100);

export const ReminderSchema = z
  .object({
    /** The follow-up's id. */
    id: IdSchema,
    /** When to remind: the snooze time when snoozed, otherwise the due time. */
    at: EpochMsSchema,
    title: z.string().min(1).max(200),
    body: z.string().max(1000),
    /** Where clicking the notification takes the agent, e.g. `/customer?id=…`. */
    path: AppPathSchema,
  })
  .strict();
export type Reminder = z.infer<typeof ReminderSchema>;

export const ReminderListSchema = z.array(ReminderSchema).max(MAX_REMINDERS);

export const RemindersFiredEventSchema = z
  .object({
    keys: z.array(ReminderKeySchema).max(MAX_REMINDERS),
    /** False when the host could not show a notification (unsupported, permission refused): the app should show them itself. */
    notified: z.boolean(),
  })
  .strict();

/** `${id}@${at}`: a new reminder time (snooze, reschedule) makes a new key. */
export function reminderKey(reminder: Pick<Reminder, 'id' | 'at'>): string {
  return `${reminder.id}@${reminder.at}`;
}

/** When a follow-up's reminder goes off: the snooze time if snoozed, else the due time. */
export function reminderTime(followUp: Pick<FollowUp, 'dueAt' | 'remindAt'>): number {
  return followUp.remindAt ?? followUp.dueAt;
}

// ---------------------------------------------------------------- what to remind of

export type ReminderFollowUp = Pick<FollowUp, 'id' | 'customerId' | 'kind' | 'dueAt' | 'ownerId' | 'state' | 'reason' | 'remindAt'>;
export type ReminderCustomer = Pick<Customer, 'firstName' | 'lastName'>;

/** A reminder with what the app needs to list it. */
export interface ReminderDetail extends Reminder {
  key: string;
  customerId: string;
  customerName: string;
  kind: FollowUpKind;
  kindLabel: string;
  dueAt: number;
  reason: string;
}

export const REMINDER_MESSAGES: Record<'title' | 'someCustomer' | 'body' | 'bodyNoReason' | 'summaryTitle' | 'summaryMore', MessageDescriptor> = defineMessages({
  title: { id: 'reminders.notification.title', defaultMessage: '{kind} due: {name}' },
  someCustomer: { id: 'reminders.notification.someCustomer', defaultMessage: 'a customer' },
  body: { id: 'reminders.notification.body', defaultMessage: '{reason} · Due {due}' },
  bodyNoReason: { id: 'reminders.notification.bodyNoReason', defaultMessage: 'Due {due}' },
  summaryTitle: { id: 'reminders.summary.title', defaultMessage: '{count, plural, one {# follow-up is due} other {# follow-ups are due}}' },
  summaryMore: { id: 'reminders.summary.more', defaultMessage: '…and {count} more' },
});

/** What formats a reminder's texts: react-intl's or @formatjs/intl's `IntlShape` in the agent's language. */
export type ReminderIntl = Pick<IntlShape, 'formatMessage'>;

/** Without the agent's language (the host's own summary, tests), the texts are the British English in the code. */
const SOURCE_INTL: ReminderIntl = createIntl({ locale: 'en-GB', defaultLocale: 'en-GB', onError: () => undefined });

export interface ReminderFormatOptions {
  /** Formats the due time; by default `format` (weekday, date and time), else the device's locale, in `timeZone` (the device's zone when unset). */
  formatTime?: (ms: number) => string;
  /** The agent's formatter, for the due time. */
  format?: Formatter;
  timeZone?: string;
  /** The titles and bodies in the agent's language; British English by default. */
  intl?: ReminderIntl;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function defaultFormatTime(ms: number, timeZone: string | undefined): string {
  const cacheKey = timeZone ?? '';
  let formatter = formatters.get(cacheKey);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(undefined, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      ...(timeZone ? { timeZone } : {}),
    });
    formatters.set(cacheKey, formatter);
  }
  return formatter.format(ms);
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The reminder of one follow-up, with the details the app lists. */
export function reminderDetail(followUp: ReminderFollowUp, customer: ReminderCustomer | undefined, options: ReminderFormatOptions = {}): ReminderDetail {
  const at = reminderTime(followUp);
  const intl = options.intl ?? SOURCE_INTL;
  const who = (customer && customerName(customer)) || intl.formatMessage(REMINDER_MESSAGES.someCustomer);
  const kindLabel = intl.formatMessage(FOLLOW_UP_KIND_MESSAGES[followUp.kind]);
  const due = options.formatTime
    ? options.formatTime(followUp.dueAt)
    : options.format
      ? options.format.dateTime(followUp.dueAt, { zone: options.timeZone, weekday: true })
      : defaultFormatTime(followUp.dueAt, options.timeZone);
  const reason = followUp.reason.trim();
  return {
    id: followUp.id,
    at,
    title: clip(intl.formatMessage(REMINDER_MESSAGES.title, { kind: kindLabel, name: who }), 200),
    body: clip(reason ? intl.formatMessage(REMINDER_MESSAGES.body, { reason, due }) : intl.formatMessage(REMINDER_MESSAGES.bodyNoReason, { due }), 1000),
    path: `/customer?id=${encodeURIComponent(followUp.customerId)}`,
    key: reminderKey({ id: followUp.id, at }),
    customerId: followUp.customerId,
    customerName: who,
    kind: followUp.kind,
    kindLabel,
    dueAt: followUp.dueAt,
    reason,
  };
}

function byTime(a: { at: number; id: string }, b: { at: number; id: string }): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Reminders for `userId`'s own scheduled follow-ups (never anyone else's, never done or cancelled ones), soonest first. */
export function reminderDetails(
  followUps: Iterable<ReminderFollowUp>,
  customersById: ReadonlyMap<string, ReminderCustomer>,
  userId: string,
  options: ReminderFormatOptions = {},
): ReminderDetail[] {
  const details: ReminderDetail[] = [];
  for (const followUp of followUps) {
    if (followUp.ownerId !== userId || followUp.state !== 'scheduled') continue;
    const detail = reminderDetail(followUp, customersById.get(followUp.customerId), options);
    // A row the reminder schema refuses (damaged cache) must not make the host refuse the whole list.
    if (ReminderSchema.safeParse(toReminder(detail)).success) details.push(detail);
  }
  return details.sort(byTime);
}

/** Just the fields the host takes. */
export function toReminder(detail: Reminder): Reminder {
  return { id: detail.id, at: detail.at, title: detail.title, body: detail.body, path: detail.path };
}

export interface RemindersForOptions extends ReminderFormatOptions {
  /** Keys already shown on this device: left out. */
  shown?: ReadonlySet<string>;
  /** Reminders at or before this time are left out: they were missed before the session started and are listed instead. */
  since?: number;
}

/**
 * The reminders to hand the host: the user's own scheduled follow-ups due within `horizonMs`
 * of `now`, including ones already due that have not been shown, soonest first, at most
 * MAX_REMINDERS.
 */
export function remindersFor(
  followUps: Iterable<ReminderFollowUp>,
  customersById: ReadonlyMap<string, ReminderCustomer>,
  userId: string,
  now: number,
  horizonMs: number = REMINDER_HORIZON_MS,
  options: RemindersForOptions = {},
): Reminder[] {
  const until = now + horizonMs;
  const { shown, since } = options;
  return reminderDetails(followUps, customersById, userId, options)
    .filter((detail) => detail.at <= until && (since === undefined || detail.at > since) && !shown?.has(detail.key))
    .slice(0, MAX_REMINDERS)
    .map(toReminder);
}

export interface MissedRemindersOptions extends ReminderFormatOptions {
  /** How far back to look (MISSED_LOOKBACK_MS by default). */
  lookbackMs?: number;
  /** Only reminders after this time: up to it everything was dealt with (the app was last running then). */
  since?: number;
}

/**
 * The user's reminders whose time passed (at or before `now`, typically when the session began)
 * without being shown on this device, oldest first.
 */
export function missedReminders(
  followUps: Iterable<ReminderFollowUp>,
  customersById: ReadonlyMap<string, ReminderCustomer>,
  userId: string,
  now: number,
  shown: ReadonlySet<string>,
  options: MissedRemindersOptions = {},
): ReminderDetail[] {
  const from = Math.max(now - (options.lookbackMs ?? MISSED_LOOKBACK_MS), options.since ?? -Infinity);
  return reminderDetails(followUps, customersById, userId, options).filter((detail) => detail.at <= now && detail.at > from && !shown.has(detail.key));
}

// ---------------------------------------------------------------- when to remind

/** Reminders whose time has come and that have not gone off yet, soonest first. */
export function dueReminders(reminders: readonly Reminder[], now: number, fired: ReadonlySet<string>): Reminder[] {
  return reminders.filter((reminder) => reminder.at <= now && !fired.has(reminderKey(reminder))).sort(byTime);
}

/**
 * How long the host's timer should sleep: until the next reminder that has not gone off, but at
 * most MAX_WAKE_DELAY_MS (never past setTimeout's limit, and soon enough to notice that the
 * computer slept through a reminder). 0 when one is due already; null when none is left.
 */
export function nextWakeDelay(reminders: readonly Reminder[], now: number, fired: ReadonlySet<string>): number | null {
  let next: number | null = null;
  for (const reminder of reminders) {
    if (fired.has(reminderKey(reminder))) continue;
    if (next === null || reminder.at < next) next = reminder.at;
  }
  if (next === null) return null;
  return Math.min(Math.max(0, next - now), MAX_WAKE_DELAY_MS, MAX_TIMER_DELAY_MS);
}

/** A notification to show, and the reminders it stands for. */
export interface ReminderNotification {
  title: string;
  body: string;
  /** Notifications with the same tag replace each other. */
  tag: string;
  path: string;
  keys: string[];
}

/** One notification per due reminder; past MAX_SEPARATE_NOTIFICATIONS at once, a single summary instead (its texts from `intl`). */
export function reminderNotifications(due: readonly Reminder[], intl: ReminderIntl = SOURCE_INTL): ReminderNotification[] {
  if (due.length <= MAX_SEPARATE_NOTIFICATIONS) {
    return due.map((reminder) => ({ title: reminder.title, body: reminder.body, tag: `reminder-${reminder.id}`, path: reminder.path, keys: [reminderKey(reminder)] }));
  }
  const listed = due.slice(0, MAX_SEPARATE_NOTIFICATIONS).map((reminder) => reminder.title);
  const more = due.length - listed.length;
  return [
    {
      title: intl.formatMessage(REMINDER_MESSAGES.summaryTitle, { count: due.length }),
      body: clip(`${listed.join('\n')}\n${intl.formatMessage(REMINDER_MESSAGES.summaryMore, { count: more })}`, 1000),
      tag: 'reminders',
      path: FOLLOW_UPS_PATH,
      keys: due.map(reminderKey),
    },
  ];
}

// ---------------------------------------------------------------- the host's timer

/** What a host gives the scheduler: a clock, timers, and a way to show a notification. */
export interface ReminderHost {
  now(): number;
  setTimer(callback: () => void, delayMs: number): unknown;
  clearTimer(handle: unknown): void;
  /** Shows a notification; false when it could not be shown. */
  show(notification: ReminderNotification): boolean;
  /** Reports reminders that went off. */
  fired(event: z.output<typeof RemindersFiredEventSchema>): void;
  /** The summary's texts in the agent's language; British English when the host does not know it. */
  intl?: ReminderIntl;
}

export interface ReminderScheduler {
  /** Replaces the reminders; due ones not yet gone off go off now. */
  set(reminders: readonly Reminder[]): void;
  /** Looks again now (after the computer woke up, say). */
  check(): void;
  dispose(): void;
}

/** Keys remembered as gone off, so that handing over the same list again does not repeat them. */
const MAX_FIRED_KEYS = 2 * MAX_REMINDERS;

/** One timer for the next reminder, re-armed on every change. */
export function createReminderScheduler(host: ReminderHost): ReminderScheduler {
  let reminders: readonly Reminder[] = [];
  const fired = new Set<string>();
  let timer: unknown = null;
  let disposed = false;

  const remember = (key: string) => {
    fired.add(key);
    if (fired.size > MAX_FIRED_KEYS) {
      const oldest = fired.values().next();
      if (!oldest.done) fired.delete(oldest.value);
    }
  };

  const check = () => {
    if (timer !== null) host.clearTimer(timer);
    timer = null;
    if (disposed) return;
    const due = dueReminders(reminders, host.now(), fired);
    if (due.length > 0) {
      for (const reminder of due) remember(reminderKey(reminder));
      const notified: string[] = [];
      const failed: string[] = [];
      for (const notification of reminderNotifications(due, host.intl)) {
        let shown: boolean;
        try {
          shown = host.show(notification);
        } catch {
          shown = false;
        }
        (shown ? notified : failed).push(...notification.keys);
      }
      if (notified.length > 0) host.fired({ keys: notified, notified: true });
      if (failed.length > 0) host.fired({ keys: failed, notified: false });
    }
    const delay = nextWakeDelay(reminders, host.now(), fired);
    if (delay !== null) timer = host.setTimer(check, delay);
  };

  return {
    set(next) {
      reminders = [...next];
      check();
    },
    check,
    dispose() {
      disposed = true;
      reminders = [];
      check();
    },
  };
}
