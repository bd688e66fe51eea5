/** Integration keys (gateways posting contacts): made, rotated and revoked on the hub; a new key is shown once. */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { FormattedMessage, defineMessages, useIntl } from 'react-intl';
import type { CreatedIntegrationKey, IntegrationKeyInfo } from '@core/account-api';
import { SettingsCard } from '../../components/SettingsCard';
import { createIntegrationKey, listIntegrationKeys, revokeIntegrationKey } from '../../data/admin';
import { useFormat } from '../../lib/i18n';
import { KeyField } from '../../shell/RevealedKeyDialog';
import { useAppState } from '../../state/app';

const SOURCE_MESSAGES = defineMessages({
  admin: { id: 'admin.keys.source.admin', defaultMessage: 'Made here' },
  env: { id: 'admin.keys.source.env', defaultMessage: 'Hub configuration (AGENTDESK_INTEGRATION_KEYS)' },
  demo: { id: 'admin.keys.source.demo', defaultMessage: 'Demo data' },
}) satisfies Record<IntegrationKeyInfo['source'], unknown>;
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function IntegrationKeys() {
  const intl = useIntl();
  const format = useFormat();
  const when = (at: number | null) => (at === null ? intl.formatMessage({ id: 'admin.keys.never', defaultMessage: 'Never' }) : format.dateTime(at, { withYear: true }));
  const notify = useAppState((state) => state.notify);
  const [keys, setKeys] = useState<IntegrationKeyInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedIntegrationKey | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);
  const load = useCallback(() => {
    listIntegrationKeys().then(
      (list) => {
        setKeys(list);
        setError(null);
      },
      (e: unknown) => setError(message(e)),
    );
  }, []);
  useEffect(load, [load]);

  const make = (keyName: string) =>
    createIntegrationKey(keyName).then(
      (key) => {
        setCreated(key);
        setName('');
        load();
      },
      (e: unknown) => setError(message(e)),
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) void make(name.trim());
  };

  return (
    <SettingsCard title={intl.formatMessage({ id: 'admin.keys.title', defaultMessage: 'Integration keys' })} id="admin-keys">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        <FormattedMessage
          id="admin.keys.intro"
          defaultMessage="Telephony, chat, email and social gateways post contacts with a key (see /api/docs). A key is shown once when it is made; rotating makes a new one under the same name and stops the old one."
        />
      </Typography>
      {error && (
        <Alert severity="error" sx={{ mb: 2 }} action={
            <Button color="inherit" size="small" onClick={load}>
              <FormattedMessage id="admin.keys.retry" defaultMessage="Try again" />
            </Button>
          }
        >
          {error}
        </Alert>
      )}
      {keys && keys.length === 0 && (
        <Typography variant="body2">
          <FormattedMessage id="admin.keys.none" defaultMessage="No active keys: no gateway can post contacts." />
        </Typography>
      )}
      {keys && keys.length > 0 && (
        <Table size="small" aria-label={intl.formatMessage({ id: 'admin.keys.tableLabel', defaultMessage: 'Active integration keys' })}>
          <TableHead>
            <TableRow>
              <TableCell>
                <FormattedMessage id="admin.keys.name" defaultMessage="Name" />
              </TableCell>
              <TableCell>
                <FormattedMessage id="admin.keys.from" defaultMessage="From" />
              </TableCell>
              <TableCell>
                <FormattedMessage id="admin.keys.made" defaultMessage="Made" />
              </TableCell>
              <TableCell>
                <FormattedMessage id="admin.keys.lastUsed" defaultMessage="Last used" />
              </TableCell>
              <TableCell align="right">
                <FormattedMessage id="admin.keys.actions" defaultMessage="Actions" />
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {keys.map((key) => (
              <TableRow key={key.name} data-testid="integration-key">
                <TableCell>{key.name}</TableCell>
                <TableCell>{intl.formatMessage(SOURCE_MESSAGES[key.source])}</TableCell>
                <TableCell>{when(key.createdAt)}</TableCell>
                <TableCell>{when(key.lastUsedAt)}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  <Button size="small" onClick={() => void make(key.name)} aria-label={intl.formatMessage({ id: 'admin.keys.rotateLabel', defaultMessage: 'Rotate the key {name}' }, { name: key.name })}>
                    <FormattedMessage id="admin.keys.rotate" defaultMessage="Rotate" />
                  </Button>
                  <Button size="small" color="error" onClick={() => setRevoking(key.name)} aria-label={intl.formatMessage({ id: 'admin.keys.revokeLabel', defaultMessage: 'Revoke the key {name}' }, { name: key.name })}>
                    <FormattedMessage id="admin.keys.revoke" defaultMessage="Revoke" />
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Stack component="form" direction="row" spacing={1} onSubmit={submit} sx={{ mt: 2, alignItems: 'flex-start' }} aria-label={intl.formatMessage({ id: 'admin.keys.make', defaultMessage: 'Make a key' })}>
        <TextField
          size="small"
          label={intl.formatMessage({ id: 'admin.keys.newName', defaultMessage: 'New key’s name' })}
          placeholder={intl.formatMessage({ id: 'admin.keys.newNamePlaceholder', defaultMessage: 'e.g. Telephony' })}
          value={name} onChange={(e) => setName(e.target.value)} sx={{ minWidth: 260 }} />
        <Button type="submit" variant="contained" disabled={!name.trim()} sx={{ flexShrink: 0 }}>
          <FormattedMessage id="admin.keys.make" defaultMessage="Make a key" />
        </Button>
      </Stack>

      <Dialog open={created !== null} onClose={() => setCreated(null)} aria-labelledby="created-key-title" maxWidth="sm" fullWidth>
        <DialogTitle id="created-key-title">
          <FormattedMessage id="admin.keys.createdTitle" defaultMessage="New key: {name}" values={{ name: created?.name ?? '' }} />
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            <FormattedMessage id="admin.keys.createdBody" defaultMessage="Copy it into the gateway’s settings now: it is shown only this once." />
          </DialogContentText>
          {created && <KeyField label={created.name} value={created.key} />}
        </DialogContent>
        <DialogActions>
          <Button variant="contained" onClick={() => setCreated(null)}>
            <FormattedMessage id="admin.keys.kept" defaultMessage="I have kept it" />
          </Button>
        </DialogActions>
      </Dialog>
      <Dialog open={revoking !== null} onClose={() => setRevoking(null)} aria-labelledby="revoke-key-title">
        <DialogTitle id="revoke-key-title">
          <FormattedMessage id="admin.keys.revokeTitle" defaultMessage="Revoke “{name}”?" values={{ name: revoking ?? '' }} />
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            <FormattedMessage id="admin.keys.revokeBody" defaultMessage="The gateway using it can no longer post contacts until it is given a new key." />
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setRevoking(null)} autoFocus>
            <FormattedMessage id="admin.keys.cancel" defaultMessage="Cancel" />
          </Button>
          <Button
            color="error"
            variant="contained"
            onClick={() => {
              const target = revoking;
              setRevoking(null);
              if (target)
                revokeIntegrationKey(target).then(
                  () => {
                    notify(intl.formatMessage({ id: 'admin.keys.revoked', defaultMessage: 'The key “{name}” was revoked.' }, { name: target }));
                    load();
                  },
                  (e: unknown) => setError(message(e)),
                );
            }}
          >
            <FormattedMessage id="admin.keys.revoke" defaultMessage="Revoke" />
          </Button>
        </DialogActions>
      </Dialog>
    </SettingsCard>
  );
}
