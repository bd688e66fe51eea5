/** Sync: push a desktop's mutations, pull the rows that changed in its person's scope, essentials first, and the event stream of changes. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EssentialsResponseSchema, EventsQuerySchema, PullQuerySchema, PullResponseSchema, PushRequestSchema, PushResponseSchema } from '@core/sync/protocol';
import { sessionOf } from '../plugins/auth';
import { OFFER_TRIGGERS } from '../routing';
import { essentials } from '../sync/essentials';
import { pull } from '../sync/pull';
import { applyPush, validatePush } from '../sync/push';
import { PERSON_ERRORS, plainJson } from './schemas';

export const syncRoutes: FastifyPluginAsyncZod = async (app) => {
  const { storage, clock, hubId, streams } = app.hub;
  const offers = app.hub.offers ?? null;
  const security = [{ session: [] }];

  app.post(
    '/sync/push',
    {
      config: { access: 'person' },
      schema: {
        summary: "Push a desktop's changes (exactly once, in order)",
        description: 'A push is applied in one transaction with the desktop\'s last mutation id: a retried push is answered from the stored results. A change the rules refuse is recorded as rejected, with a code and a message, and the others still apply.',
        tags: ['Sync'],
        security,
        body: PushRequestSchema,
        response: { 200: PushResponseSchema, 409: PERSON_ERRORS[400], ...PERSON_ERRORS },
      },
    },
    async (request) => {
      const session = sessionOf(request);
      const body = request.body;
      const mutations = validatePush(body);
      const { response, changed } = await applyPush(storage, session.user, body.clientId, mutations, { clock, log: request.log, ...(app.hub.pushHooks ? { hooks: app.hub.pushHooks } : {}) });
      // Before answering, so the desktop's next pull already sees the offers this push led to.
      if (changed && offers && mutations.some((mutation) => OFFER_TRIGGERS.has(mutation.name))) await offers.request();
      return response;
    },
  );

  app.get(
    '/sync/pull',
    {
      config: { access: 'person' },
      serializerCompiler: plainJson,
      schema: {
        summary: "The rows that changed in this person's scope since a cursor, a page at a time",
        tags: ['Sync'],
        security,
        querystring: PullQuerySchema,
        response: { 200: PullResponseSchema, ...PERSON_ERRORS },
      },
    },
    async (request) => pull(storage, sessionOf(request).user, hubId, request.query),
  );

  app.get(
    '/sync/essentials',
    {
      config: { access: 'person' },
      serializerCompiler: plainJson,
      schema: {
        summary: 'What a person needs to start working, sent first on a new device',
        tags: ['Sync'],
        security,
        response: { 200: EssentialsResponseSchema, ...PERSON_ERRORS },
      },
    },
    async (request) => essentials(storage, sessionOf(request).user, hubId),
  );

  app.get(
    '/sync/events',
    {
      config: { access: 'person' },
      schema: {
        summary: "Server-sent events: what changes in this person's scope, as it happens",
        description:
          'With `changes=1`, a `changes` event carries the rows of every version in (after, to] in the person\'s scope: a desktop whose cursor is at least `after` applies them and moves its cursor to `to`, any other pulls. A `poke` asks for a pull (a person who gained customers, a very large change, a gap the hub cannot vouch for). Without `changes=1` every change is a poke.',
        tags: ['Sync'],
        security,
        querystring: EventsQuerySchema,
        response: { 200: z.string().describe('text/event-stream'), ...PERSON_ERRORS },
      },
    },
    async (request, reply) => {
      streams.open(request, reply, sessionOf(request).user.id, request.query.changes === '1');
    },
  );
};
