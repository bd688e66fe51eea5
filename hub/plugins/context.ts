/**
 * What every route of the hub needs (storage, event streams, offers, the clock),
 * decorated on the Fastify instance once, so route plugins take it from
 * `app.hub` instead of each being handed its own copy.
 */
import type { Clock } from '../clock';
import type { HubMetrics } from '../metrics';
import type { OfferRouter } from '../routing';
import type { Storage } from '../storage';
import type { ChangeStreams } from '../sync/events';
import type { PushHooks } from '../sync/push';

export interface HubContext {
  storage: Storage;
  schemaVersion: number;
  hubId: string;
  clock: Clock;
  startedAt: number;
  /** The demo data set loaded into this hub, if any. */
  demo: 'small' | 'medium' | 'large' | null;
  streams: ChangeStreams;
  /** Offers waiting contacts to available agents; null or missing: no offers. */
  offers?: OfferRouter | null;
  /** Instrumentation for push: metrics, and fault injection in tests. */
  pushHooks?: PushHooks;
  metrics: HubMetrics;
  /** A bearer token that may read /metrics from anywhere (AGENTDESK_METRICS_TOKEN); null: none. */
  metricsToken: string | null;
  lifecycle: HubLifecycle;
}

export interface HubLifecycle {
  /** The hub has begun to stop: readiness answers 503 and no new event stream is opened. */
  draining: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    hub: HubContext;
  }
}
