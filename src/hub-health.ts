/**
 * The hub's /health answer, which a workstation reads before anything else (whether its hub is up,
 * whether it needs setting up). Written with zod's mini API so the sign-in screen checks it without
 * loading zod's whole API (≈25 KiB gzip), which waits for the signed-in workstation. The same schema
 * serves the hub's route and its OpenAPI document (re-exported by hub-api.ts).
 */
import * as z from 'zod/mini';

export const StorageKindSchema = z.enum(['pglite', 'postgres']);
export type StorageKind = z.infer<typeof StorageKindSchema>;

export const HealthSchema = z.object({
  status: z.literal('ok'),
  service: z.literal('agentdesk-hub'),
  version: z.string(),
  /** Which database the hub stores its data in. */
  storage: StorageKindSchema,
  /** Highest applied migration. */
  schemaVersion: z.number().check(z.int(), z.nonnegative()),
  /** Stable id of this hub's database; changes only when the database is recreated. */
  hubId: z.string().check(z.minLength(1)),
  uptimeSeconds: z.number().check(z.nonnegative()),
  /** The demo data set this hub was started with, if any (its accounts use the password "demo"). */
  demo: z._default(z.nullable(z.enum(['small', 'medium', 'large'])), null),
  /** No one can sign in yet: the first administrator is created on the hub's own machine. */
  setupNeeded: z._default(z.boolean(), false),
});
export type Health = z.infer<typeof HealthSchema>;
