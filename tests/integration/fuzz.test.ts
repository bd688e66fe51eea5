/**
 * Fuzzing every route of the hub from its own OpenAPI document: at least
 * 10,000 malformed requests, sent in-process with `app.inject` eight at a
 * time. First a systematic sweep (NUL, lone surrogates and control
 * characters in every string place of every route, deep nesting at every
 * place the schema leaves free), then random requests mixed by a seeded PRNG
 * (tests/helpers/fuzz.ts says what is done to them). The hub must answer none
 * with a 5xx, every 4xx in its error shape `{statusCode, error, message}`,
 * accept none sent to a route that writes, and write nothing: every table it
 * keeps has the same rows after as before (attempt counters and last-used
 * times aside), and the highest entity version has not moved.
 *
 * For "writes nothing" to be a sound oracle, no request that could reach a
 * route that writes may be valid by accident (an optional field removed, a
 * lone surrogate the hub repairs, a method variant landing on DELETE): a
 * guard checks each one with the schemas the routes declare (and the push's
 * own validation) and, when it could be taken, drops a required field or
 * swaps the credential for a refused one. Logout and "sign out everywhere"
 * never get a valid token; neither does the event stream (GET /sync/events),
 * so it answers before a stream opens.
 *
 * FUZZ_SEED and FUZZ_REQUESTS replay a run or make it longer; the seed is
 * printed at the start. FUZZ_SHOW=429 prints the requests answered 429. A
 * failure names each request by its index, method, URL, headers, body and
 * what was done to it, the first of each kind and route.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { PasswordChangeRequestSchema } from '@core/account-api';
import { IngestContactRequestSchema, LoginRequestSchema } from '@core/hub-api';
import { MUTATION_NAMES } from '@core/sync/mutations';
import { PROTOCOL_VERSION, PushRequestSchema, ScopeRequestSchema } from '@core/sync/protocol';
import { applyConfiguredKeys, parseIntegrationKeys } from '../../hub/api-keys';
import { importRows } from '../../hub/import';
import { INGEST_BODY_LIMIT } from '../../hub/ingest';
import { startHub, type RunningHub } from '../../hub/server';
import { validatePush } from '../../hub/sync/push';
import {
  malformedRequest,
  operationsOf,
  Random,
  randomToken,
  randomUuid,
  requestSeed,
  sweepRequests,
  type FuzzRequest,
  type FuzzTarget,
  type OpenApiDocument,
  type Operation,
} from '../helpers/fuzz';
import { PASSWORD, smallWorld, users } from '../helpers/world';

const DEFAULT_SEED = 0x5eed_2026;
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) >>> 0 : DEFAULT_SEED;
const REQUESTS = process.env.FUZZ_REQUESTS ? Math.max(1, Math.floor(Number(process.env.FUZZ_REQUESTS))) : 10_000;
/** FUZZ_SHOW=429,415 prints every request answered with one of those statuses (to see what a status stands for). */
const SHOW = new Set((process.env.FUZZ_SHOW ?? '').split(',').filter(Boolean).map(Number));
const CONCURRENCY = 8;
/** A request not answered by then counts as a failure (a stream that opened, a hang). */
const ANSWER_TIMEOUT_MS = 20_000;
/**
 * Schema-valid sign-ins and password changes cost a real scrypt (~0.5 s) each:
 * only this many, the rest are broken first; and only `plain` of them with
 * nothing but printable ASCII, the budget goes to odd text (which may fail
 * before any scrypt).
 */
const SCRYPT_BUDGET = { login: { all: 8, plain: 1 }, password: { all: 4, plain: 0 } };

const KEY = 'k'.repeat(24);
const EVENTS = 'GET /sync/events';
/** Routes sent no credential they take (it would open a stream, or sign Ava out). */
const NEVER_WITH_CREDENTIAL = new Set([EVENTS, 'POST /api/v1/auth/logout', 'DELETE /api/v1/auth/sessions']);
/** Counters of attempts (they count refused requests by design); last_used_at touches change no row otherwise. */
const COUNTERS = new Set(['rate_limits', 'signin_failures']);
const TOUCHED_COLUMNS = ['last_used_at'];

let hub: RunningHub;
let token: string;
let signedInRole: string;
let sessionIds: string[] = [];
let customerIds: Set<string>;
const usernames = new Set(users.map((user) => user.username));

// ---------------------------------------------------------------- the database, before and after

interface TableState {
  rows: number;
  digest: string;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Every table the hub keeps (from the catalog, not a list), counted and hashed row by row, and the highest entity version. */
async function snapshot(): Promise<{ tables: Record<string, TableState>; maxVersion: string | null }> {
  const tables = await hub.storage.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
  );
  const out: Record<string, TableState> = {};
  for (const { table_name: table } of tables) {
    if (COUNTERS.has(table)) continue;
    const columns = await hub.storage.query<{ column_name: string }>(
      'SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 AND NOT (column_name = ANY($2::text[])) ORDER BY ordinal_position',
      [table, TOUCHED_COLUMNS],
    );
    const rows = await hub.storage.query<{ n: number; digest: string }>(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(r, E'\\n' ORDER BY r), '')) AS digest
         FROM (SELECT ROW(${columns.map((column) => quote(column.column_name)).join(', ')})::text AS r FROM ${quote(table)}) t`,
    );
    out[table] = { rows: Number(rows[0]!.n), digest: rows[0]!.digest };
  }
  const version = await hub.storage.query<{ v: string | null }>('SELECT max(version)::text AS v FROM entities');
  return { tables: out, maxVersion: version[0]?.v ?? null };
}

// ---------------------------------------------------------------- the guard: nothing sent could write

const authorizationOf = (request: FuzzRequest) => [request.headers.authorization ?? []].flat().join(', ');
/** Conservative: any header carrying the token might be taken for it. */
const asPerson = (request: FuzzRequest) => authorizationOf(request).includes(token);
const asIntegration = (request: FuzzRequest) => authorizationOf(request).includes(KEY);

/** What the hub could make of the body: the text, and what JSON.parse makes of it (with a BOM dropped, as Fastify's parser does). */
function bodiesOf(request: FuzzRequest): unknown[] {
  if (request.payload === undefined) return [undefined];
  const text = Buffer.isBuffer(request.payload) ? new TextDecoder().decode(request.payload) : request.payload;
  const out: unknown[] = [text];
  for (const candidate of text.startsWith('\ufeff') ? [text, text.slice(1)] : [text]) {
    try {
      out.push(JSON.parse(candidate));
    } catch {
      // not JSON: refused before any handler
    }
  }
  return out;
}

function accepted<S extends z.ZodType>(schema: S, request: FuzzRequest): z.output<S>[] {
  return bodiesOf(request).flatMap((body) => {
    const result = schema.safeParse(body);
    return result.success ? [result.data] : [];
  });
}

interface Verdict {
  /** Why this request must not be sent as it is (it could write, or open a stream); null when the hub must refuse it. */
  unsafe: string | null;
  /** Which scrypt budget a schema-valid request would spend, and whether its text is plain printable ASCII. */
  costly?: { budget: keyof typeof SCRYPT_BUDGET; plain: boolean };
}

const isPlain = (...texts: string[]) => texts.every((text) => /^[\x20-\x7e]*$/.test(text));

const safe: Verdict = { unsafe: null };

/** Every route that writes (and the event stream), and when a request to it could be taken. */
const GUARDS: Record<string, (request: FuzzRequest) => Verdict> = {
  'POST /api/v1/auth/login': (request) => {
    const valid = accepted(LoginRequestSchema, request);
    if (valid.some((body) => usernames.has(body.username) && body.password === PASSWORD)) return { unsafe: 'a right password signs in' };
    return valid.length ? { unsafe: null, costly: { budget: 'login', plain: valid.every((body) => isPlain(body.username, body.password)) } } : safe;
  },
  'POST /api/v1/auth/logout': (request) => ({ unsafe: asPerson(request) ? 'signs out' : null }),
  'DELETE /api/v1/auth/sessions': (request) => ({ unsafe: asPerson(request) ? 'signs out everywhere' : null }),
  'DELETE /api/v1/auth/sessions/{id}': (request) => {
    const url = request.url.toLowerCase();
    return { unsafe: asPerson(request) && sessionIds.some((id) => url.includes(id.toLowerCase())) ? 'signs out a session' : null };
  },
  'POST /api/v1/auth/password': (request) => {
    if (!asPerson(request)) return safe;
    const valid = accepted(PasswordChangeRequestSchema, request);
    if (valid.some((body) => body.currentPassword === PASSWORD)) return { unsafe: 'changes the password' };
    return valid.length ? { unsafe: null, costly: { budget: 'password', plain: valid.every((body) => isPlain(body.currentPassword, body.newPassword)) } } : safe;
  },
  'POST /sync/push': (request) => {
    if (!asPerson(request)) return safe;
    for (const body of accepted(PushRequestSchema, request)) {
      try {
        validatePush(body);
        return { unsafe: 'a valid push' };
      } catch {
        // Refused whole before anything is written (a 4xx, or the hub's own failure, which the oracle reports).
      }
    }
    return safe;
  },
  'POST /sync/scope': (request) => {
    if (!asPerson(request)) return safe;
    const known = accepted(ScopeRequestSchema, request).some((body) => body.customerIds.every((id) => customerIds.has(id)));
    return { unsafe: known ? 'brings customers into scope' : null };
  },
  'POST /api/v1/contacts': (request) => ({ unsafe: asIntegration(request) && accepted(IngestContactRequestSchema, request).length ? 'a valid contact' : null }),
  // The first administrator is made only on a hub nobody can sign in to, and only from its own machine.
  'POST /api/v1/setup': (request) => ({ unsafe: isLoopback(request.remoteAddress) ? 'sets up from loopback' : null }),
  [EVENTS]: (request) => ({ unsafe: asPerson(request) ? 'opens an event stream' : null }),
};

const isLoopback = (address: string) => address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');

/** A route the table does not know (a GET reads): it might write whenever the hub could take the request at all. */
function unknownRoute(request: FuzzRequest): Verdict {
  const { op } = request;
  if (op.method === 'GET') return safe;
  // Administration routes refuse anyone but an administrator before reading the request.
  if (op.path.startsWith('/api/v1/admin/') && signedInRole !== 'admin') return safe;
  if (op.security.length && !asPerson(request) && !asIntegration(request)) return safe;
  if (!op.body) return { unsafe: `${op.key} with a credential it may take` };
  // Without a required field the route's schema (the document's source) refuses the body.
  const required = op.body.required ?? [];
  const complete = bodiesOf(request).some((body) => body !== null && typeof body === 'object' && !Array.isArray(body) && required.every((key) => key in body));
  return { unsafe: complete ? `${op.key} with every required field` : null };
}

let operations: Operation[] = [];

/**
 * The operations a request may reach: its method and path (a method or path
 * variant may land on another route) matched against every operation, the
 * path taken loosely (dot segments, doubled and trailing slashes, percent
 * escapes, case), so a doubt counts as a match.
 */
function routesOf(request: FuzzRequest): Operation[] {
  const raw = request.url.split('?')[0]!.split('#')[0]!;
  const forms = new Set<string>();
  for (const path of [raw, new URL(raw, 'http://hub').pathname]) {
    let decoded = path;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      // a malformed escape: the raw form stands
    }
    for (const form of [path, decoded]) forms.add(form.replace(/\/{2,}/g, '/').replace(/(.)\/$/, '$1'));
  }
  const method = request.method.toUpperCase();
  return operations.filter((op) => (op.method === method || (op.method === 'GET' && method === 'HEAD')) && [...forms].some((form) => patternOf(op).test(form)));
}

const patterns = new Map<string, RegExp>();
/** The operation's path as a pattern: any segment for a parameter, case ignored. */
function patternOf(op: Operation): RegExp {
  let pattern = patterns.get(op.key);
  if (!pattern) {
    pattern = new RegExp(`^${op.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]*')}$`, 'i');
    patterns.set(op.key, pattern);
  }
  return pattern;
}

/** Why the request must not be sent as it is, judged for every route it may reach. */
function verdictOf(request: FuzzRequest): Verdict {
  let costly: Verdict['costly'];
  for (const op of routesOf(request)) {
    const verdict = (GUARDS[op.key] ?? unknownRoute)({ ...request, op });
    if (verdict.unsafe !== null) return verdict;
    costly ??= verdict.costly;
  }
  return costly ? { unsafe: null, costly } : safe;
}

const scryptSpent = { login: { all: 0, plain: 0 }, password: { all: 0, plain: 0 } };

/** Makes the request one the hub must refuse before writing (and within the scrypt budget). */
function refuseForSure(request: FuzzRequest, random: Random): void {
  for (let attempt = 0; attempt < 6; attempt += 1) {
    const verdict = verdictOf(request);
    const { costly } = verdict;
    const spent = costly ? scryptSpent[costly.budget] : null;
    const budget = costly ? SCRYPT_BUDGET[costly.budget] : null;
    const overBudget = !!costly && !!spent && !!budget && (spent.all >= budget.all || (costly.plain && spent.plain >= budget.plain));
    if (verdict.unsafe === null && !overBudget) {
      if (costly && spent) {
        spent.all += 1;
        if (costly.plain) spent.plain += 1;
      }
      return;
    }
    const why = verdict.unsafe ?? 'scrypt budget spent';
    const body = routesOf(request).find((op) => op.body?.required?.length)?.body;
    if (body && attempt < 3) {
      // Without a required field the route's schema refuses the body, whatever else it holds.
      const parsed = bodiesOf(request).find((value): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value)) ?? {};
      const key = random.pick(body.required!);
      let text = '{}';
      try {
        text = JSON.stringify(Object.fromEntries(Object.entries(parsed).filter(([name]) => name !== key)));
      } catch {
        // too deep to write back: an empty object lacks the field too
      }
      request.payload = text;
      request.headers['content-type'] = 'application/json';
      request.variants.push(`guard: sent without ${key} (${why})`);
    } else {
      request.headers.authorization = random.pick(['', 'Bearer', `Bearer ${randomToken(random)}`, `Bearer ${KEY}x`]);
      request.variants.push(`guard: a refused credential (${why})`);
    }
  }
  throw new Error(`The guard could not make request #${request.index} (${request.method} ${request.url}) one the hub must refuse`);
}

// ---------------------------------------------------------------- sending and judging

interface Answer {
  status: number;
  body: string;
  contentType: string;
}

const preview = (value: string | Buffer | undefined, max = 300) => {
  if (value === undefined) return '(none)';
  const text = Buffer.isBuffer(value) ? `<${value.length} bytes> ${JSON.stringify(value.subarray(0, max).toString('latin1'))}` : JSON.stringify(value.slice(0, max));
  return value.length > max ? `${text}… (${value.length} in all)` : text;
};

function describeRequest(request: FuzzRequest, answer: Answer | null): string {
  const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, [value].flat().map((v) => (v.length > 120 ? `${v.slice(0, 120)}…(${v.length})` : v))]));
  return [
    `#${request.index} ${request.method} ${request.url.length > 300 ? `${request.url.slice(0, 300)}… (${request.url.length})` : request.url}  [${request.op.key}; from ${request.remoteAddress}]`,
    `  did: ${request.variants.join('; ')}`,
    `  headers: ${JSON.stringify(headers)}`,
    `  body: ${preview(request.payload)}`,
    answer ? `  answer: ${answer.status} ${answer.contentType} ${preview(answer.body)}` : '  answer: none',
  ].join('\n');
}

async function send(request: FuzzRequest): Promise<Answer> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ANSWER_TIMEOUT_MS} ms`)), ANSWER_TIMEOUT_MS);
  });
  try {
    const response = await Promise.race([
      hub.app.inject({
        method: request.method as 'GET',
        url: request.url,
        headers: request.headers,
        remoteAddress: request.remoteAddress,
        ...(request.payload !== undefined ? { payload: request.payload } : {}),
      }),
      timeout,
    ]);
    return { status: response.statusCode, body: response.body, contentType: String(response.headers['content-type'] ?? '') };
  } finally {
    clearTimeout(timer);
  }
}

/** What is wrong with the answer, or null. */
function judge(request: FuzzRequest, answer: Answer): string | null {
  if (answer.status >= 500) return `${answer.status}`;
  // A HEAD answer has no body.
  if (answer.status >= 400 && request.method !== 'HEAD') {
    let body: unknown;
    try {
      body = JSON.parse(answer.body);
    } catch {
      return 'a 4xx whose body is not JSON';
    }
    const error = body as { statusCode?: unknown; error?: unknown; message?: unknown } | null;
    if (error?.statusCode !== answer.status || typeof error.error !== 'string' || typeof error.message !== 'string') return 'a 4xx not in the error shape {statusCode, error, message}';
  }
  // Every route but a GET writes when it succeeds; none may take a fuzzed request.
  if (answer.status < 300 && routesOf(request).some((op) => op.method !== 'GET')) return 'a route that writes accepted a fuzzed request';
  return null;
}

// ---------------------------------------------------------------- the run

describe('fuzzing every route of the hub from its OpenAPI document', () => {
  let doc: OpenApiDocument;

  beforeAll(async () => {
    hub = await startHub({ host: '127.0.0.1', port: 0, dataDir: null, offers: false });
    const world = smallWorld();
    await importRows(hub.storage, world.entries, world.accounts);
    await applyConfiguredKeys(hub.storage, parseIntegrationKeys(`fuzz:${KEY}`));
    const login = await hub.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '198.51.100.7', payload: { username: 'ava', password: PASSWORD } });
    expect(login.statusCode).toBe(200);
    ({ token, user: { role: signedInRole } } = login.json<{ token: string; user: { role: string } }>());
    sessionIds = (await hub.storage.query<{ id: string }>('SELECT id FROM sessions')).map((row) => row.id);
    customerIds = new Set((await hub.storage.query<{ id: string }>("SELECT id FROM entities WHERE entity = 'customer'")).map((row) => row.id));
    const answer = await hub.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(answer.statusCode).toBe(200);
    doc = answer.json<OpenApiDocument>();
    operations = operationsOf(doc);
  });
  afterAll(async () => {
    await hub?.close();
  });

  it(`answers ${REQUESTS} malformed requests with no 5xx, errors in one shape, and writes nothing`, { timeout: 300_000 }, async () => {
    console.log(`fuzz: seed ${SEED} (FUZZ_SEED=${SEED} replays it), ${REQUESTS} requests (FUZZ_REQUESTS), ${CONCURRENCY} at a time`);
    const keys = operations.map((op) => op.key);
    // The guard's table names routes of the document; a route renamed away would leave its writes unguarded.
    for (const key of Object.keys(GUARDS).filter((name) => name !== 'POST /api/v1/setup')) expect(keys, `the document has ${key}`).toContain(key);

    const target: FuzzTarget = {
      credentials: { session: token, integrationKey: KEY },
      bodyLimit: (op) => (op.key === 'POST /api/v1/contacts' ? INGEST_BODY_LIMIT : hub.app.initialConfig.bodyLimit ?? 1024 * 1024),
      refusedOnly: (op) => NEVER_WITH_CREDENTIAL.has(op.key),
      hints: {
        'body.schemaVersion': () => PROTOCOL_VERSION,
        'body.mutations': (random) =>
          Array.from({ length: random.int(1, 3) }, (_, i) => ({
            id: i + 1,
            name: random.pick(MUTATION_NAMES),
            args: random.pick([{}, { id: 'x1', customerId: 'cus_1' }, { id: 'con_1' }, { customerId: 'cus_6', body: 'hi' }]),
            at: Date.now(),
          })),
        'body.customerIds[]': (random) => random.pick([...customerIds]),
        'body.from': (random) => random.pick([{ email: 'jane.doe@example.com' }, { phone: '+44 7700 900123' }, { handle: '@jane_doe' }, { email: 'c1@example.com' }]),
        'body.username': (random) => random.pick([...usernames]),
        'query.hubId': () => hub.hubId,
        'query.cursor': (random) => random.pick([0, 1, 5]),
        'query.q': (random) => random.pick(['Last1', 'c1@example.com', '7700', 'First', 'zz']),
        // The real session id too: the guard turns a request that would sign it out into a refused one.
        'path.id': (random) => random.pick([randomUuid(random), sessionIds[0]!, '00000000-0000-0000-0000-000000000000']),
      },
    };

    const before = await snapshot();
    const histogram = new Map<number, number>();
    const byRoute = new Map<string, Map<number, number>>();
    const failures: { kind: string; text: string }[] = [];
    /** Requests to the route itself (not a mangled path or method) that its credential check let through. */
    const reached = new Map<string, number>();
    const counted = (map: Map<number, number>, status: number) => map.set(status, (map.get(status) ?? 0) + 1);
    const started = performance.now();

    // The sweep first (every string place, every free-form place), then random requests up to the count.
    const sweepRandom = new Random(SEED);
    const sweep: FuzzRequest[] = [];
    for (const op of operations) sweep.push(...sweepRequests(op, target, sweepRandom, sweep.length));
    console.log(`fuzz: ${Math.min(sweep.length, REQUESTS)} systematic requests, then ${Math.max(0, REQUESTS - sweep.length)} random ones`);

    let next = 0;
    const worker = async () => {
      while (next < REQUESTS) {
        const index = next;
        next += 1;
        const random = new Random(requestSeed(SEED, index));
        const request = sweep[index] ?? malformedRequest(random.pick(operations), target, random, index);
        const { op } = request;
        refuseForSure(request, random);
        let answer: Answer;
        try {
          answer = await send(request);
        } catch (error) {
          failures.push({ kind: `no answer: ${op.key}`, text: `${String(error)}\n${describeRequest(request, null)}` });
          continue;
        }
        counted(histogram, answer.status);
        const route = byRoute.get(op.key) ?? new Map<number, number>();
        byRoute.set(op.key, route);
        counted(route, answer.status);
        const sameRoute = !request.variants.some((variant) => variant.startsWith('path shape') || variant.startsWith('method'));
        if (sameRoute && ![401, 421, 429].includes(answer.status)) reached.set(op.key, (reached.get(op.key) ?? 0) + 1);
        if (SHOW.has(answer.status)) console.log(describeRequest(request, answer));
        const problem = judge(request, answer);
        if (problem) failures.push({ kind: `${problem}: ${request.method} ${op.key.split(' ')[1]}`, text: describeRequest(request, answer) });
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (performance.now() - started) / 1000;
    const after = await snapshot();

    const line = (map: Map<number, number>) => [...map.entries()].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`).join(' ');
    console.log(`fuzz: ${REQUESTS} requests in ${seconds.toFixed(1)} s (seed ${SEED}); scrypt spent ${JSON.stringify(scryptSpent)}`);
    console.log(`fuzz: statuses ${line(histogram)}`);
    for (const op of operations) console.log(`fuzz:   ${op.key.padEnd(48)} ${line(byRoute.get(op.key) ?? new Map<number, number>())}`);

    // The first failure of each kind and route, and how many there were.
    const groups = new Map<string, { first: string; count: number }>();
    for (const failure of failures) {
      const group = groups.get(failure.kind) ?? { first: failure.text, count: 0 };
      group.count += 1;
      groups.set(failure.kind, group);
    }
    const report = [...groups.entries()].map(([kind, { first, count }]) => `${kind} (${count}×), e.g.\n${first}`).join('\n\n');
    expect.soft(failures.length, `${failures.length} failing answers (seed ${SEED}):\n\n${report}\n`).toBe(0);

    // Every route was fuzzed and, but those never sent one, with a credential it takes (a role it refuses answers 403).
    for (const op of operations) {
      expect.soft(byRoute.get(op.key)?.size ?? 0, `${op.key} got requests`).toBeGreaterThan(0);
      if (!NEVER_WITH_CREDENTIAL.has(op.key)) expect.soft(reached.get(op.key) ?? 0, `${op.key} got past its credential check`).toBeGreaterThan(0);
    }

    // Writes nothing.
    expect.soft(after.maxVersion, 'the highest entity version').toBe(before.maxVersion);
    expect.soft(after.tables, 'rows of every table (counters and last_used_at aside)').toEqual(before.tables);
  });
});
