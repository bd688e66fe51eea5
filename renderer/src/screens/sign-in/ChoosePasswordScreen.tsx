/**
 * After signing in with a one-time password (set by an administrator): the
 * person chooses their own before anything else; the hub refuses every other
 * request until then.
 */
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
import { abandonPasswordChange, chooseFirstPassword, useSession } from '../../state/session';

type Field = 'current' | 'next' | 'again';

export function ChoosePasswordScreen() {
  const intl = useIntl();
  const person = useSession((state) => state.awaitingPassword?.user);
  const [values, setValues] = useState<Record<Field, string>>({ current: '', next: '', again: '' });
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const windowTitle = intl.formatMessage({ id: 'signIn.window.choosePassword', defaultMessage: 'Choose a new password – AgentDesk' });
  useEffect(() => {
    document.title = windowTitle;
  }, [windowTitle]);
  const set = (field: Field) => (event: { target: { value: string } }) => {
    setValues((old) => ({ ...old, [field]: event.target.value }));
    setProblems((old) => ({ ...old, [field]: undefined }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!values.current) found.current = intl.formatMessage({ id: 'signIn.choosePassword.needCurrent', defaultMessage: 'Enter the one-time password you were given.' });
    if (values.next.length < 10) found.next = intl.formatMessage({ id: 'signIn.choosePassword.tooShort', defaultMessage: 'Use at least {min, number} characters.' }, { min: 10 });
    else if (values.next === values.current) {
      found.next = intl.formatMessage({ id: 'signIn.choosePassword.sameAsOneTime', defaultMessage: 'Choose a password other than the one-time one.' });
    }
    if (!found.next && values.again !== values.next) found.again = intl.formatMessage({ id: 'signIn.choosePassword.differ', defaultMessage: 'The two new passwords differ.' });
    setProblems(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    setError(null);
    chooseFirstPassword(values.current, values.next).then(
      () => setBusy(false),
      (e: unknown) => {
        setBusy(false);
        setError(e instanceof Error ? e.message : String(e));
      },
    );
  };

  const field = (name: Field, label: string, autoComplete: string, helper?: string) => (
    <TextField
      label={label}
      name={name}
      type="password"
      autoComplete={autoComplete}
      value={values[name]}
      onChange={set(name)}
      disabled={busy}
      error={Boolean(problems[name])}
      helperText={problems[name] ?? helper}
      autoFocus={name === 'current'}
      fullWidth
    />
  );

  return (
    <Box component="main" sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', bgcolor: 'background.default', p: 2 }}>
      <Paper variant="outlined" sx={{ width: '100%', maxWidth: 420, p: 4 }}>
        <Stack component="form" noValidate onSubmit={submit} spacing={2.5} aria-labelledby="choose-password-title">
          <Typography variant="h1" id="choose-password-title" tabIndex={-1}>
            <FormattedMessage id="signIn.choosePassword.title" defaultMessage="Choose a new password" />
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {person ? (
              <FormattedMessage
                id="signIn.choosePassword.introNamed"
                defaultMessage="{name}, your password was set by an administrator for one use. Choose your own to continue."
                values={{ name: person.name }}
              />
            ) : (
              <FormattedMessage id="signIn.choosePassword.intro" defaultMessage="Your password was set by an administrator for one use. Choose your own to continue." />
            )}
          </Typography>
          {error && (
            <Alert severity="error" role="alert">
              {error}
            </Alert>
          )}
          {field('current', intl.formatMessage({ id: 'signIn.choosePassword.current', defaultMessage: 'One-time password' }), 'current-password')}
          {field(
            'next',
            intl.formatMessage({ id: 'signIn.choosePassword.next', defaultMessage: 'New password' }),
            'new-password',
            intl.formatMessage({ id: 'signIn.choosePassword.nextHelp', defaultMessage: 'At least {min, number} characters, not your user name.' }, { min: 10 }),
          )}
          {field('again', intl.formatMessage({ id: 'signIn.choosePassword.again', defaultMessage: 'New password again' }), 'new-password')}
          <Button type="submit" variant="contained" size="large" disabled={busy} startIcon={busy ? <CircularProgress size={18} color="inherit" /> : undefined}>
            {busy
              ? intl.formatMessage({ id: 'signIn.choosePassword.saving', defaultMessage: 'Saving…' })
              : intl.formatMessage({ id: 'signIn.choosePassword.submit', defaultMessage: 'Set my password and continue' })}
          </Button>
          <Button onClick={() => void abandonPasswordChange()} disabled={busy}>
            <FormattedMessage id="signIn.choosePassword.signOut" defaultMessage="Sign out" />
          </Button>
        </Stack>
      </Paper>
    </Box>
  );
}
