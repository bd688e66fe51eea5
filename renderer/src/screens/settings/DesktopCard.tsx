/**
 * Settings › This computer (desktop only): whether closing the window keeps AgentDesk running in the
 * tray, and whether the sign-in is remembered here (only with an OS keychain).
 */
import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { bridge } from '../../bridge';
import { Fact, SettingsCard } from '../../components/SettingsCard';
import { useAppState } from '../../state/app';

const SIGN_IN_STORAGE = defineMessages({
  keychain: { id: 'settings.desktop.signInKeychain', defaultMessage: 'Remembered, encrypted by the system keychain' },
  memory: { id: 'settings.desktop.signInMemory', defaultMessage: 'Not remembered (no system keychain): you sign in at each start' },
});

export function DesktopCard() {
  const intl = useIntl();
  const sessionStorage = useAppState((state) => state.info?.sessionStorage);
  const [closeToTray, setCloseToTray] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void bridge.getSettings().then((settings) => setCloseToTray(settings.closeToTray));
  }, []);

  if (bridge.host !== 'electron' || closeToTray === null) return null;

  const change = (value: boolean) => {
    setCloseToTray(value);
    bridge.updateSettings({ closeToTray: value }).then(
      (next) => {
        setCloseToTray(next.closeToTray);
        setError(null);
      },
      (e: unknown) => {
        setCloseToTray(!value);
        setError(e instanceof Error ? e.message : String(e));
      },
    );
  };

  return (
    <SettingsCard title={intl.formatMessage({ id: 'settings.desktop.title', defaultMessage: 'This computer' })} id="settings-desktop">
      <FormControlLabel
        control={<Switch checked={closeToTray} onChange={(event) => change(event.target.checked)} />}
        label={intl.formatMessage({ id: 'settings.desktop.closeToTray', defaultMessage: 'Keep AgentDesk running in the tray when the window is closed' })}
      />
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        <FormattedMessage
          id="settings.desktop.trayHelp"
          defaultMessage="The tray icon and the taskbar or dock badge count offers waiting for you and overdue follow-ups, and offer notifications keep coming. To quit, choose Quit in the tray menu or press {keys}."
          values={{ keys: navigator.platform.startsWith('Mac') ? '⌘Q' : 'Ctrl+Q' }}
        />
      </Typography>
      {sessionStorage && (
        <Box sx={{ mt: 2 }}>
          <Fact label={intl.formatMessage({ id: 'settings.desktop.signIn', defaultMessage: 'Sign-in' })} value={intl.formatMessage(SIGN_IN_STORAGE[sessionStorage])} />
        </Box>
      )}
      {error && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {error}
        </Alert>
      )}
    </SettingsCard>
  );
}
