/**
 * Text with a lone UTF-16 surrogate (half an emoji, cut by a gateway or a
 * paste) never blocks a desktop or loses a contact: in every string of every
 * mutation's arguments and of the ingestion body, the hub stores it with
 * U+FFFD or refuses it with a 4xx, never a 5xx, and the next change goes
 * through. A mutation that fails unexpectedly on the hub is committed as
 * rejected (code `internal`) so the outbox moves on; an ingested contact that
 * does answers 422.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { SCRIPT_STAGES } from '@core/domain/model';
import { IngestContactRequestSchema } from '@core/hub-api';
import { MUTATION_NAMES, mutationArgs, type MutationInput, type MutationName } from '@core/sync/mutations';
import { PROTOCOL_VERSION, PushResponseSchema } from '@core/sync/protocol';
import pino from 'pino';
import { systemClock } from '../../hub/clock';
import { REDACTED_PATHS } from '../../hub/logging';
import { importRows, type ImportEntry } from '../../hub/import';
import { startHub, type RunningHub } from '../../hub/server';
import { applyPush, validatePush } from '../../hub/sync/push';
import { storageTargets, type TestDatabase } from '../helpers/storage-targets';
import { Desktop, HubLink, type HubAddress } from '../helpers/sync-harness';
import { contact, PASSWORD, smallWorld, T0, users, waiting } from '../helpers/world';

const targets = await storageTargets();

/** What the hub logged, as its log file would hold it (JSON lines, secrets redacted). */
const hubLog: string[] = [];
const hubLogger = pino({ level: 'info', redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, { write: (line: string) => void hubLog.push(line) });
const loggedErrors = () => hubLog.filter((line) => (JSON.parse(line) as { level: number }).level >= 50);

const KEY = 'bad-text-gateway-key-0123456789';
const CLIENT_ID = '0b5e3c1e-5d7a-4f7e-9c3b-7a1d2e3f4a5b';
const WAITING = 200;
const DAY = 86_400_000;

// ---------------------------------------------------------------- string paths

/** A path to strings in a value: object keys, `[]` for every array element, `{key}`/`{}` for a record's keys/values. */
type Path = readonly string[];

interface LooseDef {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  options?: readonly z.ZodType[];
}

/** Every path at which a schema takes a string (walking through optional, default, pipe, union…). */
function schemaStringPaths(schema: z.ZodType, path: Path = []): string[] {
  const def = schema._zod.def as unknown as LooseDef;
  switch (def.type) {
    case 'string':
      return [path.join('.')];
    case 'object':
      return Object.entries(def.shape!).flatMap(([key, field]) => schemaStringPaths(field, [...path, key]));
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return schemaStringPaths(def.innerType!, path);
    case 'pipe':
      return schemaStringPaths(def.in!, path);
    case 'array':
      return schemaStringPaths(def.element!, [...path, '[]']);
    case 'record':
      return [...schemaStringPaths(def.keyType!, [...path, '{key}']), ...schemaStringPaths(def.valueType!, [...path, '{}'])];
    case 'union':
      return [...new Set(def.options!.flatMap((option) => schemaStringPaths(option, path)))];
    default:
      return [];
  }
}

/** Every path at which a value holds a string (records are objects with a `{key}` marker path: see `recordPaths`). */
function valueStringPaths(value: unknown, recordPaths: ReadonlySet<string>, path: Path = []): string[] {
  if (typeof value === 'string') return [path.join('.')];
  if (Array.isArray(value)) return [...new Set(value.flatMap((item) => valueStringPaths(item, recordPaths, [...path, '[]'])))];
  if (value && typeof value === 'object') {
    if (recordPaths.has(path.join('.'))) {
      return [path.concat('{key}').join('.'), ...new Set(Object.values(value).flatMap((item) => valueStringPaths(item, recordPaths, [...path, '{}'])))];
    }
    return Object.entries(value).flatMap(([key, item]) => valueStringPaths(item, recordPaths, [...path, key]));
  }
  return [];
}

/** A copy of `value` with `change` applied to every string at `path`. */
function atPath(value: unknown, path: Path, change: (text: string) => string): unknown {
  if (path.length === 0) return typeof value === 'string' ? change(value) : value;
  const [head, ...rest] = path;
  if (head === '[]') return (value as unknown[]).map((item) => atPath(item, rest, change));
  const object = value as Record<string, unknown>;
  if (head === '{key}') return Object.fromEntries(Object.entries(object).map(([key, item]) => [change(key), item]));
  if (head === '{}') return Object.fromEntries(Object.entries(object).map(([key, item]) => [key, atPath(item, rest, change)]));
  return { ...object, [head!]: atPath(object[head!], rest, change) };
}

/** A lone low surrogate after the first character and a lone high one at the end: never a pair, whatever the text. */
const broken = (text: string) => `${text.slice(0, 1)}\uDC00${text.slice(1)}\uD800`;
const repaired = (text: string) => `${text.slice(0, 1)}\uFFFD${text.slice(1)}\uFFFD`;

function recordPathsOf(schema: z.ZodType): Set<string> {
  return new Set(schemaStringPaths(schema).filter((path) => path.endsWith('{key}')).map((path) => path.split('.').slice(0, -1).join('.')));
}

// ---------------------------------------------------------------- scenarios

interface Step {
  name: MutationName;
  args: unknown;
}

/** What a mutation needs to be applied by Sam (of the care team, an administrator here), and its arguments with every optional string filled in. */
interface Scenario<N extends MutationName> {
  setup?: Step[];
  args: MutationInput<N>;
}

const due = () => Date.now() + 2 * DAY;
const schedule = (id: string): Step => ({
  name: 'followUp.schedule',
  args: { id, customerId: 'cus_1', kind: 'callback', channel: 'call', dueAt: due(), reason: 'Check back' },
});
const claimStep = (contactId: string): Step => ({ name: 'contact.claim', args: { contactId } });
/** Two customers who are one person, made for scenario k. */
const twoCustomers = (k: number): Step[] =>
  (['a', 'b'] as const).map((side) => ({ name: 'customer.create', args: { id: `cus_${side}_${k}`, firstName: 'Robin', lastName: 'Hale', emails: [`robin.${side}.${k}@example.com`] } }));
/** Each waiting contact has a twin that Ava holds and asked for help with. */
const heldBy = (waitingId: string) => waitingId.replace('con_w', 'con_h');

/** Typed over every mutation name: a new mutation does not compile until it has a scenario here. */
const scenarios: { [N in MutationName]: (k: number, contactId: string) => Scenario<N> } = {
  'contact.claim': (_k, contactId) => ({ args: { contactId } }),
  'contact.release': (_k, contactId) => ({ setup: [claimStep(contactId)], args: { contactId } }),
  'contact.decline': (_k, contactId) => ({ args: { contactId } }),
  'contact.endConversation': (_k, contactId) => ({ setup: [claimStep(contactId)], args: { contactId } }),
  'contact.addNote': (k) => ({ args: { id: `note_${k}`, customerId: 'cus_1', parentId: 'con_old_1', body: 'A note', mentions: ['usr_ava'] } }),
  'contact.reply': (k, contactId) => ({ setup: [claimStep(contactId)], args: { id: `reply_${k}`, contactId, body: 'Thanks for waiting' } }),
  'contact.wrapUp': (_k, contactId) => ({
    setup: [claimStep(contactId)],
    args: {
      contactId,
      disposition: 'Fixed',
      resolution: 'resolved',
      summary: 'Reset the router',
      topic: 'outage',
      scriptId: 'scr_wrap',
      scriptVersion: 1,
      adherence: { done: ['greet-1'], total: 3 },
      gesture: { kind: 'credit', description: 'A credit', value: 10, currency: 'EUR' },
      promise: { text: 'We call back tomorrow', dueAt: due() },
    },
  }),
  'contact.transfer': (k, contactId) => ({
    setup: [claimStep(contactId), { name: 'presence.setFor', args: { id: `ps_tr_${k}`, userId: 'usr_ava', presence: 'available' } }],
    args: { id: `tr_${k}`, contactId, queueId: 'q_care', agentId: 'usr_ava', reason: 'Billing question', note: 'Wants a refund', fromQueueId: 'q_care' },
  }),
  'contact.escalate': (_k, contactId) => ({ setup: [claimStep(contactId)], args: { contactId, reason: 'Threatens to leave' } }),
  'contact.takeOver': (k, contactId) => ({ args: { id: `tk_${k}`, contactId: heldBy(contactId) } }),
  'contact.advise': (k, contactId) => ({ args: { id: `adv_${k}`, contactId: heldBy(contactId), body: 'Offer the credit' } }),
  'customer.update': () => ({
    args: {
      customerId: 'cus_3',
      patch: {
        firstName: 'Fiona',
        lastName: 'Lee',
        company: 'Acme',
        emails: ['fiona@example.com'],
        phones: ['+447700900555'],
        language: 'en-GB',
        timeZone: 'Europe/London',
        region: 'GB-ENG',
        quietHours: { start: '21:00', end: '08:00' },
        tags: ['loyal'],
        currency: 'GBP',
        attributes: { plan: 'Fibre 500' },
      },
    },
  }),
  'customer.create': (k) => ({
    args: { id: `cus_new_${k}`, firstName: 'Robin', lastName: 'Hale', company: 'Acme', emails: [`new${k}@example.com`], phones: ['+447700900123'], language: 'en-GB', timeZone: 'Europe/London', preferredChannel: 'email' },
  }),
  'customer.merge': (k) => ({ setup: twoCustomers(k), args: { survivorId: `cus_a_${k}`, mergedId: `cus_b_${k}`, noteId: `merge_${k}` } }),
  'customer.unmerge': (k) => ({
    setup: [...twoCustomers(k), { name: 'customer.merge', args: { survivorId: `cus_a_${k}`, mergedId: `cus_b_${k}`, noteId: `merge_${k}` } }],
    args: { mergedId: `cus_b_${k}`, noteId: `unmerge_${k}` },
  }),
  'followUp.schedule': (k) => ({
    args: { id: `fu_${k}`, customerId: 'cus_1', contactId: 'con_old_1', kind: 'callback', channel: 'call', dueAt: due(), ownerId: 'usr_sam', reason: 'Check the fix', note: 'Call after 5', ruleId: 'rule-a' },
  }),
  'followUp.reschedule': (k) => ({ setup: [schedule(`fu_${k}`)], args: { id: `fu_${k}`, dueAt: due() + DAY } }),
  'followUp.snooze': (k) => ({ setup: [schedule(`fu_${k}`)], args: { id: `fu_${k}`, until: Date.now() + DAY } }),
  'followUp.reassign': (k) => ({ setup: [schedule(`fu_${k}`)], args: { id: `fu_${k}`, ownerId: 'usr_ava' } }),
  'followUp.complete': (k) => ({
    setup: [schedule(`fu_${k}`)],
    args: {
      id: `fu_${k}`,
      outcome: 'needs-another',
      note: 'Left a voicemail',
      outcomeContactId: `out_${k}`,
      survey: { id: `svc_${k}`, csat: 4, nps: null },
      next: { id: `fun_${k}`, kind: 'callback', channel: 'call', dueAt: due(), reason: 'Try again' },
    },
  }),
  'followUp.cancel': (k) => ({ setup: [schedule(`fu_${k}`)], args: { id: `fu_${k}`, reason: 'Customer called in' } }),
  'survey.record': (k) => ({ args: { id: `sv_${k}`, contactId: 'con_old_1', status: 'answered', csat: 5, nps: 9, comment: 'Very helpful' } }),
  'presence.set': () => ({ args: { presence: 'available' } }),
  'presence.setFor': (k) => ({ args: { id: `ps_${k}`, userId: 'usr_ava', presence: k % 2 ? 'away' : 'available' } }),
  'notification.read': (k) => ({ args: { ids: [`ntf_${k}`] } }),
  'script.save': (k) => ({
    args: {
      scriptId: `scr_${k}`,
      name: 'Outage script',
      description: 'For outages',
      topics: ['outage'],
      stages: [{ id: 'greet', steps: [{ id: 'hello', kind: 'say', text: 'Hello there', when: ['angry'], branches: [{ label: 'Yes', goto: 'close' }], articleIds: ['art_s'] }] }],
      language: 'en-GB',
      variants: { de: { name: 'Störungsskript', description: 'Bei Störungen', steps: [{ id: 'hello', text: 'Guten Tag', branches: ['Ja'] }] } },
    },
  }),
  'script.publish': (k) => ({
    setup: [{ name: 'script.save', args: { scriptId: `scr_${k}`, name: 'Short', stages: SCRIPT_STAGES.map((id) => ({ id, steps: [{ id: `${id}-1`, kind: 'say', text: 'Hello' }] })) } }],
    args: { scriptId: `scr_${k}`, version: 1 },
  }),
  'target.set': () => ({ args: { scope: 'team', scopeId: 'team_care', csat: 4 } }),
  'article.save': (k) => ({
    args: { id: `art_${k}`, kind: 'policy', title: 'Refunds', body: 'Refunds take 5 days.', tags: ['refund'], language: 'en-GB', variants: { es: { title: 'Reembolsos', body: 'Los reembolsos tardan 5 días.' } } },
  }),
  'article.archive': (k) => ({
    setup: [{ name: 'article.save', args: { id: `art_${k}`, kind: 'policy', title: 'Old', body: 'Old text' } }],
    args: { id: `art_${k}`, archived: true },
  }),
  'user.create': (k) => ({ args: { id: `usr_new_${k}`, username: `new${k}`, name: 'Nina New', role: 'agent', teamIds: ['team_care'], skills: ['billing'], timeZone: 'Europe/Paris' } }),
  'user.update': (k) => ({
    setup: [{ name: 'user.create', args: { id: `usr_upd_${k}`, username: `upd${k}`, name: 'Una Updated', role: 'agent' } }],
    args: {
      userId: `usr_upd_${k}`,
      name: 'Una Changed',
      teamIds: ['team_care'],
      skills: ['french'],
      timeZone: 'Europe/Berlin',
      workingHours: { days: ['mon', 'tue'], start: '08:00', end: '16:00' },
    },
  }),
  'team.save': (k) => ({ args: { id: `team_${k}`, name: 'Billing' } }),
  'queue.save': (k) => ({ args: { id: `q_${k}`, name: 'Billing', teamId: 'team_care', channels: ['email'], topics: ['billing'], slaSeconds: 600, skills: ['billing'] } }),
};

function world(): ImportEntry[] {
  // Sam is an administrator here, so the administrators' mutations are applied too (an admin may do all a supervisor may).
  const entries = smallWorld().entries.map((entry) => (entry.entity === 'user' && entry.row.id === 'usr_sam' ? { ...entry, row: { ...entry.row, role: 'admin' as const } } : entry));
  for (let n = 1; n <= WAITING; n += 1) {
    const live = contact(`con_w${n}`, `cus_${1 + (n % 4)}`, T0 + n * 1000, { queueId: 'q_care', channel: 'chat' });
    entries.push({ entity: 'contact', row: live }, { entity: 'queueItem', row: waiting(live, 'q_care') });
    const held = contact(`con_h${n}`, `cus_${1 + (n % 4)}`, T0 + n * 1000, { queueId: 'q_care', channel: 'chat', agentId: 'usr_ava' });
    const escalation = { byId: 'usr_ava', reason: 'Help', at: T0 + n * 1000, state: 'open' as const, supervisorId: null, answeredAt: null };
    entries.push({ entity: 'contact', row: held }, { entity: 'queueItem', row: { ...waiting(held, 'q_care'), state: 'claimed', assigneeId: 'usr_ava', claimedAt: T0, escalation } });
  }
  return entries;
}

/** Makes a row fail in the database (a trigger raising an error), standing in for any unexpected failure inside the hub. */
const EXPLODE_SQL = `
  CREATE OR REPLACE FUNCTION agentdesk_test_explode() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF NEW.data->>'lastName' = 'Explode' OR NEW.data->>'subject' = 'Explode' THEN
      RAISE EXCEPTION 'test trigger refused the row';
    END IF;
    RETURN NEW;
  END $$;
  CREATE TRIGGER agentdesk_test_explode BEFORE INSERT OR UPDATE ON entities FOR EACH ROW EXECUTE FUNCTION agentdesk_test_explode();
`;

describe.each(targets)('lone surrogates on $label', (target) => {
  const skip = target.skipReason;
  let database: TestDatabase;
  let hub: RunningHub;
  let token = '';
  const address: HubAddress = { url: '' };
  let nextId = 1;
  let counter = 0;
  let waitingLeft = 0;

  beforeAll(async () => {
    if (skip) return;
    database = await target.create();
    hub = await startHub({ host: '127.0.0.1', port: 0, databaseUrl: database.databaseUrl, dataDir: database.dataDir, integrationKeys: `Gateway:${KEY}`, offers: false, logger: hubLogger });
    address.url = hub.url;
    await importRows(hub.storage, world(), users.map((u) => ({ userId: u.id, username: u.username, password: PASSWORD })));
    await hub.storage.exec(EXPLODE_SQL);
    const login = await fetch(`${hub.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'sam', password: PASSWORD }),
    });
    token = ((await login.json()) as { token: string }).token;
  });
  afterAll(async () => {
    await hub?.close();
    await database?.drop();
  });

  /** Pushes one mutation as Sam's desktop; the id moves on only when the hub took it (as the outbox does). */
  async function push(name: MutationName, args: unknown) {
    const response = await fetch(`${hub.url}/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ clientId: CLIENT_ID, schemaVersion: PROTOCOL_VERSION, mutations: [{ id: nextId, name, args, at: Date.now() }] }),
    });
    const json: unknown = await response.json();
    if (response.status !== 200) return { status: response.status, id: nextId, result: null, json };
    const result = PushResponseSchema.parse(json).results[0]!;
    nextId += 1;
    return { status: response.status, id: result.id, result, json };
  }

  async function pushApplied(step: Step): Promise<void> {
    const answer = await push(step.name, step.args);
    expect(answer.result, `${step.name}: ${JSON.stringify(answer.json)}`).toEqual({ id: answer.id, status: 'applied' });
  }

  const ordinary = () => pushApplied({ name: 'contact.addNote', args: { id: `ordinary_${(counter += 1)}`, customerId: 'cus_2', body: 'All good' } });

  async function lastVersion(): Promise<number> {
    const rows = await hub.storage.query<{ v: number | null }>('SELECT max(version) AS v FROM entities');
    return Number(rows[0]?.v ?? 0);
  }

  async function writtenSince(version: number): Promise<string[]> {
    const rows = await hub.storage.query<{ t: string }>('SELECT data::text AS t FROM entities WHERE version > $1', [version]);
    return rows.map((row) => row.t);
  }

  function prepare<N extends MutationName>(name: N): Scenario<N> {
    counter += 1;
    waitingLeft += 1;
    if (waitingLeft > WAITING) throw new Error('the test world needs more waiting contacts');
    return scenarios[name](counter, `con_w${waitingLeft}`);
  }

  describe.each(MUTATION_NAMES.map((name) => ({ name })))('$name', ({ name }) => {
    const schema = mutationArgs[name] as unknown as z.ZodType;
    const paths = schemaStringPaths(schema);

    it.skipIf(skip)('its scenario is applied and fills in every string field', async () => {
      const scenario = prepare(name);
      const filled = valueStringPaths(scenario.args, recordPathsOf(schema));
      expect(paths.filter((path) => !filled.includes(path))).toEqual([]);
      for (const step of scenario.setup ?? []) await pushApplied(step);
      await pushApplied({ name, args: scenario.args });
    });

    for (const path of paths) {
      it.skipIf(skip)(`a lone surrogate in ${path}: stored as U+FFFD or refused with a 4xx, and the next change goes through`, async () => {
        const scenario = prepare(name);
        for (const step of scenario.setup ?? []) await pushApplied(step);
        const segments = path.split('.');
        const args = atPath(scenario.args, segments, broken);
        const version = await lastVersion();
        const desktopTakes = schema.safeParse(args).success;
        const answer = await push(name, args);
        expect(answer.status, JSON.stringify(answer.json)).toBeLessThan(500);
        if (!desktopTakes) {
          // The desktop refuses it before it reaches the outbox; the hub refuses it the same way.
          expect(answer.status).toBe(400);
        } else {
          expect(answer.status, JSON.stringify(answer.json)).toBe(200);
          const result = answer.result!;
          if (result.status === 'rejected') {
            expect(result.code).not.toBe('internal');
          } else {
            const original = valueAt(scenario.args, segments);
            const written = await writtenSince(version);
            expect(written.some((row) => row.includes(JSON.stringify(repaired(original)).slice(1, -1))), `${original} stored as ${repaired(original)}`).toBe(true);
            expect(written.join('')).not.toMatch(/[\uD800-\uDFFF]/);
            const stored = await hub.storage.query<{ t: string }>('SELECT args::text AS t FROM mutations WHERE client_id = $1 AND id = $2', [CLIENT_ID, answer.id]);
            expect(stored[0]!.t).toContain(JSON.stringify(repaired(original)).slice(1, -1));
          }
        }
        await ordinary();
      });
    }
  });

  it.skipIf(skip)("a desktop's note with half an emoji syncs, arrives as U+FFFD, and the outbox empties", async () => {
    const desktop = await Desktop.signIn({ link: new HubLink(address), username: 'ava', password: PASSWORD });
    try {
      await desktop.sync();
      await desktop.mutate('contact.addNote', { id: 'note_emoji', customerId: 'cus_1', body: 'Thanks \uD83D for your patience' });
      await desktop.mutate('contact.addNote', { id: 'note_after', customerId: 'cus_1', body: 'And another' });
      await desktop.sync();
      expect(await desktop.pending()).toBe(0);
      expect(await desktop.db.rejections.count()).toBe(0);
      expect((await desktop.db.entityTable('contact').get('note_emoji'))?.body).toBe('Thanks \uFFFD for your patience');
      expect(await desktop.db.entityTable('contact').get('note_after')).toBeDefined();
    } finally {
      await desktop.close();
    }
  });

  it.skipIf(skip)('a mutation that fails unexpectedly on the hub is rejected as internal, logged by id and name, and the next one is applied', async () => {
    hubLog.length = 0;
    {
      const first = nextId;
      const response = await fetch(`${hub.url}/sync/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          clientId: CLIENT_ID,
          schemaVersion: PROTOCOL_VERSION,
          mutations: [
            { id: first, name: 'customer.update', args: { customerId: 'cus_4', patch: { lastName: 'Explode', company: 'Secret Co' } }, at: Date.now() },
            { id: first + 1, name: 'contact.addNote', args: { id: 'note_after_internal', customerId: 'cus_4', body: 'Still here' }, at: Date.now() },
          ],
        }),
      });
      expect(response.status).toBe(200);
      const body = PushResponseSchema.parse(await response.json());
      nextId = first + 2;
      expect(body.lastMutationId).toBe(first + 1);
      expect(body.results[0]).toMatchObject({ id: first, status: 'rejected', code: 'internal', message: expect.stringMatching(/unexpected error/) });
      expect(body.results[1]).toEqual({ id: first + 1, status: 'applied' });
      // Nothing of the failed mutation was kept; the one after it was.
      const rows = await hub.storage.query<{ t: string }>("SELECT data::text AS t FROM entities WHERE entity = 'customer' AND id = 'cus_4'");
      expect(rows[0]!.t).not.toContain('Explode');
      expect((await hub.storage.query("SELECT 1 FROM entities WHERE id = 'note_after_internal'")).length).toBe(1);
      // A retry of the same push is answered from what was stored.
      const stored = await hub.storage.query<{ status: string; code: string }>('SELECT status, code FROM mutations WHERE client_id = $1 AND id = $2', [CLIENT_ID, first]);
      expect(stored[0]).toEqual({ status: 'rejected', code: 'internal' });
      const logged = loggedErrors();
      expect(logged.some((line) => line.includes(`"mutationId":${first}`) && line.includes('customer.update'))).toBe(true);
      expect(hubLog.join('')).not.toContain('Secret Co');
    }
  });

  it.skipIf(skip)('a NUL in a note (PostgreSQL cannot store it) is kept as U+FFFD, and the next change goes through', async () => {
    const first = nextId;
    const response = await fetch(`${hub.url}/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        clientId: CLIENT_ID,
        schemaVersion: PROTOCOL_VERSION,
        mutations: [{ id: first, name: 'contact.addNote', args: { id: 'note_nul', customerId: 'cus_4', body: 'before\u0000after' }, at: Date.now() }],
      }),
    });
    expect(response.status).toBe(200);
    expect(PushResponseSchema.parse(await response.json()).results).toEqual([{ id: first, status: 'applied' }]);
    nextId = first + 1;
    const rows = await hub.storage.query<{ body: string }>("SELECT data->>'body' AS body FROM entities WHERE id = 'note_nul'");
    expect(rows[0]!.body).toBe('before\uFFFDafter');
    await ordinary();
  });

  it.skipIf(skip)('applyPush reports an unexpected failure to the logger it is given', async () => {
    const log = { error: vi.fn() };
    const sam = users.find((u) => u.username === 'sam')!;
    const mutations = validatePush({
      clientId: CLIENT_ID,
      schemaVersion: PROTOCOL_VERSION,
      mutations: [{ id: nextId, name: 'customer.update', args: { customerId: 'cus_4', patch: { lastName: 'Explode' } }, at: Date.now() }],
    });
    const { response } = await applyPush(hub.storage, sam, CLIENT_ID, mutations, { clock: systemClock, log });
    expect(response.results[0]).toMatchObject({ status: 'rejected', code: 'internal' });
    expect(log.error).toHaveBeenCalledWith(expect.objectContaining({ mutationId: nextId, mutation: 'customer.update' }), expect.any(String));
    expect(JSON.stringify(log.error.mock.calls)).not.toContain('Explode');
    nextId += 1;
    await ordinary();
  });

  // ---------------------------------------------------------------- ingestion

  async function ingest(body: unknown) {
    const response = await fetch(`${hub.url}/api/v1/contacts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
      body: JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  }

  const ingestBody = (k: number) => ({
    channel: 'email',
    from: { email: `sender${k}@example.com`, phone: `+4477009${String(10_000 + k).slice(-5)}`, handle: `@sender_${k}` },
    name: { firstName: 'Ann', lastName: 'Lee' },
    subject: 'My bill',
    body: 'It doubled this month',
    topic: 'billing',
    priority: 3,
    externalId: `ext-${k}`,
    at: new Date(Date.now() - 60_000).toISOString(),
  });

  const ingestSchema = IngestContactRequestSchema as unknown as z.ZodType;
  const ingestPaths = schemaStringPaths(ingestSchema);

  it.skipIf(skip)('the ingestion scenario is recorded and fills in every string field', async () => {
    const body = ingestBody((counter += 1));
    const filled = valueStringPaths(body, recordPathsOf(ingestSchema));
    expect(ingestPaths.filter((path) => !filled.includes(path))).toEqual([]);
    expect((await ingest(body)).status).toBe(201);
  });

  for (const path of ingestPaths) {
    it.skipIf(skip)(`ingestion: a lone surrogate in ${path} is stored as U+FFFD (201) or refused with a 4xx, and the next contact goes in`, async () => {
      const base = ingestBody((counter += 1));
      const segments = path.split('.');
      const version = await lastVersion();
      const answer = await ingest(atPath(base, segments, broken));
      expect(answer.status, JSON.stringify(answer.json)).toBeLessThan(500);
      if (answer.status === 201) {
        const original = valueAt(base, segments);
        const fragment = JSON.stringify(repaired(original)).slice(1, -1);
        const written = await writtenSince(version);
        const ids = await hub.storage.query<{ external_id: string }>('SELECT external_id FROM ingested_contacts');
        expect(written.some((row) => row.includes(fragment)) || ids.some((row) => row.external_id === repaired(original))).toBe(true);
        expect(written.join('')).not.toMatch(/[\uD800-\uDFFF]/);
      } else {
        expect(answer.status).toBeGreaterThanOrEqual(400);
        expect(await lastVersion()).toBe(version);
      }
      expect((await ingest(ingestBody((counter += 1)))).status).toBe(201);
    });
  }

  it.skipIf(skip)('ingestion: a NUL in the subject or body is kept as U+FFFD (201), not lost', async () => {
    const answer = await ingest({ ...ingestBody((counter += 1)), subject: 'Bill\u0000', body: 'Twice\u0000charged' });
    expect(answer.status).toBe(201);
    const rows = await hub.storage.query<{ subject: string }>("SELECT data->>'subject' AS subject FROM entities WHERE id = $1", [answer.json.contactId]);
    expect(rows[0]!.subject).toBe('Bill\uFFFD');
  });

  it.skipIf(skip)('ingestion: a contact that fails unexpectedly answers 422 with a message, writes nothing, and the next one goes in', async () => {
    hubLog.length = 0;
    const version = await lastVersion();
    const answer = await ingest({ ...ingestBody((counter += 1)), subject: 'Explode', body: 'Private words' });
    expect(answer.status).toBe(422);
    expect(answer.json).toMatchObject({ statusCode: 422, message: expect.stringMatching(/unexpected error/) });
    expect(await lastVersion()).toBe(version);
    expect(hubLog.join('')).not.toContain('Private words');
    expect(loggedErrors().length).toBeGreaterThan(0);
    expect((await ingest(ingestBody((counter += 1)))).status).toBe(201);
  });
});

function valueAt(value: unknown, path: Path): string {
  let current: unknown = value;
  for (const segment of path) {
    if (segment === '[]') current = (current as unknown[])[0];
    else if (segment === '{key}') current = Object.keys(current as object)[0];
    else if (segment === '{}') current = Object.values(current as object)[0];
    else current = (current as Record<string, unknown>)[segment];
  }
  return current as string;
}
