/** History search: what an agent types finds what it should, the index follows the cache's writes, and a restart reads it back. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { AgentDeskDb, META } from '@core/db/schema';
import { HistorySearch } from '@core/search/engine';
import { HistoryIndex, SEARCH_FORMAT } from '@core/search/history-index';
import { indexAnswers } from '@core/search/text';
import { applyPulledPage, mutate, onLocalChanges, resetLocalCache, type LocalChanges } from '@core/sync/local';
import type { Actor } from '@core/sync/mutations';
import type { Change } from '@core/sync/protocol';
import { contact, customer, T0, users } from '../helpers/world';

const ava: Actor = { userId: 'usr_ava', role: 'agent', teamIds: ['team_care'] };
const put = (entity: Change['entity'], row: { id: string }, version: number): Change => ({ op: 'put', entity, id: row.id, version, row });
const HOUR = 3_600_000;

function sampleIndex(): HistoryIndex {
  const index = new HistoryIndex();
  index.putCustomer(customer(1, { firstName: 'Jürgen', lastName: 'Müller', company: 'Bäckerei Sonnenschein' }));
  index.putCustomer(customer(2, { firstName: 'Inés', lastName: 'Peña' }));
  index.putCustomer(customer(3, { firstName: 'Ann', lastName: 'Lee' }));
  index.putContact(contact('c1', 'cus_1', T0, { subject: 'Router keeps dropping', body: 'The router restarts every evening.' }));
  index.putContact(contact('c2', 'cus_1', T0 + HOUR, { subject: 'Wrong item', body: 'Courier investigation opened, reference BW-482133.' }));
  index.putContact(contact('c3', 'cus_2', T0, { subject: 'Factura', body: 'La factura de marzo está mal; pidió un abono.' }));
  index.putContact(contact('c4', 'cus_3', T0, { subject: 'Routing question', body: 'Asked about the route of the engineer.' }));
  return index;
}

describe('the history index', () => {
  it('finds words by their start while they are typed, across everyone or for one customer', () => {
    const index = sampleIndex();
    expect(index.searchHistory('rou').sort()).toEqual(['c1', 'c4']);
    expect(index.searchHistory('route').sort()).toEqual(['c1', 'c4']);
    expect(index.searchHistory('router')).toEqual(['c1']);
    expect(index.searchHistory('rou', { customerId: 'cus_1' })).toEqual(['c1']);
    expect(index.searchHistory('router evening', { customerId: 'cus_1' })).toEqual(['c1']);
    // Every word must match somewhere in the contact.
    expect(index.searchHistory('router courier')).toEqual([]);
    expect(index.searchHistory('zzzz-nothing-like-this')).toEqual([]);
    expect(index.searchHistory('rou', { customerId: 'cus_404' })).toEqual([]);
  });

  it('finds a rare word beside a common one, and gives the newest first', () => {
    const index = sampleIndex();
    for (let n = 0; n < 60; n++) index.putContact(contact(`r${n}`, `cus_${100 + n}`, T0 + n, { body: `Router swap ${n}` }));
    index.putContact(contact('rare', 'cus_7', T0, { body: 'Router swap, order BW-771234' }));
    expect(index.searchHistory('router BW-771234')).toEqual(['rare']);
    expect(index.searchHistory('771 rout')).toEqual(['rare']);
    expect(index.searchHistory('router swap', { limit: 3 })).toEqual(['rare', 'r59', 'r58']);
  });

  it('is asked once the word being typed has three letters, or is complete', () => {
    expect(indexAnswers('lo')).toBe(false);
    expect(indexAnswers('ada lo')).toBe(false);
    expect(indexAnswers('ada lov')).toBe(true);
    expect(indexAnswers('bw ')).toBe(true);
    expect(indexAnswers('BW-4')).toBe(false);
    expect(indexAnswers('BW-482')).toBe(true);
    expect(indexAnswers('  ')).toBe(false);
  });

  it('finds reference numbers whole, by their digits, and as digits are typed', () => {
    const index = sampleIndex();
    expect(index.searchHistory('BW-482133')).toEqual(['c2']);
    expect(index.searchHistory('482133')).toEqual(['c2']);
    expect(index.searchHistory('4821')).toEqual(['c2']);
    expect(index.searchHistory('4822')).toEqual([]);
  });

  it('folds accents both ways: "Muller" finds Müller, "está" finds "esta", ß is ss', () => {
    const index = sampleIndex();
    expect(index.searchCustomers('Muller')).toEqual(['cus_1']);
    expect(index.searchCustomers('jurgen mul')).toEqual(['cus_1']);
    expect(index.searchCustomers('Bäckerei')).toEqual(['cus_1']);
    expect(index.searchCustomers('backerei')).toEqual(['cus_1']);
    expect(index.searchCustomers('pena ines')).toEqual(['cus_2']);
    expect(index.searchHistory('esta marzo')).toEqual(['c3']);
    index.putContact(contact('c5', 'cus_1', T0, { body: 'Straße gesperrt' }));
    expect(index.searchHistory('strasse')).toEqual(['c5']);
  });

  it('finds customers by email, phone digits and tag', () => {
    const index = sampleIndex();
    index.putCustomer(customer(4, { emails: ['robin.h.77@example.net'], phones: ['+447700900177'], tags: ['at-risk'] }));
    expect(index.searchCustomers('robin.h.77@example.net')).toEqual(['cus_4']);
    expect(index.searchCustomers('447700900177')).toEqual(['cus_4']);
    expect(index.searchCustomers('at-risk')).toEqual(['cus_4']);
  });

  it('forgets a changed text, a deleted contact and a customer merged into another', () => {
    const index = sampleIndex();
    index.putContact(contact('c1', 'cus_1', T0, { subject: 'Billing', body: 'Paid twice this month.' }));
    expect(index.searchHistory('router')).toEqual([]);
    expect(index.searchHistory('twice')).toEqual(['c1']);
    // A contact moved to another customer (a merge) is found under the new one only.
    index.putContact(contact('c1', 'cus_2', T0, { subject: 'Billing', body: 'Paid twice this month.' }));
    expect(index.searchHistory('twice', { customerId: 'cus_1' })).toEqual([]);
    expect(index.searchHistory('twice', { customerId: 'cus_2' })).toEqual(['c1']);
    index.removeContact('c2');
    expect(index.searchHistory('courier')).toEqual([]);
    index.putCustomer(customer(1, { firstName: 'Jürgen', lastName: 'Müller', mergedInto: 'cus_2' }));
    expect(index.searchCustomers('muller')).toEqual([]);
    expect(index.stats()).toMatchObject({ contacts: 3, customers: 2 });
    expect(index.counts()).toEqual({ contacts: 3, customers: 3 });
  });

  it('reads back from its segments exactly what it held, dead entries included', () => {
    const index = sampleIndex();
    const first = index.takeSegment(true);
    index.putContact(contact('c1', 'cus_1', T0, { subject: 'Billing', body: 'Paid twice.' }));
    index.putContact(contact('c6', 'cus_9', T0, { body: 'Dropped the router off at the depot' }));
    index.removeCustomer('cus_3');
    const second = index.takeSegment();
    expect(second.contacts.from).toBe(first.contacts.ids.length);
    expect(second.contacts.died).toEqual([0]);
    expect(index.unsaved).toBe(false);
    const restored = HistoryIndex.restore([first, second]);
    for (const query of ['rou', 'router', 'twice', 'BW-482133', 'esta']) {
      expect(restored.searchHistory(query).sort()).toEqual(index.searchHistory(query).sort());
      expect(restored.searchHistory(query, { customerId: 'cus_9' })).toEqual(index.searchHistory(query, { customerId: 'cus_9' }));
    }
    expect(restored.searchCustomers('lee')).toEqual([]);
    expect(restored.stats()).toEqual(index.stats());
    // What is added after a restore lands after what was read.
    restored.putContact(contact('c7', 'cus_9', T0, { body: 'Router replaced' }));
    expect(restored.searchHistory('router', { customerId: 'cus_9' }).sort()).toEqual(['c6', 'c7']);
    expect(() => HistoryIndex.restore([second])).toThrow();
  });
});

describe('history search over the local cache', () => {
  const offs: (() => void)[] = [];
  afterEach(() => offs.splice(0).forEach((off) => off()));

  /** A cache after its first sync, with a search that follows its change notices (as the worker does). */
  async function cache() {
    const factory = new IDBFactory();
    const db = new AgentDeskDb('search', { indexedDB: factory, IDBKeyRange });
    await applyPulledPage(db, ava, {
      hubId: 'h',
      cursor: 1,
      lastMutationId: 0,
      changes: [
        put('user', users[0]!, 1),
        put('customer', customer(1, { firstName: 'Jürgen', lastName: 'Müller' }), 1),
        put('customer', customer(2), 1),
        put('contact', contact('c1', 'cus_1', T0, { subject: 'Router keeps dropping' }), 1),
        put('contact', contact('c2', 'cus_2', T0, { body: 'Courier reference BW-482133' }), 1),
      ],
      rejected: [],
    });
    return { db, factory };
  }

  function follow(search: HistorySearch): { settled: () => Promise<void>; stop: () => void } {
    let chain = Promise.resolve();
    offs.push(
      onLocalChanges((changes: LocalChanges) => {
        chain = chain.then(() => search.apply(changes).then(() => undefined));
      }),
    );
    return { settled: () => chain, stop: () => offs.shift()?.() };
  }

  it('waits for the first sync to finish, then builds from the cache with progress', async () => {
    const { db } = await cache();
    const progress: number[] = [];
    const search = new HistorySearch(db, { onProgress: (loaded) => progress.push(loaded), page: 2 });
    expect(await search.open()).toBe(false);
    expect(search.searchHistory('router')).toBeNull();
    await db.setMeta(META.bootstrapped, true);
    expect(await search.open()).toBe(true);
    expect(search.origin).toBe('built');
    expect(progress.at(-1)).toBe(4);
    expect(search.searchHistory('router')).toEqual(['c1']);
    expect(search.searchCustomers('muller')).toEqual(['cus_1']);
    db.close();
  });

  it('finds a note as soon as it is added here, and forgets contacts the hub deleted and customers merged away', async () => {
    const { db } = await cache();
    await db.setMeta(META.bootstrapped, true);
    const search = new HistorySearch(db);
    await search.open();
    const { settled } = follow(search);

    await mutate(db, ava, 'contact.addNote', { id: 'note-1', customerId: 'cus_1', body: 'Replacement router posted, order 77120.' });
    await settled();
    expect(search.searchHistory('77120', { customerId: 'cus_1' })).toEqual(['note-1']);
    expect(search.searchHistory('replac')).toEqual(['note-1']);

    await applyPulledPage(db, ava, {
      hubId: 'h',
      cursor: 2,
      lastMutationId: 1,
      changes: [{ op: 'delete', entity: 'contact', id: 'c2', version: 2 }, put('customer', customer(2, { mergedInto: 'cus_1' }), 2)],
      rejected: [],
    });
    await settled();
    expect(search.searchHistory('courier')).toEqual([]);
    expect(search.searchCustomers('first2')).toEqual([]);
    db.close();
  });

  it('after a restart reads the saved index and the changes since its last save, instead of rebuilding', async () => {
    const { db, factory } = await cache();
    await db.setMeta(META.bootstrapped, true);
    const search = new HistorySearch(db);
    await search.open();
    const { settled, stop } = follow(search);
    await mutate(db, ava, 'contact.addNote', { id: 'note-1', customerId: 'cus_1', body: 'Saved before the restart.' });
    await settled();
    await search.save();
    expect(await db.searchSegments.count()).toBe(2);
    expect(await db.searchJournal.count()).toBe(0);
    // Not saved: only journaled, as when the app closes between saves.
    await mutate(db, ava, 'contact.addNote', { id: 'note-2', customerId: 'cus_1', body: 'Journaled only.' });
    await settled();
    expect(await db.searchJournal.count()).toBe(1);
    // The app closes: nothing listens on the old database any more.
    stop();
    db.close();

    const reopened = new AgentDeskDb('search', { indexedDB: factory, IDBKeyRange });
    const restarted = new HistorySearch(reopened);
    // Before it is read back, notices are journaled only.
    const { settled: restartedSettled } = follow(restarted);
    await mutate(reopened, ava, 'contact.addNote', { id: 'note-3', customerId: 'cus_2', body: 'Written before the index was read back.' });
    await restartedSettled();
    expect(await reopened.searchJournal.count()).toBe(2);
    expect(await restarted.open()).toBe(true);
    expect(restarted.origin).toBe('restored');
    expect(restarted.searchHistory('saved')).toEqual(['note-1']);
    expect(restarted.searchHistory('journaled')).toEqual(['note-2']);
    expect(restarted.searchHistory('before', { customerId: 'cus_2' })).toEqual(['note-3']);
    expect(restarted.searchHistory('router')).toEqual(['c1']);
    // The next save folds the journal in.
    await restarted.save();
    expect(await reopened.searchJournal.count()).toBe(0);
    reopened.close();
  });

  it('rebuilds a saved index of another format, or one that disagrees with the cache', async () => {
    const { db, factory } = await cache();
    await db.setMeta(META.bootstrapped, true);
    await new HistorySearch(db).open();
    const [row] = await db.searchSegments.toArray();
    await db.searchSegments.update(row!.seq!, { segment: { ...row!.segment, format: SEARCH_FORMAT - 1 } });
    const older = new HistorySearch(db);
    await older.open();
    expect(older.origin).toBe('built');

    // A contact written while nothing was listening (no notice): the counts disagree, so the index is rebuilt.
    await db.contacts.put({ ...contact('c9', 'cus_2', T0, { body: 'Written behind its back' }), _v: 3 });
    const reopened = new AgentDeskDb('search', { indexedDB: factory, IDBKeyRange });
    const search = new HistorySearch(reopened);
    await search.open();
    expect(search.origin).toBe('built');
    expect(search.searchHistory('behind')).toEqual(['c9']);
    db.close();
    reopened.close();
  });

  it('drops the index with the cache (a reset), and builds it again after the next first sync', async () => {
    const { db } = await cache();
    await db.setMeta(META.bootstrapped, true);
    const search = new HistorySearch(db);
    await search.open();
    const { settled } = follow(search);
    await resetLocalCache(db);
    await settled();
    expect(search.state).toBe('waiting');
    expect(search.searchHistory('router')).toBeNull();
    expect(await db.searchSegments.count()).toBe(0);
    expect(await search.open()).toBe(false);
    db.close();
  });
});
