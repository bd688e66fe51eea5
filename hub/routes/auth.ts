/** Signing in and out, and who am I. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema, LoginRequestSchema, LoginResponseSchema, MeResponseSchema, type LoginResponse, type MeResponse } from '@core/hub-api';
import { createSession, loadUser, SignInThrottle, verifyPassword } from '../auth';
import { HttpError } from '../errors';
import { sessionOf } from '../plugins/auth';
import { PERSON_ERRORS, PUBLIC_ERRORS } from './schemas';

/** A dummy hash so a sign-in for an unknown name costs as long as one for a known name. */
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$' + 'A'.repeat(86) + '==';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { storage, clock, hubId } = app.hub;
  const throttle = new SignInThrottle();

  app.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public' },
      schema: {
        summary: 'Sign in with a user name and password; answers a bearer token',
        tags: ['Sign-in'],
        security: [],
        body: LoginRequestSchema,
        response: { 200: LoginResponseSchema, 401: ApiErrorSchema, 429: ApiErrorSchema, ...PUBLIC_ERRORS },
      },
    },
    async (request): Promise<LoginResponse> => {
      const body = request.body;
      throttle.check(body.username, clock.now());
      const rows = await storage.query<{ user_id: string; password_hash: string }>('SELECT user_id, password_hash FROM credentials WHERE username = $1', [body.username]);
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
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { access: 'person' },
      schema: { summary: 'Sign out: this token stops working', tags: ['Sign-in'], security: [{ session: [] }], response: { 200: z.object({ ok: z.literal(true) }), ...PERSON_ERRORS } },
    },
    async (request) => {
      await storage.query('DELETE FROM sessions WHERE token_hash = $1', [sessionOf(request).tokenHash]);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/auth/me',
    {
      config: { access: 'person' },
      schema: { summary: 'The signed-in person and when the session expires', tags: ['Sign-in'], security: [{ session: [] }], response: { 200: MeResponseSchema, ...PERSON_ERRORS } },
    },
    async (request): Promise<MeResponse> => {
      const session = sessionOf(request);
      return { user: session.user, hubId, expiresAt: session.expiresAt };
    },
  );
};
