import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import { draftKeys } from '@core/db/drafts';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Contact } from '@core/domain/model';
import { run } from '../../data/local';
import { useAppState } from '../../state/app';
import { takeReplyDraft, useReplyDraft, useWorkspaceRestored, useWorkspaces } from './workspace';

/**
 * The reply box (a note for calls). Ctrl+Enter sends. What is typed is kept as a draft until it is sent.
 * A reply is written in the customer's language (`language`) and in whichever direction its text runs; a call's notes are the agent's own.
 */
export function Composer({ contact, canWrite, language }: { contact: Contact; canWrite: boolean; language: string }) {
  const notify = useAppState((state) => state.notify);
  const intl = useIntl();
  const draft = useReplyDraft(contact.id);
  const restored = useWorkspaceRestored(contact.id);
  const update = (text: string) => useWorkspaces.getState().update(contact.id, { draft: text });
  const isCall = contact.channel === 'call';
  const send = () => {
    if (!draft.trim()) return;
    // The box empties at once; the stored draft goes in the same transaction as the reply, so a reload finds one or the other.
    const body = takeReplyDraft(contact.id).trim();
    const drafts = { keys: [draftKeys.reply(contact.id)] };
    const sent = isCall
      ? run('contact.addNote', { id: crypto.randomUUID(), customerId: contact.customerId, parentId: contact.id, body }, { drafts })
      : run('contact.reply', { id: crypto.randomUUID(), contactId: contact.id, body }, { drafts });
    sent.catch((error: unknown) => {
      // Nothing typed is lost: the text comes back.
      update(body);
      notify(error instanceof Error ? error.message : String(error));
    });
  };
  return (
    <Box>
      {restored && canWrite && (
        <Typography variant="caption" color="text.secondary" role="status" data-testid="draft-restored" sx={{ display: 'flex', alignItems: 'center', gap: 0.5, mb: 0.75 }}>
          <HistoryOutlined fontSize="inherit" aria-hidden />
          <FormattedMessage id="contact.composer.restored" defaultMessage="Draft restored: what you had typed and chosen on this contact was kept." />
        </Typography>
      )}
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}>
        <TextField
          id="composer"
          label={intl.formatMessage(
            { id: 'contact.composer.label', defaultMessage: '{channel, select, call {Call notes} email {Reply by email} chat {Reply by chat} sms {Reply by SMS} social {Reply on social media} other {Note}}' },
            { channel: contact.channel },
          )}
          placeholder={
            isCall
              ? intl.formatMessage({ id: 'contact.composer.callPlaceholder', defaultMessage: 'What was said and agreed (Ctrl+Enter to save)' })
              : intl.formatMessage({ id: 'contact.composer.replyPlaceholder', defaultMessage: 'Write to the customer… (Ctrl+Enter to send)' })
          }
          value={draft}
          onChange={(event) => update(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              send();
            }
          }}
          disabled={!canWrite}
          slotProps={{ htmlInput: { dir: 'auto', lang: isCall ? undefined : language } }}
          multiline
          minRows={3}
          size="small"
          fullWidth
        />
        <Button variant="contained" onClick={send} disabled={!canWrite || !draft.trim()} sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
          {isCall ? <FormattedMessage id="contact.composer.save" defaultMessage="Save" /> : <FormattedMessage id="contact.composer.send" defaultMessage="Send" />}
        </Button>
      </Box>
    </Box>
  );
}
