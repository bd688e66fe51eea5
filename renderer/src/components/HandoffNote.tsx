import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Typography from '@mui/material/Typography';
import type { QueueItem } from '@core/domain/model';
import { useIntl } from 'react-intl';
import { usePersonName } from '../data/handoff';
import { useFormat } from '../lib/i18n';

/** The last hand-over's note, read before anything else about the contact. */
export function HandoffNote({ handoff }: { handoff: NonNullable<QueueItem['handoff']> }) {
  const intl = useIntl();
  const format = useFormat();
  const from = usePersonName(handoff.fromId);
  return (
    <Alert
      severity="info"
      data-testid="handoff-note"
      component="section"
      aria-label={intl.formatMessage({ id: 'common.handoff.label', defaultMessage: 'Hand-over note' })}
    >
      <AlertTitle>
        {intl.formatMessage(
          {
            id: 'common.handoff.title',
            defaultMessage: '{known, select, yes {Transferred by {from} at {time}: {reason}} other {Transferred by a colleague at {time}: {reason}}}',
          },
          { known: from ? 'yes' : 'no', from: from ?? '', time: format.time(handoff.at), reason: handoff.reason },
        )}
      </AlertTitle>
      {handoff.note && (
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
          {handoff.note}
        </Typography>
      )}
    </Alert>
  );
}

