/**
 * The hub as Fastify plugins: the host check and security headers on every
 * request, errors in one shape, metrics, who is calling on the request (each
 * route declares who may call it), the OpenAPI document generated from the
 * routes' zod schemas, then the routes by area, and in serve mode the
 * workstation.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { randomUUID } from 'node:crypto';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import compress from '@fastify/compress';
import cors from '@fastify/cors';
import fastifyStatic from '@fastify/static';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { isHubPath } from '@core/hub-paths';
import { localisedBody } from './errors';
import { REDACTED_PATHS } from './logging';
import { apiDocs } from './openapi';
import { authPlugin } from './plugins/auth';
import type { HubContext } from './plugins/context';
import { drainPlugin } from './plugins/drain';
import { errorsPlugin } from './plugins/errors';
import { localePlugin } from './plugins/locale';
import { hostCheck } from './plugins/host-check';
import { metricsPlugin } from './plugins/metrics';
import { rateLimits } from './plugins/rate-limit';
import { pageHeaders, securityHeaders } from './plugins/security-headers';
import { adminRoutes } from './routes/admin';
import { authRoutes } from './routes/auth';
import { customerRoutes } from './routes/customers';
import { healthRoutes } from './routes/health';
import { ingestRoutes } from './routes/ingest';
import { metricsRoutes } from './routes/metrics';
import { setupRoutes } from './routes/setup';
import { syncRoutes } from './routes/sync';
import { registerUpdateFeed } from './plugins/update-feed';
import { HUB_MESSAGES } from './messages';

export type { HubContext } from './plugins/context';

export interface AppOptions {
  context: HubContext;
  /** The built renderer to serve (serve mode); null or missing serves the API only. */
  rendererDir?: string | null;
  /** The desktop update feed served at /updates/ (AGENTDESK_UPDATES_DIR); null or missing serves none. */
  updatesDir?: string | null;
  /** Cross-origin callers allowed to use the API, e.g. the desktop renderer's app://agentdesk. */
  allowedOrigins: readonly string[];
  /** Public URLs the hub is reached at besides loopback and IP addresses (the Host check). */
  publicUrls?: readonly string[];
  /** The hub's log (see logging.ts); true logs to stdout, false or missing logs nothing. */
  logger?: boolean | FastifyBaseLogger;
  /** Largest accepted request body in bytes. */
  bodyLimit?: number;
}

/**
 * Validates with the route's zod schema and hands a ZodError to the error
 * handler, which answers 400 naming each wrong field the way the rest of the
 * hub does.
 */
const zodValidator: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data);
    return result.success ? { value: result.data } : { error: result.error };
  };

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(typeof options.logger === 'object' ? { loggerInstance: options.logger } : { logger: options.logger ? { level: 'info', redact: REDACTED_PATHS } : false }),
    // Each request's id is in every line it logs and in its answer's X-Request-Id, so a report can be traced.
    genReqId: () => randomUUID(),
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    bodyLimit: options.bodyLimit ?? 4 * 1024 * 1024,
    // Never trust client-supplied forwarding headers unless deployed behind a proxy that sets them.
    trustProxy: false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(zodValidator);
  // Answers are built from rows the hub validated; their schemas describe them in the OpenAPI document.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.decorate('hub', options.context);
  app.addHook('onSend', async (request, reply, payload) => {
    void reply.header('X-Request-Id', request.id);
    return payload;
  });

  await app.register(localePlugin);
  await app.register(hostCheck, { publicUrls: options.publicUrls ?? [] });
  await app.register(errorsPlugin);
  await app.register(securityHeaders);
  const allowed = new Set(options.allowedOrigins);
  await app.register(cors, {
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Last-Event-ID'],
    maxAge: 600,
  });
  // Before who-is-calling: a request refused because the hub is stopping asks nothing of the database.
  await app.register(drainPlugin);
  await app.register(metricsPlugin);
  // Pull pages and the workstation's scripts are JSON and text that shrink five- to tenfold; event streams are
  // hijacked and never pass through here. Fast levels: the hub's CPU is worth more than the last few per cent.
  await app.register(compress, {
    encodings: ['br', 'gzip'],
    threshold: 1024,
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 5 },
  });
  await app.register(authPlugin);
  await app.register(rateLimits);
  await app.register(apiDocs);
  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(setupRoutes);
  await app.register(adminRoutes);
  await app.register(syncRoutes);
  await app.register(customerRoutes);
  await app.register(ingestRoutes);
  await app.register(metricsRoutes);

  const { offers, streams } = options.context;
  // Open event streams would keep the server from closing; a running offer pass must end before the database closes.
  app.addHook('preClose', async () => {
    // Streams end first: a running offer pass may be waiting for the write lock held by a request in flight,
    // and that request ends only after this hook.
    const offersStopped = offers?.stop();
    await streams.close();
    await offersStopped;
  });

  if (options.updatesDir) await registerUpdateFeed(app, options.updatesDir);

  const rendererDir = options.rendererDir;
  const serveRenderer = !!rendererDir && existsSync(path.join(rendererDir, 'index.html'));
  if (serveRenderer) {
    const headers = pageHeaders();
    await app.register(fastifyStatic, {
      root: rendererDir,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      setHeaders(reply, filePath) {
        void reply.headers(headers);
        // Vite fingerprints everything under assets/; the page, the service worker (sw.js, workbox-*.js) and the
        // manifest must always be revalidated, or a browser would not see a new build for a day.
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        void reply.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const url = request.url;
    // The hub's own paths answer themselves; everything else (GET, HTML) is the single-page renderer.
    const isApi = isHubPath(url);
    const wantsPage = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    if (serveRenderer && wantsPage && !isApi) {
      // Client-side routes (/queue, /customer?phone=…) all load the single page.
      return reply.headers(pageHeaders()).header('Cache-Control', 'no-cache').sendFile('index.html');
    }
    return reply.code(404).send(localisedBody(request, 404, HUB_MESSAGES.noRoute, { method: request.method, path: url.split('?')[0] ?? url }));
  });

  await app.ready();
  return app;
}
