import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HealthSchema, type Health } from '@core/hub-api';
import { needsSetup } from '../setup';
import { version } from '../../package.json';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: { summary: 'Whether the hub is up, and its storage and schema version', tags: ['Hub'], response: { 200: HealthSchema } },
    },
    async (): Promise<Health> => {
      const { storage, schemaVersion, hubId, clock, startedAt, demo } = app.hub;
      return {
        status: 'ok',
        service: 'agentdesk-hub',
        version,
        storage: storage.kind,
        schemaVersion,
        hubId,
        uptimeSeconds: Math.round((clock.now() - startedAt) / 1000),
        demo,
        setupNeeded: demo === null && (await needsSetup(storage)),
      };
    },
  );
};
