import { Suspense, useEffect } from 'react';
import Box from '@mui/material/Box';
import { bridge } from '../bridge';
import { lazyWithPreload } from '../lib/lazyWithPreload';
import { navigate } from '../state/router';
import { focusScreenHeading } from './keyboard';
import { SignInScreen } from '../screens/SignInScreen';
import { ChoosePasswordScreen } from '../screens/sign-in/ChoosePasswordScreen';
import { useSession } from '../state/session';

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

/** While the agent types their name and password, the workstation behind sign-in is fetched. */
function useWarmShell(signedOut: boolean) {
  useEffect(() => {
    if (!signedOut) return;
    const start = () => void SignedInShell.preload().catch(() => undefined);
    if (typeof requestIdleCallback !== 'function') {
      const timer = window.setTimeout(start, 200);
      return () => clearTimeout(timer);
    }
    const handle = requestIdleCallback(start, { timeout: 1000 });
    return () => cancelIdleCallback(handle);
  }, [signedOut]);
}

const blank = <Box sx={{ height: '100vh', bgcolor: 'background.default' }} aria-busy="true" />;

export function AppShell() {
  useHostNavigation();
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
