import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Toolbar from '@mui/material/Toolbar';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import KeyboardOutlined from '@mui/icons-material/KeyboardOutlined';
import Search from '@mui/icons-material/Search';
import { FormattedMessage, useIntl } from 'react-intl';
import logo from '../../../assets/icon.svg';
import { useLocal } from '../data/local';
import { ariaKeys, keyHint } from '../lib/commands/useCommands';
import { useAppState } from '../state/app';
import { AccountMenu } from './AccountMenu';
import { ConnectionIndicator } from './ConnectionIndicator';
import { NotificationsMenu } from './NotificationsMenu';
import { PresenceMenu } from './PresenceMenu';

/** The product's name, the same in every language. */
export const PRODUCT_NAME = 'AgentDesk';

/** The first full sync on a device: how far it has got. */
function BootstrapProgress() {
  const intl = useIntl();
  const bootstrap = useLocal((state) => state.sync.bootstrap);
  if (!bootstrap) return null;
  const { received, total } = bootstrap;
  const percent = total ? Math.min(100, Math.round((received / total) * 100)) : undefined;
  const text = total
    ? intl.formatMessage(
        { id: 'shell.topBar.bootstrapOf', defaultMessage: 'Getting your work ready: {received, number} of {total, plural, one {# record} other {# records}}' },
        { received, total },
      )
    : intl.formatMessage({ id: 'shell.topBar.bootstrap', defaultMessage: 'Getting your work ready: {received, plural, one {# record} other {# records}}' }, { received });
  return (
    <Box sx={{ px: 2, pb: 0.75 }} role="status" aria-live="polite">
      <Typography variant="caption" color="text.secondary">
        {text}
      </Typography>
      <LinearProgress variant={percent === undefined ? 'indeterminate' : 'determinate'} value={percent ?? 0} aria-label={text} sx={{ mt: 0.5 }} />
    </Box>
  );
}

export function TopBar() {
  const intl = useIntl();
  const setShortcutsOpen = useAppState((state) => state.setShortcutsOpen);
  const setPaletteOpen = useAppState((state) => state.setPaletteOpen);
  return (
    <AppBar position="static" color="inherit" elevation={0} sx={{ borderBottom: 1, borderColor: 'divider' }}>
      <Toolbar variant="dense" sx={{ gap: 1.5, minHeight: 52 }}>
        <Box component="img" src={logo} alt="" sx={{ width: 28, height: 28 }} />
        <Typography component="div" variant="h6" sx={{ fontWeight: 700, letterSpacing: 0.2 }}>
          {PRODUCT_NAME}
        </Typography>
        <Box sx={{ flex: 1 }} />
        <Button
          color="inherit"
          size="small"
          variant="outlined"
          startIcon={<Search fontSize="small" />}
          onClick={() => setPaletteOpen(true)}
          aria-keyshortcuts={ariaKeys('palette.open')}
          sx={{ color: 'text.secondary', borderColor: 'divider', textTransform: 'none', minWidth: 220, justifyContent: 'flex-start' }}
        >
          <Box component="span" sx={{ flex: 1, textAlign: 'left' }}>
            <FormattedMessage id="shell.topBar.search" defaultMessage="Search and commands" />
          </Box>
          <Box component="kbd" sx={{ fontFamily: 'inherit', fontSize: '0.75rem', ml: 1 }}>
            {keyHint('palette.open')}
          </Box>
        </Button>
        <ConnectionIndicator />
        <PresenceMenu />
        <NotificationsMenu />
        <Tooltip title={intl.formatMessage({ id: 'shell.topBar.shortcutsTooltip', defaultMessage: 'Keyboard shortcuts ({keys})' }, { keys: keyHint('shortcuts.show') })}>
          <IconButton aria-label={intl.formatMessage({ id: 'shell.topBar.shortcuts', defaultMessage: 'Keyboard shortcuts' })} aria-keyshortcuts={ariaKeys('shortcuts.show')} onClick={() => setShortcutsOpen(true)} size="small">
            <KeyboardOutlined fontSize="small" />
          </IconButton>
        </Tooltip>
        <AccountMenu />
      </Toolbar>
      <BootstrapProgress />
    </AppBar>
  );
}
