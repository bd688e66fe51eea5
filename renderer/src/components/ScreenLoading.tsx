import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import { keyframes } from '@mui/material/styles';
import { useIntl } from 'react-intl';

const appear = keyframes`from { opacity: 0; } to { opacity: 1; }`;

/**
 * Shown while a screen's code is fetched. It takes the screen's whole area so
 * nothing moves when the screen arrives, and stays blank for the usual few
 * milliseconds (screens are warmed while the agent is idle): a progress bar
 * fades in only when the fetch is really slow, instead of flashing.
 */
export function ScreenLoading() {
  const intl = useIntl();
  return (
    <Box data-testid="screen-loading" aria-busy="true" sx={{ height: '100%', minHeight: 0 }}>
      <LinearProgress aria-label={intl.formatMessage({ id: 'common.screenLoading.label', defaultMessage: 'Opening the screen' })} sx={{ opacity: 0, animation: `${appear} 200ms ease-in 600ms forwards` }} />
    </Box>
  );
}
