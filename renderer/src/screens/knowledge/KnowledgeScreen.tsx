/**
 * The knowledge base: short policies, how-tos and saved replies. Everyone
 * searches and reads them (offline too); supervisors write, edit and archive.
 */
import { useMemo, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import MenuBookOutlined from '@mui/icons-material/MenuBookOutlined';
import { FormattedMessage, useIntl } from 'react-intl';
import { ARTICLE_KIND_MESSAGES, ARTICLE_KINDS, type Article, type ArticleKind } from '@core/domain/model';
import { VirtualList } from '../../components/VirtualList';
import { searchArticles } from '../../data/articleSearch';
import { useLive, useMe } from '../../data/hooks';
import { run } from '../../data/local';
import { EmptyState } from '../../shell/EmptyState';
import { ScreenHeader } from '../../shell/ScreenHeader';
import { useFormat } from '../../lib/i18n';
import { useAppState } from '../../state/app';
import { useQueryParams } from '../../state/params';

/** A variable a saved reply may use, shown as an example in the editor (the same in every language). */
const VARIABLE_EXAMPLE = '{customer.firstName}';


function ArticleEditor({ article, onClose }: { article: Article | null; onClose: () => void }) {
  const intl = useIntl();
  const [kind, setKind] = useState<ArticleKind>(article?.kind ?? 'policy');
  const [title, setTitle] = useState(article?.title ?? '');
  const [tags, setTags] = useState(article?.tags.join(', ') ?? '');
  const [body, setBody] = useState(article?.body ?? '');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    try {
      await run('article.save', {
        id: article?.id ?? `kb-${crypto.randomUUID()}`,
        kind,
        title,
        body,
        tags: tags
          .split(',')
          .map((tag) => tag.trim())
          .filter(Boolean),
      });
      useAppState.getState().notify(intl.formatMessage({ id: 'knowledge.editor.saved', defaultMessage: 'Saved “{title}”.' }, { title: title.trim() }));
      onClose();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="article-editor-title">
      <Box
        component="form"
        noValidate
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void submit();
        }}
        onKeyDown={(event) => {
          if ((event.key === 'Enter' || event.key === 's') && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void submit();
          }
        }}
      >
        <DialogTitle id="article-editor-title">
          {article ? (
            <FormattedMessage id="knowledge.editor.editTitle" defaultMessage="Edit article" />
          ) : (
            <FormattedMessage id="knowledge.editor.newTitle" defaultMessage="New article" />
          )}
        </DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 0.5 }}>
            {error && (
              <Alert severity="error" role="alert">
                {error}
              </Alert>
            )}
            <Stack direction="row" spacing={2}>
              <TextField
                select
                label={intl.formatMessage({ id: 'knowledge.editor.kind', defaultMessage: 'Kind' })}
                value={kind} onChange={(event) => setKind(event.target.value as ArticleKind)} size="small" sx={{ minWidth: 160 }}>
                {ARTICLE_KINDS.map((value) => (
                  <MenuItem key={value} value={value}>
                    {intl.formatMessage(ARTICLE_KIND_MESSAGES[value])}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                label={intl.formatMessage({ id: 'knowledge.editor.title', defaultMessage: 'Title' })}
                value={title} onChange={(event) => setTitle(event.target.value)} size="small" fullWidth autoFocus required />
            </Stack>
            <TextField
              label={intl.formatMessage({ id: 'knowledge.editor.tags', defaultMessage: 'Tags' })}
              value={tags}
              onChange={(event) => setTags(event.target.value)}
              size="small"
              helperText={intl.formatMessage({ id: 'knowledge.editor.tagsHelp', defaultMessage: 'Comma-separated, e.g. billing, refund' })}
            />
            <TextField
              label={intl.formatMessage({ id: 'knowledge.editor.text', defaultMessage: 'Text' })}
              value={body}
              onChange={(event) => setBody(event.target.value)}
              multiline
              minRows={8}
              required
              helperText={intl.formatMessage(
                { id: 'knowledge.editor.textHelp', defaultMessage: 'Blank lines separate paragraphs. Saved replies may use variables such as {example}.' },
                { example: VARIABLE_EXAMPLE },
              )}
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>
            <FormattedMessage id="knowledge.editor.close" defaultMessage="Close" />
          </Button>
          <Button type="submit" variant="contained" aria-keyshortcuts="Control+Enter">
            <FormattedMessage id="knowledge.editor.save" defaultMessage="Save (Ctrl+Enter)" />
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}

export function KnowledgeScreen() {
  const intl = useIntl();
  const format = useFormat();
  const me = useMe();
  const supervisor = me?.role === 'supervisor' || me?.role === 'admin';
  const articles = useLive<Article[] | null>((db) => db.articles.toArray(), [], null);
  // `/knowledge?q=…` (the command palette opening an article) searches for it; a later link searches again.
  const wanted = useQueryParams().get('q');
  const [query, setQuery] = useState(wanted ?? '');
  const [linked, setLinked] = useState(wanted);
  if (wanted !== linked) {
    setLinked(wanted);
    if (wanted !== null) setQuery(wanted);
  }
  const [showArchived, setShowArchived] = useState(false);
  const [active, setActive] = useState(0);
  const [editing, setEditing] = useState<Article | 'new' | null>(null);
  const found = useMemo(() => searchArticles((articles ?? []).filter((article) => showArchived || !article.archived), query), [articles, query, showArchived]);
  const current = found[Math.min(active, found.length - 1)];
  const users = useLive((db) => db.users.toArray(), [], []);

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100%', gap: 2 }}>
      <ScreenHeader
        title={intl.formatMessage({ id: 'knowledge.screen.title', defaultMessage: 'Knowledge' })}
        description={
          articles === null
            ? intl.formatMessage({ id: 'knowledge.screen.loading', defaultMessage: 'Loading…' })
            : intl.formatMessage(
                {
                  id: 'knowledge.screen.description',
                  defaultMessage: '{count, plural, one {# article} other {# articles}} · policies, how-tos and saved replies, searchable in every contact (Alt+K)',
                },
                { count: found.length },
              )
        }
        actions={
          supervisor ? (
            <Button variant="contained" onClick={() => setEditing('new')}>
              <FormattedMessage id="knowledge.screen.new" defaultMessage="New article" />
            </Button>
          ) : undefined
        }
      />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <TextField
          size="small"
          label={intl.formatMessage({ id: 'knowledge.screen.search', defaultMessage: 'Search articles' })}
          value={query} onChange={(event) => setQuery(event.target.value)} sx={{ width: 360 }} />
        {supervisor && (
          <Button size="small" onClick={() => setShowArchived((value) => !value)} aria-pressed={showArchived}>
            {showArchived ? (
              <FormattedMessage id="knowledge.screen.hideArchived" defaultMessage="Hide archived" />
            ) : (
              <FormattedMessage id="knowledge.screen.showArchived" defaultMessage="Show archived" />
            )}
          </Button>
        )}
      </Stack>
      <Box sx={{ flex: 1, minHeight: 0, display: 'grid', gridTemplateColumns: '360px minmax(0, 1fr)', gap: 2 }}>
        <VirtualList
          id="articles"
          label={intl.formatMessage({ id: 'knowledge.list.label', defaultMessage: 'Articles' })}
          count={found.length}
          rowHeight={60}
          rowKey={(index) => found[index]!.id}
          height="100%"
          onActiveChange={setActive}
          onRowKey={(event, index) => {
            if (supervisor && event.key.toLowerCase() === 'e' && !event.ctrlKey && !event.altKey && !event.metaKey) {
              setEditing(found[index]!);
              return true;
            }
            return false;
          }}
          renderRow={(index, isActive) => {
            const article = found[index]!;
            return (
              <Box sx={{ px: 1.5, py: 1, bgcolor: isActive ? 'action.selected' : undefined, borderBottom: 1, borderColor: 'divider' }}>
                <Typography variant="body2" sx={{ fontWeight: 600 }} noWrap>
                  {article.title}
                </Typography>
                <Typography variant="caption" color="text.secondary" noWrap component="div">
                  {intl.formatMessage(
                    {
                      id: 'knowledge.list.details',
                      defaultMessage: '{kind}{archived, select, yes { · archived} other {}}{tagged, select, yes { · {tags}} other {}}',
                    },
                    {
                      kind: intl.formatMessage(ARTICLE_KIND_MESSAGES[article.kind]),
                      archived: article.archived ? 'yes' : 'no',
                      tagged: article.tags.length ? 'yes' : 'no',
                      tags: article.tags.join(', '),
                    },
                  )}
                </Typography>
              </Box>
            );
          }}
          empty={
            articles !== null && (
              <EmptyState icon={<MenuBookOutlined sx={{ fontSize: 48 }} color="disabled" />} title={
                  query
                    ? intl.formatMessage({ id: 'knowledge.list.noMatch', defaultMessage: 'No article matches' })
                    : intl.formatMessage({ id: 'knowledge.list.none', defaultMessage: 'No articles yet' })
                }
              >
                {supervisor ? (
                  <FormattedMessage id="knowledge.list.emptySupervisor" defaultMessage="Write the policies and how-tos agents need during contacts." />
                ) : (
                  <FormattedMessage id="knowledge.list.emptyAgent" defaultMessage="Supervisors write the policies and how-tos you can read here and in every contact." />
                )}
              </EmptyState>
            )
          }
        />
        <Paper variant="outlined" component="article" aria-labelledby="article-view-title" sx={{ p: 2.5, overflowY: 'auto', minHeight: 0 }}>
          {current ? (
            <>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
                <Typography variant="h2" id="article-view-title" sx={{ flex: 1 }}>
                  {current.title}
                </Typography>
                {supervisor && (
                  <>
                    <Button size="small" onClick={() => setEditing(current)} aria-keyshortcuts="E">
                      <FormattedMessage id="knowledge.article.edit" defaultMessage="Edit (E)" />
                    </Button>
                    <Button
                      size="small"
                      onClick={() => {
                        run('article.archive', { id: current.id, archived: !current.archived }).catch((error: unknown) =>
                          useAppState.getState().notify(error instanceof Error ? error.message : String(error)),
                        );
                      }}
                    >
                      {current.archived ? (
                        <FormattedMessage id="knowledge.article.restore" defaultMessage="Restore" />
                      ) : (
                        <FormattedMessage id="knowledge.article.archive" defaultMessage="Archive" />
                      )}
                    </Button>
                  </>
                )}
              </Stack>
              <Stack direction="row" spacing={0.5} sx={{ mb: 2, flexWrap: 'wrap', gap: 0.5 }}>
                <Chip size="small" label={intl.formatMessage(ARTICLE_KIND_MESSAGES[current.kind])} color="primary" variant="outlined" />
                {current.tags.map((tag) => (
                  <Chip key={tag} size="small" label={tag} />
                ))}
                <Typography variant="caption" color="text.secondary" sx={{ alignSelf: 'center', pl: 1 }}>
                  {(() => {
                    const date = format.date(current.updatedAt, 'medium');
                    const name = users.find((user) => user.id === current.updatedBy)?.name;
                    return name ? (
                      <FormattedMessage id="knowledge.article.updated" defaultMessage="Updated {date} by {name}" values={{ date, name }} />
                    ) : (
                      <FormattedMessage id="knowledge.article.updatedBySupervisor" defaultMessage="Updated {date} by a supervisor" values={{ date }} />
                    );
                  })()}
                </Typography>
              </Stack>
              {current.body.split(/\n\s*\n/).map((paragraph, index) => (
                <Typography key={index} variant="body2" sx={{ mb: 1.5, whiteSpace: 'pre-wrap', maxWidth: '75ch' }}>
                  {paragraph}
                </Typography>
              ))}
            </>
          ) : (
            <Typography variant="body2" color="text.secondary" id="article-view-title">
              <FormattedMessage id="knowledge.article.choose" defaultMessage="Choose an article." />
            </Typography>
          )}
        </Paper>
      </Box>
      {editing && <ArticleEditor article={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Box>
  );
}
