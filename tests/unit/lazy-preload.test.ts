import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { lazyWithPreload, preloadWhenIdle } from '../../renderer/src/lib/lazyWithPreload';

function Screen() {
  return null;
}

/** A chunk whose fetch the test settles by hand. */
function chunk() {
  const calls: { resolve: () => void; reject: (error: Error) => void }[] = [];
  const load = vi.fn(
    () =>
      new Promise<{ Screen: typeof Screen }>((resolve, reject) => {
        calls.push({ resolve: () => resolve({ Screen }), reject });
      }),
  );
  return { load, calls };
}

describe('lazyWithPreload', () => {
  test('fetches a screen\'s chunk once however often it is preloaded', async () => {
    const { load, calls } = chunk();
    const screen = lazyWithPreload(load, (module) => module.Screen);
    const first = screen.preload();
    const second = screen.preload();
    calls[0]!.resolve();
    await Promise.all([first, second]);
    await screen.preload();
    expect(load).toHaveBeenCalledTimes(1);
  });

  test('a failed fetch (offline, a new build) is tried again on the next preload', async () => {
    const { load, calls } = chunk();
    const screen = lazyWithPreload(load, (module) => module.Screen);
    const failed = screen.preload();
    calls[0]!.reject(new Error('offline'));
    await expect(failed).rejects.toThrow('offline');
    const retried = screen.preload();
    expect(load).toHaveBeenCalledTimes(2);
    calls[1]!.resolve();
    await expect(retried).resolves.toEqual({ Screen });
  });
});

describe('preloadWhenIdle', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('fetches the chunks one after another, each when idle, going on past a failure', async () => {
    const a = chunk();
    const b = chunk();
    const c = chunk();
    preloadWhenIdle([a.load, b.load, c.load]);
    expect(a.load).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(250);
    expect(a.load).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(b.load).not.toHaveBeenCalled();
    a.calls[0]!.reject(new Error('offline'));
    await vi.advanceTimersByTimeAsync(250);
    expect(b.load).toHaveBeenCalledTimes(1);
    b.calls[0]!.resolve();
    await vi.advanceTimersByTimeAsync(250);
    expect(c.load).toHaveBeenCalledTimes(1);
  });

  test('stops when cancelled (signed out, another person)', async () => {
    const a = chunk();
    const b = chunk();
    const cancel = preloadWhenIdle([a.load, b.load]);
    await vi.advanceTimersByTimeAsync(250);
    a.calls[0]!.resolve();
    cancel();
    await vi.advanceTimersByTimeAsync(5000);
    expect(b.load).not.toHaveBeenCalled();
  });
});
