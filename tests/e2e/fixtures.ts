/**
 * The end-to-end tests' `test`: every browser context runs on the test run's
 * clock. Without AGENTDESK_CLOCK_OFFSET_MS that is the real time, untouched;
 * with it (scripts/test-at.sh) the page's Date is moved by the same offset as
 * the hub's and this process's, and runs on from there. A test that moves
 * time itself asks for Playwright's clock (`test.use({ controlledClock: true })`).
 */
import { test as base, expect, type Browser, type BrowserContext, type BrowserContextOptions } from '@playwright/test';
import { installTestClock, TEST_CLOCK_OFFSET_MS } from '../helpers/test-clock';

installTestClock();

/**
 * The page's Date moved by the run's offset, in both directions: Playwright's clock, installed at an instant
 * before the real time, was seen to keep the real time, so only tests that move time use it.
 */
export async function shiftPageDate(context: BrowserContext): Promise<void> {
  if (TEST_CLOCK_OFFSET_MS === 0) return;
  await context.addInitScript((offset: number) => {
    const RealDate = Date;
    class ShiftedDate extends RealDate {
      constructor(...args: unknown[]) {
        if (args.length === 0) super(RealDate.now() + offset);
        else super(...(args as [string]));
      }
      static override now(): number {
        return RealDate.now() + offset;
      }
    }
    (globalThis as { Date: DateConstructor }).Date = ShiftedDate as DateConstructor;
  }, TEST_CLOCK_OFFSET_MS);
}

/** A second desktop (another agent's browser), on the run's clock like the first. */
export async function newDesktop(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await shiftPageDate(context);
  return context;
}

export const test = base.extend<{ controlledClock: boolean }>({
  /** Playwright's clock on the default context, started at the run's now, so the test can move it forward. */
  controlledClock: [false, { option: true }],
  context: async ({ context, controlledClock }, use) => {
    if (controlledClock) await context.clock.install({ time: Date.now() });
    else await shiftPageDate(context);
    await use(context);
  },
});

export { expect };
