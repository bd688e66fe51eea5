import { memo, startTransition, useCallback, useEffect, useMemo, useOptimistic, useRef, useState, type FormEvent } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';

import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import InputAdornment from '@mui/material/InputAdornment';
import Search from '@mui/icons-material/Search';
import { CHANNEL_LABELS, CHANNELS, type Channel } from '@core/domain/common';
import type { Contact, User } from '@core/domain/model';
import { mentionedPeople } from '@core/mentions';
import { noteRow } from '@core/sync/mutations';
import { ChannelIcon } from '../../components/ChannelIcon';
import { VirtualList } from '../../components/VirtualList';
import { useNoteDraft } from '../../data/useNoteDraft';
import { useLive } from '../../data/hooks';
import { run, useLocal } from '../../data/local';
import { useAppState } from '../../state/app';

/** Rows read at first; more are read as the agent scrolls towards the end. */
const FIRST_WINDOW = 24;
const MORE = 300;
const EXCERPT = 600;

const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

function dayKey(at: number): string {
  const date = new Date(at);
  return `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
}

interface EntryProps {
  contact: Contact;
  /** The first entry of its day shows the day. */
  day: string | null;
  agentName: string | null;
  pending: boolean;
}

/** Live queries hand back new objects each time: an entry is the same when its row's version and shown fields are. */
function sameEntry(a: EntryProps, b: EntryProps): boolean {
  const x = a.contact as Contact & { _v?: number };
  const y = b.contact as Contact & { _v?: number };
  return (
    a.day === b.day &&
    a.agentName === b.agentName &&
    a.pending === b.pending &&
    (x === y || (x.id === y.id && x._v === y._v && x.body === y.body && x.subject === y.subject && x.at === y.at && x.channel === y.channel && x.disposition === y.disposition && x.summary === y.summary))
  );
}

/** One entry; re-rendered only when its own contact, day heading, author or pending state changes. */
const Entry = memo(function Entry({ contact, day, agentName, pending }: EntryProps) {
  const isNote = contact.channel === 'note';
  const title = isNote ? 'Note' : contact.subject || CHANNEL_LABELS[contact.channel];
  const meta = [isNote ? null : CHANNEL_LABELS[contact.channel], timeFormat.format(contact.at), agentName].filter(Boolean).join(' · ');
  return (
    <Box data-testid="timeline-entry" sx={{ px: 2 }}>
      {day && (
        <Typography variant="overline" component="div" color="text.secondary" sx={{ pt: 1.5, lineHeight: 1.6 }}>
          {day}
        </Typography>
      )}
      <Box sx={{ display: 'flex', gap: 1.5, py: 1.25, borderTop: day ? 0 : 1, borderColor: 'divider' }}>
        <Box sx={{ color: 'text.secondary', pt: 0.25 }} aria-hidden>
          <ChannelIcon channel={contact.channel} />
        </Box>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'baseline', flexWrap: 'wrap' }}>
            <Typography variant="body2" sx={{ fontWeight: 600 }}>
              {title}
            </Typography>
            <Typography variant="caption" color="text.secondary">
              {meta}
            </Typography>
            {pending && <Chip size="small" label="Waiting to sync" color="info" variant="outlined" />}
          </Box>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', mt: 0.25 }} color={isNote ? 'text.primary' : 'text.secondary'}>
            {contact.body.length > EXCERPT ? `${contact.body.slice(0, EXCERPT)}…` : contact.body}
          </Typography>
          {/* How it ended, as wrapped up: what the history search also finds. */}
          {(contact.disposition || contact.summary) && (
            <Typography variant="body2" data-testid="timeline-wrap-up" sx={{ mt: 0.5, overflowWrap: 'anywhere' }}>
              {contact.disposition && <Box component="span" sx={{ fontWeight: 600 }}>{contact.disposition}</Box>}
              {contact.disposition && contact.summary ? ' — ' : ''}
              {contact.summary}
            </Typography>
          )}
        </Box>
      </Box>
    </Box>
  );
}, sameEntry);

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
  const { body, setBody, take, restored, key } = useNoteDraft(customerId, parentId);
  const mentions = useMemo(() => mentionedPeople(body, people), [body, people]);
  const asked = mentions.map((id) => people.find((person) => person.id === id)?.name).filter(Boolean);
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
      sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', px: 2, pb: 1.5 }}
    >
      <TextField
        label="Add a note"
        placeholder="What was agreed… @name asks a colleague (Ctrl+Enter)"
        value={body}
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            submit();
          }
        }}
        multiline
        minRows={2}
        size="small"
        fullWidth
        helperText={asked.length ? `Notifies ${asked.join(', ')}` : restored ? 'Draft restored' : undefined}
        slotProps={{ formHelperText: { 'aria-live': 'polite' } }}
      />
      <Button type="submit" variant="contained" disabled={!body.trim()} sx={{ whiteSpace: 'nowrap' }}>
        Add note
      </Button>
    </Box>
  );
}

/**
 * A customer's history across every channel, newest first, grouped by day.
 * Only the entries in view are in the page, and only the newest are read at
 * first, so long histories open at once. A note the agent adds shows in the
 * same frame; it is stored and synced right behind.
 */
export function Timeline({ customerId, pendingIds, parentId = null }: { customerId: string; pendingIds: ReadonlySet<string>; parentId?: string | null }) {
  const notify = useAppState((state) => state.notify);
  const actor = useLocal((state) => state.actor);
  const [limit, setLimit] = useState(FIRST_WINDOW);
  const [channels, setChannels] = useState<Channel[]>([]);
  const [search, setSearch] = useState('');
  const terms = useMemo(() => search.toLowerCase().split(/\s+/).filter(Boolean), [search]);
  const filtering = channels.length > 0 || terms.length > 0;
  const stored = useLive(
    async (db) => {
      const range = db.contacts.where('[customerId+at]').between([customerId, -Infinity], [customerId, Infinity]).reverse();
      if (!filtering) return range.limit(limit).toArray();
      // Filtered or searched: the whole history, narrowed here (thousands of rows take milliseconds).
      const all = await range.toArray();
      return all.filter(
        (contact) =>
          (channels.length === 0 || channels.includes(contact.channel)) &&
          terms.every((term) =>
            [contact.subject, contact.body, contact.summary ?? '', contact.disposition ?? ''].some((text) => text.toLowerCase().includes(term)),
          ),
      );
    },
    [customerId, limit, filtering, channels.join(','), terms.join(' ')],
    null,
  );
  const total = useLive((db) => db.contacts.where('[customerId+at]').between([customerId, -Infinity], [customerId, Infinity]).count(), [customerId], 0);
  const users = useLive((db) => db.users.toArray(), [], []);
  const names = useMemo(() => new Map(users.map((user) => [user.id, user.name])), [users]);

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

  const contacts = useMemo(() => [...optimistic.filter((note) => !storedIds.has(note.id)), ...(stored ?? [])], [optimistic, stored, storedIds]);
  const optimisticIds = useMemo(() => new Set(optimistic.map((note) => note.id)), [optimistic]);
  // Computed for the rows in view only.
  const dayOf = (index: number): string | null => {
    const contact = contacts[index]!;
    const previous = contacts[index - 1];
    return !previous || dayKey(previous.at) !== dayKey(contact.at) ? dayFormat.format(contact.at) : null;
  };

  const loadMore = useCallback(
    (lastIndex: number) => {
      if (!filtering && stored && stored.length === limit && lastIndex > stored.length - 10) setLimit((current) => current + MORE);
    },
    [stored, limit, filtering],
  );

  return (
    <Paper variant="outlined" component="section" aria-labelledby="timeline-title" sx={{ display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%' }}>
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1, px: 2, pt: 2, pb: 1 }}>
        <Typography variant="h2" id="timeline-title">
          History
        </Typography>
        <Typography variant="caption" color="text.secondary" role="status">
          {filtering && stored
            ? `${stored.length.toLocaleString()} of ${total.toLocaleString()} contacts match`
            : `${total.toLocaleString()} ${total === 1 ? 'contact' : 'contacts'}, every channel, newest first`}
        </Typography>
      </Box>
      <AddNote onAdd={addNote} people={users} customerId={customerId} parentId={parentId} />
      <Box sx={{ display: 'flex', gap: 1, px: 2, pb: 1.5, flexWrap: 'wrap', alignItems: 'center' }}>
        <ToggleButtonGroup
          size="small"
          value={channels}
          onChange={(_event, value: Channel[]) => setChannels(value)}
          aria-label="Show only these channels"
        >
          {CHANNELS.map((channel) => (
            <ToggleButton key={channel} value={channel} sx={{ py: 0.25, px: 1 }}>
              {CHANNEL_LABELS[channel]}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <TextField
          size="small"
          label="Search history"
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
            label="Contacts, newest first"
            count={contacts.length}
            rowHeight={88}
            height="100%"
            busy={!filtering && stored.length === limit && stored.length < total}
            rowKey={(index) => contacts[index]!.id}
            onRangeEnd={loadMore}
            empty={
              <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
                {filtering ? 'No contact matches.' : 'No contacts with this customer yet.'}
              </Typography>
            }
            renderRow={(index) => {
              const contact = contacts[index]!;
              return (
                <Entry
                  contact={contact}
                  day={dayOf(index)}
                  agentName={contact.agentId ? (names.get(contact.agentId) ?? 'an agent') : null}
                  pending={optimisticIds.has(contact.id) || pendingIds.has(contact.id)}
                />
              );
            }}
          />
        )}
      </Box>
    </Paper>
  );
}
