import type { ReactNode } from 'react';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useIntl } from 'react-intl';
import { GettingReady } from '../components/GettingReady';
import { useEssentialsLocal } from '../data/essentials';

interface Props {
  icon: ReactNode;
  title: string;
  children?: ReactNode;
}

/** "Nothing here", said only once the first essentials are on this device: before that, nothing may simply not have arrived. */
export function EmptyState({ icon, title, children }: Props) {
  const intl = useIntl();
  const ready = useEssentialsLocal();
  if (!ready) {
    return (
      <Paper variant="outlined">
        <GettingReady title={intl.formatMessage({ id: 'shell.empty.gettingReady', defaultMessage: 'Getting your work ready…' })} rows={3} />
      </Paper>
    );
  }
  return (
    <Paper
      variant="outlined"
      sx={{ p: 6, display: 'flex', flexDirection: 'column', alignItems: 'center', textAlign: 'center', gap: 1.5 }}
    >
      <div aria-hidden style={{ fontSize: 0 }}>
        {icon}
      </div>
      <Typography variant="h2">{title}</Typography>
      {children && (
        <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 520 }}>
          {children}
        </Typography>
      )}
    </Paper>
  );
}
