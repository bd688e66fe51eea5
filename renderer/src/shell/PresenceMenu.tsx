import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import ArrowDropDown from '@mui/icons-material/ArrowDropDown';
import { useIntl } from 'react-intl';
import { PRESENCE_MESSAGES, type Presence } from '@core/domain/model';
import { useMyPresence } from '../data/hooks';
import { run } from '../data/local';
import { useAppState } from '../state/app';

export const PRESENCE_COLORS: Record<Presence, string> = {
  available: 'success.main',
  busy: 'error.main',
  'after-contact-work': 'warning.main',
  away: 'text.disabled',
  offline: 'text.disabled',
};

const CHOICES: Presence[] = ['available', 'busy', 'after-contact-work', 'away'];

function Dot({ presence }: { presence: Presence }) {
  return <Box component="span" aria-hidden sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: PRESENCE_COLORS[presence], display: 'inline-block' }} />;
}

/** The agent's presence: drives which contacts are offered. Synced like every other change. */
export function PresenceMenu() {
  const intl = useIntl();
  const mine = useMyPresence();
  const notify = useAppState((state) => state.notify);
  const presence: Presence = mine?.presence ?? 'offline';
  // Until the presence row has synced the agent is not offline, only not known yet: right after sign-in it says so.
  const label = mine ? intl.formatMessage(PRESENCE_MESSAGES[presence]) : intl.formatMessage({ id: 'shell.presence.signingIn', defaultMessage: 'Signing in…' });
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const open = anchor !== null;
  const choose = (value: Presence) => {
    setAnchor(null);
    run('presence.set', { presence: value }).catch((error: unknown) => notify(error instanceof Error ? error.message : String(error)));
  };
  return (
    <>
      <Button
        id="presence-button"
        color="inherit"
        size="small"
        disabled={!mine}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? 'presence-menu' : undefined}
        aria-label={intl.formatMessage({ id: 'shell.presence.button', defaultMessage: 'Presence: {presence}. Change presence' }, { presence: label })}
        startIcon={<Dot presence={presence} />}
        endIcon={<ArrowDropDown />}
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        {label}
      </Button>
      <Menu id="presence-menu" anchorEl={anchor} open={open} onClose={() => setAnchor(null)} slotProps={{ list: { 'aria-labelledby': 'presence-button' } }}>
        {CHOICES.map((value) => (
          <MenuItem key={value} selected={value === presence} onClick={() => choose(value)}>
            <ListItemIcon>
              <Dot presence={value} />
            </ListItemIcon>
            <ListItemText>{intl.formatMessage(PRESENCE_MESSAGES[value])}</ListItemText>
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
