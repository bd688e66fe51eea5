/**
 * A person's account: sign in and out, who am I, the sessions (devices) signed
 * in with "sign out everywhere", and changing one's password. Passwords never
 * travel as synced mutations: they would wait in an outbox on the device.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiErrorSchema, LoginRequestSchema, LoginResponseSchema, MeResponseSchema, type LoginResponse, type MeResponse } from '@core/hub-api';
import {
  PasswordChangeRequestSchema,
  SessionIdParamsSchema,
  SessionsResponseSchema,
  SignedOutResponseSchema,
  type SessionsResponse,
} from '@core/account-api';
import { createSession, loadUser } from '../auth';
import { HttpError } from '../errors';
import { dummyHash, hashPassword, needsRehash, passwordProblem, verifyPassword } from '../passwords';
import { sessionOf } from '../plugins/auth';
import { SignInThrottle } from '../signin-throttle';
import { PERSON_ERRORS, PUBLIC_ERRORS } from './schemas';
import { HUB_MESSAGES } from '../messages';

/** Sign-in attempts one address may make a minute: room for a whole office behind one NAT, not for a guessing machine. */
export const SIGN_INS_PER_MINUTE = 120;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const time = (value: Date | string) => new Date(value).getTime();

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { storage, clock, hubId } = app.hub;
  const throttle = new SignInThrottle(storage);
  const security = [{ session: [] }];

  app.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public', rateLimit: { max: SIGN_INS_PER_MINUTE, timeWindow: 60_000 } },
      schema: {
        summary: 'Sign in with a user name and password; answers a bearer token',
        description: `Five wrong passwords for one account from one address make that address wait (30 seconds, doubling up to 15 minutes); the account can still sign in from elsewhere. At most ${SIGN_INS_PER_MINUTE} attempts a minute per address.`,
        tags: ['Account'],
        security: [],
        body: LoginRequestSchema,
        response: { 200: LoginResponseSchema, 401: ApiErrorSchema, 429: ApiErrorSchema, ...PUBLIC_ERRORS },
      },
    },
    async (request): Promise<LoginResponse> => {
      const { username, password } = request.body;
      const address = request.ip;
      const { pauseMs } = await throttle.before(username, address, clock.now());
      if (pauseMs > 0) await sleep(pauseMs);
      const rows = await storage.query<{ user_id: string; password_hash: string; must_change: boolean }>(
        'SELECT user_id, password_hash, must_change FROM credentials WHERE username = $1',
        [username],
      );
      const found = rows[0];
      // An unknown name costs a real hash at today's cost, so the answer's timing does not tell which names exist.
      const ok = await verifyPassword(password, found?.password_hash ?? (await dummyHash()));
      const user = found && ok ? await loadUser(storage, found.user_id) : undefined;
      if (!found || !user) {
        await throttle.failed(username, address, clock.now());
        throw new HttpError(401, 'bad_credentials', HUB_MESSAGES.wrongPassword);
      }
      await throttle.succeeded(username, address);
      // Said only to whoever knows the password: it does not tell a guesser which accounts exist.
      if (user.disabled) throw new HttpError(401, 'account_disabled', HUB_MESSAGES.accountDisabled);
      if (needsRehash(found.password_hash)) {
        await storage.query('UPDATE credentials SET password_hash = $2, updated_at = $3 WHERE user_id = $1', [user.id, await hashPassword(password), new Date(clock.now()).toISOString()]);
      }
      const session = await createSession(storage, user.id, request.headers['user-agent'], clock.now());
      return { token: session.token, expiresAt: session.expiresAt, user, hubId, ...(found.must_change ? { mustChangePassword: true } : {}) };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { access: 'person' },
      schema: { summary: 'Sign out: this token stops working', tags: ['Account'], security, response: { 200: z.object({ ok: z.literal(true) }), ...PERSON_ERRORS } },
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
      schema: { summary: 'The signed-in person and when the session expires', tags: ['Account'], security, response: { 200: MeResponseSchema, ...PERSON_ERRORS } },
    },
    async (request): Promise<MeResponse> => {
      const session = sessionOf(request);
      return { user: session.user, hubId, expiresAt: session.expiresAt };
    },
  );

  app.get(
    '/api/v1/auth/sessions',
    {
      config: { access: 'person' },
      schema: { summary: 'The devices signed in as me', tags: ['Account'], security, response: { 200: SessionsResponseSchema, ...PERSON_ERRORS } },
    },
    async (request): Promise<SessionsResponse> => {
      const session = sessionOf(request);
      const rows = await storage.query<{ id: string; created_at: Date | string; last_used_at: Date | string; expires_at: Date | string; user_agent: string | null }>(
        'SELECT id, created_at, last_used_at, expires_at, user_agent FROM sessions WHERE user_id = $1 AND expires_at > $2 ORDER BY last_used_at DESC',
        [session.user.id, new Date(clock.now()).toISOString()],
      );
      return {
        sessions: rows.map((row) => ({
          id: row.id,
          createdAt: time(row.created_at),
          lastUsedAt: time(row.last_used_at),
          expiresAt: time(row.expires_at),
          userAgent: row.user_agent,
          current: row.id === session.id,
        })),
      };
    },
  );

  app.delete(
    '/api/v1/auth/sessions/:id',
    {
      config: { access: 'person' },
      schema: {
        summary: 'Sign out one of my devices',
        tags: ['Account'],
        security,
        params: SessionIdParamsSchema,
        response: { 200: SignedOutResponseSchema, 404: ApiErrorSchema, ...PERSON_ERRORS },
      },
    },
    async (request) => {
      const rows = await storage.query<{ id: string }>('DELETE FROM sessions WHERE id = $1 AND user_id = $2 RETURNING id', [request.params.id, sessionOf(request).user.id]);
      if (rows.length === 0) throw new HttpError(404, 'not_found', HUB_MESSAGES.noSuchSession);
      return { signedOut: rows.length };
    },
  );

  app.delete(
    '/api/v1/auth/sessions',
    {
      config: { access: 'person' },
      schema: { summary: 'Sign out everywhere, this device included', tags: ['Account'], security, response: { 200: SignedOutResponseSchema, ...PERSON_ERRORS } },
    },
    async (request) => {
      const rows = await storage.query<{ id: string }>('DELETE FROM sessions WHERE user_id = $1 RETURNING id', [sessionOf(request).user.id]);
      return { signedOut: rows.length };
    },
  );

  app.post(
    '/api/v1/auth/password',
    {
      config: { access: 'person', rateLimit: { max: 10, timeWindow: 60_000 } },
      schema: {
        summary: 'Change my password (my other devices are signed out)',
        tags: ['Account'],
        security,
        body: PasswordChangeRequestSchema,
        response: { 200: SignedOutResponseSchema, 422: ApiErrorSchema, 429: ApiErrorSchema, ...PERSON_ERRORS },
      },
    },
    async (request) => {
      const session = sessionOf(request);
      const { currentPassword, newPassword } = request.body;
      const address = request.ip;
      await throttle.before(session.user.username, address, clock.now());
      const rows = await storage.query<{ password_hash: string }>('SELECT password_hash FROM credentials WHERE user_id = $1', [session.user.id]);
      if (!rows[0] || !(await verifyPassword(currentPassword, rows[0].password_hash))) {
        await throttle.failed(session.user.username, address, clock.now());
        throw new HttpError(403, 'bad_credentials', HUB_MESSAGES.currentPasswordWrong);
      }
      const problem = passwordProblem(newPassword, session.user.username);
      if (problem) throw new HttpError(422, 'weak_password', problem.descriptor, problem.values);
      if (newPassword === currentPassword) throw new HttpError(422, 'weak_password', HUB_MESSAGES.passwordUnchanged);
      const hash = await hashPassword(newPassword);
      const signedOut = await storage.transaction(async (tx) => {
        await tx.query('UPDATE credentials SET password_hash = $2, must_change = false, updated_at = $3 WHERE user_id = $1', [session.user.id, hash, new Date(clock.now()).toISOString()]);
        return tx.query<{ id: string }>('DELETE FROM sessions WHERE user_id = $1 AND id <> $2 RETURNING id', [session.user.id, session.id]);
      });
      return { signedOut: signedOut.length };
    },
  );
};
