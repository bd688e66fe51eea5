import { useId } from 'react';
import AlarmIcon from '@mui/icons-material/Alarm';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useIntl, type IntlShape } from 'react-intl';
import { FOLLOW_UP_KIND_MESSAGES } from '@core/domain/model';
import { FOLLOW_UPS_PATH } from '@core/reminders';
import { COMMON } from '../components/commonMessages';
import { useFormat } from '../lib/i18n';
import { navigate } from '../state/router';
import { focusScreenHeading } from './keyboard';
import { useReminderStore, type ListedReminder } from './useFollowUpReminders';
import { visuallyHidden } from '../components/visuallyHidden';

/** At most this many are listed one by one; the rest are in Follow-ups. */
const MAX_LISTED = 5;

export function remindersHeading(intl: IntlShape, listed: readonly Pick<ListedReminder, 'whileAway'>[]): string {
  const count = listed.length;
  if (listed.every((item) => item.whileAway)) {
    return intl.formatMessage(
      { id: 'shell.reminders.whileAway', defaultMessage: 'While you were away, {count, plural, one {# follow-up} other {# follow-ups}} came due' },
      { count },
    );
  }
  return intl.formatMessage({ id: 'shell.reminders.due', defaultMessage: '{count, plural, one {# follow-up is} other {# follow-ups are}} due' }, { count });
}

/**
 * Follow-up reminders the app lists itself: those that came due while the app was closed, and
 * those that went off without a notification. Not modal: the agent can open one customer, deal
 * with it, and come back to the rest. Stays until each is opened or all are dismissed.
 */
export function MissedReminders() {
  const intl = useIntl();
  const format = useFormat();
  const listed = useReminderStore((state) => state.listed);
  const headingId = useId();
  if (listed.length === 0) return null;

  const heading = remindersHeading(intl, listed);
  const visible = listed.slice(0, MAX_LISTED);
  const more = listed.length - visible.length;
  const open = (item: ListedReminder) => {
    useReminderStore.getState().markShown([item.key]);
    navigate(item.path);
    focusScreenHeading();
  };
  const dismissAll = () => useReminderStore.getState().markShown(listed.map((item) => item.key));

  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      elevation={8}
      sx={{ position: 'fixed', top: 72, right: 16, zIndex: 1350, width: 400, maxWidth: 'calc(100vw - 32px)', maxHeight: 'calc(100vh - 96px)', overflow: 'auto' }}
    >
      {/* Announced when it appears; the visible heading labels the region. */}
      <Box role="alert" sx={visuallyHidden}>
        {heading}
      </Box>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', px: 2, pt: 1.5 }}>
        <AlarmIcon color="warning" aria-hidden />
        <Typography id={headingId} component="h2" variant="subtitle1" sx={{ fontWeight: 600 }}>
          {heading}
        </Typography>
      </Stack>
      <List dense aria-label={intl.formatMessage({ id: 'shell.reminders.list', defaultMessage: 'Follow-ups due' })}>
        {visible.map((item) => (
          <ListItem
            key={item.key}
            secondaryAction={
              <Button size="small" onClick={() => open(item)} aria-label={intl.formatMessage({ id: 'shell.reminders.open', defaultMessage: 'Open {name}' }, { name: item.customerName })}>
                {intl.formatMessage(COMMON.open)}
              </Button>
            }
            sx={{ pr: 10 }}
          >
            <ListItemText
              primary={item.customerName}
              secondary={intl.formatMessage(
                {
                  id: 'shell.reminders.detail',
                  defaultMessage: '{hasReason, select, yes {{kind} · due {due} · {reason}} other {{kind} · due {due}}}',
                },
                {
                  hasReason: item.reason ? 'yes' : 'no',
                  kind: intl.formatMessage(FOLLOW_UP_KIND_MESSAGES[item.kind]),
                  due: format.dateTime(item.dueAt, { weekday: true }),
                  reason: item.reason,
                },
              )}
              slotProps={{ secondary: { noWrap: true, title: item.reason } }}
            />
          </ListItem>
        ))}
      </List>
      <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end', px: 1.5, pb: 1.5 }}>
        {more > 0 && (
          <Button
            size="small"
            onClick={() => {
              dismissAll();
              navigate(FOLLOW_UPS_PATH);
              focusScreenHeading();
            }}
          >
            {intl.formatMessage({ id: 'shell.reminders.seeAll', defaultMessage: 'See all {count, number} in Follow-ups' }, { count: listed.length })}
          </Button>
        )}
        <Button size="small" variant="contained" onClick={dismissAll}>
          {intl.formatMessage(COMMON.dismiss)}
        </Button>
      </Stack>
    </Paper>
  );
}
