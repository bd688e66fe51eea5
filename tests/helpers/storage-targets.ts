/**
 * The databases hub tests run against: PGlite always, PostgreSQL where one
 * answers. DATABASE_URL names the server (CI sets it); without it the local
 * server that scripts/setup-tests.sh prepares is tried. Each test file gets a
 * database of its own, dropped at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { StorageKind } from '@core/hub-api';

export const LOCAL_TEST_DATABASE_URL = 'postgres://agentdesk:agentdesk@127.0.0.1:5432/agentdesk';

export interface TestDatabase {
  /** For startHub / openStorage: a PostgreSQL URL, or undefined for PGlite. */
  databaseUrl: string | undefined;
  /** PGlite's folder (on disk so a hub can be restarted on it); null for PostgreSQL. */
  dataDir: string | null;
  drop(): Promise<void>;
}

export interface StorageTarget {
  kind: StorageKind;
  label: string;
  /** Why this target cannot run here; undefined when it can. */
  skipReason: string | undefined;
  create(): Promise<TestDatabase>;
}

async function probe(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function createPostgresDatabase(baseUrl: string): Promise<TestDatabase> {
  const name = `agentdesk_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  return {
    databaseUrl: withDatabase(baseUrl, name),
    dataDir: null,
    async drop() {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

function createPgliteDatabase(): Promise<TestDatabase> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'agentdesk-pglite-'));
  return Promise.resolve({
    databaseUrl: undefined,
    dataDir,
    drop: async () => rmSync(dataDir, { recursive: true, force: true }),
  });
}

/** Resolves once per test file (top-level await). */
export async function storageTargets(): Promise<StorageTarget[]> {
  const explicit = process.env.DATABASE_URL?.trim() || undefined;
  const url = explicit ?? LOCAL_TEST_DATABASE_URL;
  const failure = await probe(url);
  if (failure && explicit) {
    // CI asked for PostgreSQL: not reaching it is a failure, not a skip.
    throw new Error(`DATABASE_URL is set but PostgreSQL cannot be reached: ${failure}`);
  }
  const skipReason = failure
    ? `no PostgreSQL at ${LOCAL_TEST_DATABASE_URL} (${failure}); run scripts/setup-tests.sh or set DATABASE_URL`
    : undefined;
  if (skipReason) console.warn(`PostgreSQL hub tests skipped: ${skipReason}`);
  return [
    { kind: 'pglite', label: 'PGlite', skipReason: undefined, create: createPgliteDatabase },
    { kind: 'postgres', label: 'PostgreSQL', skipReason, create: () => createPostgresDatabase(url) },
  ];
}
