/** On a demo hub, every screen says so: its accounts have a known password. */
import Alert from '@mui/material/Alert';
import { FormattedMessage } from 'react-intl';
import { useAppState } from '../state/app';

export function DemoBanner() {
  const demo = useAppState((state) => state.health?.demo ?? null);
  if (!demo) return null;
  return (
    <Alert severity="warning" role="note" data-testid="demo-banner" sx={{ borderRadius: 0, py: 0 }}>
      <FormattedMessage
        id="shell.demo.banner"
        defaultMessage="Demo hub: sample customers, and every demo account’s password is “demo”. Not for real customers."
      />
    </Alert>
  );
}
