/**
 * docs/permissions.md holds the table generated from src/sync/permissions.ts,
 * so the doc cannot drift from the matrix the integration test checks.
 * UPDATE_PERMISSIONS_DOC=1 npx vitest run tests/unit/permissions-doc.test.ts rewrites it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MUTATION_NAMES } from '@core/sync/mutations';
import { PERMISSIONS, permissionsMarkdown } from '@core/sync/permissions';

const DOC = path.join(import.meta.dirname, '../../docs/permissions.md');
const BEGIN = '<!-- permissions:begin (generated from src/sync/permissions.ts) -->';
const END = '<!-- permissions:end -->';

describe('docs/permissions.md', () => {
  it('has a rule for every mutation', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...MUTATION_NAMES].sort());
  });

  it('shows the table generated from the matrix', () => {
    const doc = readFileSync(DOC, 'utf8');
    const start = doc.indexOf(BEGIN);
    const end = doc.indexOf(END);
    expect(start, `${DOC} lacks the ${BEGIN} marker`).toBeGreaterThanOrEqual(0);
    expect(end, `${DOC} lacks the ${END} marker`).toBeGreaterThan(start);
    const generated = `\n${permissionsMarkdown()}`;
    if (process.env.UPDATE_PERMISSIONS_DOC === '1') {
      writeFileSync(DOC, doc.slice(0, start + BEGIN.length) + generated + doc.slice(end));
      return;
    }
    expect(doc.slice(start + BEGIN.length, end), 'docs/permissions.md is out of date: run with UPDATE_PERMISSIONS_DOC=1').toBe(generated);
  });
});
