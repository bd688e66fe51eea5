/**
 * What a hub process writes on its event streams as it hears announcements:
 * each `changes` event vouches for the versions since the stream's last
 * event (or since it opened), never further back than the process heard
 * without a gap; events close together are sent as one; whatever it cannot
 * vouch for is a poke.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Delivery } from '@core/sync/protocol';
import type { Storage } from '../../hub/storage';
import { ChangeStreams } from '../../hub/sync/events';

/** A storage that lets the test play the database's notifications. */
function fakeStorage(readBack: Record<string, string> = {}) {
  const heard: { onPayload: (payload: string) => void; onReconnect: () => void }[] = [];
  const storage = {
    listen: async (_channel: string, onPayload: (payload: string) => void, onReconnect: () => void) => {
      heard.push({ onPayload, onReconnect });
      return async () => undefined;
    },
    // readAnnouncement's query: the range's payload as the tables hold it.
    query: async (_sql: string, params: readonly unknown[]) => [{ payload: readBack[`${String(params[0])}-${String(params[1])}`] }],
  } as unknown as Storage;
  return { storage, notify: (payload: unknown) => heard[0]!.onPayload(typeof payload === 'string' ? payload : JSON.stringify(payload)), reconnect: () => heard[0]!.onReconnect() };
}

/** An open stream as its desktop reads it. */
function fakeStream(streams: ChangeStreams, userId: string, takesChanges = true) {
  const events: ({ event: 'poke' } | { event: 'changes'; delivery: Delivery })[] = [];
  const raw = {
    writableEnded: false,
    writeHead: () => undefined,
    write: (text: string) => {
      for (const block of text.split('\n\n')) {
        const event = /^event: (\w+)/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event === 'poke') events.push({ event: 'poke' });
        if (event === 'changes') events.push({ event: 'changes', delivery: JSON.parse(data!) as Delivery });
      }
      return true;
    },
    end: () => undefined,
    on: () => undefined,
  };
  const reply = { hijack: () => undefined, getHeaders: () => ({}), raw } as unknown as FastifyReply;
  const request = { raw: { on: () => undefined } } as unknown as FastifyRequest;
  streams.open(request, reply, userId, takesChanges);
  return events;
}

const note = (id: string, version: number, customerId = 'cus_1') => [
  'contact',
  id,
  customerId,
  version,
  false,
  { id, customerId, body: 'A note' },
];
/** An announcement of (p, t] with notes held by `holders`. */
const announcement = (p: number, t: number, rows: unknown[][] = [], holders: [string, string[]][] = [['cus_1', ['usr_ava']]], granted: string[] = []) => ({
  p,
  t,
  all: false,
  rows,
  holders,
  granted,
});
const flushed = () => new Promise((resolve) => setTimeout(resolve, 60));
/** Lets the process handle what it heard (announcements are handled in turn, asynchronously). */
const heardAll = () => new Promise((resolve) => setTimeout(resolve, 5));

let running: ChangeStreams | null = null;
afterEach(async () => {
  await running?.close();
  running = null;
});

async function setUp(readBack?: Record<string, string>) {
  const fake = fakeStorage(readBack);
  running = new ChangeStreams(fake.storage);
  await running.start('hub_1');
  return { ...fake, streams: running };
}

describe('event streams', () => {
  it('send each person the rows they hold, events close together as one, each following on from the last', async () => {
    const { streams, notify } = await setUp();
    const ava = fakeStream(streams, 'usr_ava');
    const ben = fakeStream(streams, 'usr_ben');
    notify(announcement(0, 10, [note('n1', 9)]));
    notify(announcement(10, 12, [note('n2', 11), note('n1', 12)]));
    await flushed();
    expect(ava).toEqual([{ event: 'changes', delivery: { hubId: 'hub_1', after: 0, to: 12, changes: [expect.objectContaining({ id: 'n1', version: 12 }), expect.objectContaining({ id: 'n2', version: 11 })] } }]);
    expect(ben).toEqual([]);

    // Nothing for Ava in (12, 15]: her next event vouches for it too.
    notify(announcement(12, 15, [note('n3', 14, 'cus_2')], [['cus_2', ['usr_ben']]]));
    notify(announcement(15, 20, [note('n4', 18)]));
    await flushed();
    expect(ava[1]).toMatchObject({ event: 'changes', delivery: { after: 12, to: 20 } });
    expect(ben).toEqual([{ event: 'changes', delivery: expect.objectContaining({ after: 0, to: 15 }) }]);

    // Rows everyone syncs reach everyone.
    notify(announcement(20, 21, [['team', 'team_care', null, 21, false, { id: 'team_care', name: 'Care' }]], []));
    await flushed();
    expect(ava[2]).toMatchObject({ event: 'changes', delivery: { after: 20, to: 21, changes: [{ entity: 'team' }] } });
    expect(ben[1]).toMatchObject({ event: 'changes', delivery: { after: 15, to: 21, changes: [{ entity: 'team' }] } });

    // Ben's own row changed (disabled, say): his desktop pulls, where the hub tells it his sessions have ended; Ava is sent the row.
    notify(announcement(21, 22, [['user', 'usr_ben', null, 22, false, { id: 'usr_ben', disabled: true }]], []));
    await flushed();
    expect(ben[2]).toEqual({ event: 'poke' });
    expect(ava[3]).toMatchObject({ event: 'changes', delivery: { after: 21, to: 22, changes: [{ entity: 'user', id: 'usr_ben' }] } });
  });

  it('vouch for a stream only from when it opened', async () => {
    const { streams, notify } = await setUp();
    notify(announcement(0, 10, [note('n1', 9)]));
    await heardAll();
    const ava = fakeStream(streams, 'usr_ava');
    notify(announcement(10, 12, [note('n2', 11)]));
    await flushed();
    // n1 was written before this stream opened: the desktop pulled it when it connected, or pulls now.
    expect(ava).toEqual([{ event: 'changes', delivery: expect.objectContaining({ after: 10, to: 12 }) }]);
  });

  it('ask for a pull where they cannot vouch: a gap in what was heard, a lost connection, an older hub, a person who gained customers, an older desktop', async () => {
    const { streams, notify, reconnect } = await setUp();
    const ava = fakeStream(streams, 'usr_ava');
    const older = fakeStream(streams, 'usr_ava', false);
    notify(announcement(0, 10, [note('n1', 9)]));
    await flushed();
    expect(older).toEqual([{ event: 'poke' }]);

    // (10, 25] was never heard.
    notify(announcement(25, 30, [note('n2', 28)]));
    await flushed();
    expect(ava.slice(1)).toEqual([{ event: 'poke' }]);
    notify(announcement(30, 31, [note('n3', 31)]));
    await flushed();
    expect(ava.slice(2)).toEqual([{ event: 'changes', delivery: expect.objectContaining({ after: 30, to: 31 }) }]);

    reconnect();
    await flushed();
    expect(ava.slice(3)).toEqual([{ event: 'poke' }]);

    // An older hub's poke carries no versions: the next event vouches only for its own.
    notify('*');
    await flushed();
    notify(announcement(40, 41, [note('n4', 41)]));
    await flushed();
    expect(ava.slice(4)).toEqual([{ event: 'poke' }, { event: 'changes', delivery: expect.objectContaining({ after: 40, to: 41 }) }]);

    notify(announcement(41, 42, [note('n5', 42)], [['cus_1', ['usr_ava']]], ['usr_ava']));
    notify({ p: 42, t: 300, all: true });
    await flushed();
    expect(ava.slice(6)).toEqual([{ event: 'poke' }]);
  });

  it('read back an announcement too large for its notification', async () => {
    const { streams, notify } = await setUp({ '0-10': JSON.stringify(announcement(0, 10, [note('n1', 9)])) });
    const ava = fakeStream(streams, 'usr_ava');
    notify({ p: 0, t: 10, fetch: true });
    await flushed();
    expect(ava).toEqual([{ event: 'changes', delivery: expect.objectContaining({ after: 0, to: 10, changes: [expect.objectContaining({ id: 'n1' })] }) }]);
  });
});
