import { memo, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { FormattedMessage, useIntl } from 'react-intl';
import { CHANNEL_MESSAGES } from '@core/domain/common';
import { storedDispositionLabel } from '@core/wrapup';
import type { Contact } from '@core/domain/model';
import { ChannelIcon } from '../../components/ChannelIcon';
import { useFormat } from '../../lib/i18n';
import { useSaidText } from '../../lib/i18n/said';

/** Longer texts show their start, and a button reads them to the end. */
export const EXCERPT = 600;
/** Beside a live contact, entries are skimmed: a shorter start, on one run of lines. */
export const SHORT_EXCERPT = 100;

/** Long unbroken text (links, codes, pasted tokens) wraps instead of running off the entry. */
const wrapping = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', wordBreak: 'normal' } as const;

/** The text up to the last word boundary before the excerpt's end (a short one on one run of lines). */
function excerptOf(text: string, limit: number): string {
  const cut = (limit < EXCERPT ? text.replace(/\s+/g, ' ') : text).slice(0, limit);
  const space = cut.search(/\s\S*$/);
  return `${(space > limit * 0.8 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function Toggle({ controls, expanded, length, onToggle }: { controls: string; expanded: boolean; length: number; onToggle: () => void }) {
  return (
    <Button size="small" aria-expanded={expanded} aria-controls={controls} onClick={onToggle} sx={{ ml: -0.75, py: 0, minWidth: 0 }}>
      {expanded ? (
        <FormattedMessage id="customer.entry.showLess" defaultMessage="Show less" />
      ) : (
        <FormattedMessage id="customer.entry.showAll" defaultMessage="Show all ({length, plural, one {# character} other {# characters}})" values={{ length }} />
      )}
    </Button>
  );
}

/** A text shown whole, or its start with a "Show all" toggle when it is long. */
function ExpandableText({ id, text, limit, expanded, onToggle, color, written }: { id: string; text: string; limit: number; expanded: boolean; onToggle: (id: string) => void; color: string; written: ReturnType<typeof writtenBy> }) {
  const long = text.length > limit;
  const domId = `entry-text-${id}`;
  return (
    <>
      <Typography variant="body2" id={domId} data-testid="timeline-text" {...written} sx={{ ...wrapping, mt: 0.25 }} color={color}>
        {long && !expanded ? excerptOf(text, limit) : text}
      </Typography>
      {long && <Toggle controls={domId} expanded={expanded} length={text.length} onToggle={() => onToggle(id)} />}
    </>
  );
}

/** A message of a conversation, shown under the conversation's first entry. */
export interface ThreadMessage {
  contact: Contact;
  /** Who wrote it: "Customer", or the agent's name. */
  speaker: string;
  pending: boolean;
}

export interface EntryProps {
  contact: Contact;
  /** The first entry of its day shows the day. */
  day: string | null;
  /** Who spoke and who handled it, e.g. ["From the customer", "handled by Ben Okafor"], or the note's author. */
  people: readonly string[];
  pending: boolean;
  /** What came of it: survey scores, follow-up outcomes. */
  facts: readonly string[];
  /** The rest of the conversation (replies either way), oldest first. */
  thread: readonly ThreadMessage[];
  /** Ids among this entry and its thread shown in full. */
  expanded: readonly string[];
  onToggle: (id: string) => void;
  /** How much of a long text shows before "Show all". */
  excerpt: number;
  /** Set when entries carry their date (no day headings): the history was opened at this time. */
  datedFrom: number | null;
  /** The customer's language, for what they wrote (null while unknown). */
  customerLanguage: string | null;
}

/** Written text reads in its own direction; the customer's own words carry their language. */
function writtenBy(contact: Contact, customerLanguage: string | null): { dir: 'auto'; lang?: string } {
  return contact.direction === 'inbound' && contact.channel !== 'note' && customerLanguage ? { dir: 'auto', lang: customerLanguage } : { dir: 'auto' };
}

type Versioned = Contact & { _v?: number };
const sameContact = (x: Versioned, y: Versioned) =>
  x === y ||
  (x.id === y.id && x._v === y._v && x.body === y.body && x.subject === y.subject && x.at === y.at && x.channel === y.channel && x.disposition === y.disposition && x.summary === y.summary);

/** Live queries hand back new objects each time: an entry is the same when what it shows is. */
function sameEntry(a: EntryProps, b: EntryProps): boolean {
  return (
    a.day === b.day &&
    a.pending === b.pending &&
    a.onToggle === b.onToggle &&
    a.excerpt === b.excerpt &&
    a.datedFrom === b.datedFrom &&
    a.customerLanguage === b.customerLanguage &&
    a.people.join('\n') === b.people.join('\n') &&
    a.facts.join('\n') === b.facts.join('\n') &&
    a.expanded.join(' ') === b.expanded.join(' ') &&
    sameContact(a.contact, b.contact) &&
    a.thread.length === b.thread.length &&
    a.thread.every((message, index) => {
      const other = b.thread[index]!;
      return message.speaker === other.speaker && message.pending === other.pending && sameContact(message.contact, other.contact);
    })
  );
}

const Pending = () => <Chip size="small" label={<FormattedMessage id="customer.entry.pending" defaultMessage="Waiting to sync" />} color="info" variant="outlined" />;

/** One entry of a customer's history; re-rendered only when what it shows changes. */
export const TimelineEntry = memo(function TimelineEntry({ contact, day, people, pending, facts, thread, expanded, onToggle, excerpt, datedFrom, customerLanguage }: EntryProps) {
  const intl = useIntl();
  const format = useFormat();
  const isNote = contact.channel === 'note';
  const channel = intl.formatMessage(CHANNEL_MESSAGES[contact.channel]);
  const title = isNote ? intl.formatMessage({ id: 'customer.entry.note', defaultMessage: 'Note' }) : contact.subject || channel;
  const open = expanded.includes(contact.id);
  // A note the system wrote (a transfer, a merge) reads in the agent's language.
  const body = useSaidText()(contact.bodyMessage, contact.body);
  // A system note is in the agent's language, like the rest of the screen; anything written reads in its own direction.
  const written = contact.bodyMessage ? {} : writtenBy(contact, customerLanguage);
  const bodyLong = body.length > excerpt;
  const summaryLong = (contact.summary?.length ?? 0) > excerpt;
  const meta = [isNote ? null : channel, datedFrom === null ? format.time(contact.at) : format.when(contact.at, datedFrom), ...people].filter(Boolean).join(' · ');
  return (
    <Box data-testid="timeline-entry" sx={{ px: 2 }}>
      {day && (
        <Typography variant="overline" component="div" color="text.secondary" sx={{ pt: 1.5, lineHeight: 1.6 }}>
          {day}
        </Typography>
      )}
      <Box sx={{ display: 'flex', gap: 1.5, py: datedFrom === null ? 1.25 : 1, borderTop: day ? 0 : 1, borderColor: 'divider' }}>
        <Box sx={{ color: 'text.secondary', pt: 0.25 }} aria-hidden>
          <ChannelIcon channel={contact.channel} />
        </Box>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Box sx={{ display: 'flex', gap: 1, alignItems: 'baseline', flexWrap: 'wrap' }}>
            <Typography variant="body2" {...(isNote ? {} : written)} sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
              {title}
            </Typography>
            <Typography variant="caption" color="text.secondary" data-testid="timeline-meta">
              {meta}
            </Typography>
            {pending && <Pending />}
          </Box>
          <Box id={`entry-text-${contact.id}`}>
            <Typography variant="body2" data-testid="timeline-text" {...written} sx={{ ...wrapping, mt: 0.25 }} color={isNote ? 'text.primary' : 'text.secondary'}>
              {bodyLong && !open ? excerptOf(body, excerpt) : body}
            </Typography>
            {/* How it ended, as wrapped up: what the history search also finds. */}
            {(contact.disposition || contact.summary) && (
              <Typography variant="body2" data-testid="timeline-wrap-up" sx={{ mt: 0.5, ...wrapping }}>
                <FormattedMessage
                  id="customer.entry.wrapUp"
                  defaultMessage="{shape, select, both {<b>{disposition}</b> — {summary}} disposition {<b>{disposition}</b>} other {{summary}}}"
                  values={{
                    shape: contact.disposition && contact.summary ? 'both' : contact.disposition ? 'disposition' : 'summary',
                    disposition: contact.disposition ? storedDispositionLabel(contact.disposition, format.locale) : '',
                    summary: contact.summary ? (summaryLong && !open ? excerptOf(contact.summary, excerpt) : contact.summary) : '',
                    b: (chunks: ReactNode[]) => (
                      <Box component="span" sx={{ fontWeight: 600 }}>
                        {chunks}
                      </Box>
                    ),
                  }}
                />
              </Typography>
            )}
          </Box>
          {/* "Show all" and the scores share a line: the history keeps room for more entries. */}
          {(bodyLong || summaryLong || facts.length > 0) && (
            <Box sx={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', columnGap: 1.5, rowGap: 0.5, mt: 0.5 }}>
              {(bodyLong || summaryLong) && (
                <Toggle controls={`entry-text-${contact.id}`} expanded={open} length={contact.body.length + (contact.summary?.length ?? 0)} onToggle={() => onToggle(contact.id)} />
              )}
              {facts.length > 0 && (
                <Box sx={{ display: 'flex', gap: 0.75, flexWrap: 'wrap' }} data-testid="timeline-facts">
                  {facts.map((fact) => (
                    <Chip key={fact} size="small" variant="outlined" label={fact} />
                  ))}
                </Box>
              )}
            </Box>
          )}
          {thread.length > 0 && (
            <Box
              component="ol"
              aria-label={intl.formatMessage({ id: 'customer.entry.replies', defaultMessage: '{count, plural, one {# reply} other {# replies}} in this conversation' }, { count: thread.length })}
              sx={{ listStyle: 'none', m: 0, mt: 1, p: 0, pl: 1.5, borderLeft: 2, borderColor: 'divider', display: 'flex', flexDirection: 'column', gap: 1 }}
            >
              {thread.map((message) => (
                <Box component="li" key={message.contact.id} data-testid="timeline-reply">
                  <Box sx={{ display: 'flex', gap: 1, alignItems: 'baseline', flexWrap: 'wrap' }}>
                    <Typography variant="caption" sx={{ fontWeight: 600 }}>
                      {message.speaker}
                    </Typography>
                    <Typography variant="caption" color="text.secondary">
                      {format.when(message.contact.at, contact.at)}
                    </Typography>
                    {message.pending && <Pending />}
                  </Box>
                  <ExpandableText id={message.contact.id} text={message.contact.body} limit={excerpt} expanded={expanded.includes(message.contact.id)} onToggle={onToggle} color="text.secondary" written={writtenBy(message.contact, customerLanguage)} />
                </Box>
              ))}
            </Box>
          )}
        </Box>
      </Box>
    </Box>
  );
}, sameEntry);
