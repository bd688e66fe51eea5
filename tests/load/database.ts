/** A fresh database for each load run: a new PostgreSQL database on the given server, or a new PGlite folder; removed at the end. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { LoadStorage } from './options';

export interface RunDatabase {
  storage: LoadStorage;
  /** For PostgreSQL. */
  databaseUrl?: string;
  /** PGlite's folder. */
  dataDir?: string;
  /** What to tell people (no password). */
  label: string;
  drop(): Promise<void>;
}

export async function createRunDatabase(storage: LoadStorage, serverUrl: string): Promise<RunDatabase> {
  if (storage === 'pglite') {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'agentdesk-load-pglite-'));
    return { storage, dataDir, label: `PGlite in ${dataDir}`, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `agentdesk_load_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5000 });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    storage,
    databaseUrl: url.toString(),
    label: `PostgreSQL database ${name} on ${url.hostname}:${url.port || 5432}`,
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5000 });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
