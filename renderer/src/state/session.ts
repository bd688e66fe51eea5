/** Who is signed in: remembered across restarts, so an agent reopens the app straight into work, offline too. */
import { create } from 'zustand';
import type { StoredSession } from '@core/bridge';
import type { SetupRequest } from '@core/account-api';
import { defineMessages, type MessageDescriptor } from '@formatjs/intl';
import { bridge } from '../bridge';
import { languageHeader, say } from './say';

const TEXT = defineMessages({
  ended: { id: 'signIn.notice.ended', defaultMessage: 'Your session has ended: sign in again. Changes not yet synced are kept on this device.' },
  expired: { id: 'signIn.notice.expired', defaultMessage: 'Your session has expired: sign in again.' },
  unreachableSignIn: {
    id: 'signIn.error.unreachable',
    defaultMessage: 'The hub cannot be reached. Check the network connection and try again; signing in needs the hub once.',
  },
  unreachable: { id: 'signIn.error.unreachableRetry', defaultMessage: 'The hub cannot be reached. Check the network connection and try again.' },
  signInFailed: { id: 'signIn.error.failed', defaultMessage: 'Sign-in failed (the hub answered {status}).' },
  setupFailed: { id: 'signIn.error.setupFailed', defaultMessage: 'Setting up the hub failed (the hub answered {status}).' },
  signInFirst: { id: 'signIn.error.signInFirst', defaultMessage: 'Sign in first.' },
  passwordFailed: { id: 'signIn.error.passwordFailed', defaultMessage: 'Changing the password failed (the hub answered {status}).' },
});

/** 'password-change': signed in with a one-time password; a new one is chosen before anything else. */
export type SessionStatus = 'loading' | 'signed-out' | 'password-change' | 'signed-in';

interface SessionState {
  status: SessionStatus;
  session: StoredSession | null;
  /** Why the person is at the sign-in screen, when it was not their choice. */
  notice: string | null;
  /** A new hub's integration key, shown to its first administrator once (the hub keeps only its hash). */
  revealedKey: { name: string; key: string } | null;
  /** The session signed in with a one-time password, held (not saved, not syncing) until a new password is chosen. */
  awaitingPassword: StoredSession | null;
}

export const useSession = create<SessionState>(() => ({ status: 'loading', session: null, notice: null, revealedKey: null, awaitingPassword: null }));

/** Why the hub stopped taking a session, when it says something particular (an administrator disabled the account). */
async function endedBecause(session: StoredSession): Promise<string | null> {
  try {
    const response = await fetch(`${session.hubUrl}/api/v1/auth/me`, {
      headers: { authorization: `Bearer ${session.token}`, ...languageHeader() },
      signal: AbortSignal.timeout(3000),
    });
    const body = (await response.json().catch(() => null)) as { error?: string; message?: string } | null;
    return response.status === 401 && body?.error === 'account_disabled' && body.message ? body.message : null;
  } catch {
    return null;
  }
}

/**
 * The local database and sync (Dexie, the sync engine) load with the first
 * session, not with the sign-in screen: it shows sooner, and the chunk is
 * already fetched by then (the signed-in shell imports it too).
 */
const local = () => import('../data/local');

async function begin(session: StoredSession): Promise<void> {
  const { openLocal } = await local();
  openLocal(session, {
    onUnauthorized: () => {
      void endedBecause(session).then((reason) => endSession(reason ?? say(TEXT.ended)));
    },
  });
  useSession.setState({ status: 'signed-in', session, notice: null });
}

async function endSession(notice: string | null): Promise<void> {
  const { closeLocal } = await local();
  await closeLocal();
  await bridge.saveSession(null);
  useSession.setState({ status: 'signed-out', session: null, notice });
}

/** At start: resumes the remembered session for this hub if it has not expired. */
export async function restoreSession(hubUrl: string): Promise<void> {
  const session = await bridge.loadSession().catch(() => null);
  if (session && session.hubUrl === hubUrl && session.expiresAt > Date.now()) await begin(session);
  else useSession.setState({ status: 'signed-out', session: null, notice: session ? say(TEXT.expired) : null });
}

/** Posts to a route that answers a session (sign-in, first start); throws an Error whose message is meant for the person. */
async function startSession(hubUrl: string, path: string, payload: object, failure: MessageDescriptor): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`${hubUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...languageHeader() },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(15_000),
    });
  } catch {
    throw new Error(say(TEXT.unreachableSignIn));
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error((body as { message?: string } | null)?.message ?? say(failure, { status: response.status }));
  }
  // Loaded now, not with the sign-in screen: the schema needs zod's whole API, which the screen does without and which
  // typing a name has usually fetched already (AppShell warms the signed-in workstation, which uses zod throughout).
  const { LoginResponseSchema } = await import('@core/hub-api');
  const login = LoginResponseSchema.parse(body);
  const session: StoredSession = { token: login.token, expiresAt: login.expiresAt, user: login.user, hubId: login.hubId, hubUrl };
  if (login.mustChangePassword) {
    // The hub refuses everything else until then: nothing syncs and nothing is remembered yet.
    useSession.setState({ status: 'password-change', awaitingPassword: session, notice: null });
    return;
  }
  await bridge.saveSession(session);
  await begin(session);
  if (login.integrationKey) useSession.setState({ revealedKey: login.integrationKey });
}

/** Signs in against the hub; throws an Error whose message is meant for the person. */
export function signIn(hubUrl: string, username: string, password: string): Promise<void> {
  return startSession(hubUrl, '/api/v1/auth/login', { username, password }, TEXT.signInFailed);
}

/** On a new hub, from its own machine: creates the first administrator and signs them in. */
export async function setUpHub(hubUrl: string, request: SetupRequest): Promise<void> {
  // Loaded now, not with the sign-in screen (see startSession).
  const { SetupRequestSchema } = await import('@core/account-api');
  return startSession(hubUrl, '/api/v1/setup', SetupRequestSchema.parse(request), TEXT.setupFailed);
}

/** After a one-time password: sets the person's own, then continues into the workstation. Throws an Error meant for the person. */
export async function chooseFirstPassword(currentPassword: string, newPassword: string): Promise<void> {
  const session = useSession.getState().awaitingPassword;
  if (!session) throw new Error(say(TEXT.signInFirst));
  let response: Response;
  try {
    response = await fetch(`${session.hubUrl}/api/v1/auth/password`, {
      method: 'POST',
      headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json', ...languageHeader() },
      body: JSON.stringify({ currentPassword, newPassword }),
      signal: AbortSignal.timeout(15_000),
    });
  } catch {
    throw new Error(say(TEXT.unreachable));
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { message?: string } | null;
    throw new Error(body?.message ?? say(TEXT.passwordFailed, { status: response.status }));
  }
  await bridge.saveSession(session);
  useSession.setState({ awaitingPassword: null });
  await begin(session);
}

/** Leaves the choose-a-password screen without changing it (the one-time password stays valid). */
export async function abandonPasswordChange(): Promise<void> {
  const session = useSession.getState().awaitingPassword;
  if (session) {
    await fetch(`${session.hubUrl}/api/v1/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${session.token}` }, signal: AbortSignal.timeout(3000) }).catch(() => undefined);
  }
  useSession.setState({ status: 'signed-out', awaitingPassword: null, notice: null });
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
  if (options.wipe) await (await local()).deleteLocal(session.hubId, session.user.id);
}
