/** What the tray, the taskbar/dock badge and the installed web app's badge show (pure, unit-tested). */
import { z } from 'zod';

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

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function offersLabel(count: number): string {
  return count === 0 ? 'No offers waiting' : `${plural(count, 'offer', 'offers')} waiting for you`;
}

export function overdueLabel(count: number): string {
  return count === 0 ? 'No overdue follow-ups' : `${plural(count, 'follow-up', 'follow-ups')} overdue`;
}

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

export function trayModel(productName: string, counts: BadgeCounts): TrayModel {
  const total = badgeCount(counts);
  const waiting = [
    counts.offers > 0 ? offersLabel(counts.offers) : null,
    counts.overdueFollowUps > 0 ? overdueLabel(counts.overdueFollowUps) : null,
  ].filter((part): part is string => part !== null);
  return {
    tooltip: waiting.length ? `${productName}: ${waiting.join(', ')}` : productName,
    badge: total,
    entries: [
      { kind: 'open', label: `Open ${productName}`, path: null, enabled: true },
      { kind: 'separator' },
      // Disabled when there is nothing to go to: still read, so the tray says "nothing waiting".
      { kind: 'open', label: offersLabel(counts.offers), path: '/queue', enabled: counts.offers > 0 },
      { kind: 'open', label: overdueLabel(counts.overdueFollowUps), path: '/follow-ups', enabled: counts.overdueFollowUps > 0 },
      { kind: 'separator' },
      { kind: 'quit', label: `Quit ${productName}` },
    ],
  };
}

/** Follow-ups still to do whose time has passed (the follow-ups list shows the same ones as "Overdue"). */
export function overdueFollowUpCount(followUps: readonly { state: string; dueAt: number }[], now: number): number {
  return followUps.filter((followUp) => followUp.state === 'scheduled' && followUp.dueAt < now).length;
}
