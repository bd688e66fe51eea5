/** A database that cannot be reached answers 503 with Retry-After, never 500; desktops wait as long as they are asked to. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { AgentDeskDb } from '@core/db/schema';
import { parseRetryAfter, SyncEngine, type SyncStatus } from '@core/sync/engine';
import { HttpError, installErrorHandling, isStorageUnavailable, StorageUnavailableError } from '../../hub/errors';

/** What pg and Node raise: an Error with a string `code` (SQLSTATE or errno). */
function coded(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('isStorageUnavailable', () => {
  it.each([
    ['a refused connection', coded('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a reset connection', coded('read ECONNRESET', 'ECONNRESET')],
    ['admin_shutdown (pg_terminate_backend, fast shutdown)', coded('terminating connection due to administrator command', '57P01')],
    ['crash_shutdown', coded('terminating connection because of crash of another server process', '57P02')],
    ['cannot_connect_now (starting up)', coded('the database system is starting up', '57P03')],
    ['connection_failure', coded('connection failure', '08006')],
    ['sqlclient_unable_to_establish_sqlconnection', coded('could not connect', '08001')],
    ['connection_does_not_exist', coded('connection does not exist', '08003')],
    ['a connection dropped mid-query', new Error('Connection terminated unexpectedly')],
    ['a client whose connection broke', new Error('Client has encountered a connection error and is not queryable')],
    ['a pool timeout', new Error('timeout exceeded when trying to connect')],
    ['a connect timeout', new Error('Connection terminated due to connection timeout', { cause: new Error('timeout expired') })],
    ['a wrapped cause', new Error('push failed', { cause: coded('read ECONNRESET', 'ECONNRESET') })],
    ['an AggregateError with a code (several addresses refused)', Object.assign(new AggregateError([], ''), { code: 'ECONNREFUSED' })],
    ['the error itself', new StorageUnavailableError()],
  ])('%s is unavailability', (_label, error) => {
    expect(isStorageUnavailable(error)).toBe(true);
  });

  it.each([
    ['a syntax error', coded('syntax error at or near "SELEC"', '42601')],
    ['a unique violation', coded('duplicate key value violates unique constraint', '23505')],
    ['a serialization failure', coded('could not serialize access', '40001')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['not an error at all', 'ECONNREFUSED'],
  ])('%s is not', (_label, error) => {
    expect(isStorageUnavailable(error)).toBe(false);
  });
});

describe('the error handler', () => {
  const app = Fastify({ logger: false });
  installErrorHandling(app);
  const throwing = (error: Error) => async () => {
    throw error;
  };
  app.get('/refused', throwing(coded('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')));
  app.get('/terminated', throwing(coded('terminating connection due to administrator command', '57P01')));
  app.get('/explicit', throwing(new StorageUnavailableError()));
  app.get('/bug', throwing(new Error('something else broke')));
  app.get('/conflict', throwing(new HttpError(409, 'mutation_gap', 'gap')));
  app.get('/client-aborted', throwing(Object.assign(coded('aborted', 'ECONNRESET'), { statusCode: 400 })));
  afterAll(() => app.close());

  it.each(['/refused', '/terminated', '/explicit'])('%s answers 503 with Retry-After in the error shape', async (url) => {
    const response = await app.inject({ url });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(response.json()).toEqual({ statusCode: 503, error: 'storage_unavailable', message: expect.stringMatching(/database/) as string, messageId: 'hub.request.databaseUnavailable' });
  });

  it('leaves other failures as they were', async () => {
    const bug = await app.inject({ url: '/bug' });
    expect(bug.statusCode).toBe(500);
    expect(bug.headers['retry-after']).toBeUndefined();
    expect((await app.inject({ url: '/conflict' })).statusCode).toBe(409);
    // A client's own broken upload carries ECONNRESET too, but is its 4xx, not the database's outage.
    expect((await app.inject({ url: '/client-aborted' })).statusCode).toBe(400);
  });
});

describe('desktops and Retry-After', () => {
  it('reads seconds and dates', () => {
    expect(parseRetryAfter('5', 0)).toBe(5000);
    expect(parseRetryAfter(new Date(12_000).toUTCString(), 2000)).toBe(10_000);
    expect(parseRetryAfter(null, 0)).toBeUndefined();
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
  });

  it('a 503 is retried, not sooner than the hub asked (within the backoff cap)', async () => {
    const statuses: SyncStatus[] = [];
    let requests = 0;
    const engine = new SyncEngine({
      db: new AgentDeskDb('retry-after', { indexedDB: new IDBFactory(), IDBKeyRange }),
      hubUrl: 'http://hub.test',
      token: 'token',
      actor: { userId: 'usr_ava', role: 'agent', teamIds: ['team_care'] },
      live: false,
      now: () => 1_000_000,
      random: () => 0,
      backoff: { baseMs: 10, maxMs: 30_000 },
      fetch: async () => {
        requests += 1;
        return new Response(JSON.stringify({ statusCode: 503, error: 'storage_unavailable', message: 'database away' }), {
          status: 503,
          headers: { 'content-type': 'application/json', 'retry-after': '5' },
        });
      },
      onStatus: (status) => statuses.push(status),
    });
    engine.start();
    await expect.poll(() => statuses.find((s) => s.retryAt !== null), { timeout: 5000 }).toBeDefined();
    await engine.stop();
    const waiting = statuses.find((s) => s.retryAt !== null)!;
    expect(waiting.state).toBe('offline');
    expect(waiting.retryAt! - 1_000_000).toBe(5000);
    expect(requests).toBeGreaterThan(0);
  });
});
