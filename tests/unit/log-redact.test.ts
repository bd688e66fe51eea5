/** Nothing secret or personal reaches the desktop's log files. */
import { describe, expect, it } from 'vitest';
import { redact, redactLogArgs } from '@core/log-redact';

const TOKEN = 'k3Jd9sLq0PzX7vBn2MwR5tYc8HgF1aEe4UiO6';

describe('redact', () => {
  it('removes bearer tokens and authorization headers', () => {
    expect(redact(`GET /sync/pull failed (Authorization: Bearer ${TOKEN})`)).toBe('GET /sync/pull failed (Authorization: [redacted])');
    expect(redact(`bearer abc.def-ghi`)).toBe('bearer [redacted]');
  });
  it('removes tokens, passwords and keys in JSON, key=value and query strings', () => {
    const out = redact(`{"token":"short-one","password":"hunter2"} key=demo-integration-key https://hub.example.com/x?token=abc&page=2`);
    expect(out).not.toMatch(/short-one|hunter2|demo-integration-key|token=abc/);
    expect(out).toContain('page=2');
  });
  it('removes long random strings wherever they stand', () => {
    expect(redact(`session ${TOKEN} expired`)).toBe('session [redacted] expired');
  });
  it('removes credentials from URLs, e-mail addresses and phone numbers', () => {
    const out = redact('postgres://agentdesk:s3cret@db.internal/hub; customer jane.doe@example.com called from +44 20 7946 0958 and (555) 123-4567');
    expect(out).toBe('postgres://[redacted]@db.internal/hub; customer [email] called from [phone] and [phone]');
  });
  it('keeps what helps: versions, times, ports, ids of mutations', () => {
    const line = 'AgentDesk 1.4.0 on http://127.0.0.1:4870 at 2026-03-29T01:30:00.000Z: mutation 1234 refused (conflict)';
    expect(redact(line)).toBe(line);
    const more = 'Chrome 142.0.7444.59, hub 192.168.100.200, due 2026-12-31 23:59, cursor 48213';
    expect(redact(more)).toBe(more);
  });
});

it('redacts every kind of log argument', () => {
  const error = new Error(`push failed for ava@example.com with Bearer ${TOKEN}`);
  const out = redactLogArgs(['call', error, { token: TOKEN, phone: '+1 415 555 0100' }, 42]).join(' ');
  expect(out).not.toContain(TOKEN);
  expect(out).not.toContain('ava@example.com');
  expect(out).not.toContain('415 555 0100');
  expect(out).toContain('push failed for [email]');
  expect(out).toContain('42');
});
