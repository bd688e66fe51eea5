/** A first sync asks the hub for the next page while it writes the current one: the network and IndexedDB work at once. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { AgentDeskDb, META } from '@core/db/schema';
import { SyncEngine } from '@core/sync/engine';
import { onLocalChanges } from '@core/sync/local';
import type { Change, PullResponse } from '@core/sync/protocol';
import { T0, contact } from '../helpers/world';

const PAGES = 4;
const ROWS = 400;

/** Page n of a pull: ROWS contacts of one customer, the cursor at n + 1. */
function page(n: number): PullResponse {
  const changes: Change[] = Array.from({ length: ROWS }, (_, i) => {
    const row = contact(`con_${n}_${i}`, `cus_${n}`, T0 - i * 60_000);
    return { op: 'put', entity: 'contact', id: row.id, version: n + 1, row };
  });
  return { kind: 'changes', hubId: 'hub', cursor: n + 1, hasMore: n + 1 < PAGES, lastMutationId: 0, changes, rejected: [], floor: 0 };
}

describe('pulling pages', () => {
  it('requests page n + 1 before page n is written', async () => {
    const db = new AgentDeskDb('pull-pipeline', { indexedDB: new IDBFactory(), IDBKeyRange });
    // A desktop past its essentials, pulling the rest: no essentials request, pages from cursor 0.
    await db.setMeta(META.bootstrapped, true);
    await db.setMeta(META.hubId, 'hub');
    const events: string[] = [];
    const stopListening = onLocalChanges(() => events.push(`written ${events.filter((event) => event.startsWith('written')).length}`));
    const engine = new SyncEngine({
      db,
      hubUrl: 'http://hub.test',
      token: 'token',
      actor: { userId: 'usr_ava', role: 'agent', teamIds: ['team_care'] },
      live: false,
      now: () => T0,
      random: () => 0,
      backoff: { baseMs: 10, maxMs: 20 },
      fetch: async (input) => {
        const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
        if (url.pathname === '/sync/pull') {
          const cursor = Number(url.searchParams.get('cursor'));
          events.push(`asked ${cursor}`);
          return Response.json(page(cursor));
        }
        if (url.pathname === '/sync/push') return Response.json({ results: [], lastMutationId: 0 });
        return new Response('{}', { status: 404 });
      },
    });
    engine.start();
    await expect.poll(() => events.filter((event) => event.startsWith('written')).length, { timeout: 10_000 }).toBe(PAGES);
    await engine.stop();
    stopListening();

    expect(await db.contacts.count()).toBe(PAGES * ROWS);
    // Each page after the first was asked for before the one before it was written.
    for (let n = 1; n < PAGES; n += 1) expect(events.indexOf(`asked ${n}`), events.join(', ')).toBeLessThan(events.indexOf(`written ${n - 1}`));
    db.close();
  });
});
