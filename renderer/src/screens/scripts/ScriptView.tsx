/** A script version to read (agents see the published one): every stage and step, beside the preview. */
import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import ArrowBackOutlined from '@mui/icons-material/ArrowBackOutlined';
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import { SCRIPT_STAGE_MESSAGES, SCRIPT_STAGES, type Script, type ScriptStageId } from '@core/domain/model';
import { TRIGGER_MESSAGES, type ScriptTrigger } from '@core/scripts/vocabulary';
import { useMe } from '../../data/hooks';
import { useFormat } from '../../lib/i18n';
import { focusScreenHeading } from '../../shell/keyboard';
import { ScreenHeader } from '../../shell/ScreenHeader';
import { navigate } from '../../state/router';
import { KIND_MESSAGES } from './draft';
import { ScriptPreview } from './ScriptPreview';

const VARIABLE = /(\{[^{}]*\})/g;

/** A step's text as written, its variables marked. */
function WrittenText({ text }: { text: string }) {
  return (
    <>
      {text.split(VARIABLE).map((part, index) =>
        index % 2 === 1 ? (
          <Box component="code" key={index} sx={{ fontSize: '0.85em', px: 0.5, borderRadius: 0.5, bgcolor: 'action.hover' }}>
            {part}
          </Box>
        ) : (
          part
        ),
      )}
    </>
  );
}

/** Where a branch goes, in words: "stage Resolve", "Empathise, step 2". */
const stageOrTarget = (goto: string, script: Script, intl: IntlShape) => {
  if ((SCRIPT_STAGES as readonly string[]).includes(goto)) {
    return intl.formatMessage({ id: 'scripts.view.toStage', defaultMessage: 'stage {stage}' }, { stage: intl.formatMessage(SCRIPT_STAGE_MESSAGES[goto as ScriptStageId]) });
  }
  for (const stage of script.stages) {
    const index = stage.steps.findIndex((step) => step.id === goto);
    if (index >= 0) {
      return intl.formatMessage({ id: 'scripts.view.toStep', defaultMessage: '{stage}, step {number}' }, { stage: intl.formatMessage(SCRIPT_STAGE_MESSAGES[stage.id]), number: index + 1 });
    }
  }
  return intl.formatMessage({ id: 'scripts.view.toUnknown', defaultMessage: '‘{target}’' }, { target: goto });
};

export function ScriptView({ script, note }: { script: Script; note: string }) {
  const intl = useIntl();
  const format = useFormat();
  const stageName = (id: ScriptStageId) => intl.formatMessage(SCRIPT_STAGE_MESSAGES[id]);
  const me = useMe();
  const [stageId, setStageId] = useState<ScriptStageId>('greet');
  const previewScript = useMemo(() => ({ stages: script.stages }), [script.stages]);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <ScreenHeader
        title={script.name}
        description={intl.formatMessage(
          {
            id: 'scripts.view.description',
            defaultMessage: 'Version {version}{published, select, yes {, published {date}} other {}}{withTopics, select, yes { · for {topics}} other {}}',
          },
          {
            version: script.version,
            published: script.publishedAt ? 'yes' : 'no',
            date: script.publishedAt ? format.date(script.publishedAt, 'medium') : '',
            withTopics: script.topics.length ? 'yes' : 'no',
            topics: script.topics.join(', '),
          },
        )}
        actions={
          <Button
            startIcon={<ArrowBackOutlined />}
            onClick={() => {
              navigate('/scripts');
              focusScreenHeading();
            }}
          >
            <FormattedMessage id="scripts.view.allScripts" defaultMessage="All scripts" />
          </Button>
        }
      />
      <Alert severity="info" sx={{ mt: -1 }}>
        {note}
      </Alert>
      {script.description && (
        <Typography variant="body2" color="text.secondary">
          {script.description}
        </Typography>
      )}
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1.2fr) minmax(0, 1fr)' }, gap: 2, alignItems: 'start' }}>
        <Stack spacing={2} sx={{ minWidth: 0 }}>
          {script.stages.map((stage, stageIndex) => (
            <Paper key={stage.id} variant="outlined" component="section" aria-labelledby={`view-stage-${stage.id}`} sx={{ p: 2 }}>
              <Typography variant="h2" id={`view-stage-${stage.id}`} sx={{ mb: 1 }}>
                <FormattedMessage id="scripts.stages.tab" defaultMessage="{number}. {stage}" values={{ number: stageIndex + 1, stage: stageName(stage.id) }} />
              </Typography>
              <Box component="ol" sx={{ m: 0, pl: 3 }}>
                {stage.steps.map((step) => (
                  <Box component="li" key={step.id} sx={{ py: 0.5 }}>
                    <Typography variant="caption" color="text.secondary" sx={{ fontWeight: 700, textTransform: 'uppercase', letterSpacing: 0.5 }}>
                      {step.when.length
                        ? intl.formatMessage(
                            { id: 'scripts.view.kindOnlyWhen', defaultMessage: '{kind} · only when: {triggers}' },
                            {
                              kind: intl.formatMessage(KIND_MESSAGES[step.kind]),
                              triggers: format.list(
                                step.when.map((trigger) => (trigger in TRIGGER_MESSAGES ? intl.formatMessage(TRIGGER_MESSAGES[trigger as ScriptTrigger]) : trigger)),
                                'or',
                              ),
                            },
                          )
                        : intl.formatMessage(KIND_MESSAGES[step.kind])}
                    </Typography>
                    <Typography variant="body2">
                      <WrittenText text={step.text} />
                    </Typography>
                    {step.branches.map((branch) => (
                      <Typography key={branch.label} variant="body2" color="text.secondary" sx={{ pl: 2 }}>
                        <FormattedMessage
                          id="scripts.view.branch"
                          defaultMessage="“{answer}” → {target}"
                          values={{ answer: branch.label, target: stageOrTarget(branch.goto, script, intl) }}
                        />
                      </Typography>
                    ))}
                  </Box>
                ))}
              </Box>
              {stage.steps.length > 0 && (
                <Button size="small" sx={{ mt: 0.5 }} onClick={() => setStageId(stage.id)}>
                  <FormattedMessage id="scripts.view.preview" defaultMessage="Preview {stage}" values={{ stage: stageName(stage.id) }} />
                </Button>
              )}
            </Paper>
          ))}
        </Stack>
        <Box sx={{ minWidth: 0, position: { lg: 'sticky' }, top: { lg: 0 } }}>
          <ScriptPreview script={previewScript} topic={script.topics[0] ?? null} agent={me} stageId={stageId} onStageChange={setStageId} language={script.language} />
        </Box>
      </Box>
    </Box>
  );
}
