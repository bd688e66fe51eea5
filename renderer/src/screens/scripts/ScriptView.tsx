/** A script version to read (agents see the published one): every stage and step, beside the preview. */
import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import ArrowBackOutlined from '@mui/icons-material/ArrowBackOutlined';
import { SCRIPT_STAGE_LABELS, SCRIPT_STAGES, type Script, type ScriptStageId } from '@core/domain/model';
import { TRIGGER_LABELS } from '@core/scripts/vocabulary';
import { useMe } from '../../data/hooks';
import { focusScreenHeading } from '../../shell/keyboard';
import { ScreenHeader } from '../../shell/ScreenHeader';
import { navigate } from '../../state/router';
import { dateText } from './data';
import { KIND_LABELS } from './draft';
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

const stageOrTarget = (goto: string, script: Script) => {
  if ((SCRIPT_STAGES as readonly string[]).includes(goto)) return `stage ${SCRIPT_STAGE_LABELS[goto as ScriptStageId]}`;
  for (const stage of script.stages) {
    const index = stage.steps.findIndex((step) => step.id === goto);
    if (index >= 0) return `${SCRIPT_STAGE_LABELS[stage.id]}, step ${index + 1}`;
  }
  return `'${goto}'`;
};

export function ScriptView({ script, note }: { script: Script; note: string }) {
  const me = useMe();
  const [stageId, setStageId] = useState<ScriptStageId>('greet');
  const previewScript = useMemo(() => ({ stages: script.stages }), [script.stages]);
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <ScreenHeader
        title={script.name}
        description={`Version ${script.version}${script.publishedAt ? `, published ${dateText(script.publishedAt)}` : ''}${script.topics.length ? ` · for ${script.topics.join(', ')}` : ''}`}
        actions={
          <Button
            startIcon={<ArrowBackOutlined />}
            onClick={() => {
              navigate('/scripts');
              focusScreenHeading();
            }}
          >
            All scripts
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
                {stageIndex + 1}. {SCRIPT_STAGE_LABELS[stage.id]}
              </Typography>
              <Box component="ol" sx={{ m: 0, pl: 3 }}>
                {stage.steps.map((step) => (
                  <Box component="li" key={step.id} sx={{ py: 0.5 }}>
                    <Typography variant="caption" color="text.secondary" sx={{ fontWeight: 700, textTransform: 'uppercase', letterSpacing: 0.5 }}>
                      {KIND_LABELS[step.kind]}
                      {step.when.length ? ` · only when: ${step.when.map((trigger) => TRIGGER_LABELS[trigger as keyof typeof TRIGGER_LABELS] ?? trigger).join(' or ')}` : ''}
                    </Typography>
                    <Typography variant="body2">
                      <WrittenText text={step.text} />
                    </Typography>
                    {step.branches.map((branch) => (
                      <Typography key={branch.label} variant="body2" color="text.secondary" sx={{ pl: 2 }}>
                        “{branch.label}” → {stageOrTarget(branch.goto, script)}
                      </Typography>
                    ))}
                  </Box>
                ))}
              </Box>
              {stage.steps.length > 0 && (
                <Button size="small" sx={{ mt: 0.5 }} onClick={() => setStageId(stage.id)}>
                  Preview {SCRIPT_STAGE_LABELS[stage.id]}
                </Button>
              )}
            </Paper>
          ))}
        </Stack>
        <Box sx={{ minWidth: 0, position: { lg: 'sticky' }, top: { lg: 0 } }}>
          <ScriptPreview script={previewScript} topic={script.topics[0] ?? null} agent={me} stageId={stageId} onStageChange={setStageId} />
        </Box>
      </Box>
    </Box>
  );
}
