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
import { REACHABLE_CHANNELS, CHANNEL_LABELS, type ReachableChannel } from '@core/domain/common';
import {
  customerName,
  FOLLOW_UP_KIND_LABELS,
  FOLLOW_UP_KINDS,
  FOLLOW_UP_OUTCOME_LABELS,
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
import { suggestNextSlot, suggestSlots, type SlotChoice } from './planning';
import { customerClockText, fromLocalInput, toLocalInput, whenText } from './time';

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

const nameOf = (target: ActionTarget) => (target.customer ? customerName(target.customer) : 'the customer');

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
  const at = fromLocalInput(value, agentZone);
  const theirs = Number.isFinite(at) && customer ? customerClockText(at, agentZone, customer.timeZone, customer.firstName) : null;
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
        helperText={<span id={helpId}>{`Your time (${agentZone})${theirs ? ` · ${theirs}` : ''}`}</span>}
      />
      {warnings.length > 0 && (
        <Alert severity="warning" id={warningsId} data-testid="due-warning" sx={{ mt: 1 }}>
          {warnings.map((warning) => (
            <Box key={warning.kind}>{warning.message}</Box>
          ))}
        </Alert>
      )}
      {suggestions.length > 0 && (
        <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap', rowGap: 1 }} role="group" aria-label="Suggested times">
          {suggestions.map((choice) => (
            <Button key={choice.label} size="small" variant="outlined" onClick={() => onChange(toLocalInput(choice.at, agentZone))} title={choice.explanation}>
              {choice.label}
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
  dueLabel = 'Due',
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
  return (
    <Stack spacing={1.5} role="group" aria-label={label}>
      <Stack direction="row" spacing={2}>
        <TextField select label="Kind" value={draft.kind} onChange={(event) => onChange({ ...draft, kind: event.target.value as FollowUpKind })} size="small" sx={{ minWidth: 150 }}>
          {FOLLOW_UP_KINDS.map((kind) => (
            <MenuItem key={kind} value={kind}>
              {FOLLOW_UP_KIND_LABELS[kind]}
            </MenuItem>
          ))}
        </TextField>
        <TextField select label="Channel" value={draft.channel} onChange={(event) => onChange({ ...draft, channel: event.target.value as ReachableChannel })} size="small" sx={{ minWidth: 120 }}>
          {REACHABLE_CHANNELS.map((channel) => (
            <MenuItem key={channel} value={channel}>
              {CHANNEL_LABELS[channel]}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <DueField label={dueLabel} value={draft.due} onChange={(due) => onChange({ ...draft, due })} agentZone={zone} customer={customer} except={except} />
      <TextField label="Why" value={draft.reason} onChange={(event) => onChange({ ...draft, reason: event.target.value })} size="small" />
    </Stack>
  );
}

function CompleteDialog({ target, me, openFollowUps, onClose }: DialogProps) {
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
      reason: suggestion?.reason ?? followUp.reason,
    });
  };

  const choose = (chosen: FollowUpOutcome) => {
    setOutcome(chosen);
    const offer = chosen === 'needs-another' || chosen === 'no-answer' || chosen === 'left-message';
    setChain(chosen === 'no-answer' || chosen === 'left-message');
    if (offer) planNext(chosen);
  };

  const onSubmit = () => {
    if (!outcome) return setError('Choose how it went.');
    let nextArgs = null;
    if (chaining && next) {
      const dueAt = fromLocalInput(next.due, me.timeZone);
      if (!Number.isFinite(dueAt)) return setError('Give the next follow-up a date and time.');
      if (dueAt < Date.now()) return setError('The next follow-up must be due from now on.');
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
      `${FOLLOW_UP_KIND_LABELS[followUp.kind]} with ${nameOf(target)} done: ${FOLLOW_UP_OUTCOME_LABELS[outcome].toLowerCase()}.${nextArgs ? ` Next one ${whenText(nextArgs.dueAt, Date.now(), me.timeZone)}.` : ''}`,
    );
  };

  return (
    <FormDialog
      title={`Complete: ${FOLLOW_UP_KIND_LABELS[followUp.kind].toLowerCase()} with ${nameOf(target)}`}
      description={`${followUp.reason || 'No reason given'} · due ${whenText(followUp.dueAt, now, me.timeZone)}`}
      submitLabel="Complete (Ctrl+Enter)"
      onSubmit={onSubmit}
      onClose={onClose}
      error={error}
      busy={busy}
    >
      <Box>
        <FormLabel id="outcome-label">Outcome</FormLabel>
        <RadioGroup aria-labelledby="outcome-label" value={outcome} onChange={(event) => choose(event.target.value as FollowUpOutcome)}>
          {FOLLOW_UP_OUTCOMES.map((value, index) => (
            <FormControlLabel
              key={value}
              value={value}
              control={<Radio size="small" autoFocus={index === 0} />}
              label={FOLLOW_UP_OUTCOME_LABELS[value]}
            />
          ))}
        </RadioGroup>
      </Box>
      <TextField label="Note for the history" value={note} onChange={(event) => setNote(event.target.value)} multiline minRows={2} size="small" placeholder="What was said, what was agreed" />
      <Box>
        <Typography variant="body2" id="fu-csat-label" sx={{ mb: 0.5 }}>
          Satisfaction now (CSAT 1–5, optional)
        </Typography>
        <ToggleButtonGroup exclusive size="small" value={csat} onChange={(_e, value: number | null) => setCsat(value)} aria-labelledby="fu-csat-label">
          {[1, 2, 3, 4, 5].map((score) => (
            <ToggleButton key={score} value={score} aria-label={`CSAT ${score}`}>
              {score}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Box>
      {(outcome === 'no-answer' || outcome === 'left-message') && (
        <FormControlLabel control={<Checkbox checked={chain} onChange={(event) => setChain(event.target.checked)} />} label="Plan another attempt" />
      )}
      {chaining && next && (
        <Box sx={{ borderLeft: 3, borderColor: 'primary.main', pl: 2 }}>
          <Typography variant="subtitle2" sx={{ mb: 1.5 }}>
            Next follow-up
          </Typography>
          <DraftFields draft={next} onChange={setNext} zone={me.timeZone} customer={customer} label="Next follow-up" dueLabel="Next due" except={followUp.id} />
        </Box>
      )}
    </FormDialog>
  );
}

function RescheduleDialog({ target, me, openFollowUps, onClose }: DialogProps) {
  const { followUp, customer } = target;
  const [due, setDue] = useState(() => toLocalInput(followUp.dueAt, me.timeZone));
  const { error, setError, busy, submit } = useSubmit(onClose);
  const [now] = useState(() => Date.now());
  const [suggestions] = useState(() => suggestSlots(followUp, customer, me, openFollowUps, now));
  const onSubmit = () => {
    const dueAt = fromLocalInput(due, me.timeZone);
    if (!Number.isFinite(dueAt)) return setError('Give a date and time.');
    if (dueAt < Date.now()) return setError('That time has passed. Pick a time from now on.');
    void submit(() => run('followUp.reschedule', { id: followUp.id, dueAt }), `Rescheduled to ${whenText(dueAt, Date.now(), me.timeZone)}.`);
  };
  return (
    <FormDialog
      title={`Reschedule: ${FOLLOW_UP_KIND_LABELS[followUp.kind].toLowerCase()} with ${nameOf(target)}`}
      description={`Now due ${whenText(followUp.dueAt, now, me.timeZone)}. ${followUp.reason}`}
      submitLabel="Reschedule"
      onSubmit={onSubmit}
      onClose={onClose}
      error={error}
      busy={busy}
    >
      <DueField label="New due time" value={due} onChange={setDue} agentZone={me.timeZone} customer={customer} suggestions={suggestions} autoFocus except={followUp.id} />
    </FormDialog>
  );
}

function SnoozeDialog({ target, me, onClose }: DialogProps) {
  const { followUp, customer } = target;
  const [now] = useState(() => Date.now());
  const choices: SlotChoice[] = [
    { label: '15 minutes', at: now + 15 * 60_000, explanation: '' },
    { label: '1 hour', at: now + 60 * 60_000, explanation: '' },
    { label: '3 hours', at: now + 3 * 60 * 60_000, explanation: '' },
  ];
  const [until, setUntil] = useState(() => toLocalInput(now + 60 * 60_000, me.timeZone));
  const { error, setError, busy, submit } = useSubmit(onClose);
  const onSubmit = () => {
    const at = fromLocalInput(until, me.timeZone);
    if (!Number.isFinite(at)) return setError('Give a date and time.');
    if (at <= Date.now()) return setError('Snooze until a time that is still to come.');
    void submit(() => run('followUp.snooze', { id: followUp.id, until: at }), `Snoozed: you'll be reminded ${whenText(at, Date.now(), me.timeZone)}.`);
  };
  return (
    <FormDialog
      title={`Snooze the reminder for ${nameOf(target)}`}
      description={`It stays due ${whenText(followUp.dueAt, now, me.timeZone)}; only the reminder moves.`}
      submitLabel="Snooze"
      onSubmit={onSubmit}
      onClose={onClose}
      error={error}
      busy={busy}
    >
      <DueField label="Remind me at" value={until} onChange={setUntil} agentZone={me.timeZone} customer={customer} suggestions={choices} autoFocus />
    </FormDialog>
  );
}

function CancelDialog({ target, onClose }: DialogProps) {
  const { followUp } = target;
  const [reason, setReason] = useState('');
  const { error, setError, busy, submit } = useSubmit(onClose);
  const onSubmit = () => {
    if (!reason.trim()) return setError('Say why it is cancelled.');
    void submit(() => run('followUp.cancel', { id: followUp.id, reason: reason.trim() }), `Cancelled the ${FOLLOW_UP_KIND_LABELS[followUp.kind].toLowerCase()} with ${nameOf(target)}.`);
  };
  return (
    <FormDialog
      title={`Cancel: ${FOLLOW_UP_KIND_LABELS[followUp.kind].toLowerCase()} with ${nameOf(target)}`}
      description={followUp.reason}
      submitLabel="Cancel follow-up"
      onSubmit={onSubmit}
      onClose={onClose}
      error={error}
      busy={busy}
    >
      <TextField label="Reason" value={reason} onChange={(event) => setReason(event.target.value)} size="small" autoFocus required placeholder="e.g. The customer called in and it is sorted" />
    </FormDialog>
  );
}

function ReassignDialog({ target, me, people, openFollowUps, onClose }: DialogProps) {
  const { followUp } = target;
  const [now] = useState(() => Date.now());
  const teammates = people.filter((person) => person.id !== followUp.ownerId && (me.role === 'admin' || person.teamIds.some((team) => me.teamIds.includes(team))));
  const [ownerId, setOwnerId] = useState(teammates.find((person) => person.role === 'agent')?.id ?? teammates[0]?.id ?? '');
  const { error, setError, busy, submit } = useSubmit(onClose);
  const load = (userId: string) => openFollowUps.filter((row) => row.ownerId === userId).length;
  const onSubmit = () => {
    if (!ownerId) return setError('Choose who does it.');
    const person = people.find((p) => p.id === ownerId);
    void submit(() => run('followUp.reassign', { id: followUp.id, ownerId }), `Given to ${person?.name ?? 'them'}.`);
  };
  return (
    <FormDialog
      title={`Reassign: ${FOLLOW_UP_KIND_LABELS[followUp.kind].toLowerCase()} with ${nameOf(target)}`}
      description={`Now ${people.find((p) => p.id === followUp.ownerId)?.name ?? 'unassigned'}'s, due ${whenText(followUp.dueAt, now, me.timeZone)}.`}
      submitLabel="Reassign"
      onSubmit={onSubmit}
      onClose={onClose}
      error={error}
      busy={busy}
    >
      <TextField select label="Give it to" value={ownerId} onChange={(event) => setOwnerId(event.target.value)} size="small" autoFocus>
        {teammates.map((person) => (
          <MenuItem key={person.id} value={person.id}>
            {person.name} · {load(person.id)} open
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
