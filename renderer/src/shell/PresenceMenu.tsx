import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import ArrowDropDown from '@mui/icons-material/ArrowDropDown';
import { PRESENCE_LABELS, useAppState, type Presence } from '../state/app';

export const PRESENCE_COLORS: Record<Presence, string> = {
  available: 'success.main',
  busy: 'error.main',
  'after-contact-work': 'warning.main',
  away: 'text.disabled',
};

function Dot({ presence }: { presence: Presence }) {
  return <Box component="span" aria-hidden sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: PRESENCE_COLORS[presence], display: 'inline-block' }} />;
}

/** The agent's presence: drives which contacts are offered. */
export function PresenceMenu() {
  const presence = useAppState((state) => state.presence);
  const setPresence = useAppState((state) => state.setPresence);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const open = anchor !== null;
  return (
    <>
      <Button
        id="presence-button"
        color="inherit"
        size="small"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? 'presence-menu' : undefined}
        aria-label={`Presence: ${PRESENCE_LABELS[presence]}. Change presence`}
        startIcon={<Dot presence={presence} />}
        endIcon={<ArrowDropDown />}
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        {PRESENCE_LABELS[presence]}
      </Button>
      <Menu id="presence-menu" anchorEl={anchor} open={open} onClose={() => setAnchor(null)} slotProps={{ list: { 'aria-labelledby': 'presence-button' } }}>
        {(Object.keys(PRESENCE_LABELS) as Presence[]).map((value) => (
          <MenuItem
            key={value}
            selected={value === presence}
            onClick={() => {
              setPresence(value);
              setAnchor(null);
            }}
          >
            <ListItemIcon>
              <Dot presence={value} />
            </ListItemIcon>
            <ListItemText>{PRESENCE_LABELS[value]}</ListItemText>
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
