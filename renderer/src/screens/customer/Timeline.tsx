import { startTransition, useCallback, useEffect, useMemo, useOptimistic, useRef, useState, type FormEvent } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';

import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import InputAdornment from '@mui/material/InputAdornment';
import Search from '@mui/icons-material/Search';
import { FormattedMessage, useIntl } from 'react-intl';
import { CHANNEL_MESSAGES, CHANNELS, type Channel } from '@core/domain/common';
import type { LocalRow } from '@core/db/schema';
import type { Contact, User } from '@core/domain/model';
import { contactSearchText, fold, words } from '@core/search/text';
import { mentionedPeople } from '@core/mentions';
import { noteRow } from '@core/sync/mutations';
import { VirtualList } from '../../components/VirtualList';
import { useNoteDraft } from '../../data/useNoteDraft';
import { useCustomerHistoryMatches } from '../../data/historySearch';
import { useLive } from '../../data/hooks';
import { run, useLocal } from '../../data/local';
import { useAppState } from '../../state/app';
import { useFormat } from '../../lib/i18n';
import { factsByContact, peopleOf, threaded } from './history';
import { EvictedHistoryNotice } from './EvictedHistoryNotice';
import { EXCERPT, SHORT_EXCERPT, TimelineEntry, type ThreadMessage } from './TimelineEntry';

/** Rows read at first; more are read as the agent scrolls towards the end. */
const FIRST_WINDOW = 24;
const MORE = 300;

function dayKey(at: number): string {
  const date = new Date(at);
  return `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
}

const NO_FACTS: string[] = [];
const NO_THREAD: ThreadMessage[] = [];

/** The note box; what is typed is kept as a draft (per customer and contact) until the note is stored. */
function AddNote({
  onAdd,
  people,
  customerId,
  parentId,
}: {
  onAdd: (body: string, mentions: string[], draftKey: string) => Promise<boolean>;
  people: readonly User[];
  customerId: string;
  parentId: string | null;
}) {
  const intl = useIntl();
  const format = useFormat();
  const { body, setBody, take, restored, key } = useNoteDraft(customerId, parentId);
  const mentions = useMemo(() => mentionedPeople(body, people), [body, people]);
  const asked = mentions.flatMap((id) => people.find((person) => person.id === id)?.name ?? []);
  const submit = () => {
    if (!body.trim()) return;
    const text = take();
    // Refused notes come back into the field: nothing typed is lost.
    void onAdd(text, mentions, key).then((ok) => {
      if (!ok) setBody((current) => current || text);
    });
  };
  return (
    <Box
      component="form"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        submit();
      }}
      // The button goes under the box when a language's words leave no room beside it.
      sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'flex-start', px: 2, pb: 0.5 }}
    >
      <TextField
        label={intl.formatMessage({ id: 'customer.timeline.noteLabel', defaultMessage: 'Add a note' })}
        placeholder={intl.formatMessage({ id: 'customer.timeline.notePlaceholder', defaultMessage: '@name asks a colleague' })}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            submit();
          }
        }}
        multiline
        // One line until the agent writes more: the history below keeps its room.
        minRows={1}
        maxRows={12}
        size="small"
        sx={{ flex: '1 1 220px', minWidth: 0 }}
        helperText={
          asked.length
            ? intl.formatMessage({ id: 'customer.timeline.notifies', defaultMessage: 'Notifies {people}' }, { people: format.list(asked) })
            : restored
              ? intl.formatMessage({ id: 'customer.timeline.draftRestored', defaultMessage: 'Draft restored' })
              : undefined
        }
        slotProps={{ formHelperText: { 'aria-live': 'polite' } }}
      />
      <Button type="submit" variant="contained" disabled={!body.trim()} sx={{ whiteSpace: 'nowrap' }}>
        <FormattedMessage id="customer.timeline.addNote" defaultMessage="Add note" />
      </Button>
    </Box>
  );
}

/**
 * A customer's history across every channel, newest first, grouped by day.
 * Only the entries in view are in the page, and only the newest are read at
 * first, so long histories open at once. A note the agent adds shows in the
 * same frame; it is stored and synced right behind. Replies sit under their
 * conversation; a long entry opens to its end (rows are measured, so an
 * opened one keeps its place in the list).
 */
export function Timeline({
  customerId,
  pendingIds,
  parentId = null,
  compact = false,
}: {
  customerId: string;
  pendingIds: ReadonlySet<string>;
  parentId?: string | null;
  /** Beside a live contact: the filters wait behind a button, so the entries keep the room. */
  compact?: boolean;
}) {
  const notify = useAppState((state) => state.notify);
  const intl = useIntl();
  const format = useFormat();
  const actor = useLocal((state) => state.actor);
  const [limit, setLimit] = useState(FIRST_WINDOW);
  const [channels, setChannels] = useState<Channel[]>([]);
  const [search, setSearch] = useState('');
  const [filtersOpen, setFiltersOpen] = useState(false);
  // Compact entries carry their own date instead of day headings, read against when the history was opened.
  const [openedAt] = useState(() => Date.now());
  const terms = useMemo(() => words(search), [search]);
  const filtering = channels.length > 0 || terms.length > 0;
  // The search index's answer for this customer (null until it is ready: the history is then searched here).
  const matches = useCustomerHistoryMatches(customerId, search);
  const stored = useLive(
    async (db) => {
      const range = db.contacts.where('[customerId+at]').between([customerId, -Infinity], [customerId, Infinity]).reverse();
      if (!filtering) return range.limit(limit).toArray();
      const inChannels = (contact: Contact) => channels.length === 0 || channels.includes(contact.channel);
      if (matches && terms.length > 0) {
        const found = await db.contacts.bulkGet(matches.ids);
        return found.filter((contact): contact is LocalRow<'contact'> => !!contact && contact.customerId === customerId && inChannels(contact)).sort((a, b) => b.at - a.at);
      }
      // Filtered only, or searched before the index is ready: the whole history, narrowed here (thousands of rows take milliseconds).
      const all = await range.toArray();
      return all.filter((contact) => {
        if (!inChannels(contact)) return false;
        const text = fold(contactSearchText(contact));
        return terms.every((term) => text.includes(term));
      });
    },
    [customerId, limit, filtering, channels.join(','), matches ? `index:${matches.key}` : terms.join(' ')],
    null,
  );
  const total = useLive((db) => db.contacts.where('[customerId+at]').between([customerId, -Infinity], [customerId, Infinity]).count(), [customerId], 0);
  const users = useLive((db) => db.users.toArray(), [], []);
  // What the customer wrote is in their language, for screen readers to pronounce.
  const customerLanguage = useLive(async (db) => (await db.customers.get(customerId))?.language ?? null, [customerId], null);
  const names = useMemo(() => new Map(users.map((user) => [user.id, user.name])), [users]);
  const surveys = useLive((db) => db.surveys.where('customerId').equals(customerId).toArray(), [customerId], []);
  const followUps = useLive((db) => db.followUps.where('customerId').equals(customerId).toArray(), [customerId], []);
  const facts = useMemo(() => factsByContact(intl, surveys, followUps), [intl, surveys, followUps]);
  const outcomeIds = useMemo(() => new Set(followUps.flatMap((followUp) => (followUp.outcomeContactId ? [followUp.outcomeContactId] : []))), [followUps]);
  // Entries read in full (by contact id): kept here, so an entry scrolled away and back stays open.
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = useCallback(
    (id: string) =>
      setExpanded((current) => {
        const next = new Set(current);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );

  // Notes being stored: shown until the stored history has them.
  const [optimistic, addOptimistic] = useOptimistic<Contact[], Contact>([], (state, note) => [note, ...state]);
  const storedIds = useMemo(() => new Set((stored ?? []).map((contact) => contact.id)), [stored]);
  const waiters = useRef(new Map<string, () => void>());
  useEffect(() => {
    for (const [id, resolve] of waiters.current) if (storedIds.has(id)) resolve();
  }, [storedIds]);
  const whenStored = (id: string) =>
    new Promise<void>((resolve) => {
      const done = () => {
        waiters.current.delete(id);
        resolve();
      };
      waiters.current.set(id, done);
      setTimeout(done, 3000);
    });

  const addNote = (body: string, mentions: string[], draftKey: string): Promise<boolean> =>
    new Promise((settle) => {
      if (!actor) return settle(false);
      const args = { id: crypto.randomUUID(), customerId, parentId, body, mentions };
      const at = Date.now();
      startTransition(async () => {
        addOptimistic(noteRow(args, actor.userId, at));
        try {
          await run('contact.addNote', args, { drafts: { keys: [draftKey] } });
          await whenStored(args.id);
          settle(true);
        } catch (error) {
          notify(error instanceof Error ? error.message : String(error));
          settle(false);
        }
      });
    });

  const all = useMemo(() => [...optimistic.filter((note) => !storedIds.has(note.id)), ...(stored ?? [])], [optimistic, stored, storedIds]);
  const { entries: contacts, threads } = useMemo(() => threaded(all, outcomeIds), [all, outcomeIds]);
  const optimisticIds = useMemo(() => new Set(optimistic.map((note) => note.id)), [optimistic]);
  const isPending = (id: string) => optimisticIds.has(id) || pendingIds.has(id);
  // This year's days by weekday and date ("Tuesday 3 March"), earlier ones with their year.
  const dayHeading = (at: number) => (new Date(at).getFullYear() === new Date(openedAt).getFullYear() ? format.date(at, 'weekdayLong') : format.date(at, 'long'));
  // Computed for the rows in view only.
  const dayOf = (index: number): string | null => {
    const contact = contacts[index]!;
    const previous = contacts[index - 1];
    return !previous || dayKey(previous.at) !== dayKey(contact.at) ? dayHeading(contact.at) : null;
  };

  const loadMore = useCallback(
    (lastIndex: number) => {
      if (!filtering && stored && stored.length === limit && lastIndex > contacts.length - 10) setLimit((current) => current + MORE);
    },
    [stored, limit, filtering, contacts.length],
  );

  return (
    <Paper variant="outlined" component="section" aria-labelledby="timeline-title" sx={{ display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%' }}>
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1, px: 2, pt: compact ? 1.5 : 2, pb: 1 }}>
        <Typography variant="h2" id="timeline-title" sx={{ whiteSpace: 'nowrap' }}>
          <FormattedMessage id="customer.timeline.title" defaultMessage="History" />
        </Typography>
        <Typography variant="caption" color="text.secondary" role="status">
          {filtering && stored ? (
            <FormattedMessage id="customer.timeline.matching" defaultMessage="{shown, number} of {total, plural, one {# contact matches} other {# contacts match}}" values={{ shown: stored.length, total }} />
          ) : (
            <FormattedMessage id="customer.timeline.count" defaultMessage="{total, plural, one {# contact} other {# contacts}}, every channel, newest first" values={{ total }} />
          )}
        </Typography>
        {compact && (
          <Button size="small" aria-expanded={filtersOpen || filtering} aria-controls="timeline-filters" onClick={() => setFiltersOpen((open) => !open)} sx={{ ml: 'auto', flexShrink: 0 }}>
            {filtersOpen || filtering ? <FormattedMessage id="customer.timeline.hideFilters" defaultMessage="Hide filters" /> : <FormattedMessage id="customer.timeline.filter" defaultMessage="Filter" />}
          </Button>
        )}
      </Box>
      <EvictedHistoryNotice customerId={customerId} />
      <AddNote onAdd={addNote} people={users} customerId={customerId} parentId={parentId} />
      <Box id="timeline-filters" hidden={compact && !filtersOpen && !filtering} sx={{ display: 'flex', gap: 1, px: 2, pb: 1.5, flexWrap: 'wrap', alignItems: 'center', '&[hidden]': { display: 'none' } }}>
        <ToggleButtonGroup
          size="small"
          value={channels}
          onChange={(_event, value: Channel[]) => setChannels(value)}
          aria-label={intl.formatMessage({ id: 'customer.timeline.channels', defaultMessage: 'Show only these channels' })}
        >
          {CHANNELS.map((channel) => (
            <ToggleButton key={channel} value={channel} sx={{ py: 0.25, px: 1 }}>
              {intl.formatMessage(CHANNEL_MESSAGES[channel])}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <TextField
          size="small"
          label={intl.formatMessage({ id: 'customer.timeline.search', defaultMessage: 'Search history' })}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          sx={{ flex: 1, minWidth: 160 }}
          slotProps={{ input: { startAdornment: <InputAdornment position="start"><Search fontSize="small" /></InputAdornment> } }}
        />
      </Box>
      {/* At least a couple of entries show, however little room the screen leaves. */}
      <Box sx={{ flex: 1, minHeight: 176, borderTop: 1, borderColor: 'divider' }}>
        {stored !== null && (
          <VirtualList
            id="timeline"
            variant="feed"
            label={intl.formatMessage({ id: 'customer.timeline.listLabel', defaultMessage: 'Contacts, newest first' })}
            count={contacts.length}
            rowHeight={88}
            height="100%"
            busy={!filtering && stored.length === limit && stored.length < total}
            rowKey={(index) => contacts[index]!.id}
            onRangeEnd={loadMore}
            empty={
              <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
                {filtering ? (
                  <FormattedMessage id="customer.timeline.noMatch" defaultMessage="No contact matches." />
                ) : (
                  <FormattedMessage id="customer.timeline.empty" defaultMessage="No contacts with this customer yet." />
                )}
              </Typography>
            }
            renderRow={(index) => {
              const contact = contacts[index]!;
              const thread = threads.get(contact.id);
              const messages = thread
                ? thread.map((message) => ({
                    contact: message,
                    speaker:
                      message.direction === 'inbound'
                        ? intl.formatMessage({ id: 'customer.timeline.speakerCustomer', defaultMessage: 'Customer' })
                        : message.agentId
                          ? (names.get(message.agentId) ?? intl.formatMessage({ id: 'customer.timeline.speakerAgent', defaultMessage: 'An agent' }))
                          : intl.formatMessage({ id: 'customer.timeline.speakerSent', defaultMessage: 'Sent' }),
                    pending: isPending(message.id),
                  }))
                : NO_THREAD;
              return (
                <TimelineEntry
                  contact={contact}
                  day={compact ? null : dayOf(index)}
                  people={peopleOf(intl, contact, names, compact)}
                  pending={isPending(contact.id)}
                  facts={facts.get(contact.id) ?? NO_FACTS}
                  thread={messages}
                  expanded={[contact.id, ...(thread ?? []).map((message) => message.id)].filter((id) => expanded.has(id))}
                  onToggle={toggle}
                  excerpt={compact ? SHORT_EXCERPT : EXCERPT}
                  datedFrom={compact ? openedAt : null}
                  customerLanguage={customerLanguage}
                />
              );
            }}
          />
        )}
      </Box>
    </Paper>
  );
}
