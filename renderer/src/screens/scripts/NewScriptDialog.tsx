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
import { run } from '../../data/local';
import { useAppState } from '../../state/app';
import type { ScriptSummary } from './data';
import { draftFrom, emptyDraft, saveArgs, scriptIdFor } from './draft';

export function NewScriptDialog({ scripts, onClose, onCreated }: { scripts: readonly ScriptSummary[]; onClose: () => void; onCreated: (scriptId: string) => void }) {
  const [name, setName] = useState('');
  const [from, setFrom] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const published = scripts.filter((script) => script.published);

  const submit = async () => {
    const trimmed = name.trim();
    if (!trimmed) return setError('Give the script a name.');
    if (scripts.some((script) => script.name.trim().toLowerCase() === trimmed.toLowerCase())) return setError(`There is already a script called “${trimmed}”.`);
    const scriptId = scriptIdFor(trimmed, new Set(scripts.map((script) => script.scriptId)));
    const source = published.find((script) => script.scriptId === from)?.published;
    // A copy starts without topics, so contacts keep getting the script they get today until this one is given some.
    const draft = source ? { ...draftFrom({ ...source, scriptId, name: trimmed }), topics: [] } : emptyDraft(scriptId, trimmed);
    setBusy(true);
    setError(null);
    try {
      await run('script.save', saveArgs(draft));
      useAppState.getState().notify(`Started “${trimmed}”: agents see it once it is published.`);
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
        <DialogTitle id="new-script-title">New script</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 0.5 }}>
            {error && (
              <Alert severity="error" role="alert">
                {error}
              </Alert>
            )}
            <TextField label="Name" value={name} onChange={(event) => setName(event.target.value)} size="small" autoFocus required placeholder="e.g. Broadband upgrade" />
            <TextField select label="Start from" value={from} onChange={(event) => setFrom(event.target.value)} size="small">
              <MenuItem value="">A blank script</MenuItem>
              {published.map((script) => (
                <MenuItem key={script.scriptId} value={script.scriptId}>
                  A copy of {script.name}
                </MenuItem>
              ))}
            </TextField>
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={busy}>
            Create draft
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
