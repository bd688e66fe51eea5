/** Asking for help on a contact, and (supervisors) advising on it, each in a keyboard-first dialog. */
import { useState } from 'react';
import TextField from '@mui/material/TextField';
import type { QueueItem } from '@core/domain/model';
import { FormDialog } from '../../components/FormDialog';
import { refusalOf, run } from '../../data/local';

export function EscalateDialog({ item, onClose }: { item: QueueItem; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!reason.trim()) return setError('Say what you need help with.');
    setBusy(true);
    const refused = await refusalOf(run('contact.escalate', { contactId: item.contactId, reason: reason.trim() }));
    setBusy(false);
    if (refused) return setError(refused);
    onClose();
  };
  return (
    <FormDialog title="Ask a supervisor for help" description="Every supervisor of the queue’s team sees it at once; they can take the contact over or advise you." submitLabel="Ask for help" onSubmit={() => void submit()} onClose={onClose} error={error} busy={busy}>
      <TextField label="What do you need?" value={reason} onChange={(event) => setReason(event.target.value)} multiline minRows={2} autoFocus slotProps={{ htmlInput: { maxLength: 500 } }} />
    </FormDialog>
  );
}

export function AdviseDialog({ item, agentName, onClose }: { item: QueueItem; agentName: string; onClose: () => void }) {
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!body.trim()) return setError('Write your advice.');
    setBusy(true);
    const refused = await refusalOf(run('contact.advise', { id: crypto.randomUUID(), contactId: item.contactId, body: body.trim() }));
    setBusy(false);
    if (refused) return setError(refused);
    onClose();
  };
  return (
    <FormDialog title={`Advise ${agentName}`} description={item.escalation ? `They asked: “${item.escalation.reason}”` : undefined} submitLabel="Send advice" onSubmit={() => void submit()} onClose={onClose} error={error} busy={busy}>
      <TextField label="Advice" value={body} onChange={(event) => setBody(event.target.value)} multiline minRows={3} autoFocus slotProps={{ htmlInput: { maxLength: 4000 } }} />
    </FormDialog>
  );
}
