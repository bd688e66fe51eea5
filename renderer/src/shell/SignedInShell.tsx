import { useEffect } from 'react';
import Box from '@mui/material/Box';
import { FormattedMessage } from 'react-intl';
import { useLocal } from '../data/local';
import { preloadWhenIdle } from '../lib/lazyWithPreload';
import { focusScreenHeading } from './keyboard';
import { ScreenRouter } from '../screens/ScreenRouter';
import { screensToPreload } from '../screens/lazyScreens';
import { DemoBanner } from './DemoBanner';
import { MissedReminders } from './MissedReminders';
import { Notices } from './Notices';
import { useFollowUpReminders } from './useFollowUpReminders';
import { useHostBadge } from './useHostBadge';
import { useReportMidContact } from '../data/updates';
import { useOfferNotifications } from './useOfferNotifications';
import { RevealedKeyDialog } from './RevealedKeyDialog';
import { ShortcutsDialog } from './ShortcutsDialog';
import { CommandPalette } from './CommandPalette';
import { OfferBanner } from './OfferBanner';
import { useShellCommands } from './useShellCommands';
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

/** Once signed in, the other screens' code is fetched while the agent is idle, so opening one does not wait. */
function useWarmScreens() {
  const role = useLocal((state) => state.actor?.role);
  useEffect(() => preloadWhenIdle(screensToPreload(role)), [role]);
}

/** The workstation around the screens: its own chunk, fetched while the sign-in screen waits for the agent. */
export function SignedInShell() {
  useWarmScreens();
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
        <FormattedMessage id="shell.skipToMain" defaultMessage="Skip to main content" />
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
