import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import { useIntl } from 'react-intl';
import { COMMON } from '../components/commonMessages';
import { hushUpdateForContact, postponeUpdate, reloadIntoUpdate, useAppUpdate } from '../state/appUpdate';
import { updateNotice } from '../state/updatePolicy';

/**
 * A quiet notice that a new version of the web workstation is ready. The agent reloads when it
 * suits them; while they are mid-contact it only says the reload will be offered afterwards.
 */
export function UpdateNotice() {
  const intl = useIntl();
  const { waiting, postponed, midContact, hushedForContact } = useAppUpdate();
  const notice = updateNotice({ waiting, midContact, postponed, hushedForContact });
  if (notice === 'none') return null;
  return (
    <Snackbar open anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}>
      <Alert
        severity="info"
        variant="outlined"
        role="status"
        data-testid="update-notice"
        sx={{ bgcolor: 'background.paper', alignItems: 'center', maxWidth: 520 }}
        action={
          notice === 'offer' ? (
            <>
              <Button color="inherit" size="small" onClick={() => reloadIntoUpdate(midContact)}>
                {intl.formatMessage({ id: 'shell.update.reload', defaultMessage: 'Reload' })}
              </Button>
              <Button color="inherit" size="small" onClick={postponeUpdate}>
                {intl.formatMessage({ id: 'shell.update.later', defaultMessage: 'Later' })}
              </Button>
            </>
          ) : (
            <Button color="inherit" size="small" onClick={hushUpdateForContact}>
              {intl.formatMessage(COMMON.ok)}
            </Button>
          )
        }
      >
        {notice === 'offer'
          ? intl.formatMessage({ id: 'shell.update.ready', defaultMessage: 'A new version of AgentDesk is ready.' })
          : intl.formatMessage({
              id: 'shell.update.readyAfterContact',
              defaultMessage: 'A new version of AgentDesk is ready. Reloading will be offered when you finish this contact.',
            })}
      </Alert>
    </Snackbar>
  );
}
