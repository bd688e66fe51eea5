/**
 * The instant the tests run at. `AGENTDESK_CLOCK_OFFSET_MS` (set by
 * scripts/test-at.sh) moves every clock of a test run by the same amount: this
 * process's Date, the hub's clock (the same variable, read by the hub) and the
 * page's clock (installed by the end-to-end fixtures), so the suite runs on a
 * Sunday morning or on New Year's Eve whatever day it really is.
 */
export const TEST_CLOCK_OFFSET_MS = Number(process.env.AGENTDESK_CLOCK_OFFSET_MS ?? 0) || 0;

let installed = false;

/** Moves this process's Date by the offset (nothing without one); time still runs at its real pace. */
export function installTestClock(): void {
  if (installed || TEST_CLOCK_OFFSET_MS === 0) return;
  installed = true;
  const RealDate = Date;
  const offset = TEST_CLOCK_OFFSET_MS;
  class ShiftedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...(args as [string]));
    }
    static override now(): number {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = ShiftedDate as DateConstructor;
}
