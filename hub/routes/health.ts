/**
 * Health for desktops (/health) and for load balancers and orchestrators:
 * /health/live (the process answers; no database) and /health/ready (send
 * traffic here: the database answers, change notifications are heard, and
 * the hub is not stopping).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema, HealthSchema, type Health } from '@core/hub-api';
import { errorBody } from '../errors';
import { needsSetup } from '../setup';
import { version } from '../../package.json';

/** How long readiness waits for the database: a balancer's probe gives up after a few seconds. */
export const READY_DATABASE_TIMEOUT_MS = 2000;

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  const { storage, demo, lifecycle } = app.hub;
  // Once someone can sign in it stays so (credentials are never all removed): no query per poll from then on.
  let setUp = demo !== null;
  const setupNeeded = async () => {
    if (!setUp) setUp = !(await needsSetup(storage));
    return !setUp;
  };

  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: { summary: 'Whether the hub is up, and its storage and schema version', tags: ['Hub'], response: { 200: HealthSchema } },
    },
    async (): Promise<Health> => {
      const { schemaVersion, hubId, clock, startedAt } = app.hub;
      return {
        status: 'ok',
        service: 'agentdesk-hub',
        version,
        storage: storage.kind,
        schemaVersion,
        hubId,
        uptimeSeconds: Math.round((clock.now() - startedAt) / 1000),
        demo,
        setupNeeded: await setupNeeded(),
      };
    },
  );

  app.get(
    '/health/live',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Whether the hub process answers (asks nothing of the database): restart it if not',
        tags: ['Hub'],
        response: { 200: z.object({ status: z.literal('live') }) },
      },
    },
    async () => ({ status: 'live' as const }),
  );

  app.get(
    '/health/ready',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Whether to send this hub process traffic: 503, with the reason, while its database is away or it is stopping',
        tags: ['Hub'],
        response: { 200: z.object({ status: z.literal('ready') }), 503: ApiErrorSchema },
      },
    },
    async (_request, reply) => {
      const problem = lifecycle.draining
        ? errorBody(503, 'This hub process is stopping.', 'draining')
        : !storage.status().listening
          ? errorBody(503, 'The hub does not hear change notifications from its database just now (the LISTEN connection is being restored).', 'notifications_unavailable')
          : await databaseProblem();
      if (problem) return reply.code(503).send(problem);
      return { status: 'ready' as const };
    },
  );

  /** Null when the database answers in time; otherwise the 503's body (no connection details: this route is public). */
  async function databaseProblem() {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), READY_DATABASE_TIMEOUT_MS);
    });
    try {
      const outcome = await Promise.race([storage.query('SELECT 1').then(() => 'ok' as const, () => 'failed' as const), late]);
      if (outcome === 'ok') return null;
      return errorBody(
        503,
        outcome === 'late' ? `The database did not answer within ${READY_DATABASE_TIMEOUT_MS / 1000} s.` : 'The hub cannot reach its database.',
        'storage_unavailable',
      );
    } finally {
      clearTimeout(timer);
    }
  }
};
