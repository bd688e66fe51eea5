/** A customer's follow-ups in their profile: open ones with their actions, the last ones done, and planning a new one. */
import { useState, type FormEvent, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import MoreVert from '@mui/icons-material/MoreVert';
import AddAlarmOutlined from '@mui/icons-material/AddAlarmOutlined';
import { defineMessages, FormattedMessage, useIntl, type MessageDescriptor } from 'react-intl';
import { CHANNEL_MESSAGES, REACHABLE_CHANNELS, type ReachableChannel } from '@core/domain/common';
import { FOLLOW_UP_KIND_MESSAGES, FOLLOW_UP_KINDS, type Customer, type FollowUp, type FollowUpKind, type User } from '@core/domain/model';
import { PLANNER_RULES, PlannerError, planSlot } from '@core/planner';
import { useLive, useMe } from '../../data/hooks';
import { run } from '../../data/local';
import { useNow } from '../../data/useNow';
import { useAppState } from '../../state/app';
import { useCustomerFollowUps, usePeople } from './data';
import { DueField, FollowUpDialog, type FollowUpAction } from './FollowUpDialogs';
import { planContext } from './planning';
import { KIND_KEYS, OUTCOME_KEYS } from './keys';
import { fromLocalInput, toLocalInput, useTimeText } from './time';

const MENU_MESSAGES: Record<Exclude<FollowUpAction, 'complete'>, MessageDescriptor> = defineMessages({
  reschedule: { id: 'followUps.customer.menuReschedule', defaultMessage: 'Reschedule…' },
  snooze: { id: 'followUps.customer.menuSnooze', defaultMessage: 'Snooze…' },
  cancel: { id: 'followUps.customer.menuCancel', defaultMessage: 'Cancel…' },
  reassign: { id: 'followUps.customer.menuReassign', defaultMessage: 'Reassign…' },
});

const ROW_MESSAGES: Record<'due' | 'dueOwner' | 'overdue' | 'overdueOwner', MessageDescriptor> = defineMessages({
  due: { id: 'followUps.customer.row', defaultMessage: '<b>{kind}</b> · {when}' },
  dueOwner: { id: 'followUps.customer.rowOwner', defaultMessage: '<b>{kind}</b> · {when} · {owner}' },
  overdue: { id: 'followUps.customer.rowOverdue', defaultMessage: '<b>{kind}</b> · {when} (overdue)' },
  overdueOwner: { id: 'followUps.customer.rowOverdueOwner', defaultMessage: '<b>{kind}</b> · {when} (overdue) · {owner}' },
});

/** Plans a follow-up by hand; the time starts at the planner's next good slot for this customer. */
function PlanDialog({ customer, me, open, onClose }: { customer: Customer; me: User; open: readonly FollowUp[]; onClose: () => void }) {
  const intl = useIntl();
  const time = useTimeText();
  const [initial] = useState(() => {
    const now = Date.now();
    const context = planContext(me, customer, open, now);
    try {
      const target = now + 24 * 3_600_000;
      const schedule = PLANNER_RULES.schedule;
      return planSlot({
        now,
        window: { earliest: now, target, latest: target + 2 * 86_400_000 },
        customer: context.customer,
        agent: context.agent,
        booked: context.booked,
        slotMinutes: schedule.slotMinutes,
        leadMinutes: schedule.minimumLeadMinutes,
        customerHours: schedule.customerHours,
        searchDays: schedule.searchDays,
      }).dueAt;
    } catch (error) {
      if (!(error instanceof PlannerError)) throw error;
      return now + 24 * 3_600_000;
    }
  });
  const [kind, setKind] = useState<FollowUpKind>('callback');
  const [channel, setChannel] = useState<ReachableChannel>(customer.preferredChannel);
  const [due, setDue] = useState(() => toLocalInput(initial, me.timeZone));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const dueAt = fromLocalInput(due, me.timeZone);
    if (!Number.isFinite(dueAt)) return setError(intl.formatMessage({ id: 'followUps.plan.noTime', defaultMessage: 'Give a date and time.' }));
    if (dueAt < Date.now()) return setError(intl.formatMessage({ id: 'followUps.plan.past', defaultMessage: 'That time has passed. Pick a time from now on.' }));
    try {
      await run('followUp.schedule', { id: crypto.randomUUID(), customerId: customer.id, kind, channel, dueAt, reason: reason.trim() });
      useAppState
        .getState()
        .notify(
          intl.formatMessage(
            { id: 'followUps.plan.done', defaultMessage: '{kind} with {name} planned for {when}.' },
            { kind: intl.formatMessage(FOLLOW_UP_KIND_MESSAGES[kind]), name: customer.firstName, when: time.when(dueAt, Date.now(), me.timeZone) },
          ),
        );
      onClose();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="plan-dialog-title">
      <Box
        component="form"
        noValidate
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void submit();
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void submit();
          }
        }}
      >
        <DialogTitle id="plan-dialog-title">
          <FormattedMessage id="followUps.plan.title" defaultMessage="Plan a follow-up with {name}" values={{ name: customer.firstName }} />
        </DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 0.5 }}>
            {error && (
              <Alert severity="error" role="alert">
                {error}
              </Alert>
            )}
            <Stack direction="row" spacing={2}>
              <TextField
                select
                label={intl.formatMessage({ id: 'followUps.fields.kind', defaultMessage: 'Kind' })}
                value={kind} onChange={(event) => setKind(event.target.value as FollowUpKind)} size="small" sx={{ minWidth: 150 }} autoFocus>
                {FOLLOW_UP_KINDS.map((value) => (
                  <MenuItem key={value} value={value}>
                    {intl.formatMessage(FOLLOW_UP_KIND_MESSAGES[value])}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                select
                label={intl.formatMessage({ id: 'followUps.fields.channel', defaultMessage: 'Channel' })}
                value={channel} onChange={(event) => setChannel(event.target.value as ReachableChannel)} size="small" sx={{ minWidth: 120 }}>
                {REACHABLE_CHANNELS.map((value) => (
                  <MenuItem key={value} value={value}>
                    {intl.formatMessage(CHANNEL_MESSAGES[value])}
                  </MenuItem>
                ))}
              </TextField>
            </Stack>
            <DueField label={intl.formatMessage({ id: 'followUps.fields.due', defaultMessage: 'Due' })} value={due} onChange={setDue} agentZone={me.timeZone} customer={customer} />
            <TextField
              label={intl.formatMessage({ id: 'followUps.fields.why', defaultMessage: 'Why' })}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              size="small"
              placeholder={intl.formatMessage({ id: 'followUps.plan.whyPlaceholder', defaultMessage: 'What to follow up on' })}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>
            <FormattedMessage id="followUps.plan.close" defaultMessage="Close" />
          </Button>
          <Button type="submit" variant="contained" aria-keyshortcuts="Control+Enter">
            <FormattedMessage id="followUps.plan.submit" defaultMessage="Plan it" />
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}

export function CustomerFollowUps({ customer }: { customer: Customer }) {
  const intl = useIntl();
  const time = useTimeText();
  const me = useMe();
  const now = useNow();
  const people = usePeople();
  const rows = useCustomerFollowUps(customer.id);
  const myOpen = useLive(
    (db) => (me ? db.followUps.where('[state+ownerId+dueAt]').between(['scheduled', me.id, -Infinity], ['scheduled', me.id, Infinity]).toArray() : Promise.resolve([])),
    [me?.id],
    [],
  );
  const [menu, setMenu] = useState<{ anchor: HTMLElement; followUp: FollowUp } | null>(null);
  const [dialog, setDialog] = useState<{ action: FollowUpAction; followUp: FollowUp } | null>(null);
  const [planning, setPlanning] = useState(false);
  const zone = me?.timeZone ?? 'UTC';
  const supervisor = me?.role === 'supervisor' || me?.role === 'admin';
  const open = (rows ?? []).filter((row) => row.state === 'scheduled');
  const closed = (rows ?? []).filter((row) => row.state !== 'scheduled').slice(0, 3);
  const ownerName = (id: string) => people.find((person) => person.id === id)?.name.split(' ')[0];

  return (
    <Box component="section" aria-labelledby="customer-follow-ups-title" data-testid="customer-follow-ups">
      <Stack direction="row" sx={{ alignItems: 'center', mt: 2, mb: 0.5 }}>
        <Typography variant="h3" id="customer-follow-ups-title" sx={{ flex: 1 }}>
          <FormattedMessage id="followUps.customer.title" defaultMessage="Follow-ups" />
        </Typography>
        <Button size="small" startIcon={<AddAlarmOutlined />} onClick={() => setPlanning(true)} disabled={!me}>
          <FormattedMessage id="followUps.customer.plan" defaultMessage="Plan" />
        </Button>
      </Stack>
      {rows && open.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          <FormattedMessage id="followUps.customer.none" defaultMessage="None planned." />
        </Typography>
      )}
      {open.map((followUp) => {
        const overdue = followUp.dueAt < now;
        const when = time.when(followUp.dueAt, now, zone);
        const values = {
          kind: intl.formatMessage(FOLLOW_UP_KIND_MESSAGES[followUp.kind]),
          when,
          owner: ownerName(followUp.ownerId) ?? intl.formatMessage({ id: 'followUps.customer.someoneElse', defaultMessage: 'someone else' }),
          b: (chunks: ReactNode[]) => <strong>{chunks}</strong>,
        };
        const mine = followUp.ownerId === me?.id;
        return (
          <Stack key={followUp.id} direction="row" spacing={0.5} sx={{ alignItems: 'flex-start', py: 0.5 }} data-testid="customer-follow-up">
            <Box sx={{ flex: 1, minWidth: 0 }}>
              <Typography variant="body2" color={overdue ? 'error.main' : 'text.primary'}>
                {intl.formatMessage(overdue ? (mine ? ROW_MESSAGES.overdue : ROW_MESSAGES.overdueOwner) : mine ? ROW_MESSAGES.due : ROW_MESSAGES.dueOwner, values)}
              </Typography>
              {followUp.reason && (
                <Typography variant="caption" color="text.secondary" component="div">
                  {followUp.reason}
                </Typography>
              )}
            </Box>
            <Button size="small" onClick={() => setDialog({ action: 'complete', followUp })} aria-label={intl.formatMessage(
                {
                  id: 'followUps.customer.completeLabel',
                  defaultMessage: 'Complete the {kind, select, callback {callback} checkIn {check-in} recovery {recovery call} other {message}} due {when}',
                },
                { kind: KIND_KEYS[followUp.kind], when },
              )}
            >
              <FormattedMessage id="followUps.customer.complete" defaultMessage="Complete" />
            </Button>
            <IconButton size="small" aria-label={intl.formatMessage({ id: 'followUps.customer.more', defaultMessage: 'More actions' })} aria-haspopup="menu" onClick={(event) => setMenu({ anchor: event.currentTarget, followUp })}>
              <MoreVert fontSize="small" />
            </IconButton>
          </Stack>
        );
      })}
      {closed.length > 0 && (
        <Box sx={{ mt: 0.5 }}>
          {closed.map((followUp) => {
            const values = {
              kind: intl.formatMessage(FOLLOW_UP_KIND_MESSAGES[followUp.kind]),
              when: followUp.completedAt ? time.when(followUp.completedAt, now, zone) : '',
              dated: followUp.completedAt ? 'yes' : 'no',
            };
            return (
            <Typography key={followUp.id} variant="caption" color="text.secondary" component="div">
              {followUp.state === 'done'
                ? intl.formatMessage(
                    {
                      id: 'followUps.customer.done',
                      defaultMessage:
                        '{kind} done: {outcome, select, reached {reached} noAnswer {no answer} leftMessage {left a message} resolved {resolved} other {needs another follow-up}}{dated, select, yes { · {when}} other {}}',
                    },
                    { ...values, outcome: OUTCOME_KEYS[followUp.outcome ?? 'reached'] },
                  )
                : intl.formatMessage(
                    { id: 'followUps.customer.cancelled', defaultMessage: '{kind} cancelled: {reason}{dated, select, yes { · {when}} other {}}' },
                    { ...values, reason: followUp.cancelReason ?? '' },
                  )}
            </Typography>
            );
          })}
        </Box>
      )}
      <Menu anchorEl={menu?.anchor} open={!!menu} onClose={() => setMenu(null)}>
        {(['reschedule', 'snooze', 'cancel', ...(supervisor ? (['reassign'] as const) : [])] as Exclude<FollowUpAction, 'complete'>[]).map((action) => (
          <MenuItem
            key={action}
            onClick={() => {
              if (menu) setDialog({ action, followUp: menu.followUp });
              setMenu(null);
            }}
          >
            {intl.formatMessage(MENU_MESSAGES[action])}
          </MenuItem>
        ))}
      </Menu>
      {dialog && me && (
        <FollowUpDialog action={dialog.action} target={{ followUp: dialog.followUp, customer }} me={me} people={people} openFollowUps={myOpen} onClose={() => setDialog(null)} />
      )}
      {planning && me && <PlanDialog customer={customer} me={me} open={myOpen} onClose={() => setPlanning(false)} />}
    </Box>
  );
}
