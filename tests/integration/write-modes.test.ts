/**
 * Writes side by side on PostgreSQL (hub/sync/store.ts): agents' pushes and
 * new contacts lock only the rows and keys they use, and take the write lock
 * only to give their rows final versions, announce them and commit. These
 * tests hold one write open in the middle and check what the others may and
 * may not do meanwhile. PGlite runs one transaction at a time, so there every
 * write runs alone: it runs only the checks of outcomes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../hub/clock';
import { importRows } from '../../hub/import';
import { ingestContact } from '../../hub/ingest';
import type { Queryable } from '../../hub/storage';
import { startHub, type RunningHub } from '../../hub/server';
import { applyPush, validatePush } from '../../hub/sync/push';
import { announcedWrite, getRow, grantScope, putRow, writeTransaction } from '../../hub/sync/store';
import { storageTargets, type TestDatabase } from '../helpers/storage-targets';
import { customer, queues, smallWorld, T0, users } from '../helpers/world';
import { PROTOCOL_VERSION } from '@core/sync/protocol';

const targets = await storageTargets();
const clock: Clock = { now: () => T0 + 60_000 };

/** A promise and the function that settles it. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const settledWithin = async (promise: Promise<unknown>, ms: number) =>
  Promise.race([promise.then(() => true, () => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);

describe.each(targets)('writes side by side on $label', (target) => {
  const skip = target.skipReason;
  const overlapSkip = skip ?? (target.kind === 'pglite' ? 'PGlite runs one transaction at a time: every write there runs alone' : undefined);
  let database: TestDatabase;
  let hub: RunningHub;

  beforeAll(async () => {
    if (skip) return;
    database = await target.create();
    // Offers would write queue items of their own in the middle of these scenarios.
    hub = await startHub({ host: '127.0.0.1', port: 0, databaseUrl: database.databaseUrl, dataDir: database.dataDir, offers: false });
    const world = smallWorld();
    await importRows(hub.storage, world.entries, world.accounts);
  });
  afterAll(async () => {
    await hub?.close();
    await database?.drop();
  });

  const versionOf = async (id: string) => Number((await hub.storage.query<{ version: string }>('SELECT version FROM entities WHERE id = $1', [id]))[0]!.version);
  const scopeSeqOf = async (userId: string, key: string) =>
    Number((await hub.storage.query<{ seq: string }>('SELECT seq FROM user_scope WHERE user_id = $1 AND customer_id = $2', [userId, key]))[0]!.seq);
  /** A rows write that has done `work` and stays open, uncommitted, until released. */
  const heldOpen = async (work: (tx: Queryable) => Promise<void>) => {
    const written = gate();
    const release = gate();
    const done = announcedWrite(
      hub.storage,
      async (tx) => {
        await work(tx);
        written.open();
        await release.opened;
      },
      'rows',
    );
    await written.opened;
    return { release: release.open, done };
  };
  const head = async () => Number((await hub.storage.query<{ value: string }>("SELECT value FROM hub_meta WHERE key = 'head'"))[0]!.value);

  it.skipIf(overlapSkip)('a write that commits late gets versions after every write committed before it, so no pull from the head misses it', async () => {
    const late = await heldOpen(async (tx) => {
      await putRow(tx, 'customer', customer(21));
      await grantScope(tx, [['usr_ava', 'cus_21']]);
    });
    // Begun later, committed first: its version is drawn after the late write's first one.
    await writeTransaction(hub.storage, (tx) => putRow(tx, 'customer', customer(22)), 'rows');
    const seenUpTo = await head();
    expect(await versionOf('cus_22')).toBeLessThanOrEqual(seenUpTo);

    late.release();
    const { head: lateHead } = await late.done;
    // A desktop whose cursor reached the head before the late commit reads everything above it next: the late rows are there.
    expect(await versionOf('cus_21')).toBeGreaterThan(seenUpTo);
    expect(await scopeSeqOf('usr_ava', 'cus_21')).toBeGreaterThan(seenUpTo);
    expect(lateHead).toBeGreaterThanOrEqual(await versionOf('cus_21'));
  });

  it.skipIf(overlapSkip)('two agents claiming one contact at the same moment: one has it, the other is told who took it', async () => {
    const push = (username: 'ava' | 'ben', clientId: string, hooks = {}) =>
      applyPush(
        hub.storage,
        users.find((person) => person.username === username)!,
        clientId,
        validatePush({ schemaVersion: PROTOCOL_VERSION, clientId, mutations: [{ id: 1, name: 'contact.claim', args: { contactId: 'con_1' }, at: T0 + 60_000 }] }),
        { clock, hooks },
      );
    const claimed = gate();
    const release = gate();
    // Ava's claim is applied but not committed when Ben's arrives.
    const ava = push('ava', 'cli_ava_claims', {
      afterMutation: async () => {
        claimed.open();
        await release.opened;
      },
    });
    await claimed.opened;
    const ben = push('ben', 'cli_ben_claims');
    // Ben's push waits while Ava's is open (for the contact's row, then run alone).
    expect(await settledWithin(ben, 300)).toBe(false);
    release.open();
    const [avas, bens] = await Promise.all([ava, ben]);
    expect(avas.response.results).toEqual([{ id: 1, status: 'applied' }]);
    expect(bens.response.results).toEqual([
      { id: 1, status: 'rejected', code: 'already_claimed', message: 'Ava already took this contact.', messageId: 'rejection.contact.alreadyTaken', values: { name: 'Ava' } },
    ]);
    const item = await getRow(hub.storage, 'queueItem', 'con_1');
    expect(item).toMatchObject({ state: 'claimed', assigneeId: 'usr_ava' });
  });

  it.skipIf(overlapSkip)('a change to the directory waits until the writes in progress have committed, and comes after them', async () => {
    const inProgress = await heldOpen((tx) => putRow(tx, 'customer', customer(23)).then(() => undefined));
    const renamed = { ...queues[1]!, name: 'Other (renamed)' };
    const serial = writeTransaction(hub.storage, (tx) => putRow(tx, 'queue', renamed));
    expect(await settledWithin(serial, 300)).toBe(false);
    inProgress.release();
    await Promise.all([inProgress.done, serial]);
    expect(await versionOf(renamed.id)).toBeGreaterThan(await versionOf('cus_23'));
  });

  it.skipIf(overlapSkip)('a write side by side may not change the directory: that is for writes that run alone', async () => {
    await expect(writeTransaction(hub.storage, (tx) => putRow(tx, 'queue', { ...queues[0]!, name: 'Care (renamed)' }), 'rows')).rejects.toThrow(
      'A queue row is written only by a serial write',
    );
    expect((await getRow(hub.storage, 'queue', 'q_care'))?.name).toBe('Care');
  });

  it.skipIf(skip)('contacts from one new sender arriving at the same moment make one customer, and one external id makes one contact', async () => {
    const post = (email: string, n: number, externalId?: string) =>
      ingestContact(
        hub.storage,
        { channel: 'email', from: { email }, subject: `Question ${n}`, body: 'Hello', ...(externalId ? { externalId } : {}) },
        { now: clock.now(), source: 'test' },
      );
    const senders = ['new.one@example.com', 'new.two@example.com', 'new.three@example.com'];
    const outcomes = await Promise.all(senders.flatMap((email) => [1, 2, 3, 4].map((n) => post(email, n))));
    for (const email of senders) {
      const mine = outcomes.filter((_, index) => senders[Math.floor(index / 4)] === email).map((outcome) => outcome.response);
      expect(new Set(mine.map((response) => response.customerId)).size).toBe(1);
      expect(mine.filter((response) => response.customerCreated)).toHaveLength(1);
    }
    const twice = await Promise.all([post('new.four@example.com', 1, 'ext-same'), post('new.four@example.com', 1, 'ext-same')]);
    expect(new Set(twice.map((outcome) => outcome.response.contactId)).size).toBe(1);
    expect(twice.map((outcome) => outcome.response.duplicate).sort()).toEqual([false, true]);
  });
});
