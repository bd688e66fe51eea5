/** Administration that happens on the hub itself (online only): integration keys. */
import {
  CreatedIntegrationKeySchema,
  CreateIntegrationKeyRequestSchema,
  IntegrationKeysResponseSchema,
  type CreatedIntegrationKey,
  type IntegrationKeyInfo,
} from '@core/account-api';
import { hubFetch } from './remote';

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
