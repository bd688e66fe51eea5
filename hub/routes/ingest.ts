/** POST /api/v1/contacts: integrations (telephony, chat, email, social gateways) hand in inbound contacts. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiErrorSchema, IngestContactRequestSchema, IngestContactResponseSchema, type IngestContactResponse } from '@core/hub-api';
import { HttpError } from '../errors';
import { INGEST_BODY_LIMIT, ingestContact } from '../ingest';
import { integrationOf } from '../plugins/auth';
import { getRow } from '../sync/store';

export const ingestRoutes: FastifyPluginAsyncZod = async (app) => {
  const { storage, clock } = app.hub;
  const offers = app.hub.offers ?? null;

  app.post(
    '/api/v1/contacts',
    {
      bodyLimit: INGEST_BODY_LIMIT,
      config: { access: 'integration' },
      // Before the body is read (after the key was checked): say what to send.
      onRequest: async (request) => {
        const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
        if (type !== 'application/json') {
          throw new HttpError(415, 'unsupported_media_type', `Send the contact as JSON with "Content-Type: application/json"${type ? `, not ${type}` : ''}.`);
        }
      },
      schema: {
        operationId: 'ingestContact',
        summary: 'Post an inbound contact',
        description:
          'Matches the sender to a customer (by phone, email or social handle) or creates one, records the contact, queues it (by channel and topic) and offers it to the longest-idle available agent who can take it. A human-readable guide is at /api/docs.',
        tags: ['Ingestion'],
        security: [{ integrationKey: [] }],
        body: IngestContactRequestSchema,
        response: {
          201: IngestContactResponseSchema.describe('The contact was recorded and queued.'),
          200: IngestContactResponseSchema.describe('This externalId was posted before: the answer names the contact it created, and nothing new was written.'),
          400: ApiErrorSchema,
          401: ApiErrorSchema,
          413: ApiErrorSchema,
          415: ApiErrorSchema,
          422: ApiErrorSchema,
          503: ApiErrorSchema,
        },
      },
    },
    async (request, reply): Promise<IngestContactResponse> => {
      const integration = integrationOf(request);
      const outcome = await ingestContact(storage, request.body, { now: clock.now(), source: integration.name, log: request.log });
      if (outcome.itemId === null) {
        void reply.code(200);
        return outcome.response;
      }
      let offeredTo: string | null = null;
      if (offers) {
        await offers.request();
        offeredTo = (await getRow(storage, 'queueItem', outcome.itemId))?.offeredTo ?? null;
      }
      void reply.code(201);
      return { ...outcome.response, offeredTo };
    },
  );
};
