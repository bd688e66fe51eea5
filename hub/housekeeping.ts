/**
 * What the hub forgets on its own, at start and then every hour: expired
 * sessions, failed sign-ins nobody added to for a day, rate-limit windows that
 * have ended.
 */
import { purgeExpiredSessions } from './auth';
import type { Clock } from './clock';
import { purgeRateLimits } from './plugins/rate-limit';
import { SignInThrottle } from './signin-throttle';
import type { Storage } from './storage';

export const HOUSEKEEPING_INTERVAL_MS = 3600_000;

export async function housekeeping(storage: Storage, now: number): Promise<{ sessions: number }> {
  const sessions = await purgeExpiredSessions(storage, now);
  await new SignInThrottle(storage).purge(now);
  await purgeRateLimits(storage, now);
  return { sessions };
}

/** Runs housekeeping now and every hour; failures are reported and tried again next time. */
export function startHousekeeping(storage: Storage, clock: Clock, onError: (error: unknown) => void): () => void {
  const run = () => void housekeeping(storage, clock.now()).catch(onError);
  run();
  const timer = setInterval(run, HOUSEKEEPING_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
