import { sectionForPath } from '../sections';
import { useRouter } from '../state/router';
import { NotFoundScreen } from './NotFoundScreen';
import { PlannedScreen } from './PlannedScreen';
import { SettingsScreen } from './SettingsScreen';

export function ScreenRouter() {
  const path = useRouter((state) => state.path);
  const section = sectionForPath(path);
  if (!section) return <NotFoundScreen path={path.split('?')[0] ?? path} />;
  if (section.id === 'settings') return <SettingsScreen />;
  return <PlannedScreen key={section.id} section={{ ...section, id: section.id }} />;
}
