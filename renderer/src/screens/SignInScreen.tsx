import { useEffect, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { FormattedMessage, useIntl } from 'react-intl';
import logo from '../../../assets/icon.svg';
import { useAppState } from '../state/app';
import { signIn, useSession } from '../state/session';
import { FirstAdminForm } from './sign-in/FirstAdminForm';

/** The product's name, the same in every language. */
const PRODUCT_NAME = 'AgentDesk';

/** Sign-in: the first screen on a new device, and after signing out or a session ending. */
export function SignInScreen() {
  const intl = useIntl();
  const info = useAppState((state) => state.info);
  const health = useAppState((state) => state.health);
  const notice = useSession((state) => state.notice);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const setup = Boolean(health?.setupNeeded && info);
  const windowTitle = setup
    ? intl.formatMessage({ id: 'signIn.window.setup', defaultMessage: 'Set up this hub – AgentDesk' })
    : intl.formatMessage({ id: 'signIn.window.signIn', defaultMessage: 'Sign in – AgentDesk' });
  useEffect(() => {
    document.title = windowTitle;
  }, [windowTitle]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!info) return;
    if (!username.trim() || !password) {
      setError(
        !username.trim()
          ? intl.formatMessage({ id: 'signIn.form.needUsername', defaultMessage: 'Enter your user name.' })
          : intl.formatMessage({ id: 'signIn.form.needPassword', defaultMessage: 'Enter your password.' }),
      );
      return;
    }
    setBusy(true);
    setError(null);
    signIn(info.hubUrl, username.trim().toLowerCase(), password).then(
      () => setBusy(false),
      (e: unknown) => {
        setBusy(false);
        setError(e instanceof Error ? e.message : String(e));
      },
    );
  };

  return (
    <Box component="main" sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'background.default', p: 2 }}>
      <Paper variant="outlined" sx={{ width: '100%', maxWidth: 400, p: 4 }}>
        {setup && info ? (
          <FirstAdminForm hubUrl={info.hubUrl} />
        ) : (
        <Stack component="form" noValidate onSubmit={submit} spacing={2.5} aria-labelledby="sign-in-title">
          <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
            <Box component="img" src={logo} alt="" sx={{ width: 36, height: 36 }} />
            <Typography variant="h5" component="div" sx={{ fontWeight: 700 }}>
              {PRODUCT_NAME}
            </Typography>
          </Stack>
          <Typography variant="h1" id="sign-in-title" tabIndex={-1}>
            <FormattedMessage id="signIn.form.title" defaultMessage="Sign in" />
          </Typography>
          {notice && <Alert severity="info">{notice}</Alert>}
          {error && (
            <Alert severity="error" role="alert">
              {error}
            </Alert>
          )}
          <TextField
            label={intl.formatMessage({ id: 'signIn.form.username', defaultMessage: 'User name' })}
            name="username"
            autoComplete="username"
            autoFocus
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            disabled={busy}
            fullWidth
          />
          <TextField
            label={intl.formatMessage({ id: 'signIn.form.password', defaultMessage: 'Password' })}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            disabled={busy}
            fullWidth
          />
          <Button type="submit" variant="contained" size="large" disabled={busy || !info} startIcon={busy ? <CircularProgress size={18} color="inherit" /> : undefined}>
            {busy
              ? intl.formatMessage({ id: 'signIn.form.signingIn', defaultMessage: 'Signing in…' })
              : intl.formatMessage({ id: 'signIn.form.submit', defaultMessage: 'Sign in' })}
          </Button>
          {health?.demo && (
            <Alert severity="warning" role="note" data-testid="demo-warning">
              <FormattedMessage
                id="signIn.demo.warning"
                defaultMessage="A demo hub: sample customers, and the accounts ava and ben (agents), sam (supervisor) and admin all have the password “demo”. Not for real customers."
              />
            </Alert>
          )}
          <Typography variant="caption" color="text.secondary">
            <FormattedMessage id="signIn.hub" defaultMessage="Hub: {url}" values={{ url: info?.hubUrl ?? '…' }} />
          </Typography>
        </Stack>
        )}
      </Paper>
    </Box>
  );
}
