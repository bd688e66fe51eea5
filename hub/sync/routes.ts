/** HTTP routes of sync (push, pull, pokes, on-demand scope) and of sign-in. */
import type { FastifyInstance } from 'fastify';
import {
  CustomerSearchQuerySchema,
  LoginRequestSchema,
  type CustomerSearchResponse,
  type LoginResponse,
  type MeResponse,
} from '@core/hub-api';
import { CustomerSchema } from '@core/domain/model';
import {
  PullQuerySchema,
  PushRequestSchema,
  ScopeRequestSchema,
  type EssentialsResponse,
  type PullResponse,
  type PushResponse,
} from '@core/sync/protocol';
import { authenticate, createSession, loadUser, SignInThrottle, verifyPassword } from '../auth';
import type { Clock } from '../clock';
import { HttpError } from '../errors';
import { OFFER_TRIGGERS, type OfferRouter } from '../routing';
import type { Storage } from '../storage';
import type { Pokes } from './events';
import { essentials } from './essentials';
import { pull } from './pull';
import { applyPush, validatePush, type PushHooks } from './push';
import { addToScope, lockForWrite } from './store';

export interface SyncRouteOptions {
  storage: Storage;
  clock: Clock;
  hubId: string;
  pokes: Pokes;
  /** Offer passes to run after pushes that change who can take work. */
  offers?: OfferRouter | null;
  pushHooks?: PushHooks;
}

/** A dummy hash so a sign-in for an unknown name costs as long as one for a known name. */
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$' + 'A'.repeat(86) + '==';

export function registerSyncRoutes(app: FastifyInstance, options: SyncRouteOptions): void {
  const { storage, clock, hubId, pokes } = options;
  const throttle = new SignInThrottle();

  app.post('/api/v1/auth/login', async (request): Promise<LoginResponse> => {
    const body = LoginRequestSchema.parse(request.body);
    throttle.check(body.username, clock.now());
    const rows = await storage.query<{ user_id: string; password_hash: string }>(
      'SELECT user_id, password_hash FROM credentials WHERE username = $1',
      [body.username],
    );
    const found = rows[0];
    const ok = await verifyPassword(body.password, found?.password_hash ?? DUMMY_HASH);
    const user = found && ok ? await loadUser(storage, found.user_id) : undefined;
    if (!user) {
      throttle.fail(body.username, clock.now());
      throw new HttpError(401, 'bad_credentials', 'Wrong user name or password.');
    }
    throttle.succeed(body.username);
    const session = await createSession(storage, user.id, request.headers['user-agent'], clock.now());
    return { token: session.token, expiresAt: session.expiresAt, user, hubId };
  });

  app.post('/api/v1/auth/logout', async (request) => {
    const session = await authenticate(storage, request, clock.now());
    await storage.query('DELETE FROM sessions WHERE token_hash = $1', [session.tokenHash]);
    return { ok: true };
  });

  app.get('/api/v1/auth/me', async (request): Promise<MeResponse> => {
    const session = await authenticate(storage, request, clock.now());
    return { user: session.user, hubId, expiresAt: session.expiresAt };
  });

  app.post('/sync/push', async (request): Promise<PushResponse> => {
    const session = await authenticate(storage, request, clock.now());
    const body = PushRequestSchema.parse(request.body);
    const mutations = validatePush(body);
    const { response, changed } = await applyPush(storage, session.user, body.clientId, mutations, { clock, ...(options.pushHooks ? { hooks: options.pushHooks } : {}) });
    if (changed) {
      // Before answering, so the desktop's next pull already sees the offers this push led to.
      if (options.offers && mutations.some((mutation) => OFFER_TRIGGERS.has(mutation.name))) await options.offers.request();
      await pokes.changed();
    }
    return response;
  });

  app.get('/sync/pull', async (request): Promise<PullResponse> => {
    const session = await authenticate(storage, request, clock.now());
    const query = PullQuerySchema.parse(request.query);
    return pull(storage, session.user, hubId, query);
  });

  app.get('/sync/essentials', async (request): Promise<EssentialsResponse> => {
    const session = await authenticate(storage, request, clock.now());
    return essentials(storage, session.user, hubId);
  });

  app.get('/sync/events', async (request, reply) => {
    await authenticate(storage, request, clock.now());
    pokes.open(request, reply);
  });

  /** Brings other customers' histories to this person's desktops (on demand, e.g. opened from a search). */
  app.post('/sync/scope', async (request) => {
    const session = await authenticate(storage, request, clock.now());
    const body = ScopeRequestSchema.parse(request.body);
    const added = await storage.transaction(async (tx) => {
      await lockForWrite(tx);
      const known = await tx.query<{ id: string }>(
        "SELECT id FROM entities WHERE entity = 'customer' AND NOT deleted AND id = ANY($1::text[])",
        [body.customerIds],
      );
      if (known.length !== new Set(body.customerIds).size) {
        const missing = body.customerIds.filter((id) => !known.some((row) => row.id === id));
        throw new HttpError(404, 'not_found', `No such customer: ${missing.join(', ')}`);
      }
      for (const id of body.customerIds) await addToScope(tx, [session.user.id], id);
      return known.length;
    });
    await pokes.changed();
    return { added };
  });

  /** Searches every customer on the hub (not only those on this desktop), by name, email or phone. */
  app.get('/api/v1/customers', async (request): Promise<CustomerSearchResponse> => {
    const session = await authenticate(storage, request, clock.now());
    const query = CustomerSearchQuerySchema.parse(request.query);
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
  });
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
