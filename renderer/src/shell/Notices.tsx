import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import Stack from '@mui/material/Stack';
import { defineMessages, useIntl, type MessageDescriptor } from 'react-intl';
import { COMMON } from '../components/commonMessages';
import { useDb, useRejections } from '../data/hooks';
import { useRejectionText } from '../lib/i18n/said';
import { useAppState } from '../state/app';

/** What was not saved, as one sentence per kind of change (so each language words the whole of it). */
const NOT_SAVED = defineMessages({
  'contact.claim': { id: 'notices.rejected.contactClaim', defaultMessage: 'Taking a contact was not saved' },
  'contact.release': { id: 'notices.rejected.contactRelease', defaultMessage: 'Releasing a contact was not saved' },
  'contact.decline': { id: 'notices.rejected.contactDecline', defaultMessage: 'Declining a contact was not saved' },
  'contact.endConversation': { id: 'notices.rejected.contactEndConversation', defaultMessage: 'Ending a conversation was not saved' },
  'contact.addNote': { id: 'notices.rejected.contactAddNote', defaultMessage: 'A note was not saved' },
  'contact.reply': { id: 'notices.rejected.contactReply', defaultMessage: 'A reply was not saved' },
  'contact.wrapUp': { id: 'notices.rejected.contactWrapUp', defaultMessage: 'A wrap-up was not saved' },
  'contact.transfer': { id: 'notices.rejected.contactTransfer', defaultMessage: 'A transfer was not saved' },
  'contact.escalate': { id: 'notices.rejected.contactEscalate', defaultMessage: 'Asking for help was not saved' },
  'contact.takeOver': { id: 'notices.rejected.contactTakeOver', defaultMessage: 'Taking over a contact was not saved' },
  'contact.advise': { id: 'notices.rejected.contactAdvise', defaultMessage: 'Advice was not saved' },
  'customer.update': { id: 'notices.rejected.customerUpdate', defaultMessage: 'A customer change was not saved' },
  'followUp.schedule': { id: 'notices.rejected.followUpSchedule', defaultMessage: 'A follow-up was not saved' },
  'followUp.reschedule': { id: 'notices.rejected.followUpReschedule', defaultMessage: 'Rescheduling a follow-up was not saved' },
  'followUp.complete': { id: 'notices.rejected.followUpComplete', defaultMessage: 'Completing a follow-up was not saved' },
  'followUp.cancel': { id: 'notices.rejected.followUpCancel', defaultMessage: 'Cancelling a follow-up was not saved' },
  'survey.record': { id: 'notices.rejected.surveyRecord', defaultMessage: 'A survey answer was not saved' },
  'presence.set': { id: 'notices.rejected.presenceSet', defaultMessage: 'A presence change was not saved' },
  'presence.setFor': { id: 'notices.rejected.presenceSetFor', defaultMessage: 'Setting someone’s presence was not saved' },
  'script.save': { id: 'notices.rejected.scriptSave', defaultMessage: 'A script change was not saved' },
  'script.publish': { id: 'notices.rejected.scriptPublish', defaultMessage: 'Publishing a script was not saved' },
}) as Record<string, MessageDescriptor>;

const SOME_CHANGE: MessageDescriptor = defineMessages({ notSaved: { id: 'notices.rejected.other', defaultMessage: 'A change was not saved' } }).notSaved;

/**
 * Changes the hub refused (kept until dismissed, so none goes unseen) and
 * short messages about the person's own actions.
 */
export function Notices() {
  const intl = useIntl();
  const db = useDb();
  const rejections = useRejections();
  const rejectionText = useRejectionText();
  const toast = useAppState((state) => state.toast);
  const shown = rejections.slice(0, 3);
  return (
    <>
      {shown.length > 0 && (
        <Stack spacing={1} sx={{ position: 'fixed', right: 16, bottom: 16, zIndex: 1400, width: 400, maxWidth: 'calc(100vw - 32px)' }} aria-label={intl.formatMessage({ id: 'notices.rejected.region', defaultMessage: 'Changes the hub refused' })}>
          {shown.map((rejection) => (
            <Alert
              key={rejection.id}
              severity="warning"
              variant="filled"
              role="alert"
              action={
                <Button color="inherit" size="small" onClick={() => void db?.rejections.delete(rejection.id)}>
                  {intl.formatMessage(COMMON.dismiss)}
                </Button>
              }
            >
              <AlertTitle>{intl.formatMessage(NOT_SAVED[rejection.name] ?? SOME_CHANGE)}</AlertTitle>
              {rejections.length > shown.length && rejection === shown.at(-1)
                ? intl.formatMessage(
                    { id: 'notices.rejected.andMore', defaultMessage: '{message} (and {count, number} more)' },
                    { message: rejectionText(rejection), count: rejections.length - shown.length },
                  )
                : rejectionText(rejection)}
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
