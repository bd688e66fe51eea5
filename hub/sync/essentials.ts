/** What a new device needs first (see EssentialsResponseSchema): a few queries on indexes, whatever the scope's size. */
import type { User } from '@core/domain/model';
import type { EntityName } from '@core/sync/entities';
import type { Change, EssentialsResponse } from '@core/sync/protocol';
import type { Storage } from '../storage';

interface Row {
  entity: EntityName;
  id: string;
  version: number;
  data: Record<string, unknown>;
}

const COLUMNS = 'e.entity, e.id, e.version, e.data';
/** Only customers already in this person's scope: essentials never widen what a desktop holds. */
const IN_SCOPE = 'e.customer_id IN (SELECT customer_id FROM user_scope WHERE user_id = $1)';

export async function essentials(storage: Storage, user: User, hubId: string): Promise<EssentialsResponse> {
  // One snapshot; statements one after another (a connection runs one at a time anyway).
  return storage.transaction(async (tx) => {
    const globals = await tx.query<Row>(`SELECT ${COLUMNS} FROM entities e WHERE e.customer_id IS NULL AND NOT e.deleted`);
    const queueIds = globals
      .filter((row) => row.entity === 'queue' && user.teamIds.includes(String(row.data.teamId)))
      .map((row) => row.id);
    const items = await tx.query<Row>(
      `SELECT ${COLUMNS} FROM entities e
        WHERE e.entity = 'queueItem' AND (e.data->>'state') IN ('waiting', 'claimed', 'wrap-up')
          AND (e.data->>'queueId') = ANY($2::text[]) AND NOT e.deleted AND ${IN_SCOPE}`,
      [user.id, queueIds],
    );
    const followUps = await tx.query<Row>(
      `SELECT ${COLUMNS} FROM entities e
        WHERE e.entity = 'followUp' AND (e.data->>'state') = 'scheduled' AND (e.data->>'ownerId') = $2
          AND NOT e.deleted AND ${IN_SCOPE}`,
      [user.id, user.id],
    );
    // Their own presence: the workstation shows it and sets it at sign-in.
    const presence = await tx.query<Row>(`SELECT ${COLUMNS} FROM entities e WHERE e.entity = 'presence' AND e.id = $1 AND NOT e.deleted AND ${IN_SCOPE}`, [user.id]);
    const contactIds = items.map((item) => String(item.data.contactId));
    const customerIds = [...new Set([...items, ...followUps].map((row) => String(row.data.customerId)))];
    const contacts = contactIds.length
      ? await tx.query<Row>(`SELECT ${COLUMNS} FROM entities e WHERE e.entity = 'contact' AND e.id = ANY($2::text[]) AND NOT e.deleted AND ${IN_SCOPE}`, [user.id, contactIds])
      : [];
    const customers = customerIds.length
      ? await tx.query<Row>(`SELECT ${COLUMNS} FROM entities e WHERE e.entity = 'customer' AND e.id = ANY($2::text[]) AND NOT e.deleted AND ${IN_SCOPE}`, [user.id, customerIds])
      : [];
    const changes: Change[] = [...globals, ...presence, ...customers, ...contacts, ...items, ...followUps].map((row) => ({
      op: 'put',
      entity: row.entity,
      id: row.id,
      version: Number(row.version),
      row: row.data,
    }));
    return { hubId, changes };
  }, { readOnlySnapshot: true });
}
