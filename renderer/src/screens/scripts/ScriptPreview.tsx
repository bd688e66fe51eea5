/**
 * How an agent would see a script during a contact, for a sample customer: the
 * same stages, situation chips, ticks, branches and filled-in lines as the
 * script panel of the contact workspace, with sample situations to switch on.
 */
import { Fragment, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { FormattedMessage, useIntl } from 'react-intl';
import { SCRIPT_STAGE_MESSAGES, type ScriptStageId, type User } from '@core/domain/model';
import {
  chooseBranch,
  goToStage,
  isStepVisible,
  nextStage,
  previousStage,
  startRun,
  toggleStep,
  triggerReason,
  triggersOf,
  visibleSteps,
  type RunnableScript,
  type ScriptRun,
} from '@core/scripts';
import { TIER_MESSAGES } from '@core/scripts/variables';
import { isScriptVariable, TRIGGER_MESSAGES, type ScriptTrigger, type ScriptVariable } from '@core/scripts/vocabulary';
import { useFormat } from '../../lib/i18n';
import { KIND_MESSAGES, variableToken } from './draft';
import { SAMPLE_SITUATION_MESSAGES, SAMPLE_SITUATIONS, sampleContact, type SampleSituation } from './sample';

const VARIABLE = /\{([^{}]*)\}/g;

/** A step's text with its variables filled; unknown ones stand out, as they would to the agent. */
export function FilledText({ text, vars }: { text: string; vars: Record<ScriptVariable, string> }) {
  const intl = useIntl();
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(VARIABLE)) {
    const index = match.index ?? 0;
    if (index > last) parts.push(text.slice(last, index));
    const name = match[1] ?? '';
    parts.push(
      isScriptVariable(name) ? (
        <Box component="span" key={index} title={variableToken(name)} sx={{ borderBottom: 1, borderColor: 'primary.main', borderBottomStyle: 'dotted' }}>
          {vars[name]}
        </Box>
      ) : (
        <Box component="mark" key={index} title={intl.formatMessage({ id: 'scripts.preview.notVariable', defaultMessage: 'Not a variable: the agent would see it as written' })} sx={{ bgcolor: 'transparent', color: 'error.main', fontWeight: 700 }}>
          {match[0]}
        </Box>
      ),
    );
    last = index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <>{parts.map((part, index) => (typeof part === 'string' ? <Fragment key={`t${index}`}>{part}</Fragment> : part))}</>;
}

/** Stage tabs with arrow keys, Home and End, as a tablist should. */
export function StageTabs({ stages, current, onChange, label, idPrefix }: { stages: readonly { id: ScriptStageId; count?: string }[]; current: number; onChange: (index: number) => void; label: string; idPrefix: string }) {
  const intl = useIntl();
  const onKeyDown = (event: KeyboardEvent) => {
    const last = stages.length - 1;
    const target = { ArrowRight: current === last ? 0 : current + 1, ArrowLeft: current === 0 ? last : current - 1, Home: 0, End: last }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    onChange(target);
    requestAnimationFrame(() => document.getElementById(`${idPrefix}-tab-${target}`)?.focus());
  };
  return (
    <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', rowGap: 0.5 }} role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {stages.map((stage, index) => (
        <Button
          key={stage.id}
          id={`${idPrefix}-tab-${index}`}
          role="tab"
          aria-selected={index === current}
          aria-controls={`${idPrefix}-panel`}
          tabIndex={index === current ? 0 : -1}
          size="small"
          variant={index === current ? 'contained' : 'text'}
          onClick={() => onChange(index)}
        >
          {stage.count
            ? intl.formatMessage(
                { id: 'scripts.stages.tabCount', defaultMessage: '{number}. {stage} {count}' },
                { number: index + 1, stage: intl.formatMessage(SCRIPT_STAGE_MESSAGES[stage.id]), count: stage.count },
              )
            : intl.formatMessage({ id: 'scripts.stages.tab', defaultMessage: '{number}. {stage}' }, { number: index + 1, stage: intl.formatMessage(SCRIPT_STAGE_MESSAGES[stage.id]) })}
        </Button>
      ))}
    </Stack>
  );
}

interface Props {
  script: RunnableScript & { stages: RunnableScript['stages'] };
  topic: string | null;
  agent: User | undefined;
  stageId: ScriptStageId;
  onStageChange: (stageId: ScriptStageId) => void;
  /** The step being edited: highlighted, or explained when the sample situation hides it. */
  editingStepId?: string | null;
  /** The language the steps are written in, for screen readers. */
  language?: string;
}

export function ScriptPreview({ script, topic, agent, stageId, onStageChange, editingStepId = null, language }: Props) {
  const intl = useIntl();
  const format = useFormat();
  const triggerNames = (triggers: readonly string[]) =>
    triggers.map((trigger) => (trigger in TRIGGER_MESSAGES ? intl.formatMessage(TRIGGER_MESSAGES[trigger as ScriptTrigger]) : trigger));
  const [on, setOn] = useState<ReadonlySet<SampleSituation>>(() => new Set());
  const [now] = useState(() => Date.now());
  const sample = useMemo(() => sampleContact(on, { agent, topic, now }), [on, agent, topic, now]);
  const triggers = useMemo(() => triggersOf(sample.hits), [sample.hits]);
  const base = useMemo(() => startRun(script, triggers), [script, triggers]);
  const [state, setState] = useState<{ base: ScriptRun; run: ScriptRun } | null>(null);
  const stored = state?.base === base ? state.run : base;
  const run = stored.stages[stored.stageIndex]?.id === stageId || stored.finished ? stored : goToStage(stored, stageId);
  const setRun = (next: ScriptRun) => {
    setState({ base, run: next });
    const id = next.stages[next.stageIndex]?.id;
    if (id && id !== stageId) onStageChange(id);
  };

  const stage = run.stages[run.stageIndex];
  const steps = stage ? visibleSteps(run, stage.id) : [];
  const editing = editingStepId ? stage?.steps.find((step) => step.id === editingStepId) : undefined;
  const editingHidden = editing && !steps.some((step) => step.id === editing.id) && !isStepVisible(editing, triggers);

  const toggle = (situation: SampleSituation) =>
    setOn((current) => {
      const next = new Set(current);
      if (next.has(situation)) next.delete(situation);
      else next.add(situation);
      return next;
    });

  const onStepKey = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      setRun(event.key === 'ArrowRight' ? nextStage(run) : previousStage(run));
    }
  };

  return (
    <Paper variant="outlined" component="section" aria-labelledby="script-preview-title" sx={{ p: 2 }}>
      <Typography variant="h2" id="script-preview-title">
        <FormattedMessage id="scripts.preview.title" defaultMessage="Preview" />
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        {sample.description.topic ? (
          <FormattedMessage
            id="scripts.preview.sampleTopic"
            defaultMessage="How an agent sees it for a sample customer: {name}, {tier} customer, on a call about {topic}."
            values={{ name: sample.description.name, tier: intl.formatMessage(TIER_MESSAGES[sample.description.tier]), topic: sample.description.topic }}
          />
        ) : (
          <FormattedMessage
            id="scripts.preview.sample"
            defaultMessage="How an agent sees it for a sample customer: {name}, {tier} customer, on a call."
            values={{ name: sample.description.name, tier: intl.formatMessage(TIER_MESSAGES[sample.description.tier]) }}
          />
        )}
      </Typography>

      <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, mb: 1.5 }}>
        <Typography component="legend" variant="subtitle2" sx={{ mb: 0.5 }}>
          <FormattedMessage id="scripts.preview.situation" defaultMessage="Sample situation" />
        </Typography>
        <FormGroup row sx={{ columnGap: 1 }}>
          {SAMPLE_SITUATIONS.map((situation) => (
            <FormControlLabel
              key={situation}
              control={<Checkbox size="small" checked={on.has(situation)} onChange={() => toggle(situation)} sx={{ p: 0.5 }} />}
              label={<Typography variant="body2">{intl.formatMessage(SAMPLE_SITUATION_MESSAGES[situation])}</Typography>}
              sx={{ mr: 1 }}
            />
          ))}
        </FormGroup>
      </Box>

      {sample.hits.length > 0 && (
        <Stack direction="row" spacing={1} sx={{ mb: 1.5, flexWrap: 'wrap', gap: 1 }} aria-label={intl.formatMessage({ id: 'scripts.preview.situationLabel', defaultMessage: "The sample customer's situation" })}
          role="list"
        >
          {sample.hits.map((hit) => (
            <Chip
              key={hit.trigger}
              role="listitem"
              size="small"
              color="warning"
              variant="outlined"
              label={triggerReason(intl, format, hit)}
              title={intl.formatMessage(TRIGGER_MESSAGES[hit.trigger])}
              aria-label={intl.formatMessage(
                { id: 'scripts.preview.hitLabel', defaultMessage: '{trigger}: {reason}' },
                { trigger: intl.formatMessage(TRIGGER_MESSAGES[hit.trigger]), reason: triggerReason(intl, format, hit) },
              )}
            />
          ))}
        </Stack>
      )}

      <StageTabs
        idPrefix="preview-stage"
        label={intl.formatMessage({ id: 'scripts.preview.stages', defaultMessage: 'Preview stages' })}
        stages={run.stages}
        current={run.stageIndex}
        onChange={(index) => setRun(goToStage(run, index))}
      />

      <Box role="tabpanel" id="preview-stage-panel" aria-label={
          stage
            ? intl.formatMessage({ id: 'scripts.preview.stageLabel', defaultMessage: 'Preview: {stage}' }, { stage: intl.formatMessage(SCRIPT_STAGE_MESSAGES[stage.id]) })
            : intl.formatMessage({ id: 'scripts.preview.title', defaultMessage: 'Preview' })
        } sx={{ mt: 1.5 }} onKeyDown={onStepKey}>
        {run.finished && (
          <Alert severity="success" sx={{ mb: 1 }}>
            <FormattedMessage id="scripts.preview.finished" defaultMessage="The agent has gone past the last stage: the script is done." />
          </Alert>
        )}
        {steps.length === 0 && (
          <Typography variant="body2" color="text.secondary">
            <FormattedMessage id="scripts.preview.nothing" defaultMessage="Nothing to do in this stage for this customer." />
          </Typography>
        )}
        {steps.map((step) => {
          const checked = run.checked.includes(step.id);
          const plain = step.text.replace(VARIABLE, (whole, name: string) => (isScriptVariable(name) ? sample.vars[name] : whole));
          return (
            <Box
              key={step.id}
              data-preview-step={step.id}
              sx={{
                display: 'flex',
                gap: 1,
                py: 0.75,
                borderTop: 1,
                borderColor: 'divider',
                bgcolor: run.focusStepId === step.id || step.id === editingStepId ? 'action.selected' : undefined,
              }}
            >
              <Checkbox
                checked={checked}
                onChange={() => setRun(toggleStep(run, step.id))}
                size="small"
                sx={{ p: 0.5, alignSelf: 'flex-start' }}
                slotProps={{ input: { 'aria-label': plain || intl.formatMessage({ id: 'scripts.preview.stepWithoutText', defaultMessage: 'Step without text' }), 'aria-describedby': `preview-kind-${step.id}` } }}
              />
              <Box sx={{ flex: 1, minWidth: 0 }}>
                <Typography variant="caption" id={`preview-kind-${step.id}`} color="text.secondary" sx={{ fontWeight: 700, textTransform: 'uppercase', letterSpacing: 0.5 }}>
                  {step.when.length > 0
                    ? intl.formatMessage(
                        { id: 'scripts.preview.kindFor', defaultMessage: '{kind} · for: {triggers}' },
                        { kind: intl.formatMessage(KIND_MESSAGES[step.kind]), triggers: format.list(triggerNames(step.when), 'or') },
                      )
                    : intl.formatMessage(KIND_MESSAGES[step.kind])}
                </Typography>
                <Typography variant="body2" dir="auto" lang={step.text.trim() ? language : undefined} sx={{ textDecoration: checked ? 'line-through' : undefined, color: checked ? 'text.secondary' : 'text.primary' }}>
                  {step.text.trim() ? <FilledText text={step.text} vars={sample.vars} /> : <em>{intl.formatMessage({ id: 'scripts.preview.noText', defaultMessage: '(no text yet)' })}</em>}
                </Typography>
                {step.branches.length > 0 && (
                  <Stack direction="row" spacing={1} sx={{ mt: 0.75, flexWrap: 'wrap', gap: 0.5 }}>
                    {step.branches.map((branch, index) => (
                      <Button key={index} size="small" variant={run.branchChoices[step.id] === index ? 'contained' : 'outlined'} onClick={() => setRun(chooseBranch(run, step.id, index))}>
                        {branch.label || intl.formatMessage({ id: 'scripts.preview.noLabel', defaultMessage: '(no label)' })}
                      </Button>
                    ))}
                  </Stack>
                )}
              </Box>
            </Box>
          );
        })}
        {editingHidden && (
          <Alert severity="info" sx={{ mt: 1 }}>
            <FormattedMessage
              id="scripts.preview.editingHidden"
              defaultMessage="The step you are editing shows only when: {triggers}. Tick a matching sample situation to see it."
              values={{ triggers: format.list(triggerNames(editing.when), 'or') }}
            />
          </Alert>
        )}
      </Box>
    </Paper>
  );
}
