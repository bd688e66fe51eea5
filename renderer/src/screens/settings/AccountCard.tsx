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
import type { SessionInfo } from '@core/account-api';
import { SettingsCard } from '../../components/SettingsCard';
import { changePassword, listSessions, signOutEverywhere, signOutSession } from '../../data/account';
import { useAppState } from '../../state/app';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** "Chrome on Linux", "AgentDesk desktop on Windows" from a user agent; the raw text when nothing is recognised. */
export function deviceName(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device';
  const app = /AgentDesk|Electron/.test(userAgent) ? 'AgentDesk desktop' : /Edg\//.test(userAgent) ? 'Edge' : /Firefox\//.test(userAgent) ? 'Firefox' : /Chrom(e|ium)\//.test(userAgent) ? 'Chrome' : /Safari\//.test(userAgent) ? 'Safari' : null;
  const os = /Windows/.test(userAgent) ? 'Windows' : /Mac OS X|Macintosh/.test(userAgent) ? 'macOS' : /Android/.test(userAgent) ? 'Android' : /iPhone|iPad/.test(userAgent) ? 'iOS' : /Linux|X11/.test(userAgent) ? 'Linux' : null;
  if (!app) return userAgent.slice(0, 60);
  return os ? `${app} on ${os}` : app;
}

const when = (at: number) => new Date(at).toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });

function PasswordForm() {
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
        notify(`Password changed.${others > 0 ? ` ${others} other device${others === 1 ? ' was' : 's were'} signed out.` : ''}`);
      },
      (e: unknown) => setError(message(e)),
    ).finally(() => setBusy(false));
  };
  return (
    <Box component="form" onSubmit={submit} aria-labelledby="settings-password" noValidate>
      <Typography variant="h3" id="settings-password" sx={{ mb: 1.5 }}>
        Change your password
      </Typography>
      <Stack spacing={1.5} sx={{ maxWidth: 420 }}>
        <TextField size="small" type="password" label="Current password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} required />
        <TextField
          size="small"
          type="password"
          label="New password"
          autoComplete="new-password"
          value={next}
          onChange={(e) => setNext(e.target.value)}
          helperText="At least 10 characters; a few words you will remember work well."
          required
        />
        <TextField
          size="small"
          type="password"
          label="New password again"
          autoComplete="new-password"
          value={again}
          onChange={(e) => setAgain(e.target.value)}
          error={mismatch}
          helperText={mismatch ? 'The two new passwords differ.' : ' '}
          required
        />
        {error && <Alert severity="error">{error}</Alert>}
        <Box>
          <Button type="submit" variant="contained" disabled={busy || !current || !next || !again || mismatch}>
            Change password
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}

function Devices() {
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
        notify(`${deviceName(session.userAgent)} was signed out.`);
        load();
      },
      (e: unknown) => setError(message(e)),
    );
  return (
    <Box sx={{ mt: 3 }} component="section" aria-labelledby="settings-devices">
      <Typography variant="h3" id="settings-devices" sx={{ mb: 1 }}>
        Devices signed in as you
      </Typography>
      {error && (
        <Alert severity="warning" action={<Button color="inherit" size="small" onClick={load}>Try again</Button>}>
          {error}
        </Alert>
      )}
      {sessions === null && !error && <Typography variant="body2" color="text.secondary">Loading…</Typography>}
      {sessions && (
        <List dense aria-label="Devices signed in as you" sx={{ maxWidth: 640 }}>
          {sessions.map((session) => (
            <ListItem
              key={session.id}
              divider
              secondaryAction={
                session.current ? (
                  <Typography variant="caption" color="text.secondary">This device</Typography>
                ) : (
                  <Button size="small" onClick={() => void end(session)} aria-label={`Sign out ${deviceName(session.userAgent)}, last used ${when(session.lastUsedAt)}`}>
                    Sign out
                  </Button>
                )
              }
            >
              <ListItemText primary={deviceName(session.userAgent)} secondary={`Signed in ${when(session.createdAt)} · last used ${when(session.lastUsedAt)}`} />
            </ListItem>
          ))}
        </List>
      )}
      <Button variant="outlined" color="warning" sx={{ mt: 1 }} onClick={() => setConfirm(true)} disabled={!sessions}>
        Sign out everywhere
      </Button>
      <Dialog open={confirm} onClose={() => setConfirm(false)} aria-labelledby="sign-out-everywhere-title">
        <DialogTitle id="sign-out-everywhere-title">Sign out everywhere?</DialogTitle>
        <DialogContent>
          <DialogContentText>
            Every device signed in as you is signed out, this one too. Changes waiting on this device stay on it and are sent when you sign in again.
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirm(false)} autoFocus>
            Cancel
          </Button>
          <Button
            color="warning"
            variant="contained"
            onClick={() => {
              setConfirm(false);
              signOutEverywhere().catch((e: unknown) => setError(message(e)));
            }}
          >
            Sign out everywhere
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}

export function AccountCard() {
  return (
    <SettingsCard title="Your account" id="settings-account">
      <PasswordForm />
      <Devices />
    </SettingsCard>
  );
}
