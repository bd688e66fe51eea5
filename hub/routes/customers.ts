/** Customers beyond this desktop's cache: search every customer on the hub, and bring one's history into scope. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CustomerSchema } from '@core/domain/model';
import { CustomerSearchQuerySchema, CustomerSearchResponseSchema, type CustomerSearchResponse } from '@core/hub-api';
import { HistoryRequestSchema, HistoryResponseSchema, ScopeRequestSchema } from '@core/sync/protocol';
import { HttpError } from '../errors';
import { sessionOf } from '../plugins/auth';
import { customerHistory } from '../sync/history';
import { addToScope, writeTransaction } from '../sync/store';
import { PERSON_ERRORS, plainJson } from './schemas';

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

export const customerRoutes: FastifyPluginAsyncZod = async (app) => {
  const { storage, hubId } = app.hub;

  app.get(
    '/api/v1/customers',
    {
      config: { access: 'person' },
      schema: {
        summary: 'Search every customer on the hub by name, email or phone',
        tags: ['Customers'],
        security: [{ session: [] }],
        querystring: CustomerSearchQuerySchema,
        response: { 200: CustomerSearchResponseSchema, ...PERSON_ERRORS },
      },
    },
    async (request): Promise<CustomerSearchResponse> => {
      const session = sessionOf(request);
      const query = request.query;
      const term = query.q.toLowerCase();
      const digits = term.replace(/[^\d]/g, '');
      const rows = await storage.query<{ data: unknown; in_scope: boolean }>(
        `SELECT e.data, (s.user_id IS NOT NULL) AS in_scope
           FROM entities e
           LEFT JOIN user_scope s ON s.customer_id = e.id AND s.user_id = $4
          WHERE e.entity = 'customer' AND NOT e.deleted AND (
                lower(e.data->>'firstName' || ' ' || (e.data->>'lastName')) LIKE $1
             OR lower(e.data->>'lastName') LIKE $1
             OR lower(e.data->>'emails') LIKE $1
             OR ($2 <> '' AND e.data->>'phones' LIKE $3))
          ORDER BY e.data->>'lastName', e.data->>'firstName'
          LIMIT $5`,
        [`%${escapeLike(term)}%`, digits, `%${escapeLike(digits)}%`, session.user.id, query.limit],
      );
      return { customers: rows.map((row) => ({ customer: CustomerSchema.parse(row.data), inScope: row.in_scope })) };
    },
  );

  /** Brings other customers' histories to this person's desktops (on demand, e.g. opened from a search). */
  app.post(
    '/sync/scope',
    {
      config: { access: 'person' },
      schema: {
        summary: "Bring customers' whole histories to this person's desktops",
        tags: ['Sync'],
        security: [{ session: [] }],
        body: ScopeRequestSchema,
        response: { 200: z.object({ added: z.number().int() }), 404: PERSON_ERRORS[400], ...PERSON_ERRORS },
      },
    },
    async (request) => {
      const session = sessionOf(request);
      const { customerIds } = request.body;
      const added = await writeTransaction(storage, async (tx) => {
        const known = await tx.query<{ id: string }>("SELECT id FROM entities WHERE entity = 'customer' AND NOT deleted AND id = ANY($1::text[])", [customerIds]);
        if (known.length !== new Set(customerIds).size) {
          const missing = customerIds.filter((id) => !known.some((row) => row.id === id));
          throw new HttpError(404, 'not_found', `No such customer: ${missing.join(', ')}`);
        }
        for (const id of customerIds) await addToScope(tx, [session.user.id], id);
        return known.length;
      });
      return { added };
    },
  );

  /** A desktop that evicted customers' older history to stay within its cache budget fetches it back when they are opened. */
  app.post(
    '/sync/history',
    {
      config: { access: 'person' },
      serializerCompiler: plainJson,
      schema: {
        summary: "Every row of customers in this person's scope, for a desktop that evicted their history",
        description:
          'Answers the rows as pull sends them (with their versions) as of `head`. A desktop writes a row only when it is newer than its copy and has no change of its own pending; one that has applied changes past `head` asks again.',
        tags: ['Sync'],
        security: [{ session: [] }],
        body: HistoryRequestSchema,
        response: { 200: HistoryResponseSchema, 404: PERSON_ERRORS[400], ...PERSON_ERRORS },
      },
    },
    async (request) => customerHistory(storage, sessionOf(request).user, hubId, request.body.customerIds),
  );
};
