/**
 * Your account: change your password, see the devices signed in as you and
 * sign any of them out, or all of them. Needs the hub: offline it says so.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import type { SessionInfo } from '@core/account-api';
import { COMMON } from '../../components/commonMessages';
import { useFormat } from '../../lib/i18n';
import { SettingsCard } from '../../components/SettingsCard';
import { changePassword, listSessions, signOutEverywhere, signOutSession } from '../../data/account';
import { useAppState } from '../../state/app';

/** Keeps the helper line's height, so the form does not jump when a problem shows. */
const KEEP_LINE = ' ';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** "Chrome on Linux", "AgentDesk desktop on Windows" from a user agent; the raw text when nothing is recognised. */
export function deviceName(intl: IntlShape, userAgent: string | null): string {
  if (!userAgent) return intl.formatMessage({ id: 'settings.devices.unknown', defaultMessage: 'Unknown device' });
  const app = /AgentDesk|Electron/.test(userAgent) ? intl.formatMessage({ id: 'settings.devices.desktopApp', defaultMessage: 'AgentDesk desktop' }) : /Edg\//.test(userAgent) ? 'Edge' : /Firefox\//.test(userAgent) ? 'Firefox' : /Chrom(e|ium)\//.test(userAgent) ? 'Chrome' : /Safari\//.test(userAgent) ? 'Safari' : null;
  const os = /Windows/.test(userAgent) ? 'Windows' : /Mac OS X|Macintosh/.test(userAgent) ? 'macOS' : /Android/.test(userAgent) ? 'Android' : /iPhone|iPad/.test(userAgent) ? 'iOS' : /Linux|X11/.test(userAgent) ? 'Linux' : null;
  if (!app) return userAgent.slice(0, 60);
  return os ? intl.formatMessage({ id: 'settings.devices.appOnOs', defaultMessage: '{app} on {os}' }, { app, os }) : app;
}

function PasswordForm() {
  const intl = useIntl();
  const notify = useAppState((state) => state.notify);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mismatch = again !== '' && again !== next;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mismatch || !current || !next) return;
    setBusy(true);
    setError(null);
    changePassword({ currentPassword: current, newPassword: next }).then(
      (others) => {
        setCurrent('');
        setNext('');
        setAgain('');
        notify(
          intl.formatMessage(
            {
              id: 'settings.password.changed',
              defaultMessage: '{others, plural, =0 {Password changed.} one {Password changed. # other device was signed out.} other {Password changed. # other devices were signed out.}}',
            },
            { others },
          ),
        );
      },
      (e: unknown) => setError(message(e)),
    ).finally(() => setBusy(false));
  };
  return (
    <Box component="form" onSubmit={submit} aria-labelledby="settings-password" noValidate>
      <Typography variant="h3" id="settings-password" sx={{ mb: 1.5 }}>
        <FormattedMessage id="settings.password.title" defaultMessage="Change your password" />
      </Typography>
      <Stack spacing={1.5} sx={{ maxWidth: 420 }}>
        <TextField size="small" type="password" label={intl.formatMessage({ id: 'settings.password.current', defaultMessage: 'Current password' })} autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} required />
        <TextField
          size="small"
          type="password"
          label={intl.formatMessage({ id: 'settings.password.new', defaultMessage: 'New password' })}
          autoComplete="new-password"
          value={next}
          onChange={(e) => setNext(e.target.value)}
          helperText={intl.formatMessage(
            { id: 'settings.password.newHelp', defaultMessage: 'At least {min, number} characters; a few words you will remember work well.' },
            { min: 10 },
          )}
          required
        />
        <TextField
          size="small"
          type="password"
          label={intl.formatMessage({ id: 'settings.password.again', defaultMessage: 'New password again' })}
          autoComplete="new-password"
          value={again}
          onChange={(e) => setAgain(e.target.value)}
          error={mismatch}
          helperText={mismatch ? intl.formatMessage({ id: 'settings.password.differ', defaultMessage: 'The two new passwords differ.' }) : KEEP_LINE}
          required
        />
        {error && <Alert severity="error">{error}</Alert>}
        <Box>
          <Button type="submit" variant="contained" disabled={busy || !current || !next || !again || mismatch}>
            <FormattedMessage id="settings.password.submit" defaultMessage="Change password" />
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}

function Devices() {
  const intl = useIntl();
  const format = useFormat();
  const when = (at: number) => format.dateTime(at, { withYear: true });
  const devicesLabel = intl.formatMessage({ id: 'settings.devices.title', defaultMessage: 'Devices signed in as you' });
  const notify = useAppState((state) => state.notify);
  const [sessions, setSessions] = useState<SessionInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState(false);
  const load = useCallback(() => {
    listSessions().then(
      (list) => {
        setSessions(list);
        setError(null);
      },
      (e: unknown) => setError(message(e)),
    );
  }, []);
  useEffect(load, [load]);
  const end = (session: SessionInfo) =>
    signOutSession(session.id).then(
      () => {
        notify(intl.formatMessage({ id: 'settings.devices.signedOut', defaultMessage: '{device} was signed out.' }, { device: deviceName(intl, session.userAgent) }));
        load();
      },
      (e: unknown) => setError(message(e)),
    );
  return (
    <Box sx={{ mt: 3 }} component="section" aria-labelledby="settings-devices">
      <Typography variant="h3" id="settings-devices" sx={{ mb: 1 }}>
        {devicesLabel}
      </Typography>
      {error && (
        <Alert severity="warning" action={<Button color="inherit" size="small" onClick={load}>{intl.formatMessage(COMMON.tryAgain)}</Button>}>
          {error}
        </Alert>
      )}
      {sessions === null && !error && <Typography variant="body2" color="text.secondary">{intl.formatMessage(COMMON.loading)}</Typography>}
      {sessions && (
        <List dense aria-label={devicesLabel} sx={{ maxWidth: 640 }}>
          {sessions.map((session) => (
            <ListItem
              key={session.id}
              divider
              secondaryAction={
                session.current ? (
                  <Typography variant="caption" color="text.secondary">
                    <FormattedMessage id="settings.devices.thisDevice" defaultMessage="This device" />
                  </Typography>
                ) : (
                  <Button size="small" onClick={() => void end(session)} aria-label={intl.formatMessage(
                      { id: 'settings.devices.signOutLabel', defaultMessage: 'Sign out {device}, last used {when}' },
                      { device: deviceName(intl, session.userAgent), when: when(session.lastUsedAt) },
                    )}
                  >
                    <FormattedMessage id="settings.devices.signOut" defaultMessage="Sign out" />
                  </Button>
                )
              }
            >
              <ListItemText
                primary={deviceName(intl, session.userAgent)}
                secondary={intl.formatMessage(
                  { id: 'settings.devices.used', defaultMessage: 'Signed in {signedIn} · last used {lastUsed}' },
                  { signedIn: when(session.createdAt), lastUsed: when(session.lastUsedAt) },
                )}
              />
            </ListItem>
          ))}
        </List>
      )}
      <Button variant="outlined" color="warning" sx={{ mt: 1 }} onClick={() => setConfirm(true)} disabled={!sessions}>
        <FormattedMessage id="settings.devices.everywhere" defaultMessage="Sign out everywhere" />
      </Button>
      <Dialog open={confirm} onClose={() => setConfirm(false)} aria-labelledby="sign-out-everywhere-title">
        <DialogTitle id="sign-out-everywhere-title">
          <FormattedMessage id="settings.devices.everywhereTitle" defaultMessage="Sign out everywhere?" />
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            <FormattedMessage
              id="settings.devices.everywhereHelp"
              defaultMessage="Every device signed in as you is signed out, this one too. Changes waiting on this device stay on it and are sent when you sign in again."
            />
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirm(false)} autoFocus>
            {intl.formatMessage(COMMON.cancel)}
          </Button>
          <Button
            color="warning"
            variant="contained"
            onClick={() => {
              setConfirm(false);
              signOutEverywhere().catch((e: unknown) => setError(message(e)));
            }}
          >
            <FormattedMessage id="settings.devices.everywhere" defaultMessage="Sign out everywhere" />
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}

export function AccountCard() {
  const intl = useIntl();
  return (
    <SettingsCard title={intl.formatMessage({ id: 'settings.account.title', defaultMessage: 'Your account' })} id="settings-account">
      <PasswordForm />
      <Devices />
    </SettingsCard>
  );
}
