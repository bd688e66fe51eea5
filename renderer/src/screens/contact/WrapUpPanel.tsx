import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { FormattedMessage, useIntl } from 'react-intl';
import { CHANNEL_MESSAGES } from '@core/domain/common';
import { FOLLOW_UP_KIND_MESSAGES, type Contact, type QueueItem } from '@core/domain/model';
import type { PlannedSuggestion, SuggestionReason } from '@core/planner';
import { DISPOSITIONS, dispositionLabel } from '@core/wrapup';
import { useLive, useMe } from '../../data/hooks';
import { run } from '../../data/local';
import { DraftFields, type Draft } from '../follow-ups/FollowUpDialogs';
import { useSlotExplanation, useSuggestionReason, wrapUpSuggestions } from '../follow-ups/planning';
import { fromLocalInput, toLocalInput } from '../follow-ups/time';
import { useNow } from '../../data/useNow';
import { useFormat } from '../../lib/i18n';
import { inSentence } from '../customer/history';
import { useAppState } from '../../state/app';
import { returnToQueue } from '../../shell/returnToQueue';
import { flushDrafts } from '../../data/drafts';
import { useWorkspaces, useWorkspaceWork } from './workspace';

type Decision = { state: 'accepted' } | { state: 'dismissed' } | { state: 'edited'; draft: Draft };

/** What stops the wrap-up from finishing, said next to the field it concerns (which takes focus). */
type Missing = { field: 'disposition' | 'resolved'; message: string } | { field: 'suggestion'; ruleId: string; message: string };

/** The control to put the agent on for what is missing. */
function focusOn(form: HTMLFormElement | null, missing: Missing): void {
  if (missing.field === 'suggestion') form?.querySelector<HTMLElement>(`[data-rule="${CSS.escape(missing.ruleId)}"] [data-focus-after-decision]`)?.focus();
  else if (missing.field === 'resolved') form?.querySelector<HTMLElement>('#wrapup-resolved button')?.focus();
  else document.getElementById('wrapup-disposition')?.focus();
}

/** The follow-up a suggestion plans, its reason in the agent's language (`reasonText`) and theirs to edit. */
function draftOf(planned: PlannedSuggestion, zone: string, reasonText: (reason: SuggestionReason) => string): Draft {
  return { kind: planned.suggestion.kind, channel: planned.suggestion.channel, due: toLocalInput(planned.slot.dueAt, zone), reason: reasonText(planned.suggestion.reason) };
}

/**
 * Wrap-up: how it went (disposition, resolved or not, a summary), how the
 * customer felt (CSAT/NPS, or a survey sent), and what happens next (a
 * follow-up). After-contact work is timed from the end of the conversation.
 */
export function WrapUpPanel({ contact, item }: { contact: Contact; item: QueueItem }) {
  const now = useNow();
  const intl = useIntl();
  const explain = useSlotExplanation();
  const reasonText = useSuggestionReason();
  const format = useFormat();
  const notify = useAppState((state) => state.notify);
  const workspace = useWorkspaceWork(contact.id);
  const { clear, update } = useWorkspaces.getState();
  // The form as the agent left it (a draft kept across reloads and restarts), read once as the panel opens.
  const [kept] = useState(() => useWorkspaces.getState().byContact[contact.id]?.wrapUp ?? null);
  const [disposition, setDisposition] = useState(kept?.disposition ?? '');
  const [resolved, setResolved] = useState<'resolved' | 'unresolved' | ''>(kept?.resolved ?? '');
  const [summary, setSummary] = useState(kept?.summary ?? '');
  const [csat, setCsat] = useState<number | null>(kept?.csat ?? null);
  const [nps, setNps] = useState<number | null>(kept?.nps ?? null);
  const [surveySent, setSurveySent] = useState(kept?.surveySent ?? false);
  const [plan, setPlan] = useState(kept?.plan ?? false);
  const me = useMe();
  const zone = me?.timeZone ?? 'UTC';
  const [manual, setManual] = useState<Draft>(
    () =>
      kept?.manual ?? {
        kind: 'callback',
        channel: contact.channel === 'note' ? 'call' : contact.channel,
        due: toLocalInput(Date.now() + 86_400_000, zone),
        reason: '',
      },
  );
  const [decisions, setDecisions] = useState<Record<string, Decision>>(kept?.decisions ?? {});
  // Each change is kept as the wrap-up's draft; the form as it opened is not a draft yet.
  const asOpened = useRef<string | null>(null);
  useEffect(() => {
    const form = { disposition, resolved, summary, csat, nps, surveySent, plan, manual, decisions };
    const shape = JSON.stringify(form);
    asOpened.current ??= shape;
    if (shape === asOpened.current) return;
    asOpened.current = '';
    update(contact.id, { wrapUp: form });
  }, [contact.id, update, disposition, resolved, summary, csat, nps, surveySent, plan, manual, decisions]);
  const customer = useLive((db) => db.customers.get(contact.customerId), [contact.customerId], undefined);
  const myOpen = useLive(
    (db) => (me ? db.followUps.where('[state+ownerId+dueAt]').between(['scheduled', me.id, -Infinity], ['scheduled', me.id, Infinity]).toArray() : Promise.resolve([])),
    [me?.id],
    [],
  );
  // What the planner suggests from how it went: recomputed when the answers change, and each minute, not as the clock ticks.
  const minute = Math.floor(now / 60_000) * 60_000;
  const suggestions = useMemo(
    () => (me && customer && resolved ? wrapUpSuggestions({ ...contact, resolution: resolved, promise: workspace.promise }, customer, csat, me, myOpen, minute) : []),
    [me, customer, resolved, csat, workspace.promise, contact, myOpen, minute],
  );
  // Deciding replaces the card's buttons: focus stays in the card (on Undo, or back on Accept), so Ctrl+Enter still finishes.
  const focusRule = useRef<string | null>(null);
  useEffect(() => {
    if (!focusRule.current) return;
    formRef.current?.querySelector<HTMLElement>(`[data-rule="${CSS.escape(focusRule.current)}"] [data-focus-after-decision]`)?.focus();
    focusRule.current = null;
  });
  const decide = (ruleId: string, decision: Decision | null) => {
    focusRule.current = ruleId;
    setDecisions((current) => {
      const next = { ...current };
      if (decision) next[ruleId] = decision;
      else delete next[ruleId];
      return next;
    });
  };
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState<Missing | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  // A message goes next to its field once it is drawn; focus follows it there, so it is read with the field.
  useEffect(() => {
    if (missing) focusOn(formRef.current, missing);
  }, [missing]);
  const stop = (problem: Missing) => {
    setError(null);
    // A new object each time: pressing again with the same problem puts focus back on the field.
    setMissing({ ...problem });
  };

  // The stored value stays the English label (the history and reports read it); the agent sees their language.
  const shownDisposition = (label: string) => {
    const found = DISPOSITIONS.find((d) => d.label === label);
    return found ? dispositionLabel(found, format.locale) : label;
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!disposition) return stop({ field: 'disposition', message: intl.formatMessage({ id: 'wrapUp.missing.disposition', defaultMessage: 'Choose a disposition: how the contact ended.' }) });
    if (!resolved) return stop({ field: 'resolved', message: intl.formatMessage({ id: 'wrapUp.missing.resolved', defaultMessage: 'Say whether the customer’s need was resolved.' }) });
    const undecided = suggestions.filter((planned) => !decisions[planned.suggestion.ruleId]);
    if (undecided.length) {
      return stop({
        field: 'suggestion',
        ruleId: undecided[0]!.suggestion.ruleId,
        message: intl.formatMessage(
          { id: 'wrapUp.missing.suggestions', defaultMessage: '{count, plural, one {Accept, edit or dismiss the suggested follow-up first (# left).} other {Accept, edit or dismiss the suggested follow-ups first (# left).}}' },
          { count: undecided.length },
        ),
      });
    }
    setMissing(null);
    // Everything to plan, checked before anything is stored.
    const toPlan: (Draft & { dueAt: number; ruleId: string | null })[] = [];
    for (const planned of suggestions) {
      const decision = decisions[planned.suggestion.ruleId]!;
      if (decision.state === 'dismissed') continue;
      const draft = decision.state === 'edited' ? decision.draft : draftOf(planned, zone, reasonText);
      toPlan.push({ ...draft, dueAt: decision.state === 'edited' ? fromLocalInput(draft.due, zone) : planned.slot.dueAt, ruleId: planned.suggestion.ruleId });
    }
    if (plan) toPlan.push({ ...manual, dueAt: fromLocalInput(manual.due, zone), ruleId: null });
    for (const draft of toPlan) {
      if (!Number.isFinite(draft.dueAt)) return setError(intl.formatMessage({ id: 'wrapUp.error.noDue', defaultMessage: 'Give each follow-up a date and time.' }));
      if (draft.dueAt <= Date.now()) return setError(intl.formatMessage({ id: 'wrapUp.error.pastDue', defaultMessage: 'A follow-up must be due from now on.' }));
    }
    setError(null);
    setBusy(true);
    try {
      // Drafts waiting to be written go first; the wrap-up's transaction then drops them all, so a reload finds
      // the contact wrapped up or the form as it was, never an empty form on an open contact.
      void flushDrafts();
      await run('contact.wrapUp', {
        contactId: contact.id,
        disposition,
        resolution: resolved,
        summary,
        scriptId: workspace.script?.scriptId ?? null,
        scriptVersion: workspace.script?.version ?? null,
        adherence: workspace.script ? { done: workspace.script.done, total: workspace.script.total } : null,
        gesture: workspace.gesture,
        promise: workspace.promise,
      }, { drafts: { contactId: contact.id } });
      if (csat !== null || nps !== null || surveySent) {
        await run('survey.record', {
          id: crypto.randomUUID(),
          contactId: contact.id,
          status: csat !== null || nps !== null ? 'answered' : 'sent',
          csat,
          nps,
        });
      }
      for (const draft of toPlan) {
        await run('followUp.schedule', {
          id: crypto.randomUUID(),
          customerId: contact.customerId,
          contactId: contact.id,
          kind: draft.kind,
          channel: draft.channel,
          dueAt: draft.dueAt,
          reason:
            draft.reason ||
            (contact.subject
              ? intl.formatMessage({ id: 'wrapUp.followUp.defaultReason', defaultMessage: 'Follow-up on “{subject}”' }, { subject: contact.subject })
              : intl.formatMessage({ id: 'wrapUp.followUp.defaultReasonNoSubject', defaultMessage: 'Follow-up on the contact' })),
          ruleId: draft.ruleId,
        });
      }
      clear(contact.id);
      const shown = shownDisposition(disposition);
      notify(
        toPlan.length
          ? intl.formatMessage(
              { id: 'wrapUp.done.planned', defaultMessage: 'Wrapped up: {disposition}. {count, plural, one {# follow-up} other {# follow-ups}} planned.' },
              { disposition: shown, count: toPlan.length },
            )
          : intl.formatMessage({ id: 'wrapUp.done', defaultMessage: 'Wrapped up: {disposition}.' }, { disposition: shown }),
      );
      returnToQueue();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper variant="outlined" component="section" aria-labelledby="wrapup-title" sx={{ p: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'baseline', mb: 1.5, gap: 1 }}>
        <Typography variant="h2" id="wrapup-title" sx={{ flex: 1 }}>
          <FormattedMessage id="wrapUp.panel.title" defaultMessage="Wrap-up" />
        </Typography>
        <Typography
          variant="body2"
          color="text.secondary"
          sx={{ fontVariantNumeric: 'tabular-nums' }}
          role="timer"
          aria-label={intl.formatMessage({ id: 'wrapUp.panel.timerLabel', defaultMessage: 'After-contact work' })}
        >
          <FormattedMessage id="wrapUp.panel.timer" defaultMessage="After-contact work {time}" values={{ time: format.clockDuration(now - (item.wrapUpAt ?? now)) }} />
        </Typography>
      </Stack>
      <Box
        component="form"
        ref={formRef}
        noValidate
        onSubmit={(event: FormEvent) => void submit(event)}
        // Caught on the way down, before a field acts on Enter itself (the disposition select would open its menu).
        onKeyDownCapture={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey) {
            event.preventDefault();
            event.stopPropagation();
            void submit();
          }
        }}
      >
        <Stack spacing={2}>
          <TextField
            select
            id="wrapup-disposition"
            label={intl.formatMessage({ id: 'wrapUp.panel.disposition', defaultMessage: 'Disposition' })}
            value={disposition}
            onChange={(event) => {
              setDisposition(event.target.value);
              const chosen = DISPOSITIONS.find((d) => d.label === event.target.value);
              if (chosen && !resolved) setResolved(chosen.resolves ? 'resolved' : 'unresolved');
            }}
            size="small"
            required
            error={missing?.field === 'disposition' && !disposition}
            helperText={missing?.field === 'disposition' && !disposition ? <span role="alert">{missing.message}</span> : undefined}
          >
            {DISPOSITIONS.map((d) => (
              <MenuItem key={d.code} value={d.label}>
                {dispositionLabel(d, format.locale)}
              </MenuItem>
            ))}
          </TextField>
          <Box>
            <Typography variant="body2" id="resolved-label" sx={{ mb: 0.5 }}>
              <FormattedMessage id="wrapUp.panel.resolvedQuestion" defaultMessage="Was the customer’s need resolved?" />
            </Typography>
            <ToggleButtonGroup
              id="wrapup-resolved"
              exclusive
              size="small"
              value={resolved}
              onChange={(_e, value: 'resolved' | 'unresolved' | null) => value && setResolved(value)}
              aria-labelledby="resolved-label"
              aria-describedby={missing?.field === 'resolved' && !resolved ? 'resolved-missing' : undefined}
            >
              <ToggleButton value="resolved">
                <FormattedMessage id="wrapUp.panel.resolved" defaultMessage="Resolved" />
              </ToggleButton>
              <ToggleButton value="unresolved">
                <FormattedMessage id="wrapUp.panel.notYet" defaultMessage="Not yet" />
              </ToggleButton>
            </ToggleButtonGroup>
            {missing?.field === 'resolved' && !resolved && (
              <Typography variant="caption" color="error" component="div" id="resolved-missing" role="alert" sx={{ mt: 0.5 }}>
                {missing.message}
              </Typography>
            )}
          </Box>
          <TextField
            label={intl.formatMessage({ id: 'wrapUp.panel.summary', defaultMessage: 'Summary' })}
            value={summary}
            onChange={(event) => setSummary(event.target.value)}
            multiline
            minRows={2}
            size="small"
            placeholder={intl.formatMessage({ id: 'wrapUp.panel.summaryPlaceholder', defaultMessage: 'What the customer needed and what was done' })}
          />
          <Box>
            <Typography variant="body2" id="csat-label" sx={{ mb: 0.5 }}>
              <FormattedMessage id="wrapUp.panel.csat" defaultMessage="Customer satisfaction (CSAT, 1–5)" />
            </Typography>
            <ToggleButtonGroup exclusive size="small" value={csat} onChange={(_e, value: number | null) => setCsat(value)} aria-labelledby="csat-label">
              {[1, 2, 3, 4, 5].map((score) => (
                <ToggleButton key={score} value={score} aria-label={intl.formatMessage({ id: 'wrapUp.panel.csatScore', defaultMessage: 'CSAT {score}' }, { score })}>
                  {score}
                </ToggleButton>
              ))}
            </ToggleButtonGroup>
          </Box>
          <Box>
            <Typography variant="body2" id="nps-label" sx={{ mb: 0.5 }}>
              <FormattedMessage id="wrapUp.panel.nps" defaultMessage="Likely to recommend us (NPS, 0–10)" />
            </Typography>
            <ToggleButtonGroup exclusive size="small" value={nps} onChange={(_e, value: number | null) => setNps(value)} aria-labelledby="nps-label">
              {Array.from({ length: 11 }, (_, score) => (
                <ToggleButton key={score} value={score} aria-label={intl.formatMessage({ id: 'wrapUp.panel.npsScore', defaultMessage: 'NPS {score}' }, { score })} sx={{ px: 1.1 }}>
                  {score}
                </ToggleButton>
              ))}
            </ToggleButtonGroup>
          </Box>
          <FormControlLabel
            control={<Checkbox checked={surveySent} onChange={(event) => setSurveySent(event.target.checked)} disabled={csat !== null || nps !== null} />}
            label={intl.formatMessage({ id: 'wrapUp.panel.surveySent', defaultMessage: 'No answer now: a survey was sent' })}
          />
          {suggestions.length > 0 && (
            <Box component="section" aria-labelledby="suggested-title">
              <Typography variant="subtitle2" component="h3" id="suggested-title" sx={{ mb: 1 }}>
                <FormattedMessage id="wrapUp.suggested.title" defaultMessage="Suggested follow-ups" />
              </Typography>
              {missing?.field === 'suggestion' && suggestions.some((planned) => !decisions[planned.suggestion.ruleId]) && (
                <Typography variant="body2" color="error" role="alert" sx={{ mb: 1 }}>
                  {missing.message}
                </Typography>
              )}
              <Stack spacing={1}>
                {suggestions.map((planned) => {
                  const { suggestion, slot } = planned;
                  const decision = decisions[suggestion.ruleId];
                  const title = intl.formatMessage(
                    { id: 'wrapUp.suggested.kindByChannel', defaultMessage: '{kind} by {channel}' },
                    { kind: intl.formatMessage(FOLLOW_UP_KIND_MESSAGES[suggestion.kind]), channel: inSentence(intl, intl.formatMessage(CHANNEL_MESSAGES[suggestion.channel])) },
                  );
                  return (
                    <Paper key={suggestion.ruleId} data-rule={suggestion.ruleId} variant="outlined" data-testid="suggested-follow-up" sx={{ p: 1.5, opacity: decision?.state === 'dismissed' ? 0.6 : 1 }} role="group" aria-label={intl.formatMessage({ id: 'wrapUp.suggested.label', defaultMessage: 'Suggested: {title}' }, { title })}>
                      <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', flexWrap: 'wrap' }}>
                        <Typography variant="body2" sx={{ fontWeight: 600 }}>
                          {title}
                        </Typography>
                        <Typography variant="body2">{explain(slot.explanation)}</Typography>
                      </Stack>
                      <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 0.5 }}>
                        {reasonText(suggestion.reason)}
                      </Typography>
                      {decision?.state === 'edited' && (
                        <Box sx={{ mt: 1.5 }}>
                          <DraftFields draft={decision.draft} onChange={(draft) => decide(suggestion.ruleId, { state: 'edited', draft })} zone={zone} customer={customer} label={intl.formatMessage({ id: 'wrapUp.suggested.editLabel', defaultMessage: 'Edit: {title}' }, { title })} />
                        </Box>
                      )}
                      <Stack direction="row" spacing={1} sx={{ mt: 1, alignItems: 'center' }}>
                        {decision ? (
                          <>
                            <Typography variant="caption" color={decision.state === 'dismissed' ? 'text.secondary' : 'success.main'} role="status">
                              {decision.state === 'accepted' ? (
                                <FormattedMessage id="wrapUp.suggested.willPlan" defaultMessage="Will be planned" />
                              ) : decision.state === 'edited' ? (
                                <FormattedMessage id="wrapUp.suggested.willPlanEdited" defaultMessage="Will be planned as edited" />
                              ) : (
                                <FormattedMessage id="wrapUp.suggested.dismissed" defaultMessage="Dismissed" />
                              )}
                            </Typography>
                            <Button size="small" data-focus-after-decision onClick={() => decide(suggestion.ruleId, null)}>
                              <FormattedMessage id="wrapUp.suggested.undo" defaultMessage="Undo" />
                            </Button>
                          </>
                        ) : (
                          <>
                            <Button size="small" variant="contained" data-focus-after-decision onClick={() => decide(suggestion.ruleId, { state: 'accepted' })}>
                              <FormattedMessage id="wrapUp.suggested.accept" defaultMessage="Accept" />
                            </Button>
                            <Button size="small" variant="outlined" onClick={() => decide(suggestion.ruleId, { state: 'edited', draft: draftOf(planned, zone, reasonText) })}>
                              <FormattedMessage id="wrapUp.suggested.edit" defaultMessage="Edit" />
                            </Button>
                            <Button size="small" onClick={() => decide(suggestion.ruleId, { state: 'dismissed' })}>
                              <FormattedMessage id="wrapUp.suggested.dismiss" defaultMessage="Dismiss" />
                            </Button>
                          </>
                        )}
                      </Stack>
                    </Paper>
                  );
                })}
              </Stack>
            </Box>
          )}
          <FormControlLabel control={<Checkbox checked={plan} onChange={(event) => setPlan(event.target.checked)} />} 
            label={
              suggestions.length
                ? intl.formatMessage({ id: 'wrapUp.plan.another', defaultMessage: 'Plan another follow-up' })
                : intl.formatMessage({ id: 'wrapUp.plan.one', defaultMessage: 'Plan a follow-up' })
            }
          />
          {plan && <DraftFields draft={manual} onChange={setManual} zone={zone} customer={customer} label={intl.formatMessage({ id: 'wrapUp.plan.label', defaultMessage: 'Follow-up to plan' })} />}
          {(workspace.promise || workspace.gesture || workspace.script) && (
            <Typography variant="caption" color="text.secondary">
              <FormattedMessage
                id="wrapUp.recorded.title"
                defaultMessage="Recorded with this contact: {items}"
                values={{
                  items: [
                    workspace.script
                      ? intl.formatMessage({ id: 'wrapUp.recorded.script', defaultMessage: 'script steps {done}/{total}' }, { done: workspace.script.done.length, total: workspace.script.total })
                      : null,
                    workspace.promise ? intl.formatMessage({ id: 'wrapUp.recorded.promise', defaultMessage: 'promise “{text}”' }, { text: workspace.promise.text }) : null,
                    workspace.gesture ? intl.formatMessage({ id: 'wrapUp.recorded.gesture', defaultMessage: 'gesture “{text}”' }, { text: workspace.gesture.description }) : null,
                  ]
                    .filter(Boolean)
                    .join(' · '),
                }}
              />
            </Typography>
          )}
          {error && (
            <Alert severity="error" role="alert">
              {error}
            </Alert>
          )}
          <Box>
            <Button type="submit" variant="contained" disabled={busy} aria-keyshortcuts="Control+Enter">
              <FormattedMessage id="wrapUp.panel.finish" defaultMessage="Finish wrap-up ({keys})" values={{ keys: 'Ctrl+Enter' }} />
            </Button>
          </Box>
        </Stack>
      </Box>
    </Paper>
  );
}
