/**
 * A request that failed because the hub was busy or its database connection
 * dropped is worth sending again; one the work itself broke is not. The
 * difference decides between 503 (a gateway retries) and 422 (it gives up).
 */
import { describe, expect, it } from 'vitest';
import { IngestContactRequestSchema } from '@core/hub-api';
import { HttpError } from '../../hub/errors';
import { isTransient } from '../../hub/failures';
import { ingestContact } from '../../hub/ingest';
import type { Storage } from '../../hub/storage';

/** A database that answers a plain query but whose transactions fail with `error` (a pool with no free connection, say). */
function storageFailingTransactionsWith(error: Error): Storage {
  return {
    kind: 'postgres',
    query: () => Promise.resolve([]),
    exec: () => Promise.resolve(),
    transaction: () => Promise.reject(error),
    listen: () => Promise.resolve(() => Promise.resolve()),
    notify: () => Promise.resolve(),
    close: () => Promise.resolve(),
  } as unknown as Storage;
}

describe('transient failures', () => {
  it('count a pool that could not hand out a connection in time, a dropped connection, and PostgreSQL going away', () => {
    expect(isTransient(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isTransient(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isTransient(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isTransient(Object.assign(new Error('could not serialize access'), { code: '40001' }))).toBe(true);
  });

  it('do not count what the work itself broke', () => {
    expect(isTransient(Object.assign(new Error('value too long for type character varying(10)'), { code: '22001' }))).toBe(false);
    expect(isTransient(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
  });

  it('leave an ingested contact to be sent again when the hub is too busy to give it a connection, rather than refusing it for good', async () => {
    const input = IngestContactRequestSchema.parse({ channel: 'email', from: { email: 'kim@example.com' }, subject: 'Refund' });
    const busy = storageFailingTransactionsWith(new Error('timeout exceeded when trying to connect'));
    const failure = await ingestContact(busy, input, { now: Date.UTC(2027, 0, 4, 10), source: 'gateway', log: { error: () => undefined } }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(failure).not.toBeInstanceOf(HttpError);
    expect((failure as Error).message).toBe('timeout exceeded when trying to connect');
  });
});
