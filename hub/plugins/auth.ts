/**
 * Who is calling, on the request: every route declares who may call it in its
 * config (`access`), and this plugin authenticates before the body is read:
 * a person's bearer session for 'person', 'supervisor' and 'admin' routes, an
 * integration's API key for 'integration' routes, nobody for 'public' ones,
 * and for 'monitoring' (/metrics) a request from this machine that no proxy
 * forwarded, the metrics token, or an administrator.
 * A route under /api or /sync that declares nothing does not start.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import type { Role } from '@core/domain/model';
import { authenticateIntegration, explainApiKeyOnPersonRoutes, type ApiKeyIdentity } from '../api-keys';
import { authenticate, type Session } from '../auth';
import { HttpError } from '../errors';
import { isLoopbackAddress } from '../setup';
import type { Queryable } from '../storage';
import { hostNameOf, isLoopbackName } from './host-check';

export type Access = 'public' | 'person' | 'supervisor' | 'admin' | 'integration' | 'monitoring';

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

/** Headers a reverse proxy adds: a request carrying one came from elsewhere, whatever its socket says. */
const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-host', 'x-real-ip'];

/**
 * A request from a program on the hub's own machine (a local Prometheus, a
 * load generator): a loopback peer, addressed to a loopback host, with no
 * forwarding header. A reverse proxy on the same machine also connects from
 * loopback, but keeps the public Host (README) or adds a forwarding header.
 */
export function fromThisMachine(request: FastifyRequest): boolean {
  if (!isLoopbackAddress(request.ip)) return false;
  if (FORWARDING_HEADERS.some((name) => request.headers[name] !== undefined)) return false;
  const host = hostNameOf(request.headers.host);
  return host !== null && (isLoopbackName(host) || isLoopbackAddress(host));
}

const digest = (text: string) => createHash('sha256').update(text).digest();

function bearsToken(request: FastifyRequest, token: string | null): boolean {
  const given = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
  // Compared as digests: equal lengths, and the time taken says nothing about the token.
  return !!token && !!given && timingSafeEqual(digest(given), digest(token));
}

const MONITORING_CREDENTIALS =
  'Reading /metrics from another machine needs the metrics token (AGENTDESK_METRICS_TOKEN) or an administrator\'s sign-in token as a bearer token.';

/** 'monitoring' routes: this machine, the metrics token, or a signed-in administrator. */
async function authenticateMonitoring(request: FastifyRequest, storage: Queryable, token: string | null, now: number): Promise<Session | null> {
  if (fromThisMachine(request) || bearsToken(request, token)) return null;
  if (!request.headers.authorization) throw new HttpError(401, 'unauthorized', MONITORING_CREDENTIALS);
  let session: Session;
  try {
    session = await authenticate(storage, request, now);
  } catch (error) {
    if (error instanceof HttpError && error.statusCode === 401) throw new HttpError(401, 'unauthorized', MONITORING_CREDENTIALS);
    throw error;
  }
  if (session.user.role !== 'admin' || session.mustChangePassword) throw new HttpError(403, 'forbidden', MONITORING_CREDENTIALS);
  return session;
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
      if (access === 'monitoring') {
        request.session = await authenticateMonitoring(request, storage, app.hub.metricsToken, clock.now());
        return;
      }
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
