import { useRef, type KeyboardEvent } from 'react';
import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useIntl } from 'react-intl';
import { sectionForPath, sectionsFor } from '../sections';
import { useSession } from '../state/session';
import { navigate, useRouter } from '../state/router';
import { ariaKeys, keyHint } from '../lib/commands/useCommands';
import { SECTION_ICONS } from './sectionIcons';

/**
 * The section list. One Tab stop (the current section); arrow keys, Home and
 * End move between sections, Enter opens one. Alt+digit works from anywhere.
 */
export function SideNav() {
  const intl = useIntl();
  const path = useRouter((state) => state.path);
  const current = sectionForPath(path);
  const refs = useRef<(HTMLDivElement | null)[]>([]);
  const role = useSession((state) => state.session?.user.role);
  const sections = sectionsFor(role);

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const last = sections.length - 1;
    const target =
      event.key === 'ArrowDown' ? (index === last ? 0 : index + 1)
      : event.key === 'ArrowUp' ? (index === 0 ? last : index - 1)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : null;
    if (target === null) return;
    event.preventDefault();
    refs.current[target]?.focus();
  };

  return (
    <Box
      component="nav"
      aria-label={intl.formatMessage({ id: 'shell.sideNav.label', defaultMessage: 'Sections' })}
      sx={{ minWidth: 232, maxWidth: 320, flexShrink: 0, borderRight: 1, borderColor: 'divider', bgcolor: 'background.paper', overflowY: 'auto' }}
    >
      <List dense sx={{ p: 1 }}>
        {sections.map((section, index) => {
          const Icon = SECTION_ICONS[section.id];
          const selected = section.id === current?.id;
          return (
            <ListItem key={section.id} disablePadding>
            <ListItemButton
              ref={(element) => {
                refs.current[index] = element;
              }}
              selected={selected}
              aria-current={selected ? 'page' : undefined}
              aria-keyshortcuts={ariaKeys(`go.${section.id}`)}
              tabIndex={selected || (!current && index === 0) ? 0 : -1}
              onClick={() => navigate(section.path)}
              onKeyDown={(event) => onKeyDown(event, index)}
              sx={{ borderRadius: 1, mb: 0.25, py: 0.75 }}
            >
              <ListItemIcon sx={{ minWidth: 36 }}>
                <Icon fontSize="small" />
              </ListItemIcon>
              <ListItemText primary={intl.formatMessage(section.label)} sx={{ minWidth: 0, hyphens: 'auto' }} slotProps={{ primary: { sx: { fontWeight: selected ? 600 : 500 } } }} />
              <Typography variant="caption" color="text.secondary" aria-hidden sx={{ fontVariantNumeric: 'tabular-nums', ml: 1, flexShrink: 0 }}>
                {keyHint(`go.${section.id}`)}
              </Typography>
            </ListItemButton>
            </ListItem>
          );
        })}
      </List>
    </Box>
  );
}
