/**
 * A customer's whole history again, for a desktop that evicted it to stay
 * within its cache budget (src/sync/eviction.ts): every row of the customers
 * asked for, in the pull's Change format, as of the hub's head, in one
 * read-only snapshot. Only customers in the caller's scope.
 */
import { defineMessages } from '@formatjs/intl';
import type { User } from '@core/domain/model';
import type { EntityName } from '@core/sync/entities';
import type { HistoryResponse } from '@core/sync/protocol';
import { HttpError } from '../errors';
import type { Storage } from '../storage';

const MESSAGES = defineMessages({
  noSuchCustomer: { id: 'hub.history.noSuchCustomer', defaultMessage: 'No such customer: {ids}.' },
  notInScope: { id: 'hub.history.notInScope', defaultMessage: 'These customers are not on your desktops: {ids}. Open them from a search first.' },
});

interface Row {
  entity: EntityName;
  id: string;
  version: number;
  data: Record<string, unknown>;
}

export async function customerHistory(storage: Storage, user: User, hubId: string, customerIds: readonly string[]): Promise<HistoryResponse> {
  const ids = [...new Set(customerIds)];
  return storage.transaction(
    async (tx) => {
      const known = await tx.query<{ id: string; in_scope: boolean }>(
        `SELECT e.id, EXISTS (SELECT 1 FROM user_scope s WHERE s.user_id = $2 AND s.customer_id = e.id) AS in_scope
           FROM entities e WHERE e.entity = 'customer' AND NOT e.deleted AND e.id = ANY($1::text[])`,
        [ids, user.id],
      );
      const missing = ids.filter((id) => !known.some((row) => row.id === id));
      if (missing.length) throw new HttpError(404, 'not_found', MESSAGES.noSuchCustomer, { ids: missing.join(', ') });
      const outside = known.filter((row) => !row.in_scope).map((row) => row.id);
      if (outside.length) throw new HttpError(403, 'forbidden', MESSAGES.notInScope, { ids: outside.join(', ') });
      // The head this snapshot vouches for (announce.ts): every write up to it is in it and none after.
      const [meta] = await tx.query<{ head: string | null; last_value: number; is_called: boolean }>(
        `SELECT (SELECT value FROM hub_meta WHERE key = 'head') AS head, q.last_value, q.is_called FROM change_seq q`,
      );
      const head = meta?.head != null ? Number(meta.head) : meta?.is_called ? Number(meta.last_value) : 0;
      const rows = await tx.query<Row>(
        `SELECT e.entity, e.id, e.version, e.data FROM entities e
          WHERE e.customer_id = ANY($1::text[]) AND NOT e.deleted
          ORDER BY e.version`,
        [ids],
      );
      return {
        hubId,
        head,
        changes: rows.map((row) => ({ op: 'put', entity: row.entity, id: row.id, version: Number(row.version), row: row.data })),
      };
    },
    { readOnlySnapshot: true },
  );
}
