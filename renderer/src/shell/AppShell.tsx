import { useEffect } from 'react';
import Box from '@mui/material/Box';
import { sectionsFor } from '../sections';
import { bridge } from '../bridge';
import { useAppState } from '../state/app';
import { navigate } from '../state/router';
import { focusScreenHeading, isTypingTarget } from './keyboard';
import { ScreenRouter } from '../screens/ScreenRouter';
import { SignInScreen } from '../screens/SignInScreen';
import { ChoosePasswordScreen } from '../screens/sign-in/ChoosePasswordScreen';
import { useSession } from '../state/session';
import { DemoBanner } from './DemoBanner';
import { MissedReminders } from './MissedReminders';
import { Notices } from './Notices';
import { useFollowUpReminders } from './useFollowUpReminders';
import { useOfferNotifications } from './useOfferNotifications';
import { RevealedKeyDialog } from './RevealedKeyDialog';
import { ShortcutsDialog } from './ShortcutsDialog';
import { SideNav } from './SideNav';
import { TopBar } from './TopBar';

/** Global keys: Alt+digit opens a section from anywhere; ? shows the shortcuts outside text fields. */
function SignedInEffects() {
  useOfferNotifications();
  useFollowUpReminders();
  return null;
}

function useGlobalShortcuts() {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey && !event.ctrlKey && !event.metaKey && /^Digit[1-9]$/.test(event.code)) {
        const section = sectionsFor(useSession.getState().session?.user.role).find((s) => `Digit${s.key}` === event.code);
        if (section) {
          event.preventDefault();
          navigate(section.path);
          focusScreenHeading();
        }
        return;
      }
      if (event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTypingTarget(event.target)) {
        event.preventDefault();
        useAppState.getState().setShortcutsOpen(true);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  // Deep links and notification clicks from the host.
  useEffect(
    () =>
      bridge.onNavigate((path) => {
        navigate(path);
        focusScreenHeading();
      }),
    [],
  );
}

export function AppShell() {
  useGlobalShortcuts();
  const status = useSession((state) => state.status);
  if (status === 'loading') return <Box sx={{ height: '100vh', bgcolor: 'background.default' }} aria-busy="true" />;
  if (status === 'signed-out') return <SignInScreen />;
  if (status === 'password-change') return <ChoosePasswordScreen />;
  return (
    <Box sx={{ height: '100vh', display: 'flex', flexDirection: 'column', bgcolor: 'background.default' }}>
      <Box
        component="a"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          focusScreenHeading();
        }}
        sx={{
          position: 'absolute',
          left: 8,
          top: -48,
          zIndex: 2000,
          px: 2,
          py: 1,
          bgcolor: 'primary.main',
          color: 'primary.contrastText',
          borderRadius: 1,
          '&:focus': { top: 8 },
        }}
      >
        Skip to main content
      </Box>
      <DemoBanner />
      <TopBar />
      <Box sx={{ flex: 1, display: 'flex', minHeight: 0 }}>
        <SideNav />
        <Box component="main" id="main" sx={{ flex: 1, minWidth: 0, overflow: 'auto', p: 3 }}>
          <ScreenRouter />
        </Box>
      </Box>
      <ShortcutsDialog />
      <Notices />
      <MissedReminders />
      <RevealedKeyDialog />
      <SignedInEffects />
    </Box>
  );
}
