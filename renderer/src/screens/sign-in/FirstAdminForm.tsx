/**
 * A new hub (started without demo data) has no one to sign in: its first
 * administrator is created here, on the hub's own machine (the hub refuses it
 * from anywhere else), with a password of their own.
 */
import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { FormattedMessage, useIntl } from 'react-intl';
import { setUpHub } from '../../state/session';

/** Keeps the helper line's height, so the form does not jump when a problem shows. */
const KEEP_LINE = ' ';

export function FirstAdminForm({ hubUrl }: { hubUrl: string }) {
  const intl = useIntl();
  const [name, setName] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mismatch = again !== '' && again !== password;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim() || !username.trim() || !password || mismatch) {
      setError(
        !name.trim()
          ? intl.formatMessage({ id: 'signIn.setup.needName', defaultMessage: 'Enter your name.' })
          : !username.trim()
            ? intl.formatMessage({ id: 'signIn.setup.needUsername', defaultMessage: 'Choose a user name.' })
            : !password
              ? intl.formatMessage({ id: 'signIn.setup.needPassword', defaultMessage: 'Choose a password.' })
              : intl.formatMessage({ id: 'signIn.setup.differ', defaultMessage: 'The two passwords differ.' }),
      );
      return;
    }
    setBusy(true);
    setError(null);
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    setUpHub(hubUrl, { name: name.trim(), username: username.trim().toLowerCase(), password, timeZone }).catch((e: unknown) => {
      setBusy(false);
      setError(e instanceof Error ? e.message : String(e));
    });
  };

  return (
    <Stack component="form" noValidate onSubmit={submit} spacing={2.5} aria-labelledby="setup-title">
      <Typography variant="h1" id="setup-title" tabIndex={-1}>
        <FormattedMessage id="signIn.setup.title" defaultMessage="Set up this hub" />
      </Typography>
      <Typography variant="body2" color="text.secondary">
        <FormattedMessage
          id="signIn.setup.intro"
          defaultMessage="No one can sign in yet. Create the first administrator: you can then add your teams, queues and people, and connect your telephony, chat and email gateways."
        />
      </Typography>
      {error && (
        <Alert severity="error" role="alert">
          {error}
        </Alert>
      )}
      <TextField label={intl.formatMessage({ id: 'signIn.setup.name', defaultMessage: 'Your name' })} autoComplete="name" autoFocus value={name} onChange={(e) => setName(e.target.value)} disabled={busy} fullWidth />
      <TextField
        label={intl.formatMessage({ id: 'signIn.setup.username', defaultMessage: 'User name' })}
        autoComplete="username"
        value={username}
        onChange={(e) => setUsername(e.target.value)}
        helperText={intl.formatMessage({ id: 'signIn.setup.usernameHelp', defaultMessage: 'Lowercase letters, digits, dots, dashes' })}
        disabled={busy}
        fullWidth
      />
      <TextField
        label={intl.formatMessage({ id: 'signIn.setup.password', defaultMessage: 'Password' })}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        helperText={intl.formatMessage({ id: 'signIn.setup.passwordHelp', defaultMessage: 'At least {min, number} characters' }, { min: 10 })}
        disabled={busy}
        fullWidth
      />
      <TextField
        label={intl.formatMessage({ id: 'signIn.setup.again', defaultMessage: 'Password again' })}
        type="password"
        autoComplete="new-password"
        value={again}
        onChange={(e) => setAgain(e.target.value)}
        error={mismatch}
        helperText={mismatch ? intl.formatMessage({ id: 'signIn.setup.differ', defaultMessage: 'The two passwords differ.' }) : KEEP_LINE}
        disabled={busy}
        fullWidth
      />
      <Button type="submit" variant="contained" size="large" disabled={busy} startIcon={busy ? <CircularProgress size={18} color="inherit" /> : undefined}>
        {busy
          ? intl.formatMessage({ id: 'signIn.setup.busy', defaultMessage: 'Setting up…' })
          : intl.formatMessage({ id: 'signIn.setup.submit', defaultMessage: 'Create administrator and sign in' })}
      </Button>
    </Stack>
  );
}
