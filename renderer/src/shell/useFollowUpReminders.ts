/**
 * Follow-up reminders for the signed-in agent (the rules are in src/reminders.ts).
 *
 * `useFollowUpReminders` (mounted once while signed in) keeps the host's reminder list current:
 * the agent's own scheduled follow-ups due within the horizon, minus those already seen on this
 * device. The host shows them as notifications at their time and reports back what went off;
 * those keys are remembered per person in localStorage, so each reminder goes off once per device.
 *
 * What the app lists itself (`useReminderStore().listed`, shown by <MissedReminders />):
 *   - reminders that came due while the app was closed: after the last moment the app ran for
 *     this person on this device and before this session began (nothing on a device's first run:
 *     there was no "while you were away");
 *   - reminders that went off but could not be shown as notifications (unsupported, permission
 *     refused in a browser).
 * They stay listed until opened or dismissed, also across restarts.
 */
import { useEffect, useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import { z } from 'zod';
import { create } from 'zustand';
import {
  MISSED_LOOKBACK_MS,
  REMINDER_HORIZON_MS,
  missedReminders,
  reminderDetails,
  remindersFor,
  type Reminder,
  type ReminderCustomer,
  type ReminderDetail,
} from '@core/reminders';
import type { LocalRow } from '@core/db/schema';
import { bridge } from '../bridge';
import { useLive } from '../data/hooks';
import { useFormat } from '../lib/i18n';
import { useLocal } from '../data/local';

const STORAGE_PREFIX = 'agentdesk.reminders.shown.';
/** Seen keys remembered per person (oldest forgotten first); far more than a horizon's worth. */
export const MAX_SHOWN_KEYS = 1000;
const REFRESH_EVERY_MS = 60_000;
const DEBOUNCE_MS = 500;

const StoredSchema = z.object({
  /** Every reminder up to this time has been dealt with on this device (gone off, opened or dismissed). */
  seenUntil: z.number(),
  /** Keys (`${followUpId}@${at}`) of reminders shown, oldest first. */
  keys: z.array(z.string().max(100)).max(MAX_SHOWN_KEYS),
});
type Stored = z.infer<typeof StoredSchema>;

export function shownStorageKey(userId: string): string {
  return `${STORAGE_PREFIX}${userId}`;
}

function load(userId: string): Stored | null {
  try {
    const parsed = StoredSchema.safeParse(JSON.parse(localStorage.getItem(shownStorageKey(userId)) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function save(userId: string, stored: Stored): void {
  try {
    localStorage.setItem(shownStorageKey(userId), JSON.stringify(stored));
  } catch {
    // Storage full or unavailable: reminders may repeat on the next start, nothing worse.
  }
}

/** A reminder the app lists itself. */
export interface ListedReminder extends ReminderDetail {
  /** Came due while the app was closed (rather than going off without a notification). */
  whileAway: boolean;
}

interface ReminderState {
  userId: string | null;
  /** When this session began: reminders up to then were missed, not notified. */
  startedAt: number;
  /** Reminders after this and up to `startedAt` count as missed. */
  missedSince: number;
  /** Shown keys, oldest first. */
  shownKeys: string[];
  shown: ReadonlySet<string>;
  /** Went off without a notification: listed in the app. */
  undelivered: ReadonlySet<string>;
  /** What the app lists (missed while away, or due without a notification), oldest first. */
  listed: ListedReminder[];
  /** Whether `listed` has been worked out from the local data this session (until then nothing counts as dealt with). */
  listedReady: boolean;
  /** Records reminders as seen on this device: they neither go off nor get listed again. */
  markShown(keys: readonly string[]): void;
}

export const useReminderStore = create<ReminderState>((set, get) => ({
  userId: null,
  startedAt: 0,
  missedSince: 0,
  shownKeys: [],
  shown: new Set(),
  undelivered: new Set(),
  listed: [],
  listedReady: false,
  markShown(keys) {
    const state = get();
    const fresh = keys.filter((key) => !state.shown.has(key));
    if (fresh.length === 0 || !state.userId) return;
    const shownKeys = [...state.shownKeys, ...fresh].slice(-MAX_SHOWN_KEYS);
    const undelivered = new Set(state.undelivered);
    for (const key of fresh) undelivered.delete(key);
    set({ shownKeys, shown: new Set(shownKeys), undelivered });
    persist();
  },
}));

/**
 * Saves what has been seen, and how far everything has been dealt with: up to now, or to just
 * before the oldest reminder still listed (so one left unanswered is listed again next time).
 * Before this session's list is known, the previous bound stays.
 */
function persist(now = Date.now()): void {
  const { userId, shownKeys, listed, listedReady, missedSince } = useReminderStore.getState();
  if (!userId) return;
  const oldestListed = listed.reduce((min, item) => Math.min(min, item.at - 1), Infinity);
  save(userId, { seenUntil: listedReady ? Math.min(now, oldestListed) : missedSince, keys: shownKeys });
}

function begin(userId: string): void {
  const now = Date.now();
  const stored = load(userId);
  const shownKeys = stored?.keys ?? [];
  useReminderStore.setState({
    userId,
    startedAt: now,
    // A first run on this device has no "while you were away".
    missedSince: Math.max(stored ? Math.min(stored.seenUntil, now) : now, now - MISSED_LOOKBACK_MS),
    shownKeys,
    shown: new Set(shownKeys),
    undelivered: new Set(),
    listed: [],
    listedReady: false,
  });
}

function end(userId: string): void {
  if (useReminderStore.getState().userId !== userId) return;
  persist();
  useReminderStore.setState({ userId: null, shownKeys: [], shown: new Set(), undelivered: new Set(), listed: [], listedReady: false });
}

interface MyFollowUps {
  userId: string;
  followUps: LocalRow<'followUp'>[];
  customersById: Map<string, ReminderCustomer>;
}

/** Keeps the host's reminders current and the app's list of missed ones. Mount once, while signed in. */
export function useFollowUpReminders(): void {
  const userId = useLocal((state) => state.actor?.userId) ?? null;
  const sessionUser = useReminderStore((state) => state.userId);
  const startedAt = useReminderStore((state) => state.startedAt);
  const missedSince = useReminderStore((state) => state.missedSince);
  const shown = useReminderStore((state) => state.shown);
  const undelivered = useReminderStore((state) => state.undelivered);

  useEffect(() => {
    if (!userId) return;
    begin(userId);
    return () => end(userId);
  }, [userId]);

  // Reminders that went off: seen, or (without a notification) listed in the app.
  useEffect(
    () =>
      bridge.onRemindersFired((event) => {
        const state = useReminderStore.getState();
        if (event.notified) state.markShown(event.keys);
        else useReminderStore.setState({ undelivered: new Set([...state.undelivered, ...event.keys.filter((key) => !state.shown.has(key))]) });
      }),
    [],
  );

  // Signing out (or leaving) stops this person's reminders.
  useEffect(
    () => () => {
      void bridge.setReminders([]).catch(() => undefined);
    },
    [],
  );

  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => {
      setNow(Date.now());
      persist();
    }, REFRESH_EVERY_MS);
    return () => clearInterval(timer);
  }, []);

  const mine = useLive<MyFollowUps | null>(
    async (db) => {
      if (!userId) return null;
      const followUps = await db.followUps
        .where('[ownerId+dueAt]')
        .between([userId, -Infinity], [userId, Infinity])
        .and((followUp) => followUp.state === 'scheduled')
        .toArray();
      const customerIds = [...new Set(followUps.map((followUp) => followUp.customerId))];
      const customers = await db.customers.bulkGet(customerIds);
      const customersById = new Map<string, ReminderCustomer>();
      for (const customer of customers) if (customer) customersById.set(customer.id, customer);
      return { userId, followUps, customersById };
    },
    [userId],
    null,
  );
  const ready = mine !== null && userId !== null && mine.userId === userId && sessionUser === userId;
  // The notifications and the list speak the agent's language.
  const intl = useIntl();
  const format = useFormat();

  // What the host should remind of. Sent only when it changes, and debounced: a sync batch changes many rows at once.
  const payload = useMemo(
    () => (ready ? JSON.stringify(remindersFor(mine.followUps, mine.customersById, mine.userId, now, REMINDER_HORIZON_MS, { shown, since: startedAt, intl, format })) : null),
    [ready, mine, now, shown, startedAt, intl, format],
  );
  useEffect(() => {
    if (payload === null) return;
    const timer = setTimeout(() => {
      void bridge.setReminders(JSON.parse(payload) as Reminder[]).catch(() => undefined);
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [payload]);

  // What the app lists itself.
  const listed = useMemo<ListedReminder[]>(() => {
    if (!ready) return [];
    const missed = missedReminders(mine.followUps, mine.customersById, mine.userId, startedAt, shown, { since: missedSince, intl, format });
    const unnotified =
      undelivered.size === 0 ? [] : reminderDetails(mine.followUps, mine.customersById, mine.userId, { intl, format }).filter((item) => undelivered.has(item.key) && !shown.has(item.key));
    return [...missed.map((item) => ({ ...item, whileAway: true })), ...unnotified.map((item) => ({ ...item, whileAway: false }))];
  }, [ready, mine, startedAt, missedSince, shown, undelivered, intl, format]);
  useEffect(() => {
    if (!ready) return;
    useReminderStore.setState({ listed, listedReady: true });
    persist();
  }, [ready, listed]);
}
