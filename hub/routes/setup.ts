/** The first administrator of a hub started without demo data, created from the hub's own machine. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SetupRequestSchema } from '@core/account-api';
import { ApiErrorSchema, LoginResponseSchema, type LoginResponse } from '@core/hub-api';
import { createSession } from '../auth';
import { HttpError } from '../errors';
import { createFirstAdmin, isLoopbackAddress, needsSetup } from '../setup';
import { PUBLIC_ERRORS } from './schemas';
import { HUB_MESSAGES } from '../messages';

export const setupRoutes: FastifyPluginAsyncZod = async (app) => {
  const { storage, clock, hubId } = app.hub;

  app.post(
    '/api/v1/setup',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: {
        summary: 'Create the first administrator (a new hub, from its own machine only); signs them in and answers the hub\'s integration key once',
        tags: ['Account'],
        security: [],
        body: SetupRequestSchema,
        response: { 200: LoginResponseSchema, 403: ApiErrorSchema, 409: ApiErrorSchema, 422: ApiErrorSchema, ...PUBLIC_ERRORS },
      },
    },
    async (request): Promise<LoginResponse> => {
      if (!(await needsSetup(storage))) throw new HttpError(409, 'already_set_up', HUB_MESSAGES.alreadySetUp);
      if (!isLoopbackAddress(request.ip)) {
        throw new HttpError(403, 'forbidden', HUB_MESSAGES.setupOnHubMachine);
      }
      const { user, integrationKey } = await createFirstAdmin(storage, request.body, clock.now());
      const session = await createSession(storage, user.id, request.headers['user-agent'], clock.now());
      request.log.info({ userId: user.id }, 'first administrator created');
      return { token: session.token, expiresAt: session.expiresAt, user, hubId, integrationKey: { name: 'Default integration', key: integrationKey } };
    },
  );
};
