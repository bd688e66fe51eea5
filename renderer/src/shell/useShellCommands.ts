import { useColorScheme } from '@mui/material/styles';
import type { ThemePreference } from '@core/bridge';
import type { Presence } from '@core/domain/model';
import { bridge } from '../bridge';
import { useMyPresence } from '../data/hooks';
import { run, syncNow } from '../data/local';
import { useCommandKeys } from '../lib/commands/useCommandKeys';
import { useCommands } from '../lib/commands/useCommands';
import type { Binding } from '../lib/commands/registry';
import { sectionsFor, SECTIONS } from '../sections';
import { useAppState } from '../state/app';
import { navigate } from '../state/router';
import { useSession } from '../state/session';
import { focusScreenHeading } from './keyboard';

const PRESENCES: Presence[] = ['available', 'away', 'after-contact-work'];
const THEMES: ThemePreference[] = ['light', 'dark', 'system'];

function fail(error: unknown) {
  useAppState.getState().notify(error instanceof Error ? error.message : String(error));
}

/** The commands of the signed-in shell: sections, the palette and the sheet, presence, sync, theme, signing out. */
export function useShellCommands(): void {
  useCommandKeys();
  const role = useSession((state) => state.session?.user.role);
  const presence = useMyPresence();
  const { mode, setMode } = useColorScheme();
  const app = useAppState.getState;

  const bindings: Record<string, Binding> = {
    'palette.open': { run: () => app().setPaletteOpen(true) },
    'shortcuts.show': { run: () => app().setShortcutsOpen(true) },
    'sync.now': { run: syncNow },
    'account.signOut': { run: () => app().setSignOutOpen(true) },
  };
  for (const section of SECTIONS) {
    bindings[`go.${section.id}`] = {
      run: () => {
        navigate(section.path);
        focusScreenHeading();
      },
      enabled: () => sectionsFor(role).includes(section),
    };
  }
  for (const value of PRESENCES) {
    bindings[`presence.${value}`] = {
      run: () => void run('presence.set', { presence: value }).catch(fail),
      enabled: () => !!presence && presence.presence !== value,
    };
  }
  for (const value of THEMES) {
    bindings[`theme.${value}`] = {
      run: () => {
        setMode(value);
        bridge.updateSettings({ theme: value }).catch(fail);
      },
      enabled: () => (mode ?? 'system') !== value,
    };
  }
  useCommands(bindings);
}
