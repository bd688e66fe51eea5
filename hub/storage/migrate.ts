import type { Queryable, Storage } from './types';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const files = import.meta.glob<string>('../migrations/*.sql', { query: '?raw', import: 'default', eager: true });

/** Parses `NNNN_name.sql` file names into ordered migrations; rejects gaps and duplicates. */
export function parseMigrations(sources: Record<string, string>): Migration[] {
  const list = Object.entries(sources).map(([path, sql]) => {
    const file = path.split('/').pop() ?? path;
    const match = /^(\d+)_([\w-]+)\.sql$/.exec(file);
    if (!match?.[1] || !match[2]) throw new Error(`Migration file name must look like 0001_name.sql: ${file}`);
    return { version: Number(match[1]), name: match[2], sql };
  });
  list.sort((a, b) => a.version - b.version);
  list.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migrations must be numbered 1, 2, 3… without gaps: found ${migration.version} at position ${index + 1}`);
    }
  });
  return list;
}

export const migrations: readonly Migration[] = parseMigrations(files);

/** Serialises concurrent hub processes starting against the same PostgreSQL. */
const MIGRATION_LOCK = 4870_0001;

async function appliedVersion(db: Queryable): Promise<number> {
  const rows = await db.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
  return rows[0]?.version ?? 0;
}

/**
 * Applies every pending migration, all in one transaction, and returns the
 * schema version. A database newer than this hub is refused rather than used.
 */
export async function migrate(storage: Storage, list: readonly Migration[] = migrations): Promise<number> {
  return storage.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    integer PRIMARY KEY,
      name       text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const current = await appliedVersion(tx);
    const latest = list.at(-1)?.version ?? 0;
    if (current > latest) {
      throw new Error(`The database is at schema version ${current}, newer than this hub (${latest}). Upgrade the hub.`);
    }
    for (const migration of list) {
      if (migration.version <= current) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
    }
    return latest;
  });
}
