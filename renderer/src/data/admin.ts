/** Administration that happens on the hub itself (online only): integration keys, one-time passwords. */
import {
  CreatedIntegrationKeySchema,
  CreateIntegrationKeyRequestSchema,
  IntegrationKeysResponseSchema,
  OneTimePasswordResponseSchema,
  type CreatedIntegrationKey,
  type IntegrationKeyInfo,
  type OneTimePasswordResponse,
} from '@core/account-api';
import { defineMessage } from '@formatjs/intl';
import { say } from '../state/say';
import { syncNow } from './local';
import { HubError, hubFetch } from './remote';

export async function listIntegrationKeys(): Promise<IntegrationKeyInfo[]> {
  return IntegrationKeysResponseSchema.parse(await hubFetch('/api/v1/admin/integration-keys')).keys;
}

/** Makes a key (under an existing name: rotates it). The answer holds the key, shown once. */
export async function createIntegrationKey(name: string): Promise<CreatedIntegrationKey> {
  const body = CreateIntegrationKeyRequestSchema.parse({ name });
  return CreatedIntegrationKeySchema.parse(await hubFetch('/api/v1/admin/integration-keys', { method: 'POST', body: JSON.stringify(body) }));
}

export async function revokeIntegrationKey(name: string): Promise<void> {
  await hubFetch(`/api/v1/admin/integration-keys/${encodeURIComponent(name)}`, { method: 'DELETE' });
}

/**
 * Gives a person a new one-time password on the hub (online only; shown once).
 * A person just added exists on the hub only once their change has synced:
 * until then the hub answers 404, so this syncs and asks again a few times.
 */
export async function setOneTimePassword(userId: string, onWaiting?: (message: string) => void): Promise<OneTimePasswordResponse> {
  const path = `/api/v1/admin/people/${encodeURIComponent(userId)}/password`;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return OneTimePasswordResponseSchema.parse(await hubFetch(path, { method: 'POST' }));
    } catch (error) {
      const notYet = error instanceof HubError && error.status === 404;
      if (!notYet || attempt >= 8) throw error;
      onWaiting?.(say(defineMessage({ id: 'notices.admin.waitingForPerson', defaultMessage: 'Waiting for this person to reach the hub…' })));
      syncNow();
      await new Promise((resolve) => setTimeout(resolve, 500 + attempt * 500));
    }
  }
}
