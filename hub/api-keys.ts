/**
 * API keys for integrations (telephony, chat and email gateways): they post
 * contacts with `Authorization: Bearer <key>`. A key is stored only as its
 * SHA-256 hash, with a name, when it was created and last used, and when it
 * was revoked. Keys come from the hub's environment at start
 * (AGENTDESK_INTEGRATION_KEYS="name:key,name2:key2") and, on a hub with demo
 * data, the demo key. A person's sign-in token is not an API key and an API
 * key is not a sign-in token: each kind of route says which one it needs.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hashToken } from './auth';
import { errorBody, HttpError } from './errors';
import type { Queryable, Storage } from './storage';

export const INTEGRATION_KEYS_ENV = 'AGENTDESK_INTEGRATION_KEYS';
/** The key every demo hub accepts (documented at /api/docs). */
export const DEMO_INTEGRATION_KEY = 'demo-integration-key';
export const DEMO_INTEGRATION_KEY_NAME = 'Demo integration';
export const MIN_KEY_LENGTH = 16;
const MAX_KEY_LENGTH = 256;
const MAX_NAME_LENGTH = 100;
/** last_used_at is refreshed at most this often per key. */
const TOUCH_AFTER_MS = 60_000;

export interface IntegrationKeySpec {
  name: string;
  key: string;
}

/**
 * Parses AGENTDESK_INTEGRATION_KEYS. Unset or blank: no keys. Throws an Error
 * that says what is wrong (never echoing a key) when the value is malformed.
 */
export function parseIntegrationKeys(value: string | undefined): IntegrationKeySpec[] {
  if (value === undefined || value.trim() === '') return [];
  const problem = (what: string) =>
    new Error(`Invalid ${INTEGRATION_KEYS_ENV}: ${what}. Expected "name:key,name2:key2" with keys of at least ${MIN_KEY_LENGTH} characters.`);
  const specs: IntegrationKeySpec[] = [];
  const entries = value.split(',');
  entries.forEach((raw, index) => {
    const entry = raw.trim();
    const position = `entry ${index + 1}`;
    if (entry === '') throw problem(`${position} is empty`);
    const colon = entry.indexOf(':');
    if (colon < 0) throw problem(`${position} has no ":" between the name and the key`);
    const name = entry.slice(0, colon).trim();
    const key = entry.slice(colon + 1).trim();
    if (name === '') throw problem(`${position} has no name before the ":"`);
    if (name.length > MAX_NAME_LENGTH) throw problem(`the name of ${position} is longer than ${MAX_NAME_LENGTH} characters`);
    const label = `${position} ("${name}")`;
    if (key.length < MIN_KEY_LENGTH) throw problem(`the key of ${label} has ${key.length} characters, fewer than ${MIN_KEY_LENGTH}`);
    if (key.length > MAX_KEY_LENGTH) throw problem(`the key of ${label} is longer than ${MAX_KEY_LENGTH} characters`);
    if (!/^[\x21-\x7e]+$/.test(key)) throw problem(`the key of ${label} contains spaces or characters other than printable ASCII`);
    if (specs.some((spec) => spec.name === name)) throw problem(`the name "${name}" is used twice`);
    if (specs.some((spec) => spec.key === key)) throw problem(`the key of ${label} is also the key of "${specs.find((spec) => spec.key === key)!.name}"`);
    specs.push({ name, key });
  });
  return specs;
}

/** Serialises key bookkeeping at start across hub processes. */
const API_KEYS_LOCK = 4870_0004;

/**
 * Makes the keys listed in the environment the active 'env' keys: each listed
 * key is active under its name (a new key under a name replaces the old one),
 * and env keys no longer listed are revoked.
 */
export async function applyConfiguredKeys(storage: Storage, specs: readonly IntegrationKeySpec[]): Promise<void> {
  const hashes = specs.map((spec) => hashToken(spec.key));
  await storage.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [API_KEYS_LOCK]);
    await tx.query("UPDATE api_keys SET revoked_at = now() WHERE source = 'env' AND revoked_at IS NULL AND NOT (key_hash = ANY($1::text[]))", [hashes]);
    for (const [index, spec] of specs.entries()) {
      const hash = hashes[index]!;
      // Another active key under this name is replaced.
      await tx.query('UPDATE api_keys SET revoked_at = now() WHERE name = $1 AND revoked_at IS NULL AND key_hash <> $2', [spec.name, hash]);
      await tx.query(
        `INSERT INTO api_keys (key_hash, name, source) VALUES ($1, $2, 'env')
         ON CONFLICT (key_hash) DO UPDATE SET name = EXCLUDED.name, source = 'env', revoked_at = NULL`,
        [hash, spec.name],
      );
    }
  });
}

/** A new random key: "adk_" and 43 URL-safe characters (256 bits). */
export function newIntegrationKey(): string {
  return `adk_${randomBytes(32).toString('base64url')}`;
}

/**
 * Makes a key under `name` and answers it (the only time it is seen: the hub
 * keeps its hash). An active key under the same name is revoked: that is how
 * a key is rotated.
 */
export async function createIntegrationKey(storage: Storage, name: string, now: number): Promise<string> {
  const key = newIntegrationKey();
  await storage.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [API_KEYS_LOCK]);
    await tx.query('UPDATE api_keys SET revoked_at = $2 WHERE name = $1 AND revoked_at IS NULL', [name, new Date(now).toISOString()]);
    await tx.query("INSERT INTO api_keys (key_hash, name, source, created_at) VALUES ($1, $2, 'admin', $3)", [hashToken(key), name, new Date(now).toISOString()]);
  });
  return key;
}

export interface IntegrationKeyInfo {
  name: string;
  source: 'env' | 'demo' | 'admin';
  createdAt: number;
  lastUsedAt: number | null;
}

/** The active keys (never the keys themselves). */
export async function listIntegrationKeys(db: Queryable): Promise<IntegrationKeyInfo[]> {
  const rows = await db.query<{ name: string; source: IntegrationKeyInfo['source']; created_at: Date | string; last_used_at: Date | string | null }>(
    'SELECT name, source, created_at, last_used_at FROM api_keys WHERE revoked_at IS NULL ORDER BY name',
  );
  return rows.map((row) => ({
    name: row.name,
    source: row.source,
    createdAt: new Date(row.created_at).getTime(),
    lastUsedAt: row.last_used_at === null ? null : new Date(row.last_used_at).getTime(),
  }));
}

/** Revokes the active key under `name`; false when there is none. */
export async function revokeIntegrationKey(db: Queryable, name: string, now: number): Promise<boolean> {
  const rows = await db.query<{ name: string }>('UPDATE api_keys SET revoked_at = $2 WHERE name = $1 AND revoked_at IS NULL RETURNING name', [name, new Date(now).toISOString()]);
  return rows.length > 0;
}

/** Adds the demo key unless it is there (a revoked demo key stays revoked). */
export async function seedDemoIntegrationKey(db: Queryable): Promise<void> {
  await db.query("INSERT INTO api_keys (key_hash, name, source) VALUES ($1, $2, 'demo') ON CONFLICT DO NOTHING", [
    hashToken(DEMO_INTEGRATION_KEY),
    DEMO_INTEGRATION_KEY_NAME,
  ]);
}

export interface ApiKeyIdentity {
  name: string;
  keyHash: string;
}

const NEEDS_KEY = 'This route is for integrations: send an API key as "Authorization: Bearer <key>" (see /api/docs).';

function bearerOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer +(\S+)$/i.exec(header.trim());
  return match?.[1] ?? '';
}

/** The integration behind a request's API key; 401 with what is wrong otherwise. */
export async function authenticateIntegration(db: Queryable, request: FastifyRequest, now: number): Promise<ApiKeyIdentity> {
  const key = bearerOf(request);
  if (key === null) throw new HttpError(401, 'unauthorized', `No API key. ${NEEDS_KEY}`);
  if (key === '' || key.length > MAX_KEY_LENGTH) throw new HttpError(401, 'unauthorized', `The Authorization header is malformed. ${NEEDS_KEY}`);
  const keyHash = hashToken(key);
  const rows = await db.query<{ name: string; revoked_at: Date | string | null; last_used_at: Date | string | null }>(
    'SELECT name, revoked_at, last_used_at FROM api_keys WHERE key_hash = $1',
    [keyHash],
  );
  const row = rows[0];
  if (!row) {
    const sessions = await db.query<{ n: number }>('SELECT count(*) AS n FROM sessions WHERE token_hash = $1', [keyHash]);
    if (Number(sessions[0]?.n ?? 0) > 0) {
      throw new HttpError(401, 'wrong_credential', `This is a person's sign-in token, not an API key. ${NEEDS_KEY}`);
    }
    throw new HttpError(401, 'unauthorized', `Unknown API key. ${NEEDS_KEY}`);
  }
  if (row.revoked_at !== null) throw new HttpError(401, 'unauthorized', `The API key "${row.name}" has been revoked. Ask the hub's administrator for a new one.`);
  if (row.last_used_at === null || now - new Date(row.last_used_at).getTime() > TOUCH_AFTER_MS) {
    await db.query('UPDATE api_keys SET last_used_at = $2 WHERE key_hash = $1', [keyHash, new Date(now).toISOString()]);
  }
  return { name: row.name, keyHash };
}

/** Routes that belong to integrations (API key) or to nobody (public); everything else under /api and /sync needs a person. */
const NOT_FOR_PEOPLE = ['/api/v1/contacts', '/api/v1/openapi.json', '/api/docs', '/health'];

/**
 * An onSend hook: when a person's route refuses a request (401) whose bearer
 * token is an integration API key, the answer says so, instead of calling
 * the key an expired session. Costs nothing on requests that succeed.
 */
export function explainApiKeyOnPersonRoutes(db: Queryable) {
  return async (request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> => {
    if (reply.statusCode !== 401) return payload;
    const path = request.url.split('?')[0] ?? request.url;
    if (!path.startsWith('/sync/') && !path.startsWith('/api/')) return payload;
    if (NOT_FOR_PEOPLE.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) return payload;
    const key = bearerOf(request);
    if (!key || key.length > MAX_KEY_LENGTH) return payload;
    try {
      const rows = await db.query<{ n: number }>('SELECT count(*) AS n FROM api_keys WHERE key_hash = $1', [hashToken(key)]);
      if (Number(rows[0]?.n ?? 0) === 0) return payload;
    } catch {
      return payload;
    }
    void reply.header('content-type', 'application/json; charset=utf-8');
    return JSON.stringify(
      errorBody(401, "This is an integration API key, not a person's sign-in token: this route needs a person to sign in (POST /api/v1/auth/login).", 'wrong_credential'),
    );
  };
}
