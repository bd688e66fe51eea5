/** A script's versions, newest first: which is published, which retired, the draft; who saved each and when. */
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { Script } from '@core/domain/model';
import { dateTimeText, type ScriptSummary } from './data';

const STATUS_LABELS: Record<Script['status'], string> = { draft: 'Draft', published: 'Published', retired: 'Retired' };
const STATUS_COLORS = { draft: 'warning', published: 'success', retired: 'default' } as const;

export function VersionList({ summary, names }: { summary: ScriptSummary; names: ReadonlyMap<string, string> }) {
  return (
    <Paper variant="outlined" component="section" aria-labelledby="script-versions-title" sx={{ p: 2 }}>
      <Typography variant="h2" id="script-versions-title" sx={{ mb: 1 }}>
        Versions
      </Typography>
      <Box component="ul" aria-label="Versions, newest first" sx={{ m: 0, p: 0, listStyle: 'none' }} data-testid="script-versions">
        {summary.versions.map((version) => {
          const who = names.get(version.updatedBy) ?? 'someone';
          const when =
            version.status === 'draft' || version.publishedAt === null
              ? `saved by ${who} ${dateTimeText(version.updatedAt)}`
              : `published ${dateTimeText(version.publishedAt)} · written by ${who}`;
          return (
            <Box component="li" key={version.id} sx={{ display: 'flex', gap: 1.5, alignItems: 'center', py: 0.5, borderTop: 1, borderColor: 'divider' }}>
              <Typography variant="body2" sx={{ fontWeight: 600, width: 84, flexShrink: 0 }}>
                Version {version.version}
              </Typography>
              <Chip size="small" variant="outlined" color={STATUS_COLORS[version.status]} label={STATUS_LABELS[version.status]} sx={{ width: 88 }} />
              <Typography variant="body2" color="text.secondary" sx={{ minWidth: 0 }}>
                {when}
              </Typography>
            </Box>
          );
        })}
      </Box>
    </Paper>
  );
}
