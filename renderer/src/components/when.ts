/** When something happened, as the agent reads it: the time, with the date too when it was not today. */
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
const yearFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

const sameDay = (a: Date, b: Date) => a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();

/** @deprecated Formats in the computer's language, not the agent's: use `useFormat().time(at)`. */
export function timeText(at: number): string {
  return timeFormat.format(at);
}

/**
 * "14:05" today, "3 Mar, 14:05" another day this year, "3 Mar 2025, 14:05" before.
 * @deprecated Formats in the computer's language, not the agent's: use `useFormat().when(at, now)`.
 */
export function whenText(at: number, now: number): string {
  const then = new Date(at);
  const today = new Date(now);
  if (sameDay(then, today)) return timeFormat.format(at);
  return then.getFullYear() === today.getFullYear() ? dateTimeFormat.format(at) : yearFormat.format(at);
}
