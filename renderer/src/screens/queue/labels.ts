/** What a queue row says about urgency: its priority and how its SLA stands, in words that fit a fixed chip. */
import { defineMessages } from '@formatjs/intl';
import type { MessageDescriptor } from 'react-intl';

/** What plain-text labels need of an IntlShape (react-intl's in the screens, @formatjs/intl's in tests). */
interface IntlShape {
  locale: string;
  formatMessage(descriptor: MessageDescriptor, values?: Record<string, string | number>): string;
}

/** 1 is the most urgent, 5 the least (the queue item's priority). */
export const PRIORITY_MESSAGES = defineMessages({
  1: { id: 'queue.priority.urgent', defaultMessage: 'Urgent' },
  2: { id: 'queue.priority.high', defaultMessage: 'High' },
  3: { id: 'queue.priority.normal', defaultMessage: 'Normal' },
  4: { id: 'queue.priority.low', defaultMessage: 'Low' },
  5: { id: 'queue.priority.lowest', defaultMessage: 'Lowest' },
});

/** "P1 Urgent" … "P5 Lowest". */
export function priorityLabel(intl: IntlShape, priority: number): string {
  const name = intl.formatMessage(PRIORITY_MESSAGES[priority as keyof typeof PRIORITY_MESSAGES] ?? PRIORITY_MESSAGES[3]);
  return intl.formatMessage({ id: 'queue.priority.chip', defaultMessage: 'P{priority} {name}' }, { priority: String(priority), name });
}

export type SlaLevel = 'ok' | 'near' | 'urgent' | 'breached';

/** How an SLA stands: the share of its time left, for colour and words. */
export function slaStatus(item: { enqueuedAt: number; slaDueAt: number }, now: number): { left: number; level: SlaLevel } {
  const left = item.slaDueAt - now;
  const total = Math.max(1, item.slaDueAt - item.enqueuedAt);
  const share = left / total;
  return { left, level: left <= 0 ? 'breached' : share < 0.2 ? 'urgent' : share < 0.5 ? 'near' : 'ok' };
}

/**
 * A span of time in a few characters, so the SLA chip has one width for every
 * row: "4:07", "1:02:33", then whole days and hours ("3d 04h", "412d 23h").
 * Numbers go in as text: a clock reads the same in every language, and
 * "1.000d" would be wider than the chip is sized for.
 */
export function shortDuration(intl: IntlShape, ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  if (days > 0) return intl.formatMessage({ id: 'queue.duration.daysHours', defaultMessage: '{days}d {hours}h' }, { days: String(days), hours: String(hours).padStart(2, '0') });
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return hours ? `${hours}:${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}` : `${minutes}:${String(seconds).padStart(2, '0')}`;
}

/** The longest waiting time a row may show, as the widest digits: the waiting column is sized for it. */
export function longestWaitText(intl: IntlShape): string {
  return shortDuration(intl, 999 * 86_400_000 + 23 * 3_600_000).replace(/\d/g, '0');
}

/** The widest the SLA chip ever reads in this language ("Breached 000d 00h ago"): it is sized for this. */
export function longestSlaText(intl: IntlShape): string {
  const breached = slaLabel(intl, { enqueuedAt: 0, slaDueAt: 0 }, 999 * 86_400_000 + 23 * 3_600_000).text.replace(/\d/g, '0');
  const left = slaLabel(intl, { enqueuedAt: 0, slaDueAt: 999 * 86_400_000 + 23 * 3_600_000 }, 0).text.replace(/\d/g, '0');
  return breached.length >= left.length ? breached : left;
}

/**
 * The SLA chip's words: "SLA 4:07 left", or "Breached 1:02:33 ago" (the red
 * chip in the SLA column says which breach; "SLA" is still read out to screen
 * readers), short enough for the chip at the narrowest width.
 */
export function slaLabel(intl: IntlShape, item: { enqueuedAt: number; slaDueAt: number }, now: number): { text: string; level: SlaLevel } {
  const { left, level } = slaStatus(item, now);
  const time = shortDuration(intl, Math.abs(left));
  const text =
    level === 'breached'
      ? intl.formatMessage({ id: 'queue.sla.breached', defaultMessage: 'Breached {time} ago' }, { time })
      : intl.formatMessage({ id: 'queue.sla.left', defaultMessage: 'SLA {time} left' }, { time });
  return { level, text };
}
