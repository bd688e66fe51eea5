import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import Stack from '@mui/material/Stack';
import { useDb, useRejections } from '../data/hooks';
import { useRejectionText } from '../lib/i18n/said';
import { useAppState } from '../state/app';

const WHAT: Record<string, string> = {
  'contact.claim': 'Taking a contact',
  'contact.release': 'Releasing a contact',
  'contact.decline': 'Declining a contact',
  'contact.endConversation': 'Ending a conversation',
  'contact.addNote': 'A note',
  'contact.reply': 'A reply',
  'contact.wrapUp': 'A wrap-up',
  'contact.transfer': 'A transfer',
  'contact.escalate': 'Asking for help',
  'contact.takeOver': 'Taking over a contact',
  'contact.advise': 'Advice',
  'customer.update': 'A customer change',
  'followUp.schedule': 'A follow-up',
  'followUp.reschedule': 'Rescheduling a follow-up',
  'followUp.complete': 'Completing a follow-up',
  'followUp.cancel': 'Cancelling a follow-up',
  'survey.record': 'A survey answer',
  'presence.set': 'A presence change',
  'presence.setFor': 'Setting someone’s presence',
  'script.save': 'A script change',
  'script.publish': 'Publishing a script',
};

/**
 * Changes the hub refused (kept until dismissed, so none goes unseen) and
 * short messages about the person's own actions.
 */
export function Notices() {
  const db = useDb();
  const rejections = useRejections();
  const rejectionText = useRejectionText();
  const toast = useAppState((state) => state.toast);
  const shown = rejections.slice(0, 3);
  return (
    <>
      {shown.length > 0 && (
        <Stack spacing={1} sx={{ position: 'fixed', right: 16, bottom: 16, zIndex: 1400, width: 400, maxWidth: 'calc(100vw - 32px)' }} aria-label="Changes the hub refused">
          {shown.map((rejection) => (
            <Alert
              key={rejection.id}
              severity="warning"
              variant="filled"
              role="alert"
              action={
                <Button color="inherit" size="small" onClick={() => void db?.rejections.delete(rejection.id)}>
                  Dismiss
                </Button>
              }
            >
              <AlertTitle>{WHAT[rejection.name] ?? 'A change'} was not saved</AlertTitle>
              {rejectionText(rejection)}
              {rejections.length > shown.length && rejection === shown.at(-1) ? ` (and ${rejections.length - shown.length} more)` : ''}
            </Alert>
          ))}
        </Stack>
      )}
      <Snackbar
        key={toast?.id}
        open={toast !== null}
        autoHideDuration={6000}
        onClose={() => useAppState.setState({ toast: null })}
        message={toast?.text}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
      />
    </>
  );
}
