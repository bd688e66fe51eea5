/** Drafts in the local database: dropped by the change that replaces them, in its own transaction; kept through everything else. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { draftKeys, readDraft, TextDraftSchema, WorkDraftSchema, type DraftRow } from '@core/db/drafts';
import { AgentDeskDb } from '@core/db/schema';
import { newPresence } from '@core/domain/model';
import { applyPulledPage, mutate, MutationRefused, resetLocalCache } from '@core/sync/local';
import type { Actor } from '@core/sync/mutations';
import type { Change } from '@core/sync/protocol';
import { contact, customer, T0, users, waiting } from '../helpers/world';

const ava: Actor = { userId: 'usr_ava', role: 'agent', teamIds: ['team_care'] };

function put<T extends { id: string }>(entity: Change['entity'], row: T, version: number): Change {
  return { op: 'put', entity, id: row.id, version, row };
}

/** Ava's desktop with two waiting chats of one customer. */
async function desktop(): Promise<AgentDeskDb> {
  const db = new AgentDeskDb('drafts', { indexedDB: new IDBFactory(), IDBKeyRange });
  const first = contact('con_1', 'cus_1', T0, { queueId: 'q_care' });
  const second = contact('con_2', 'cus_1', T0 + 1000, { queueId: 'q_care' });
  const changes = [
    ...users.map((user, index) => put('user', user, index + 1)),
    put('queue', { id: 'q_care', name: 'Care', teamId: 'team_care', channels: ['chat'], topics: [], slaSeconds: 300, skills: [] }, 10),
    put('customer', customer(1), 11),
    put('contact', first, 12),
    put('queueItem', waiting(first, 'q_care'), 13),
    put('contact', second, 14),
    put('queueItem', waiting(second, 'q_care'), 15),
    put('presence', newPresence('usr_ava', T0), 16),
  ];
  await applyPulledPage(db, ava, { hubId: 'hub-1', cursor: 16, lastMutationId: 0, changes, rejected: [] });
  return db;
}

const row = (key: string, contactId: string | null, value: unknown): DraftRow => ({ key, contactId, value, at: T0 });

/** Every draft kept for contact con_1 and the customer, as a reload would find them. */
async function typedEverywhere(db: AgentDeskDb): Promise<void> {
  await db.drafts.bulkPut([
    row(draftKeys.reply('con_1'), 'con_1', 'Thanks for waiting, I have'),
    row(draftKeys.work('con_1'), 'con_1', { promise: null, gesture: null, script: { scriptId: 'scr_1', version: 1, done: ['greet'], total: 4 } }),
    row(draftKeys.note('cus_1', 'con_1'), 'con_1', 'Customer asked about'),
    row(draftKeys.note('cus_1', null), null, 'From the customer screen'),
    row(draftKeys.reply('con_2'), 'con_2', 'Another chat'),
  ]);
}

describe('drafts and the changes that replace them', () => {
  it('a note stored drops its draft in the same transaction, and nothing else', async () => {
    const db = await desktop();
    await typedEverywhere(db);
    const noteKey = draftKeys.note('cus_1', 'con_1');
    await mutate(db, ava, 'contact.addNote', { id: 'n1', customerId: 'cus_1', parentId: 'con_1', body: 'Customer asked about roaming' }, T0, { drafts: { keys: [noteKey] } });
    expect((await db.contacts.get('n1'))?.body).toBe('Customer asked about roaming');
    expect((await db.outbox.toArray()).map((mutation) => mutation.name)).toEqual(['contact.addNote']);
    expect(await db.drafts.get(noteKey)).toBeUndefined();
    expect((await db.drafts.toCollection().primaryKeys()).sort()).toEqual(
      [draftKeys.note('cus_1', null), draftKeys.reply('con_1'), draftKeys.reply('con_2'), draftKeys.work('con_1')].sort(),
    );
  });

  it('a refused change keeps its draft: the agent finds what they typed', async () => {
    const db = await desktop();
    await typedEverywhere(db);
    // Ava has not taken con_1: she cannot reply on it.
    await expect(
      mutate(db, ava, 'contact.reply', { id: 'r1', contactId: 'con_1', body: 'Thanks for waiting, I have' }, T0, { drafts: { keys: [draftKeys.reply('con_1')] } }),
    ).rejects.toThrow(MutationRefused);
    expect(readDraft(await db.drafts.get(draftKeys.reply('con_1')), TextDraftSchema)).toBe('Thanks for waiting, I have');
    expect(await db.outbox.count()).toBe(0);
  });

  it('a failure inside the transaction (the database refusing the write) leaves the draft and no change', async () => {
    const db = await desktop();
    await typedEverywhere(db);
    await mutate(db, ava, 'contact.claim', { contactId: 'con_1' }, T0);
    // The note's id is already taken by a pending mutation row: the outbox write fails after the mutator ran.
    await db.meta.put({ key: 'nextMutationId', value: 1 });
    await expect(
      mutate(db, ava, 'contact.addNote', { id: 'n2', customerId: 'cus_1', parentId: 'con_1', body: 'x' }, T0, { drafts: { keys: [draftKeys.note('cus_1', 'con_1')] } }),
    ).rejects.toThrow();
    expect(await db.contacts.get('n2')).toBeUndefined();
    expect(readDraft(await db.drafts.get(draftKeys.note('cus_1', 'con_1')), TextDraftSchema)).toBe('Customer asked about');
  });

  it('finishing the wrap-up drops every draft of that contact, its notes included; other contacts and the customer screen keep theirs', async () => {
    const db = await desktop();
    await mutate(db, ava, 'contact.claim', { contactId: 'con_1' }, T0);
    await mutate(db, ava, 'contact.endConversation', { contactId: 'con_1' }, T0 + 60_000);
    await typedEverywhere(db);
    await mutate(db, ava, 'contact.wrapUp', { contactId: 'con_1', disposition: 'Information given', resolution: 'resolved' }, T0 + 120_000, { drafts: { contactId: 'con_1' } });
    expect((await db.queueItems.get('con_1'))?.state).toBe('done');
    expect((await db.drafts.toCollection().primaryKeys()).sort()).toEqual([draftKeys.note('cus_1', null), draftKeys.reply('con_2')].sort());
  });

  it('a reset of the cache (the hub restored, compacted or changed) keeps drafts, as it keeps the outbox', async () => {
    const db = await desktop();
    await typedEverywhere(db);
    await resetLocalCache(db, { newClientId: 'client-2' });
    expect(await db.contacts.count()).toBe(0);
    expect(await db.drafts.count()).toBe(5);
  });

  it('a stored draft that no longer reads as its kind is ignored, not shown half-broken', () => {
    expect(readDraft(row('work:con_1', 'con_1', { promise: { text: '' }, gesture: null, script: null }), WorkDraftSchema)).toBeNull();
    expect(readDraft(undefined, TextDraftSchema)).toBeNull();
    expect(readDraft(row('reply:con_1', 'con_1', 'Hello'), TextDraftSchema)).toBe('Hello');
  });
});
