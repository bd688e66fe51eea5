/**
 * Keeps the embedded hub's child process running: waits for its first "ready", restarts it on the
 * same port when it ends unexpectedly (growing pauses), and gives up after repeated quick crashes.
 * No Electron here: spawning and timers are handed in, so the policy is unit-tested.
 */

/** A running hub child, as the supervisor sees it. */
export interface HubChildHandle {
  /** Asks the child to stop cleanly; kills it if it has not ended within the grace period. */
  stop(): Promise<void>;
}

export interface HubChildEvents {
  ready(info: { url: string; port: number }): void;
  /** The child said why it could not start (it exits right after). */
  failed(message: string): void;
  exited(code: number | null): void;
}

export interface HubSupervisorDeps {
  /** Starts a child on `port` (0: any free port) that reports through `events`. */
  spawn(port: number, events: HubChildEvents): HubChildHandle;
  now(): number;
  setTimer(callback: () => void, delayMs: number): unknown;
  clearTimer(handle: unknown): void;
  /** A crashed child was replaced and answers at the same address again. */
  onRestarted(): void;
  /** Too many quick crashes: the hub stays down. `reason` is the child's last error, if it said one. */
  onGaveUp(reason: string | null): void;
}

export interface HubSupervisorOptions {
  /** Pauses before each successive restart; the last one repeats. */
  backoffMs?: readonly number[];
  /** A child that ran at least this long before ending is not counted as a quick crash (the count starts again). */
  healthyAfterMs?: number;
  /** Quick crashes in a row after which the supervisor gives up. */
  maxQuickCrashes?: number;
}

export const DEFAULT_BACKOFF_MS = [500, 2_000, 5_000, 10_000] as const;

export interface HubSupervisor {
  /** Starts the first child; resolves with its address once it is ready, rejects if it ends first. */
  start(): Promise<{ url: string; port: number }>;
  /** Stops the child for good (quitting): no restart follows. */
  stop(): Promise<void>;
  readonly state: 'idle' | 'starting' | 'running' | 'restarting' | 'gave-up' | 'stopped';
}

export function createHubSupervisor(deps: HubSupervisorDeps, options: HubSupervisorOptions = {}): HubSupervisor {
  const backoff = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  const healthyAfterMs = options.healthyAfterMs ?? 60_000;
  const maxQuickCrashes = options.maxQuickCrashes ?? 4;

  let state: HubSupervisor['state'] = 'idle';
  let child: HubChildHandle | null = null;
  let port = 0;
  let url: string | null = null;
  let startedAt = 0;
  let quickCrashes = 0;
  let lastError: string | null = null;
  let timer: unknown = null;
  let firstStart: { resolve(info: { url: string; port: number }): void; reject(error: Error): void } | null = null;

  const launch = () => {
    timer = null;
    startedAt = deps.now();
    let ended = false;
    let self: HubChildHandle | null = null;
    const isCurrent = () => !ended && child === self;
    self = deps.spawn(port, {
      ready(info) {
        if (!isCurrent()) return;
        const restarted = url !== null;
        port = info.port;
        url = info.url;
        state = 'running';
        if (firstStart) {
          firstStart.resolve(info);
          firstStart = null;
        } else if (restarted) deps.onRestarted();
      },
      failed(message) {
        if (isCurrent()) lastError = message;
      },
      exited(code) {
        if (!isCurrent()) return;
        ended = true;
        child = null;
        if (state === 'stopped') return;
        if (firstStart) {
          // The very first start failed: nothing to restart to; the caller says so.
          state = 'gave-up';
          firstStart.reject(new Error(lastError ?? `The hub stopped while starting (exit code ${code ?? 'none'}).`));
          firstStart = null;
          return;
        }
        quickCrashes = deps.now() - startedAt >= healthyAfterMs ? 1 : quickCrashes + 1;
        if (quickCrashes >= maxQuickCrashes) {
          state = 'gave-up';
          deps.onGaveUp(lastError);
          return;
        }
        state = 'restarting';
        timer = deps.setTimer(launch, backoff[Math.min(quickCrashes - 1, backoff.length - 1)] ?? 0);
      },
    });
    child = self;
  };

  return {
    get state() {
      return state;
    },
    start() {
      if (state !== 'idle') return Promise.reject(new Error('The hub was already started.'));
      state = 'starting';
      return new Promise((resolve, reject) => {
        firstStart = { resolve, reject };
        launch();
      });
    },
    async stop() {
      state = 'stopped';
      if (timer !== null) deps.clearTimer(timer);
      timer = null;
      const running = child;
      child = null;
      await running?.stop();
    },
  };
}
