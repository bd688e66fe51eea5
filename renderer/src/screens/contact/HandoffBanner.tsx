import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { FormattedMessage, useIntl } from 'react-intl';
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
  const intl = useIntl();
  const asker = usePersonName(escalation.byId);
  const supervisor = usePersonName(escalation.supervisorId);
  if (supervising && escalation.state === 'open') {
    return (
      <Alert
        severity="warning"
        data-testid="escalation"
        action={
          <Stack direction="row" spacing={1}>
            <Button size="small" variant="contained" onClick={onTakeOver}>
              <FormattedMessage id="contact.escalation.takeOver" defaultMessage="Take over" />
            </Button>
            <Button size="small" onClick={onAdvise}>
              <FormattedMessage id="contact.escalation.advise" defaultMessage="Advise…" />
            </Button>
          </Stack>
        }
      >
        <AlertTitle>
          {asker ? (
            <FormattedMessage id="contact.escalation.asks" defaultMessage="{name} asks for help" values={{ name: asker.split(/\s+/)[0] }} />
          ) : (
            <FormattedMessage id="contact.escalation.someoneAsks" defaultMessage="An agent asks for help" />
          )}
        </AlertTitle>
        {escalation.reason}
      </Alert>
    );
  }
  const who = supervisor ?? intl.formatMessage({ id: 'contact.escalation.aSupervisor', defaultMessage: 'A supervisor' });
  const text =
    escalation.state === 'open'
      ? intl.formatMessage({ id: 'contact.escalation.asked', defaultMessage: 'You asked a supervisor for help: “{reason}”. They have been told.' }, { reason: escalation.reason })
      : escalation.state === 'advised'
        ? advice
          ? intl.formatMessage({ id: 'contact.escalation.advises', defaultMessage: '{name} advises: {advice}' }, { name: who, advice })
          : intl.formatMessage({ id: 'contact.escalation.advisesSeeTimeline', defaultMessage: '{name} advises: see the timeline.' }, { name: who })
        : intl.formatMessage({ id: 'contact.escalation.tookOver', defaultMessage: '{name} took this contact over.' }, { name: who });
  return (
    <Alert severity={escalation.state === 'open' ? 'warning' : 'success'} data-testid="escalation" role="status">
      {text}
    </Alert>
  );
}
