import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cors from '@fastify/cors';
import fastifyStatic from '@fastify/static';
import { buildCsp } from '@core/csp';
import type { Health } from '@core/hub-api';
import { explainApiKeyOnPersonRoutes } from './api-keys';
import { errorBody, installErrorHandling } from './errors';
import { registerIngestRoutes } from './ingest';
import { registerApiDocs } from './openapi';
import type { Clock } from './clock';
import type { OfferRouter } from './routing';
import type { Storage } from './storage';
import type { Pokes } from './sync/events';
import type { PushHooks } from './sync/push';
import { registerSyncRoutes } from './sync/routes';
import { version } from '../package.json';

export interface HubContext {
  storage: Storage;
  schemaVersion: number;
  hubId: string;
  clock: Clock;
  startedAt: number;
  /** The demo data set loaded into this hub, if any. */
  demo: 'small' | 'medium' | 'large' | null;
  pokes: Pokes;
  /** Offers waiting contacts to available agents; null or missing: no offers. */
  offers?: OfferRouter | null;
  /** Test instrumentation for push (fault injection). */
  pushHooks?: PushHooks;
}

export interface AppOptions {
  context: HubContext;
  /** The built renderer to serve (serve mode); null or missing serves the API only. */
  rendererDir?: string | null;
  /** Cross-origin callers allowed to use the API, e.g. the desktop renderer's app://agentdesk. */
  allowedOrigins: readonly string[];
  logger?: boolean;
  /** Largest accepted request body in bytes. */
  bodyLimit?: number;
}

/** Paths the hub answers itself; everything else (GET, HTML) is the single-page renderer. */
const API_PREFIXES = ['/api/', '/sync/', '/health'];

function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': buildCsp(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: 'info' } : false,
    bodyLimit: options.bodyLimit ?? 4 * 1024 * 1024,
    // Never trust client-supplied forwarding headers unless deployed behind a proxy that sets them.
    trustProxy: false,
  });
  installErrorHandling(app);

  const allowed = new Set(options.allowedOrigins);
  await app.register(cors, {
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Last-Event-ID'],
    maxAge: 600,
  });

  const { context } = options;
  // API answers are personal and live: never cached by browsers or proxies.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/sync/') || request.url.startsWith('/api/')) void reply.header('Cache-Control', 'no-store');
    return payload;
  });
  app.get('/health', async (): Promise<Health> => ({
    status: 'ok',
    service: 'agentdesk-hub',
    version,
    storage: context.storage.kind,
    schemaVersion: context.schemaVersion,
    hubId: context.hubId,
    uptimeSeconds: Math.round((context.clock.now() - context.startedAt) / 1000),
    demo: context.demo,
  }));

  const offers = context.offers ?? null;
  registerSyncRoutes(app, { storage: context.storage, clock: context.clock, hubId: context.hubId, pokes: context.pokes, offers, ...(context.pushHooks ? { pushHooks: context.pushHooks } : {}) });
  registerIngestRoutes(app, { storage: context.storage, clock: context.clock, pokes: context.pokes, offers });
  registerApiDocs(app);
  // A person's route refusing an integration's API key says so.
  app.addHook('onSend', explainApiKeyOnPersonRoutes(context.storage));
  // Open event streams would keep the server from closing; a running offer pass must end before the database closes.
  app.addHook('preClose', async () => {
    await offers?.stop();
    await context.pokes.close();
  });

  const rendererDir = options.rendererDir;
  const serveRenderer = !!rendererDir && existsSync(path.join(rendererDir, 'index.html'));
  if (serveRenderer) {
    const headers = securityHeaders();
    await app.register(fastifyStatic, {
      root: rendererDir,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      setHeaders(reply, filePath) {
        void reply.headers(headers);
        // Vite fingerprints everything under assets/; the page itself must always be revalidated.
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        void reply.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const url = request.url;
    const isApi = API_PREFIXES.some((prefix) => url === prefix.replace(/\/$/, '') || url.startsWith(prefix));
    const wantsPage = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    if (serveRenderer && wantsPage && !isApi) {
      // Client-side routes (/queue, /customer?phone=…) all load the single page.
      return reply.headers(securityHeaders()).header('Cache-Control', 'no-cache').sendFile('index.html');
    }
    return reply.code(404).send(errorBody(404, `No route for ${request.method} ${url.split('?')[0] ?? url}`));
  });

  return app;
}
