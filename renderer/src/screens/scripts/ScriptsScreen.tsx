/**
 * Scripts: the conversation scripts agents follow. Everyone sees the list and
 * can read the published version of a script with a preview; supervisors and
 * admins start scripts, edit drafts and publish them.
 */
import { useCallback, useMemo, useState, type KeyboardEvent } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import AddOutlined from '@mui/icons-material/AddOutlined';
import DescriptionOutlined from '@mui/icons-material/DescriptionOutlined';
import { FormattedMessage, useIntl } from 'react-intl';
import { VirtualList } from '../../components/VirtualList';
import { useLocal } from '../../data/local';
import { useFormat } from '../../lib/i18n';
import { EmptyState } from '../../shell/EmptyState';
import { focusScreenHeading } from '../../shell/keyboard';
import { ScreenHeader } from '../../shell/ScreenHeader';
import { useQueryParams } from '../../state/params';
import { navigate } from '../../state/router';
import { usePeopleNames, useScriptSummaries, type ScriptSummary } from './data';
import { NewScriptDialog } from './NewScriptDialog';
import { hasUnsavedChanges, ScriptEditor } from './ScriptEditor';
import { ScriptView } from './ScriptView';

const open = (scriptId: string) => {
  navigate(`/scripts?id=${encodeURIComponent(scriptId)}`);
  focusScreenHeading();
};

function ScriptRow({ script, active, supervisor, names }: { script: ScriptSummary; active: boolean; supervisor: boolean; names: ReadonlyMap<string, string> }) {
  const intl = useIntl();
  const format = useFormat();
  const { published, draft } = script;
  const description = (published ?? draft)?.description ?? '';
  return (
    <Box
      data-testid="script-row"
      sx={{
        display: 'grid',
        gridTemplateColumns: 'minmax(0, 1fr) 220px 200px',
        gap: 2,
        alignItems: 'center',
        px: 2,
        py: 1.25,
        borderRadius: 1,
        borderBottom: 1,
        borderColor: 'divider',
        bgcolor: active ? 'action.selected' : undefined,
      }}
    >
      <Box sx={{ minWidth: 0 }}>
        <Typography variant="body1" sx={{ fontWeight: 600 }} noWrap>
          {script.name}
        </Typography>
        <Typography variant="caption" color="text.secondary" component="div" noWrap title={description}>
          {description}
        </Typography>
        <Stack direction="row" spacing={0.5} sx={{ mt: 0.5, flexWrap: 'wrap', rowGap: 0.5 }}>
          {script.topics.length ? (
            script.topics.map((topic) => <Chip key={topic} size="small" label={topic} />)
          ) : (
            <Typography variant="caption" color="text.secondary">
              <FormattedMessage id="scripts.list.noTopics" defaultMessage="No topics: for any contact" />
            </Typography>
          )}
        </Stack>
      </Box>
      <Typography variant="body2" data-testid="script-published">
        {published ? (
          <FormattedMessage id="scripts.list.published" defaultMessage="Published: version {version}" values={{ version: published.version }} />
        ) : (
          <FormattedMessage id="scripts.list.notPublished" defaultMessage="Not published yet" />
        )}
        {published?.publishedAt != null && (
          <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
            <FormattedMessage id="scripts.list.since" defaultMessage="since {date}" values={{ date: format.date(published.publishedAt, 'medium') }} />
          </Typography>
        )}
      </Typography>
      <Box>
        {supervisor && hasUnsavedChanges(script.scriptId) ? (
          <Chip size="small" color="warning" label={intl.formatMessage({ id: 'scripts.list.unsavedHere', defaultMessage: 'Unsaved changes here' })} />
        ) : draft ? (
          <Chip
            size="small"
            color="warning"
            variant="outlined"
            label={intl.formatMessage({ id: 'scripts.list.draft', defaultMessage: 'Draft: version {version}' }, { version: draft.version })}
            title={intl.formatMessage(
              { id: 'scripts.list.draftSaved', defaultMessage: 'Saved by {name} {date}' },
              {
                name: names.get(draft.updatedBy) ?? intl.formatMessage({ id: 'scripts.list.someone', defaultMessage: 'someone' }),
                date: format.date(draft.updatedAt, 'medium'),
              },
            )}
          />
        ) : supervisor ? (
          <Typography variant="caption" color="text.secondary">
            <FormattedMessage id="scripts.list.noDraft" defaultMessage="No draft" />
          </Typography>
        ) : null}
      </Box>
    </Box>
  );
}

function ScriptList({ scripts, supervisor }: { scripts: ScriptSummary[] | null; supervisor: boolean }) {
  const intl = useIntl();
  const names = usePeopleNames();
  const [creating, setCreating] = useState(false);
  const [activeIndex, setActiveIndex] = useState(0);
  const onActiveChange = useCallback((index: number) => setActiveIndex(index), []);
  const list = useMemo(() => (scripts ?? []).filter((script) => supervisor || script.published), [scripts, supervisor]);
  const drafts = list.filter((script) => script.draft).length;
  const description =
    scripts === null
      ? intl.formatMessage({ id: 'scripts.list.loading', defaultMessage: 'Loading…' })
      : supervisor
        ? intl.formatMessage(
            {
              id: 'scripts.list.countsSupervisor',
              defaultMessage: '{count, plural, one {# script} other {# scripts}} · {drafts, plural, one {# draft} other {# drafts}} not yet published',
            },
            { count: list.length, drafts },
          )
        : intl.formatMessage(
            { id: 'scripts.list.countsAgent', defaultMessage: '{count, plural, one {# script} other {# scripts}} · supervisors write and publish them' },
            { count: list.length },
          );

  const onRowKey = (event: KeyboardEvent) => {
    if (!supervisor || event.altKey || event.ctrlKey || event.metaKey || event.key.toLowerCase() !== 'n') return false;
    setCreating(true);
    return true;
  };

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100%', gap: 1.5 }}>
      <ScreenHeader
        title={intl.formatMessage({ id: 'scripts.list.title', defaultMessage: 'Scripts' })}
        description={description}
        actions={
          supervisor ? (
            <Button variant="contained" startIcon={<AddOutlined />} onClick={() => setCreating(true)} aria-keyshortcuts="N">
              <FormattedMessage id="scripts.list.new" defaultMessage="New script (N)" />
            </Button>
          ) : undefined
        }
      />
      <Box sx={{ flex: 1, minHeight: 0 }}>
        <VirtualList
          id="scripts"
          label={intl.formatMessage({ id: 'scripts.list.title', defaultMessage: 'Scripts' })}
          count={list.length}
          rowHeight={84}
          rowKey={(index) => list[index]!.scriptId}
          height="100%"
          onActiveChange={onActiveChange}
          onOpen={(index) => {
            const script = list[index];
            if (script) open(script.scriptId);
          }}
          onRowKey={onRowKey}
          renderRow={(index, active) => <ScriptRow script={list[index]!} active={active} supervisor={supervisor} names={names} />}
          empty={
            scripts !== null && (
              <EmptyState icon={<DescriptionOutlined sx={{ fontSize: 48 }} color="disabled" />} title={intl.formatMessage({ id: 'scripts.list.emptyTitle', defaultMessage: 'No scripts yet' })}
              >
                {supervisor ? (
                  <FormattedMessage id="scripts.list.emptySupervisor" defaultMessage="Start one with New script: agents see it once it is published." />
                ) : (
                  <FormattedMessage id="scripts.list.emptyAgent" defaultMessage="Scripts your supervisors publish appear here." />
                )}
              </EmptyState>
            )
          }
        />
      </Box>
      {list.length > 0 && (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Button size="small" variant="outlined" onClick={() => list[activeIndex] && open(list[activeIndex].scriptId)}>
            {supervisor ? (
              <FormattedMessage id="scripts.list.edit" defaultMessage="Edit {name} (Enter)" values={{ name: list[activeIndex]?.name ?? '' }} />
            ) : (
              <FormattedMessage id="scripts.list.read" defaultMessage="Read {name} (Enter)" values={{ name: list[activeIndex]?.name ?? '' }} />
            )}
          </Button>
          <Typography variant="caption" color="text.secondary">
            {supervisor ? (
              <FormattedMessage id="scripts.list.keysSupervisor" defaultMessage="↑ ↓ choose · Enter opens · N new script" />
            ) : (
              <FormattedMessage id="scripts.list.keys" defaultMessage="↑ ↓ choose · Enter opens" />
            )}
          </Typography>
        </Stack>
      )}
      {creating && scripts && <NewScriptDialog scripts={scripts} onClose={() => setCreating(false)} onCreated={(scriptId) => open(scriptId)} />}
    </Box>
  );
}

export function ScriptsScreen() {
  const intl = useIntl();
  const params = useQueryParams();
  const scriptId = params.get('id');
  const role = useLocal((state) => state.actor?.role ?? 'agent');
  const supervisor = role === 'supervisor' || role === 'admin';
  const scripts = useScriptSummaries();
  const topics = useMemo(() => [...new Set((scripts ?? []).flatMap((script) => script.versions.flatMap((version) => version.topics)))].sort(), [scripts]);

  if (!scriptId) return <ScriptList scripts={scripts} supervisor={supervisor} />;
  if (scripts === null) return null;
  const summary = scripts.find((script) => script.scriptId === scriptId);
  if (summary && supervisor) return <ScriptEditor key={summary.scriptId} summary={summary} topics={topics} />;
  if (summary?.published) {
    return <ScriptView key={summary.published.id} script={summary.published} 
        note={intl.formatMessage({ id: 'scripts.view.note', defaultMessage: 'Supervisors edit scripts. This is the published version: the one your contacts use.' })}
      />;
  }
  return (
    <Box>
      <ScreenHeader
        title={intl.formatMessage({ id: 'scripts.notFound.title', defaultMessage: 'Script not found' })}
        description={intl.formatMessage({ id: 'scripts.notFound.description', defaultMessage: 'There is no published script “{id}” on this desktop.' }, { id: scriptId })}
      />
      <Button onClick={() => navigate('/scripts')}>
        <FormattedMessage id="scripts.view.allScripts" defaultMessage="All scripts" />
      </Button>
    </Box>
  );
}
