import { describe, expect, it } from 'vitest';
import type { MessageDescriptor } from '@formatjs/intl';
import { createFormatter } from '@core/i18n/format';
import {
  MAX_REMINDERS,
  MAX_SEPARATE_NOTIFICATIONS,
  MAX_TIMER_DELAY_MS,
  MAX_WAKE_DELAY_MS,
  ReminderListSchema,
  createReminderScheduler,
  dueReminders,
  missedReminders,
  nextWakeDelay,
  reminderKey,
  reminderNotifications,
  remindersFor,
  type Reminder,
  type ReminderFollowUp,
  type ReminderIntl,
  type ReminderNotification,
} from '@core/reminders';
import { intlFor } from '../helpers/intl';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 2, 10, 9, 0);
const HORIZON = 7 * DAY;
const ME = 'usr_me';

const customers = new Map([
  ['cus_1', { firstName: 'Kevin', lastName: 'MacLeod' }],
  ['cus_2', { firstName: 'Ada', lastName: 'Byron' }],
]);
const format = { formatTime: (ms: number) => new Date(ms).toISOString().slice(11, 16) };

function followUp(id: string, patch: Partial<ReminderFollowUp> = {}): ReminderFollowUp {
  return { id, customerId: 'cus_1', kind: 'callback', dueAt: NOW + HOUR, ownerId: ME, state: 'scheduled', reason: 'Confirm the refund arrived', remindAt: null, ...patch };
}

/** Formats like `intl` and notes which messages were asked for, with their values. */
function recording(intl: ReminderIntl) {
  const asked: { id: string | undefined; values: unknown }[] = [];
  const recorder: ReminderIntl = {
    formatMessage: ((descriptor: MessageDescriptor, values?: Record<string, string | number>) => {
      asked.push({ id: descriptor.id, values });
      return intl.formatMessage(descriptor, values);
    }),
  };
  return { asked, recorder };
}

function reminder(id: string, at: number): Reminder {
  return { id, at, title: `Callback due: ${id}`, body: '', path: `/customer?id=${id}` };
}

describe('remindersFor', () => {
  it('reminds of the follow-up with a readable title, body and customer path', () => {
    const [first] = remindersFor([followUp('fu_1')], customers, ME, NOW, HORIZON, format);
    expect(first).toEqual({
      id: 'fu_1',
      at: NOW + HOUR,
      title: 'Callback due: Kevin MacLeod',
      body: 'Confirm the refund arrived · Due 10:00',
      path: '/customer?id=cus_1',
    });
    expect(ReminderListSchema.safeParse([first]).success).toBe(true);
  });

  it('builds its texts from messages, in the agent’s language when given', () => {
    const { asked, recorder } = recording(intlFor('en-GB'));
    remindersFor([followUp('fu_1')], customers, ME, NOW, HORIZON, { ...format, intl: recorder });
    expect(asked).toContainEqual({ id: 'reminders.notification.title', values: { kind: 'Callback', name: 'Kevin MacLeod' } });
    expect(asked).toContainEqual({ id: 'reminders.notification.body', values: { reason: 'Confirm the refund arrived', due: '10:00' } });

    const german = { intl: intlFor('de'), format: createFormatter('de'), timeZone: 'Europe/Berlin' };
    const [first] = remindersFor([followUp('fu_1', { reason: '' })], customers, ME, NOW, HORIZON, german);
    // 10:00 UTC is 11:00 in Berlin on 10 March.
    expect(first).toMatchObject({ title: 'Rückruf fällig: Kevin MacLeod', body: 'Fällig Di., 10. März, 11:00' });
  });

  it("takes only the user's own scheduled follow-ups", () => {
    const list = remindersFor(
      [followUp('mine'), followUp('theirs', { ownerId: 'usr_other' }), followUp('done', { state: 'done' }), followUp('cancelled', { state: 'cancelled' })],
      customers,
      ME,
      NOW,
      HORIZON,
      format,
    );
    expect(list.map((r) => r.id)).toEqual(['mine']);
  });

  it('keeps to the horizon, includes due ones not yet shown, and sorts soonest first', () => {
    const list = remindersFor(
      [followUp('later', { dueAt: NOW + 2 * DAY }), followUp('far', { dueAt: NOW + 8 * DAY }), followUp('overdue', { dueAt: NOW - 5 * MINUTE }), followUp('edge', { dueAt: NOW + HORIZON })],
      customers,
      ME,
      NOW,
      HORIZON,
      format,
    );
    expect(list.map((r) => r.id)).toEqual(['overdue', 'later', 'edge']);
  });

  it('leaves out shown reminders and those from before the session began', () => {
    const items = [followUp('shown', { dueAt: NOW + MINUTE }), followUp('before', { dueAt: NOW - HOUR }), followUp('since', { dueAt: NOW - MINUTE })];
    const list = remindersFor(items, customers, ME, NOW, HORIZON, { ...format, shown: new Set([`shown@${NOW + MINUTE}`]), since: NOW - 30 * MINUTE });
    expect(list.map((r) => r.id)).toEqual(['since']);
  });

  it('reminds at the snooze time, and a new snooze time re-arms a shown reminder', () => {
    const snoozed = followUp('fu_1', { dueAt: NOW - HOUR, remindAt: NOW + 30 * MINUTE });
    const [first] = remindersFor([snoozed], customers, ME, NOW, HORIZON, format);
    expect(first?.at).toBe(NOW + 30 * MINUTE);
    expect(first?.body).toContain('Due 08:00');
    const shown = new Set([reminderKey(first!)]);
    expect(remindersFor([snoozed], customers, ME, NOW, HORIZON, { ...format, shown })).toEqual([]);
    const again = remindersFor([{ ...snoozed, remindAt: NOW + 2 * HOUR }], customers, ME, NOW, HORIZON, { ...format, shown });
    expect(again.map((r) => r.at)).toEqual([NOW + 2 * HOUR]);
  });

  it('names an unknown customer neutrally and hands over at most the list limit', () => {
    const [first] = remindersFor([followUp('fu_1', { customerId: 'cus_missing', kind: 'check-in', reason: '' })], customers, ME, NOW, HORIZON, format);
    expect(first?.title).toBe('Check-in due: a customer');
    expect(first?.body).toBe('Due 10:00');
    const many = Array.from({ length: MAX_REMINDERS + 20 }, (_, i) => followUp(`fu_${i}`, { dueAt: NOW + i * MINUTE }));
    const list = remindersFor(many, customers, ME, NOW, HORIZON, format);
    expect(list).toHaveLength(MAX_REMINDERS);
    expect(ReminderListSchema.safeParse(list).success).toBe(true);
  });
});

describe('missedReminders', () => {
  it('lists reminders whose time passed unseen, within the lookback and after the last run, oldest first', () => {
    const items = [
      followUp('seen', { dueAt: NOW - HOUR }),
      followUp('missed-late', { dueAt: NOW - 10 * MINUTE, customerId: 'cus_2', kind: 'recovery' }),
      followUp('missed-early', { dueAt: NOW - 2 * HOUR }),
      followUp('future', { dueAt: NOW + MINUTE }),
      followUp('ancient', { dueAt: NOW - 30 * DAY }),
      followUp('before-last-run', { dueAt: NOW - 5 * HOUR }),
      followUp('theirs', { dueAt: NOW - HOUR, ownerId: 'usr_other' }),
      followUp('done', { dueAt: NOW - HOUR, state: 'done' }),
    ];
    const missed = missedReminders(items, customers, ME, NOW, new Set([`seen@${NOW - HOUR}`]), { ...format, since: NOW - 3 * HOUR });
    expect(missed.map((m) => m.id)).toEqual(['missed-early', 'missed-late']);
    expect(missed[1]).toMatchObject({ customerId: 'cus_2', customerName: 'Ada Byron', kind: 'recovery', kindLabel: 'Recovery call', dueAt: NOW - 10 * MINUTE, path: '/customer?id=cus_2' });
    expect(missedReminders(items, customers, ME, NOW, new Set(), { lookbackMs: HOUR }).map((m) => m.id)).toEqual(['missed-late']);
  });

  it('counts a snoozed follow-up as missed by its snooze time', () => {
    const snoozed = followUp('fu_1', { dueAt: NOW - DAY, remindAt: NOW - MINUTE });
    const [missed] = missedReminders([snoozed], customers, ME, NOW, new Set(), { since: NOW - HOUR });
    expect(missed?.key).toBe(`fu_1@${NOW - MINUTE}`);
  });
});

describe('scheduling', () => {
  const list = [reminder('a', NOW - MINUTE), reminder('b', NOW), reminder('c', NOW + 10 * MINUTE), reminder('d', NOW + 3 * DAY)];

  it('finds the due reminders that have not gone off', () => {
    expect(dueReminders(list, NOW, new Set()).map((r) => r.id)).toEqual(['a', 'b']);
    expect(dueReminders(list, NOW, new Set([`a@${NOW - MINUTE}`])).map((r) => r.id)).toEqual(['b']);
  });

  it('wakes for the next reminder, caps long sleeps, and has nothing to wake for when all went off', () => {
    const fired = new Set([`a@${NOW - MINUTE}`, `b@${NOW}`]);
    expect(nextWakeDelay(list, NOW, fired)).toBe(10 * MINUTE);
    expect(nextWakeDelay(list, NOW, new Set(list.slice(0, 3).map(reminderKey)))).toBe(MAX_WAKE_DELAY_MS);
    expect(nextWakeDelay([reminder('x', NOW + 60 * DAY)], NOW, new Set())).toBeLessThanOrEqual(MAX_TIMER_DELAY_MS);
    expect(nextWakeDelay(list, NOW, new Set())).toBe(0);
    expect(nextWakeDelay(list, NOW, new Set(list.map(reminderKey)))).toBeNull();
    expect(nextWakeDelay([], NOW, new Set())).toBeNull();
  });

  it('shows a few due reminders one by one and many as one summary', () => {
    const few = reminderNotifications(list.slice(0, 2));
    expect(few.map((n) => n.tag)).toEqual(['reminder-a', 'reminder-b']);
    expect(few[0]).toMatchObject({ title: 'Callback due: a', path: '/customer?id=a', keys: [`a@${NOW - MINUTE}`] });
    const many = Array.from({ length: MAX_SEPARATE_NOTIFICATIONS + 2 }, (_, i) => reminder(`r${i}`, NOW));
    const [summary, ...rest] = reminderNotifications(many);
    expect(rest).toEqual([]);
    expect(summary).toMatchObject({ title: `${many.length} follow-ups are due`, path: '/follow-ups', tag: 'reminders' });
    expect(summary?.keys).toHaveLength(many.length);
    expect(summary?.body.split('\n').at(-1)).toBe('…and 2 more');
    const { asked, recorder } = recording(intlFor('en-GB'));
    reminderNotifications(many, recorder);
    expect(asked).toEqual([
      { id: 'reminders.summary.title', values: { count: many.length } },
      { id: 'reminders.summary.more', values: { count: 2 } },
    ]);
  });
});

describe('the reminder scheduler', () => {
  function fakeHost(options: { canShow?: boolean } = {}) {
    let now = NOW;
    let timer: { at: number; callback: () => void } | null = null;
    const shown: ReminderNotification[] = [];
    const fired: { keys: string[]; notified: boolean }[] = [];
    const delays: number[] = [];
    const scheduler = createReminderScheduler({
      now: () => now,
      setTimer: (callback, delayMs) => {
        delays.push(delayMs);
        timer = { at: now + delayMs, callback };
        return timer;
      },
      clearTimer: (handle) => {
        if (timer === handle) timer = null;
      },
      show: (notification) => {
        shown.push(notification);
        return options.canShow ?? true;
      },
      fired: (event) => fired.push(event),
    });
    /** Moves the clock, running the timer whenever it comes due. */
    const advance = (ms: number) => {
      const until = now + ms;
      while (timer && timer.at <= until) {
        const { at, callback } = timer;
        now = at;
        callback();
      }
      now = until;
    };
    return { scheduler, shown, fired, delays, advance, timer: () => timer };
  }

  it('goes off at each reminder time once, and re-arms on every change', () => {
    const host = fakeHost();
    const a = reminder('a', NOW + 5 * MINUTE);
    const b = reminder('b', NOW + 20 * MINUTE);
    host.scheduler.set([a, b]);
    expect(host.shown).toEqual([]);
    expect(host.delays.at(-1)).toBe(5 * MINUTE);
    host.advance(5 * MINUTE);
    expect(host.shown.map((n) => n.tag)).toEqual(['reminder-a']);
    expect(host.fired).toEqual([{ keys: [reminderKey(a)], notified: true }]);
    // The same list again (the renderer re-sends before it has recorded a): nothing repeats.
    host.scheduler.set([a, b]);
    expect(host.shown).toHaveLength(1);
    host.advance(15 * MINUTE);
    expect(host.shown.map((n) => n.tag)).toEqual(['reminder-a', 'reminder-b']);
    expect(host.timer()).toBeNull();
  });

  it('snoozing re-arms and cancelling disarms', () => {
    const host = fakeHost();
    host.scheduler.set([reminder('a', NOW + MINUTE)]);
    host.advance(MINUTE);
    host.scheduler.set([reminder('a', NOW + 30 * MINUTE)]);
    host.advance(29 * MINUTE);
    expect(host.shown).toHaveLength(2);
    host.scheduler.set([reminder('b', NOW + HOUR)]);
    host.scheduler.set([]);
    expect(host.timer()).toBeNull();
    host.advance(2 * HOUR);
    expect(host.shown).toHaveLength(2);
  });

  it('shows a due reminder at once, and sleeps in capped steps until a far one', () => {
    const host = fakeHost();
    host.scheduler.set([reminder('now', NOW - MINUTE), reminder('far', NOW + 30 * DAY)]);
    expect(host.shown.map((n) => n.tag)).toEqual(['reminder-now']);
    expect(host.delays.at(-1)).toBe(MAX_WAKE_DELAY_MS);
    host.advance(30 * DAY);
    expect(host.shown.map((n) => n.tag)).toEqual(['reminder-now', 'reminder-far']);
    expect(Math.max(...host.delays)).toBeLessThanOrEqual(MAX_WAKE_DELAY_MS);
  });

  it('reports reminders it could not show as not notified', () => {
    const host = fakeHost({ canShow: false });
    host.scheduler.set([reminder('a', NOW)]);
    expect(host.fired).toEqual([{ keys: [`a@${NOW}`], notified: false }]);
  });

  it('stops when disposed', () => {
    const host = fakeHost();
    host.scheduler.set([reminder('a', NOW + MINUTE)]);
    host.scheduler.dispose();
    host.advance(HOUR);
    expect(host.shown).toEqual([]);
    host.scheduler.set([reminder('a', NOW)]);
    expect(host.shown).toEqual([]);
  });
});
