/**
 * Readings taken from outside the hub's code: CPU time and memory of
 * processes from /proc (Linux), the machine's CPU, and the hub's /metrics
 * (Prometheus text) when it has one.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

let ticksPerSecond: number | null = null;

/** Clock ticks per second of /proc CPU times (USER_HZ). */
export function clockTicks(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** User + system CPU seconds a process has used; null when it cannot be read. */
export function processCpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after "pid (comm) ": state is the first; utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicks();
  } catch {
    return null;
  }
}

/** Resident memory now and at its peak, in bytes; null when it cannot be read. */
export function processMemory(pid: number): { rss: number; peak: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return null;
  }
}

/** CPU seconds of every process named `name` (e.g. every PostgreSQL backend), by pid. */
export function cpuByName(name: string): Map<number, number> {
  const found = new Map<number, number>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return found;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== name) continue;
      const seconds = processCpuSeconds(Number(entry));
      if (seconds !== null) found.set(Number(entry), seconds);
    } catch {
      // Gone meanwhile.
    }
  }
  return found;
}

/**
 * CPU seconds used between two readings of cpuByName: processes present in
 * both count their difference, new ones all they used (they started inside).
 * Processes that ended meanwhile are missed.
 */
export function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
}

/** The whole machine's busy and total CPU time from /proc/stat, in ticks. */
export function machineCpu(): { busy: number; total: number } | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const values = line.trim().split(/\s+/).slice(1).map(Number);
    const total = values.reduce((sum, value) => sum + value, 0);
    const idle = (values[3] ?? 0) + (values[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/** The hub's /metrics: its text when it answers 200, and the status it answered (null: no answer). */
export async function scrapeMetrics(url: string): Promise<{ status: number | null; text: string | null }> {
  try {
    const response = await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(5000) });
    if (response.status !== 200) {
      await response.body?.cancel();
      return { status: response.status, text: null };
    }
    return { status: 200, text: await response.text() };
  } catch {
    return { status: null, text: null };
  }
}

/** Every sample of a metric (all label sets), or null when the text has none. */
export function metricValues(text: string | null, name: string): number[] | null {
  if (text === null) return null;
  const values: number[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const rest = line.slice(name.length);
    if (rest[0] !== ' ' && rest[0] !== '{') continue;
    const value = Number(rest.slice(rest[0] === '{' ? rest.lastIndexOf('}') + 1 : 0).trim().split(/\s+/)[0]);
    if (Number.isFinite(value)) values.push(value);
  }
  return values.length ? values : null;
}

/** A counter summed over its label sets (null when absent). */
export function metricSum(text: string | null, name: string): number | null {
  const values = metricValues(text, name);
  return values ? values.reduce((sum, value) => sum + value, 0) : null;
}

/** A gauge averaged over its label sets (null when absent). */
export function metricMean(text: string | null, name: string): number | null {
  const values = metricValues(text, name);
  return values ? values.reduce((sum, value) => sum + value, 0) / values.length : null;
}
