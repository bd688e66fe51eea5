import { useEffect, useRef, useState } from 'react';
import Badge from '@mui/material/Badge';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import IconButton from '@mui/material/IconButton';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import NotificationsOutlined from '@mui/icons-material/NotificationsOutlined';
import { useIntl, type IntlShape } from 'react-intl';
import { bridge } from '../bridge';
import { visuallyHidden } from '../components/visuallyHidden';
import { run } from '../data/local';
import { useAttention, type Attention } from '../data/notifications';
import { useSaidText } from '../lib/i18n/said';
import { useAppState } from '../state/app';
import { navigate } from '../state/router';

import { useFormat } from '../lib/i18n';

const UNREAD_DOT = '●';

/** A line's words in the agent's language (a notification's text is the hub's). */
const textOf = (intl: IntlShape, said: ReturnType<typeof useSaidText>, line: Attention) =>
  typeof line.text === 'string' ? said(line.said, line.text) : intl.formatMessage(line.text.descriptor, line.text.values);

/**
 * What calls for the person's attention, on every screen: mentions, transfers
 * to them, advice, and (supervisors) escalations. New ones also reach the
 * operating system's notifications, so they are seen with the window hidden.
 */
export function NotificationsMenu() {
  const intl = useIntl();
  const format = useFormat();
  const attention = useAttention();
  const lines = attention ?? [];
  const notify = useAppState((state) => state.notify);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const unread = lines.filter((line) => line.unread);
  const told = useRef<Set<string> | null>(null);
  const saidText = useSaidText();

  useEffect(() => {
    if (attention === null) return;
    // Those already there when the workstation opened (its first read, not the empty list before it) were seen
    // before, or are listed in the menu: only new ones pop up.
    if (told.current === null) {
      told.current = new Set(attention.map((line) => line.key));
      return;
    }
    for (const line of attention) {
      if (!line.unread || told.current.has(line.key)) continue;
      told.current.add(line.key);
      void bridge.notify({ title: 'AgentDesk', body: textOf(intl, saidText, line), tag: line.key, path: line.path }).catch(() => undefined);
    }
  }, [attention, intl, saidText]);

  const markRead = (ids: string[]) => {
    if (ids.length) run('notification.read', { ids }).catch((error: unknown) => notify(error instanceof Error ? error.message : String(error)));
  };
  const choose = (line: Attention) => {
    setAnchor(null);
    if (line.notificationId && line.unread) markRead([line.notificationId]);
    navigate(line.path);
  };
  const title = intl.formatMessage({ id: 'shell.notifications.title', defaultMessage: 'Notifications' });
  const label = unread.length
    ? intl.formatMessage({ id: 'shell.notifications.unread', defaultMessage: 'Notifications, {count, number} unread' }, { count: unread.length })
    : title;
  const readable = unread.flatMap((line) => (line.notificationId ? [line.notificationId] : []));

  return (
    <>
      <Tooltip title={label}>
        <IconButton aria-label={label} aria-haspopup="menu" aria-expanded={anchor ? 'true' : undefined} onClick={(event) => setAnchor(event.currentTarget)} size="small">
          <Badge badgeContent={unread.length} color="error" max={99}>
            <NotificationsOutlined fontSize="small" />
          </Badge>
        </IconButton>
      </Tooltip>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)} slotProps={{ paper: { sx: { width: 400, maxHeight: 480 } }, list: { 'aria-label': title } }}>
        {lines.length === 0 && (
          <MenuItem disabled>
            <ListItemText
              primary={intl.formatMessage({ id: 'shell.notifications.empty', defaultMessage: 'Nothing new' })}
              secondary={intl.formatMessage({ id: 'shell.notifications.emptyHelp', defaultMessage: 'Mentions, transfers to you and advice show here.' })}
            />
          </MenuItem>
        )}
        {lines.map((line) => (
          <MenuItem key={line.key} onClick={() => choose(line)} sx={{ whiteSpace: 'normal', alignItems: 'flex-start' }}>
            <ListItemText
              primary={textOf(intl, saidText, line)}
              secondary={format.time(line.at)}
              slotProps={{ primary: { sx: { fontWeight: line.unread ? 600 : 400 } } }}
            />
            {line.unread && (
              <Typography component="span" variant="caption" color="error" sx={{ ml: 1, mt: 0.5 }}>
                <span aria-hidden>{UNREAD_DOT}</span>
                <Box component="span" sx={visuallyHidden}>
                  {intl.formatMessage({ id: 'shell.notifications.unreadMark', defaultMessage: 'unread' })}
                </Box>
              </Typography>
            )}
          </MenuItem>
        ))}
        {readable.length > 0 && <Divider />}
        {readable.length > 0 && (
          <MenuItem
            onClick={() => {
              setAnchor(null);
              markRead(readable);
            }}
          >
            {intl.formatMessage({ id: 'shell.notifications.markAllRead', defaultMessage: 'Mark all as read' })}
          </MenuItem>
        )}
      </Menu>
    </>
  );
}
