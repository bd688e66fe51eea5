/**
 * What the hub counts from its answers (hub/metrics.ts): every request's
 * route, status and duration, and for pull, push and ingestion what their
 * answers say, so the routes carry no instrumentation of their own.
 */
import fp from 'fastify-plugin';
import type { PullResponse } from '@core/sync/protocol';

export const metricsPlugin = fp(
  async (app) => {
    const { metrics } = app.hub;

    app.addHook('preSerialization', async (request, reply, payload) => {
      if (request.routeOptions.url === '/sync/pull' && reply.statusCode === 200) metrics.pulled(payload as PullResponse);
      return payload;
    });

    // The page's JSON as serialized, before compression (registered ahead of it): what the hub built and the desktop will parse.
    app.addHook('onSend', async (request, reply, payload) => {
      if (request.routeOptions.url === '/sync/pull' && reply.statusCode === 200 && typeof payload === 'string') metrics.pulledBytes(Buffer.byteLength(payload));
      return payload;
    });

    app.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url;
      const status = reply.statusCode;
      // A scrape is not traffic; an open event stream lasts as long as the desktop is online (agentdesk_event_streams_open counts them).
      if (route === '/metrics' || (route === '/sync/events' && status === 200)) return;
      const seconds = reply.elapsedTime / 1000;
      // Unmatched URLs share one series: a scanner's paths must not each make one.
      metrics.request(request.method, route ?? 'unmatched', status, seconds);
      if (route === '/sync/push' && status === 200) metrics.pushed(seconds);
      if (route === '/api/v1/contacts' && (status === 200 || status === 201)) metrics.contactIngested(status === 201);
    });
  },
  { name: 'metrics' },
);
