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
import { FormattedMessage, useIntl } from 'react-intl';
import { COMMON, ROLE_MESSAGES } from '../components/commonMessages';
import { usePendingCount } from '../data/hooks';
import { useAppState } from '../state/app';
import { signOut, useSession } from '../state/session';

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
  const intl = useIntl();
  const user = useSession((state) => state.session?.user);
  const pending = usePendingCount();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const confirming = useAppState((state) => state.signOutOpen);
  const setConfirming = useAppState((state) => state.setSignOutOpen);
  const [wipe, setWipe] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!user) return null;
  const role = intl.formatMessage(ROLE_MESSAGES[user.role]);

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
        aria-label={intl.formatMessage({ id: 'shell.account.button', defaultMessage: 'Signed in as {name}, {role}. Account menu' }, { name: user.name, role })}
        onClick={(event) => setAnchor(event.currentTarget)}
        startIcon={<Avatar sx={{ width: 32, height: 32, fontSize: 12, fontWeight: 600, bgcolor: 'primary.main' }}>{initials(user.name)}</Avatar>}
      >
        <span>
          <Typography component="span" variant="body2" sx={{ fontWeight: 600, display: 'block', lineHeight: 1.2, textAlign: 'left' }}>
            {user.name}
          </Typography>
          <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block', lineHeight: 1.2, textAlign: 'left' }}>
            {role}
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
          <ListItemText>
            <FormattedMessage id="shell.account.signOut" defaultMessage="Sign out…" />
          </ListItemText>
        </MenuItem>
      </Menu>
      <Dialog open={confirming} onClose={close} aria-labelledby="sign-out-title">
        <DialogTitle id="sign-out-title">
          <FormattedMessage id="shell.account.confirm.title" defaultMessage="Sign out of AgentDesk?" />
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            {pending > 0 ? (
              <FormattedMessage
                id="shell.account.confirm.pending"
                defaultMessage="{count, plural, one {# change has} other {# changes have}} not reached the hub yet. They stay on this device and sync the next time you sign in here."
                values={{ count: pending }}
              />
            ) : (
              <FormattedMessage id="shell.account.confirm.inStep" defaultMessage="Your work is all in step with the hub." />
            )}
          </DialogContentText>
          <FormControlLabel
            sx={{ mt: 1 }}
            control={<Checkbox checked={wipe} onChange={(event) => setWipe(event.target.checked)} />}
            label={intl.formatMessage({ id: 'shell.account.confirm.wipe', defaultMessage: 'Also remove my data from this device' })}
          />
          {wipe && pending > 0 && (
            <DialogContentText color="error" role="alert">
              <FormattedMessage
                id="shell.account.confirm.wipeLoses"
                defaultMessage="Removing your data now loses {count, plural, one {that change} other {those # changes}}."
                values={{ count: pending }}
              />
            </DialogContentText>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={close}>{intl.formatMessage(COMMON.cancel)}</Button>
          <Button variant="contained" color={wipe && pending > 0 ? 'error' : 'primary'} onClick={confirm} disabled={busy}>
            {wipe
              ? intl.formatMessage({ id: 'shell.account.confirm.signOutAndWipe', defaultMessage: 'Sign out and remove data' })
              : intl.formatMessage({ id: 'shell.account.confirm.signOut', defaultMessage: 'Sign out' })}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
