/** Asking for help on a contact, and (supervisors) advising on it, each in a keyboard-first dialog. */
import { useState } from 'react';
import TextField from '@mui/material/TextField';
import { useIntl } from 'react-intl';
import type { QueueItem } from '@core/domain/model';
import { FormDialog } from '../../components/FormDialog';
import { refusalOf, run } from '../../data/local';

export function EscalateDialog({ item, onClose }: { item: QueueItem; onClose: () => void }) {
  const intl = useIntl();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!reason.trim()) return setError(intl.formatMessage({ id: 'contact.escalate.needReason', defaultMessage: 'Say what you need help with.' }));
    setBusy(true);
    const refused = await refusalOf(run('contact.escalate', { contactId: item.contactId, reason: reason.trim() }));
    setBusy(false);
    if (refused) return setError(refused);
    onClose();
  };
  return (
    <FormDialog
      title={intl.formatMessage({ id: 'contact.escalate.title', defaultMessage: 'Ask a supervisor for help' })}
      description={intl.formatMessage({ id: 'contact.escalate.description', defaultMessage: 'Every supervisor of the queue’s team sees it at once; they can take the contact over or advise you.' })}
      submitLabel={intl.formatMessage({ id: 'contact.escalate.submit', defaultMessage: 'Ask for help' })}
      onSubmit={() => void submit()}
      onClose={onClose}
      error={error}
      busy={busy}
    >
      <TextField label={intl.formatMessage({ id: 'contact.escalate.reason', defaultMessage: 'What do you need?' })} value={reason} onChange={(event) => setReason(event.target.value)} multiline minRows={2} autoFocus slotProps={{ htmlInput: { maxLength: 500 } }} />
    </FormDialog>
  );
}

export function AdviseDialog({ item, agentName, onClose }: { item: QueueItem; agentName: string | null; onClose: () => void }) {
  const intl = useIntl();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!body.trim()) return setError(intl.formatMessage({ id: 'contact.advise.needBody', defaultMessage: 'Write your advice.' }));
    setBusy(true);
    const refused = await refusalOf(run('contact.advise', { id: crypto.randomUUID(), contactId: item.contactId, body: body.trim() }));
    setBusy(false);
    if (refused) return setError(refused);
    onClose();
  };
  return (
    <FormDialog
      title={
        agentName
          ? intl.formatMessage({ id: 'contact.advise.title', defaultMessage: 'Advise {name}' }, { name: agentName })
          : intl.formatMessage({ id: 'contact.advise.titleSomeone', defaultMessage: 'Advise the agent' })
      }
      description={item.escalation ? intl.formatMessage({ id: 'contact.advise.asked', defaultMessage: 'They asked: “{reason}”' }, { reason: item.escalation.reason }) : undefined}
      submitLabel={intl.formatMessage({ id: 'contact.advise.submit', defaultMessage: 'Send advice' })}
      onSubmit={() => void submit()}
      onClose={onClose}
      error={error}
      busy={busy}
    >
      <TextField label={intl.formatMessage({ id: 'contact.advise.body', defaultMessage: 'Advice' })} value={body} onChange={(event) => setBody(event.target.value)} multiline minRows={3} autoFocus slotProps={{ htmlInput: { maxLength: 4000 } }} />
    </FormDialog>
  );
}
