/**
 * Integrations post contacts to the hub (POST /api/v1/contacts) with API
 * keys, on PGlite and on PostgreSQL: customers matched by email, phone or
 * handle (or created), queues chosen by topic, contacts reaching agents'
 * desktops, idempotency, bad input refused with nothing written, credentials
 * kept apart; and the API's OpenAPI document and docs page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema, IngestContactResponseSchema, type IngestContactRequest, type IngestContactResponse } from '@core/hub-api';
import { buildCsp } from '@core/csp';
import type { Queue } from '@core/domain/model';
import { PROTOCOL_VERSION } from '@core/sync/protocol';
import { applyConfiguredKeys, DEMO_INTEGRATION_KEY, parseIntegrationKeys, seedDemoIntegrationKey } from '../../hub/api-keys';
import { hashToken } from '../../hub/auth';
import { importRows, type ImportEntry } from '../../hub/import';
import { startHub, type RunningHub } from '../../hub/server';
import { expectConverged, hubRows } from '../helpers/convergence';
import { storageTargets, type TestDatabase } from '../helpers/storage-targets';
import { Desktop, HubLink, type HubAddress } from '../helpers/sync-harness';
import { customer, PASSWORD, teams, users } from '../helpers/world';

const targets = await storageTargets();

const GATEWAY_KEY = 'gateway-key-0123456789abcdef';
const OLD_KEY = 'old-key-0123456789abcdef';

const queues: Queue[] = [
  { id: 'q_care', name: 'Care', teamId: 'team_care', channels: ['call', 'email', 'chat', 'sms'], topics: [], slaSeconds: 300, skills: [] },
  { id: 'q_billing', name: 'Billing', teamId: 'team_care', channels: ['call', 'email', 'chat'], topics: ['billing'], slaSeconds: 600, skills: ['billing'] },
  { id: 'q_social', name: 'Social outages', teamId: 'team_care', channels: ['social'], topics: ['outage'], slaSeconds: 1800, skills: [] },
  { id: 'q_other', name: 'Other', teamId: 'team_other', channels: ['email'], topics: [], slaSeconds: 3600, skills: [] },
];

function world(): { entries: ImportEntry[]; accounts: { userId: string; username: string; password: string }[] } {
  const entries: ImportEntry[] = [];
  for (const team of teams) entries.push({ entity: 'team', row: team });
  for (const queue of queues) entries.push({ entity: 'queue', row: queue });
  for (const user of users) entries.push({ entity: 'user', row: user });
  for (let n = 1; n <= 6; n += 1) entries.push({ entity: 'customer', row: customer(n) });
  entries.push({ entity: 'customer', row: customer(7, { phones: ['+447700900123'], emails: [] }) });
  entries.push({ entity: 'customer', row: customer(8, { emails: [], phones: [], attributes: { socialHandle: '@Jane_Doe' }, tier: 'vip' }) });
  return { entries, accounts: users.map((u) => ({ userId: u.id, username: u.username, password: PASSWORD })) };
}

describe.each(targets)('ingestion on $label', (target) => {
  const skip = target.skipReason;
  let database: TestDatabase;
  let hub: RunningHub;
  const address: HubAddress = { url: '' };
  const desktops: Desktop[] = [];

  const signIn = async (username: string) => {
    const desktop = await Desktop.signIn({ link: new HubLink(address), username, password: PASSWORD });
    desktops.push(desktop);
    await desktop.sync();
    return desktop;
  };

  async function send(body: unknown, init: { key?: string | null; contentType?: string } = {}) {
    const headers: Record<string, string> = { 'content-type': init.contentType ?? 'application/json' };
    const key = init.key === undefined ? GATEWAY_KEY : init.key;
    if (key !== null) headers.authorization = key.startsWith('Basic ') ? key : `Bearer ${key}`;
    const response = await fetch(`${hub.url}/api/v1/contacts`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
    const json: unknown = await response.json().catch(() => null);
    const error = ApiErrorSchema.safeParse(json);
    return { status: response.status, json, message: error.success ? error.data.message : '(no error body)' };
  }

  async function ingest(body: IngestContactRequest, key?: string): Promise<IngestContactResponse & { status: number }> {
    const answer = await send(body, key === undefined ? {} : { key });
    expect(answer.status, answer.message).toBeLessThan(300);
    return { ...IngestContactResponseSchema.parse(answer.json), status: answer.status };
  }

  async function written(): Promise<number> {
    const rows = await hub.storage.query<{ n: number }>(
      'SELECT (SELECT count(*) FROM entities) + (SELECT count(*) FROM ingested_contacts) + (SELECT count(*) FROM user_scope) AS n',
    );
    return Number(rows[0]!.n);
  }

  beforeAll(async () => {
    if (skip) return;
    database = await target.create();
    hub = await startHub({
      host: '127.0.0.1',
      port: 0,
      databaseUrl: database.databaseUrl,
      dataDir: database.dataDir,
      integrationKeys: `Chat gateway:${GATEWAY_KEY}, Old gateway:${OLD_KEY}`,
    });
    address.url = hub.url;
    const w = world();
    await importRows(hub.storage, w.entries, w.accounts);
  });
  afterAll(async () => {
    for (const desktop of desktops) await desktop.close();
    await hub?.close();
    await database?.drop();
  });

  it.skipIf(skip)('matches a known sender by email (any case) and by phone written any way', async () => {
    const byEmail = await ingest({ channel: 'chat', from: { email: 'C1@Example.COM' }, subject: 'Hello', body: 'A quick one.' });
    expect(byEmail).toMatchObject({ status: 201, customerId: 'cus_1', customerCreated: false, queueId: 'q_care', topic: 'general', duplicate: false });
    for (const phone of ['+44 7700 900123', '+447700900123', '+44 (7700) 900-123']) {
      const byPhone = await ingest({ channel: 'call', from: { phone }, subject: 'Incoming call', body: '' });
      expect(byPhone, phone).toMatchObject({ customerId: 'cus_7', customerCreated: false });
    }
    // A call tries the phone first: a known number wins over an unknown email.
    const both = await ingest({ channel: 'call', from: { phone: '+447700900123', email: 'someone.else@example.net' }, subject: '', body: '' });
    expect(both.customerId).toBe('cus_7');
    const rows = await hubRows(hub);
    expect(rows.get(`contact:${byEmail.contactId}`)).toMatchObject({ customerId: 'cus_1', channel: 'chat', direction: 'inbound', address: 'c1@example.com', queueId: 'q_care', topic: 'general' });
    expect(rows.get(`queueItem:${byEmail.contactId}`)).toMatchObject({ state: 'waiting', queueId: 'q_care', priority: 3, assigneeId: null, skills: [] });
  });

  it.skipIf(skip)('creates a customer for an unknown sender, then recognises them', async () => {
    const first = await ingest({ channel: 'email', from: { email: 'jane.doe@example.org', phone: '+44 7700 900456' }, subject: 'Question about my account', body: 'Hi there' });
    expect(first).toMatchObject({ status: 201, customerCreated: true });
    const created = (await hubRows(hub)).get(`customer:${first.customerId}`);
    expect(created).toMatchObject({
      firstName: 'Jane',
      lastName: 'Doe',
      emails: ['jane.doe@example.org'],
      phones: ['+447700900456'],
      tier: 'standard',
      language: 'en-GB',
      timeZone: 'Europe/London',
      preferredChannel: 'email',
    });
    const again = await ingest({ channel: 'sms', from: { phone: '+447700900456' }, subject: '', body: 'Me again' });
    expect(again).toMatchObject({ customerId: first.customerId, customerCreated: false });
    const named = await ingest({ channel: 'call', from: { phone: '+447700900789' }, name: { firstName: 'Ravi', lastName: 'Patel' }, subject: '', body: '' });
    expect((await hubRows(hub)).get(`customer:${named.customerId}`)).toMatchObject({ firstName: 'Ravi', lastName: 'Patel', phones: ['+447700900789'], emails: [], preferredChannel: 'call' });
  });

  it.skipIf(skip)('matches and creates social senders by handle', async () => {
    const known = await ingest({ channel: 'social', from: { handle: 'jane_DOE' }, subject: '', body: 'Is there an outage in my area? No internet since 8am' });
    // Cus_8 is a VIP: social is 4 for most, 2 for a VIP.
    expect(known).toMatchObject({ customerId: 'cus_8', customerCreated: false, queueId: 'q_social', topic: 'outage', priority: 2 });
    const unknown = await ingest({ channel: 'social', from: { handle: '@new_person' }, subject: '', body: 'Broadband outage again?' });
    expect(unknown.customerCreated).toBe(true);
    expect((await hubRows(hub)).get(`customer:${unknown.customerId}`)).toMatchObject({ firstName: '@new_person', attributes: { socialHandle: '@new_person' }, preferredChannel: 'social' });
    const back = await ingest({ channel: 'social', from: { handle: 'NEW_PERSON' }, subject: '', body: 'Still no signal, outage?' });
    expect(back.customerId).toBe(unknown.customerId);
  });

  it.skipIf(skip)('chooses the queue by topic: from the payload or detected from the words', async () => {
    const detected = await ingest({ channel: 'chat', from: { email: 'c2@example.com' }, subject: 'Charged twice this month', body: 'Two payments were taken.' });
    expect(detected).toMatchObject({ queueId: 'q_billing', topic: 'billing' });
    const item = (await hubRows(hub)).get(`queueItem:${detected.contactId}`) as { skills: string[]; slaDueAt: number; enqueuedAt: number };
    expect(item.skills).toEqual(['billing']);
    expect(item.slaDueAt - item.enqueuedAt).toBe(600_000);
    const given = await ingest({ channel: 'email', from: { email: 'c3@example.com' }, subject: 'Hello', body: 'See attached', topic: 'Billing' });
    expect(given).toMatchObject({ queueId: 'q_billing', topic: 'billing', priority: 4 });
    // No billing queue takes SMS: the catch-all does, and the topic is kept.
    const sms = await ingest({ channel: 'sms', from: { phone: '+447700900002' }, subject: '', body: 'Why is my bill so high' });
    expect(sms).toMatchObject({ customerId: 'cus_2', queueId: 'q_care', topic: 'billing' });
    // Requested priority and arrival time are honoured.
    const at = Date.now() - 120_000;
    const urgent = await ingest({ channel: 'chat', from: { email: 'c4@example.com' }, subject: 'Hi', body: '', priority: 1, at: new Date(at).toISOString() });
    const urgentItem = (await hubRows(hub)).get(`queueItem:${urgent.contactId}`);
    expect(urgentItem).toMatchObject({ priority: 1, enqueuedAt: at, slaDueAt: at + 300_000 });
  });

  it.skipIf(skip)("a new contact reaches the care team's desktops, customer and history included, without anyone asking", async () => {
    const ava = await signIn('ava');
    expect(await ava.db.customers.get('cus_6')).toBeUndefined();
    const fromKnown = await ingest({ channel: 'chat', from: { email: 'c6@example.com' }, subject: 'Router keeps dropping out', body: 'Every evening' });
    const fromNew = await ingest({ channel: 'chat', from: { email: 'new.customer@example.com' }, subject: 'Hello', body: 'First time here' });
    await ava.sync();
    expect(await ava.db.contacts.get(fromKnown.contactId)).toMatchObject({ customerId: 'cus_6', channel: 'chat', subject: 'Router keeps dropping out' });
    expect(await ava.db.queueItems.get(fromKnown.contactId)).toMatchObject({ state: 'waiting', queueId: 'q_care', topic: 'technical' });
    expect(await ava.db.customers.get('cus_6')).toMatchObject({ lastName: 'Last6' });
    expect(await ava.db.customers.get(fromNew.customerId)).toMatchObject({ firstName: 'New', lastName: 'Customer' });
    expect(await ava.db.queueItems.get(fromNew.contactId)).toMatchObject({ state: 'waiting' });
    await expectConverged(hub, ava);
    // The other team's agent sees none of it.
    const olga = await signIn('olga');
    expect(await olga.db.contacts.get(fromKnown.contactId)).toBeUndefined();
    expect(await olga.db.customers.get(fromNew.customerId)).toBeUndefined();
  });

  it.skipIf(skip)('the same externalId answers with the first contact and writes nothing', async () => {
    const body: IngestContactRequest = { channel: 'chat', from: { email: 'unique.once@example.com' }, subject: 'Hello', body: 'Once', externalId: 'chat-42' };
    const first = await ingest(body);
    expect(first).toMatchObject({ status: 201, customerCreated: true, duplicate: false });
    const before = await written();
    const again = await ingest(body);
    expect(again).toEqual({ ...first, status: 200, duplicate: true });
    // Even when the retry differs: the externalId decides.
    const changed = await ingest({ ...body, channel: 'email', from: { email: 'someone@example.com' } });
    expect(changed).toMatchObject({ status: 200, contactId: first.contactId, customerId: first.customerId });
    expect(await written()).toBe(before);
    // Concurrent retries make one contact.
    const racing = await Promise.all([1, 2, 3].map(() => ingest({ ...body, externalId: 'chat-43' })));
    expect(new Set(racing.map((r) => r.contactId)).size).toBe(1);
    expect(racing.map((r) => r.status).sort()).toEqual([200, 200, 201]);
  });

  describe('bad input answers 4xx with a message and writes nothing', () => {
    const ok = { channel: 'chat', from: { email: 'c1@example.com' }, subject: 'Hello', body: 'Hi' };
    let sessionToken = '';
    beforeAll(async () => {
      if (skip) return;
      const login = await fetch(`${hub.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'sam', password: PASSWORD }),
      });
      sessionToken = ((await login.json()) as { token: string }).token;
      // The old gateway's key is no longer configured: revoked.
      await applyConfiguredKeys(hub.storage, parseIntegrationKeys(`Chat gateway:${GATEWAY_KEY}`));
    });

    const cases: [string, () => ReturnType<typeof send>, number, RegExp][] = [
      ['malformed JSON', () => send('{"channel": "chat", '), 400, /JSON/i],
      ['an empty body', () => send(''), 400, /body/i],
      ['not an object', () => send([ok]), 400, /The input must be an object/],
      ['an unknown channel', () => send({ ...ok, channel: 'fax' }), 400, /Channel must be one of call, email, chat, sms or social \(channel\)/],
      ['the note channel', () => send({ ...ok, channel: 'note' }), 400, /channel/],
      ['no sender', () => send({ ...ok, from: undefined }), 400, /from/],
      ['neither email nor phone nor handle', () => send({ ...ok, from: {} }), 400, /From needs an email, a phone or a handle \(from\)/],
      ['an invalid email', () => send({ ...ok, from: { email: 'not-an-email' } }), 400, /Enter an email address like name@example\.com \(from\.email\)/],
      ['an invalid phone', () => send({ ...ok, from: { phone: 'call me maybe' } }), 400, /Enter a phone number with its country code, like \+44 20 7946 0958 \(from\.phone\)/],
      ['an invalid handle', () => send({ ...ok, channel: 'social', from: { handle: 'two words' } }), 400, /from\.handle/],
      ['a subject over 300 characters', () => send({ ...ok, subject: 'x'.repeat(301) }), 400, /Subject must be at most 300 characters \(subject\)/],
      ['a body over 20,000 characters', () => send({ ...ok, body: 'x'.repeat(20_001) }), 400, /Message must be at most 20000 characters \(body\)/],
      ['an oversized request', () => send({ ...ok, body: 'x'.repeat(5 * 1024 * 1024) }), 413, /too large/i],
      ['an unknown field', () => send({ ...ok, sender: 'me' }), 400, /sender/],
      ['a priority out of range', () => send({ ...ok, priority: 9 }), 400, /Priority must be 1 \(most urgent\) to 5 \(priority\)/],
      ['an arrival far in the future', () => send({ ...ok, at: Date.now() + 3_600_000 }), 400, /Time is more than 5 minutes ahead of the hub.s clock .* \(at\)\./],
      ['an arrival that is not a time', () => send({ ...ok, at: 'yesterday' }), 400, /at/],
      ['a body that is not JSON', () => send('channel=chat', { contentType: 'text/plain' }), 415, /Content-Type: application\/json/],
      ['no queue for the channel and topic', () => send({ ...ok, channel: 'social', from: { handle: '@jane_doe' }, body: 'Can I pay by card?' }), 422, /No queue takes social contacts about billing/],
      ['no API key', () => send(ok, { key: null }), 401, /No API key/],
      ['another kind of Authorization', () => send(ok, { key: 'Basic dXNlcjpwYXNz' }), 401, /malformed/],
      ['an unknown API key', () => send(ok, { key: 'x'.repeat(32) }), 401, /Unknown API key/],
      ['a revoked API key', () => send(ok, { key: OLD_KEY }), 401, /"Old gateway" has been revoked/],
      ["a person's sign-in token", () => send(ok, { key: sessionToken }), 401, /sign-in token, not an API key/],
    ];
    for (const [what, post, status, message] of cases) {
      it.skipIf(skip)(what, async () => {
        const before = await written();
        const answer = await post();
        expect(answer.status).toBe(status);
        expect(answer.message).toMatch(message);
        expect(await written()).toBe(before);
      });
    }
  });

  it.skipIf(skip)('an API key cannot sign in, pull or push: the answer says a person must sign in', async () => {
    const clientId = crypto.randomUUID();
    for (const [method, path] of [
      ['GET', `/sync/pull?clientId=${clientId}&cursor=0`],
      ['GET', '/sync/essentials'],
      ['GET', '/api/v1/auth/me'],
      ['GET', '/api/v1/customers?q=last'],
    ] as const) {
      const response = await fetch(`${hub.url}${path}`, { method, headers: { authorization: `Bearer ${GATEWAY_KEY}` } });
      expect(response.status, path).toBe(401);
      const body = ApiErrorSchema.parse(await response.json());
      expect(body.message, path).toMatch(/integration API key, not a person's sign-in token/);
    }
    const push = await fetch(`${hub.url}/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${DEMO_INTEGRATION_KEY}x`, 'content-type': 'application/json' },
      body: JSON.stringify({ clientId, schemaVersion: PROTOCOL_VERSION, mutations: [{ id: 1, name: 'presence.set', args: { presence: 'available' }, at: Date.now() }] }),
    });
    // An unknown token is just an invalid session.
    expect(ApiErrorSchema.parse(await push.json()).message).toMatch(/not valid/);
    const pushWithKey = await fetch(`${hub.url}/sync/push`, {
      method: 'POST',
      headers: { authorization: `Bearer ${GATEWAY_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ clientId, schemaVersion: PROTOCOL_VERSION, mutations: [{ id: 1, name: 'presence.set', args: { presence: 'available' }, at: Date.now() }] }),
    });
    expect(pushWithKey.status).toBe(401);
    expect(ApiErrorSchema.parse(await pushWithKey.json()).message).toMatch(/integration API key/);
    expect(Number((await hub.storage.query<{ n: number }>('SELECT count(*) AS n FROM mutations WHERE client_id = $1', [clientId]))[0]!.n)).toBe(0);
  });

  it.skipIf(skip)('keys are stored only as hashes, record their use, and the demo key works once seeded', async () => {
    const keys = await hub.storage.query<{ key_hash: string; name: string; source: string; last_used_at: unknown; revoked_at: unknown }>(
      'SELECT key_hash, name, source, last_used_at, revoked_at FROM api_keys ORDER BY name',
    );
    expect(keys.map((k) => [k.name, k.source, k.revoked_at !== null])).toEqual([
      ['Chat gateway', 'env', false],
      ['Old gateway', 'env', true],
    ]);
    for (const key of keys) {
      expect(key.key_hash).toMatch(/^[0-9a-f]{64}$/);
      expect([GATEWAY_KEY, OLD_KEY]).not.toContain(key.key_hash);
    }
    expect(keys[0]!.key_hash).toBe(hashToken(GATEWAY_KEY));
    expect(keys[0]!.last_used_at).not.toBeNull();
    await seedDemoIntegrationKey(hub.storage);
    const demo = await ingest({ channel: 'chat', from: { email: 'demo.caller@example.com' }, subject: 'Hi', body: '' }, DEMO_INTEGRATION_KEY);
    expect(demo.status).toBe(201);
  });

  it.skipIf(skip)('matching uses the indexes, not a scan of every customer', async () => {
    const ROLLBACK = new Error('rollback');
    let plans: Record<string, string> = {};
    await hub.storage
      .transaction(async (tx) => {
        // Many customers (rolled back afterwards), so the planner sees what a real hub has.
        await tx.query(
          `INSERT INTO entities (entity, id, customer_id, version, data)
           SELECT 'customer', 'cus_bulk_' || g, 'cus_bulk_' || g, 0,
                  jsonb_build_object('emails', jsonb_build_array('bulk' || g || '@example.com'),
                                     'phones', jsonb_build_array('+4420790' || lpad(g::text, 5, '0')),
                                     'attributes', jsonb_build_object('socialHandle', '@bulk' || g))
             FROM generate_series(1, 5000) AS g`,
        );
        await tx.exec('ANALYZE entities');
        const explain = async (sql: string, params: unknown[]) =>
          (await tx.query<Record<string, string>>(`EXPLAIN ${sql}`, params)).map((row) => Object.values(row)[0]).join('\n');
        plans = {
          email: await explain("SELECT data FROM entities WHERE entity = 'customer' AND NOT deleted AND data->'emails' @> $1::jsonb", ['["bulk42@example.com"]']),
          phone: await explain("SELECT data FROM entities WHERE entity = 'customer' AND NOT deleted AND data->'phones' @> $1::jsonb", ['["+442079000042"]']),
          handle: await explain(
            "SELECT data FROM entities WHERE entity = 'customer' AND NOT deleted AND lower(data->'attributes'->>'socialHandle') = $1",
            ['@bulk42'],
          ),
        };
        throw ROLLBACK;
      })
      .catch((error: unknown) => {
        if (error !== ROLLBACK) throw error;
      });
    expect(plans.email).toContain('entities_customer_emails');
    expect(plans.phone).toContain('entities_customer_phones');
    expect(plans.handle).toContain('entities_customer_social_handle');
    expect(Number((await hub.storage.query<{ n: number }>("SELECT count(*) AS n FROM entities WHERE id LIKE 'cus_bulk_%'"))[0]!.n)).toBe(0);
  });

  it.skipIf(skip)('publishes an OpenAPI 3.1 document of the ingestion API, made from its schemas', async () => {
    const response = await fetch(`${hub.url}/api/v1/openapi.json`);
    expect(response.status).toBe(200);
    const doc = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { $ref: string } }> }; responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, { properties: Record<string, unknown>; required?: string[] }>; securitySchemes: Record<string, { scheme: string }> };
    };
    expect(doc.openapi).toBe('3.1.0');
    const post = doc.paths['/api/v1/contacts']!.post!;
    const ref = post.requestBody!.content['application/json']!.schema.$ref;
    expect(ref).toMatch(/^#\/components\/schemas\/IngestContactRequest/);
    expect(Object.keys(post.responses)).toEqual(expect.arrayContaining(['201', '200', '400', '401', '413', '422']));
    const request = doc.components.schemas[ref.split('/').pop()!]!;
    expect(Object.keys(request.properties)).toEqual(expect.arrayContaining(['channel', 'from', 'name', 'subject', 'body', 'topic', 'priority', 'externalId', 'at']));
    expect(request.required).toEqual(['channel', 'from']);
    expect(request.properties.channel).toMatchObject({ enum: ['call', 'email', 'chat', 'sms', 'social'] });
    expect(request.properties.subject).toMatchObject({ maxLength: 300 });
    expect(doc.components.securitySchemes.integrationKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/health']!.get).toBeDefined();
  });

  it.skipIf(skip)('serves a self-contained docs page under the hub CSP, naming the demo key', async () => {
    const response = await fetch(`${hub.url}/api/docs`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toBe(buildCsp());
    const html = await response.text();
    expect(html).toContain('demo-integration-key');
    expect(html).toContain('POST /api/v1/contacts');
    // The field reference comes from the generated document.
    expect(html).toContain('<code>from.email</code>');
    expect(html).toContain('<code>externalId</code>');
    expect(html).toContain(`curl -i -X POST ${hub.url}/api/v1/contacts`);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)="https?:/i);
  });
});

describe('integration keys from the environment', () => {
  it('parses "name:key,name2:key2" and refuses malformed lists with a clear message', () => {
    expect(parseIntegrationKeys(undefined)).toEqual([]);
    expect(parseIntegrationKeys('  ')).toEqual([]);
    expect(parseIntegrationKeys('Phones: 0123456789abcdef0 , Mail:abcdefghijklmnopq:r')).toEqual([
      { name: 'Phones', key: '0123456789abcdef0' },
      { name: 'Mail', key: 'abcdefghijklmnopq:r' },
    ]);
    expect(() => parseIntegrationKeys('justakeywithoutname')).toThrow(/AGENTDESK_INTEGRATION_KEYS: entry 1 has no ":"/);
    expect(() => parseIntegrationKeys('a:short')).toThrow(/the key of entry 1 \("a"\) has 5 characters, fewer than 16/);
    expect(() => parseIntegrationKeys('a:0123456789abcdef,,b:0123456789abcdeg')).toThrow(/entry 2 is empty/);
    expect(() => parseIntegrationKeys(':0123456789abcdef')).toThrow(/no name/);
    expect(() => parseIntegrationKeys('a:0123456789abcdef,a:0123456789abcdeg')).toThrow(/"a" is used twice/);
    expect(() => parseIntegrationKeys('a:0123456789abcdef,b:0123456789abcdef')).toThrow(/also the key of "a"/);
    // The message never shows the key.
    expect(() => parseIntegrationKeys('a:secret')).toThrow(expect.objectContaining({ message: expect.not.stringContaining('secret') }));
  });

  it('stops the hub from starting', async () => {
    await expect(startHub({ host: '127.0.0.1', port: 0, dataDir: null, integrationKeys: 'gateway:tooshort' })).rejects.toThrow(/Invalid AGENTDESK_INTEGRATION_KEYS/);
  });
});
