/** Committed local writes are told to listeners with the rows they touched, so derived views re-read only those. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { AgentDeskDb } from '@core/db/schema';
import { applyPulledPage, mutate, onLocalChanges, resetLocalCache, type LocalChanges } from '@core/sync/local';
import type { Actor } from '@core/sync/mutations';
import type { Change } from '@core/sync/protocol';
import { customer, users } from '../helpers/world';

const ava: Actor = { userId: 'usr_ava', role: 'agent', teamIds: ['team_care'] };
const put = (entity: Change['entity'], row: { id: string }, version: number): Change => ({ op: 'put', entity, id: row.id, version, row });

let off: (() => void) | null = null;
afterEach(() => off?.());

describe('local change notices', () => {
  it('name the rows a pull, a mutation, a rebase and a refused change touched, after they commit', async () => {
    const db = new AgentDeskDb('changes', { indexedDB: new IDBFactory(), IDBKeyRange });
    const seen: LocalChanges[] = [];
    off = onLocalChanges((changes) => seen.push(changes));

    await applyPulledPage(db, ava, { hubId: 'h', cursor: 3, lastMutationId: 0, changes: [put('user', users[0]!, 1), put('customer', customer(1), 2), put('customer', customer(2), 3)], rejected: [] });
    expect(seen).toEqual([{ reset: false, touched: { user: ['usr_ava'], customer: ['cus_1', 'cus_2'] } }]);

    await mutate(db, ava, 'contact.addNote', { id: 'note-1', customerId: 'cus_1', body: 'Called back.' });
    expect(seen[1]).toEqual({ reset: false, touched: { contact: ['note-1'] } });
    // When the note is written, the listener can already read it.
    expect(await db.contacts.get('note-1')).toBeDefined();

    // A refused change writes nothing and tells nothing.
    await expect(mutate(db, ava, 'contact.addNote', { id: 'note-2', customerId: 'cus_404', body: 'x' })).rejects.toThrow();
    expect(seen).toHaveLength(2);

    // A pulled page undoes the optimistic note, writes its rows, and re-applies the pending note: all named.
    await applyPulledPage(db, ava, { hubId: 'h', cursor: 4, lastMutationId: 0, changes: [put('customer', customer(3), 4)], rejected: [] });
    expect(seen[2]).toEqual({ reset: false, touched: { customer: ['cus_3'], contact: ['note-1'] } });

    await resetLocalCache(db);
    expect(seen[3]).toEqual({ reset: true, touched: {} });
    db.close();
  });
});
