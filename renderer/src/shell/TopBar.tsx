import AppBar from '@mui/material/AppBar';
import Avatar from '@mui/material/Avatar';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Toolbar from '@mui/material/Toolbar';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import KeyboardOutlined from '@mui/icons-material/KeyboardOutlined';
import PersonOutlined from '@mui/icons-material/PersonOutlined';
import logo from '../../../assets/icon.svg';
import { useAppState } from '../state/app';
import { ConnectionIndicator } from './ConnectionIndicator';
import { PresenceMenu } from './PresenceMenu';

export function TopBar() {
  const setShortcutsOpen = useAppState((state) => state.setShortcutsOpen);
  return (
    <AppBar position="static" color="inherit" elevation={0} sx={{ borderBottom: 1, borderColor: 'divider' }}>
      <Toolbar variant="dense" sx={{ gap: 1.5, minHeight: 52 }}>
        <Box component="img" src={logo} alt="" sx={{ width: 28, height: 28 }} />
        <Typography component="div" variant="h6" sx={{ fontWeight: 700, letterSpacing: 0.2 }}>
          AgentDesk
        </Typography>
        <Box sx={{ flex: 1 }} />
        <ConnectionIndicator />
        <PresenceMenu />
        <Tooltip title="Keyboard shortcuts (?)">
          <IconButton aria-label="Keyboard shortcuts" aria-keyshortcuts="?" onClick={() => setShortcutsOpen(true)} size="small">
            <KeyboardOutlined fontSize="small" />
          </IconButton>
        </Tooltip>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }} aria-label="Agent: not signed in">
          <Avatar sx={{ width: 30, height: 30 }} aria-hidden>
            <PersonOutlined fontSize="small" />
          </Avatar>
          <Typography variant="body2" color="text.secondary">
            Not signed in
          </Typography>
        </Box>
      </Toolbar>
    </AppBar>
  );
}
