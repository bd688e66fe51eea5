/** What the tray, the taskbar/dock badge and the installed web app's badge show (pure, unit-tested). */
import { z } from 'zod';
import { defineMessages } from '@formatjs/intl';
import type { Message } from './i18n/messages';

/** Counts the renderer works out from its local data and hands to the host. */
export const BadgeCountsSchema = z
  .object({
    /** Contacts offered to this agent right now. */
    offers: z.number().int().min(0).max(100_000),
    /** This agent's scheduled follow-ups already past due. */
    overdueFollowUps: z.number().int().min(0).max(100_000),
  })
  .strict();
export type BadgeCounts = z.infer<typeof BadgeCountsSchema>;

export const NO_BADGE: BadgeCounts = { offers: 0, overdueFollowUps: 0 };

/** The number on the badge: everything waiting for the agent. */
export function badgeCount(counts: BadgeCounts): number {
  return counts.offers + counts.overdueFollowUps;
}

const messages = defineMessages({
  offers: {
    id: 'desktop.tray.offers',
    defaultMessage: '{count, plural, =0 {No offers waiting} one {# offer waiting for you} other {# offers waiting for you}}',
  },
  overdue: {
    id: 'desktop.tray.overdue',
    defaultMessage: '{count, plural, =0 {No overdue follow-ups} one {# follow-up overdue} other {# follow-ups overdue}}',
  },
  open: { id: 'desktop.tray.open', defaultMessage: 'Open {product}' },
  quit: { id: 'desktop.tray.quit', defaultMessage: 'Quit {product}' },
  tooltip: { id: 'desktop.tray.tooltip', defaultMessage: '{product}: {waiting}' },
});

export const offersLabel = (count: number): Message => ({ descriptor: messages.offers, values: { count } });
export const overdueLabel = (count: number): Message => ({ descriptor: messages.overdue, values: { count } });

/** Formats a message in the agent's language (main passes its own). */
export type Say = (message: Message) => string;
/** Joins phrases as the language does ("a and b"). */
export type JoinList = (parts: string[]) => string;

/** One entry of the tray menu: opens `path` in the window when it has one, else is a heading. */
export type TrayEntry =
  | { kind: 'open'; label: string; path: string | null; enabled: boolean }
  | { kind: 'separator' }
  | { kind: 'quit'; label: string };

export interface TrayModel {
  tooltip: string;
  badge: number;
  entries: TrayEntry[];
}

export function trayModel(productName: string, counts: BadgeCounts, say: Say, join: JoinList): TrayModel {
  const total = badgeCount(counts);
  const waiting = [
    counts.offers > 0 ? say(offersLabel(counts.offers)) : null,
    counts.overdueFollowUps > 0 ? say(overdueLabel(counts.overdueFollowUps)) : null,
  ].filter((part): part is string => part !== null);
  const product = { product: productName };
  return {
    tooltip: waiting.length ? say({ descriptor: messages.tooltip, values: { product: productName, waiting: join(waiting) } }) : productName,
    badge: total,
    entries: [
      { kind: 'open', label: say({ descriptor: messages.open, values: product }), path: null, enabled: true },
      { kind: 'separator' },
      // Disabled when there is nothing to go to: still read, so the tray says "nothing waiting".
      { kind: 'open', label: say(offersLabel(counts.offers)), path: '/queue', enabled: counts.offers > 0 },
      { kind: 'open', label: say(overdueLabel(counts.overdueFollowUps)), path: '/follow-ups', enabled: counts.overdueFollowUps > 0 },
      { kind: 'separator' },
      { kind: 'quit', label: say({ descriptor: messages.quit, values: product }) },
    ],
  };
}

/** Follow-ups still to do whose time has passed (the follow-ups list shows the same ones as "Overdue"). */
export function overdueFollowUpCount(followUps: readonly { state: string; dueAt: number }[], now: number): number {
  return followUps.filter((followUp) => followUp.state === 'scheduled' && followUp.dueAt < now).length;
}
