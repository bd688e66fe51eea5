/**
 * The end-to-end tests' `test`: every browser context runs on the test run's
 * clock. Without AGENTDESK_CLOCK_OFFSET_MS that is the real time, untouched;
 * with it (scripts/test-at.sh) the page's clock starts at the same instant as
 * the hub's and this process's, and runs on from there.
 */
import { test as base, expect, type Browser, type BrowserContext, type BrowserContextOptions } from '@playwright/test';
import { installTestClock, TEST_CLOCK_OFFSET_MS } from '../helpers/test-clock';

installTestClock();

const installed = new WeakSet<BrowserContext>();

/** Puts the context's pages on a clock the test can move (idempotent); it starts at this process's now. */
export async function controlClock(context: BrowserContext): Promise<void> {
  if (installed.has(context)) return;
  installed.add(context);
  await context.clock.install({ time: Date.now() });
}

/** A second desktop (another agent's browser), on the run's clock like the first. */
export async function newDesktop(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  if (TEST_CLOCK_OFFSET_MS !== 0) await controlClock(context);
  return context;
}

export const test = base.extend({
  context: async ({ context }, use) => {
    if (TEST_CLOCK_OFFSET_MS !== 0) await controlClock(context);
    await use(context);
  },
});

export { expect };
