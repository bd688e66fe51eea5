import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { useIntl } from 'react-intl';
import { useLocal } from '../data/local';

interface Props {
  /** "Getting your queue ready…" */
  title: string;
  /** Placeholder rows shaped like the list to come. */
  rows?: number;
}

/**
 * What a screen shows until the first essentials are on this device: a
 * progress line and placeholder rows, never an empty state that would say
 * there is nothing when it has not arrived yet.
 */
export function GettingReady({ title, rows = 6 }: Props) {
  const intl = useIntl();
  const sync = useLocal((state) => state.sync);
  const networkOnline = useLocal((state) => state.networkOnline);
  const unreachable = !networkOnline || sync.state === 'offline' || sync.state === 'error';
  const { received = 0, total = null } = sync.bootstrap ?? {};
  const percent = total ? Math.min(100, Math.round((received / total) * 100)) : undefined;
  const detail = unreachable
    ? intl.formatMessage({ id: 'common.gettingReady.unreachable', defaultMessage: 'The hub cannot be reached yet: this appears as soon as it can.' })
    : percent !== undefined
      ? intl.formatMessage({ id: 'common.gettingReady.percent', defaultMessage: '{share, number, percent} of your work is here.' }, { share: percent / 100 })
      : sync.state === 'starting'
        ? intl.formatMessage({ id: 'common.gettingReady.connecting', defaultMessage: 'Connecting to the hub…' })
        : intl.formatMessage({ id: 'common.gettingReady.fetching', defaultMessage: 'Fetching what you need first from the hub…' });
  return (
    <Box role="status" aria-live="polite" aria-busy="true" data-testid="getting-ready" sx={{ p: 2 }}>
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {title}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="div">
        {detail}
      </Typography>
      <LinearProgress
        variant={percent === undefined ? 'indeterminate' : 'determinate'}
        value={percent ?? 0}
        aria-label={title}
        sx={{ my: 1.5, visibility: unreachable ? 'hidden' : undefined }}
      />
      <Box aria-hidden>
        {Array.from({ length: rows }, (_, index) => (
          <Box key={index} sx={{ display: 'grid', gridTemplateColumns: '28px 1.2fr 2fr 80px 90px 170px', gap: 1.5, alignItems: 'center', py: 1.25 }}>
            <Skeleton variant="circular" width={24} height={24} />
            <Skeleton variant="text" />
            <Skeleton variant="text" />
            <Skeleton variant="text" />
            <Skeleton variant="rounded" height={20} />
            <Skeleton variant="rounded" height={20} />
          </Box>
        ))}
      </Box>
    </Box>
  );
}
