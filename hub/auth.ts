/**
 * Sessions: opaque bearer tokens, stored only as SHA-256 hashes, that
 * expire (and are purged once expired). Each has an id its person can see and
 * sign out. Passwords are in passwords.ts; who may call a route is checked by
 * the auth plugin and, for changes, by the mutation rules themselves.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { UserSchema, type Role, type User } from '@core/domain/model';
import type { Actor } from '@core/sync/mutations';
import { HttpError } from './errors';
import type { Queryable } from './storage';
import { HUB_MESSAGES } from './messages';

/** How long a session lasts from sign-in. */
export const SESSION_TTL_MS = 14 * 24 * 3600 * 1000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface Session {
  user: User;
  /** Shown to its person (never the token or its hash). */
  id: string;
  tokenHash: string;
  expiresAt: number;
  /** The password was set by someone else (a one-time password): it is changed before anything else. */
  mustChangePassword: boolean;
}

/** What a disabled person is told, at sign-in and on every request of a session they still hold. */
export async function createSession(db: Queryable, userId: string, userAgent: string | undefined, now: number): Promise<{ token: string; id: string; expiresAt: number }> {
  const token = randomBytes(32).toString('base64url');
  const id = randomUUID();
  const expiresAt = now + SESSION_TTL_MS;
  await db.query('INSERT INTO sessions (token_hash, id, user_id, expires_at, user_agent, created_at, last_used_at) VALUES ($1, $2, $3, $4, $5, $6, $6)', [
    hashToken(token),
    id,
    userId,
    new Date(expiresAt).toISOString(),
    userAgent?.slice(0, 300) ?? null,
    new Date(now).toISOString(),
  ]);
  return { token, id, expiresAt };
}

/** Forgets sessions that have expired (they no longer work anyway). */
export async function purgeExpiredSessions(db: Queryable, now: number): Promise<number> {
  const rows = await db.query<{ n: number }>('WITH gone AS (DELETE FROM sessions WHERE expires_at <= $1 RETURNING 1) SELECT count(*) AS n FROM gone', [new Date(now).toISOString()]);
  return Number(rows[0]?.n ?? 0);
}

export async function loadUser(db: Queryable, userId: string): Promise<User | undefined> {
  const rows = await db.query<{ data: unknown; version: number }>("SELECT data, version FROM entities WHERE entity = 'user' AND id = $1 AND NOT deleted", [userId]);
  return rows[0] ? parsedUser(db, userId, Number(rows[0].version), rows[0].data) : undefined;
}

/**
 * People's rows as last parsed, by version, per database: every request needs its caller's row, and a row changes
 * far less often. Versions are unique within one database only.
 */
const parsedUsers = new WeakMap<Queryable, Map<string, { version: number; user: User }>>();
const PARSED_USERS_KEPT = 10_000;

function parsedUser(db: Queryable, id: string, version: number, data: unknown): User {
  let usersByVersion = parsedUsers.get(db);
  if (!usersByVersion) parsedUsers.set(db, (usersByVersion = new Map<string, { version: number; user: User }>()));
  const known = usersByVersion.get(id);
  if (known?.version === version) return known.user;
  const user = UserSchema.parse(data);
  usersByVersion.delete(id);
  // Oldest first out: a Map iterates in insertion order.
  if (usersByVersion.size >= PARSED_USERS_KEPT) usersByVersion.delete(usersByVersion.keys().next().value!);
  usersByVersion.set(id, { version, user });
  return user;
}

/** The session behind a request's bearer token; 401 with a reason otherwise. One round trip: every request pays it. */
export async function authenticate(db: Queryable, request: FastifyRequest, now: number): Promise<Session> {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header);
  if (!match?.[1]) throw new HttpError(401, 'unauthorized', header ? HUB_MESSAGES.tokenMalformed : HUB_MESSAGES.signInFirst);
  const tokenHash = hashToken(match[1]);
  const rows = await db.query<{
    id: string;
    user_id: string;
    expires_at: Date | string;
    last_used_at: Date | string;
    must_change: boolean | null;
    data: unknown;
    version: number | null;
  }>(
    `SELECT s.id, s.user_id, s.expires_at, s.last_used_at, c.must_change, u.data, u.version
       FROM sessions s
       LEFT JOIN credentials c ON c.user_id = s.user_id
       LEFT JOIN entities u ON u.entity = 'user' AND u.id = s.user_id AND NOT u.deleted
      WHERE s.token_hash = $1`,
    [tokenHash],
  );
  const session = rows[0];
  if (!session) throw new HttpError(401, 'unauthorized', HUB_MESSAGES.sessionInvalid);
  const expiresAt = new Date(session.expires_at).getTime();
  if (expiresAt <= now) throw new HttpError(401, 'unauthorized', HUB_MESSAGES.sessionExpired);
  if (session.version === null) throw new HttpError(401, 'unauthorized', HUB_MESSAGES.accountGone);
  const user = parsedUser(db, session.user_id, Number(session.version), session.data);
  // Checked on every request: disabling someone ends their sessions at once.
  if (user.disabled) throw new HttpError(401, 'account_disabled', HUB_MESSAGES.accountDisabled);
  if (now - new Date(session.last_used_at).getTime() > 60_000) {
    await db.query('UPDATE sessions SET last_used_at = $2 WHERE token_hash = $1', [tokenHash, new Date(now)]);
  }
  return { user, id: session.id, tokenHash, expiresAt, mustChangePassword: session.must_change === true };
}

export function actorOf(user: User): Actor {
  return { userId: user.id, role: user.role, teamIds: user.teamIds };
}

export function requireRole(user: User, roles: readonly Role[], what: string): void {
  if (!roles.includes(user.role)) throw new HttpError(403, 'forbidden', `Only ${roles.join(' or ')} accounts can ${what}.`);
}
