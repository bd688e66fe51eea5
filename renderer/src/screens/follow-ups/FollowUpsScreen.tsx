import { useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import EventAvailableOutlined from '@mui/icons-material/EventAvailableOutlined';
import { defineMessages, FormattedMessage, useIntl, type MessageDescriptor } from 'react-intl';
import { addDays } from '@core/promise';
import { customerName, FOLLOW_UP_KIND_MESSAGES, type User } from '@core/domain/model';
import { ChannelIcon } from '../../components/ChannelIcon';
import { VirtualList } from '../../components/VirtualList';
import { useMe } from '../../data/hooks';
import { useNow } from '../../data/useNow';
import { ariaKeys, keyHint } from '../../lib/commands/useCommands';
import { EmptyState } from '../../shell/EmptyState';
import { isTypingTarget } from '../../shell/keyboard';
import { ScreenHeader } from '../../shell/ScreenHeader';
import { navigate } from '../../state/router';
import { useOpenFollowUps, usePeople, type OwnerFilter, type PlannedFollowUp } from './data';
import { ACTION_KEYS, FollowUpDialog, type FollowUpAction } from './FollowUpDialogs';
import { dayOf, sameDay, useTimeText } from './time';
import { WeekView } from './WeekView';

const isSupervisor = (user: User | undefined) => user?.role === 'supervisor' || user?.role === 'admin';

type Group = 'overdue' | 'today' | 'tomorrow' | 'later';
const GROUP_MESSAGES: Record<Group, MessageDescriptor> = defineMessages({
  overdue: { id: 'followUps.agenda.groupOverdue', defaultMessage: 'Overdue · {count}' },
  today: { id: 'followUps.agenda.groupToday', defaultMessage: 'Today · {count}' },
  tomorrow: { id: 'followUps.agenda.groupTomorrow', defaultMessage: 'Tomorrow · {count}' },
  later: { id: 'followUps.agenda.groupLater', defaultMessage: 'Upcoming · {count}' },
});

const ACTION_MESSAGES: Record<FollowUpAction, MessageDescriptor> = defineMessages({
  complete: { id: 'followUps.actions.complete', defaultMessage: 'Complete ({key})' },
  reschedule: { id: 'followUps.actions.reschedule', defaultMessage: 'Reschedule ({key})' },
  snooze: { id: 'followUps.actions.snooze', defaultMessage: 'Snooze ({key})' },
  cancel: { id: 'followUps.actions.cancel', defaultMessage: 'Cancel ({key})' },
  reassign: { id: 'followUps.actions.reassign', defaultMessage: 'Reassign ({key})' },
});

function groupOf(dueAt: number, now: number, zone: string): Group {
  if (dueAt < now) return 'overdue';
  const day = dayOf(dueAt, zone);
  const today = dayOf(now, zone);
  if (sameDay(day, today)) return 'today';
  if (sameDay(day, addDays(today, 1))) return 'tomorrow';
  return 'later';
}

/** The actions bar for the chosen follow-up: buttons that say their keys. */
function ActionBar({ onAction, supervisor }: { onAction: (action: FollowUpAction) => void; supervisor: boolean }) {
  const intl = useIntl();
  const buttons: FollowUpAction[] = ['complete', 'reschedule', 'snooze', 'cancel', ...(supervisor ? (['reassign'] as const) : [])];
  return (
    <Stack
      direction="row"
      spacing={1}
      role="toolbar"
      aria-label={intl.formatMessage({ id: 'followUps.actions.label', defaultMessage: 'Follow-up actions' })}
      sx={{ flexWrap: 'wrap', rowGap: 1 }}
    >
      {buttons.map((action) => (
        <Button key={action} size="small" variant={action === 'complete' ? 'contained' : 'outlined'} onClick={() => onAction(action)} aria-keyshortcuts={ariaKeys(`followUps.${action}`)}>
          {intl.formatMessage(ACTION_MESSAGES[action], { key: keyHint(`followUps.${action}`) })}
        </Button>
      ))}
    </Stack>
  );
}

/** One follow-up in the agenda. */
function AgendaRow({
  row,
  now,
  zone,
  header,
  showOwner,
  active,
}: {
  row: PlannedFollowUp;
  now: number;
  zone: string;
  header: { text: string; overdue: boolean } | null;
  showOwner: boolean;
  active: boolean;
}) {
  const intl = useIntl();
  const time = useTimeText();
  const { followUp, customer, owner } = row;
  const overdue = followUp.dueAt < now;
  const name = customer ? customerName(customer) : intl.formatMessage({ id: 'followUps.agenda.customerMissing', defaultMessage: 'Customer not on this device' });
  const theirs = customer ? time.customerClock(followUp.dueAt, zone, customer.timeZone, customer.firstName) : null;
  const snoozed = followUp.remindAt !== null && followUp.remindAt > now;
  return (
    <Box data-testid="agenda-row" sx={{ px: 2 }}>
      {header && (
        <Typography variant="overline" component="div" color={header.overdue ? 'error.main' : 'text.secondary'} sx={{ pt: 1.5, lineHeight: 1.6 }}>
          {header.text}
        </Typography>
      )}
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: '170px 28px minmax(0, 1fr) auto',
          gap: 1.5,
          alignItems: 'center',
          py: 1,
          px: 1,
          borderRadius: 1,
          bgcolor: active ? 'action.selected' : undefined,
        }}
      >
        <Box>
          <Typography variant="body2" noWrap sx={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums' }} color={overdue ? 'error.main' : 'text.primary'}>
            {time.when(followUp.dueAt, now, zone)}
          </Typography>
          {overdue && (
            <Typography variant="caption" color="error.main">
              <FormattedMessage id="followUps.agenda.overdueBy" defaultMessage="{span} overdue" values={{ span: time.span(now - followUp.dueAt) }} />
            </Typography>
          )}
        </Box>
        <Box sx={{ color: 'text.secondary' }} aria-hidden>
          <ChannelIcon channel={followUp.channel} />
        </Box>
        <Box sx={{ minWidth: 0 }}>
          <Typography variant="body2" noWrap>
            {customer?.company ? (
              <FormattedMessage
                id="followUps.agenda.kindCustomerCompany"
                defaultMessage="<b>{kind}</b> · {name} ({company})"
                values={{ kind: intl.formatMessage(FOLLOW_UP_KIND_MESSAGES[followUp.kind]), name, company: customer.company, b: (chunks) => <strong>{chunks}</strong> }}
              />
            ) : (
              <FormattedMessage
                id="followUps.agenda.kindCustomer"
                defaultMessage="<b>{kind}</b> · {name}"
                values={{ kind: intl.formatMessage(FOLLOW_UP_KIND_MESSAGES[followUp.kind]), name, b: (chunks) => <strong>{chunks}</strong> }}
              />
            )}
          </Typography>
          <Typography variant="caption" color="text.secondary" component="div" noWrap>
            {[followUp.reason, theirs].filter(Boolean).join(' · ')}
          </Typography>
        </Box>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          {snoozed && <Chip size="small" variant="outlined" label={intl.formatMessage({ id: 'followUps.agenda.reminderAt', defaultMessage: 'Reminder {when}' }, { when: time.when(followUp.remindAt!, now, zone) })} />}
          {showOwner && owner && <Chip size="small" label={owner.name.split(' ')[0]} />}
        </Stack>
      </Box>
    </Box>
  );
}

/**
 * The follow-up planner: the agenda (overdue, today, upcoming) and a week
 * calendar, with complete, reschedule, snooze, cancel and (supervisors)
 * reassign on the keyboard.
 */
export function FollowUpsScreen() {
  const intl = useIntl();
  const time = useTimeText();
  const me = useMe();
  const now = useNow();
  const people = usePeople();
  const supervisor = isSupervisor(me);
  const [view, setView] = useState<'agenda' | 'week'>('agenda');
  const [filter, setFilter] = useState<OwnerFilter>({ kind: 'mine' });
  const rows = useOpenFollowUps(me?.id, filter);
  const [activeIndex, setActiveIndex] = useState(0);
  const [dialog, setDialog] = useState<{ action: FollowUpAction; row: PlannedFollowUp } | null>(null);
  const zone = me?.timeZone ?? 'UTC';
  const list = useMemo(() => rows ?? [], [rows]);
  const onActiveChange = useCallback((index: number) => setActiveIndex(index), []);

  const counts = useMemo(() => {
    const result: Record<Group, number> = { overdue: 0, today: 0, tomorrow: 0, later: 0 };
    for (const row of list) result[groupOf(row.followUp.dueAt, now, zone)] += 1;
    return result;
  }, [list, now, zone]);

  const headers = useMemo(() => {
    const result: ({ text: string; overdue: boolean } | null)[] = [];
    let last: string | null = null;
    for (const row of list) {
      const group = groupOf(row.followUp.dueAt, now, zone);
      const label = group === 'later' ? time.longDay(row.followUp.dueAt, zone) : intl.formatMessage(GROUP_MESSAGES[group], { count: counts[group] });
      result.push(label !== last ? { text: label, overdue: group === 'overdue' } : null);
      last = label;
    }
    return result;
  }, [list, now, zone, counts, intl, time]);

  const act = useCallback(
    (action: FollowUpAction, row: PlannedFollowUp | undefined) => {
      if (!row || (action === 'reassign' && !supervisor)) return;
      setDialog({ action, row });
    },
    [supervisor],
  );

  const onRowKey = (event: KeyboardEvent, index: number): boolean => {
    if (event.altKey || event.ctrlKey || event.metaKey) return false;
    const action = ACTION_KEYS[event.key.toLowerCase()];
    if (!action) return false;
    act(action, list[index]);
    return true;
  };

  // The same keys work from anywhere on the screen for the chosen follow-up (outside text fields and dialogs).
  useEffect(() => {
    if (view !== 'agenda') return;
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (dialog || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTypingTarget(event.target)) return;
      if ((event.target as HTMLElement | null)?.closest?.('[role="listbox"],[role="dialog"],[role="menu"]')) return;
      const action = ACTION_KEYS[event.key.toLowerCase()];
      if (!action) return;
      event.preventDefault();
      act(action, list[activeIndex]);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [view, dialog, list, activeIndex, act]);

  const teamPeople = people.filter((person) => person.id !== me?.id && person.teamIds.some((team) => me?.teamIds.includes(team)));
  const filterValue = filter.kind === 'person' ? filter.userId : filter.kind;
  const countValues = { overdue: counts.overdue, today: counts.today, upcoming: counts.tomorrow + counts.later };
  const description =
    rows === null
      ? intl.formatMessage({ id: 'followUps.screen.loading', defaultMessage: 'Loading…' })
      : filter.kind === 'mine'
        ? intl.formatMessage({ id: 'followUps.screen.counts', defaultMessage: '{overdue} overdue · {today} today · {upcoming} upcoming' }, countValues)
        : filter.kind === 'all'
          ? intl.formatMessage({ id: 'followUps.screen.countsTeam', defaultMessage: '{overdue} overdue · {today} today · {upcoming} upcoming · whole team' }, countValues)
          : intl.formatMessage(
              { id: 'followUps.screen.countsPerson', defaultMessage: '{overdue} overdue · {today} today · {upcoming} upcoming · {person}' },
              { ...countValues, person: people.find((p) => p.id === filter.userId)?.name ?? '' },
            );

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100%', gap: 1.5 }}>
      <ScreenHeader
        title={intl.formatMessage({ id: 'followUps.screen.title', defaultMessage: 'Follow-ups' })}
        description={description}
        actions={
          supervisor ? (
            <TextField
              select
              size="small"
              label={intl.formatMessage({ id: 'followUps.screen.whose', defaultMessage: 'Whose' })}
              value={filterValue}
              onChange={(event) => {
                const value = event.target.value;
                setFilter(value === 'mine' ? { kind: 'mine' } : value === 'all' ? { kind: 'all' } : { kind: 'person', userId: value });
              }}
              sx={{ minWidth: 200 }}
            >
              <MenuItem value="mine">
                <FormattedMessage id="followUps.screen.whoseMine" defaultMessage="Mine" />
              </MenuItem>
              <MenuItem value="all">
                <FormattedMessage id="followUps.screen.whoseAll" defaultMessage="Everyone I can see" />
              </MenuItem>
              {teamPeople.map((person) => (
                <MenuItem key={person.id} value={person.id}>
                  {person.name}
                </MenuItem>
              ))}
            </TextField>
          ) : undefined
        }
      />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Tabs value={view} onChange={(_e, value: 'agenda' | 'week') => setView(value)} aria-label={intl.formatMessage({ id: 'followUps.screen.viewLabel', defaultMessage: 'Planner view' })}>
          <Tab value="agenda" label={intl.formatMessage({ id: 'followUps.screen.agenda', defaultMessage: 'Agenda' })} id="tab-agenda" aria-controls="panel-agenda" />
          <Tab value="week" label={intl.formatMessage({ id: 'followUps.screen.week', defaultMessage: 'Week' })} id="tab-week" aria-controls="panel-week" />
        </Tabs>
        <Box sx={{ flex: 1 }} />
        {/* Shown only with a follow-up to act on: a greyed-out bar would be unreadable and do nothing. */}
        {view === 'agenda' && list.length > 0 && <ActionBar onAction={(action) => act(action, list[activeIndex])} supervisor={supervisor} />}
      </Stack>
      <Box sx={{ flex: 1, minHeight: 0 }} role="tabpanel" id={`panel-${view}`} aria-labelledby={`tab-${view}`}>
        {view === 'agenda' ? (
          <VirtualList
            id="agenda"
            label={intl.formatMessage({ id: 'followUps.agenda.listLabel', defaultMessage: 'Follow-ups, overdue first' })}
            count={list.length}
            rowHeight={64}
            rowKey={(index) => list[index]!.followUp.id}
            height="100%"
            onActiveChange={onActiveChange}
            onOpen={(index) => {
              const row = list[index];
              if (row) navigate(`/customer?id=${encodeURIComponent(row.followUp.customerId)}`);
            }}
            onRowKey={onRowKey}
            renderRow={(index, active) => (
              <AgendaRow row={list[index]!} now={now} zone={zone} header={headers[index] ?? null} showOwner={filter.kind !== 'mine'} active={active} />
            )}
            empty={
              rows !== null && (
                <EmptyState icon={<EventAvailableOutlined sx={{ fontSize: 48 }} color="disabled" />} title={intl.formatMessage({ id: 'followUps.agenda.emptyTitle', defaultMessage: 'Nothing planned' })}
                >
                  <FormattedMessage
                    id="followUps.agenda.emptyBody"
                    defaultMessage="Callbacks and check-ins planned at wrap-up, or from a customer’s profile, appear here, overdue first."
                  />
                </EmptyState>
              )
            }
          />
        ) : (
          me && <WeekView rows={list} me={me} now={now} onAction={act} showOwner={filter.kind !== 'mine'} selectedId={list[activeIndex]?.followUp.id ?? null} />
        )}
      </Box>
      {view === 'agenda' && list.length > 0 && (
        <Typography variant="caption" color="text.secondary">
          {supervisor ? (
            <FormattedMessage
              id="followUps.agenda.keysSupervisor"
              defaultMessage="↑ ↓ choose · Enter opens the customer · C complete · R reschedule · S snooze · X cancel · A reassign"
            />
          ) : (
            <FormattedMessage id="followUps.agenda.keys" defaultMessage="↑ ↓ choose · Enter opens the customer · C complete · R reschedule · S snooze · X cancel" />
          )}
        </Typography>
      )}
      {dialog && me && (
        <FollowUpDialog
          action={dialog.action}
          target={{ followUp: dialog.row.followUp, customer: dialog.row.customer }}
          me={me}
          people={people}
          openFollowUps={list.map((row) => row.followUp)}
          onClose={() => setDialog(null)}
        />
      )}
    </Box>
  );
}
