/** Lone UTF-16 surrogates become U+FFFD at the schema boundary, so text can always be stored (jsonb refuses them). */
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { longText, MAX_JSON_DEPTH, shortText, TooDeepError, wellFormed, wellFormedDeep, wellFormedText } from '@core/domain/common';
import { CustomerSchema } from '@core/domain/model';
import { IngestContactRequestSchema } from '@core/hub-api';
import { customer } from '../helpers/world';

const CASES: [string, string, string][] = [
  ['a lone high surrogate', 'a\uD800b', 'a\uFFFDb'],
  ['a lone low surrogate', 'a\uDC00b', 'a\uFFFDb'],
  ['a high surrogate at the end', 'abc\uD83D', 'abc\uFFFD'],
  ['a low surrogate at the start', '\uDE00abc', '\uFFFDabc'],
  ['a pair in the wrong order', '\uDE00\uD83D', '\uFFFD\uFFFD'],
  ['two high surrogates then a low one', '\uD83D\uD83D\uDE00', '\uFFFD\uD83D\uDE00'],
  ['a valid pair (an emoji) untouched', 'hi \uD83D\uDE00!', 'hi \uD83D\uDE00!'],
  ['plain text untouched', 'Grüße, 東京', 'Grüße, 東京'],
  ['empty text', '', ''],
];

describe('wellFormed', () => {
  const native = Object.getOwnPropertyDescriptor(String.prototype, 'toWellFormed');
  afterEach(() => {
    if (native) Object.defineProperty(String.prototype, 'toWellFormed', native);
  });

  for (const [what, input, output] of CASES) {
    it(what, () => {
      expect(wellFormed(input)).toBe(output);
    });
  }

  it('gives the same answers without String.prototype.toWellFormed (older runtimes)', () => {
    delete (String.prototype as { toWellFormed?: unknown }).toWellFormed;
    expect((String.prototype as { toWellFormed?: unknown }).toWellFormed).toBeUndefined();
    for (const [, input, output] of CASES) expect(wellFormed(input)).toBe(output);
  });
});

describe('wellFormedDeep', () => {
  it('repairs every string and key in nested objects and arrays, and keeps other values', () => {
    const at = new Date(0);
    expect(wellFormedDeep({ 'k\uD800': ['x\uDC00', 1, null, true, { deep: 'y\uD800' }], n: 2, at })).toEqual({
      'k\uFFFD': ['x\uFFFD', 1, null, true, { deep: 'y\uFFFD' }],
      n: 2,
      at,
    });
  });

  it('keeps a "__proto__" key as plain data', () => {
    const parsed: unknown = JSON.parse('{"__proto__": {"polluted": "x\\ud800"}}');
    const repaired = wellFormedDeep(parsed) as Record<string, unknown>;
    expect(Object.getPrototypeOf(repaired)).toBe(Object.prototype);
    expect(Object.hasOwn(repaired, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('NUL and depth', () => {
  it('replaces NUL, which PostgreSQL text and jsonb cannot hold', () => {
    expect(wellFormed('a\u0000b')).toBe('a\uFFFDb');
    expect(wellFormedDeep({ 'k\u0000': ['x\u0000'] })).toEqual({ 'k\uFFFD': ['x\uFFFD'] });
  });

  it('refuses values nested deeper than any real arguments instead of overflowing the stack', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 10_000; i += 1) deep = [deep];
    expect(() => wellFormedDeep(deep)).toThrow(TooDeepError);
    let fine: unknown = 'leaf';
    for (let i = 0; i < MAX_JSON_DEPTH - 1; i += 1) fine = { a: fine };
    expect(() => wellFormedDeep(fine)).not.toThrow();
  });
});

describe('text schemas', () => {
  it('repair before they check, and stay string schemas', () => {
    expect(wellFormedText().parse('a\uD800')).toBe('a\uFFFD');
    expect(shortText(3).parse('  a\uD800b  ')).toBe('a\uFFFDb');
    expect(shortText(3).safeParse('ab\uD800c').success).toBe(false);
    expect(longText(5).parse('\uDC00')).toBe('\uFFFD');
    expect(wellFormedText()).toBeInstanceOf(z.ZodString);
    expect(() => z.toJSONSchema(IngestContactRequestSchema, { io: 'input' })).not.toThrow();
  });

  it('repair the rows of the domain, record keys included', () => {
    const row = CustomerSchema.parse(customer(1, { lastName: 'Le\uD800e', company: 'Acme\uDC00', attributes: { 'plan\uD800': 'Fibre\uDC00' }, tags: ['vip\uD800'] }));
    expect(row).toMatchObject({ lastName: 'Le\uFFFDe', company: 'Acme\uFFFD', attributes: { 'plan\uFFFD': 'Fibre\uFFFD' }, tags: ['vip\uFFFD'] });
  });

  it('repair an ingested contact', () => {
    const body = IngestContactRequestSchema.parse({ channel: 'chat', from: { email: 'a@example.com' }, name: { firstName: 'An\uD800', lastName: '\uDC00' }, subject: 'Hi \uD83D', body: 'x\uDC00' });
    expect(body).toMatchObject({ name: { firstName: 'An\uFFFD', lastName: '\uFFFD' }, subject: 'Hi \uFFFD', body: 'x\uFFFD' });
  });
});
