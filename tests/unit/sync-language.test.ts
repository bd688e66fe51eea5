/** The sync engine asks the hub to answer in the person's language, the one chosen a moment ago included. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { AgentDeskDb } from '@core/db/schema';
import { SyncEngine } from '@core/sync/engine';

describe('the sync engine and Accept-Language', () => {
  it('sends the language in use with every request, and the new one after a change', async () => {
    let language = 'de';
    const sent: (string | null)[] = [];
    const engine = new SyncEngine({
      db: new AgentDeskDb('sync-language', { indexedDB: new IDBFactory(), IDBKeyRange }),
      hubUrl: 'http://hub.test',
      token: 'token',
      actor: { userId: 'usr_ava', role: 'agent', teamIds: ['team_care'] },
      live: false,
      random: () => 0,
      backoff: { baseMs: 10, maxMs: 20 },
      language: () => language,
      fetch: async (_url, init) => {
        sent.push(new Headers(init?.headers).get('accept-language'));
        // Refused, so the engine keeps trying and each attempt shows what it sent.
        return new Response(JSON.stringify({ statusCode: 503, error: 'storage_unavailable', message: 'away' }), { status: 503, headers: { 'content-type': 'application/json' } });
      },
    });
    engine.start();
    await expect.poll(() => sent.length, { timeout: 5000 }).toBeGreaterThan(0);
    expect(sent[0]).toBe('de');
    language = 'es';
    const before = sent.length;
    await expect.poll(() => sent.slice(before).includes('es'), { timeout: 5000 }).toBe(true);
    await engine.stop();
    expect(sent.every((value) => value === 'de' || value === 'es')).toBe(true);
  });

  it('sends none when no language is given (the hub then uses its own default)', async () => {
    const sent: (string | null)[] = [];
    const engine = new SyncEngine({
      db: new AgentDeskDb('sync-no-language', { indexedDB: new IDBFactory(), IDBKeyRange }),
      hubUrl: 'http://hub.test',
      token: 'token',
      actor: { userId: 'usr_ava', role: 'agent', teamIds: ['team_care'] },
      live: false,
      random: () => 0,
      backoff: { baseMs: 10, maxMs: 20 },
      fetch: async (_url, init) => {
        sent.push(new Headers(init?.headers).get('accept-language'));
        return new Response(JSON.stringify({ statusCode: 503, error: 'storage_unavailable', message: 'away' }), { status: 503, headers: { 'content-type': 'application/json' } });
      },
    });
    engine.start();
    await expect.poll(() => sent.length, { timeout: 5000 }).toBeGreaterThan(0);
    await engine.stop();
    expect(sent[0]).toBeNull();
  });
});
