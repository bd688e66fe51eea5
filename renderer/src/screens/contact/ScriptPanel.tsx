import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { COMPANY, promiseRuleFor } from '@core/company';
import { localiseArticle, type LanguageChoice } from '@core/content';
import { ARTICLE_KIND_LABELS, ARTICLE_KIND_MESSAGES, SCRIPT_STAGE_MESSAGES, type Article, type Contact, type Customer, type QueueItem, type Script } from '@core/domain/model';
import { defaultGoodwillPolicy, gestureReasonText, suggestGesture } from '@core/gestures';
import { calendarFor } from '@core/holidays';
import { computePromise, type PromiseKind } from '@core/promise';
import { defaultReplies, localiseReply, renderReply, searchReplies, type SavedReply } from '@core/replies';
import {
  adherence,
  chooseBranch,
  currentStage,
  detectTriggers,
  goToStage,
  localiseScript,
  nextStage,
  previousStage,
  scriptLine,
  startRun,
  type ScriptLine,
  suggestScript,
  toggleStep,
  triggerReason,
  triggersOf,
  unreadWords,
  variablesFor,
  visibleSteps,
  type ScriptRun,
  type Situation,
} from '@core/scripts';
import { TRIGGER_MESSAGES } from '@core/scripts/vocabulary';
import { useLive, useMe } from '../../data/hooks';
import { useLocal } from '../../data/local';
import { useNow } from '../../data/useNow';
import { useFormat } from '../../lib/i18n';
import { ariaKeys, keyHint, useCommands } from '../../lib/commands/useCommands';
import { SentimentNotReadNote } from './SentimentNotRead';
import { LanguageFallbackNotice } from './LanguageNotice';
import { appendToDraft, useWorkspace } from './workspace';

const DAY = 86_400_000;
const KIND_MESSAGES = defineMessages({
  say: { id: 'contact.script.kindSay', defaultMessage: 'Say' },
  ask: { id: 'contact.script.kindAsk', defaultMessage: 'Ask' },
  do: { id: 'contact.script.kindDo', defaultMessage: 'Do' },
});
const PROMISE_KIND_MESSAGES = defineMessages({
  callback: { id: 'contact.script.promiseCallback', defaultMessage: 'Call back' },
  reply: { id: 'contact.script.promiseReply', defaultMessage: 'Reply' },
  resolution: { id: 'contact.script.promiseResolution', defaultMessage: 'Fix' },
}) satisfies Record<PromiseKind, unknown>;
const policy = defaultGoodwillPolicy();
const replies = defaultReplies();

/** What the desktop knows about this contact's situation, for triggers, variables and gestures. */
function useSituation(contact: Contact, customer: Customer, item: QueueItem | null): Situation | null {
  const me = useMe();
  const data = useLive(
    async (db) => {
      const [history, surveys, followUps] = await Promise.all([
        db.contacts.where('[customerId+at]').between([customer.id, Date.now() - 60 * DAY], [customer.id, Infinity]).toArray(),
        db.surveys.where('customerId').equals(customer.id).toArray(),
        db.followUps.where('customerId').equals(customer.id).toArray(),
      ]);
      return { history, surveys, followUps };
    },
    [customer.id],
    null,
  );
  // The situation is read when the contact opens; "now" moves on only with the data.
  const [now] = useState(() => Date.now());
  return useMemo(
    () => (data && me ? { customer, agent: me, contact, history: data.history, surveys: data.surveys, followUps: data.followUps, queueItem: item, now, companyName: COMPANY.name } : null),
    [data, me, customer, contact, item, now],
  );
}

/**
 * The script for this contact: the stages greet → understand → empathise →
 * resolve → set expectations → close, with the empathy lines the customer's
 * situation calls for, filled in with their details. The agent ticks steps
 * off; what they ticked is recorded with the wrap-up.
 */
export function ScriptPanel({ contact, customer, item, active }: { contact: Contact; customer: Customer; item: QueueItem | null; active: boolean }) {
  const role = useLocal((state) => state.actor?.role ?? 'agent');
  const intl = useIntl();
  const format = useFormat();
  const [workspace, update] = useWorkspace(contact.id);
  const scripts = useLive((db) => db.scripts.toArray(), [], null);
  const published = useMemo(() => (scripts ?? []).filter((script) => script.status === 'published'), [scripts]);
  const situation = useSituation(contact, customer, item);
  const hits = useMemo(() => (situation ? detectTriggers(situation) : []), [situation]);
  const notRead = useMemo(() => unreadWords(contact, customer.language), [contact, customer.language]);
  // Variables are worded in the language of the text they fill (a German script's thanks are German).
  const varsFor = useCallback(
    (language: string) => (situation ? variablesFor({ ...situation, promiseText: workspace.promise?.text ?? null, gestureText: workspace.gesture?.description ?? null }, language) : null),
    [situation, workspace.promise, workspace.gesture],
  );
  const [chosenId, setChosenId] = useState<string | null>(null);
  const sourceScript: Script | null = useMemo(() => {
    if (!published.length) return null;
    return published.find((candidate) => candidate.scriptId === (chosenId ?? workspace.script?.scriptId)) ?? suggestScript(published, contact.topic);
  }, [published, chosenId, workspace.script?.scriptId, contact.topic]);
  // The customer's language picks the script's variant; step ids match the source's, so the run is the same.
  const localised = useMemo(() => (sourceScript ? localiseScript(sourceScript, customer.language) : null), [sourceScript, customer.language]);
  const script = localised?.script ?? null;
  const scriptLanguage = localised?.choice.language ?? customer.language;
  const vars = useMemo(() => varsFor(scriptLanguage), [varsFor, scriptLanguage]);
  // One run per script (version) on this contact; switching scripts and back keeps each one's progress.
  const [runs, setRuns] = useState<Record<string, ScriptRun>>({});
  const runKey = script ? `${script.scriptId}@${script.version}` : '';
  const initialRun = useMemo(() => {
    if (!script || !situation) return null;
    let next = startRun(script, triggersOf(hits));
    const kept = workspace.script?.scriptId === script.scriptId ? workspace.script.done : [];
    for (const stepId of kept) next = toggleStep(next, stepId);
    return next;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- progress is read once, when the run starts
  }, [script, situation, hits]);
  const run = runs[runKey] ?? initialRun;
  const setRun = (next: ScriptRun) => setRuns((current) => ({ ...current, [runKey]: next }));
  const panelRef = useRef<HTMLDivElement>(null);
  const [focusFirst, setFocusFirst] = useState(0);

  // Progress goes with the contact, for the wrap-up.
  useEffect(() => {
    if (!run || !run.scriptId || run.version === null) return;
    const { done, total } = adherence(run);
    const current = workspace.script;
    if (current && current.scriptId === run.scriptId && current.total === total && current.done.join() === done.join()) return;
    update({ script: { scriptId: run.scriptId, version: run.version, done, total } });
  }, [run, update, workspace.script]);

  const now = useNow();
  // Recomputed as time passes: the promise is always made from now.
  const minute = Math.floor(now / 60_000);
  const promise = useMemo(() => {
    const rule = promiseRuleFor(contact.topic);
    const calendar = calendarFor({ timeZone: customer.timeZone, region: customer.region });
    try {
      return {
        kind: rule.kind,
        businessZone: calendar.timeZone,
        ...computePromise({
          kind: rule.kind,
          now: minute * 60_000,
          within: { businessHours: rule.businessHours },
          calendar,
          customer: { timeZone: customer.timeZone, quietHours: customer.quietHours, language: customer.language },
        }),
      };
    } catch {
      return null;
    }
  }, [contact.topic, customer.timeZone, customer.region, customer.quietHours, customer.language, minute]);
  const gesture = useMemo(() => (situation ? suggestGesture(situation, policy, role) : null), [situation, role]);

  const insertPromise = () => {
    if (!promise) return;
    update({ promise: { text: promise.text, dueAt: promise.dueAt } });
    appendToDraft(contact.id, promise.text);
  };

  // Alt+S: to the script; Alt+P: the promise into the reply; Alt+K: saved replies.
  useCommands({
    'script.focus': { run: () => setFocusFirst((n) => n + 1) },
    'script.promise': { run: insertPromise, enabled: () => active && !!promise },
    'script.savedReplies': { run: () => document.getElementById('saved-reply-search')?.focus() },
  });

  const stage = run ? currentStage(run) : null;
  const steps = run && stage ? visibleSteps(run, stage.id) : [];
  const progress = run ? adherence(run) : null;

  // Focus moves as the stage is drawn (a layout effect, not a later frame), so a key pressed straight after
  // Alt+S or an arrow lands on the new step, however fast the agent types.
  useLayoutEffect(() => {
    if (!focusFirst) return;
    panelRef.current?.querySelector<HTMLInputElement>('[data-step] input')?.focus();
  }, [focusFirst, run?.stageIndex]);
  useLayoutEffect(() => {
    if (run?.focusStepId) document.querySelector<HTMLInputElement>(`[data-step="${run.focusStepId}"] input`)?.focus();
  }, [run?.focusStepId]);

  if (!script || !run || !vars) {
    return scripts && !published.length ? (
      <Alert severity="info">
        <FormattedMessage id="contact.script.nonePublished" defaultMessage="No script is published yet for this kind of contact." />
      </Alert>
    ) : null;
  }

  const stepInputs = () => [...(panelRef.current?.querySelectorAll<HTMLInputElement>('[data-step] input') ?? [])];
  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    const stepId = target.closest<HTMLElement>('[data-step]')?.dataset.step;
    if (!stepId || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      setRun(event.key === 'ArrowRight' ? nextStage(run) : previousStage(run));
      setFocusFirst((n) => n + 1);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const inputs = stepInputs();
      const index = inputs.indexOf(target as HTMLInputElement);
      inputs[Math.max(0, Math.min(inputs.length - 1, index + (event.key === 'ArrowDown' ? 1 : -1)))]?.focus();
    } else if (event.key.toLowerCase() === 'i' && active) {
      event.preventDefault();
      const step = steps.find((candidate) => candidate.id === stepId);
      const line = step ? scriptLine(step.text, vars, contact.channel) : null;
      if (line?.insertable) appendToDraft(contact.id, line.text);
    }
  };

  return (
    <Paper variant="outlined" component="section" aria-label={intl.formatMessage({ id: 'contact.script.label', defaultMessage: 'Script: {name}' }, { name: script.name })} ref={panelRef} sx={{ p: 2 }} onKeyDown={onKeyDown}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1.5 }}>
        <Typography variant="h2" sx={{ flex: 1 }}>
          <FormattedMessage id="contact.script.title" defaultMessage="Script" />
        </Typography>
        {progress && (
          <Typography
            variant="caption"
            color="text.secondary"
            aria-label={intl.formatMessage({ id: 'contact.script.progressLabel', defaultMessage: '{done} of {total, plural, one {# step} other {# steps}} done' }, { done: progress.done.length, total: progress.total })}
          >
            <FormattedMessage id="contact.script.progress" defaultMessage="{done}/{total, plural, one {# step} other {# steps}}" values={{ done: progress.done.length, total: progress.total }} />
          </Typography>
        )}
        <TextField select size="small" label={intl.formatMessage({ id: 'contact.script.choose', defaultMessage: 'Script' })} value={script.scriptId} onChange={(event) => setChosenId(event.target.value)} sx={{ minWidth: 220 }}>
          {published.map((candidate) => (
            <MenuItem key={candidate.id} value={candidate.scriptId}>
              <FormattedMessage id="contact.script.version" defaultMessage="{name} (v{version})" values={{ name: localiseScript(candidate, customer.language).script.name, version: candidate.version }} />
            </MenuItem>
          ))}
        </TextField>
      </Stack>

      {localised && <LanguageFallbackNotice wanted={customer.language} choice={localised.choice} />}

      {hits.length > 0 && (
        <Stack direction="row" spacing={1} sx={{ mb: 1.5, flexWrap: 'wrap', gap: 1 }} aria-label={intl.formatMessage({ id: 'contact.script.situation', defaultMessage: 'The customer’s situation' })} role="list">
          {hits.map((hit) => (
            <Chip key={hit.trigger} role="listitem" size="small" color="warning" variant="outlined" 
              label={triggerReason(intl, format, hit)}
              title={intl.formatMessage(TRIGGER_MESSAGES[hit.trigger])}
              aria-label={intl.formatMessage({ id: 'contact.script.triggerLabel', defaultMessage: '{trigger}: {reason}' }, { trigger: intl.formatMessage(TRIGGER_MESSAGES[hit.trigger]), reason: triggerReason(intl, format, hit) })}
            />
          ))}
        </Stack>
      )}
      {notRead && <SentimentNotReadNote notRead={notRead} />}

      <Stack direction="row" spacing={0.5} sx={{ mb: 1.5, flexWrap: 'wrap' }} role="tablist" aria-label={intl.formatMessage({ id: 'contact.script.stages', defaultMessage: 'Stages' })}>
        {run.stages.map((candidate, index) => (
          <Button
            key={candidate.id}
            role="tab"
            aria-selected={index === run.stageIndex}
            tabIndex={index === run.stageIndex ? 0 : -1}
            size="small"
            variant={index === run.stageIndex ? 'contained' : 'text'}
            onClick={() => setRun(goToStage(run, index))}
          >
            <FormattedMessage id="contact.script.stageTab" defaultMessage="{number}. {stage}" values={{ number: index + 1, stage: intl.formatMessage(SCRIPT_STAGE_MESSAGES[candidate.id]) }} />
          </Button>
        ))}
      </Stack>

      <Box role="tabpanel" aria-label={stage ? intl.formatMessage(SCRIPT_STAGE_MESSAGES[stage.id]) : ''}>
        {steps.length === 0 && (
          <Typography variant="body2" color="text.secondary">
            <FormattedMessage id="contact.script.nothingHere" defaultMessage="Nothing to do in this stage for this customer." />
          </Typography>
        )}
        {steps.map((step) => {
          const line = scriptLine(step.text, vars, contact.channel);
          const text = line.text;
          const checked = run.checked.includes(step.id);
          const empathy = step.when.length > 0;
          return (
            <Box key={step.id} sx={{ display: 'flex', gap: 1, py: 0.75, borderTop: 1, borderColor: 'divider', bgcolor: run.focusStepId === step.id ? 'action.selected' : undefined }}>
              <Checkbox
                data-step={step.id}
                checked={checked}
                onChange={() => setRun(toggleStep(run, step.id))}
                size="small"
                sx={{ p: 0.5, alignSelf: 'flex-start' }}
                slotProps={{ input: { 'aria-labelledby': `step-text-${step.id}`, 'aria-describedby': `step-kind-${step.id}` } }}
              />
              <Box sx={{ flex: 1, minWidth: 0 }}>
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.25 }}>
                  <Typography variant="caption" id={`step-kind-${step.id}`} color="text.secondary" sx={{ fontWeight: 700, textTransform: 'uppercase', letterSpacing: 0.5 }}>
                    {empathy ? (
                      <FormattedMessage
                        id="contact.script.kindFor"
                        defaultMessage="{kind} · for: {triggers}"
                        values={{
                          kind: intl.formatMessage(KIND_MESSAGES[step.kind]),
                          triggers: format.list(step.when.map((trigger) => (trigger in TRIGGER_MESSAGES ? intl.formatMessage(TRIGGER_MESSAGES[trigger as keyof typeof TRIGGER_MESSAGES]) : trigger))),
                        }}
                      />
                    ) : (
                      intl.formatMessage(KIND_MESSAGES[step.kind])
                    )}
                  </Typography>
                </Stack>
                <Typography
                  variant="body2"
                  id={`step-text-${step.id}`}
                  data-testid="script-step-text"
                  lang={scriptLanguage}
                  dir="auto"
                  sx={{ textDecoration: checked ? 'line-through' : undefined, color: checked ? 'text.secondary' : 'text.primary' }}
                >
                  <ScriptLineText line={line} />
                </Typography>
                <StepArticles ids={(step as { articleIds?: string[] }).articleIds ?? []} language={customer.language} />
                {step.branches.length > 0 && (
                  <Stack direction="row" spacing={1} sx={{ mt: 0.75, flexWrap: 'wrap', gap: 0.5 }}>
                    {step.branches.map((branch, index) => (
                      <Button
                        key={branch.label}
                        size="small"
                        variant={run.branchChoices[step.id] === index ? 'contained' : 'outlined'}
                        onClick={() => setRun(chooseBranch(run, step.id, index))}
                      >
                        {branch.label}
                      </Button>
                    ))}
                  </Stack>
                )}
              </Box>
              {step.kind !== 'do' && active && line.insertable && (
                <Button size="small" onClick={() => appendToDraft(contact.id, text)} aria-label={intl.formatMessage({ id: 'contact.script.insertLabel', defaultMessage: 'Insert into the reply: {text}' }, { text })} sx={{ alignSelf: 'flex-start' }}>
                  <FormattedMessage id="contact.script.insert" defaultMessage="Insert" />
                </Button>
              )}
            </Box>
          );
        })}
        {stage?.id === 'expectations' && promise && (
          <Alert
            severity="info"
            sx={{ mt: 1.5 }}
            action={
              active ? (
                <Stack direction="row" spacing={1}>
                  <Button size="small" onClick={insertPromise} aria-keyshortcuts={ariaKeys('script.promise')} sx={{ whiteSpace: 'nowrap' }}>
                    <FormattedMessage id="contact.script.insertPromise" defaultMessage="Insert ({keys})" values={{ keys: keyHint('script.promise') }} />
                  </Button>
                  <Button size="small" onClick={() => void navigator.clipboard?.writeText(promise.text)} sx={{ whiteSpace: 'nowrap' }}>
                    <FormattedMessage id="contact.script.copy" defaultMessage="Copy" />
                  </Button>
                </Stack>
              ) : undefined
            }
          >
            <FormattedMessage
              id="contact.script.promise"
              defaultMessage="<b>{kind}:</b> {promise}"
              values={{ b: (chunks) => <strong>{chunks}</strong>, kind: intl.formatMessage(PROMISE_KIND_MESSAGES[promise.kind]),
                promise: (
                  <span lang={promise.textLanguage} dir="auto" data-testid="promise-text">
                    {promise.text}
                  </span>
                ),
              }}
            />
            <Typography variant="caption" component="div">
              {/* When it is due on both clocks, for the agent: in the agent's language, not the customer's. */}
              <FormattedMessage
                id="contact.script.promiseTimes"
                defaultMessage="{customer} ({customerCity}) · {business} ({businessCity})"
                values={{
                  customer: format.dateTime(promise.dueAt, { zone: customer.timeZone, weekday: true }),
                  customerCity: format.zoneCity(customer.timeZone),
                  business: format.dateTime(promise.dueAt, { zone: promise.businessZone, weekday: true }),
                  businessCity: format.zoneCity(promise.businessZone),
                }}
              />
            </Typography>
          </Alert>
        )}
        {stage?.id === 'close' && gesture && (
          <Alert
            severity={gesture.withinLimit ? 'success' : 'warning'}
            sx={{ mt: 1.5 }}
            action={
              active ? (
                <Button size="small" onClick={() => update({ gesture: workspace.gesture ? null : gesture.gesture })}>
                  {workspace.gesture ? <FormattedMessage id="contact.script.withdraw" defaultMessage="Withdraw" /> : <FormattedMessage id="contact.script.offer" defaultMessage="Offer this" />}
                </Button>
              ) : undefined
            }
          >
            <FormattedMessage
              id="contact.script.gesture"
              defaultMessage="<b>Going further:</b> {gesture}. {reason}"
              values={{ b: (chunks) => <strong>{chunks}</strong>, gesture: gesture.gesture.description, reason: gestureReasonText(gesture.reason, intl, format) }}
            />
            {workspace.gesture && (
              <Typography variant="caption" component="div">
                <FormattedMessage id="contact.script.offered" defaultMessage="Offered: recorded with the wrap-up." />
              </Typography>
            )}
          </Alert>
        )}
      </Box>
      <SavedReplies contact={contact} language={customer.language} varsFor={varsFor} active={active} />
    </Paper>
  );
}

/**
 * A script line as the agent reads it: the customer's words, and in place of a
 * missing promise or gesture what to do first, in the agent's language and
 * direction, set apart so it is never read out as part of the line.
 */
function ScriptLineText({ line }: { line: ScriptLine }) {
  const intl = useIntl();
  const direction = useTheme().direction;
  return (
    <>
      {line.parts.map((part, index) =>
        'text' in part ? (
          part.text
        ) : (
          <Box
            key={index}
            component="span"
            lang={intl.locale}
            dir={direction}
            data-testid="script-hint"
            sx={{ display: 'inline-block', px: 0.75, mx: 0.25, border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'action.hover', color: 'text.secondary', fontSize: '0.8125rem', lineHeight: 1.6, textDecoration: 'none' }}
          >
            {intl.formatMessage(part.hint.descriptor, {
              ...part.hint.values,
              ...(part.missing === 'promise.text' ? { keys: keyHint('script.promise') } : {}),
              kbd: (chunks) => (
                <Box component="kbd" sx={{ fontFamily: 'inherit', fontWeight: 700 }}>
                  {chunks}
                </Box>
              ),
            })}
          </Box>
        ),
      )}
    </>
  );
}

/** The articles a script step links to, each opened to read. */
function StepArticles({ ids, language }: { ids: readonly string[]; language: string }) {
  const [reading, setReading] = useState<Article | null>(null);
  const key = ids.join(',');
  const articles = useLive(async (db) => (key ? (await db.articles.bulkGet(key.split(','))).filter((a): a is NonNullable<typeof a> => !!a && !a.archived) : []), [key], []);
  if (articles.length === 0) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ mt: 0.5, flexWrap: 'wrap', gap: 0.5 }}>
      {articles.map((article) => (
        <Button key={article.id} size="small" variant="text" onClick={() => setReading(article)}>
          <FormattedMessage id="contact.script.read" defaultMessage="Read: {title}" values={{ title: localiseArticle(article, language).article.title }} />
        </Button>
      ))}
      {reading && <ArticleDialog article={reading} language={language} onClose={() => setReading(null)} />}
    </Stack>
  );
}

/**
 * Knowledge articles as searchable entries, in the customer's language where they have it: saved replies insert
 * into the draft, policies and how-tos open to read. The source title stays searchable, for agents who search in it.
 */
function articleEntries(articles: readonly Article[], language: string, kindName: (kind: Article['kind']) => string): { reply: SavedReply; article: Article; choice: LanguageChoice }[] {
  return articles.map((source, index) => {
    const { article, choice } = localiseArticle(source, language);
    return {
      article,
      choice,
      reply: {
        id: `kb-${index}`,
        title: article.title,
        topics: article.tags,
        channels: ['email', 'chat', 'sms', 'social'],
        // The kind in English and in the agent's language: either finds it.
        keywords: [...article.tags, ARTICLE_KIND_LABELS[article.kind], kindName(article.kind), ...(article.title === source.title ? [] : [source.title])],
        text: article.body.slice(0, 4000),
        language: choice.language,
        variants: {},
      },
    };
  });
}

/** The shipped saved replies in the customer's language where they have it; the source title stays searchable. */
function localisedReplies(language: string): { reply: SavedReply; choice: LanguageChoice }[] {
  return replies.map((source) => {
    const { reply, choice } = localiseReply(source, language);
    return { reply: reply === source ? reply : { ...reply, keywords: [...reply.keywords, source.title] }, choice };
  });
}

/**
 * Standard answers and the knowledge base, searchable from the keyboard
 * (Alt+K), offline too: saved replies (shipped and written by supervisors)
 * go into the reply; policies and how-tos open to read.
 */
function SavedReplies({
  contact,
  language,
  varsFor,
  active,
}: {
  contact: Contact;
  language: string;
  varsFor: (language: string) => Parameters<typeof renderReply>[1] | null;
  active: boolean;
}) {
  const intl = useIntl();
  const [query, setQuery] = useState('');
  const [reading, setReading] = useState<Article | null>(null);
  const channel = contact.channel === 'call' || contact.channel === 'note' ? null : contact.channel;
  const articles = useLive((db) => db.articles.filter((article) => !article.archived).toArray(), [], []);
  const entries = useMemo(() => articleEntries(articles, language, (kind) => intl.formatMessage(ARTICLE_KIND_MESSAGES[kind])), [articles, language, intl]);
  const shipped = useMemo(() => localisedReplies(language), [language]);
  const results = useMemo(() => {
    const byReply = new Map<SavedReply, { article: Article | null; choice: LanguageChoice }>([
      ...shipped.map((entry) => [entry.reply, { article: null, choice: entry.choice }] as const),
      ...entries.map((entry) => [entry.reply, { article: entry.article, choice: entry.choice }] as const),
    ]);
    return searchReplies([...shipped.map((entry) => entry.reply), ...entries.map((entry) => entry.reply)], query, { topic: contact.topic, channel })
      .slice(0, 6)
      .map(({ reply }) => ({ reply, article: byReply.get(reply)?.article ?? null, choice: byReply.get(reply)?.choice ?? null }));
  }, [query, contact.topic, channel, entries, shipped]);
  const rendered = (reply: SavedReply) => renderReply(reply, varsFor(reply.language) ?? {});
  return (
    <Box sx={{ mt: 2, pt: 1.5, borderTop: 1, borderColor: 'divider' }}>
      <TextField
        id="saved-reply-search"
        size="small"
        fullWidth
        label={intl.formatMessage({ id: 'contact.replies.label', defaultMessage: 'Saved replies and knowledge ({keys})' }, { keys: 'Alt+K' })}
        placeholder={intl.formatMessage({ id: 'contact.replies.placeholder', defaultMessage: 'Search: refund, engineer, contract, policy…' })}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            document.querySelector<HTMLElement>('#saved-reply-results [role="button"]')?.focus();
          }
        }}
      />
      {query.trim() && (
        <List dense component="div" id="saved-reply-results" aria-label={intl.formatMessage({ id: 'contact.replies.results', defaultMessage: 'Saved replies and articles found' })}>
          {results.length === 0 && (
            <Typography variant="body2" color="text.secondary" sx={{ px: 1 }}>
              <FormattedMessage id="contact.replies.none" defaultMessage="Nothing matches." />
            </Typography>
          )}
          {results.map(({ reply, article, choice }) => {
            const readable = article !== null && article.kind !== 'reply';
            return (
              <ListItemButton
                key={reply.id}
                disabled={!active && !readable}
                onClick={() => (readable ? setReading(article) : appendToDraft(contact.id, rendered(reply)))}
                data-testid="knowledge-result"
              >
                <ListItemText
                  primary={article ? intl.formatMessage({ id: 'contact.replies.articleTitle', defaultMessage: '{kind}: {title}' }, { kind: intl.formatMessage(ARTICLE_KIND_MESSAGES[article.kind]), title: reply.title }) : reply.title}
                  secondary={
                    <>
                      {choice && <LanguageFallbackNotice wanted={language} choice={choice} compact />}
                      {readable
                        ? article.body.length > 140
                          ? intl.formatMessage({ id: 'contact.replies.excerpt', defaultMessage: '{text}…' }, { text: article.body.slice(0, 140) })
                          : article.body
                        : rendered(reply).slice(0, 140)}
                    </>
                  }
                />
              </ListItemButton>
            );
          })}
        </List>
      )}
      {reading && <ArticleDialog article={reading} language={language} onClose={() => setReading(null)} />}
    </Box>
  );
}

/** An article to read during a contact. */
export function ArticleDialog({ article: source, language, onClose }: { article: Article; language?: string; onClose: () => void }) {
  const intl = useIntl();
  // Articles found by search come already in the customer's language; localising again keeps them as they are.
  const { article, choice } = localiseArticle(source, language);
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="article-title">
      <DialogTitle id="article-title">{article.title}</DialogTitle>
      <DialogContent>
        {language && <LanguageFallbackNotice wanted={language} choice={choice} />}
        <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 1 }}>
          {article.tags.length
            ? intl.formatMessage({ id: 'contact.article.kindTags', defaultMessage: '{kind} · {tags}' }, { kind: intl.formatMessage(ARTICLE_KIND_MESSAGES[article.kind]), tags: article.tags.join(', ') })
            : intl.formatMessage(ARTICLE_KIND_MESSAGES[article.kind])}
        </Typography>
        {article.body.split(/\n\s*\n/).map((paragraph, index) => (
          <Typography key={index} variant="body2" sx={{ mb: 1.5, whiteSpace: 'pre-wrap' }}>
            {paragraph}
          </Typography>
        ))}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} autoFocus>
          <FormattedMessage id="contact.article.close" defaultMessage="Close" />
        </Button>
      </DialogActions>
    </Dialog>
  );
}
