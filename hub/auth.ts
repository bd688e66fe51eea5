/**
 * Sign-in and sessions. Passwords are hashed with scrypt; sessions are opaque
 * bearer tokens, stored as SHA-256 hashes, that expire. Every route except
 * sign-in and health needs a valid token; roles are checked per route and,
 * for changes, by the mutation rules themselves.
 */
import { createHash, randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { UserSchema, type Role, type User } from '@core/domain/model';
import type { Actor } from '@core/sync/mutations';
import { HttpError } from './errors';
import type { Queryable } from './storage';

const SCRYPT = { N: 16384, r: 8, p: 1, keyLength: 64 } as const;
/** How long a session lasts from sign-in. */
export const SESSION_TTL_MS = 14 * 24 * 3600 * 1000;

function scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(password, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** `scrypt$N$r$p$salt$hash`, salt and hash in base64. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, SCRYPT.keyLength, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 64 * 1024 * 1024,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface Session {
  user: User;
  tokenHash: string;
  expiresAt: number;
}

export async function createSession(db: Queryable, userId: string, userAgent: string | undefined, now: number): Promise<{ token: string; expiresAt: number }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = now + SESSION_TTL_MS;
  await db.query('INSERT INTO sessions (token_hash, user_id, expires_at, user_agent, created_at, last_used_at) VALUES ($1, $2, $3, $4, $5, $5)', [
    hashToken(token),
    userId,
    new Date(expiresAt).toISOString(),
    userAgent?.slice(0, 300) ?? null,
    new Date(now).toISOString(),
  ]);
  return { token, expiresAt };
}

export async function loadUser(db: Queryable, userId: string): Promise<User | undefined> {
  const rows = await db.query<{ data: unknown }>("SELECT data FROM entities WHERE entity = 'user' AND id = $1 AND NOT deleted", [userId]);
  return rows[0] ? UserSchema.parse(rows[0].data) : undefined;
}

/** The session behind a request's bearer token; 401 with a reason otherwise. */
export async function authenticate(db: Queryable, request: FastifyRequest, now: number): Promise<Session> {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header);
  if (!match?.[1]) throw new HttpError(401, 'unauthorized', header ? 'The sign-in token is malformed.' : 'Sign in first: this needs a bearer token.');
  const tokenHash = hashToken(match[1]);
  const rows = await db.query<{ user_id: string; expires_at: Date | string; last_used_at: Date | string }>(
    'SELECT user_id, expires_at, last_used_at FROM sessions WHERE token_hash = $1',
    [tokenHash],
  );
  const session = rows[0];
  if (!session) throw new HttpError(401, 'unauthorized', 'This session is not valid any more: sign in again.');
  const expiresAt = new Date(session.expires_at).getTime();
  if (expiresAt <= now) throw new HttpError(401, 'unauthorized', 'This session has expired: sign in again.');
  const user = await loadUser(db, session.user_id);
  if (!user) throw new HttpError(401, 'unauthorized', 'This account no longer exists.');
  if (now - new Date(session.last_used_at).getTime() > 60_000) {
    await db.query('UPDATE sessions SET last_used_at = $2 WHERE token_hash = $1', [tokenHash, new Date(now)]);
  }
  return { user, tokenHash, expiresAt };
}

export function actorOf(user: User): Actor {
  return { userId: user.id, role: user.role, teamIds: user.teamIds };
}

export function requireRole(user: User, roles: readonly Role[], what: string): void {
  if (!roles.includes(user.role)) throw new HttpError(403, 'forbidden', `Only ${roles.join(' or ')} accounts can ${what}.`);
}

/** Slows down guessing: after 5 failed sign-ins for a name within 5 minutes, that name waits. */
export class SignInThrottle {
  private readonly failures = new Map<string, number[]>();
  constructor(
    private readonly limit = 5,
    private readonly windowMs = 5 * 60_000,
  ) {}

  check(username: string, now: number): void {
    const recent = (this.failures.get(username) ?? []).filter((at) => now - at < this.windowMs);
    this.failures.set(username, recent);
    if (recent.length >= this.limit) {
      const waitMinutes = Math.ceil((this.windowMs - (now - recent[0]!)) / 60_000);
      throw new HttpError(429, 'too_many_attempts', `Too many failed sign-ins for ${username}: try again in ${waitMinutes} minute${waitMinutes === 1 ? '' : 's'}.`);
    }
  }

  fail(username: string, now: number): void {
    const list = this.failures.get(username) ?? [];
    list.push(now);
    this.failures.set(username, list);
    if (this.failures.size > 10_000) this.failures.delete(this.failures.keys().next().value!);
  }

  succeed(username: string): void {
    this.failures.delete(username);
  }
}
