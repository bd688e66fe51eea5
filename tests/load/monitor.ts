/**
 * Readings over the measured window: CPU time of each hub, of PostgreSQL's
 * processes, of the machine and of the load generator itself (read at the
 * window's start and end); memory sampled every second; the hubs' /metrics
 * counters at both ends and their event-loop gauge every few seconds.
 */
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { cpuBetween, cpuByName, machineCpu, metricMean, metricSum, processCpuSeconds, processMemory, scrapeMetrics } from './probes';

export const QUERIES_METRIC = 'agentdesk_db_queries_total';
export const EVENT_LOOP_METRIC = 'agentdesk_event_loop_utilization';
export const LOCK_HOLD_METRIC = 'agentdesk_write_lock_hold_seconds';
export const LOCK_WAIT_METRIC = 'agentdesk_write_lock_wait_seconds';

/** A histogram's sum and count, when the hub has it. */
interface Histogram {
  sum: number;
  count: number;
}

function histogram(text: string | null, name: string): Histogram | null {
  const sum = metricSum(text, `${name}_sum`);
  const count = metricSum(text, `${name}_count`);
  return sum === null || count === null ? null : { sum, count };
}

export interface MonitoredHub {
  index: number;
  url: string;
  pid: number;
}

export interface HubReading {
  index: number;
  url: string;
  pid: number;
  /** Share of one core over the window, in %. */
  cpuPercent: number | null;
  rssBytes: number | null;
  /** Highest resident memory sampled in the window. */
  peakRssBytes: number | null;
  /** Mean of the hub's own event-loop utilisation gauge (0–1), when it has /metrics. */
  eventLoopBusy: number | null;
  /** Queries it made in the window, when it counts them. */
  queries: number | null;
  /** What GET /metrics last answered (null: no answer). */
  metricsStatus: number | null;
  /** The write lock as this hub's transactions took it in the window: share of the time held, mean wait and hold per transaction. */
  writeLock: { heldShare: number; meanWaitMs: number | null; meanHoldMs: number | null; transactions: number } | null;
}

export interface Readings {
  hubs: HubReading[];
  /** Every process named postgres on this machine, as a share of one core (other databases' work included). */
  postgresCpuPercent: number | null;
  /** The whole machine: busy share of all cores, in % of one core (so 2 cores read up to 200 %). */
  machineCpuPercent: number | null;
  cores: number;
  generator: { cpuPercent: number; eventLoopBusy: number; rssBytes: number };
}

interface Mark {
  at: number;
  hubCpu: (number | null)[];
  queries: (number | null)[];
  lockHold: (Histogram | null)[];
  lockWait: (Histogram | null)[];
  postgres: Map<number, number>;
  machine: { busy: number; total: number } | null;
  cpu: NodeJS.CpuUsage;
  elu: EventLoopUtilization;
}

export class Monitor {
  private startMark: Mark | null = null;
  private readonly peaks: (number | null)[];
  private readonly loops: number[][];
  private readonly metricsStatus: (number | null)[];
  private sampler: ReturnType<typeof setInterval> | null = null;
  private scraper: ReturnType<typeof setInterval> | null = null;
  private scraping = false;

  constructor(
    private readonly hubs: readonly MonitoredHub[],
    private readonly cores: number,
  ) {
    this.peaks = hubs.map(() => null);
    this.loops = hubs.map(() => []);
    this.metricsStatus = hubs.map(() => null);
  }

  private async mark(): Promise<Mark> {
    const scrapes = await Promise.all(this.hubs.map((hub) => scrapeMetrics(hub.url)));
    scrapes.forEach((scrape, index) => (this.metricsStatus[index] = scrape.status));
    const texts = scrapes.map((scrape) => scrape.text);
    return {
      at: performance.now(),
      hubCpu: this.hubs.map((hub) => processCpuSeconds(hub.pid)),
      queries: texts.map((text) => metricSum(text, QUERIES_METRIC)),
      lockHold: texts.map((text) => histogram(text, LOCK_HOLD_METRIC)),
      lockWait: texts.map((text) => histogram(text, LOCK_WAIT_METRIC)),
      postgres: cpuByName('postgres'),
      machine: machineCpu(),
      cpu: process.cpuUsage(),
      elu: performance.eventLoopUtilization(),
    };
  }

  private sampleMemory(): void {
    this.hubs.forEach((hub, index) => {
      const memory = processMemory(hub.pid);
      if (memory) this.peaks[index] = Math.max(this.peaks[index] ?? 0, memory.rss);
    });
  }

  private async sampleLoops(): Promise<void> {
    if (this.scraping) return;
    this.scraping = true;
    try {
      const scrapes = await Promise.all(this.hubs.map((hub) => scrapeMetrics(hub.url)));
      scrapes.forEach(({ text }, index) => {
        const busy = metricMean(text, EVENT_LOOP_METRIC);
        if (busy !== null) this.loops[index]!.push(busy);
      });
    } finally {
      this.scraping = false;
    }
  }

  async begin(): Promise<void> {
    this.startMark = await this.mark();
    this.sampleMemory();
    this.sampler = setInterval(() => this.sampleMemory(), 1000);
    this.scraper = setInterval(() => void this.sampleLoops(), 2000);
  }

  async end(): Promise<Readings> {
    if (this.sampler) clearInterval(this.sampler);
    if (this.scraper) clearInterval(this.scraper);
    const start = this.startMark;
    if (!start) throw new Error('the monitor was never started');
    this.sampleMemory();
    const end = await this.mark();
    const seconds = (end.at - start.at) / 1000;
    const percent = (cpuSeconds: number) => (100 * cpuSeconds) / seconds;
    const hubs = this.hubs.map((hub, index): HubReading => {
      const before = start.hubCpu[index];
      const after = end.hubCpu[index];
      const memory = processMemory(hub.pid);
      const loops = this.loops[index]!;
      const q0 = start.queries[index];
      const q1 = end.queries[index];
      const [h0, h1, w0, w1] = [start.lockHold[index], end.lockHold[index], start.lockWait[index], end.lockWait[index]];
      const held = h0 && h1 ? { sum: h1.sum - h0.sum, count: h1.count - h0.count } : null;
      const waited = w0 && w1 ? { sum: w1.sum - w0.sum, count: w1.count - w0.count } : null;
      return {
        index: hub.index,
        url: hub.url,
        pid: hub.pid,
        cpuPercent: before != null && after != null ? percent(after - before) : null,
        rssBytes: memory?.rss ?? null,
        peakRssBytes: memory ? Math.max(memory.rss, this.peaks[index] ?? 0) : (this.peaks[index] ?? null),
        eventLoopBusy: loops.length ? loops.reduce((sum, value) => sum + value, 0) / loops.length : null,
        queries: q0 != null && q1 != null ? q1 - q0 : null,
        metricsStatus: this.metricsStatus[index] ?? null,
        writeLock: held
          ? {
              heldShare: held.sum / seconds,
              meanHoldMs: held.count ? (1000 * held.sum) / held.count : null,
              meanWaitMs: waited?.count ? (1000 * waited.sum) / waited.count : null,
              transactions: held.count,
            }
          : null,
      };
    });
    const machine = start.machine && end.machine && end.machine.total > start.machine.total ? (100 * this.cores * (end.machine.busy - start.machine.busy)) / (end.machine.total - start.machine.total) : null;
    const cpu = process.cpuUsage(start.cpu);
    return {
      hubs,
      postgresCpuPercent: start.postgres.size || end.postgres.size ? percent(cpuBetween(start.postgres, end.postgres)) : null,
      machineCpuPercent: machine,
      cores: this.cores,
      generator: {
        cpuPercent: percent((cpu.user + cpu.system) / 1e6),
        eventLoopBusy: performance.eventLoopUtilization(end.elu, start.elu).utilization,
        rssBytes: process.memoryUsage.rss(),
      },
    };
  }

  stop(): void {
    if (this.sampler) clearInterval(this.sampler);
    if (this.scraper) clearInterval(this.scraper);
  }
}
