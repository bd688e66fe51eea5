/**
 * A supervisor's editor for one script: details, the six stages and their
 * steps, checked as they type, with a live preview of how an agent sees the
 * draft. Ctrl+S saves the draft (`script.save`); Publish publishes it
 * (`script.publish`) once nothing is wrong with it.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddOutlined from '@mui/icons-material/AddOutlined';
import ArrowBackOutlined from '@mui/icons-material/ArrowBackOutlined';
import { FormattedMessage, useIntl } from 'react-intl';
import { SCRIPT_STAGE_MESSAGES, SCRIPT_STAGES, type Script, type ScriptStageId } from '@core/domain/model';
import { validateScript } from '@core/scripts/validate';
import { allVariantProblems } from '@core/scripts/variants';
import { useMe } from '../../data/hooks';
import { useFormat } from '../../lib/i18n';
import { useRefusalText, useScriptProblemText } from '../../lib/i18n/said';
import { run, useLocal } from '../../data/local';
import { MutationRefused } from '@core/sync/local';
import { focusScreenHeading } from '../../shell/keyboard';
import { ScreenHeader } from '../../shell/ScreenHeader';
import { useAppState } from '../../state/app';
import { navigate } from '../../state/router';
import { usePeopleNames, type ScriptSummary } from './data';
import {
  addStep,
  draftFrom,
  fingerprint,
  moveStep,
  placeOf,
  removeStep,
  saveArgs,
  saveBlockers,
  updateStep,
  variantArgs,
  type DraftStep,
  type ProblemPlace,
  type ScriptDraftState,
} from './draft';
import { ScriptPreview, StageTabs } from './ScriptPreview';
import { focusStepField, StepEditor, type BranchTarget, type StepProblem } from './StepEditor';
import { useVariantProblemText, VariantEditor } from './VariantEditor';
import { VersionList } from './VersionList';

/** Unsaved work per script, kept while the person visits other screens. */
const unsavedDrafts = new Map<string, ScriptDraftState>();

/** Whether a script has changes not yet saved on this desktop (for the list). */
export function hasUnsavedChanges(scriptId: string): boolean {
  return unsavedDrafts.has(scriptId);
}

const stamp = (script: Script) => `${script.version}:${script.status}:${script.updatedAt}`;

interface Notice {
  severity: 'error' | 'success' | 'info';
  title: string;
  items: string[];
}

type PlacedProblem = { path: string; message: string; place: ProblemPlace };

export function ScriptEditor({ summary, topics }: { summary: ScriptSummary; topics: readonly string[] }) {
  const intl = useIntl();
  const format = useFormat();
  const stageName = useCallback((id: ScriptStageId) => intl.formatMessage(SCRIPT_STAGE_MESSAGES[id]), [intl]);
  const me = useMe();
  const names = usePeopleNames();
  const source = summary.draft ?? summary.published ?? summary.versions[0]!;
  const scriptId = summary.scriptId;

  const [draft, setDraft] = useState<ScriptDraftState>(() => unsavedDrafts.get(scriptId) ?? draftFrom(source));
  const [restored, setRestored] = useState(() => unsavedDrafts.has(scriptId));
  const [baseline, setBaseline] = useState(() => fingerprint(draftFrom(source)));
  const [sourceStamp, setSourceStamp] = useState(() => stamp(source));
  const dirty = fingerprint(draft) !== baseline;

  // The version changed under us (saved here, published, or changed by another supervisor):
  // take it when nothing is being edited; keep the person's work otherwise.
  if (stamp(source) !== sourceStamp) {
    const fresh = draftFrom(source);
    const print = fingerprint(fresh);
    setSourceStamp(stamp(source));
    setBaseline(print);
    if (!dirty && print !== fingerprint(draft)) setDraft(fresh);
  }

  useEffect(() => {
    if (dirty) unsavedDrafts.set(scriptId, draft);
    else unsavedDrafts.delete(scriptId);
  }, [dirty, draft, scriptId]);

  const [stageId, setStageId] = useState<ScriptStageId>('greet');
  const [editingStepId, setEditingStepId] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const noticeRef = useRef<HTMLDivElement>(null);
  const draftRef = useRef(draft);
  useEffect(() => {
    draftRef.current = draft;
  }, [draft]);

  const scriptProblemText = useScriptProblemText();
  const refusalText = useRefusalText();
  const problems: PlacedProblem[] = useMemo(
    () => validateScript({ name: draft.name, stages: draft.stages }).map((problem) => ({ path: problem.path, message: scriptProblemText(problem), place: placeOf(draft, problem) })),
    [draft, scriptProblemText],
  );
  const stepProblems = useMemo(() => {
    const byStep = new Map<string, StepProblem[]>();
    for (const { message, place } of problems) {
      if (!place.stepKey) continue;
      byStep.set(place.stepKey, [...(byStep.get(place.stepKey) ?? []), { field: place.field, branchIndex: place.branchIndex, message }]);
    }
    return byStep;
  }, [problems]);
  // Translations are checked against the draft as it is now, as publishing on the hub checks them.
  const variantProblems = useMemo(() => allVariantProblems({ language: draft.language, stages: draft.stages, variants: variantArgs(draft) }), [draft]);
  const variantProblemText = useVariantProblemText();
  const stageProblemCount = (id: ScriptStageId) => problems.filter((problem) => problem.place.stageId === id).length;

  const targets: BranchTarget[] = useMemo(
    () => [
      ...SCRIPT_STAGES.map((id, index) => ({
        value: id,
        label: intl.formatMessage({ id: 'scripts.editor.targetStage', defaultMessage: 'Stage {number}: {stage}' }, { number: index + 1, stage: stageName(id) }),
        group: 'stage' as const,
      })),
      ...draft.stages.flatMap((stage) =>
        stage.steps.map((step, index) => ({
          value: step.id,
          label: step.text.trim()
            ? intl.formatMessage(
                { id: 'scripts.editor.targetStep', defaultMessage: 'Step: {stage} {number}, {text}' },
                { stage: stageName(stage.id), number: index + 1, text: step.text.trim().slice(0, 48) },
              )
            : intl.formatMessage({ id: 'scripts.editor.targetStepNoText', defaultMessage: 'Step: {stage} {number}, (no text yet)' }, { stage: stageName(stage.id), number: index + 1 }),
          group: 'step' as const,
        })),
      ),
    ],
    [draft.stages, intl, stageName],
  );

  const stage = draft.stages.find((candidate) => candidate.id === stageId)!;
  const stageIndex = SCRIPT_STAGES.indexOf(stageId);
  const nextVersion = summary.draft?.version ?? (summary.versions[0]?.version ?? 0) + 1;
  const canPublish = dirty || summary.draft !== null;

  const showNotice = (next: Notice) => {
    setNotice(next);
    requestAnimationFrame(() => noticeRef.current?.focus());
  };

  // ------------------------------------------------------------ edits

  const change = useCallback((key: string, edit: (step: DraftStep) => DraftStep) => setDraft((current) => updateStep(current, stageId, key, edit)), [stageId]);
  const move = useCallback((key: string, by: -1 | 1) => setDraft((current) => moveStep(current, stageId, key, by)), [stageId]);
  const remove = useCallback(
    (key: string) => {
      const steps = draftRef.current.stages.find((candidate) => candidate.id === stageId)?.steps ?? [];
      const index = steps.findIndex((step) => step.key === key);
      const next = steps[index + 1] ?? steps[index - 1];
      setDraft((current) => removeStep(current, stageId, key));
      useAppState
        .getState()
        .notify(intl.formatMessage({ id: 'scripts.editor.removed', defaultMessage: 'Removed step {number} of {stage}.' }, { number: index + 1, stage: stageName(stageId) }));
      requestAnimationFrame(() => {
        if (!next || !focusStepField(next.key, 'text')) document.getElementById('add-step')?.focus();
      });
    },
    [stageId, intl, stageName],
  );
  const onFocusStep = useCallback((stepId: string) => setEditingStepId(stepId), []);

  const add = () => {
    const result = addStep(draft, stageId);
    setDraft(result.draft);
    setEditingStepId(result.step.id);
    requestAnimationFrame(() => focusStepField(result.step.key, 'text'));
  };

  const goToProblem = (problem: PlacedProblem) => {
    const { place } = problem;
    if (place.field === 'name') return document.getElementById('script-name')?.focus();
    if (!place.stageId) return;
    setStageId(place.stageId);
    requestAnimationFrame(() => {
      if (!place.stepKey) return document.getElementById('add-step')?.focus();
      const field = place.branchIndex !== null ? `branch-${place.branchIndex}-${place.field?.endsWith('.goto') ? 'goto' : 'label'}` : place.field === 'kind' ? 'kind' : place.field?.startsWith('when') ? 'when' : 'text';
      if (!focusStepField(place.stepKey, field)) focusStepField(place.stepKey, 'text');
    });
  };

  // ------------------------------------------------------------ save and publish

  const save = async (quiet = false): Promise<boolean> => {
    const blockers = saveBlockers(draft, intl);
    if (blockers.length) {
      showNotice({ severity: 'error', title: intl.formatMessage({ id: 'scripts.editor.cannotSave', defaultMessage: 'Cannot save the draft yet' }), items: blockers });
      return false;
    }
    setBusy(true);
    try {
      await run('script.save', saveArgs(draft));
      setBaseline(fingerprint(draft));
      setRestored(false);
      if (!quiet) {
        setNotice(null);
        useAppState
          .getState()
          .notify(intl.formatMessage({ id: 'scripts.editor.saved', defaultMessage: 'Draft saved: version {version} of “{name}”.' }, { version: nextVersion, name: draft.name.trim() }));
      }
      return true;
    } catch (failure) {
      showNotice({
        severity: 'error',
        title: intl.formatMessage({ id: 'scripts.editor.notSaved', defaultMessage: 'The draft was not saved' }),
        items: [failure instanceof Error ? failure.message : String(failure)],
      });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const askToPublish = () => {
    if (problems.length) {
      showNotice({
        severity: 'error',
        title:
          problems.length === 1
            ? intl.formatMessage({ id: 'scripts.editor.cannotPublishOne', defaultMessage: 'Cannot publish: {problem}' }, { problem: problems[0]!.message })
            : intl.formatMessage(
                { id: 'scripts.editor.cannotPublishMany', defaultMessage: 'Cannot publish: {count, plural, one {# problem} other {# problems}} to fix first' },
                { count: problems.length },
              ),
        items: problems.length === 1 ? [] : problems.map((problem) => problem.message),
      });
      return;
    }
    if (variantProblems.length) {
      showNotice({
        severity: 'error',
        title: intl.formatMessage({ id: 'content.variants.publishRefused', defaultMessage: 'Cannot publish: a translation differs from the script' }),
        items: variantProblems.map(variantProblemText),
      });
      return;
    }
    const blockers = saveBlockers(draft, intl);
    if (blockers.length) {
      showNotice({ severity: 'error', title: intl.formatMessage({ id: 'scripts.editor.cannotPublishYet', defaultMessage: 'Cannot publish yet' }), items: blockers });
      return;
    }
    setNotice(null);
    setConfirming(true);
  };

  const publish = async () => {
    setConfirming(false);
    if (dirty && !(await save(true))) return;
    const db = useLocal.getState().db;
    const versions = db ? await db.scripts.where('scriptId').equals(scriptId).toArray() : [];
    const target = versions.find((version) => version.status === 'draft');
    if (!target) {
      showNotice({
        severity: 'info',
        title: intl.formatMessage({ id: 'scripts.editor.nothingToPublish', defaultMessage: 'Nothing to publish' }),
        items: [intl.formatMessage({ id: 'scripts.editor.noDraft', defaultMessage: 'There is no draft: the published version is the latest.' })],
      });
      return;
    }
    setBusy(true);
    try {
      await run('script.publish', { scriptId, version: target.version });
      setNotice({
        severity: 'success',
        title: intl.formatMessage({ id: 'scripts.editor.publishedTitle', defaultMessage: 'Published version {version}' }, { version: target.version }),
        items: [intl.formatMessage({ id: 'scripts.editor.publishedBody', defaultMessage: 'Agents get it as their desktops sync; their next contacts use it.' })],
      });
      useAppState
        .getState()
        .notify(intl.formatMessage({ id: 'scripts.editor.published', defaultMessage: 'Published version {version} of “{name}”.' }, { version: target.version, name: target.name }));
      requestAnimationFrame(() => noticeRef.current?.focus());
    } catch (failure) {
      const message = refusalText(failure);
      // The rules' refusal of a publish already says "Cannot publish" and the script's name.
      const saysCannotPublish = failure instanceof MutationRefused && String(failure.said?.descriptor.id).startsWith('rejection.script.cannotPublish');
      showNotice({
        severity: 'error',
        title: saysCannotPublish ? message : intl.formatMessage({ id: 'scripts.editor.cannotPublishOne', defaultMessage: 'Cannot publish: {problem}' }, { problem: message }),
        items: [],
      });
    } finally {
      setBusy(false);
    }
  };

  // Ctrl+S saves the draft from anywhere on the screen.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 's') return;
      event.preventDefault();
      if (busy) return;
      if (dirty) void save();
      else
        useAppState
          .getState()
          .notify(
            summary.draft
              ? intl.formatMessage({ id: 'scripts.editor.nothingNew', defaultMessage: 'Nothing new to save: the draft is saved.' })
              : intl.formatMessage({ id: 'scripts.editor.nothingToSave', defaultMessage: 'Nothing to save: no changes yet.' }),
          );
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const discard = () => {
    setDraft(draftFrom(source));
    setRestored(false);
    setNotice(null);
  };

  const published = summary.published ? 'yes' : 'no';
  const publishedVersion = summary.published?.version ?? 0;
  const description = summary.draft
    ? intl.formatMessage(
        {
          id: 'scripts.editor.statusDraft',
          defaultMessage: 'Draft of version {version}, saved by {name} {when}{published, select, yes { · agents use version {publishedVersion}} other { · not published yet}}',
        },
        {
          version: summary.draft.version,
          name: names.get(summary.draft.updatedBy) ?? intl.formatMessage({ id: 'scripts.editor.someone', defaultMessage: 'someone' }),
          when: format.dateTime(summary.draft.updatedAt, { withYear: true }),
          published,
          publishedVersion,
        },
      )
    : intl.formatMessage(
        {
          id: 'scripts.editor.statusNoDraft',
          defaultMessage: 'No draft: saving starts version {version}{published, select, yes { · agents use version {publishedVersion}} other { · not published yet}}',
        },
        { version: nextVersion, published, publishedVersion },
      );
  const previewScript = useMemo(() => ({ stages: draft.stages }), [draft.stages]);

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <ScreenHeader
        title={draft.name.trim() || intl.formatMessage({ id: 'scripts.editor.untitled', defaultMessage: 'Untitled script' })}
        description={description}
        actions={
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
            <Button
              startIcon={<ArrowBackOutlined />}
              onClick={() => {
                navigate('/scripts');
                focusScreenHeading();
              }}
            >
              <FormattedMessage id="scripts.editor.allScripts" defaultMessage="All scripts" />
            </Button>
            <Button variant="outlined" onClick={() => void save()} disabled={busy || !dirty} aria-keyshortcuts="Control+S">
              <FormattedMessage id="scripts.editor.save" defaultMessage="Save draft (Ctrl+S)" />
            </Button>
            <Button variant="contained" onClick={askToPublish} disabled={busy || !canPublish}>
              <FormattedMessage id="scripts.editor.publish" defaultMessage="Publish…" />
            </Button>
          </Stack>
        }
      />

      <Box role="status" aria-live="polite" sx={{ mt: -2 }}>
        {dirty ? (
          <Chip size="small" color="warning" variant="outlined" label={intl.formatMessage({ id: 'scripts.editor.unsaved', defaultMessage: 'Unsaved changes' })} />
        ) : (
          <Chip
            size="small"
            variant="outlined"
            label={
              summary.draft
                ? intl.formatMessage({ id: 'scripts.editor.draftSaved', defaultMessage: 'Draft saved' })
                : intl.formatMessage({ id: 'scripts.editor.noChanges', defaultMessage: 'No changes' })
            }
          />
        )}
      </Box>

      {restored && dirty && (
        <Alert
          severity="info"
          action={
            <Button size="small" onClick={discard}>
              <FormattedMessage id="scripts.editor.discard" defaultMessage="Discard them" />
            </Button>
          }
        >
          <FormattedMessage id="scripts.editor.restored" defaultMessage="Your unsaved changes to this script are back. Save the draft to keep them." />
        </Alert>
      )}

      {notice && (
        <Alert severity={notice.severity} ref={noticeRef} tabIndex={-1} role={notice.severity === 'error' ? 'alert' : 'status'} onClose={() => setNotice(null)} data-testid="script-notice">
          <AlertTitle>{notice.title}</AlertTitle>
          {notice.items.length > 0 && (
            <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
              {notice.items.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </Box>
          )}
        </Alert>
      )}

      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1.25fr) minmax(0, 1fr)' }, gap: 2, alignItems: 'start' }}>
        <Stack spacing={2} sx={{ minWidth: 0 }}>
          <Paper variant="outlined" component="section" aria-labelledby="script-details-title" sx={{ p: 2 }}>
            <Typography variant="h2" id="script-details-title" sx={{ mb: 1.5 }}>
              <FormattedMessage id="scripts.editor.details" defaultMessage="Details" />
            </Typography>
            <Stack spacing={2}>
              <TextField
                id="script-name"
                label={intl.formatMessage({ id: 'scripts.editor.name', defaultMessage: 'Name' })}
                value={draft.name}
                onChange={(event) => setDraft((current) => ({ ...current, name: event.target.value }))}
                size="small"
                required
                error={problems.some((problem) => problem.place.field === 'name')}
                helperText={problems.find((problem) => problem.place.field === 'name')?.message}
              />
              <TextField
                label={intl.formatMessage({ id: 'scripts.editor.description', defaultMessage: 'Description' })}
                value={draft.description}
                onChange={(event) => setDraft((current) => ({ ...current, description: event.target.value }))}
                size="small"
                multiline
                minRows={2}
                helperText={intl.formatMessage({ id: 'scripts.editor.descriptionHelp', defaultMessage: 'When to use this script, for supervisors and agents choosing one.' })}
              />
              <Autocomplete
                multiple
                freeSolo
                options={topics.filter((topic) => !draft.topics.includes(topic))}
                value={draft.topics}
                onChange={(_event, value) => setDraft((current) => ({ ...current, topics: [...new Set(value.map((topic) => topic.trim().toLowerCase()).filter(Boolean))] }))}
                renderInput={(params) => (
                  <TextField
                    {...params}
                    label={intl.formatMessage({ id: 'scripts.editor.topics', defaultMessage: 'Topics' })}
                    size="small"
                    helperText={intl.formatMessage({ id: 'scripts.editor.topicsHelp', defaultMessage: 'Contacts on these topics are offered this script. Type a topic and press Enter.' })}
                  />
                )}
              />
            </Stack>
          </Paper>

          <Paper variant="outlined" component="section" aria-labelledby="script-problems-title" sx={{ p: 2 }}>
            <Typography variant="h2" id="script-problems-title" sx={{ mb: problems.length ? 1 : 0 }}>
              {problems.length + variantProblems.length ? (
                <FormattedMessage id="scripts.editor.toFix" defaultMessage="To fix before publishing ({count})" values={{ count: problems.length + variantProblems.length }} />
              ) : (
                <FormattedMessage id="scripts.editor.nothingToFix" defaultMessage="Nothing to fix: ready to publish" />
              )}
            </Typography>
            {problems.length > 0 && (
              <Box component="ul" aria-label={intl.formatMessage({ id: 'scripts.editor.problems', defaultMessage: 'Problems' })} sx={{ m: 0, pl: 0, listStyle: 'none' }}>
                {problems.map((problem) => (
                  <Box component="li" key={`${problem.path}:${problem.message}`} sx={{ display: 'flex', gap: 1, alignItems: 'baseline', py: 0.25 }}>
                    <Typography variant="body2" color="error" sx={{ flex: 1, minWidth: 0 }}>
                      {problem.message}
                    </Typography>
                    <Button size="small" onClick={() => goToProblem(problem)} aria-label={intl.formatMessage({ id: 'scripts.editor.goToLabel', defaultMessage: 'Go to: {problem}' }, { problem: problem.message })}
                    >
                      <FormattedMessage id="scripts.editor.goTo" defaultMessage="Go to" />
                    </Button>
                  </Box>
                ))}
              </Box>
            )}
            {variantProblems.length > 0 && (
              <Typography variant="body2" color="error" sx={{ mt: 1 }}>
                <FormattedMessage
                  id="content.variants.toFixSummary"
                  defaultMessage="And {count, plural, one {# problem} other {# problems}} in the translations, shown under Languages."
                  values={{ count: variantProblems.length }}
                />
              </Typography>
            )}
          </Paper>

          <Paper variant="outlined" component="section" aria-labelledby="script-stages-title" sx={{ p: 2 }}>
            <Typography variant="h2" id="script-stages-title" sx={{ mb: 1 }}>
              <FormattedMessage id="scripts.editor.stagesTitle" defaultMessage="Stages and steps" />
            </Typography>
            <StageTabs
              idPrefix="editor-stage"
              label={intl.formatMessage({ id: 'scripts.editor.stages', defaultMessage: 'Stages' })}
              current={stageIndex}
              onChange={(index) => setStageId(SCRIPT_STAGES[index]!)}
              stages={draft.stages.map((candidate) => {
                const count = stageProblemCount(candidate.id);
                return {
                  id: candidate.id,
                  count: intl.formatMessage(
                    { id: 'scripts.editor.stageCount', defaultMessage: '({steps}{toFix, plural, =0 {} one { · # to fix} other { · # to fix}})' },
                    { steps: candidate.steps.length, toFix: count },
                  ),
                };
              })}
            />
            <Box role="tabpanel" id="editor-stage-panel" aria-labelledby={`editor-stage-tab-${stageIndex}`} sx={{ mt: 1.5 }}>
              {problems
                .filter((problem) => problem.place.stageId === stageId && !problem.place.stepKey)
                .map((problem) => (
                  <Alert key={problem.message} severity="warning" sx={{ mb: 1 }}>
                    {problem.message}
                  </Alert>
                ))}
              <Stack spacing={1.5}>
                {stage.steps.map((step, index) => (
                  <StepEditor
                    key={step.key}
                    stageId={stageId}
                    step={step}
                    index={index}
                    count={stage.steps.length}
                    problems={stepProblems.get(step.key) ?? NO_PROBLEMS}
                    targets={targets}
                    onChange={change}
                    onMove={move}
                    onRemove={remove}
                    onFocusStep={onFocusStep}
                  />
                ))}
              </Stack>
              <Button id="add-step" startIcon={<AddOutlined />} onClick={add} sx={{ mt: 1.5 }} disabled={stage.steps.length >= 50}>
                <FormattedMessage id="scripts.editor.addStep" defaultMessage="Add step to {stage}" values={{ stage: stageName(stageId) }} />
              </Button>
            </Box>
          </Paper>
          <VariantEditor draft={draft} onChange={setDraft} stageId={stageId} problems={variantProblems} />
          <VersionList summary={summary} names={names} />
        </Stack>

        <Box sx={{ minWidth: 0, position: { lg: 'sticky' }, top: { lg: 0 } }}>
          <ScriptPreview
            script={previewScript}
            language={draft.language}
            topic={draft.topics[0] ?? null}
            agent={me}
            stageId={stageId}
            onStageChange={setStageId}
            editingStepId={editingStepId}
          />
        </Box>
      </Box>

      <Dialog open={confirming} onClose={() => setConfirming(false)} aria-labelledby="publish-dialog-title" aria-describedby="publish-dialog-text">
        <DialogTitle id="publish-dialog-title">
          <FormattedMessage id="scripts.publish.title" defaultMessage="Publish version {version}?" values={{ version: nextVersion }} />
        </DialogTitle>
        <DialogContent>
          <DialogContentText id="publish-dialog-text">
            <FormattedMessage
              id="scripts.publish.body"
              defaultMessage="Agents’ next contacts use “{name}” version {version}{published, select, yes {; version {publishedVersion} is retired} other {}}.{dirty, select, yes { Your unsaved changes are saved first.} other {}}"
              values={{ name: draft.name.trim(), version: nextVersion, published, publishedVersion, dirty: dirty ? 'yes' : 'no' }}
            />
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)}>
            <FormattedMessage id="scripts.publish.cancel" defaultMessage="Cancel" />
          </Button>
          <Button variant="contained" onClick={() => void publish()} autoFocus>
            <FormattedMessage id="scripts.publish.confirm" defaultMessage="Publish version {version}" values={{ version: nextVersion }} />
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}

const NO_PROBLEMS: readonly StepProblem[] = [];
