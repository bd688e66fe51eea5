/** A script's versions, newest first: which is published, which retired, the draft; who saved each and when. */
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { defineMessages, FormattedMessage, useIntl, type MessageDescriptor } from 'react-intl';
import type { Script } from '@core/domain/model';
import { useFormat } from '../../lib/i18n';
import type { ScriptSummary } from './data';

const STATUS_MESSAGES: Record<Script['status'], MessageDescriptor> = defineMessages({
  draft: { id: 'scripts.versions.draft', defaultMessage: 'Draft' },
  published: { id: 'scripts.versions.published', defaultMessage: 'Published' },
  retired: { id: 'scripts.versions.retired', defaultMessage: 'Retired' },
});
const STATUS_COLORS = { draft: 'warning', published: 'success', retired: 'default' } as const;

export function VersionList({ summary, names }: { summary: ScriptSummary; names: ReadonlyMap<string, string> }) {
  const intl = useIntl();
  const format = useFormat();
  const at = (ms: number) => format.dateTime(ms, { withYear: true });
  return (
    <Paper variant="outlined" component="section" aria-labelledby="script-versions-title" sx={{ p: 2 }}>
      <Typography variant="h2" id="script-versions-title" sx={{ mb: 1 }}>
        <FormattedMessage id="scripts.versions.title" defaultMessage="Versions" />
      </Typography>
      <Box
        component="ul"
        aria-label={intl.formatMessage({ id: 'scripts.versions.label', defaultMessage: 'Versions, newest first' })} sx={{ m: 0, p: 0, listStyle: 'none' }} data-testid="script-versions">
        {summary.versions.map((version) => {
          const who = names.get(version.updatedBy) ?? intl.formatMessage({ id: 'scripts.versions.someone', defaultMessage: 'someone' });
          const when =
            version.status === 'draft' || version.publishedAt === null
              ? intl.formatMessage({ id: 'scripts.versions.saved', defaultMessage: 'saved by {name} {when}' }, { name: who, when: at(version.updatedAt) })
              : intl.formatMessage({ id: 'scripts.versions.publishedBy', defaultMessage: 'published {when} · written by {name}' }, { name: who, when: at(version.publishedAt) });
          return (
            <Box component="li" key={version.id} sx={{ display: 'flex', gap: 1.5, alignItems: 'center', py: 0.5, borderTop: 1, borderColor: 'divider' }}>
              <Typography variant="body2" sx={{ fontWeight: 600, minWidth: 84, flexShrink: 0, whiteSpace: 'nowrap' }}>
                <FormattedMessage id="scripts.versions.version" defaultMessage="Version {version}" values={{ version: version.version }} />
              </Typography>
              <Chip size="small" variant="outlined" color={STATUS_COLORS[version.status]} label={intl.formatMessage(STATUS_MESSAGES[version.status])} sx={{ minWidth: 88 }} />
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
