import { beforeEach, describe, expect, it, vi } from 'vitest';
import { recorded, resetFakeElectron } from '../helpers/fake-electron';
import { createHubSupervisor, type HubChildEvents, type HubSupervisorDeps } from '../../main/hub-supervisor';
import { forkHubChild, STOP_GRACE_MS } from '../../main/hub-process';

vi.mock('electron', () => import('../helpers/fake-electron'));

/** A supervisor on a clock and timers the test moves by hand, with children it controls. */
function harness(options: Parameters<typeof createHubSupervisor>[1] = {}) {
  let now = 1_000_000;
  const timers: { at: number; callback: () => void; cleared: boolean }[] = [];
  const children: { port: number; events: HubChildEvents; stopped: boolean }[] = [];
  const restarted = vi.fn();
  const gaveUp = vi.fn();
  const deps: HubSupervisorDeps = {
    spawn(port, events) {
      const child = { port, events, stopped: false };
      children.push(child);
      return {
        stop: async () => {
          child.stopped = true;
          events.exited(0);
        },
      };
    },
    now: () => now,
    setTimer(callback, delayMs) {
      const timer = { at: now + delayMs, callback, cleared: false };
      timers.push(timer);
      return timer;
    },
    clearTimer(handle) {
      (handle as { cleared: boolean }).cleared = true;
    },
    onRestarted: restarted,
    onGaveUp: gaveUp,
  };
  const supervisor = createHubSupervisor(deps, options);
  return {
    supervisor,
    children,
    restarted,
    gaveUp,
    /** Moves the clock on, running the timers that come due. */
    advance(ms: number) {
      now += ms;
      for (const timer of timers) {
        if (!timer.cleared && timer.at <= now) {
          timer.cleared = true;
          timer.callback();
        }
      }
    },
    latest: () => children.at(-1)!,
  };
}

describe('the embedded hub child is supervised', () => {
  it('waits for ready, then restarts a crashed child on the same port and says so', async () => {
    const h = harness({ backoffMs: [500, 2000] });
    const started = h.supervisor.start();
    expect(h.children).toHaveLength(1);
    expect(h.children[0]!.port).toBe(0);
    h.children[0]!.events.ready({ url: 'http://127.0.0.1:41234', port: 41234 });
    await expect(started).resolves.toEqual({ url: 'http://127.0.0.1:41234', port: 41234 });

    h.children[0]!.events.exited(1);
    expect(h.supervisor.state).toBe('restarting');
    h.advance(499);
    expect(h.children).toHaveLength(1);
    h.advance(1);
    expect(h.children).toHaveLength(2);
    expect(h.latest().port).toBe(41234);
    expect(h.restarted).not.toHaveBeenCalled();
    h.latest().events.ready({ url: 'http://127.0.0.1:41234', port: 41234 });
    expect(h.restarted).toHaveBeenCalledTimes(1);
    expect(h.supervisor.state).toBe('running');
  });

  it('waits longer after each quick crash and gives up after the limit, with the child’s last words', async () => {
    const h = harness({ backoffMs: [500, 2000, 5000], maxQuickCrashes: 3, healthyAfterMs: 60_000 });
    const started = h.supervisor.start();
    h.latest().events.ready({ url: 'http://127.0.0.1:5000', port: 5000 });
    await started;

    h.latest().events.exited(1);
    h.advance(500);
    expect(h.children).toHaveLength(2);
    h.latest().events.failed('EADDRINUSE: port 5000 is taken');
    h.latest().events.exited(1);
    h.advance(1999);
    expect(h.children).toHaveLength(2);
    h.advance(1);
    expect(h.children).toHaveLength(3);
    h.latest().events.exited(1);
    expect(h.gaveUp).toHaveBeenCalledWith('EADDRINUSE: port 5000 is taken');
    expect(h.supervisor.state).toBe('gave-up');
    h.advance(60_000);
    expect(h.children).toHaveLength(3);
  });

  it('starts counting again after a child ran for a good while', async () => {
    const h = harness({ backoffMs: [500], maxQuickCrashes: 2, healthyAfterMs: 60_000 });
    const started = h.supervisor.start();
    h.latest().events.ready({ url: 'http://127.0.0.1:5000', port: 5000 });
    await started;
    for (let i = 0; i < 5; i += 1) {
      h.advance(61_000);
      h.latest().events.exited(1);
      h.advance(500);
      h.latest().events.ready({ url: 'http://127.0.0.1:5000', port: 5000 });
    }
    expect(h.gaveUp).not.toHaveBeenCalled();
    expect(h.restarted).toHaveBeenCalledTimes(5);
  });

  it('fails the start when the first child ends before it is ready, without restarting', async () => {
    const h = harness();
    const started = h.supervisor.start();
    h.latest().events.failed('The hub database is damaged');
    h.latest().events.exited(1);
    await expect(started).rejects.toThrow('The hub database is damaged');
    h.advance(60_000);
    expect(h.children).toHaveLength(1);
  });

  it('stops for good on quit: the child is asked to stop and nothing restarts it', async () => {
    const h = harness();
    const started = h.supervisor.start();
    h.latest().events.ready({ url: 'http://127.0.0.1:5000', port: 5000 });
    await started;
    await h.supervisor.stop();
    expect(h.children[0]!.stopped).toBe(true);
    h.advance(60_000);
    expect(h.children).toHaveLength(1);
    expect(h.restarted).not.toHaveBeenCalled();
    expect(h.gaveUp).not.toHaveBeenCalled();
  });

  it('cancels a pending restart when quitting during the pause', async () => {
    const h = harness({ backoffMs: [5000] });
    const started = h.supervisor.start();
    h.latest().events.ready({ url: 'http://127.0.0.1:5000', port: 5000 });
    await started;
    h.latest().events.exited(1);
    await h.supervisor.stop();
    h.advance(10_000);
    expect(h.children).toHaveLength(1);
  });
});

describe('the hub child process (utilityProcess)', () => {
  beforeEach(() => resetFakeElectron());
  const config = { entry: '/app/out/main/hub-child.js', dataDir: '/data/hub', logsDir: '/data/logs', demo: null };

  it('forks the child entry and sends it a validated start command with the port', () => {
    forkHubChild(config, 41234, { ready: vi.fn(), failed: vi.fn(), exited: vi.fn() });
    const child = recorded.forks[0]!;
    expect(child.modulePath).toBe('/app/out/main/hub-child.js');
    expect(child.posted).toEqual([{ type: 'start', port: 41234, dataDir: '/data/hub', logsDir: '/data/logs', demo: null }]);
  });

  it('relays ready and failure reports, and ignores malformed ones', () => {
    const events = { ready: vi.fn(), failed: vi.fn(), exited: vi.fn() };
    forkHubChild(config, 0, events);
    const child = recorded.forks[0]!;
    child.emit('message', { type: 'ready', url: 'file:///etc/passwd', port: 1 });
    child.emit('message', { type: 'ready', url: 'http://127.0.0.1:5000', port: 5000, extra: true });
    child.emit('message', 'ready');
    expect(events.ready).not.toHaveBeenCalled();
    child.emit('message', { type: 'ready', url: 'http://127.0.0.1:5000', port: 5000 });
    expect(events.ready).toHaveBeenCalledWith({ url: 'http://127.0.0.1:5000', port: 5000 });
    child.emit('message', { type: 'failed', message: 'no space left' });
    expect(events.failed).toHaveBeenCalledWith('no space left');
    child.emit('exit', 1);
    expect(events.exited).toHaveBeenCalledWith(1);
  });

  it('asks the child to stop and waits for it to end', async () => {
    const handle = forkHubChild(config, 0, { ready: vi.fn(), failed: vi.fn(), exited: vi.fn() });
    const child = recorded.forks[0]!;
    const stopping = handle.stop();
    expect(child.posted.at(-1)).toEqual({ type: 'stop' });
    child.emit('exit', 0);
    await stopping;
    expect(child.killed).toBe(false);
  });

  it('kills a child that does not stop within the grace period', async () => {
    vi.useFakeTimers();
    try {
      const handle = forkHubChild(config, 0, { ready: vi.fn(), failed: vi.fn(), exited: vi.fn() });
      const child = recorded.forks[0]!;
      const stopping = handle.stop();
      await vi.advanceTimersByTimeAsync(STOP_GRACE_MS - 1);
      expect(child.killed).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await stopping;
      expect(child.killed).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
