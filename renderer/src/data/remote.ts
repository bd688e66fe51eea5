/** Direct calls to the hub for what is not synced: searching all customers, fetching one on demand. */
import { CustomerSearchResponseSchema, type CustomerSearchResponse } from '@core/hub-api';
import { defineMessages } from '@formatjs/intl';
import { languageHeader, say } from '../state/say';
import { useSession } from '../state/session';
import { syncNow } from './local';

/** The hub refused a request: its status and the message for the person. */
export class HubError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'HubError';
  }
}

const TEXT = defineMessages({
  signInFirst: { id: 'signIn.error.signInFirst', defaultMessage: 'Sign in first.' },
  unreachable: { id: 'notices.hub.unreachable', defaultMessage: 'The hub cannot be reached right now.' },
  answered: { id: 'notices.hub.answered', defaultMessage: 'The hub answered {status}.' },
});

export async function hubFetch(path: string, init: RequestInit = {}): Promise<unknown> {
  const session = useSession.getState().session;
  if (!session) throw new Error(say(TEXT.signInFirst));
  let response: Response;
  try {
    response = await fetch(`${session.hubUrl}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${session.token}`, ...languageHeader(), ...(init.body ? { 'content-type': 'application/json' } : {}) },
      signal: AbortSignal.timeout(15_000),
    });
  } catch {
    throw new Error(say(TEXT.unreachable));
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw new HubError((body as { message?: string } | null)?.message ?? say(TEXT.answered, { status: response.status }), response.status);
  return body;
}

/** Searches every customer on the hub by name, email or phone. */
export async function searchHubCustomers(q: string): Promise<CustomerSearchResponse['customers']> {
  const body = await hubFetch(`/api/v1/customers?${new URLSearchParams({ q, limit: '20' }).toString()}`);
  return CustomerSearchResponseSchema.parse(body).customers;
}

/** Brings a customer's whole history to this device (and keeps it in sync from then on). */
export async function fetchCustomerHistory(customerId: string): Promise<void> {
  await hubFetch('/sync/scope', { method: 'POST', body: JSON.stringify({ customerIds: [customerId] }) });
  syncNow();
}
