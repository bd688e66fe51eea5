/**
 * The script's translations, side by side with the source: for the chosen
 * language, the stage being edited, step by step, the source's words on one
 * side and the translation on the other. Languages are added and removed
 * here; what differs from the source (a step without text, a {variable}
 * missing or added, answers that do not match) shows by the step, and
 * publishing refuses it, as the hub does.
 */
import { useCallback, useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import { FormattedMessage, useIntl } from 'react-intl';
import { baseLanguage } from '@core/content';
import type { ScriptStageId } from '@core/domain/model';
import { emptyVariant, type VariantProblem } from '@core/scripts/variants';
import { useLanguageName } from '../contact/LanguageNotice';
import { updateVariantStep, type ScriptDraftState } from './draft';

/** Languages a script is commonly translated into, offered when adding one. */
const OFFERED_LANGUAGES = ['de', 'es', 'fr', 'it', 'nl', 'pl', 'pt'] as const;

/** A variant problem as a sentence in the agent's language, the languages named in it. */
export function useVariantProblemText(): (problem: VariantProblem) => string {
  const intl = useIntl();
  const languageName = useLanguageName();
  return useCallback(
    (problem: VariantProblem) =>
      intl.formatMessage(problem.message, { ...problem.values, language: languageName(problem.values.language), source: languageName(problem.values.source) }),
    [intl, languageName],
  );
}

interface Props {
  draft: ScriptDraftState;
  onChange: (change: (draft: ScriptDraftState) => ScriptDraftState) => void;
  /** The stage the editor shows: the translation follows it. */
  stageId: ScriptStageId;
  problems: readonly VariantProblem[];
}

export function VariantEditor({ draft, onChange, stageId, problems }: Props) {
  const intl = useIntl();
  const languageName = useLanguageName();
  const problemText = useVariantProblemText();
  const languages = Object.keys(draft.variants).sort();
  const [chosen, setChosen] = useState<string | null>(null);
  const language = chosen !== null && languages.includes(chosen) ? chosen : (languages[0] ?? null);
  const variant = language ? draft.variants[language] : undefined;
  const [adding, setAdding] = useState('');
  const offered = OFFERED_LANGUAGES.filter((tag) => !languages.some((existing) => baseLanguage(existing) === tag) && baseLanguage(draft.language) !== tag);
  const sourceName = languageName(draft.language);

  const problemsOf = useMemo(() => {
    const byLanguage = new Map<string, VariantProblem[]>();
    for (const problem of problems) byLanguage.set(problem.language, [...(byLanguage.get(problem.language) ?? []), problem]);
    return byLanguage;
  }, [problems]);
  const own = language ? (problemsOf.get(language) ?? []) : [];
  const stage = draft.stages.find((candidate) => candidate.id === stageId);

  const add = () => {
    if (!adding) return;
    onChange((current) => ({ ...current, variants: { ...current.variants, [adding]: { ...emptyVariant(current), name: '' } } }));
    setChosen(adding);
    setAdding('');
  };
  const remove = (tag: string) => {
    onChange((current) => {
      const { [tag]: _removed, ...rest } = current.variants;
      return { ...current, variants: rest };
    });
    setChosen(null);
  };

  return (
    <Paper variant="outlined" component="section" aria-labelledby="script-languages-title" sx={{ p: 2 }} data-testid="script-languages">
      <Typography variant="h2" id="script-languages-title" sx={{ mb: 0.5 }}>
        <FormattedMessage id="content.variants.title" defaultMessage="Languages" />
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        <FormattedMessage
          id="content.variants.help"
          defaultMessage="Written in {language}. A customer whose language has a version here sees it; anyone else sees the {language} text, and the agent is told."
          values={{ language: sourceName }}
        />
      </Typography>

      {languages.length > 0 && (
        <Tabs
            value={language ?? false}
            onChange={(_event, value: string) => setChosen(value)}
            aria-label={intl.formatMessage({ id: 'content.variants.tabs', defaultMessage: 'Translations' })}
            variant="scrollable"
            sx={{ minHeight: 36, mb: 1 }}
          >
            {languages.map((tag) => (
              <Tab
                key={tag}
                value={tag}
                sx={{ minHeight: 36, py: 0.5 }}
                label={intl.formatMessage(
                  { id: 'content.variants.tab', defaultMessage: '{language} ({count, plural, =0 {ready} one {# to fix} other {# to fix}})' },
                  { language: languageName(tag), count: problemsOf.get(tag)?.length ?? 0 },
                )}
              />
            ))}
          </Tabs>
      )}
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1, mb: 1.5 }}>
        {languages.length === 0 && (
          <Typography variant="body2" sx={{ flex: 1 }}>
            <FormattedMessage id="content.variants.none" defaultMessage="No translations yet: every customer sees the {language} text." values={{ language: sourceName }} />
          </Typography>
        )}
        <TextField
          select
          size="small"
          label={intl.formatMessage({ id: 'content.variants.languageToAdd', defaultMessage: 'Language to add' })}
          value={adding}
          onChange={(event) => setAdding(event.target.value)}
          sx={{ minWidth: 180 }}
          disabled={offered.length === 0}
        >
          {offered.map((tag) => (
            <MenuItem key={tag} value={tag}>
              {languageName(tag)}
            </MenuItem>
          ))}
        </TextField>
        <Button startIcon={<AddOutlined />} onClick={add} disabled={!adding}>
          <FormattedMessage id="content.variants.addLanguage" defaultMessage="Add language" />
        </Button>
      </Stack>

      {language && variant && (
        <Box>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start', mb: 1.5 }}>
            <TextField
              size="small"
              fullWidth
              label={intl.formatMessage({ id: 'content.variants.name', defaultMessage: 'Name in {language}' }, { language: languageName(language) })}
              value={variant.name}
              placeholder={draft.name}
              onChange={(event) => {
                const name = event.target.value;
                onChange((current) => {
                  const found = current.variants[language];
                  return found ? { ...current, variants: { ...current.variants, [language]: { ...found, name } } } : current;
                });
              }}
            />
            <Button color="error" startIcon={<DeleteOutlined />} onClick={() => remove(language)} sx={{ flexShrink: 0 }}>
              <FormattedMessage id="content.variants.removeLanguage" defaultMessage="Remove {language}" values={{ language: languageName(language) }} />
            </Button>
          </Stack>

          {own.length > 0 ? (
            <Alert severity="warning" sx={{ mb: 1.5 }} data-testid="variant-problems">
              <FormattedMessage
                id="content.variants.toFix"
                defaultMessage="{count, plural, one {# thing to fix} other {# things to fix}} before publishing the {language} version:"
                values={{ count: own.length, language: languageName(language) }}
              />
              <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                {own.map((problem) => (
                  <li key={`${problem.kind}:${problem.stepId ?? ''}:${problem.values.variable ?? problem.values.count ?? ''}`}>{problemText(problem)}</li>
                ))}
              </Box>
            </Alert>
          ) : (
            <Alert severity="success" sx={{ mb: 1.5 }}>
              <FormattedMessage id="content.variants.ready" defaultMessage="The {language} version matches the script step for step." values={{ language: languageName(language) }} />
            </Alert>
          )}

          <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', columnGap: 2, rowGap: 1.5 }}>
            <Typography variant="subtitle2" component="div">
              <FormattedMessage id="content.variants.sourceColumn" defaultMessage="Source ({language})" values={{ language: sourceName }} />
            </Typography>
            <Typography variant="subtitle2" component="div">
              {languageName(language)}
            </Typography>
            {(stage?.steps ?? []).map((step, index) => {
              const translated = variant.steps.find((candidate) => candidate.id === step.id);
              const stepProblems = own.filter((problem) => problem.stepId === step.id);
              return (
                <Box key={step.key} sx={{ display: 'contents' }} data-variant-step={step.id}>
                  <Box sx={{ borderTop: 1, borderColor: 'divider', pt: 1 }}>
                    <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                      {step.text}
                    </Typography>
                    {step.branches.map((branch, branchIndex) => (
                      <Typography key={branch.key} variant="caption" component="div" color="text.secondary">
                        <FormattedMessage id="content.variants.sourceAnswer" defaultMessage="Answer {number}: {label}" values={{ number: branchIndex + 1, label: branch.label }} />
                      </Typography>
                    ))}
                  </Box>
                  <Stack spacing={1} sx={{ borderTop: 1, borderColor: 'divider', pt: 1 }}>
                    <TextField
                      size="small"
                      multiline
                      minRows={2}
                      fullWidth
                      label={intl.formatMessage(
                        { id: 'content.variants.stepText', defaultMessage: 'Step {number} in {language}' },
                        { number: index + 1, language: languageName(language) },
                      )}
                      value={translated?.text ?? ''}
                      error={stepProblems.length > 0}
                      helperText={stepProblems.map(problemText).join(' · ') || undefined}
                      onChange={(event) => {
                        const text = event.target.value;
                        onChange((current) => updateVariantStep(current, language, step.id, (found) => ({ ...found, text })));
                      }}
                    />
                    {step.branches.map((branch, branchIndex) => (
                      <TextField
                        key={branch.key}
                        size="small"
                        fullWidth
                        label={intl.formatMessage(
                          { id: 'content.variants.answer', defaultMessage: 'Answer {number} in {language}' },
                          { number: branchIndex + 1, language: languageName(language) },
                        )}
                        value={translated?.branches[branchIndex] ?? ''}
                        onChange={(event) => {
                          const label = event.target.value;
                          onChange((current) =>
                            updateVariantStep(current, language, step.id, (found) => {
                              const branches = step.branches.map((_, i) => found.branches[i] ?? '');
                              branches[branchIndex] = label;
                              return { ...found, branches };
                            }),
                          );
                        }}
                      />
                    ))}
                  </Stack>
                </Box>
              );
            })}
          </Box>
          {(stage?.steps.length ?? 0) === 0 && (
            <Typography variant="body2" color="text.secondary">
              <FormattedMessage id="content.variants.emptyStage" defaultMessage="This stage has no steps to translate yet." />
            </Typography>
          )}
        </Box>
      )}
    </Paper>
  );
}
