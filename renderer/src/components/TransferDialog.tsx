/**
 * Transferring a contact, in a keyboard-first dialog: to another queue, or to a
 * named person there, with a reason and a note the next agent reads first.
 * The agent holding a contact and a supervisor on the floor view use it.
 */
import { useState } from 'react';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useIntl } from 'react-intl';
import { PRESENCE_MESSAGES, type QueueItem } from '@core/domain/model';
import { cancelContactDrafts } from '../data/drafts';
import { useHandoffDirectory } from '../data/handoff';
import { refusalOf, run, useLocal } from '../data/local';
import { FormDialog } from './FormDialog';

const ANYONE = '';

/**
 * `handsOver`: the person transferring holds the contact, so its drafts go in the transfer's own transaction (a page
 * closed a moment later must not bring them back on a contact that is no longer theirs).
 */
export function TransferDialog({ item, handsOver = false, onClose, onDone }: { item: QueueItem; handsOver?: boolean; onClose: () => void; onDone: (to: string) => void }) {
  const intl = useIntl();
  const directory = useHandoffDirectory();
  const me = useLocal((state) => state.actor?.userId);
  const [queueId, setQueueId] = useState(item.queueId);
  const [agentId, setAgentId] = useState(ANYONE);
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const queue = directory.queues.find((candidate) => candidate.id === queueId);
  const people = directory.people.filter((person) => person.id !== me && queue && person.teamIds.includes(queue.teamId) && person.role !== 'admin');

  const submit = async () => {
    if (!reason.trim()) return setError(intl.formatMessage({ id: 'common.transfer.needReason', defaultMessage: 'Say why it is being transferred: the next agent reads it first.' }));
    // Edits still waiting to be written would land after the transfer's transaction and bring the drafts back.
    if (handsOver) cancelContactDrafts(item.contactId);
    setBusy(true);
    const refused = await refusalOf(
      run('contact.transfer', {
        id: crypto.randomUUID(),
        contactId: item.contactId,
        queueId,
        agentId: agentId || null,
        reason: reason.trim(),
        note: note.trim(),
        fromQueueId: item.queueId,
        lastHandoffAt: item.handoff?.at ?? null,
      }, handsOver ? { drafts: { contactId: item.contactId } } : {}),
    );
    setBusy(false);
    if (refused) return setError(refused);
    const person = people.find((candidate) => candidate.id === agentId);
    onDone(
      person
        ? person.name
        : intl.formatMessage(
            { id: 'common.transfer.theQueue', defaultMessage: '{known, select, yes {the {queue} queue} other {the other queue}}' },
            { known: queue ? 'yes' : 'no', queue: queue?.name ?? '' },
          ),
    );
  };

  return (
    <FormDialog
      title={intl.formatMessage({ id: 'common.transfer.title', defaultMessage: 'Transfer this contact' })}
      description={intl.formatMessage({
        id: 'common.transfer.description',
        defaultMessage: 'To another queue, or to someone there: they are offered it first, and it goes back to the queue if they cannot take it.',
      })}
      submitLabel={intl.formatMessage({ id: 'common.transfer.submit', defaultMessage: 'Transfer' })}
      onSubmit={() => void submit()} onClose={onClose} error={error} busy={busy}>
      <TextField
        select
        label={intl.formatMessage({ id: 'common.transfer.queue', defaultMessage: 'Queue' })}
        value={queueId}
        onChange={(event) => {
          setQueueId(event.target.value);
          setAgentId(ANYONE);
        }}
        autoFocus
      >
        {directory.queues.map((candidate) => (
          <MenuItem key={candidate.id} value={candidate.id}>
            {candidate.id === item.queueId
              ? intl.formatMessage({ id: 'common.transfer.currentQueue', defaultMessage: '{queue} (where it is now)' }, { queue: candidate.name })
              : candidate.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        label={intl.formatMessage({ id: 'common.transfer.offerTo', defaultMessage: 'Offer it to' })}
        value={agentId}
        onChange={(event) => setAgentId(event.target.value)}
        helperText={intl.formatMessage({ id: 'common.transfer.offerToHelp', defaultMessage: 'Someone who works this queue; the hub checks they are available.' })}
      >
        <MenuItem value={ANYONE}>{intl.formatMessage({ id: 'common.transfer.anyone', defaultMessage: 'Whoever is next in the queue' })}</MenuItem>
        {people.map((person) => {
          const presence = directory.presence.get(person.id);
          return (
            <MenuItem key={person.id} value={person.id}>
              {presence
                ? intl.formatMessage(
                    { id: 'common.transfer.personWithPresence', defaultMessage: '{name} · {presence}' },
                    { name: person.name, presence: intl.formatMessage(PRESENCE_MESSAGES[presence]) },
                  )
                : person.name}
            </MenuItem>
          );
        })}
      </TextField>
      <TextField label={intl.formatMessage({ id: 'common.transfer.reason', defaultMessage: 'Reason' })} value={reason} onChange={(event) => setReason(event.target.value)} required slotProps={{ htmlInput: { maxLength: 120 } }} />
      <TextField
        label={intl.formatMessage({ id: 'common.transfer.note', defaultMessage: 'Note for the next agent' })}
        value={note} onChange={(event) => setNote(event.target.value)} multiline minRows={3} slotProps={{ htmlInput: { maxLength: 4000 } }} placeholder={intl.formatMessage({ id: 'common.transfer.notePlaceholder', defaultMessage: 'What was said and tried (Ctrl+Enter to transfer)' })} />
    </FormDialog>
  );
}
