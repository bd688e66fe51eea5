/** The desktop side of sync without a hub: optimistic writes, the outbox, and rebasing pulled pages. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { AgentDeskDb } from '@core/db/schema';
import { newPresence, presenceMoved } from '@core/domain/model';
import { backoffDelay, readEvents } from '@core/sync/engine';
import { applyPulledPage, mutate, MutationRefused, resetLocalCache, type PulledPage } from '@core/sync/local';
import type { Actor } from '@core/sync/mutations';
import type { Change } from '@core/sync/protocol';
import { contact, customer, users, waiting } from '../helpers/world';

const ava: Actor = { userId: 'usr_ava', role: 'agent', teamIds: ['team_care'] };

function put<T extends { id: string }>(entity: Change['entity'], row: T, version: number): Change {
  return { op: 'put', entity, id: row.id, version, row };
}

function page(changes: Change[], extra: Partial<PulledPage> = {}): PulledPage {
  return { hubId: 'hub-1', cursor: Math.max(0, ...changes.map((c) => c.version)), lastMutationId: 0, changes, rejected: [], ...extra };
}

async function freshDb(): Promise<AgentDeskDb> {
  const db = new AgentDeskDb('test', { indexedDB: new IDBFactory(), IDBKeyRange });
  const live = contact('con_1', 'cus_1', 1000, { queueId: 'q_care' });
  await applyPulledPage(
    db,
    ava,
    page([
      ...users.map((user, index) => put('user', user, index + 1)),
      put('queue', { id: 'q_care', name: 'Care', teamId: 'team_care', channels: ['chat'], topics: [], slaSeconds: 300, skills: [] }, 10),
      put('customer', customer(1), 11),
      put('contact', live, 12),
      put('queueItem', waiting(live, 'q_care'), 13),
      put('presence', newPresence('usr_ava', 500), 14),
    ]),
  );
  return db;
}

describe('optimistic changes', () => {
  it('apply at once, queue in the outbox, and remember the hub copy of what they changed', async () => {
    const db = await freshDb();
    const id = await mutate(db, ava, 'customer.update', { customerId: 'cus_1', patch: { phones: ['+447700900555'] } }, 5000);
    expect(id).toBe(1);
    expect((await db.customers.get('cus_1'))?.phones).toEqual(['+447700900555']);
    expect(await db.outbox.toArray()).toEqual([{ id: 1, name: 'customer.update', args: { customerId: 'cus_1', patch: { phones: ['+447700900555'] } }, at: 5000 }]);
    const shadow = await db.shadow.get(['customer', 'cus_1']);
    expect(shadow?.base?.phones).toEqual(['+447700900001']);
    expect(await mutate(db, ava, 'contact.addNote', { id: 'n1', customerId: 'cus_1', body: 'hello' })).toBe(2);
    expect(await db.shadow.get(['contact', 'n1'])).toEqual({ entity: 'contact', id: 'n1', base: null });
  });

  it('that the rules refuse, or with bad arguments, write nothing', async () => {
    const db = await freshDb();
    await expect(mutate(db, ava, 'contact.claim', { contactId: 'con_404' })).rejects.toThrow(MutationRefused);
    await expect(mutate(db, ava, 'customer.update', { customerId: 'cus_1', patch: {} })).rejects.toThrow('A customer update changes at least one field.');
    await expect(mutate(db, ava, 'customer.update', { customerId: 'cus_1', patch: { tier: 'vip' } })).rejects.toThrow("Only supervisors can change a customer's tier.");
    expect(await db.outbox.count()).toBe(0);
    expect(await db.shadow.count()).toBe(0);
  });
});

describe('rebasing a pulled page', () => {
  it('keeps pending changes on top of newer hub rows', async () => {
    const db = await freshDb();
    await mutate(db, ava, 'customer.update', { customerId: 'cus_1', patch: { phones: ['+447700900555'] } });
    // Someone else changed the language on the hub meanwhile.
    await applyPulledPage(db, ava, page([put('customer', customer(1, { language: 'fr-FR' }), 20)]));
    const row = await db.customers.get('cus_1');
    expect(row).toMatchObject({ language: 'fr-FR', phones: ['+447700900555'], _v: 20 });
    expect(await db.outbox.count()).toBe(1);
  });

  it('drops what the hub has taken and undoes what it refused, recording why', async () => {
    const db = await freshDb();
    await mutate(db, ava, 'contact.claim', { contactId: 'con_1' }, 2000);
    await mutate(db, ava, 'contact.addNote', { id: 'n1', customerId: 'cus_1', body: 'Taking this one' }, 2001);
    expect((await db.queueItems.get('con_1'))?.assigneeId).toBe('usr_ava');
    // The hub: Ben had it already (claim rejected); the note was applied.
    const bens = { ...waiting(contact('con_1', 'cus_1', 1000), 'q_care'), state: 'claimed' as const, assigneeId: 'usr_ben', claimedAt: 1500 };
    const note = contact('n1', 'cus_1', 2100, { channel: 'note', direction: 'internal', subject: '', body: 'Taking this one', agentId: 'usr_ava' });
    const result = await applyPulledPage(
      db,
      ava,
      page([put('queueItem', bens, 30), put('contact', note, 31)], {
        lastMutationId: 2,
        rejected: [{ id: 1, name: 'contact.claim', code: 'already_claimed', message: 'Ben already took this contact.' }],
      }),
      9999,
    );
    expect(result).toEqual({ acknowledged: 2, rejected: 1, replayed: 0 });
    expect((await db.queueItems.get('con_1'))?.assigneeId).toBe('usr_ben');
    expect((await db.contacts.get('n1'))?._v).toBe(31);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.shadow.count()).toBe(0);
    expect(await db.rejections.toArray()).toEqual([
      { id: 1, name: 'contact.claim', code: 'already_claimed', message: 'Ben already took this contact.', madeAt: 2000, at: 9999, args: { contactId: 'con_1' } },
    ]);
  });

  it('removes a row created here when the hub never took it, and refuses rows that do not match their schema', async () => {
    const db = await freshDb();
    await mutate(db, ava, 'contact.addNote', { id: 'n2', customerId: 'cus_1', body: 'Refused later' });
    await applyPulledPage(db, ava, page([], { lastMutationId: 1, rejected: [{ id: 1, name: 'contact.addNote', code: 'forbidden', message: 'No.' }] }));
    expect(await db.contacts.get('n2')).toBeUndefined();
    await expect(applyPulledPage(db, ava, page([{ op: 'put', entity: 'customer', id: 'cus_9', version: 40, row: { id: 'cus_9' } }]))).rejects.toThrow();
    expect(await db.customers.get('cus_9')).toBeUndefined();
  });

  it('a reset drops cached rows but never the outbox; a new hub renumbers it', async () => {
    const db = await freshDb();
    await mutate(db, ava, 'contact.addNote', { id: 'n3', customerId: 'cus_1', body: 'a' });
    await mutate(db, ava, 'contact.addNote', { id: 'n4', customerId: 'cus_1', body: 'b' });
    await db.outbox.delete(1);
    await resetLocalCache(db, { newClientId: 'new-client' });
    expect(await db.customers.count()).toBe(0);
    expect((await db.outbox.toArray()).map((m) => [m.id, (m.args as { id: string }).id])).toEqual([[1, 'n4']]);
    expect(await db.getMeta('nextMutationId')).toBe(2);
    expect(await db.getMeta('clientId')).toBe('new-client');
  });
});

describe('presence on the desktop', () => {
  it('changes at once in its own table, follows the work, and is rebased on the hub’s copy until the hub has taken it', async () => {
    const db = await freshDb();
    await mutate(db, ava, 'presence.set', { presence: 'available' }, 3000);
    expect(await db.presence.get('usr_ava')).toEqual({ id: 'usr_ava', presence: 'available', presenceAt: 3000, idleSince: 3000, _v: 14 });
    expect(await db.users.get('usr_ava')).not.toHaveProperty('presence');
    await mutate(db, ava, 'contact.claim', { contactId: 'con_1' }, 4000);
    expect(await db.presence.get('usr_ava')).toMatchObject({ presence: 'busy', presenceAt: 4000, idleSince: 3000 });

    // The hub has taken the first change (at its own time), not yet the claim: the claim is re-applied on top.
    const hubAvailable = presenceMoved(newPresence('usr_ava', 500), 'available', 3100);
    await applyPulledPage(db, ava, page([put('presence', hubAvailable, 40)], { lastMutationId: 1 }));
    expect(await db.presence.get('usr_ava')).toEqual({ id: 'usr_ava', presence: 'busy', presenceAt: 4000, idleSince: 3100, _v: 40 });
    expect(await db.shadow.get(['presence', 'usr_ava'])).toMatchObject({ base: { ...hubAvailable, _v: 40 } });

    // Both taken: the hub's copy alone.
    const hubBusy = presenceMoved(hubAvailable, 'busy', 4100);
    const claimed = { ...waiting(contact('con_1', 'cus_1', 1000, { queueId: 'q_care' }), 'q_care'), state: 'claimed' as const, assigneeId: 'usr_ava', claimedAt: 4100 };
    await applyPulledPage(db, ava, page([put('presence', hubBusy, 41), put('queueItem', claimed, 42)], { lastMutationId: 2 }));
    expect(await db.presence.get('usr_ava')).toEqual({ ...hubBusy, _v: 41 });
    expect(await db.shadow.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('can be set before the presence row has been pulled; the hub’s row replaces it', async () => {
    const db = await freshDb();
    await db.presence.clear();
    await mutate(db, ava, 'presence.set', { presence: 'away' }, 3000);
    expect(await db.presence.get('usr_ava')).toEqual({ id: 'usr_ava', presence: 'away', presenceAt: 3000, idleSince: null, _v: 0 });
    const hub = presenceMoved(newPresence('usr_ava', 500), 'away', 3050);
    await applyPulledPage(db, ava, page([put('presence', hub, 50)], { lastMutationId: 1 }));
    expect(await db.presence.get('usr_ava')).toEqual({ ...hub, _v: 50 });
  });
});

describe('sync engine helpers', () => {
  it('backs off exponentially with jitter, within its cap', () => {
    expect(backoffDelay(1, 1000, 30_000, () => 0)).toBe(500);
    expect(backoffDelay(1, 1000, 30_000, () => 1)).toBe(1000);
    expect(backoffDelay(4, 1000, 30_000, () => 0.5)).toBe(6000);
    for (let failures = 1; failures < 40; failures += 1) {
      const delay = backoffDelay(failures, 1000, 30_000, Math.random);
      expect(delay).toBeGreaterThanOrEqual(Math.min(30_000, 1000 * 2 ** (failures - 1)) / 2);
      expect(delay).toBeLessThanOrEqual(30_000);
    }
  });

  it('reads server-sent events split across chunks, skipping comments', async () => {
    const text = ': connected\n\nevent: poke\ndata: 1\n\n: keep-alive\n\nevent: poke\r\ndata: 2\r\n\r\ndata: plain\n\n';
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < text.length; i += 7) controller.enqueue(encoder.encode(text.slice(i, i + 7)));
        controller.close();
      },
    });
    const seen: [string, string][] = [];
    await readEvents(body, (event, data) => seen.push([event, data]));
    expect(seen).toEqual([
      ['poke', '1'],
      ['poke', '2'],
      ['message', 'plain'],
    ]);
  });
});
