/** Shapes of a person's own account on the hub: their sessions (devices signed in) and their password. */
import { z } from 'zod';
import { wellFormedText } from './domain/common';

export const SessionInfoSchema = z.object({
  id: z.string(),
  createdAt: z.number().int(),
  lastUsedAt: z.number().int(),
  expiresAt: z.number().int(),
  /** The browser or desktop that signed in, as it described itself. */
  userAgent: z.string().nullable(),
  /** The session making this request. */
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

export const SessionsResponseSchema = z.object({ sessions: z.array(SessionInfoSchema) });
export type SessionsResponse = z.infer<typeof SessionsResponseSchema>;

export const SessionIdParamsSchema = z.object({ id: z.uuid('must be a session id') }).strict();

export const SignedOutResponseSchema = z.object({ signedOut: z.number().int().nonnegative() });
export type SignedOutResponse = z.infer<typeof SignedOutResponseSchema>;

export const PasswordChangeRequestSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password').max(200),
    newPassword: z.string().min(1, 'Enter a new password').max(200, 'Use at most 200 characters.'),
  })
  .strict();
export type PasswordChangeRequest = z.infer<typeof PasswordChangeRequestSchema>;

// ---------------------------------------------------------------- first start

/** The first administrator of a hub started without demo data. */
export const SetupRequestSchema = z
  .object({
    username: z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{2,40}$/, 'must be 2–40 lowercase letters, digits, . _ or -'),
    name: wellFormedText().trim().min(1, 'Enter your name').max(100),
    password: z.string().min(1, 'Choose a password').max(200),
    timeZone: wellFormedText().min(1).max(64).default('UTC'),
  })
  .strict();
export type SetupRequest = z.input<typeof SetupRequestSchema>;

// ---------------------------------------------------------------- integration keys (administrators)

export const IntegrationKeyInfoSchema = z.object({
  name: z.string(),
  /** Where it came from: the hub's environment, the demo data, or an administrator. */
  source: z.enum(['env', 'demo', 'admin']),
  createdAt: z.number().int(),
  lastUsedAt: z.number().int().nullable(),
});
export type IntegrationKeyInfo = z.infer<typeof IntegrationKeyInfoSchema>;

export const IntegrationKeysResponseSchema = z.object({ keys: z.array(IntegrationKeyInfoSchema) });

export const IntegrationKeyNameSchema = wellFormedText().trim().min(1, 'Name the key (e.g. the gateway it is for)').max(100);

export const CreateIntegrationKeyRequestSchema = z.object({ name: IntegrationKeyNameSchema }).strict();

/** The key itself: shown once, then only its name and use are known. */
export const CreatedIntegrationKeySchema = z.object({ name: z.string(), key: z.string() });
export type CreatedIntegrationKey = z.infer<typeof CreatedIntegrationKeySchema>;

export const IntegrationKeyParamsSchema = z.object({ name: IntegrationKeyNameSchema }).strict();

export const RevokedResponseSchema = z.object({ revoked: z.number().int().nonnegative() });

// ---------------------------------------------------------------- people (administrators)

export const PersonParamsSchema = z.object({ userId: z.string().min(1).max(64) }).strict();

/** A one-time password an administrator set: shown this once; its person chooses their own at the next sign-in. */
export const OneTimePasswordResponseSchema = z.object({
  userId: z.string(),
  username: z.string(),
  password: z.string(),
  /** Sessions of that person that were signed out. */
  signedOut: z.number().int().nonnegative(),
});
export type OneTimePasswordResponse = z.infer<typeof OneTimePasswordResponseSchema>;
