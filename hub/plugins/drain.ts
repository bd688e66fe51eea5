/**
 * While the hub stops (RunningHub.close in hub/server.ts): no new event
 * stream is opened, and every answer closes its connection, so the next
 * request (the desktop's, or the load balancer's) connects afresh and, once
 * /health/ready has answered 503, reaches another hub process. A connection
 * kept alive after its last answer would also hold up the stop.
 */
import fp from 'fastify-plugin';
import { HttpError } from '../errors';

export const drainPlugin = fp(
  async (app) => {
    const { lifecycle } = app.hub;
    app.addHook('onRequest', async (request) => {
      if (!lifecycle.draining || request.routeOptions.url !== '/sync/events') return;
      const error = new HttpError(503, 'draining', 'This hub process is stopping: connect again in a moment.');
      error.retryAfterSeconds = 1;
      throw error;
    });
    app.addHook('onSend', async (_request, reply, payload) => {
      if (lifecycle.draining) void reply.header('Connection', 'close');
      return payload;
    });
  },
  { name: 'drain' },
);
