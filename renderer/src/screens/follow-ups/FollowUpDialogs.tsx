/**
 * What can be done to a follow-up, each in a small keyboard-first dialog:
 * complete (outcome, note, satisfaction asked again, the next one chained),
 * reschedule, snooze, cancel with a reason, and (supervisors) reassign.
 * Every time is entered on the agent's clock and shown on the customer's.
 */
import { useId, useState, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { defineMessages, FormattedMessage, useIntl, type IntlShape, type MessageDescriptor } from 'react-intl';
import { REACHABLE_CHANNELS, CHANNEL_MESSAGES, type ReachableChannel } from '@core/domain/common';
import {
  customerName,
  FOLLOW_UP_KIND_MESSAGES,
  FOLLOW_UP_KINDS,
  FOLLOW_UP_OUTCOME_MESSAGES,
  FOLLOW_UP_OUTCOMES,
  type Customer,
  type FollowUp,
  type FollowUpKind,
  type FollowUpOutcome,
  type User,
} from '@core/domain/model';
import { PLANNER_RULES, plannedTimeWarnings } from '@core/planner';
import { FormDialog } from '../../components/FormDialog';
import { commandSpec } from '../../lib/commands/catalogue';
import { run } from '../../data/local';
import { useAppState } from '../../state/app';
import { useCustomerFollowUps } from './data';
import { suggestNextSlot, suggestSlots, useSlotExplanation, useSuggestionReason, type SlotChoice } from './planning';
import { KIND_KEYS, OUTCOME_KEYS } from './keys';
import { fromLocalInput, toLocalInput, useTimeText } from './time';

export type FollowUpAction = 'complete' | 'reschedule' | 'snooze' | 'cancel' | 'reassign';

/** The key for each action, on a chosen follow-up (agenda row or week item). */
const ACTIONS: readonly FollowUpAction[] = ['complete', 'reschedule', 'snooze', 'cancel', 'reassign'];

/** The key of each action, lower-cased as `event.key` reads it; declared in the command catalogue (`followUps.<action>`). */
export const ACTION_KEYS: Record<string, FollowUpAction> = Object.fromEntries(ACTIONS.map((action) => [commandSpec(`followUps.${action}`).keys[0]!.toLowerCase(), action]));

export interface ActionTarget {
  followUp: FollowUp;
  customer: Customer | undefined;
}

interface DialogProps {
  target: ActionTarget;
  me: User;
  people: readonly User[];
  openFollowUps: readonly FollowUp[];
  onClose: () => void;
}

/** Runs a change; a refusal is shown in the dialog and nothing typed is lost. */
function useSubmit(onDone: () => void) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (change: () => Promise<unknown>, done?: string) => {
    setBusy(true);
    setError(null);
    try {
      await change();
      if (done) useAppState.getState().notify(done);
      onDone();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  return { error, setError, busy, submit };
}

const nameOf = (target: ActionTarget, intl: IntlShape) =>
  target.customer ? customerName(target.customer) : intl.formatMessage({ id: 'followUps.dialogs.theCustomer', defaultMessage: 'the customer' });

const TIME_ERRORS: Record<'noTime' | 'past', MessageDescriptor> = defineMessages({
  noTime: { id: 'followUps.dialogs.noTime', defaultMessage: 'Give a date and time.' },
  past: { id: 'followUps.dialogs.past', defaultMessage: 'That time has passed. Pick a time from now on.' },
});

const SNOOZE_CHOICES: Record<'quarter' | 'hour' | 'threeHours', MessageDescriptor> = defineMessages({
  quarter: { id: 'followUps.snooze.quarter', defaultMessage: '15 minutes' },
  hour: { id: 'followUps.snooze.hour', defaultMessage: '1 hour' },
  threeHours: { id: 'followUps.snooze.threeHours', defaultMessage: '3 hours' },
});

/**
 * A date-time field on the agent's clock, with the customer's clock under it
 * and suggested slots to pick. A time outside the customer's contact hours or
 * in their quiet hours, or within an hour of another of their follow-ups,
 * is warned about (not refused: the customer may have asked for it).
 */
export function DueField({
  label,
  value,
  onChange,
  agentZone,
  customer,
  suggestions = [],
  autoFocus,
  except,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  agentZone: string;
  customer: Customer | undefined;
  suggestions?: readonly SlotChoice[];
  autoFocus?: boolean;
  /** The follow-up being moved or completed, not counted as another one. */
  except?: string;
}) {
  const intl = useIntl();
  const time = useTimeText();
  const explain = useSlotExplanation();
  // "Today"/"Tomorrow" on the suggested times count from when the field opened.
  const [openedAt] = useState(() => Date.now());
  const at = fromLocalInput(value, agentZone);
  const theirs = Number.isFinite(at) && customer ? time.customerClock(at, agentZone, customer.timeZone, customer.firstName) : null;
  const theirFollowUps = useCustomerFollowUps(customer?.id ?? '');
  // Several due fields can be open at once (the wrap-up's suggestions): each names its own help.
  const id = useId();
  const helpId = `${id}-help`;
  const warningsId = `${id}-warnings`;
  const warnings = customer ? plannedTimeWarnings({ at, customer, contactHours: PLANNER_RULES.schedule.customerHours, followUps: theirFollowUps ?? [], except, agentZone }) : [];
  return (
    <Box>
      <TextField
        label={label}
        type="datetime-local"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        size="small"
        autoFocus={autoFocus}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'aria-describedby': warnings.length ? `${helpId} ${warningsId}` : helpId } }}
        helperText={
          <span id={helpId}>
            {theirs
              ? intl.formatMessage({ id: 'followUps.due.yourTimeTheirs', defaultMessage: 'Your time ({zone}) · {theirs}' }, { zone: agentZone, theirs })
              : intl.formatMessage({ id: 'followUps.due.yourTime', defaultMessage: 'Your time ({zone})' }, { zone: agentZone })}
          </span>
        }
      />
      {warnings.length > 0 && (
        <Alert severity="warning" id={warningsId} data-testid="due-warning" sx={{ mt: 1 }}>
          {warnings.map((warning) => (
            <Box key={warning.kind}>{intl.formatMessage(warning.message.descriptor, warning.message.values)}</Box>
          ))}
        </Alert>
      )}
      {suggestions.length > 0 && (
        <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap', rowGap: 1 }} role="group" aria-label={intl.formatMessage({ id: 'followUps.due.suggested', defaultMessage: 'Suggested times' })}>
          {suggestions.map((choice) => (
            <Button key={`${choice.label.id}@${choice.at}`} size="small" variant="outlined" onClick={() => onChange(toLocalInput(choice.at, agentZone))} title={explain(choice.explanation) || undefined}>
              {intl.formatMessage(choice.label, { when: time.when(choice.at, openedAt, agentZone) })}
            </Button>
          ))}
        </Stack>
      )}
    </Box>
  );
}

/** A follow-up as the agent will plan it: a suggestion accepted as is or edited, or one added by hand. */
export interface Draft {
  kind: FollowUpKind;
  channel: ReachableChannel;
  /** On the agent's clock, for <input type="datetime-local">. */
  due: string;
  reason: string;
}

/** Kind, channel, due time (with the customer's clock) and why: the fields of one planned follow-up. */
export function DraftFields({
  draft,
  onChange,
  zone,
  customer,
  label,
  dueLabel,
  except,
}: {
  draft: Draft;
  onChange: (draft: Draft) => void;
  zone: string;
  customer: Customer | undefined;
  label: string;
  dueLabel?: string;
  /** A follow-up of the customer's not to warn about (the one being completed). */
  except?: string;
}) {
  const intl = useIntl();
  return (
    <Stack spacing={1.5} role="group" aria-label={label}>
      <Stack direction="row" spacing={2}>
        <TextField
          select
          label={intl.formatMessage({ id: 'followUps.fields.kind', defaultMessage: 'Kind' })} value={draft.kind} onChange={(event) => onChange({ ...draft, kind: event.target.value as FollowUpKind })} size="small" sx={{ minWidth: 150 }}>
          {FOLLOW_UP_KINDS.map((kind) => (
            <MenuItem key={kind} value={kind}>
              {intl.formatMessage(FOLLOW_UP_KIND_MESSAGES[kind])}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label={intl.formatMessage({ id: 'followUps.fields.channel', defaultMessage: 'Channel' })}
          value={draft.channel} onChange={(event) => onChange({ ...draft, channel: event.target.value as ReachableChannel })} size="small" sx={{ minWidth: 120 }}>
          {REACHABLE_CHANNELS.map((channel) => (
            <MenuItem key={channel} value={channel}>
              {intl.formatMessage(CHANNEL_MESSAGES[channel])}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <DueField
        label={dueLabel ?? intl.formatMessage({ id: 'followUps.fields.due', defaultMessage: 'Due' })}
        value={draft.due} onChange={(due) => onChange({ ...draft, due })} agentZone={zone} customer={customer} except={except} />
      <TextField label={intl.formatMessage({ id: 'followUps.fields.why', defaultMessage: 'Why' })} value={draft.reason} onChange={(event) => onChange({ ...draft, reason: event.target.value })} size="small" />
    </Stack>
  );
}

function CompleteDialog({ target, me, openFollowUps, onClose }: DialogProps) {
  const intl = useIntl();
  const time = useTimeText();
  const reasonText = useSuggestionReason();
  const { followUp, customer } = target;
  const [now] = useState(() => Date.now());
  const [outcome, setOutcome] = useState<FollowUpOutcome | ''>('');
  const [note, setNote] = useState('');
  const [csat, setCsat] = useState<number | null>(null);
  const [chain, setChain] = useState(false);
  const [next, setNext] = useState<Draft | null>(null);
  const { error, setError, busy, submit } = useSubmit(onClose);
  const chaining = outcome === 'needs-another' || chain;

  const planNext = (chosen: FollowUpOutcome) => {
    const suggestion = suggestNextSlot(chosen, followUp, customer, me, openFollowUps, Date.now());
    setNext({
      due: toLocalInput(suggestion?.at ?? Date.now() + 86_400_000, me.timeZone),
      kind: followUp.kind,
      channel: followUp.channel,
      reason: suggestion ? reasonText(suggestion.reason) : followUp.reason,
    });
  };

  const choose = (chosen: FollowUpOutcome) => {
    setOutcome(chosen);
    const offer = chosen === 'needs-another' || chosen === 'no-answer' || chosen === 'left-message';
    setChain(chosen === 'no-answer' || chosen === 'left-message');
    if (offer) planNext(chosen);
  };

  const onSubmit = () => {
    if (!outcome) return setError(intl.formatMessage({ id: 'followUps.complete.noOutcome', defaultMessage: 'Choose how it went.' }));
    let nextArgs = null;
    if (chaining && next) {
      const dueAt = fromLocalInput(next.due, me.timeZone);
      if (!Number.isFinite(dueAt)) return setError(intl.formatMessage({ id: 'followUps.complete.nextNoTime', defaultMessage: 'Give the next follow-up a date and time.' }));
      if (dueAt < Date.now()) return setError(intl.formatMessage({ id: 'followUps.complete.nextPast', defaultMessage: 'The next follow-up must be due from now on.' }));
      nextArgs = { id: crypto.randomUUID(), kind: next.kind, channel: next.channel, dueAt, reason: next.reason };
    }
    void submit(
      () =>
        run('followUp.complete', {
          id: followUp.id,
          outcome,
          note,
          outcomeContactId: crypto.randomUUID(),
          survey: csat !== null ? { id: crypto.randomUUID(), csat } : null,
          next: nextArgs,
        }),
      intl.formatMessage(
        {
          id: 'followUps.complete.done',
          defaultMessage:
            '{kind} with {name} done: {outcome, select, reached {reached} noAnswer {no answer} leftMessage {left a message} resolved {resolved} other {needs another follow-up}}.{next, select, yes { Next one {when}.} other {}}',
        },
        {
          kind: intl.formatMessage(FOLLOW_UP_KIND_MESSAGES[followUp.kind]),
          name: nameOf(target, intl),
          outcome: OUTCOME_KEYS[outcome],
          next: nextArgs ? 'yes' : 'no',
          when: nextArgs ? time.when(nextArgs.dueAt, Date.now(), me.timeZone) : '',
        },
      ),
    );
  };

  return (
    <FormDialog
      title={intl.formatMessage(
        { id: 'followUps.complete.title', defaultMessage: 'Complete: {kind, select, callback {callback} checkIn {check-in} recovery {recovery call} other {message}} with {name}' },
        { kind: KIND_KEYS[followUp.kind], name: nameOf(target, intl) },
      )}
      description={
        followUp.reason
          ? intl.formatMessage({ id: 'followUps.complete.description', defaultMessage: '{reason} · due {when}' }, { reason: followUp.reason, when: time.when(followUp.dueAt, now, me.timeZone) })
          : intl.formatMessage({ id: 'followUps.complete.descriptionNoReason', defaultMessage: 'No reason given · due {when}' }, { when: time.when(followUp.dueAt, now, me.timeZone) })
      }
      submitLabel={intl.formatMessage({ id: 'followUps.complete.submit', defaultMessage: 'Complete (Ctrl+Enter)' })}
      onSubmit={onSubmit}
      onClose={onClose}
      error={error}
      busy={busy}
    >
      <Box>
        <FormLabel id="outcome-label">
          <FormattedMessage id="followUps.complete.outcome" defaultMessage="Outcome" />
        </FormLabel>
        <RadioGroup aria-labelledby="outcome-label" value={outcome} onChange={(event) => choose(event.target.value as FollowUpOutcome)}>
          {FOLLOW_UP_OUTCOMES.map((value, index) => (
            <FormControlLabel
              key={value}
              value={value}
              control={<Radio size="small" autoFocus={index === 0} />}
              label={intl.formatMessage(FOLLOW_UP_OUTCOME_MESSAGES[value])}
            />
          ))}
        </RadioGroup>
      </Box>
      <TextField
        label={intl.formatMessage({ id: 'followUps.complete.note', defaultMessage: 'Note for the history' })}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        multiline
        minRows={2}
        size="small"
        placeholder={intl.formatMessage({ id: 'followUps.complete.notePlaceholder', defaultMessage: 'What was said, what was agreed' })}
      />
      <Box>
        <Typography variant="body2" id="fu-csat-label" sx={{ mb: 0.5 }}>
          <FormattedMessage id="followUps.complete.csat" defaultMessage="Satisfaction now (CSAT 1–5, optional)" />
        </Typography>
        <ToggleButtonGroup exclusive size="small" value={csat} onChange={(_e, value: number | null) => setCsat(value)} aria-labelledby="fu-csat-label">
          {[1, 2, 3, 4, 5].map((score) => (
            <ToggleButton key={score} value={score} aria-label={intl.formatMessage({ id: 'followUps.complete.csatScore', defaultMessage: 'CSAT {score}' }, { score })}>
              {score}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Box>
      {(outcome === 'no-answer' || outcome === 'left-message') && (
        <FormControlLabel control={<Checkbox checked={chain} onChange={(event) => setChain(event.target.checked)} />} label={intl.formatMessage({ id: 'followUps.complete.planAnother', defaultMessage: 'Plan another attempt' })}
        />
      )}
      {chaining && next && (
        <Box sx={{ borderLeft: 3, borderColor: 'primary.main', pl: 2 }}>
          <Typography variant="subtitle2" sx={{ mb: 1.5 }}>
            <FormattedMessage id="followUps.complete.next" defaultMessage="Next follow-up" />
          </Typography>
          <DraftFields
            draft={next}
            onChange={setNext}
            zone={me.timeZone}
            customer={customer}
            label={intl.formatMessage({ id: 'followUps.complete.next', defaultMessage: 'Next follow-up' })}
            dueLabel={intl.formatMessage({ id: 'followUps.complete.nextDue', defaultMessage: 'Next due' })}
            except={followUp.id}
          />
        </Box>
      )}
    </FormDialog>
  );
}

function RescheduleDialog({ target, me, openFollowUps, onClose }: DialogProps) {
  const intl = useIntl();
  const time = useTimeText();
  const { followUp, customer } = target;
  const [due, setDue] = useState(() => toLocalInput(followUp.dueAt, me.timeZone));
  const { error, setError, busy, submit } = useSubmit(onClose);
  const [now] = useState(() => Date.now());
  const [suggestions] = useState(() => suggestSlots(followUp, customer, me, openFollowUps, now));
  const onSubmit = () => {
    const dueAt = fromLocalInput(due, me.timeZone);
    if (!Number.isFinite(dueAt)) return setError(intl.formatMessage(TIME_ERRORS.noTime));
    if (dueAt < Date.now()) return setError(intl.formatMessage(TIME_ERRORS.past));
    void submit(
      () => run('followUp.reschedule', { id: followUp.id, dueAt }),
      intl.formatMessage({ id: 'followUps.reschedule.done', defaultMessage: 'Rescheduled to {when}.' }, { when: time.when(dueAt, Date.now(), me.timeZone) }),
    );
  };
  return (
    <FormDialog
      title={intl.formatMessage(
        { id: 'followUps.reschedule.title', defaultMessage: 'Reschedule: {kind, select, callback {callback} checkIn {check-in} recovery {recovery call} other {message}} with {name}' },
        { kind: KIND_KEYS[followUp.kind], name: nameOf(target, intl) },
      )}
      description={intl.formatMessage(
        { id: 'followUps.reschedule.description', defaultMessage: 'Now due {when}. {reason}' },
        { when: time.when(followUp.dueAt, now, me.timeZone), reason: followUp.reason },
      )}
      submitLabel={intl.formatMessage({ id: 'followUps.reschedule.submit', defaultMessage: 'Reschedule' })}
      onSubmit={onSubmit}
      onClose={onClose}
      error={error}
      busy={busy}
    >
      <DueField
        label={intl.formatMessage({ id: 'followUps.reschedule.newDue', defaultMessage: 'New due time' })}
        value={due} onChange={setDue} agentZone={me.timeZone} customer={customer} suggestions={suggestions} autoFocus except={followUp.id} />
    </FormDialog>
  );
}

function SnoozeDialog({ target, me, onClose }: DialogProps) {
  const intl = useIntl();
  const time = useTimeText();
  const { followUp, customer } = target;
  const [now] = useState(() => Date.now());
  const choices: SlotChoice[] = [
    { label: SNOOZE_CHOICES.quarter, at: now + 15 * 60_000, explanation: [] },
    { label: SNOOZE_CHOICES.hour, at: now + 60 * 60_000, explanation: [] },
    { label: SNOOZE_CHOICES.threeHours, at: now + 3 * 60 * 60_000, explanation: [] },
  ];
  const [until, setUntil] = useState(() => toLocalInput(now + 60 * 60_000, me.timeZone));
  const { error, setError, busy, submit } = useSubmit(onClose);
  const onSubmit = () => {
    const at = fromLocalInput(until, me.timeZone);
    if (!Number.isFinite(at)) return setError(intl.formatMessage(TIME_ERRORS.noTime));
    if (at <= Date.now()) return setError(intl.formatMessage({ id: 'followUps.snooze.past', defaultMessage: 'Snooze until a time that is still to come.' }));
    void submit(
      () => run('followUp.snooze', { id: followUp.id, until: at }),
      intl.formatMessage({ id: 'followUps.snooze.done', defaultMessage: "Snoozed: you'll be reminded {when}." }, { when: time.when(at, Date.now(), me.timeZone) }),
    );
  };
  return (
    <FormDialog
      title={intl.formatMessage({ id: 'followUps.snooze.title', defaultMessage: 'Snooze the reminder for {name}' }, { name: nameOf(target, intl) })}
      description={intl.formatMessage(
        { id: 'followUps.snooze.description', defaultMessage: 'It stays due {when}; only the reminder moves.' },
        { when: time.when(followUp.dueAt, now, me.timeZone) },
      )}
      submitLabel={intl.formatMessage({ id: 'followUps.snooze.submit', defaultMessage: 'Snooze' })}
      onSubmit={onSubmit}
      onClose={onClose}
      error={error}
      busy={busy}
    >
      <DueField
        label={intl.formatMessage({ id: 'followUps.snooze.remindAt', defaultMessage: 'Remind me at' })}
        value={until} onChange={setUntil} agentZone={me.timeZone} customer={customer} suggestions={choices} autoFocus />
    </FormDialog>
  );
}

function CancelDialog({ target, onClose }: DialogProps) {
  const intl = useIntl();
  const { followUp } = target;
  const [reason, setReason] = useState('');
  const { error, setError, busy, submit } = useSubmit(onClose);
  const onSubmit = () => {
    if (!reason.trim()) return setError(intl.formatMessage({ id: 'followUps.cancel.noReason', defaultMessage: 'Say why it is cancelled.' }));
    void submit(
      () => run('followUp.cancel', { id: followUp.id, reason: reason.trim() }),
      intl.formatMessage(
        { id: 'followUps.cancel.done', defaultMessage: 'Cancelled the {kind, select, callback {callback} checkIn {check-in} recovery {recovery call} other {message}} with {name}.' },
        { kind: KIND_KEYS[followUp.kind], name: nameOf(target, intl) },
      ),
    );
  };
  return (
    <FormDialog
      title={intl.formatMessage(
        { id: 'followUps.cancel.title', defaultMessage: 'Cancel: {kind, select, callback {callback} checkIn {check-in} recovery {recovery call} other {message}} with {name}' },
        { kind: KIND_KEYS[followUp.kind], name: nameOf(target, intl) },
      )}
      description={followUp.reason}
      submitLabel={intl.formatMessage({ id: 'followUps.cancel.submit', defaultMessage: 'Cancel follow-up' })}
      onSubmit={onSubmit}
      onClose={onClose}
      error={error}
      busy={busy}
    >
      <TextField
        label={intl.formatMessage({ id: 'followUps.cancel.reason', defaultMessage: 'Reason' })}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        size="small"
        autoFocus
        required
        placeholder={intl.formatMessage({ id: 'followUps.cancel.reasonPlaceholder', defaultMessage: 'e.g. The customer called in and it is sorted' })}
      />
    </FormDialog>
  );
}

function ReassignDialog({ target, me, people, openFollowUps, onClose }: DialogProps) {
  const intl = useIntl();
  const time = useTimeText();
  const { followUp } = target;
  const [now] = useState(() => Date.now());
  const teammates = people.filter((person) => person.id !== followUp.ownerId && (me.role === 'admin' || person.teamIds.some((team) => me.teamIds.includes(team))));
  const [ownerId, setOwnerId] = useState(teammates.find((person) => person.role === 'agent')?.id ?? teammates[0]?.id ?? '');
  const { error, setError, busy, submit } = useSubmit(onClose);
  const load = (userId: string) => openFollowUps.filter((row) => row.ownerId === userId).length;
  const onSubmit = () => {
    if (!ownerId) return setError(intl.formatMessage({ id: 'followUps.reassign.noOwner', defaultMessage: 'Choose who does it.' }));
    const person = people.find((p) => p.id === ownerId);
    void submit(
      () => run('followUp.reassign', { id: followUp.id, ownerId }),
      person
        ? intl.formatMessage({ id: 'followUps.reassign.done', defaultMessage: 'Given to {name}.' }, { name: person.name })
        : intl.formatMessage({ id: 'followUps.reassign.doneSomeone', defaultMessage: 'Given to them.' }),
    );
  };
  return (
    <FormDialog
      title={intl.formatMessage(
        { id: 'followUps.reassign.title', defaultMessage: 'Reassign: {kind, select, callback {callback} checkIn {check-in} recovery {recovery call} other {message}} with {name}' },
        { kind: KIND_KEYS[followUp.kind], name: nameOf(target, intl) },
      )}
      description={(() => {
        const owner = people.find((p) => p.id === followUp.ownerId)?.name;
        const when = time.when(followUp.dueAt, now, me.timeZone);
        return owner
          ? intl.formatMessage({ id: 'followUps.reassign.description', defaultMessage: "Now {owner}'s, due {when}." }, { owner, when })
          : intl.formatMessage({ id: 'followUps.reassign.descriptionUnassigned', defaultMessage: 'Now unassigned, due {when}.' }, { when });
      })()}
      submitLabel={intl.formatMessage({ id: 'followUps.reassign.submit', defaultMessage: 'Reassign' })}
      onSubmit={onSubmit}
      onClose={onClose}
      error={error}
      busy={busy}
    >
      <TextField
        select
        label={intl.formatMessage({ id: 'followUps.reassign.giveTo', defaultMessage: 'Give it to' })}
        value={ownerId} onChange={(event) => setOwnerId(event.target.value)} size="small" autoFocus>
        {teammates.map((person) => (
          <MenuItem key={person.id} value={person.id}>
            <FormattedMessage id="followUps.reassign.person" defaultMessage="{name} · {count} open" values={{ name: person.name, count: load(person.id) }} />
          </MenuItem>
        ))}
      </TextField>
    </FormDialog>
  );
}

const DIALOGS: Record<FollowUpAction, (props: DialogProps) => ReactNode> = {
  complete: CompleteDialog,
  reschedule: RescheduleDialog,
  snooze: SnoozeDialog,
  cancel: CancelDialog,
  reassign: ReassignDialog,
};

/** The dialog for one action on one follow-up (rendered while open). */
export function FollowUpDialog({ action, ...props }: DialogProps & { action: FollowUpAction }) {
  const Component = DIALOGS[action];
  return <Component {...props} />;
}
