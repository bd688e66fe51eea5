/** The signed-in person's own account on the hub: devices signed in, and the password. Online only, never queued. */
import { PasswordChangeRequestSchema, SessionsResponseSchema, SignedOutResponseSchema, type PasswordChangeRequest, type SessionInfo } from '@core/account-api';
import { signOut } from '../state/session';
import { hubFetch } from './remote';

export async function listSessions(): Promise<SessionInfo[]> {
  return SessionsResponseSchema.parse(await hubFetch('/api/v1/auth/sessions')).sessions;
}

export async function signOutSession(id: string): Promise<void> {
  await hubFetch(`/api/v1/auth/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** Ends every session of this person, this device's too, which then shows the sign-in screen (its data stays). */
export async function signOutEverywhere(): Promise<number> {
  const { signedOut } = SignedOutResponseSchema.parse(await hubFetch('/api/v1/auth/sessions', { method: 'DELETE' }));
  await signOut({ wipe: false });
  return signedOut;
}

/** Changes the password; answers how many other devices were signed out. */
export async function changePassword(request: PasswordChangeRequest): Promise<number> {
  const body = PasswordChangeRequestSchema.parse(request);
  return SignedOutResponseSchema.parse(await hubFetch('/api/v1/auth/password', { method: 'POST', body: JSON.stringify(body) })).signedOut;
}
