/** Says that a customer's older history is being fetched back from the hub (or why it could not be), never a silently short history. */
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import { FormattedMessage } from 'react-intl';
import { useEvictedHistory } from '../../data/evictedHistory';

export function EvictedHistoryNotice({ customerId }: { customerId: string }) {
  const history = useEvictedHistory(customerId);
  if (history.state === 'complete') return null;
  if (history.state === 'fetching') {
    return (
      <Alert severity="info" role="status" sx={{ mx: 2, mb: 1 }} data-testid="evicted-history">
        <FormattedMessage id="customer.evicted.fetching" defaultMessage="Fetching this customer's older history from the hub…" />
        <LinearProgress sx={{ mt: 1 }} aria-hidden />
      </Alert>
    );
  }
  return (
    <Alert
      severity="warning"
      sx={{ mx: 2, mb: 1 }}
      data-testid="evicted-history"
      action={
        <Button color="inherit" size="small" onClick={history.retry}>
          <FormattedMessage id="customer.evicted.retry" defaultMessage="Try again" />
        </Button>
      }
    >
      <FormattedMessage
        id="customer.evicted.failed"
        defaultMessage="This customer's older history is on the hub only and could not be fetched: {error}"
        values={{ error: history.error }}
      />
    </Alert>
  );
}
