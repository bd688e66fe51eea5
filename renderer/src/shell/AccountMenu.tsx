import { useState } from 'react';
import Avatar from '@mui/material/Avatar';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import Logout from '@mui/icons-material/Logout';
import { usePendingCount } from '../data/hooks';
import { useAppState } from '../state/app';
import { signOut, useSession } from '../state/session';

const ROLE_LABELS = { agent: 'Agent', supervisor: 'Supervisor', admin: 'Administrator' } as const;

function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((part) => part[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
}

/** Who is signed in, and signing out (optionally removing this person's data from the device). */
export function AccountMenu() {
  const user = useSession((state) => state.session?.user);
  const pending = usePendingCount();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const confirming = useAppState((state) => state.signOutOpen);
  const setConfirming = useAppState((state) => state.setSignOutOpen);
  const [wipe, setWipe] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!user) return null;

  // Closing forgets the choice, so the next confirmation (from here or the palette) starts unticked.
  const close = () => {
    setConfirming(false);
    setWipe(false);
  };
  const confirm = () => {
    setBusy(true);
    void signOut({ wipe }).finally(() => setBusy(false));
  };
  return (
    <>
      <Button
        id="account-button"
        color="inherit"
        size="small"
        aria-haspopup="menu"
        aria-expanded={anchor !== null}
        aria-label={`Signed in as ${user.name}, ${ROLE_LABELS[user.role]}. Account menu`}
        onClick={(event) => setAnchor(event.currentTarget)}
        startIcon={<Avatar sx={{ width: 32, height: 32, fontSize: 12, fontWeight: 600, bgcolor: 'primary.main' }}>{initials(user.name)}</Avatar>}
      >
        <span>
          <Typography component="span" variant="body2" sx={{ fontWeight: 600, display: 'block', lineHeight: 1.2, textAlign: 'left' }}>
            {user.name}
          </Typography>
          <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block', lineHeight: 1.2, textAlign: 'left' }}>
            {ROLE_LABELS[user.role]}
          </Typography>
        </span>
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)} slotProps={{ list: { 'aria-labelledby': 'account-button' } }}>
        <MenuItem
          onClick={() => {
            setAnchor(null);
            setWipe(false);
            setConfirming(true);
          }}
        >
          <ListItemIcon>
            <Logout fontSize="small" />
          </ListItemIcon>
          <ListItemText>Sign out…</ListItemText>
        </MenuItem>
      </Menu>
      <Dialog open={confirming} onClose={close} aria-labelledby="sign-out-title">
        <DialogTitle id="sign-out-title">Sign out of AgentDesk?</DialogTitle>
        <DialogContent>
          <DialogContentText>
            {pending > 0
              ? `${pending === 1 ? '1 change has' : `${pending} changes have`} not reached the hub yet. They stay on this device and sync the next time you sign in here.`
              : 'Your work is all in step with the hub.'}
          </DialogContentText>
          <FormControlLabel
            sx={{ mt: 1 }}
            control={<Checkbox checked={wipe} onChange={(event) => setWipe(event.target.checked)} />}
            label="Also remove my data from this device"
          />
          {wipe && pending > 0 && (
            <DialogContentText color="error" role="alert">
              Removing your data now loses {pending === 1 ? 'that change' : `those ${pending} changes`}.
            </DialogContentText>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>Cancel</Button>
          <Button variant="contained" color={wipe && pending > 0 ? 'error' : 'primary'} onClick={confirm} disabled={busy}>
            {wipe ? 'Sign out and remove data' : 'Sign out'}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
