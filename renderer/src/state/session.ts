/** Who is signed in: remembered across restarts, so an agent reopens the app straight into work, offline too. */
import { create } from 'zustand';
import type { StoredSession } from '@core/bridge';
import { LoginResponseSchema } from '@core/hub-api';
import { bridge } from '../bridge';
import { closeLocal, deleteLocal, openLocal } from '../data/local';

export type SessionStatus = 'loading' | 'signed-out' | 'signed-in';

interface SessionState {
  status: SessionStatus;
  session: StoredSession | null;
  /** Why the person is at the sign-in screen, when it was not their choice. */
  notice: string | null;
}

export const useSession = create<SessionState>(() => ({ status: 'loading', session: null, notice: null }));

function begin(session: StoredSession): void {
  openLocal(session, {
    onUnauthorized: () => {
      void endSession('Your session has ended: sign in again. Changes not yet synced are kept on this device.');
    },
  });
  useSession.setState({ status: 'signed-in', session, notice: null });
}

async function endSession(notice: string | null): Promise<void> {
  await closeLocal();
  await bridge.saveSession(null);
  useSession.setState({ status: 'signed-out', session: null, notice });
}

/** At start: resumes the remembered session for this hub if it has not expired. */
export async function restoreSession(hubUrl: string): Promise<void> {
  const session = await bridge.loadSession().catch(() => null);
  if (session && session.hubUrl === hubUrl && session.expiresAt > Date.now()) begin(session);
  else useSession.setState({ status: 'signed-out', session: null, notice: session ? 'Your session has expired: sign in again.' : null });
}

/** Signs in against the hub; throws an Error whose message is meant for the person. */
export async function signIn(hubUrl: string, username: string, password: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`${hubUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
      signal: AbortSignal.timeout(15_000),
    });
  } catch {
    throw new Error('The hub cannot be reached. Check the network connection and try again; signing in needs the hub once.');
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error((body as { message?: string } | null)?.message ?? `Sign-in failed (the hub answered ${response.status}).`);
  }
  const login = LoginResponseSchema.parse(body);
  const session: StoredSession = { token: login.token, expiresAt: login.expiresAt, user: login.user, hubId: login.hubId, hubUrl };
  await bridge.saveSession(session);
  begin(session);
}

/** Signs out; with `wipe`, also removes this person's local data from the device. */
export async function signOut(options: { wipe: boolean }): Promise<void> {
  const session = useSession.getState().session;
  if (!session) return;
  await fetch(`${session.hubUrl}/api/v1/auth/logout`, {
    method: 'POST',
    headers: { authorization: `Bearer ${session.token}` },
    signal: AbortSignal.timeout(3000),
  }).catch(() => undefined);
  await endSession(null);
  if (options.wipe) await deleteLocal(session.hubId, session.user.id);
}
