/** A new hub's integration key, shown once to its first administrator: the hub keeps only its hash. */
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { FormattedMessage, useIntl } from 'react-intl';
import { COMMON } from '../components/commonMessages';
import { useSession } from '../state/session';

export function KeyField({ value, label }: { value: string; label: string }) {
  const intl = useIntl();
  const [copied, setCopied] = useState(false);
  return (
    <>
      <TextField
        label={label}
        value={value}
        fullWidth
        slotProps={{ input: { readOnly: true, sx: { fontFamily: 'ui-monospace, monospace' } } }}
        onFocus={(event) => event.target.select()}
        sx={{ mt: 2 }}
      />
      <Button
        sx={{ mt: 1 }}
        onClick={() => {
          void navigator.clipboard?.writeText(value).then(() => setCopied(true));
        }}
      >
        {intl.formatMessage(copied ? COMMON.copied : COMMON.copy)}
      </Button>
    </>
  );
}

export function RevealedKeyDialog() {
  const revealed = useSession((state) => state.revealedKey);
  if (!revealed) return null;
  const close = () => useSession.setState({ revealedKey: null });
  return (
    <Dialog open onClose={close} aria-labelledby="revealed-key-title" maxWidth="sm" fullWidth>
      <DialogTitle id="revealed-key-title">
        <FormattedMessage id="shell.revealedKey.title" defaultMessage="Your hub’s integration key" />
      </DialogTitle>
      <DialogContent>
        <DialogContentText>
          <FormattedMessage
            id="shell.revealedKey.help"
            defaultMessage="Gateways (telephony, chat, email) post contacts with this key. Copy it into their settings now: it is shown only this once. You can make more keys, rotate or revoke them in Admin › Integration keys."
          />
        </DialogContentText>
        <KeyField label={revealed.name} value={revealed.key} />
        <Alert severity="info" sx={{ mt: 1 }}>
          <FormattedMessage id="shell.revealedKey.secret" defaultMessage="Keep it secret, like a password." />
        </Alert>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={close}>
          <FormattedMessage id="shell.revealedKey.kept" defaultMessage="I have kept it" />
        </Button>
      </DialogActions>
    </Dialog>
  );
}
