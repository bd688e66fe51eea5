/**
 * Malformed HTTP requests generated from an OpenAPI 3.1 document, for fuzzing
 * the hub (tests/integration/fuzz.test.ts). For each operation of the document
 * a request starts from a plausible valid one built from its schemas (body,
 * query and path parameters), then gets one to three malformations: wrong
 * types, missing required and unknown extra properties, huge strings (within
 * the body limit and over it), deep nesting, lone surrogates and control
 * characters, numbers out of range, bodies that are null, arrays or not JSON,
 * wrong content types, malformed query strings and path parameters that are
 * not ids, and credentials that are missing, malformed or of the wrong kind.
 * Everything comes from a seeded PRNG: a seed and an index replay a request.
 *
 * Nothing here knows the hub: which requests could write, and which answers
 * are right, are the test's business.
 */
import { seeded } from './random';

// ---------------------------------------------------------------- randomness

export class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = seeded(seed);
  }

  float(): number {
    return this.next();
  }

  /** An integer from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(list: readonly T[]): T {
    if (list.length === 0) throw new Error('pick from an empty list');
    return list[Math.floor(this.next() * list.length)]!;
  }

  /** One of the entries, each as likely as its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }
}

/** The seed of request `index` of a run: each request replays on its own from the run's seed and its index. */
export function requestSeed(seed: number, index: number): number {
  return (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
}

// ---------------------------------------------------------------- the document

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  $ref?: string;
}

interface OpenApiParameter {
  in: 'query' | 'path' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}

interface OpenApiOperation {
  security?: Record<string, unknown>[];
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema>; securitySchemes?: Record<string, unknown> };
}

export interface Param {
  name: string;
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  /** e.g. "POST /sync/push", "DELETE /api/v1/auth/sessions/{id}" (the document's path). */
  key: string;
  method: string;
  path: string;
  /** The JSON body's schema ($refs followed); null when the operation takes no body. */
  body: JsonSchema | null;
  query: Param[];
  pathParams: Param[];
  /** Security scheme names that may call it; empty for public operations. */
  security: string[];
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace']);

/** The schema with `$ref`s to the document's components followed, all the way down. */
export function resolveRefs(doc: OpenApiDocument, schema: JsonSchema, depth = 0): JsonSchema {
  if (depth > 32) return schema;
  const target = schema.$ref ? doc.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')] : schema;
  if (!target) throw new Error(`The document has no schema ${schema.$ref}`);
  const out: JsonSchema = { ...target };
  delete out.$ref;
  if (out.properties) out.properties = Object.fromEntries(Object.entries(out.properties).map(([key, value]) => [key, resolveRefs(doc, value, depth + 1)]));
  if (out.items) out.items = resolveRefs(doc, out.items, depth + 1);
  if (out.anyOf) out.anyOf = out.anyOf.map((option) => resolveRefs(doc, option, depth + 1));
  if (out.oneOf) out.oneOf = out.oneOf.map((option) => resolveRefs(doc, option, depth + 1));
  if (out.allOf) out.allOf = out.allOf.map((option) => resolveRefs(doc, option, depth + 1));
  return out;
}

/** Every operation of the document. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => HTTP_METHODS.has(method))
      .map(([method, operation]) => {
        const parameters = operation.parameters ?? [];
        const param = (where: OpenApiParameter['in']) =>
          parameters.filter((p) => p.in === where).map((p) => ({ name: p.name, required: p.required ?? where === 'path', schema: resolveRefs(doc, p.schema ?? {}) }));
        const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
        return {
          key: `${method.toUpperCase()} ${path}`,
          method: method.toUpperCase(),
          path,
          body: bodySchema ? resolveRefs(doc, bodySchema) : null,
          query: param('query'),
          pathParams: param('path'),
          security: (operation.security ?? []).flatMap((entry) => Object.keys(entry)),
        };
      }),
  );
}

// ---------------------------------------------------------------- JSON with raw parts

/** JSON text placed as is into a body: numbers JSON.stringify cannot write (1e999, -0, 2^53+1 exactly), nesting too deep to build as objects. */
export class Raw {
  constructor(readonly json: string) {}
}

/** JSON text of a value that may hold Raw parts. Strings go through JSON.stringify, so lone surrogates and control characters travel escaped. */
export function toJson(value: unknown): string {
  if (value instanceof Raw) return value.json;
  if (value === undefined) return 'null';
  if (value === null || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  const entries = Object.entries(value).filter(([, item]) => item !== undefined);
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${toJson(item)}`).join(',')}}`;
}

function clone(value: unknown): unknown {
  if (value instanceof Raw || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(clone);
  // Entries, not spread: a "__proto__" key stays an own property.
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, clone(item)]));
}

// ---------------------------------------------------------------- valid values from schemas

export type Hint = (random: Random) => unknown;
/** Values for places the document alone cannot make valid, by place: "body", "body.mutations[].name", "query.clientId", "path.id". */
export type Hints = Record<string, Hint>;

const HEX = '0123456789abcdef';

export function randomUuid(random: Random): string {
  const hex = (n: number) => Array.from({ length: n }, () => HEX[random.int(0, 15)]).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${random.pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
}

export function randomToken(random: Random, length = 43): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  return Array.from({ length }, () => alphabet[random.int(0, alphabet.length - 1)]).join('');
}

/** A private IPv4 or documentation IPv6 address, so per-address limits count each request on its own (IPv6 in its own /64: limiters group by prefix). */
export function randomAddress(random: Random): string {
  const hex = () => random.int(0, 0xffff).toString(16);
  if (random.chance(0.03)) return `2001:db8:${hex()}:${hex()}::${random.int(1, 0xffff).toString(16)}`;
  return `10.${random.int(0, 255)}.${random.int(0, 255)}.${random.int(1, 254)}`;
}

function typeOf(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((type) => type !== 'null') ?? schema.type[0];
  if (schema.type) return schema.type;
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  return undefined;
}

const regexes = new Map<string, RegExp>();
const compiled = (pattern: string) => {
  let regex = regexes.get(pattern);
  if (!regex) {
    regex = new RegExp(pattern, 'u');
    regexes.set(pattern, regex);
  }
  return regex;
};

const STRING_CANDIDATES = ['abc', 'billing', 'cus_1', 'a1', '@jane_doe', 'jane.doe@example.com', '+447700900123', 'x', 'Hello there', '2026-11-02T09:00:00Z', '12345'];

function stringExample(schema: JsonSchema, random: Random): string {
  if (schema.format === 'uuid') return randomUuid(random);
  if (schema.format === 'date-time') return new Date(Date.now() - random.int(0, 3_600_000)).toISOString();
  if (schema.format === 'email') return 'jane.doe@example.com';
  const min = schema.minLength ?? 0;
  const max = schema.maxLength ?? Infinity;
  const fits = (text: string) => text.length >= min && text.length <= max && (!schema.pattern || compiled(schema.pattern).test(text));
  const found = STRING_CANDIDATES.filter(fits);
  if (found.length) return random.pick(found);
  const length = Math.min(max, Math.max(min, random.int(3, 12)));
  return Array.from({ length }, () => random.pick([...'abcdefghijklmnopqrstuvwxyz'])).join('');
}

/** A value that fits the schema as far as the document says (refinements it cannot express may still fail). */
export function exampleOf(schema: JsonSchema, random: Random, hints: Hints, place: string): unknown {
  const hint = hints[place];
  if (hint) return hint(random);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return random.pick(schema.enum);
  const options = schema.anyOf ?? schema.oneOf;
  if (options?.length) return exampleOf(random.pick(options), random, hints, place);
  switch (typeOf(schema)) {
    case 'object': {
      const required = new Set(schema.required ?? []);
      const out: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        if (required.has(key) || random.chance(0.6)) out[key] = exampleOf(property, random, hints, `${place}.${key}`);
      }
      return out;
    }
    case 'array': {
      const min = Math.max(schema.minItems ?? 0, 1);
      const length = random.int(min, Math.max(min, Math.min(schema.maxItems ?? 3, 3)));
      return Array.from({ length }, () => exampleOf(schema.items ?? {}, random, hints, `${place}[]`));
    }
    case 'integer':
    case 'number': {
      const low = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 0);
      const high = Math.min(schema.maximum ?? low + 100, low + 100);
      return random.int(low, high);
    }
    case 'string':
      return stringExample(schema, random);
    case 'boolean':
      return random.chance(0.5);
    case 'null':
      return null;
    default:
      return {};
  }
}

// ---------------------------------------------------------------- malformed values

/** Lone UTF-16 surrogates and control characters: text no UTF-8 database column (text or jsonb) takes as is. */
export const SURROGATES_AND_CONTROLS: readonly string[] = [
  '\ud800', '\udbff', '\udc00', '\udfff', 'a\ud83d', '\ude00b', '\ud83d\ud83d', 'x\udfff\ud800y',
  '\u0000', 'a\u0000b', '\u0000\u0000\u0000', '\u0001\u0002\u0003\u001f', '\u007f', '\u0080\u0085\u009f', '\u2028\u2029', '\r\n', '\n', '\t', '\b\f\v', '\u001b[31m',
];

/** Text that breaks careless handling: the above, odd Unicode, injection, lookalikes of other types. */
export const BAD_STRINGS: readonly string[] = [
  ...SURROGATES_AND_CONTROLS,
  '\ufeff', '\ufffe', '\uffff', '\ufffd', '\u200b\u200c\u200d', '\u202eabc', 'e\u0301', 'e\u0301\u0301\u0301\u0301\u0301\u0301', '𝕏😀', '👨‍👩‍👧‍👦', '\u{10ffff}', 'İı', 'ß', 'ﬃ', 'ｆｕｌｌ', '١٢٣', '𝟙𝟚𝟛',
  '', ' ', '   ', '\u00a0', '\u3000',
  "' OR '1'='1", '"; DROP TABLE entities; --', "\\'", '%', '_', '\\', '%_\\', '%00', '${7*7}', '{{7*7}}', '<script>alert(1)</script>', '../../etc/passwd', '..\\..\\windows', 'file:///etc/passwd',
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty',
  'null', 'undefined', 'NaN', 'Infinity', '-1', '0', '1e308', 'true', 'false', '[]', '{}', '[object Object]',
];

/** Strings made of BAD_STRINGS (surrogates and control characters half the time), alone or around a valid value. */
export function badString(random: Random, around?: string): string {
  const bad = random.pick(random.chance(0.5) ? SURROGATES_AND_CONTROLS : BAD_STRINGS);
  if (around === undefined || random.chance(0.4)) return bad;
  const at = random.int(0, around.length);
  return random.pick([`${bad}${around}`, `${around}${bad}`, `${around.slice(0, at)}${bad}${around.slice(at)}`]);
}

/** Numbers at and past every edge, as JSON numbers and as the strings people send instead. */
export function outOfRange(schema: JsonSchema, random: Random): unknown {
  const edges: unknown[] = [
    -1, 0, new Raw('-0'), 0.5, 1.5, -1.5, 2 ** 31, 2 ** 32, 2 ** 53, new Raw('9007199254740993'), new Raw('-9007199254740993'), 1e308, -1e308, new Raw('1e309'), new Raw('-1e999'),
    5e-324, new Raw('1E400'), new Raw('123456789012345678901234567890'), new Raw('0.0000000000000000000001'), new Raw('1.0'), new Raw('1e2'),
    'NaN', 'Infinity', '-Infinity', '1e999', '0x10', '1_000', ' 1', '1 ', '', '١', '1.0', '-0',
  ];
  if (schema.maximum !== undefined) edges.push(schema.maximum + 1, schema.maximum + 0.5, String(schema.maximum + 1));
  if (schema.minimum !== undefined) edges.push(schema.minimum - 1, schema.minimum - 0.5);
  if (schema.exclusiveMinimum !== undefined) edges.push(schema.exclusiveMinimum);
  return random.pick(edges);
}

/** A value of another JSON type than the schema's. */
export function wrongType(schema: JsonSchema, random: Random): unknown {
  const type = typeOf(schema);
  const pool: Record<string, unknown[]> = {
    string: [0, 1, -1, 1.5, true, false, null, {}, [], ['x'], { $ne: '' }, { toString: 'x' }, new Raw('1e999')],
    integer: ['1', '0', 'one', 'NaN', 'Infinity', true, false, null, {}, [], [1], 1.5, { valueOf: 1 }],
    number: ['1', 'NaN', true, null, {}, [], [1]],
    boolean: ['true', 1, 0, null, {}, [], 'yes'],
    object: ['x', '', 0, 1, true, null, [], [{}], 'null', '{}'],
    array: ['x', '', 0, true, null, {}, { 0: 'a', length: 1 }, '[]'],
  };
  return random.pick(pool[type ?? 'string'] ?? [null, 0, 'x', true, [], {}]);
}

/** Nesting `depth` levels deep, as raw JSON (a value that deep cannot be serialised by JSON.stringify). */
export function nested(depth: number, kind: 'array' | 'object'): Raw {
  return kind === 'array' ? new Raw(`${'['.repeat(depth)}${']'.repeat(depth)}`) : new Raw(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);
}

/** Bytes a nested value of this depth takes. */
export const nestedSize = (depth: number, kind: 'array' | 'object') => (kind === 'array' ? 2 * depth : 6 * depth + 1);

/** Every string of the value (and every object key, with `keys`) replaced by `replace` of it. */
export function everyString(value: unknown, replace: (text: string) => string, keys = false): unknown {
  if (typeof value === 'string') return replace(value);
  if (value instanceof Raw || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => everyString(item, replace, keys));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [keys ? replace(key) : key, everyString(item, replace, keys)]));
}

/** A place in a value that a malformation can hit. */
export interface Site {
  path: (string | number)[];
  schema: JsonSchema;
  /** Whether the value has something there now. */
  present: boolean;
  required: boolean;
}

/** The value itself, each property the schema names (present or not) and each array element, all the way down. */
export function sitesOf(value: unknown, schema: JsonSchema, path: (string | number)[] = [], required = true): Site[] {
  const sites: Site[] = [{ path, schema, present: value !== undefined, required }];
  const schemaType = typeOf(schema);
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Raw)) {
    const requiredKeys = new Set(schema.required ?? []);
    const record = value as Record<string, unknown>;
    for (const [key, property] of Object.entries(schema.properties ?? {})) {
      sites.push(...sitesOf(record[key], property, [...path, key], requiredKeys.has(key)));
    }
  } else if (Array.isArray(value) && (schemaType === 'array' || schema.items)) {
    value.forEach((item, index) => sites.push(...sitesOf(item, schema.items ?? {}, [...path, index], true)));
  }
  return sites;
}

/** The value with `path` set to `replacement` (or removed when it is undefined), copied. */
export function setAt(value: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = clone(value);
  const container: Record<string | number, unknown> = copy !== null && typeof copy === 'object' && !(copy instanceof Raw) ? (copy as Record<string, unknown>) : {};
  const next = setAt(container[head], rest, replacement);
  if (next === undefined && !Array.isArray(container)) delete container[head];
  else container[head] = next;
  return container;
}

export function getAt(value: unknown, path: readonly (string | number)[]): unknown {
  let here = value;
  for (const step of path) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<string | number, unknown>)[step];
  }
  return here;
}

const describePath = (path: readonly (string | number)[]) => (path.length ? path.join('.') : '(body)');

// ---------------------------------------------------------------- raw parts of requests

/** Percent-encodes every byte but the unreserved ones (a lone surrogate becomes U+FFFD's bytes, as a browser would send it). */
export function percentEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((byte) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}

/** Already-encoded query values and path segments that no decoder should choke on (and some that will). */
const BAD_ENCODINGS = ['%', '%%', '%zz', '%E2%82', '%ED%A0%80', '%ED%BF%BF', '%C0%AE', '%C0%80', '%FF', '%FE%FF', '%00', '%0A', '%0D%0A', '%F0%9F%98%80', '%E2%80%AE', '%EF%BB%BF', '+', '%2B', '%20', '%2F', '%5C', '%3F', '%23', '%26', '%3D', '%25', 'ä', '😀'];

/** Path parameters that are not ids (encoded as they go on the wire). */
export function notAnId(random: Random, valid: string): string {
  const choices = [
    '', 'abc', '1', '0', '-1', 'NaN', 'null', 'undefined', 'true', '1e308', '9007199254740993', '.', '..', '%2e%2e', '...', '*', ';', '$', '~', '__proto__', 'constructor',
    `${valid.slice(0, -1)}`, `${valid}0`, `${valid.slice(0, 14)}9${valid.slice(15)}`, `g${valid.slice(1)}`, `%7B${valid}%7D`, `urn:uuid:${valid}`, valid.replace(/-/g, ''), valid.toUpperCase(),
    `${valid}%00`, `${valid}%20`, `%20${valid}`, `${valid}/extra`, `${valid}%2Fextra`, `${valid}.json`, `${valid}?x=1`, `${valid}#frag`, `${valid};x=1`,
    '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', randomUuid(random), 'x'.repeat(101), 'x'.repeat(random.pick([99, 100, 500, 5000])),
    "'%20OR%201=1--", percentEncode(badString(random)), random.pick(BAD_ENCODINGS), `${random.pick(BAD_ENCODINGS)}${valid}`,
  ];
  return random.pick(choices);
}

/** Bodies that are not JSON, or JSON that is subtly not what a strict parser takes; some as bytes that are not UTF-8. */
export function notJson(random: Random, valid: string): string | Buffer {
  const cut = valid.slice(0, random.int(0, Math.max(0, valid.length - 1)));
  return random.pick<string | Buffer>([
    '', ' ', '\n', '{', '}', '[', '{"a":', '{"a":1,}', "{'a':1}", '{a:1}', 'NaN', 'undefined', 'Infinity', '-', '{"a":1}}', `${valid} x`, `${valid}${valid}`, `\ufeff${valid}`, `\ufeff\ufeff${valid}`,
    '\u0000', `{"a":"\u0000"}`, '{"a":"\\x41"}', '{"a":01}', '{"a":.5}', '{"a":+1}', '{"a":1e}', '{"a":"a\\"}', '{"a":"\\u12"}', '{"a":"\\ud800"}', '{"a":1 /* c */}', '// c\n{}',
    'a=1&b=2', '<?xml version="1.0"?><a/>', '--boundary\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--boundary--', cut,
    Buffer.from([0xff, 0xfe, 0x00]), Buffer.from([0xc0, 0x80]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.concat([Buffer.from(valid.slice(0, Math.max(1, valid.length - 2))), Buffer.from([0xff, 0xfe]), Buffer.from(valid.slice(-2))]),
    Buffer.from(valid, 'utf16le'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(valid)]),
  ]);
}

export const WRONG_CONTENT_TYPES: readonly (string | null)[] = [
  null, '', 'text/plain', 'text/plain; charset=utf-8', 'application/x-www-form-urlencoded', 'multipart/form-data', 'multipart/form-data; boundary=boundary', 'application/xml', 'text/html',
  'application/octet-stream', 'application/json; charset=utf-16', 'application/json; charset=latin1', 'application/json;', 'application/json ; charset=utf-8', 'APPLICATION/JSON', 'Application/Json; Charset=UTF-8',
  'application/json, text/plain', 'application/jsonp', 'application/json-patch+json', 'application/merge-patch+json', 'application/vnd.api+json', 'text/json', 'application/*', '*/*', 'json',
  'application/json; boundary=--', 'application/json; charset="utf-8"', 'application/json;;;', '\tapplication/json', 'application/ json', 'x'.repeat(1000),
];

// ---------------------------------------------------------------- requests

export interface FuzzTarget {
  /** A credential that works, by security scheme name (sent as "Bearer <credential>"). */
  credentials: Record<string, string>;
  hints: Hints;
  /** Largest body the operation takes, in bytes. */
  bodyLimit: (op: Operation) => number;
  /** Operations sent only credentials that are refused (an event stream would stay open). */
  refusedOnly: (op: Operation) => boolean;
}

export interface FuzzRequest {
  index: number;
  op: Operation;
  method: string;
  url: string;
  headers: Record<string, string | string[]>;
  payload?: string | Buffer;
  remoteAddress: string;
  /** What was done to it, for reports. */
  variants: string[];
}

/** Authorization headers that are not the credential, some of them built around it. */
function malformedAuthorization(random: Random, credential: string): string | string[] {
  return random.pick<string | string[]>([
    '', ' ', 'Bearer', 'Bearer ', 'Bearer  ', `Bearer  ${credential}`, `bearer ${credential}`, `BEARER ${credential}`, `Bearer ${credential} `, ` Bearer ${credential}`, `Bearer\t${credential}`,
    `Bearer ${credential}x`, `Bearer ${credential.slice(0, -1)}`, `Bearer ${credential.slice(0, 19)}`, `Bearer ${credential.slice(1)}`, credential, `Token ${credential}`, `Basic ${Buffer.from(`ava:${credential}`).toString('base64')}`,
    `Bearer ${credential},Bearer ${credential}`, `Bearer ${credential} ${credential}`, `Bearer "${credential}"`, `Bearer ${'a'.repeat(19)}`, `Bearer ${'a'.repeat(201)}`, `Bearer ${'A'.repeat(random.pick([257, 10_000, 60_000]))}`,
    `Bearer null`, 'Bearer undefined', 'Bearer ../../etc/passwd', `Bearer ${credential}; other=1`, `Bearer é${credential}`, `Bearer ${credential}\u00ff`, 'Bearer %00', `Bearer ${percentEncode(credential)}%00`,
    [`Bearer ${randomToken(random)}`, `Bearer ${credential}`], [`Bearer ${credential}`, `Bearer ${randomToken(random)}`],
  ]);
}

const HOSTS = ['evil.example.com', 'localhost.evil.com', '127.0.0.1.nip.io', '', 'localhost:99999', 'localhost:abc', '[::1', '[::1]:80', '0x7f.1', 'LOCALHOST', 'x'.repeat(300), 'a b', 'localhost@evil.com'];
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

interface Start {
  /** Path parameters and query pairs, percent-encoded as they go on the wire. */
  pathValues: Map<string, string>;
  query: [string, string | null][];
  body: unknown;
}

/** A request as valid as the document (and the hints) can make it. */
function validStart(op: Operation, target: FuzzTarget, random: Random): Start {
  return {
    pathValues: new Map(op.pathParams.map((param) => [param.name, percentEncode(String(exampleOf(param.schema, random, target.hints, `path.${param.name}`)))])),
    query: op.query
      .filter((param) => param.required || random.chance(0.5))
      .map((param) => [param.name, percentEncode(String(exampleOf(param.schema, random, target.hints, `query.${param.name}`)))]),
    body: op.body ? exampleOf(op.body, random, target.hints, 'body') : undefined,
  };
}

function urlOf(op: Operation, pathValues: Map<string, string>, query: [string, string | null][], pathShape: ((path: string) => string) | null, bareQuestionMark: boolean): string {
  let path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => pathValues.get(name) ?? '');
  if (pathShape) path = pathShape(path);
  const search = query.map(([key, value]) => (value === null ? key : `${key}=${value}`)).join('&');
  return search || bareQuestionMark ? `${path}?${search}` : path;
}

// ---------------------------------------------------------------- the sweep

/** What the sweep puts into every string place: NUL, lone high and low surrogates, C0 controls. */
export const SWEEP_TEXT: readonly string[] = ['\u0000', '\ud800', '\udfff', '\u0007\u001b\u007f'];
/** The same in a URL: a lone surrogate has no UTF-8 form, so its CESU-8 bytes (what a broken client sends). */
const SWEEP_ENCODED: readonly string[] = ['%00', '%ED%A0%80', '%ED%BF%BF', '%07%1B%7F'];

/**
 * The systematic part: for the operation, a request as valid as can be (with
 * a credential it takes) with each SWEEP_TEXT inside each string place of its
 * body, query and path in turn, and with nesting 100,000 levels deep (or as
 * deep as the body limit allows) at its body's root and at each place the
 * schema leaves free. Random requests may miss a place; this does not.
 */
export function sweepRequests(op: Operation, target: FuzzTarget, random: Random, firstIndex: number): FuzzRequest[] {
  if (target.refusedOnly(op)) return [];
  const own = op.security.map((scheme) => target.credentials[scheme]).find((credential) => credential !== undefined);
  const out: FuzzRequest[] = [];
  const add = (start: Start, variant: string) => {
    const headers: Record<string, string> = own ? { authorization: `Bearer ${own}` } : {};
    if (op.body) headers['content-type'] = 'application/json';
    const payload = op.body ? toJson(start.body) : undefined;
    out.push({
      index: firstIndex + out.length,
      op,
      method: op.method,
      url: urlOf(op, start.pathValues, start.query, null, false),
      headers,
      ...(payload !== undefined ? { payload } : {}),
      remoteAddress: randomAddress(random),
      variants: [`sweep: ${variant}`, own ? 'authorization: valid' : 'authorization: none'],
    });
  };
  const inside = (valid: string, bad: string) => `${valid.slice(0, 1)}${bad}${valid.slice(1)}`;
  const base = validStart(op, target, random);
  // Every optional parameter present, so each is swept.
  for (const param of op.query) {
    if (!base.query.some(([key]) => key === param.name)) base.query.push([param.name, percentEncode(String(exampleOf(param.schema, random, target.hints, `query.${param.name}`)))]);
  }
  SWEEP_ENCODED.forEach((bad, n) => {
    for (const [name, valid] of base.pathValues) {
      add({ ...base, pathValues: new Map([...base.pathValues, [name, inside(valid, bad)]]) }, `${JSON.stringify(SWEEP_TEXT[n])} in path ${name}`);
    }
    base.query.forEach(([name, valid], at) => {
      const query = base.query.map((pair, i): [string, string | null] => (i === at ? [name, inside(valid ?? '', bad)] : pair));
      add({ ...base, query }, `${JSON.stringify(SWEEP_TEXT[n])} in query ${name}`);
    });
  });
  if (!op.body) return out;
  const sites = sitesOf(base.body, op.body);
  for (const bad of SWEEP_TEXT) {
    for (const site of sites) {
      const value = getAt(base.body, site.path);
      if (typeof value === 'string') add({ ...base, body: setAt(base.body, site.path, inside(value, bad)) }, `${JSON.stringify(bad)} in ${describePath(site.path)}`);
    }
  }
  const limit = target.bodyLimit(op);
  for (const site of sites.filter((s) => s.path.length === 0 || (typeOf(s.schema) === undefined && !s.schema.anyOf && !s.schema.enum))) {
    for (const kind of ['array', 'object'] as const) {
      const depth = [100_000, 10_000, 1_000].find((d) => nestedSize(d, kind) < limit - 4096) ?? 64;
      add({ ...base, body: setAt(base.body, site.path, nested(depth, kind)) }, `${depth} levels of ${kind}s at ${describePath(site.path)}`);
    }
  }
  return out;
}

type BodyKind =
  | 'wrong-type' | 'missing' | 'remove' | 'null' | 'extra' | 'bad-string' | 'every-string' | 'huge-string' | 'over-limit' | 'deep' | 'out-of-range' | 'empty'
  | 'whole-body' | 'not-json' | 'content-type' | 'no-body' | 'duplicate-key' | 'wrap-array';
type QueryKind = 'missing' | 'wrong' | 'repeated' | 'array' | 'unknown' | 'unicode' | 'control' | 'malformed' | 'huge' | 'empty';

/** Builds request `index` for an operation: a plausible valid request, then one to three malformations, and a credential. */
export function malformedRequest(op: Operation, target: FuzzTarget, random: Random, index: number): FuzzRequest {
  const variants: string[] = [];
  const headers: Record<string, string | string[]> = {};
  let method = op.method;

  // ------------------------------------------------ the valid start
  const start = validStart(op, target, random);
  const { pathValues } = start;
  let { query, body } = start;
  let rawBody: string | Buffer | undefined;
  let contentType: string | null = op.body ? 'application/json' : null;
  let sendBody = op.body !== null;
  let pathShape: ((path: string) => string) | null = null;
  const limit = target.bodyLimit(op);

  // ------------------------------------------------ malformations
  const kinds: ['path' | 'query' | 'body' | 'unexpected-body' | 'path-shape' | 'method' | 'host' | 'none', number][] = [
    ['path', op.pathParams.length ? 6 : 0],
    ['query', op.query.length ? 6 : 1],
    ['body', op.body ? 10 : 0],
    ['unexpected-body', op.body ? 0 : 1.5],
    ['path-shape', 0.2],
    ['method', 0.25],
    ['host', 0.15],
    ['none', 0.8],
  ];
  const count = random.weighted([[1, 5], [2, 3], [3, 2]] as const);
  for (let n = 0; n < count; n += 1) {
    const kind = random.weighted(kinds);
    switch (kind) {
      case 'none':
        variants.push('as valid as the document makes it');
        break;
      case 'path': {
        const param = random.pick(op.pathParams);
        const valid = pathValues.get(param.name) ?? '';
        const value = notAnId(random, valid);
        pathValues.set(param.name, value);
        variants.push(`path ${param.name}=${value.slice(0, 60)}`);
        break;
      }
      case 'path-shape': {
        const shape = random.pick<[string, (path: string) => string]>([
          ['trailing slash', (path) => `${path}/`],
          ['double slash', (path) => path.replace('/', '//')],
          ['upper case', (path) => path.toUpperCase()],
          ['extra segment', (path) => `${path}/x`],
          ['dot segment', (path) => path.replace(/\/([^/]+)$/, '/./$1')],
          ['encoded slash', (path) => path.replace(/\/([^/]+)$/, '%2F$1')],
          ['semicolon', (path) => `${path};x=1`],
        ]);
        pathShape = shape[1];
        variants.push(`path shape: ${shape[0]}`);
        break;
      }
      case 'method':
        method = random.pick(METHODS.filter((m) => m !== op.method));
        variants.push(`method ${method}`);
        break;
      case 'host':
        headers.host = random.pick(HOSTS);
        variants.push(`host ${String(headers.host).slice(0, 40)}`);
        break;
      case 'query': {
        const queryKind: QueryKind = op.query.length
          ? random.pick(['missing', 'wrong', 'wrong', 'repeated', 'array', 'unknown', 'unicode', 'control', 'control', 'malformed', 'huge', 'empty'] as const)
          : random.pick(['unknown', 'unicode', 'control', 'malformed', 'repeated', 'array'] as const);
        query = malformQuery(op, query, queryKind, random);
        variants.push(`query ${queryKind}`);
        break;
      }
      case 'unexpected-body': {
        contentType = random.pick(['application/json', 'application/json', 'text/plain', null, 'application/x-www-form-urlencoded']);
        rawBody = random.pick<string | Buffer>(['{}', '[]', 'null', '{"a":1}', '', '{', `{"x":"${'y'.repeat(random.pick([10, 100_000]))}"}`, notJson(random, '{}')]);
        sendBody = true;
        variants.push(`unexpected body (${contentType ?? 'no content type'})`);
        break;
      }
      case 'body': {
        const result = malformBody(op.body!, body, random, limit);
        body = result.body;
        if (result.raw !== undefined) rawBody = result.raw;
        if (result.contentType !== undefined) contentType = result.contentType;
        if (result.sendBody !== undefined) sendBody = result.sendBody;
        variants.push(result.variant);
        break;
      }
    }
  }

  // ------------------------------------------------ credential
  const own = op.security.map((scheme) => target.credentials[scheme]).find((credential) => credential !== undefined);
  const others = Object.entries(target.credentials).filter(([scheme]) => !op.security.includes(scheme));
  const credentialKind = random.weighted<'valid' | 'none' | 'malformed' | 'other' | 'unknown'>([
    ['valid', own && !target.refusedOnly(op) ? 55 : 0],
    ['none', 10],
    ['malformed', 15],
    ['other', others.length ? 12 : 0],
    ['unknown', 8],
  ]);
  switch (credentialKind) {
    case 'valid':
      headers.authorization = `Bearer ${own!}`;
      break;
    case 'none':
      break;
    case 'malformed':
      headers.authorization = malformedAuthorization(random, own ?? random.pick(others)[1]);
      break;
    case 'other': {
      const [scheme, credential] = random.pick(others);
      headers.authorization = `Bearer ${credential}`;
      variants.push(`credential: ${scheme}`);
      break;
    }
    case 'unknown':
      headers.authorization = `Bearer ${randomToken(random, random.pick([20, 32, 43, 64, 200]))}`;
      break;
  }
  variants.push(`authorization: ${credentialKind}`);

  // ------------------------------------------------ on the wire
  const url = urlOf(op, pathValues, query, pathShape, random.chance(0.02));
  let payload: string | Buffer | undefined;
  if (sendBody) payload = rawBody ?? toJson(body);
  if (contentType !== null && (payload !== undefined || random.chance(0.5))) headers['content-type'] = contentType;
  return { index, op, method, url, headers, ...(payload !== undefined ? { payload } : {}), remoteAddress: randomAddress(random), variants };
}

function malformQuery(op: Operation, pairs: [string, string | null][], kind: QueryKind, random: Random): [string, string | null][] {
  const params = op.query;
  const param = params.length ? random.pick(params) : { name: random.pick(['q', 'limit', 'cursor', 'id', 'token']), required: false, schema: {} };
  const without = pairs.filter(([key]) => key !== param.name);
  const type = typeOf(param.schema);
  switch (kind) {
    case 'missing': {
      const required = params.filter((p) => p.required);
      const gone = required.length ? random.pick(required).name : param.name;
      return pairs.filter(([key]) => key !== gone);
    }
    case 'wrong': {
      const numeric = type === 'integer' || type === 'number';
      const value = numeric
        ? random.pick(['abc', '-1', '1e308', '1e999', '9007199254740993', '9007199254740992', 'NaN', 'Infinity', '-Infinity', '', '%20', '0x1f', '0b1', '1.5', '-0', '1e2', '%D9%A1', 'true', 'null', '0', String((param.schema.maximum ?? 0) + 1)])
        : random.pick(['1', '', '%20', 'true', 'null', 'x', percentEncode('a'.repeat((param.schema.maxLength ?? 10) + 1)), percentEncode(random.pick(['', 'a', ' a '])), '%7B%7D', '%5B%5D']);
      return [...without, [param.name, value]];
    }
    case 'repeated': {
      const value = pairs.find(([key]) => key === param.name)?.[1] ?? '1';
      return [...pairs.filter(([key]) => key !== param.name), [param.name, value], [param.name, random.pick([value, '2', '', 'x'])], ...(random.chance(0.3) ? [[param.name, value] as [string, string]] : [])];
    }
    case 'array':
      return [...without, [random.pick([`${param.name}[]`, `${param.name}%5B%5D`, `${param.name}[0]`, `${param.name}[a]`, `${param.name}.a`]), random.pick(['1', 'x', ''])]];
    case 'unknown': {
      const extra: [string, string | null][] = [[random.pick(['foo', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '', '%00', 'a'.repeat(300), 'constructor[prototype][x]', '__proto__[x]']), random.pick(['1', 'x', '', null] as const)]];
      if (random.chance(0.1)) for (let i = 0; i < 1000; i += 1) extra.push([`k${i}`, String(i)]);
      return [...pairs, ...extra];
    }
    case 'unicode':
      return [...without, [param.name, random.chance(0.5) ? percentEncode(badString(random, 'ab')) : random.pick(BAD_ENCODINGS)]];
    case 'control': {
      // A lone surrogate cannot be percent-encoded as UTF-8: its CESU-8 bytes are what a broken client sends.
      const current = pairs.find(([key]) => key === param.name)?.[1] ?? 'ab';
      const bad = random.chance(0.2) ? random.pick(['%ED%A0%80', '%ED%BF%BF', '%C0%80']) : percentEncode(random.pick(SURROGATES_AND_CONTROLS));
      return [...without, [param.name, random.pick([bad, `${current}${bad}`, `${bad}${current}`])]];
    }
    case 'malformed': {
      const junk = random.pick<[string, string | null]>([['', null], ['=', null], ['==', null], ['&&&', null], ['a=b=c', null], ['%', '%'], [param.name, '%'], [param.name, '%zz'], ['?', '?'], [';', null], [`${param.name}`, null], ['+', '+']]);
      return [...without, junk];
    }
    case 'huge':
      return [...without, [param.name, 'x'.repeat(random.pick([101, 5001, 100_000]))]];
    case 'empty':
      return [...without, [param.name, random.pick(['', null] as const)]];
  }
}

interface BodyChange {
  body: unknown;
  variant: string;
  raw?: string | Buffer;
  contentType?: string | null;
  sendBody?: boolean;
}

function malformBody(schema: JsonSchema, body: unknown, random: Random, limit: number): BodyChange {
  const sites = sitesOf(body, schema);
  const kind: BodyKind = random.weighted<BodyKind>([
    ['wrong-type', 12], ['missing', 6], ['remove', 4], ['null', 3], ['extra', 6], ['bad-string', 12], ['every-string', 5], ['huge-string', 2.5], ['over-limit', 0.7], ['deep', 3],
    ['out-of-range', 6], ['empty', 3], ['whole-body', 4], ['not-json', 5], ['content-type', 5], ['no-body', 1.5], ['duplicate-key', 2], ['wrap-array', 1.5],
  ]);
  const pickSite = (filter: (site: Site) => boolean) => {
    const found = sites.filter(filter);
    return found.length ? random.pick(found) : random.pick(sites);
  };
  const isType = (site: Site, ...types: string[]) => {
    const type = typeOf(site.schema);
    const options = site.schema.anyOf ?? site.schema.oneOf ?? [];
    return (type !== undefined && types.includes(type)) || options.some((option) => types.includes(typeOf(option) ?? '')) || (!type && !options.length && site.present);
  };
  const at = (site: Site, value: unknown, what: string): BodyChange => ({ body: setAt(body, site.path, value), variant: `body ${what} at ${describePath(site.path)}` });
  switch (kind) {
    case 'wrong-type': {
      const site = pickSite((s) => s.path.length > 0);
      return at(site, wrongType(site.schema, random), 'wrong type');
    }
    case 'missing': {
      const site = pickSite((s) => s.required && s.present && s.path.length > 0);
      return at(site, undefined, 'missing required');
    }
    case 'remove': {
      const site = pickSite((s) => s.present && s.path.length > 0);
      return at(site, undefined, 'removed');
    }
    case 'null': {
      const site = pickSite((s) => s.path.length > 0);
      return at(site, null, 'null');
    }
    case 'extra': {
      const site = pickSite((s) => isType(s, 'object'));
      const current = getAt(body, site.path);
      const base = current !== null && typeof current === 'object' && !Array.isArray(current) ? (current as Record<string, unknown>) : {};
      const key = random.pick(['unknown', 'extra', '__proto__', 'constructor', 'toString', '', ' ', 'a'.repeat(1000), '\u0000', '\ud800', 'id', '$where', 'isAdmin', 'role']);
      const extra: Record<string, unknown> = { [key]: random.pick([1, 'x', null, {}, [], true, { prototype: { polluted: true } }, { polluted: true }]) };
      if (random.chance(0.05)) for (let i = 0; i < 2000; i += 1) extra[`k${i}`] = i;
      return at(site, { ...base, ...extra }, `extra property ${JSON.stringify(key.slice(0, 20))}`);
    }
    case 'bad-string': {
      const site = pickSite((s) => isType(s, 'string'));
      const current = getAt(body, site.path);
      return at(site, badString(random, typeof current === 'string' ? current : undefined), 'bad string');
    }
    case 'every-string': {
      const bad = badString(random);
      const mode = random.pick(['replace', 'append', 'prepend'] as const);
      const replace = (text: string) => (mode === 'replace' ? bad : mode === 'append' ? `${text}${bad}` : `${bad}${text}`);
      const keys = random.chance(0.3);
      return { body: everyString(body, replace, keys), variant: `body every string${keys ? ' and key' : ''} ${mode} ${JSON.stringify(bad)}` };
    }
    case 'huge-string': {
      const site = pickSite((s) => isType(s, 'string'));
      const size = random.pick([1_000, 20_001, 65_536, Math.floor(limit / 4), limit - 4096]);
      const character = random.pick(['x', 'é', '😀', '\u0000', ' ']);
      // Within the limit, counting the bytes each character takes in escaped JSON.
      const bytes = Buffer.byteLength(JSON.stringify(character)) - 2;
      return at(site, character.repeat(Math.max(1, Math.floor(size / bytes / character.length))), `huge string (${size} bytes)`);
    }
    case 'over-limit': {
      const site = pickSite((s) => isType(s, 'string'));
      return at(site, 'x'.repeat(limit + random.pick([1, 100, 65_536])), 'string over the body limit');
    }
    case 'deep': {
      // Places the schema leaves free (any JSON) are where depth gets through validation.
      const freeForm = sites.filter((s) => typeOf(s.schema) === undefined && !s.schema.anyOf && !s.schema.enum && s.path.length > 0);
      const site = freeForm.length && random.chance(0.7) ? random.pick(freeForm) : pickSite(() => true);
      const nesting = random.pick(['array', 'object'] as const);
      const depth = random.pick([64, 1_000, 10_000, 100_000].filter((d) => nestedSize(d, nesting) < limit - 4096));
      return at(site, nested(depth, nesting), `${depth} levels of ${nesting}s`);
    }
    case 'out-of-range': {
      const site = pickSite((s) => isType(s, 'integer', 'number'));
      return at(site, outOfRange(site.schema, random), 'number out of range');
    }
    case 'empty': {
      const site = pickSite(() => true);
      return at(site, random.pick(['', [], {}]), 'empty');
    }
    case 'wrap-array': {
      const site = pickSite((s) => s.present);
      return at(site, [getAt(body, site.path)], 'wrapped in an array');
    }
    case 'whole-body': {
      const raw = random.pick(['null', '[]', '""', '"text"', '0', '-1', 'true', 'false', '{}', '[{}]', '[null]', `[${toJson(body)}]`, `{"body":${toJson(body)}}`]);
      return { body, raw, variant: `whole body ${raw.slice(0, 30)}` };
    }
    case 'not-json': {
      const raw = notJson(random, toJson(body));
      return { body, raw, variant: `not JSON: ${JSON.stringify(raw.toString().slice(0, 40))}` };
    }
    case 'content-type': {
      const contentType = random.pick(WRONG_CONTENT_TYPES);
      const raw = random.pick([toJson(body), `a=1&b=2`, toJson(body), '<a/>']);
      return { body, raw, contentType, variant: `content type ${JSON.stringify(contentType)}` };
    }
    case 'no-body':
      return { body, sendBody: false, contentType: random.pick(['application/json', null]), variant: 'no body' };
    case 'duplicate-key': {
      const text = toJson(body);
      const key = random.pick(Object.keys(schema.properties ?? { a: {} }));
      const value = toJson(wrongType(schema.properties?.[key] ?? {}, random));
      const raw = text.startsWith('{') && text.length > 2 ? random.pick([`{${JSON.stringify(key)}:${value},${text.slice(1)}`, `${text.slice(0, -1)},${JSON.stringify(key)}:${value}}`]) : text;
      return { body, raw, variant: `duplicate key ${key}` };
    }
  }
}
