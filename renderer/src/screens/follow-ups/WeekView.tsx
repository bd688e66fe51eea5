import { useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import { addDays, dateKey, daysBetween, instantFromZoned, startOfZonedDay, zonedParts, type CalendarDate } from '@core/promise';
import { customerName, FOLLOW_UP_KIND_MESSAGES, type User } from '@core/domain/model';
import { ChannelIcon } from '../../components/ChannelIcon';
import { run } from '../../data/local';
import { useAppState } from '../../state/app';
import { navigate } from '../../state/router';
import type { PlannedFollowUp } from './data';
import { ACTION_KEYS, type FollowUpAction } from './FollowUpDialogs';
import { dayOf, sameDay, useTimeText, weekStart, type TimeText } from './time';

/** A customer not on this device: a dash, the same in every language. */
const NO_NAME = '—';
const MOVE_KEYS = 'Shift+ArrowLeft Shift+ArrowRight Shift+ArrowUp Shift+ArrowDown';
const DRAG_TYPE = 'application/x-agentdesk-follow-up';

/** The same time of day, `days` later, on the clock of `zone` (09:00 stays 09:00 across a clock change). */
function shiftDays(ms: number, days: number, zone: string): number {
  const p = zonedParts(ms, zone);
  const day = addDays({ y: p.y, m: p.m, d: p.d }, days);
  return instantFromZoned({ ...day, h: p.h, min: p.min }, zone);
}

/** Moves a follow-up; a refusal (a time in the past, someone else's) is said in a notice. */
function move(row: PlannedFollowUp, dueAt: number, zone: string, intl: IntlShape, time: TimeText): void {
  if (dueAt === row.followUp.dueAt) return;
  const name = row.customer ? customerName(row.customer) : intl.formatMessage({ id: 'followUps.week.theCustomer', defaultMessage: 'the customer' });
  run('followUp.reschedule', { id: row.followUp.id, dueAt }).then(
    () =>
      useAppState.getState().notify(
        intl.formatMessage(
          { id: 'followUps.week.moved', defaultMessage: '{kind} with {name} moved to {when}.' },
          { kind: intl.formatMessage(FOLLOW_UP_KIND_MESSAGES[row.followUp.kind]), name, when: time.when(dueAt, Date.now(), zone) },
        ),
      ),
    (error: unknown) => useAppState.getState().notify(error instanceof Error ? error.message : String(error)),
  );
}

/**
 * A week of follow-ups, a column per day with its load against the agent's
 * daily capacity. Drag a follow-up to another day, or with it focused press
 * Shift+←/→ to move it a day and Shift+↑/↓ to move it half an hour.
 */
export function WeekView({
  rows,
  me,
  now,
  onAction,
  showOwner,
  selectedId = null,
}: {
  rows: readonly PlannedFollowUp[];
  me: User;
  now: number;
  onAction: (action: FollowUpAction, row: PlannedFollowUp) => void;
  showOwner: boolean;
  /** The follow-up chosen in the agenda: the week opens on its week, with it focused. */
  selectedId?: string | null;
}) {
  const intl = useIntl();
  const time = useTimeText();
  const zone = me.timeZone;
  const [offset, setOffset] = useState(() => {
    const selected = selectedId ? rows.find((row) => row.followUp.id === selectedId) : undefined;
    return selected ? Math.round(daysBetween(weekStart(now, zone), weekStart(selected.followUp.dueAt, zone)) / 7) : 0;
  });
  const [focusId, setFocusId] = useState<string | null>(selectedId);
  const [dropDay, setDropDay] = useState<string | null>(null);
  const start = useMemo(() => addDays(weekStart(now, zone), offset * 7), [now, zone, offset]);
  const days: CalendarDate[] = useMemo(() => Array.from({ length: 7 }, (_, i) => addDays(start, i)), [start]);
  const byDay = useMemo(() => {
    const map = new Map<string, PlannedFollowUp[]>();
    for (const row of rows) {
      const key = dateKey(dayOf(row.followUp.dueAt, zone));
      const list = map.get(key) ?? [];
      list.push(row);
      map.set(key, list);
    }
    return map;
  }, [rows, zone]);
  const capacity = showOwner ? null : me.followUpCapacity;
  const today = dayOf(now, zone);
  const weekEnd = addDays(start, 6);

  // Keyboard moves re-create the item in another column: focus follows it there.
  // The week opens with the agenda's follow-up focused; after that focus is only put back when a keyboard
  // move re-created the focused item in another column (focus fell to the page), never taken from a control.
  const openingFocus = useRef(selectedId !== null);
  useEffect(() => {
    if (!focusId) return;
    const element = document.querySelector<HTMLElement>(`[data-fu-id="${CSS.escape(focusId)}"]`);
    if (!element || document.activeElement === element) return;
    const focusLost = !document.activeElement || document.activeElement === document.body;
    if (openingFocus.current || focusLost) {
      openingFocus.current = false;
      element.focus();
    }
  });

  const onKey = (event: KeyboardEvent, row: PlannedFollowUp, dayIndex: number, index: number) => {
    const { followUp } = row;
    if (event.shiftKey && ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].includes(event.key)) {
      event.preventDefault();
      setFocusId(followUp.id);
      const dueAt =
        event.key === 'ArrowLeft' || event.key === 'ArrowRight'
          ? shiftDays(followUp.dueAt, event.key === 'ArrowLeft' ? -1 : 1, zone)
          : followUp.dueAt + (event.key === 'ArrowUp' ? -30 : 30) * 60_000;
      // Moving past the week's edge turns the page with it.
      const target = dayOf(dueAt, zone);
      if (dateKey(target) < dateKey(start)) setOffset((value) => value - 1);
      if (dateKey(target) > dateKey(weekEnd)) setOffset((value) => value + 1);
      move(row, dueAt, zone, intl, time);
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const focusAt = (day: number, item: number) => {
      const key = dateKey(days[day]!);
      const list = byDay.get(key) ?? [];
      const next = list[Math.max(0, Math.min(list.length - 1, item))];
      if (next) {
        event.preventDefault();
        setFocusId(next.followUp.id);
      }
    };
    if (event.key === 'ArrowDown') return focusAt(dayIndex, index + 1);
    if (event.key === 'ArrowUp') return focusAt(dayIndex, index - 1);
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      const step = event.key === 'ArrowRight' ? 1 : -1;
      for (let d = dayIndex + step; d >= 0 && d < 7; d += step) {
        if ((byDay.get(dateKey(days[d]!)) ?? []).length) return focusAt(d, index);
      }
      return;
    }
    if (event.key === 'Enter') {
      event.preventDefault();
      navigate(`/customer?id=${encodeURIComponent(followUp.customerId)}`);
      return;
    }
    const action = ACTION_KEYS[event.key.toLowerCase()];
    if (action && (action !== 'reassign' || me.role !== 'agent')) {
      event.preventDefault();
      onAction(action, row);
    }
  };

  const onDrop = (event: DragEvent, day: CalendarDate) => {
    event.preventDefault();
    setDropDay(null);
    const id = event.dataTransfer.getData(DRAG_TYPE);
    const row = rows.find((candidate) => candidate.followUp.id === id);
    if (!row) return;
    const from = dayOf(row.followUp.dueAt, zone);
    const days = Math.round((startOfZonedDay(day, zone) - startOfZonedDay(from, zone)) / 86_400_000);
    setFocusId(id);
    move(row, shiftDays(row.followUp.dueAt, days, zone), zone, intl, time);
  };

  const first = rows.length ? Math.min(...rows.map((row) => row.followUp.dueAt)) : null;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100%', gap: 1 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Button size="small" onClick={() => setOffset((value) => value - 1)}>
          <FormattedMessage id="followUps.week.previous" defaultMessage="Previous week" />
        </Button>
        <Button size="small" onClick={() => setOffset(0)} disabled={offset === 0}>
          <FormattedMessage id="followUps.week.this" defaultMessage="This week" />
        </Button>
        <Button size="small" onClick={() => setOffset((value) => value + 1)}>
          <FormattedMessage id="followUps.week.next" defaultMessage="Next week" />
        </Button>
        <Typography variant="subtitle2" component="h2" sx={{ flex: 1 }} aria-live="polite">
          <FormattedMessage id="followUps.week.title" defaultMessage="Week of {day}" values={{ day: time.shortDay(startOfZonedDay(start, zone), zone) }} />
        </Typography>
        {first !== null && dateKey(dayOf(first, zone)) < dateKey(start) && (
          <Typography variant="caption" color="error.main">
            <FormattedMessage id="followUps.week.earlierOpen" defaultMessage="Earlier weeks hold follow-ups still open" />
          </Typography>
        )}
      </Stack>
      <Box role="group" aria-label={intl.formatMessage({ id: 'followUps.week.label', defaultMessage: 'Follow-ups this week' })} aria-describedby="week-help" sx={{ flex: 1, minHeight: 0, display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gap: 1 }}>
        {days.map((day, dayIndex) => {
          const key = dateKey(day);
          const list = byDay.get(key) ?? [];
          const full = capacity !== null && list.length >= capacity;
          const isToday = sameDay(day, today);
          const dayName = time.shortDay(startOfZonedDay(day, zone), zone);
          const working = me.workingHours.days.includes((['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const)[(dayIndex + 1) % 7]!);
          return (
            <Box
              key={key}
              role="group"
              aria-label={intl.formatMessage(
                {
                  id: 'followUps.week.dayLabel',
                  defaultMessage: '{day}: {count, plural, one {# follow-up} other {# follow-ups}}{full, select, yes {, full} other {}}',
                },
                { day: dayName, count: list.length, full: full ? 'yes' : 'no' },
              )}
              data-day={key}
              onDragOver={(event) => {
                if (event.dataTransfer.types.includes(DRAG_TYPE)) {
                  event.preventDefault();
                  setDropDay(key);
                }
              }}
              onDragLeave={() => setDropDay((current) => (current === key ? null : current))}
              onDrop={(event) => onDrop(event, day)}
              sx={{
                display: 'flex',
                flexDirection: 'column',
                minHeight: 0,
                border: 1,
                borderColor: dropDay === key ? 'primary.main' : isToday ? 'primary.light' : 'divider',
                borderRadius: 1,
                bgcolor: dropDay === key ? 'action.hover' : working ? undefined : 'action.hover',
              }}
            >
              <Box sx={{ px: 1, py: 0.75, borderBottom: 1, borderColor: 'divider', display: 'flex', alignItems: 'baseline', gap: 1 }}>
                <Typography variant="body2" sx={{ fontWeight: isToday ? 700 : 600 }}>
                  {dayName}
                </Typography>
                <Box sx={{ flex: 1 }} />
                <Typography variant="caption" color={full ? 'warning.main' : 'text.secondary'} sx={{ fontVariantNumeric: 'tabular-nums' }}>
                  {capacity !== null
                    ? intl.formatMessage(
                        { id: 'followUps.week.load', defaultMessage: '{count}/{capacity}{full, select, yes { full} other {}}' },
                        { count: list.length, capacity, full: full ? 'yes' : 'no' },
                      )
                    : list.length || ''}
                </Typography>
              </Box>
              <Stack spacing={0.75} sx={{ p: 0.75, overflowY: 'auto', flex: 1 }}>
                {list.map((row, index) => {
                  const { followUp, customer, owner } = row;
                  const overdue = followUp.dueAt < now;
                  const kind = intl.formatMessage(FOLLOW_UP_KIND_MESSAGES[followUp.kind]);
                  const label = intl.formatMessage(
                    { id: 'followUps.week.itemLabel', defaultMessage: '{time} {kind} with {name}{overdue, select, yes {, overdue} other {}}' },
                    {
                      time: time.clock(followUp.dueAt, zone),
                      kind,
                      name: customer ? customerName(customer) : intl.formatMessage({ id: 'followUps.week.aCustomer', defaultMessage: 'a customer' }),
                      overdue: overdue ? 'yes' : 'no',
                    },
                  );
                  return (
                    <Box
                      key={followUp.id}
                      component="button"
                      type="button"
                      data-fu-id={followUp.id}
                      data-testid="week-item"
                      draggable
                      aria-label={label}
                      aria-keyshortcuts={MOVE_KEYS}
                      onDragStart={(event: DragEvent) => {
                        event.dataTransfer.setData(DRAG_TYPE, followUp.id);
                        event.dataTransfer.effectAllowed = 'move';
                      }}
                      onFocus={() => setFocusId(followUp.id)}
                      onKeyDown={(event: KeyboardEvent) => onKey(event, row, dayIndex, index)}
                      onDoubleClick={() => navigate(`/customer?id=${encodeURIComponent(followUp.customerId)}`)}
                      sx={{
                        all: 'unset',
                        boxSizing: 'border-box',
                        cursor: 'grab',
                        display: 'flex',
                        gap: 0.75,
                        alignItems: 'flex-start',
                        p: 0.75,
                        borderRadius: 1,
                        border: 1,
                        borderColor: overdue ? 'error.main' : 'divider',
                        bgcolor: 'background.paper',
                        typography: 'caption',
                        '&:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineStyle: 'solid' },
                      }}
                    >
                      <Box sx={{ color: 'text.secondary', pt: 0.25 }} aria-hidden>
                        <ChannelIcon channel={followUp.channel} fontSize="small" />
                      </Box>
                      <Box sx={{ minWidth: 0 }} aria-hidden>
                        <Box sx={{ fontWeight: 600, color: overdue ? 'error.main' : 'text.primary' }}>{time.clock(followUp.dueAt, zone)}</Box>
                        <Box sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{customer ? customerName(customer) : NO_NAME}</Box>
                        <Box sx={{ color: 'text.secondary' }}>
                          {showOwner && owner ? (
                            <FormattedMessage id="followUps.week.kindOwner" defaultMessage="{kind} · {owner}" values={{ kind, owner: owner.name.split(' ')[0] }} />
                          ) : (
                            kind
                          )}
                        </Box>
                      </Box>
                    </Box>
                  );
                })}
              </Stack>
            </Box>
          );
        })}
      </Box>
      <Typography id="week-help" variant="caption" color="text.secondary">
        <FormattedMessage
          id="followUps.week.help"
          defaultMessage="Drag a follow-up to another day, or focus it and press Shift+←/→ to move it a day, Shift+↑/↓ for half an hour · Enter opens the customer · C complete · R reschedule · S snooze · X cancel"
        />
      </Typography>
    </Box>
  );
}
