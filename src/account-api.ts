/** Shapes of a person's own account on the hub: their sessions (devices signed in) and their password. */
import { z } from 'zod';

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
