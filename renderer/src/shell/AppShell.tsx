import { useEffect } from 'react';
import Box from '@mui/material/Box';
import { bridge } from '../bridge';
import { navigate } from '../state/router';
import { focusScreenHeading } from './keyboard';
import { ScreenRouter } from '../screens/ScreenRouter';
import { SignInScreen } from '../screens/SignInScreen';
import { ChoosePasswordScreen } from '../screens/sign-in/ChoosePasswordScreen';
import { useSession } from '../state/session';
import { DemoBanner } from './DemoBanner';
import { MissedReminders } from './MissedReminders';
import { Notices } from './Notices';
import { useFollowUpReminders } from './useFollowUpReminders';
import { useHostBadge } from './useHostBadge';
import { useHubRestartNotice } from './useHubRestartNotice';
import { useOfferNotifications } from './useOfferNotifications';
import { RevealedKeyDialog } from './RevealedKeyDialog';
import { ShortcutsDialog } from './ShortcutsDialog';
import { CommandPalette } from './CommandPalette';
import { OfferBanner } from './OfferBanner';
import { useShellCommands } from './useShellCommands';
import { useReportMidContact } from '../data/updates';
import { SideNav } from './SideNav';
import { TopBar } from './TopBar';

/** What runs only while someone is signed in: the commands and keys, offer and reminder notifications. */
function SignedInEffects() {
  useShellCommands();
  useOfferNotifications();
  useFollowUpReminders();
  useReportMidContact();
  useHostBadge();
  return null;
}

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

export function AppShell() {
  useHostNavigation();
  useHubRestartNotice();
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
      <OfferBanner />
      <Box sx={{ flex: 1, display: 'flex', minHeight: 0 }}>
        <SideNav />
        <Box component="main" id="main" sx={{ flex: 1, minWidth: 0, overflow: 'auto', p: 3 }}>
          <ScreenRouter />
        </Box>
      </Box>
      <ShortcutsDialog />
      <CommandPalette />
      <Notices />
      <MissedReminders />
      <RevealedKeyDialog />
      <SignedInEffects />
    </Box>
  );
}
