import { useRef, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { FOLLOW_UP_KINDS, type Contact, type FollowUpKind, type QueueItem } from '@core/domain/model';
import { DISPOSITIONS } from '@core/wrapup';
import { run } from '../../data/local';
import { formatDuration, useNow } from '../../data/useNow';
import { useAppState } from '../../state/app';
import { navigate } from '../../state/router';
import { useWorkspace, useWorkspaces } from './workspace';

const KIND_LABELS: Record<FollowUpKind, string> = { callback: 'Callback', 'check-in': 'Check-in', recovery: 'Recovery call', message: 'Message' };

/** A local date-time value (for <input type="datetime-local">) a day from now at the next whole hour. */
function defaultDue(now: number): string {
  const date = new Date(now + 86_400_000);
  date.setMinutes(0, 0, 0);
  date.setHours(date.getHours() + 1);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * Wrap-up: how it went (disposition, resolved or not, a summary), how the
 * customer felt (CSAT/NPS, or a survey sent), and what happens next (a
 * follow-up). After-contact work is timed from the end of the conversation.
 */
export function WrapUpPanel({ contact, item }: { contact: Contact; item: QueueItem }) {
  const now = useNow();
  const notify = useAppState((state) => state.notify);
  const [workspace] = useWorkspace(contact.id);
  const clear = useWorkspaces((store) => store.clear);
  const [disposition, setDisposition] = useState('');
  const [resolved, setResolved] = useState<'resolved' | 'unresolved' | ''>('');
  const [summary, setSummary] = useState('');
  const [csat, setCsat] = useState<number | null>(null);
  const [nps, setNps] = useState<number | null>(null);
  const [surveySent, setSurveySent] = useState(false);
  const [plan, setPlan] = useState(false);
  const [followUpKind, setFollowUpKind] = useState<FollowUpKind>('callback');
  const [followUpDue, setFollowUpDue] = useState(() => defaultDue(Date.now()));
  const [followUpReason, setFollowUpReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!disposition) return setError('Choose a disposition.');
    if (!resolved) return setError('Say whether the customer’s need was resolved.');
    const dueAt = plan ? new Date(followUpDue).getTime() : null;
    if (plan && (!Number.isFinite(dueAt) || dueAt! <= Date.now())) return setError('The follow-up must be due in the future.');
    setError(null);
    setBusy(true);
    try {
      await run('contact.wrapUp', {
        contactId: contact.id,
        disposition,
        resolution: resolved,
        summary,
        scriptId: workspace.script?.scriptId ?? null,
        scriptVersion: workspace.script?.version ?? null,
        adherence: workspace.script ? { done: workspace.script.done, total: workspace.script.total } : null,
        gesture: workspace.gesture,
        promise: workspace.promise,
      });
      if (csat !== null || nps !== null || surveySent) {
        await run('survey.record', {
          id: crypto.randomUUID(),
          contactId: contact.id,
          status: csat !== null || nps !== null ? 'answered' : 'sent',
          csat,
          nps,
        });
      }
      if (plan && dueAt) {
        await run('followUp.schedule', {
          id: crypto.randomUUID(),
          customerId: contact.customerId,
          contactId: contact.id,
          kind: followUpKind,
          channel: contact.channel === 'note' ? 'call' : contact.channel,
          dueAt,
          reason: followUpReason || `Follow-up on “${contact.subject || 'the contact'}”`,
        });
      }
      clear(contact.id);
      notify(`Wrapped up: ${disposition}.`);
      navigate('/queue');
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper variant="outlined" component="section" aria-labelledby="wrapup-title" sx={{ p: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'baseline', mb: 1.5, gap: 1 }}>
        <Typography variant="h2" id="wrapup-title" sx={{ flex: 1 }}>
          Wrap-up
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ fontVariantNumeric: 'tabular-nums' }} role="timer" aria-label="After-contact work">
          After-contact work {formatDuration(now - (item.wrapUpAt ?? now))}
        </Typography>
      </Stack>
      <Box
        component="form"
        ref={formRef}
        noValidate
        onSubmit={(event: FormEvent) => void submit(event)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void submit();
          }
        }}
      >
        <Stack spacing={2}>
          {error && (
            <Alert severity="error" role="alert">
              {error}
            </Alert>
          )}
          <TextField
            select
            id="wrapup-disposition"
            label="Disposition"
            value={disposition}
            onChange={(event) => {
              setDisposition(event.target.value);
              const chosen = DISPOSITIONS.find((d) => d.label === event.target.value);
              if (chosen && !resolved) setResolved(chosen.resolves ? 'resolved' : 'unresolved');
            }}
            size="small"
            required
          >
            {DISPOSITIONS.map((d) => (
              <MenuItem key={d.code} value={d.label}>
                {d.label}
              </MenuItem>
            ))}
          </TextField>
          <Box>
            <Typography variant="body2" id="resolved-label" sx={{ mb: 0.5 }}>
              Was the customer’s need resolved?
            </Typography>
            <ToggleButtonGroup exclusive size="small" value={resolved} onChange={(_e, value: 'resolved' | 'unresolved' | null) => value && setResolved(value)} aria-labelledby="resolved-label">
              <ToggleButton value="resolved">Resolved</ToggleButton>
              <ToggleButton value="unresolved">Not yet</ToggleButton>
            </ToggleButtonGroup>
          </Box>
          <TextField label="Summary" value={summary} onChange={(event) => setSummary(event.target.value)} multiline minRows={2} size="small" placeholder="What the customer needed and what was done" />
          <Box>
            <Typography variant="body2" id="csat-label" sx={{ mb: 0.5 }}>
              Customer satisfaction (CSAT, 1–5)
            </Typography>
            <ToggleButtonGroup exclusive size="small" value={csat} onChange={(_e, value: number | null) => setCsat(value)} aria-labelledby="csat-label">
              {[1, 2, 3, 4, 5].map((score) => (
                <ToggleButton key={score} value={score} aria-label={`CSAT ${score}`}>
                  {score}
                </ToggleButton>
              ))}
            </ToggleButtonGroup>
          </Box>
          <Box>
            <Typography variant="body2" id="nps-label" sx={{ mb: 0.5 }}>
              Likely to recommend us (NPS, 0–10)
            </Typography>
            <ToggleButtonGroup exclusive size="small" value={nps} onChange={(_e, value: number | null) => setNps(value)} aria-labelledby="nps-label">
              {Array.from({ length: 11 }, (_, score) => (
                <ToggleButton key={score} value={score} aria-label={`NPS ${score}`} sx={{ px: 1.1 }}>
                  {score}
                </ToggleButton>
              ))}
            </ToggleButtonGroup>
          </Box>
          <FormControlLabel
            control={<Checkbox checked={surveySent} onChange={(event) => setSurveySent(event.target.checked)} disabled={csat !== null || nps !== null} />}
            label="No answer now: a survey was sent"
          />
          <FormControlLabel control={<Checkbox checked={plan} onChange={(event) => setPlan(event.target.checked)} />} label="Plan a follow-up" />
          {plan && (
            <Stack direction="row" spacing={2}>
              <TextField select label="Kind" value={followUpKind} onChange={(event) => setFollowUpKind(event.target.value as FollowUpKind)} size="small" sx={{ minWidth: 150 }}>
                {FOLLOW_UP_KINDS.map((kind) => (
                  <MenuItem key={kind} value={kind}>
                    {KIND_LABELS[kind]}
                  </MenuItem>
                ))}
              </TextField>
              <TextField label="Due" type="datetime-local" value={followUpDue} onChange={(event) => setFollowUpDue(event.target.value)} size="small" slotProps={{ inputLabel: { shrink: true } }} />
              <TextField label="Why" value={followUpReason} onChange={(event) => setFollowUpReason(event.target.value)} size="small" sx={{ flex: 1 }} />
            </Stack>
          )}
          {(workspace.promise || workspace.gesture || workspace.script) && (
            <Typography variant="caption" color="text.secondary">
              Recorded with this contact:{' '}
              {[
                workspace.script ? `script steps ${workspace.script.done.length}/${workspace.script.total}` : null,
                workspace.promise ? `promise “${workspace.promise.text}”` : null,
                workspace.gesture ? `gesture “${workspace.gesture.description}”` : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Typography>
          )}
          <Box>
            <Button type="submit" variant="contained" disabled={busy} aria-keyshortcuts="Control+Enter">
              Finish wrap-up (Ctrl+Enter)
            </Button>
          </Box>
        </Stack>
      </Box>
    </Paper>
  );
}
