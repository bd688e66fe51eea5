import { sectionForPath } from '../sections';
import { useRouter } from '../state/router';
import { CustomerScreen } from './CustomerScreen';
import { CustomersScreen } from './CustomersScreen';
import { NotFoundScreen } from './NotFoundScreen';
import { PlannedScreen } from './PlannedScreen';
import { SettingsScreen } from './SettingsScreen';
import { ContactScreen } from './contact/ContactScreen';
import { QueueScreen } from './queue/QueueScreen';
import { FollowUpsScreen } from './follow-ups/FollowUpsScreen';

export function ScreenRouter() {
  const path = useRouter((state) => state.path);
  const pathname = path.split('?')[0] ?? path;
  const section = sectionForPath(path);
  if (!section) return <NotFoundScreen path={pathname} />;
  if (section.id === 'settings') return <SettingsScreen />;
  if (pathname === '/customer') return <CustomerScreen />;
  if (pathname === '/contact') return <ContactScreen />;
  if (section.id === 'queue') return <QueueScreen />;
  if (section.id === 'customers') return <CustomersScreen />;
  if (section.id === 'follow-ups') return <FollowUpsScreen />;
  return <PlannedScreen key={section.id} section={{ ...section, id: section.id }} />;
}
