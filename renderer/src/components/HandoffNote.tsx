import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Typography from '@mui/material/Typography';
import type { QueueItem } from '@core/domain/model';
import { usePersonName } from '../data/handoff';

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** The last hand-over's note, read before anything else about the contact. */
export function HandoffNote({ handoff }: { handoff: NonNullable<QueueItem['handoff']> }) {
  const from = usePersonName(handoff.fromId) ?? 'A colleague';
  return (
    <Alert severity="info" data-testid="handoff-note" component="section" aria-label="Hand-over note">
      <AlertTitle>
        Transferred by {from} at {timeFormat.format(handoff.at)}: {handoff.reason}
      </AlertTitle>
      {handoff.note && (
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
          {handoff.note}
        </Typography>
      )}
    </Alert>
  );
}

