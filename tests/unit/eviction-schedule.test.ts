/** When the sync worker evicts (src/sync/eviction-schedule.ts): after the first sync, then at most every interval, never two at once. */
import { describe, expect, it } from 'vitest';
import { EvictionSchedule } from '@core/sync/eviction-schedule';

function harness() {
  let now = 0;
  const timers: (() => void)[] = [];
  let finish: () => void = () => undefined;
  let runs = 0;
  const schedule = new EvictionSchedule({
    run: () => {
      runs += 1;
      return new Promise<void>((resolve) => (finish = resolve));
    },
    intervalMs: 300_000,
    settleMs: 2_000,
    now: () => now,
    setTimer: (callback) => timers.push(callback),
    clearTimer: () => undefined,
  });
  const fire = async () => {
    timers.splice(0).forEach((callback) => callback());
    await Promise.resolve();
  };
  /** The running pass ends, and what follows it has run. */
  const finishPass = async () => {
    finish();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { schedule, fire, advance: (ms: number) => (now += ms), runs: () => runs, finishPass, timers };
}

describe('the eviction schedule', () => {
  it('runs a pass after the first sync, none while one runs, and the next only after the interval', async () => {
    const h = harness();
    h.schedule.synced();
    h.schedule.synced();
    expect(h.timers).toHaveLength(1);
    await h.fire();
    expect(h.runs()).toBe(1);
    h.schedule.synced();
    expect(h.timers).toHaveLength(0);
    await h.finishPass();
    h.advance(299_999);
    h.schedule.synced();
    expect(h.timers).toHaveLength(0);
    h.advance(1);
    h.schedule.synced();
    await h.fire();
    expect(h.runs()).toBe(2);
  });

  it('a budget lowered while a pass runs gets a pass of its own once that one ends', async () => {
    const h = harness();
    h.schedule.synced();
    await h.fire();
    expect(h.runs()).toBe(1);
    h.schedule.soon();
    expect(h.timers).toHaveLength(0);
    await h.finishPass();
    await h.fire();
    expect(h.runs()).toBe(2);
  });

  it('runs soon when asked (the budget was lowered), and not after it stops', async () => {
    const h = harness();
    h.schedule.synced();
    await h.fire();
    await h.finishPass();
    h.schedule.soon();
    await h.fire();
    expect(h.runs()).toBe(2);
    await h.finishPass();
    h.schedule.stop();
    h.schedule.soon();
    await h.fire();
    expect(h.runs()).toBe(2);
  });
});
