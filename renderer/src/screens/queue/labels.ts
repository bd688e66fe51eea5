/** What a queue row says about urgency: its priority and how its SLA stands, in words that fit a fixed chip. */

/** 1 is the most urgent, 5 the least (the queue item's priority). */
export const PRIORITY_LABELS: Record<number, string> = { 1: 'Urgent', 2: 'High', 3: 'Normal', 4: 'Low', 5: 'Lowest' };

/** "P1 Urgent" … "P5 Lowest". */
export function priorityLabel(priority: number): string {
  return `P${priority} ${PRIORITY_LABELS[priority] ?? 'Normal'}`;
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
 * A span of time in at most eight characters, so the SLA chip has one width for
 * every row: "4:07", "1:02:33", then whole days and hours ("3d 04h", "412d 23h": no wider than "000d 00h").
 */
export function shortDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  if (days > 0) return `${days}d ${String(hours).padStart(2, '0')}h`;
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return hours ? `${hours}:${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}` : `${minutes}:${String(seconds).padStart(2, '0')}`;
}

/** The widest the SLA chip ever reads: it is sized for this. */
export const LONGEST_SLA_TEXT = 'Breached 000d 00h ago';

/**
 * The SLA chip's words: "SLA 4:07 left", or "Breached 1:02:33 ago" (the red
 * chip in the SLA column says which breach; "SLA" is still read out to screen
 * readers), short enough for the chip at the narrowest width.
 */
export function slaLabel(item: { enqueuedAt: number; slaDueAt: number }, now: number): { text: string; level: SlaLevel } {
  const { left, level } = slaStatus(item, now);
  return { level, text: level === 'breached' ? `Breached ${shortDuration(-left)} ago` : `SLA ${shortDuration(left)} left` };
}
