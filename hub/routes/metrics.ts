/** GET /metrics: the hub's metrics for Prometheus (hub/metrics.ts); who may read them: 'monitoring' in hub/plugins/auth.ts. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const metricsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { metrics } = app.hub;
  app.get(
    '/metrics',
    {
      config: { access: 'monitoring' },
      // For Prometheus, not integrators: described in docs/operations.md, not in the API document.
      schema: { hide: true },
    },
    async (_request, reply) => {
      void reply.header('content-type', metrics.contentType);
      return metrics.text();
    },
  );
};
