import { Suspense, useEffect } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import Box from '@mui/material/Box';
import { sectionForPath } from '../sections';
import { ScreenLoading } from '../components/ScreenLoading';
import { useLocal } from '../data/local';
import { useRouter } from '../state/router';
import { NotFoundScreen } from './NotFoundScreen';
import { PlannedScreen } from './PlannedScreen';
import { QueueScreen } from './queue/QueueScreen';
import {
  AdminScreen,
  ContactScreen,
  CustomerScreen,
  CustomersScreen,
  DashboardScreen,
  FloorScreen,
  FollowUpsScreen,
  KnowledgeScreen,
  ScriptsScreen,
  SettingsScreen,
} from './lazyScreens';
import { SectionTabs } from './SectionTabs';

const TABS = defineMessages({
  scripts: { id: 'shell.tabs.scripts', defaultMessage: 'Scripts' },
  knowledge: { id: 'shell.tabs.knowledge', defaultMessage: 'Knowledge' },
  scriptsLabel: { id: 'shell.tabs.scriptsLabel', defaultMessage: 'Scripts and knowledge' },
  dashboard: { id: 'shell.tabs.dashboard', defaultMessage: 'Dashboard' },
  floor: { id: 'shell.tabs.floor', defaultMessage: 'Floor' },
  dashboardLabel: { id: 'shell.tabs.dashboardLabel', defaultMessage: 'Dashboard and floor' },
});

const SCRIPTS_TABS = [
  { path: '/scripts', label: TABS.scripts },
  { path: '/knowledge', label: TABS.knowledge },
] as const;

const DASHBOARD_TABS = [
  { path: '/dashboard', label: TABS.dashboard },
  { path: '/floor', label: TABS.floor },
] as const;

/** The window's (and the browser tab's) title names the section, in the agent's language. */
function useWindowTitle(path: string) {
  const intl = useIntl();
  const section = sectionForPath(path);
  const title = section
    ? intl.formatMessage({ id: 'shell.window.titleSection', defaultMessage: '{section} – AgentDesk' }, { section: intl.formatMessage(section.label) })
    : 'AgentDesk';
  useEffect(() => {
    document.title = title;
  }, [title]);
}

/** The current screen; one still being fetched keeps the area blank (tabs stay put) rather than flashing a spinner. */
export function ScreenRouter() {
  useWindowTitle(useRouter((state) => state.path));
  return (
    <Suspense fallback={<ScreenLoading />}>
      <CurrentScreen />
    </Suspense>
  );
}

function CurrentScreen() {
  const path = useRouter((state) => state.path);
  const role = useLocal((state) => state.actor?.role);
  const supervising = role === 'supervisor' || role === 'admin';
  const pathname = path.split('?')[0] ?? path;
  const section = sectionForPath(path);
  if (!section) return <NotFoundScreen path={pathname} />;
  if (section.id === 'settings') return <SettingsScreen />;
  if (section.id === 'admin') return <AdminScreen />;
  if (pathname === '/customer') return <CustomerScreen />;
  if (pathname === '/contact') return <ContactScreen />;
  if (section.id === 'queue') return <QueueScreen />;
  if (section.id === 'customers') return <CustomersScreen />;
  if (section.id === 'follow-ups') return <FollowUpsScreen />;
  if (section.id === 'dashboard') {
    if (!supervising) return <DashboardScreen />;
    const floor = pathname === '/floor';
    return (
      <Box sx={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
        <SectionTabs label={TABS.dashboardLabel} current={floor ? '/floor' : '/dashboard'} tabs={DASHBOARD_TABS} />
        <Box sx={{ flex: 1, minHeight: 0 }}>
          <Suspense fallback={<ScreenLoading />}>{floor ? <FloorScreen /> : <DashboardScreen />}</Suspense>
        </Box>
      </Box>
    );
  }
  if (section.id === 'scripts') {
    const knowledge = pathname === '/knowledge';
    return (
      <Box sx={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
        <SectionTabs label={TABS.scriptsLabel} current={knowledge ? '/knowledge' : '/scripts'} tabs={SCRIPTS_TABS} />
        <Box sx={{ flex: 1, minHeight: 0 }}>
          <Suspense fallback={<ScreenLoading />}>{knowledge ? <KnowledgeScreen /> : <ScriptsScreen />}</Suspense>
        </Box>
      </Box>
    );
  }
  return <PlannedScreen key={section.id} section={{ ...section, id: section.id }} />;
}
