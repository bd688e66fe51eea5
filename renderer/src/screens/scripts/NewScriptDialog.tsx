/** Starting a script: a name, and a blank script or a copy of a published one to start from. */
import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { FormattedMessage, useIntl } from 'react-intl';
import { run } from '../../data/local';
import { useAppState } from '../../state/app';
import type { ScriptSummary } from './data';
import { draftFrom, emptyDraft, saveArgs, scriptIdFor } from './draft';

export function NewScriptDialog({ scripts, onClose, onCreated }: { scripts: readonly ScriptSummary[]; onClose: () => void; onCreated: (scriptId: string) => void }) {
  const intl = useIntl();
  const [name, setName] = useState('');
  const [from, setFrom] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const published = scripts.filter((script) => script.published);

  const submit = async () => {
    const trimmed = name.trim();
    if (!trimmed) return setError(intl.formatMessage({ id: 'scripts.new.noName', defaultMessage: 'Give the script a name.' }));
    if (scripts.some((script) => script.name.trim().toLowerCase() === trimmed.toLowerCase())) {
      return setError(intl.formatMessage({ id: 'scripts.new.taken', defaultMessage: 'There is already a script called “{name}”.' }, { name: trimmed }));
    }
    const scriptId = scriptIdFor(trimmed, new Set(scripts.map((script) => script.scriptId)));
    const source = published.find((script) => script.scriptId === from)?.published;
    // A copy starts without topics, so contacts keep getting the script they get today until this one is given some.
    const draft = source ? { ...draftFrom({ ...source, scriptId, name: trimmed }), topics: [] } : emptyDraft(scriptId, trimmed);
    setBusy(true);
    setError(null);
    try {
      await run('script.save', saveArgs(draft));
      useAppState.getState().notify(intl.formatMessage({ id: 'scripts.new.started', defaultMessage: 'Started “{name}”: agents see it once it is published.' }, { name: trimmed }));
      onCreated(scriptId);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="new-script-title">
      <Box
        component="form"
        noValidate
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void submit();
        }}
      >
        <DialogTitle id="new-script-title">
          <FormattedMessage id="scripts.new.title" defaultMessage="New script" />
        </DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 0.5 }}>
            {error && (
              <Alert severity="error" role="alert">
                {error}
              </Alert>
            )}
            <TextField
              label={intl.formatMessage({ id: 'scripts.new.name', defaultMessage: 'Name' })}
              value={name}
              onChange={(event) => setName(event.target.value)}
              size="small"
              autoFocus
              required
              placeholder={intl.formatMessage({ id: 'scripts.new.namePlaceholder', defaultMessage: 'e.g. Broadband upgrade' })}
            />
            <TextField
              select
              label={intl.formatMessage({ id: 'scripts.new.from', defaultMessage: 'Start from' })}
              value={from}
              onChange={(event) => setFrom(event.target.value)}
              size="small"
            >
              <MenuItem value="">
                <FormattedMessage id="scripts.new.blank" defaultMessage="A blank script" />
              </MenuItem>
              {published.map((script) => (
                <MenuItem key={script.scriptId} value={script.scriptId}>
                  <FormattedMessage id="scripts.new.copyOf" defaultMessage="A copy of {name}" values={{ name: script.name }} />
                </MenuItem>
              ))}
            </TextField>
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>
            <FormattedMessage id="scripts.new.cancel" defaultMessage="Cancel" />
          </Button>
          <Button type="submit" variant="contained" disabled={busy}>
            <FormattedMessage id="scripts.new.create" defaultMessage="Create draft" />
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
