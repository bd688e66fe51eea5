/**
 * Imports rows and accounts into the hub through the same write path as
 * mutations (versions, scope), e.g. from another system or for a new site.
 */
import { parseEntityRow, type EntityName, type EntityRow } from '@core/sync/entities';
import { hashPassword } from './passwords';
import type { Storage } from './storage';
import { writeRow, writeTransaction } from './sync/store';

export interface ImportEntry<E extends EntityName = EntityName> {
  entity: E;
  row: EntityRow<E>;
}

export interface ImportAccount {
  userId: string;
  username: string;
  password: string;
}

/** Validates and writes every row in one transaction; accounts get scrypt-hashed passwords. */
export async function importRows(storage: Storage, entries: readonly ImportEntry[], accounts: readonly ImportAccount[] = []): Promise<void> {
  const rows = entries.map((entry) => ({ entity: entry.entity, row: parseEntityRow(entry.entity, entry.row) }));
  const hashed = await Promise.all(accounts.map(async (account) => ({ ...account, hash: await hashPassword(account.password) })));
  await writeTransaction(storage, async (tx) => {
    for (const { entity, row } of rows) await writeRow(tx, entity, row);
    for (const account of hashed) {
      await tx.query(
        `INSERT INTO credentials (user_id, username, password_hash) VALUES ($1, $2, $3)
         ON CONFLICT (user_id) DO UPDATE SET username = EXCLUDED.username, password_hash = EXCLUDED.password_hash, updated_at = now()`,
        [account.userId, account.username, account.hash],
      );
    }
  });
  if (rows.length > 1000) await storage.exec('ANALYZE entities; ANALYZE user_scope;');
}
