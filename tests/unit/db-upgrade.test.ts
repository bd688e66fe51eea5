/** The local database's numbered versions: a cache made by an earlier release opens in this one with its rows upgraded. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { AgentDeskDb, DB_VERSIONS } from '@core/db/schema';
import { DEFAULT_FOLLOW_UP_CAPACITY, DEFAULT_WORKING_HOURS } from '@core/domain/model';
import { T0, contact, customer, users, waiting } from '../helpers/world';

describe('local database versions', () => {
  it('version 1 caches open in version 2: follow-ups and people gain the planner fields, and the new indexes answer', async () => {
    const indexedDB = new IDBFactory();
    const old = new Dexie('agentdesk-upgrade', { indexedDB, IDBKeyRange });
    old.version(1).stores(DB_VERSIONS[0]!.stores);
    const { workingHours: _hours, followUpCapacity: _capacity, ...oldUser } = users[0]!;
    await old.table('users').put(oldUser);
    await old.table('customers').put(customer(1));
    const base = { customerId: 'cus_1', contactId: null, kind: 'callback', channel: 'call', ownerId: oldUser.id, reason: 'Call back', outcome: null, note: '', createdAt: T0, createdBy: oldUser.id, completedAt: null, completedBy: null, cancelReason: null };
    await old.table('followUps').bulkPut([
      { ...base, id: 'fu-1', dueAt: T0 + 3_600_000, state: 'scheduled' },
      { ...base, id: 'fu-2', dueAt: T0 + 7_200_000, state: 'scheduled' },
      { ...base, id: 'fu-3', dueAt: T0 + 1_800_000, state: 'cancelled', cancelReason: 'Sorted' },
    ]);
    old.close();

    const db = new AgentDeskDb('agentdesk-upgrade', { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(DB_VERSIONS.at(-1)!.version);
    expect(await db.followUps.get('fu-1')).toMatchObject({ remindAt: null, ruleId: null, previousId: null, outcomeContactId: null });
    expect(await db.users.get(oldUser.id)).toMatchObject({ workingHours: DEFAULT_WORKING_HOURS, followUpCapacity: DEFAULT_FOLLOW_UP_CAPACITY });
    const open = await db.followUps.where('[state+ownerId+dueAt]').between(['scheduled', oldUser.id, -Infinity], ['scheduled', oldUser.id, Infinity]).toArray();
    expect(open.map((row) => row.id)).toEqual(['fu-1', 'fu-2']);
    expect(await db.followUps.where('[state+dueAt]').between(['cancelled', -Infinity], ['cancelled', Infinity]).primaryKeys()).toEqual(['fu-3']);
    // Rows already there are not touched beyond the new fields.
    expect((await db.customers.get('cus_1'))?.firstName).toBe('First1');
    db.close();
  });

  it('version 4 caches open in version 5: people cached before `disabled` existed are enabled', async () => {
    const indexedDB = new IDBFactory();
    const old = new Dexie('agentdesk-upgrade-5', { indexedDB, IDBKeyRange });
    for (const { version, stores } of DB_VERSIONS.filter((entry) => entry.version <= 4)) old.version(version).stores(stores);
    const { disabled: _disabled, ...oldUser } = users[0]!;
    await old.table('users').put(oldUser);
    old.close();

    const db = new AgentDeskDb('agentdesk-upgrade-5', { indexedDB, IDBKeyRange });
    await db.open();
    expect(await db.users.get(oldUser.id)).toEqual({ ...oldUser, disabled: false });
    expect((await db.users.where('username').equals(oldUser.username).first())?.id).toBe(oldUser.id);
    db.close();
  });

  it('version 5 caches open in version 6: people lose the presence fields their row no longer has, and presence has its own table', async () => {
    const indexedDB = new IDBFactory();
    const old = new Dexie('agentdesk-upgrade-6', { indexedDB, IDBKeyRange });
    for (const { version, stores } of DB_VERSIONS.filter((entry) => entry.version <= 5)) old.version(version).stores(stores);
    await old.table('users').put({ ...users[0]!, presence: 'available', presenceAt: T0, idleSince: T0, _v: 7 });
    old.close();

    const db = new AgentDeskDb('agentdesk-upgrade-6', { indexedDB, IDBKeyRange });
    await db.open();
    expect(await db.users.get(users[0]!.id)).toEqual({ ...users[0]!, _v: 7 });
    // Presence comes from the hub, which sends every person's row again and the presence rows in scope.
    expect(await db.presence.count()).toBe(0);
    db.close();
  });

  it('version 6 caches open in version 7: queue items and notes gain hand-over, escalation and mentions, and notifications have a table', async () => {
    const indexedDB = new IDBFactory();
    const old = new Dexie('agentdesk-upgrade-7', { indexedDB, IDBKeyRange });
    for (const { version, stores } of DB_VERSIONS.filter((entry) => entry.version <= 6)) old.version(version).stores(stores);
    const note = contact('note_1', 'cus_1', T0, { channel: 'note', direction: 'internal' });
    const item = waiting(contact('con_1', 'cus_1', T0), 'q_care');
    const { mentions: _mentions, ...oldNote } = note;
    const { handoff: _handoff, escalation: _escalation, ...oldItem } = item;
    await old.table('contacts').put({ ...oldNote, _v: 3 });
    await old.table('queueItems').put({ ...oldItem, _v: 4 });
    old.close();

    const db = new AgentDeskDb('agentdesk-upgrade-7', { indexedDB, IDBKeyRange });
    await db.open();
    expect(await db.contacts.get('note_1')).toEqual({ ...note, _v: 3 });
    expect(await db.queueItems.get('con_1')).toEqual({ ...item, _v: 4 });
    expect(await db.queueItems.where('customerId').equals('cus_1').count()).toBe(1);
    expect(await db.notifications.count()).toBe(0);
    db.close();
  });
  it('version 8 caches open in version 9: a drafts table, empty, found by contact; cached rows untouched', async () => {
    const indexedDB = new IDBFactory();
    const old = new Dexie('agentdesk-upgrade-9', { indexedDB, IDBKeyRange });
    for (const { version, stores } of DB_VERSIONS.filter((entry) => entry.version <= 8)) old.version(version).stores(stores);
    const call = contact('con_1', 'cus_1', T0);
    await old.table('contacts').put({ ...call, _v: 5 });
    await old.table('outbox').put({ id: 1, name: 'contact.claim', args: { contactId: 'con_1' }, at: T0 });
    old.close();

    const db = new AgentDeskDb('agentdesk-upgrade-9', { indexedDB, IDBKeyRange });
    await db.open();
    expect(await db.contacts.get('con_1')).toEqual({ ...call, _v: 5 });
    expect(await db.outbox.count()).toBe(1);
    expect(await db.drafts.count()).toBe(0);
    await db.drafts.bulkPut([
      { key: 'reply:con_1', contactId: 'con_1', value: 'Hello', at: T0 },
      { key: 'note:cus_1:', contactId: null, value: 'On the customer', at: T0 },
    ]);
    expect(await db.drafts.where('contactId').equals('con_1').primaryKeys()).toEqual(['reply:con_1']);
    db.close();
  });
});
