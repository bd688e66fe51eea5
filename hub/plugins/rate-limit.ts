/**
 * @fastify/rate-limit with its counts in the hub's database (table
 * rate_limits): a restart does not reset them and every hub process shares
 * them. Only routes that ask for a limit (config.rateLimit) get one.
 */
import fp from 'fastify-plugin';
import rateLimit, { type FastifyRateLimitStore, type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Clock } from '../clock';
import type { Queryable } from '../storage';
import { HUB_MESSAGES } from '../messages';
import { HttpError } from '../errors';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

function databaseStore(db: Queryable, clock: Clock, prefix = ''): FastifyRateLimitStoreCtor {
  return class DatabaseStore implements FastifyRateLimitStore {
    incr(key: string, callback: Callback, timeWindow: number): void {
      const now = clock.now();
      const fullKey = `${prefix}${key}`;
      db.query<{ count: number; reset_at: Date | string }>(
        `INSERT INTO rate_limits (key, count, reset_at) VALUES ($1, 1, $2)
         ON CONFLICT (key) DO UPDATE SET
           count = CASE WHEN rate_limits.reset_at <= $3 THEN 1 ELSE rate_limits.count + 1 END,
           reset_at = CASE WHEN rate_limits.reset_at <= $3 THEN $2 ELSE rate_limits.reset_at END
         RETURNING count, reset_at`,
        [fullKey, new Date(now + timeWindow).toISOString(), new Date(now).toISOString()],
      ).then(
        (rows) => callback(null, { current: Number(rows[0]!.count), ttl: Math.max(0, new Date(rows[0]!.reset_at).getTime() - now) }),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    // Each limited route counts on its own.
    child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      // The plugin passes the merged limit settings, with the route itself under routeInfo.
      const route = ((routeOptions as { routeInfo?: { method?: unknown; url?: string; path?: string } }).routeInfo ?? routeOptions);
      const Child = databaseStore(db, clock, `${String(route.method)} ${route.url ?? route.path} `);
      return new Child({});
    }
  };
}

/** Forgets windows that have ended. */
export async function purgeRateLimits(db: Queryable, now: number): Promise<void> {
  await db.query('DELETE FROM rate_limits WHERE reset_at <= $1', [new Date(now).toISOString()]);
}

export const rateLimits = fp(
  async (app) => {
    await app.register(rateLimit, {
      global: false,
      store: databaseStore(app.hub.storage, app.hub.clock),
      // In the error shape every other answer has.
      // Thrown, so the error handler answers it in the requester's language (Retry-After is already set).
      errorResponseBuilder: (_request, context) => new HttpError(429, 'too_many_requests', HUB_MESSAGES.tooManyRequests, { seconds: Math.max(1, Math.ceil(context.ttl / 1000)) }),
    });
  },
  { name: 'rate-limits' },
);
