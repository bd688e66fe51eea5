/** What only administrators do on the hub itself: integration keys (made, rotated, revoked; a key is shown once). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreatedIntegrationKeySchema,
  CreateIntegrationKeyRequestSchema,
  IntegrationKeyParamsSchema,
  IntegrationKeysResponseSchema,
  RevokedResponseSchema,
} from '@core/account-api';
import { ApiErrorSchema } from '@core/hub-api';
import { createIntegrationKey, listIntegrationKeys, revokeIntegrationKey } from '../api-keys';
import { HttpError } from '../errors';
import { PERSON_ERRORS } from './schemas';

export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  const { storage, clock } = app.hub;
  const security = [{ session: [] }];

  app.get(
    '/api/v1/admin/integration-keys',
    {
      config: { access: 'admin' },
      schema: { summary: 'The active integration keys (names and use, never the keys)', tags: ['Administration'], security, response: { 200: IntegrationKeysResponseSchema, ...PERSON_ERRORS } },
    },
    async () => ({ keys: await listIntegrationKeys(storage) }),
  );

  app.post(
    '/api/v1/admin/integration-keys',
    {
      config: { access: 'admin' },
      schema: {
        summary: 'Make an integration key (a key under the same name is revoked: rotation); the key is answered this once',
        tags: ['Administration'],
        security,
        body: CreateIntegrationKeyRequestSchema,
        response: { 200: CreatedIntegrationKeySchema, ...PERSON_ERRORS },
      },
    },
    async (request) => {
      const key = await createIntegrationKey(storage, request.body.name, clock.now());
      request.log.info({ keyName: request.body.name, by: request.session?.user.id }, 'integration key made');
      return { name: request.body.name, key };
    },
  );

  app.delete(
    '/api/v1/admin/integration-keys/:name',
    {
      config: { access: 'admin' },
      schema: {
        summary: 'Revoke an integration key: the integration using it is refused from now on',
        tags: ['Administration'],
        security,
        params: IntegrationKeyParamsSchema,
        response: { 200: RevokedResponseSchema, 404: ApiErrorSchema, ...PERSON_ERRORS },
      },
    },
    async (request) => {
      if (!(await revokeIntegrationKey(storage, request.params.name, clock.now()))) throw new HttpError(404, 'not_found', `No active key is named "${request.params.name}".`);
      request.log.info({ keyName: request.params.name, by: request.session?.user.id }, 'integration key revoked');
      return { revoked: 1 };
    },
  );
};
