/**
 * When the sync worker runs an eviction pass: once the first sync has
 * completed, then at most every few minutes after later syncs, a little while
 * after the sync settles (so it does not compete with the pull it follows),
 * and never two at once.
 */
export const EVICTION_INTERVAL_MS = 5 * 60_000;
export const EVICTION_SETTLE_MS = 2_000;

export interface EvictionScheduleOptions {
  /** One pass; its failure is reported and the next sync may try again after the interval. */
  run: () => Promise<void>;
  onError?: (error: unknown) => void;
  intervalMs?: number;
  settleMs?: number;
  now?: () => number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export class EvictionSchedule {
  private lastStarted: number | null = null;
  private running = false;
  /** Asked for while a pass ran (a lower budget): one more follows it. */
  private again = false;
  private timer: unknown = null;
  private stopped = false;
  private readonly opts: Required<Omit<EvictionScheduleOptions, 'onError'>> & Pick<EvictionScheduleOptions, 'onError'>;

  constructor(options: EvictionScheduleOptions) {
    this.opts = {
      intervalMs: EVICTION_INTERVAL_MS,
      settleMs: EVICTION_SETTLE_MS,
      now: Date.now,
      setTimer: (callback, ms) => setTimeout(callback, ms),
      clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
      ...options,
    };
  }

  /** A sync completed (the first, or a later one): a pass follows when one is due. */
  synced(): void {
    if (this.stopped || this.running || this.timer !== null) return;
    if (this.lastStarted !== null && this.opts.now() - this.lastStarted < this.opts.intervalMs) return;
    this.timer = this.opts.setTimer(() => {
      this.timer = null;
      void this.start();
    }, this.opts.settleMs);
  }

  /** A pass now, whatever the interval (the budget was just lowered). */
  soon(): void {
    this.lastStarted = null;
    if (this.running) this.again = true;
    else this.synced();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) this.opts.clearTimer(this.timer);
    this.timer = null;
  }

  private async start(): Promise<void> {
    if (this.stopped || this.running) return;
    this.running = true;
    this.lastStarted = this.opts.now();
    try {
      await this.opts.run();
    } catch (error) {
      this.opts.onError?.(error);
    } finally {
      this.running = false;
      if (this.again) {
        this.again = false;
        this.soon();
      }
    }
  }
}
