/**
 * POST /sync/history through a real hub on PGlite and on PostgreSQL: a desktop
 * that evicted a customer's history (to stay within its cache budget) gets
 * every row of theirs back, changes made since included, and ends as the hub
 * says; customers outside the caller's scope are refused (403), unknown ones
 * are not found (404), and the route is in the OpenAPI document.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { newQueueItem } from '@core/domain/model';
import { evictCustomers } from '@core/sync/eviction';
import { HistoryResponseSchema } from '@core/sync/protocol';
import { applyRefetchedHistory } from '@core/sync/refetch';
import { hubPerFile } from '../helpers/hub-per-file';
import { storageTargets } from '../helpers/storage-targets';
import type { Desktop } from '../helpers/sync-harness';
import { contact, customer, smallWorld, T0 } from '../helpers/world';

const targets = await storageTargets();
const DAY = 86_400_000;

/** The small world and customer 7, whose contacts in the care queue were all answered weeks ago. */
function world() {
  const base = smallWorld();
  const answered = contact('con_7_a', 'cus_7', T0 - 20 * DAY, { queueId: 'q_care', agentId: 'usr_ben' });
  const done = { ...newQueueItem(answered, { id: 'q_care', slaSeconds: 300, skills: [] }), state: 'done' as const, assigneeId: 'usr_ben', claimedAt: T0 - 20 * DAY, doneAt: T0 - 20 * DAY };
  return {
    accounts: base.accounts,
    entries: [
      ...base.entries,
      { entity: 'customer' as const, row: customer(7) },
      { entity: 'contact' as const, row: answered },
      { entity: 'contact' as const, row: contact('con_7_b', 'cus_7', T0 - 30 * DAY, { queueId: 'q_care', agentId: 'usr_ben' }) },
      { entity: 'queueItem' as const, row: done },
    ],
  };
}

describe.each(targets)('history fetched back on $label', (target) => {
  const skip = target.skipReason;
  const testHub = hubPerFile(target, { world });
  let ava: Desktop;
  let ben: Desktop;

  beforeAll(async () => {
    if (skip) return;
    ava = await testHub.signIn('ava');
    ben = await testHub.signIn('ben');
  });

  const history = (customerIds: unknown, token: string | null = ava.token) =>
    fetch(`${testHub.hub.url}/sync/history`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ customerIds }),
    });
  const rowsOf = (desktop: Desktop, customerId: string) => desktop.db.contacts.where('[customerId+at]').between([customerId, -Infinity], [customerId, Infinity]).toArray();

  it.skipIf(skip)('brings an evicted history back with what changed since, and clears the mark', async () => {
    expect((await rowsOf(ava, 'cus_7')).map((row) => row.id).sort()).toEqual(['con_7_a', 'con_7_b']);
    expect(await evictCustomers(ava.db, 'usr_ava', ['cus_7'], T0)).toEqual({ customers: 1, rows: 3 });
    expect(await rowsOf(ava, 'cus_7')).toEqual([]);

    // Later changes still arrive through pull, as for any customer.
    await ben.mutate('contact.addNote', { id: 'note_7', customerId: 'cus_7', body: 'Asked about the invoice again.' });
    await ben.sync();
    await ava.sync();
    expect((await rowsOf(ava, 'cus_7')).map((row) => row.id)).toEqual(['note_7']);
    expect(await ava.db.evictions.get('cus_7')).toBeDefined();

    const response = await history(['cus_7']);
    expect(response.status).toBe(200);
    const answer = HistoryResponseSchema.parse(await response.json());
    expect(answer.changes.map((change) => `${change.entity}:${change.id}`).sort()).toEqual(['contact:con_7_a', 'contact:con_7_b', 'contact:note_7', 'customer:cus_7', `queueItem:${answer.changes.find((change) => change.entity === 'queueItem')!.id}`]);
    expect(answer.head).toBeGreaterThanOrEqual((await ava.db.getMeta<number>('cursor'))!);

    expect(await applyRefetchedHistory(ava.db, ['cus_7'], answer)).toEqual({ kind: 'applied', written: 3 });
    expect((await rowsOf(ava, 'cus_7')).map((row) => row.id)).toEqual(['con_7_b', 'con_7_a', 'note_7']);
    expect(await ava.db.queueItems.where('customerId').equals('cus_7').count()).toBe(1);
    expect(await ava.db.evictions.count()).toBe(0);
    // The rows are the hub's, versions and all: a sync changes nothing.
    const before = await rowsOf(ava, 'cus_7');
    await ava.sync();
    expect(await rowsOf(ava, 'cus_7')).toEqual(before);
  });

  it.skipIf(skip)("refuses customers outside the caller's scope, unknown customers, and callers not signed in", async () => {
    // Customer 5 waits in the other team's queue: not Ava's.
    expect((await history(['cus_5'])).status).toBe(403);
    const unknown = await history(['cus_7', 'cus_nobody']);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { message: string }).message).toContain('cus_nobody');
    expect((await history(['cus_7'], null)).status).toBe(401);
    expect((await history([])).status).toBe(400);
  });

  it.skipIf(skip)('is documented for people in the OpenAPI document', async () => {
    const doc = (await (await fetch(`${testHub.hub.url}/api/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, { security?: unknown[]; summary?: string }>> };
    expect(doc.paths['/sync/history']?.post).toMatchObject({ security: [{ session: [] }] });
    expect(doc.paths['/sync/history']?.post?.summary).toBeTruthy();
  });
});
