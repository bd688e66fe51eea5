/**
 * The ingestion API described for integrators: an OpenAPI 3.1 document made
 * from the same zod schemas the hub validates with (GET /api/v1/openapi.json)
 * and a self-contained page (GET /api/docs: no scripts, no external fonts or
 * styles, so it works under the hub's CSP). Both are public.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { buildCsp } from '@core/csp';
import { PRODUCT_NAME } from '@core/config';
import { ApiErrorSchema, HealthSchema, IngestContactRequestSchema, IngestContactResponseSchema } from '@core/hub-api';
import { DEMO_INTEGRATION_KEY, DEMO_INTEGRATION_KEY_NAME, INTEGRATION_KEYS_ENV, MIN_KEY_LENGTH } from './api-keys';
import { INGEST_BODY_LIMIT } from './ingest';
import { version } from '../package.json';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  return rest;
}

const EXAMPLE_REQUEST = {
  channel: 'chat',
  from: { email: 'jane.doe@example.com', phone: '+44 7700 900123' },
  name: { firstName: 'Jane', lastName: 'Doe' },
  subject: 'Charged twice this month',
  body: 'You have taken two payments of £42.50 from my account this month.',
  externalId: 'chat-2026-11-02-0001',
};

const EXAMPLE_RESPONSE = {
  contactId: 'con_3f0c9a57-1d2b-4c8e-9a6f-5b7e2d1c0a94',
  customerId: 'cus_0042',
  queueId: 'q_billing',
  customerCreated: false,
  offeredTo: 'usr_ava',
  topic: 'billing',
  priority: 3,
  duplicate: false,
};

const error = (statusCode: number, reason: string, description: string, message: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' }, example: { statusCode, error: reason, message } } },
});

let cached: JsonSchema | null = null;

/** The OpenAPI 3.1 document of the integration API (and health). */
export function openApiDocument(): JsonSchema {
  if (cached) return cached;
  cached = {
    openapi: '3.1.0',
    info: {
      title: `${PRODUCT_NAME} hub: integration API`,
      version,
      description:
        'Integrations (telephony, chat, email and social gateways) post inbound contacts to the hub. The hub matches the sender to a customer, routes the contact to a queue and offers it to an available agent. A human-readable guide is at /api/docs.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: '/' }],
    paths: {
      '/api/v1/contacts': {
        post: {
          operationId: 'ingestContact',
          summary: 'Post an inbound contact',
          description:
            'Matches the sender to a customer (by phone, email or social handle) or creates one, records the contact, queues it (by channel and topic) and offers it to the longest-idle available agent who can take it.',
          tags: ['Ingestion'],
          security: [{ integrationKey: [] }],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/IngestContactRequest' }, example: EXAMPLE_REQUEST } },
          },
          responses: {
            '201': {
              description: 'The contact was recorded and queued.',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/IngestContactResponse' }, example: EXAMPLE_RESPONSE } },
            },
            '200': {
              description: 'This externalId was posted before: the answer names the contact it created, and nothing new was written.',
              content: {
                'application/json': { schema: { $ref: '#/components/schemas/IngestContactResponse' }, example: { ...EXAMPLE_RESPONSE, duplicate: true } },
              },
            },
            '400': error(400, 'Bad Request', 'The body is not valid JSON or breaks the schema; the message says which field.', 'Invalid request: from: needs an email, a phone or a handle'),
            '401': error(401, 'unauthorized', 'No API key, an unknown or revoked one, or a person\'s sign-in token instead of an API key.', 'Unknown API key. This route is for integrations: send an API key as "Authorization: Bearer <key>" (see /api/docs).'),
            '413': error(413, 'Payload Too Large', `The body is larger than ${INGEST_BODY_LIMIT / 1024 / 1024} MiB.`, 'Request body is too large'),
            '415': error(415, 'unsupported_media_type', 'The body is not sent as application/json.', 'Send the contact as JSON with "Content-Type: application/json", not text/plain.'),
            '422': error(422, 'no_queue', 'No queue takes this channel (and topic).', 'No queue takes social contacts: a supervisor needs to add the channel to a queue (one with no topics takes every topic).'),
          },
        },
      },
      '/health': {
        get: {
          operationId: 'health',
          summary: 'Whether the hub is up, and its storage and schema version',
          tags: ['Hub'],
          security: [],
          responses: {
            '200': { description: 'The hub is up.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Health' } } } },
          },
        },
      },
    },
    components: {
      securitySchemes: {
        integrationKey: {
          type: 'http',
          scheme: 'bearer',
          description: `An integration API key (not a person's sign-in token), set on the hub with ${INTEGRATION_KEYS_ENV}. Demo hubs accept "${DEMO_INTEGRATION_KEY}".`,
        },
      },
      schemas: {
        IngestContactRequest: jsonSchema(IngestContactRequestSchema, 'input'),
        IngestContactResponse: jsonSchema(IngestContactResponseSchema, 'output'),
        ApiError: jsonSchema(ApiErrorSchema, 'output'),
        Health: jsonSchema(HealthSchema, 'output'),
      },
    },
  };
  return cached;
}

// ---------------------------------------------------------------- the page

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

interface FieldRow {
  name: string;
  type: string;
  required: boolean;
  description: string;
}

function typeOf(schema: JsonSchema): string {
  if (Array.isArray(schema.enum)) return (schema.enum as unknown[]).map((value) => JSON.stringify(value)).join(' | ');
  if (Array.isArray(schema.anyOf)) return (schema.anyOf as JsonSchema[]).map(typeOf).join(' or ');
  const type = typeof schema.type === 'string' ? schema.type : Array.isArray(schema.type) ? (schema.type as string[]).join(' or ') : 'value';
  return schema.format === 'date-time' ? 'string (date-time)' : type;
}

function fieldRows(schema: JsonSchema, prefix = ''): FieldRow[] {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).flatMap(([name, property]) => {
    const row: FieldRow = { name: `${prefix}${name}`, type: typeOf(property), required: required.has(name), description: typeof property.description === 'string' ? property.description : '' };
    return property.type === 'object' ? [row, ...fieldRows(property, `${prefix}${name}.`)] : [row];
  });
}

const STYLE = `
  :root { color-scheme: light dark; --fg: #1d2330; --muted: #5b6475; --bg: #ffffff; --panel: #f4f6fa; --line: #d9dee8; --accent: #2455c3; }
  @media (prefers-color-scheme: dark) { :root { --fg: #e6e9ef; --muted: #a3abbb; --bg: #14171d; --panel: #1d2129; --line: #2e3440; --accent: #8fb0ff; } }
  body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
  h1 { font-size: 1.9rem; margin: 0 0 .25rem; } h2 { margin-top: 2.25rem; border-bottom: 1px solid var(--line); padding-bottom: .3rem; }
  p.lead { color: var(--muted); margin-top: 0; }
  code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; }
  pre { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: .9rem 1rem; overflow-x: auto; }
  table { border-collapse: collapse; width: 100%; margin: .75rem 0; }
  th, td { text-align: left; vertical-align: top; border-bottom: 1px solid var(--line); padding: .45rem .6rem; }
  th { background: var(--panel); }
  td code { white-space: nowrap; }
  a { color: var(--accent); }
  .req { font-weight: 600; }
`;

/** The integrators' guide. `origin` is where the hub was reached (for the examples). */
export function apiDocsPage(origin: string): string {
  const request = openApiDocument() as { components: { schemas: { IngestContactRequest: JsonSchema; IngestContactResponse: JsonSchema } } };
  const rows = fieldRows(request.components.schemas.IngestContactRequest)
    .map(
      (row) =>
        `<tr><td><code>${escapeHtml(row.name)}</code></td><td>${escapeHtml(row.type)}</td><td>${row.required ? '<span class="req">required</span>' : 'optional'}</td><td>${escapeHtml(row.description)}</td></tr>`,
    )
    .join('\n');
  const responseRows = fieldRows(request.components.schemas.IngestContactResponse)
    .map((row) => `<tr><td><code>${escapeHtml(row.name)}</code></td><td>${escapeHtml(row.type)}</td><td>${escapeHtml(row.description)}</td></tr>`)
    .join('\n');
  const curl = [
    `curl -i -X POST ${origin}/api/v1/contacts \\`,
    `  -H 'Authorization: Bearer ${DEMO_INTEGRATION_KEY}' \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d '${JSON.stringify({ channel: 'chat', from: { email: 'jane.doe@example.com' }, name: { firstName: 'Jane', lastName: 'Doe' }, subject: 'Charged twice this month', body: 'You have taken two payments from my account.', externalId: 'chat-2026-11-02-0001' }, null, 2)
      .split('\n')
      .join('\n  ')}'`,
  ].join('\n');
  const errors: [string, string][] = [
    ['400', 'The body is not JSON, or a field is wrong: an unknown channel, no email/phone/handle in <code>from</code>, an invalid email or phone number, a subject over 300 or a body over 20,000 characters, an unknown field, <code>at</code> more than 5 minutes ahead. The message names the field.'],
    ['401', `No <code>Authorization</code> header, an unknown or revoked key, or a person's sign-in token (an API key is needed here; and an API key cannot be used to sign in or sync).`],
    ['413', `The body is larger than ${INGEST_BODY_LIMIT / 1024 / 1024} MiB.`],
    ['415', 'The body is not sent as <code>application/json</code>.'],
    ['422', 'No queue takes the channel (or the topic, when no queue on the channel takes every topic). Nothing was written; a supervisor needs to set up a queue.'],
    ['5xx', 'The hub could not handle it. Retry with the same <code>externalId</code>: a contact is never recorded twice.'],
  ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${PRODUCT_NAME} hub · Integration API</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${PRODUCT_NAME} integration API</h1>
<p class="lead">For telephony, chat, email and social gateways that hand inbound contacts to ${PRODUCT_NAME}. Version ${escapeHtml(version)} · machine-readable: <a href="/api/v1/openapi.json">OpenAPI 3.1 document</a></p>

<h2>What happens to a contact</h2>
<ol>
<li>The sender is matched to a customer: by phone number (spaces, dots, dashes and brackets ignored), by email (case ignored) or by social handle (the customer attribute <code>socialHandle</code>), trying first the identifier the channel speaks. An unknown sender becomes a new customer (named from <code>name</code>, else from the email address).</li>
<li>The topic is taken from <code>topic</code>, or detected from the subject and body (billing, outage, delivery, cancellation, technical, general).</li>
<li>The contact goes to the queue that takes its channel and topic, else to a queue on the channel that takes any topic. Its priority (1 most urgent … 5) comes from <code>priority</code> or from the channel and the customer's tier; a VIP is one step more urgent. Its SLA clock starts at <code>at</code>.</li>
<li>It is offered to the longest-idle available agent of the queue's team who has the skills it needs. An offer lasts 30 seconds; declined or lapsed offers move on to the next agent.</li>
</ol>

<h2>Authentication</h2>
<p>Send an integration API key as a bearer token: <code>Authorization: Bearer &lt;key&gt;</code>. Keys are set on the hub with the environment variable <code>${INTEGRATION_KEYS_ENV}="name:key,name2:key2"</code> (keys of at least ${MIN_KEY_LENGTH} characters; the hub stores only their SHA-256 hashes; a key no longer listed is revoked at the next start). A hub started with demo data also accepts the key <code>${DEMO_INTEGRATION_KEY}</code> ("${DEMO_INTEGRATION_KEY_NAME}").</p>
<p>An API key and a person's sign-in token are not interchangeable: this route refuses sign-in tokens, and the sign-in and sync routes refuse API keys, each with a 401 that says which credential it needs.</p>

<h2><code>POST /api/v1/contacts</code></h2>
<p>Body: JSON (<code>Content-Type: application/json</code>), at most ${INGEST_BODY_LIMIT / 1024 / 1024} MiB. Unknown fields are refused.</p>
<table>
<thead><tr><th>Field</th><th>Type</th><th></th><th>Meaning</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>

<h3>Example</h3>
<pre>${escapeHtml(curl)}</pre>

<h3>Responses</h3>
<p><b>201 Created</b>: the contact was recorded and queued. <b>200 OK</b>: the <code>externalId</code> was posted before; the answer names the contact it created then, and nothing new was written (<code>duplicate: true</code>).</p>
<table>
<thead><tr><th>Field</th><th>Type</th><th>Meaning</th></tr></thead>
<tbody>
${responseRows}
</tbody>
</table>
<pre>${escapeHtml(JSON.stringify(EXAMPLE_RESPONSE, null, 2))}</pre>

<h3>Errors</h3>
<p>Every error answers <code>{"statusCode": …, "error": …, "message": …}</code>; the message says what was wrong. A refused request writes nothing.</p>
<table>
<thead><tr><th>Status</th><th>When</th></tr></thead>
<tbody>
${errors.map(([status, when]) => `<tr><td><code>${status}</code></td><td>${when}</td></tr>`).join('\n')}
</tbody>
</table>
<pre>${escapeHtml(JSON.stringify({ statusCode: 400, error: 'Bad Request', message: 'Invalid request: from.email: must be an email address' }, null, 2))}</pre>

<h2>Health</h2>
<p><code>GET /health</code> answers <code>{"status": "ok", …}</code> while the hub is up (no key needed).</p>
</main>
</body>
</html>
`;
}

function originOf(request: FastifyRequest): string {
  const host = request.headers.host ?? '127.0.0.1:4870';
  return /^[A-Za-z0-9.\-:[\]]+$/.test(host) ? `${request.protocol}://${host}` : 'http://127.0.0.1:4870';
}

export function registerApiDocs(app: FastifyInstance): void {
  app.get('/api/v1/openapi.json', async () => openApiDocument());
  app.get('/api/docs', async (request, reply) => {
    void reply.headers({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': buildCsp(),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
      'Cross-Origin-Opener-Policy': 'same-origin',
    });
    return apiDocsPage(originOf(request));
  });
}
