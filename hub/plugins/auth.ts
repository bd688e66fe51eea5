/**
 * Who is calling, on the request: every route declares who may call it in its
 * config (`access`), and this plugin authenticates before the body is read:
 * a person's bearer session for 'person', 'supervisor' and 'admin' routes, an
 * integration's API key for 'integration' routes, nobody for 'public' ones.
 * A route under /api or /sync that declares nothing does not start.
 */
import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import type { Role } from '@core/domain/model';
import { authenticateIntegration, explainApiKeyOnPersonRoutes, type ApiKeyIdentity } from '../api-keys';
import { authenticate, type Session } from '../auth';
import { HttpError } from '../errors';

export type Access = 'public' | 'person' | 'supervisor' | 'admin' | 'integration';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route. */
    access?: Access;
  }
  interface FastifyRequest {
    /** The signed-in person (routes for people). */
    session: Session | null;
    /** The integration behind the API key (routes for integrations). */
    integration: ApiKeyIdentity | null;
  }
}

const ROLES: Record<'person' | 'supervisor' | 'admin', readonly Role[]> = {
  person: ['agent', 'supervisor', 'admin'],
  supervisor: ['supervisor', 'admin'],
  admin: ['admin'],
};

/** The routes a person whose password must change may still call: who am I, sign out, change it. */
export const PASSWORD_CHANGE_ROUTES: ReadonlySet<string> = new Set(['/api/v1/auth/me', '/api/v1/auth/logout', '/api/v1/auth/password']);

const WHO: Record<'supervisor' | 'admin', string> = { supervisor: 'supervisors', admin: 'administrators' };

/** The signed-in person of a route for people (its access makes it present). */
export function sessionOf(request: FastifyRequest): Session {
  if (!request.session) throw new HttpError(401, 'unauthorized', 'Sign in first: this needs a bearer token.');
  return request.session;
}

export function integrationOf(request: FastifyRequest): ApiKeyIdentity {
  if (!request.integration) throw new HttpError(401, 'unauthorized', 'No API key.');
  return request.integration;
}

export const authPlugin = fp(
  async (app) => {
    app.decorateRequest('session', null);
    app.decorateRequest('integration', null);

    app.addHook('onRoute', (route) => {
      const url = route.url ?? route.path;
      if ((url.startsWith('/api/') || url.startsWith('/sync/')) && !route.config?.access) {
        throw new Error(`Route ${String(route.method)} ${url} does not say who may call it (config.access).`);
      }
    });

    app.addHook('onRequest', async (request) => {
      const access = request.routeOptions.config.access ?? 'public';
      if (access === 'public') return;
      const { storage, clock } = app.hub;
      if (access === 'integration') {
        request.integration = await authenticateIntegration(storage, request, clock.now());
        return;
      }
      const session = await authenticate(storage, request, clock.now());
      if (session.mustChangePassword && !PASSWORD_CHANGE_ROUTES.has(request.routeOptions.url ?? '')) {
        throw new HttpError(403, 'password_change_required', 'Choose a new password first: yours was set by an administrator for one use.');
      }
      if (!ROLES[access].includes(session.user.role)) {
        throw new HttpError(403, 'forbidden', `Only ${WHO[access as 'supervisor' | 'admin']} can do this.`);
      }
      request.session = session;
    });

    // A person's route refusing an integration's API key says so.
    app.addHook('onSend', async (request, reply, payload) => explainApiKeyOnPersonRoutes(app.hub.storage)(request, reply, payload));
  },
  { name: 'auth', dependencies: [] },
);
