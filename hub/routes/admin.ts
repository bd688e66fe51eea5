/**
 * What only administrators do on the hub itself: integration keys (made,
 * rotated, revoked; a key is shown once) and one-time passwords for people
 * (passwords never travel as synced mutations).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreatedIntegrationKeySchema,
  CreateIntegrationKeyRequestSchema,
  IntegrationKeyParamsSchema,
  IntegrationKeysResponseSchema,
  OneTimePasswordResponseSchema,
  PersonParamsSchema,
  RevokedResponseSchema,
} from '@core/account-api';
import { ApiErrorSchema } from '@core/hub-api';
import { createIntegrationKey, listIntegrationKeys, revokeIntegrationKey } from '../api-keys';
import { loadUser } from '../auth';
import { HttpError } from '../errors';
import { hashPassword, oneTimePassword } from '../passwords';
import { PERSON_ERRORS } from './schemas';
import { HUB_MESSAGES } from '../messages';

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
      if (!(await revokeIntegrationKey(storage, request.params.name, clock.now()))) throw new HttpError(404, 'not_found', HUB_MESSAGES.noSuchKey, { name: request.params.name });
      request.log.info({ keyName: request.params.name, by: request.session?.user.id }, 'integration key revoked');
      return { revoked: 1 };
    },
  );

  app.post(
    '/api/v1/admin/people/:userId/password',
    {
      config: { access: 'admin', rateLimit: { max: 30, timeWindow: 60_000 } },
      schema: {
        summary: 'Give a person a new one-time password (answered this once); they choose their own at their next sign-in, and their sessions are signed out',
        tags: ['Administration'],
        security,
        params: PersonParamsSchema,
        response: { 200: OneTimePasswordResponseSchema, 404: ApiErrorSchema, ...PERSON_ERRORS },
      },
    },
    async (request) => {
      const user = await loadUser(storage, request.params.userId);
      if (!user) throw new HttpError(404, 'not_found', HUB_MESSAGES.noSuchPerson);
      const password = oneTimePassword(user.username);
      const hash = await hashPassword(password);
      const at = new Date(clock.now()).toISOString();
      const signedOut = await storage.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO credentials (user_id, username, password_hash, must_change, updated_at) VALUES ($1, $2, $3, true, $4)
           ON CONFLICT (user_id) DO UPDATE SET password_hash = EXCLUDED.password_hash, must_change = true, updated_at = EXCLUDED.updated_at`,
          [user.id, user.username, hash, at],
        );
        return tx.query<{ id: string }>('DELETE FROM sessions WHERE user_id = $1 RETURNING id', [user.id]);
      });
      request.log.info({ userId: user.id, by: request.session?.user.id }, 'one-time password set');
      return { userId: user.id, username: user.username, password, signedOut: signedOut.length };
    },
  );
};
