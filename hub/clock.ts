/**
 * The hub's one source of "now". Everything on the hub that reads the time
 * (sign-in, sessions, pushes, ingestion, offers, demo data) asks its clock, so
 * a test can run a whole hub at an instant it chooses.
 */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** The system clock moved by `offsetMs`: it runs at the real pace from another instant. */
export function offsetClock(offsetMs: number): Clock {
  return offsetMs === 0 ? systemClock : { now: () => Date.now() + offsetMs };
}
