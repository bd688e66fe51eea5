import { Suspense } from 'react';
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

const SCRIPTS_TABS = [
  { path: '/scripts', label: 'Scripts' },
  { path: '/knowledge', label: 'Knowledge' },
] as const;

const DASHBOARD_TABS = [
  { path: '/dashboard', label: 'Dashboard' },
  { path: '/floor', label: 'Floor' },
] as const;

/** The current screen; one still being fetched keeps the area blank (tabs stay put) rather than flashing a spinner. */
export function ScreenRouter() {
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
        <SectionTabs label="Dashboard and floor" current={floor ? '/floor' : '/dashboard'} tabs={DASHBOARD_TABS} />
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
        <SectionTabs label="Scripts and knowledge" current={knowledge ? '/knowledge' : '/scripts'} tabs={SCRIPTS_TABS} />
        <Box sx={{ flex: 1, minHeight: 0 }}>
          <Suspense fallback={<ScreenLoading />}>{knowledge ? <KnowledgeScreen /> : <ScriptsScreen />}</Suspense>
        </Box>
      </Box>
    );
  }
  return <PlannedScreen key={section.id} section={{ ...section, id: section.id }} />;
}
