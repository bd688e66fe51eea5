import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import type { QueueItem } from '@core/domain/model';
import { usePersonName } from '../../data/handoff';

/**
 * Where an escalation stands: for the agent who asked, waiting or answered;
 * for a supervisor of the team, the question and what they can do about it.
 */
export function EscalationBanner({
  escalation,
  advice,
  supervising,
  onTakeOver,
  onAdvise,
}: {
  escalation: NonNullable<QueueItem['escalation']>;
  /** The supervisor's latest advice on this contact, if any. */
  advice: string | null;
  supervising: boolean;
  onTakeOver: () => void;
  onAdvise: () => void;
}) {
  const asker = usePersonName(escalation.byId) ?? 'An agent';
  const supervisor = usePersonName(escalation.supervisorId);
  if (supervising && escalation.state === 'open') {
    return (
      <Alert
        severity="warning"
        data-testid="escalation"
        action={
          <Stack direction="row" spacing={1}>
            <Button size="small" variant="contained" onClick={onTakeOver}>
              Take over
            </Button>
            <Button size="small" onClick={onAdvise}>
              Advise…
            </Button>
          </Stack>
        }
      >
        <AlertTitle>{asker.split(/\s+/)[0]} asks for help</AlertTitle>
        {escalation.reason}
      </Alert>
    );
  }
  const text =
    escalation.state === 'open'
      ? `You asked a supervisor for help: “${escalation.reason}”. They have been told.`
      : escalation.state === 'advised'
        ? `${supervisor ?? 'A supervisor'} advises: ${advice ?? 'see the timeline.'}`
        : `${supervisor ?? 'A supervisor'} took this contact over.`;
  return (
    <Alert severity={escalation.state === 'open' ? 'warning' : 'success'} data-testid="escalation" role="status">
      {text}
    </Alert>
  );
}
