/** Why syncing failed, as the agent reads it in their language; the English with its technical detail stays for diagnostics. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { AgentDeskDb } from '@core/db/schema';
import { SyncEngine, SYNC_ERROR_MESSAGES, type SyncStatus } from '@core/sync/engine';
import { intlFor } from '../helpers/intl';

/** The first failure the engine reports when every request is answered by `fetch`. */
async function firstFailure(name: string, fetch: typeof globalThis.fetch): Promise<SyncStatus> {
  const statuses: SyncStatus[] = [];
  const engine = new SyncEngine({
    db: new AgentDeskDb(name, { indexedDB: new IDBFactory(), IDBKeyRange }),
    hubUrl: 'http://hub.test',
    token: 'token',
    actor: { userId: 'usr_ava', role: 'agent', teamIds: ['team_care'] },
    live: false,
    now: () => 1_000_000,
    random: () => 0,
    backoff: { baseMs: 10, maxMs: 20 },
    fetch,
    onStatus: (status) => statuses.push(status),
  });
  engine.start();
  await expect.poll(() => statuses.find((status) => status.error !== null), { timeout: 5000 }).toBeDefined();
  await engine.stop();
  return statuses.find((status) => status.error !== null)!;
}

const said = (status: SyncStatus, locale: 'en-GB' | 'de' | 'es') => intlFor(locale).formatMessage(status.errorSaid!.descriptor, status.errorSaid!.values);

describe('sync failures', () => {
  it('a hub that cannot be reached: a sentence in the agent’s language, the network error only in the English for diagnostics', async () => {
    const status = await firstFailure('sync-errors-unreachable', async () => {
      throw new TypeError('fetch failed');
    });
    expect(status.error).toBe('The hub cannot be reached (fetch failed)');
    expect(status.errorSaid).toEqual({ descriptor: SYNC_ERROR_MESSAGES.unreachable });
    expect(said(status, 'en-GB')).toBe('The hub cannot be reached.');
    expect(said(status, 'de')).toBe('Der Hub ist nicht erreichbar.');
  });

  it('an answer without words: its status, in the agent’s language', async () => {
    const status = await firstFailure('sync-errors-status', async () => new Response('not json', { status: 502 }));
    expect(status.error).toBe('The hub answered 502');
    expect(said(status, 'es')).toBe('El hub respondió con el estado 502.');
  });

  it('the hub’s own answer, worded in the language the desktop asked for, is shown as it came', async () => {
    const status = await firstFailure(
      'sync-errors-worded',
      async () => new Response(JSON.stringify({ statusCode: 503, error: 'storage_unavailable', message: 'Die Datenbank des Hubs ist nicht erreichbar.' }), { status: 503 }),
    );
    expect(status).toMatchObject({ error: 'Die Datenbank des Hubs ist nicht erreichbar.', errorSaid: null });
  });
});
