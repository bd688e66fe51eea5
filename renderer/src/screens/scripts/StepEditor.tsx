/** One step of a script in the editor: its kind, text (with variables from a menu), triggers and branches. */
import { memo, useRef, useState, type KeyboardEvent } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import IconButton from '@mui/material/IconButton';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddOutlined from '@mui/icons-material/AddOutlined';
import ArrowDownwardOutlined from '@mui/icons-material/ArrowDownwardOutlined';
import ArrowUpwardOutlined from '@mui/icons-material/ArrowUpwardOutlined';
import CloseOutlined from '@mui/icons-material/CloseOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import { FormattedMessage, useIntl } from 'react-intl';
import { ARTICLE_KIND_MESSAGES, SCRIPT_STAGE_MESSAGES, type ScriptStageId } from '@core/domain/model';
import { useLive } from '../../data/hooks';
import { useFormat } from '../../lib/i18n';
import { SCRIPT_TRIGGERS, SCRIPT_VARIABLES, TRIGGER_MESSAGES, VARIABLE_MESSAGES } from '@core/scripts/vocabulary';
import { insertAt, KIND_MESSAGES, KIND_TEXT_MESSAGES, newKey, variableToken, type DraftStep, type StepKind } from './draft';

export interface StepProblem {
  field: string | null;
  branchIndex: number | null;
  message: string;
}

/** Where a branch may go: a stage of the script, or one of its steps. */
export interface BranchTarget {
  value: string;
  label: string;
  group: 'stage' | 'step';
}

interface Props {
  stageId: ScriptStageId;
  step: DraftStep;
  index: number;
  count: number;
  problems: readonly StepProblem[];
  targets: readonly BranchTarget[];
  onChange: (key: string, change: (step: DraftStep) => DraftStep) => void;
  onMove: (key: string, by: -1 | 1) => void;
  onRemove: (key: string) => void;
  onFocusStep: (stepId: string) => void;
}

const fieldSelector = (key: string, field: string) => `[data-step-key="${key}"] [data-field="${field}"]`;

/** Focuses a field of a step in the editor: its text, a branch's label, a move button… */
export function focusStepField(key: string, field: string): boolean {
  const element = document.querySelector<HTMLElement>(`${fieldSelector(key, field)}`);
  const target = element?.matches('input, textarea, button') ? element : element?.querySelector<HTMLElement>('textarea:not([aria-hidden]), input, [role="combobox"], button');
  if (!target || (target as HTMLButtonElement).disabled) return false;
  target.focus();
  return true;
}

/** Knowledge articles the agent can open at this step. */
function StepArticlesField({ ids, onChange }: { ids: readonly string[]; onChange: (ids: string[]) => void }) {
  const intl = useIntl();
  const format = useFormat();
  const articles = useLive((db) => db.articles.filter((article) => !article.archived || ids.includes(article.id)).toArray(), [ids.join(',')], []);
  if (articles.length === 0 && ids.length === 0) return null;
  const title = (id: string) => articles.find((article) => article.id === id)?.title ?? intl.formatMessage({ id: 'scripts.step.articleMissing', defaultMessage: 'An article not on this device' });
  return (
    <TextField
      select
      size="small"
      label={intl.formatMessage({ id: 'scripts.step.articles', defaultMessage: 'Articles to read at this step' })}
      value={[...ids]}
      onChange={(event) => {
        const value = event.target.value as unknown;
        onChange(typeof value === 'string' ? value.split(',') : (value as string[]));
      }}
      slotProps={{ select: { multiple: true, renderValue: (selected) => format.list((selected as string[]).map(title)) || intl.formatMessage({ id: 'scripts.step.articlesNone', defaultMessage: 'None' }) } }}
      // The full width, so that a longer label in another language is not cut off.
      fullWidth
      sx={{ mt: 1 }}
    >
      {articles.map((article) => (
        <MenuItem key={article.id} value={article.id}>
          <Checkbox size="small" checked={ids.includes(article.id)} sx={{ p: 0.5, mr: 1 }} />
          <ListItemText primary={article.title} secondary={intl.formatMessage(ARTICLE_KIND_MESSAGES[article.kind])} />
        </MenuItem>
      ))}
    </TextField>
  );
}

export const StepEditor = memo(function StepEditor({ stageId, step, index, count, problems, targets, onChange, onMove, onRemove, onFocusStep }: Props) {
  const intl = useIntl();
  const textRef = useRef<HTMLTextAreaElement | null>(null);
  const [menuAnchor, setMenuAnchor] = useState<HTMLElement | null>(null);
  const headingId = `step-${step.key}-heading`;
  const number = index + 1;
  const textProblems = problems.filter((problem) => problem.field === 'text');
  const stepProblems = problems.filter((problem) => problem.field !== 'text' && problem.branchIndex === null);
  const update = (change: (current: DraftStep) => DraftStep) => onChange(step.key, change);

  const insertVariable = (name: string) => {
    const element = textRef.current;
    const start = element?.selectionStart ?? step.text.length;
    const end = element?.selectionEnd ?? step.text.length;
    const { text, caret } = insertAt(step.text, start, end, `{${name}}`);
    update((current) => ({ ...current, text }));
    setMenuAnchor(null);
    requestAnimationFrame(() => {
      textRef.current?.focus();
      textRef.current?.setSelectionRange(caret, caret);
    });
  };

  const toggleTrigger = (trigger: string) =>
    update((current) => ({
      ...current,
      when: current.when.includes(trigger) ? current.when.filter((t) => t !== trigger) : SCRIPT_TRIGGERS.filter((t) => t === trigger || current.when.includes(t)),
    }));

  const addBranch = () => {
    const fallback = targets.find((target) => target.group === 'stage' && target.value !== stageId)?.value ?? '';
    update((current) => ({ ...current, branches: [...current.branches, { key: newKey(), label: '', goto: fallback }] }));
    requestAnimationFrame(() => focusStepField(step.key, `branch-${step.branches.length}-label`));
  };

  // The focus stays with the step as it moves: on the same field, or on the other move button when this one is now disabled.
  const move = (by: -1 | 1) => {
    if ((by === -1 && index === 0) || (by === 1 && index === count - 1)) return;
    const active = document.activeElement as HTMLElement | null;
    onMove(step.key, by);
    requestAnimationFrame(() => {
      if (active?.isConnected && !(active as HTMLButtonElement).disabled) active.focus();
      else focusStepField(step.key, by === -1 ? 'move-down' : 'move-up');
    });
  };

  // Alt+↑ / Alt+↓ move the step from anywhere in it.
  const onKeyDown = (event: KeyboardEvent) => {
    if (!event.altKey || event.ctrlKey || event.metaKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    event.stopPropagation();
    move(event.key === 'ArrowUp' ? -1 : 1);
  };

  const knownTargets = new Set(targets.map((target) => target.value));
  const stageTargets = targets.filter((target) => target.group === 'stage');
  const stepTargets = targets.filter((target) => target.group === 'step' && target.value !== step.id);

  return (
    <Paper
      variant="outlined"
      role="group"
      aria-labelledby={headingId}
      data-step-key={step.key}
      data-step-id={step.id}
      onFocus={() => onFocusStep(step.id)}
      onKeyDown={onKeyDown}
      sx={{ p: 1.5, borderColor: problems.length ? 'error.main' : undefined }}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="subtitle2" component="h3" id={headingId} sx={{ flex: 1, minWidth: 0 }}>
          <FormattedMessage id="scripts.step.heading" defaultMessage="{stage}, step {number}" values={{ stage: intl.formatMessage(SCRIPT_STAGE_MESSAGES[stageId]), number }} />
          <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1 }}>
            {step.id}
          </Typography>
        </Typography>
        <IconButton size="small" aria-label={intl.formatMessage({ id: 'scripts.step.moveUp', defaultMessage: 'Move step {number} up' }, { number })} aria-keyshortcuts="Alt+ArrowUp" disabled={index === 0} onClick={() => move(-1)} data-field="move-up">
          <ArrowUpwardOutlined fontSize="small" />
        </IconButton>
        <IconButton size="small" aria-label={intl.formatMessage({ id: 'scripts.step.moveDown', defaultMessage: 'Move step {number} down' }, { number })} aria-keyshortcuts="Alt+ArrowDown" disabled={index === count - 1} onClick={() => move(1)} data-field="move-down">
          <ArrowDownwardOutlined fontSize="small" />
        </IconButton>
        <IconButton size="small" aria-label={intl.formatMessage({ id: 'scripts.step.remove', defaultMessage: 'Remove step {number}' }, { number })} onClick={() => onRemove(step.key)} data-field="remove">
          <DeleteOutlined fontSize="small" />
        </IconButton>
      </Stack>

      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'flex-start' }}>
        <TextField
          select
          size="small"
          label={intl.formatMessage({ id: 'scripts.step.kind', defaultMessage: 'Kind' })}
          value={step.kind}
          onChange={(event) => update((current) => ({ ...current, kind: event.target.value as StepKind }))}
          // As wide as the kind's name in the agent's language ("Sagen", "Preguntar"), at least the English width.
          sx={{ minWidth: 96, flexShrink: 0 }}
          data-field="kind"
        >
          {(Object.keys(KIND_MESSAGES) as StepKind[]).map((kind) => (
            <MenuItem key={kind} value={kind}>
              {intl.formatMessage(KIND_MESSAGES[kind])}
            </MenuItem>
          ))}
        </TextField>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <TextField
            id={`step-${step.key}-text`}
            label={intl.formatMessage(KIND_TEXT_MESSAGES[step.kind])}
            value={step.text}
            onChange={(event) => update((current) => ({ ...current, text: event.target.value }))}
            multiline
            minRows={1}
            maxRows={8}
            fullWidth
            size="small"
            inputRef={textRef}
            error={textProblems.length > 0}
            helperText={textProblems.length ? textProblems.map((problem) => problem.message).join(' ') : undefined}
            data-field="text"
          />
          <Button
            size="small"
            startIcon={<AddOutlined fontSize="small" />}
            onClick={(event) => setMenuAnchor(event.currentTarget)}
            aria-haspopup="menu"
            aria-expanded={menuAnchor ? true : undefined}
            aria-controls={menuAnchor ? `step-${step.key}-variables` : undefined}
            aria-label={intl.formatMessage({ id: 'scripts.step.insertVariableLabel', defaultMessage: 'Insert variable into step {number}' }, { number })}
            sx={{ mt: 0.5 }}
            data-field="insert-variable"
          >
            <FormattedMessage id="scripts.step.insertVariable" defaultMessage="Insert variable" />
          </Button>
          <Menu id={`step-${step.key}-variables`} anchorEl={menuAnchor} open={menuAnchor !== null} onClose={() => setMenuAnchor(null)}>
            {SCRIPT_VARIABLES.map((name) => (
              <MenuItem key={name} onClick={() => insertVariable(name)} dense>
                <ListItemText primary={variableToken(name)} secondary={intl.formatMessage(VARIABLE_MESSAGES[name])} />
              </MenuItem>
            ))}
          </Menu>
        </Box>
      </Stack>

      <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, mt: 1 }} data-field="when">
        <Typography component="legend" variant="caption" color="text.secondary">
          <FormattedMessage id="scripts.step.when" defaultMessage="Show only when (none ticked: always shown)" />
        </Typography>
        <FormGroup sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', columnGap: 0.5 }}>
          {SCRIPT_TRIGGERS.map((trigger) => (
            <FormControlLabel
              key={trigger}
              control={<Checkbox size="small" checked={step.when.includes(trigger)} onChange={() => toggleTrigger(trigger)} sx={{ p: 0.5 }} />}
              label={<Typography variant="body2">{intl.formatMessage(TRIGGER_MESSAGES[trigger])}</Typography>}
              sx={{ mr: 1 }}
            />
          ))}
        </FormGroup>
      </Box>

      <StepArticlesField ids={step.articleIds} onChange={(articleIds) => update((current) => ({ ...current, articleIds }))} />

      <Box sx={{ mt: 1 }}>
        {step.branches.length > 0 && (
          <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 0.5 }}>
            <FormattedMessage id="scripts.step.branches" defaultMessage="Branches: answers that lead elsewhere" />
          </Typography>
        )}
        <Stack spacing={1}>
          {step.branches.map((branch, branchIndex) => {
            const branchProblems = problems.filter((problem) => problem.branchIndex === branchIndex);
            const missing = branch.goto !== '' && !knownTargets.has(branch.goto);
            return (
              <Box key={branch.key}>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
                  <TextField
                    size="small"
                    label={intl.formatMessage({ id: 'scripts.step.branchAnswer', defaultMessage: 'Branch {number} answer' }, { number: branchIndex + 1 })}
                    value={branch.label}
                    onChange={(event) =>
                      update((current) => ({ ...current, branches: current.branches.map((b) => (b.key === branch.key ? { ...b, label: event.target.value } : b)) }))
                    }
                    error={branchProblems.some((problem) => problem.field?.endsWith('.label'))}
                    sx={{ flex: 1 }}
                    data-field={`branch-${branchIndex}-label`}
                  />
                  <TextField
                    select
                    size="small"
                    label={intl.formatMessage({ id: 'scripts.step.branchGoto', defaultMessage: 'Branch {number} goes to' }, { number: branchIndex + 1 })}
                    value={branch.goto}
                    onChange={(event) =>
                      update((current) => ({ ...current, branches: current.branches.map((b) => (b.key === branch.key ? { ...b, goto: event.target.value } : b)) }))
                    }
                    error={missing || branch.goto === '' || branchProblems.some((problem) => problem.field?.endsWith('.goto'))}
                    sx={{ flex: 1, minWidth: 0 }}
                    data-field={`branch-${branchIndex}-goto`}
                  >
                    {missing && (
                      <MenuItem value={branch.goto} disabled>
                        <FormattedMessage id="scripts.step.branchMissing" defaultMessage="‘{target}’ (not in this script)" values={{ target: branch.goto }} />
                      </MenuItem>
                    )}
                    {stageTargets.map((target) => (
                      <MenuItem key={target.value} value={target.value}>
                        {target.label}
                      </MenuItem>
                    ))}
                    {stepTargets.map((target) => (
                      <MenuItem key={target.value} value={target.value}>
                        {target.label}
                      </MenuItem>
                    ))}
                  </TextField>
                  <IconButton
                    size="small"
                    aria-label={intl.formatMessage(
                      { id: 'scripts.step.removeBranch', defaultMessage: 'Remove branch {branch} of step {number}' },
                      { branch: branchIndex + 1, number },
                    )}
                    onClick={() => {
                      update((current) => ({ ...current, branches: current.branches.filter((b) => b.key !== branch.key) }));
                      requestAnimationFrame(() => focusStepField(step.key, 'add-branch'));
                    }}
                    sx={{ mt: 0.5 }}
                  >
                    <CloseOutlined fontSize="small" />
                  </IconButton>
                </Stack>
                {branchProblems.map((problem) => (
                  <Typography key={problem.message} variant="caption" color="error" component="div" role="note" sx={{ mt: 0.25 }}>
                    {problem.message}
                  </Typography>
                ))}
              </Box>
            );
          })}
        </Stack>
        <Button size="small" startIcon={<AddOutlined fontSize="small" />} onClick={addBranch} sx={{ mt: 0.5 }} data-field="add-branch" aria-label={intl.formatMessage({ id: 'scripts.step.addBranchLabel', defaultMessage: 'Add branch to step {number}' }, { number })}
        >
          <FormattedMessage id="scripts.step.addBranch" defaultMessage="Add branch" />
        </Button>
      </Box>

      {stepProblems.map((problem) => (
        <Typography key={problem.message} variant="caption" color="error" component="div" sx={{ mt: 0.5 }}>
          {problem.message}
        </Typography>
      ))}
    </Paper>
  );
});
