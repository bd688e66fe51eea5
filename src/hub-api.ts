/** Shapes of the hub's HTTP API that are not part of the sync protocol. */
import { z } from 'zod';
import { CustomerSchema, UserSchema } from './domain/model';

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
  /** The demo data set this hub was started with, if any (its accounts use the password "demo"). */
  demo: z.enum(['small', 'medium', 'large']).nullable().default(null),
});
export type Health = z.infer<typeof HealthSchema>;

/** Every 4xx/5xx answer of the hub has this body. */
export const ApiErrorSchema = z.object({
  error: z.string(),
  message: z.string(),
  statusCode: z.number().int(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;

// ---------------------------------------------------------------- sign-in

export const LoginRequestSchema = z
  .object({
    username: z.string().trim().toLowerCase().min(1, 'Enter your user name').max(40),
    password: z.string().min(1, 'Enter your password').max(200),
  })
  .strict();
export type LoginRequest = z.input<typeof LoginRequestSchema>;

export const LoginResponseSchema = z.object({
  token: z.string().min(32),
  expiresAt: z.number().int(),
  user: UserSchema,
  hubId: z.string(),
});
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

export const MeResponseSchema = z.object({ user: UserSchema, hubId: z.string(), expiresAt: z.number().int() });
export type MeResponse = z.infer<typeof MeResponseSchema>;

// ---------------------------------------------------------------- customers on demand

export const CustomerSearchQuerySchema = z
  .object({
    q: z.string().trim().min(2, 'Search for at least 2 characters').max(100),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict();

export const CustomerSearchResponseSchema = z.object({
  customers: z.array(z.object({ customer: CustomerSchema, inScope: z.boolean() })),
});
export type CustomerSearchResponse = z.infer<typeof CustomerSearchResponseSchema>;
