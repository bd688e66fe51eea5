/** Shapes of the hub's HTTP API that are not part of the sync protocol. */
import { z } from 'zod';

export const StorageKindSchema = z.enum(['pglite', 'postgres']);
export type StorageKind = z.infer<typeof StorageKindSchema>;

export const HealthSchema = z.object({
  status: z.literal('ok'),
  service: z.literal('agentdesk-hub'),
  version: z.string(),
  /** Which database the hub stores its data in. */
  storage: StorageKindSchema,
  /** Highest applied migration. */
  schemaVersion: z.number().int().nonnegative(),
  /** Stable id of this hub's database; changes only when the database is recreated. */
  hubId: z.string().min(1),
  uptimeSeconds: z.number().nonnegative(),
});
export type Health = z.infer<typeof HealthSchema>;

/** Every 4xx/5xx answer of the hub has this body. */
export const ApiErrorSchema = z.object({
  error: z.string(),
  message: z.string(),
  statusCode: z.number().int(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;
