import { Suspense, useEffect } from 'react';
import Box from '@mui/material/Box';
import { bridge } from '../bridge';
import { lazyWithPreload } from '../lib/lazyWithPreload';
import { navigate } from '../state/router';
import { focusScreenHeading } from './keyboard';
import { SignInScreen } from '../screens/SignInScreen';
import { ChoosePasswordScreen } from '../screens/sign-in/ChoosePasswordScreen';
import { useSession } from '../state/session';
import { useHubRestartNotice } from './useHubRestartNotice';

/**
 * The entry chunk holds only what the first screen needs (sign-in, choosing a
 * password); everything behind sign-in is fetched on its own.
 */
const SignedInShell = lazyWithPreload(() => import('./SignedInShell'), (module) => module.SignedInShell);

/** Deep links and notification clicks from the host. */
function useHostNavigation() {
  useEffect(
    () =>
      bridge.onNavigate((path) => {
        navigate(path);
        focusScreenHeading();
      }),
    [],
  );
}

/**
 * The workstation behind sign-in is fetched while the agent types their name
 * and password (or a few seconds after the screen shows), not before the
 * sign-in screen itself has everything it needs.
 */
function useWarmShell(signedOut: boolean) {
  useEffect(() => {
    if (!signedOut) return;
    const start = () => {
      stop();
      void SignedInShell.preload().catch(() => undefined);
    };
    const timer = setTimeout(start, 3000);
    const stop = () => {
      clearTimeout(timer);
      document.removeEventListener('input', start, true);
    };
    document.addEventListener('input', start, true);
    return stop;
  }, [signedOut]);
}

const blank = <Box sx={{ height: '100vh', bgcolor: 'background.default' }} aria-busy="true" />;

export function AppShell() {
  useHostNavigation();
  useHubRestartNotice();
  const status = useSession((state) => state.status);
  useWarmShell(status === 'signed-out' || status === 'password-change');
  if (status === 'loading') return blank;
  if (status === 'signed-out') return <SignInScreen />;
  if (status === 'password-change') return <ChoosePasswordScreen />;
  return (
    <Suspense fallback={blank}>
      <SignedInShell />
    </Suspense>
  );
}
