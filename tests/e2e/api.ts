/** Talking to the hub from end-to-end tests the way an integration or a desktop would. */
import type { APIRequestContext } from '@playwright/test';
import { expect } from './fixtures';
import { PROTOCOL_VERSION, type Change } from '@core/sync/protocol';

export const DEMO_INTEGRATION_KEY = 'demo-integration-key';

export async function login(request: APIRequestContext, username: string, password = 'demo'): Promise<string> {
  const response = await request.post('/api/v1/auth/login', { data: { username, password } });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { token: string }).token;
}

/** Everything in a person's scope, as their desktop would pull it. */
export async function pullAll(request: APIRequestContext, token: string): Promise<Change[]> {
  const clientId = crypto.randomUUID();
  const changes: Change[] = [];
  let cursor = 0;
  let floor: number | undefined;
  for (;;) {
    const query = new URLSearchParams({ clientId, cursor: String(cursor), limit: '5000' });
    if (floor !== undefined && cursor > 0) query.set('floor', String(floor));
    const response = await request.get(`/sync/pull?${query.toString()}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.ok()).toBe(true);
    const page = (await response.json()) as { cursor: number; hasMore: boolean; floor: number; changes: Change[] };
    floor ??= page.floor;
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.hasMore) return changes;
  }
}

export interface PostedContact {
  contactId: string;
  customerId: string;
  queueId: string;
  offeredTo: string | null;
}

/** Posts a contact as a chat/email/telephony gateway would. */
export async function postContact(request: APIRequestContext, body: Record<string, unknown>, key = DEMO_INTEGRATION_KEY): Promise<PostedContact> {
  const response = await request.post('/api/v1/contacts', { data: body, headers: { authorization: `Bearer ${key}` } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as PostedContact;
}

/** Pushes mutations as a desktop of this person would (a fresh client each time). */
export async function pushAs(request: APIRequestContext, token: string, mutations: { name: string; args: unknown }[]): Promise<{ status: string; message?: string }[]> {
  const clientId = crypto.randomUUID();
  const results: { status: string; message?: string }[] = [];
  for (let start = 0; start < mutations.length; start += 100) {
    const batch = mutations.slice(start, start + 100).map((mutation, index) => ({ id: start + index + 1, ...mutation, at: Date.now() }));
    const response = await request.post('/sync/push', {
      data: { clientId, schemaVersion: PROTOCOL_VERSION, mutations: batch },
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.ok(), await response.text()).toBe(true);
    results.push(...((await response.json()) as { results: { status: string; message?: string }[] }).results);
  }
  return results;
}
