import { useRef, type KeyboardEvent } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import InboxOutlined from '@mui/icons-material/InboxOutlined';
import { CHANNEL_LABELS } from '@core/domain/common';
import { nextItemFor } from '@core/routing';
import { ChannelIcon } from '../../components/ChannelIcon';
import { VirtualList } from '../../components/VirtualList';
import { useMe } from '../../data/hooks';
import { run } from '../../data/local';
import { formatDuration, useNow } from '../../data/useNow';
import { EmptyState } from '../../shell/EmptyState';
import { ScreenHeader } from '../../shell/ScreenHeader';
import { ariaKeys, keyHint, useCommands } from '../../lib/commands/useCommands';
import { useAppState } from '../../state/app';
import { navigate } from '../../state/router';
import { slaStatus, useQueue, type QueueRow } from './useQueue';

const SLA_COLOURS = { ok: 'success.main', near: 'warning.main', urgent: 'error.main', breached: 'error.main' } as const;

function Sla({ item, now }: { item: QueueRow['item']; now: number }) {
  const { left, level } = slaStatus(item, now);
  const text = level === 'breached' ? `SLA breached ${formatDuration(-left)} ago` : `SLA ${formatDuration(left)} left`;
  return (
    <Typography
      variant="caption"
      data-sla={level}
      sx={{
        fontVariantNumeric: 'tabular-nums',
        fontWeight: 600,
        color: level === 'breached' ? 'error.contrastText' : SLA_COLOURS[level],
        bgcolor: level === 'breached' ? 'error.main' : undefined,
        px: level === 'breached' ? 0.75 : 0,
        borderRadius: 1,
        whiteSpace: 'nowrap',
        justifySelf: 'start',
      }}
    >
      {text}
    </Typography>
  );
}

function PriorityChip({ priority }: { priority: number }) {
  if (priority > 2) return null;
  return <Chip size="small" label={priority === 1 ? 'Urgent' : 'High'} color={priority === 1 ? 'error' : 'warning'} variant="outlined" />;
}

/** One queue line: channel, who, what, how long, how close to the SLA. */
function Row({ row, now, active }: { row: QueueRow; now: number; active: boolean }) {
  const { item } = row;
  return (
    <Box
      data-testid="queue-row"
      sx={{
        display: 'grid',
        gridTemplateColumns: '28px minmax(140px, 1.2fr) minmax(160px, 2fr) 110px 90px 170px',
        alignItems: 'center',
        gap: 1.5,
        px: 2,
        py: 1,
        borderBottom: 1,
        borderColor: 'divider',
        bgcolor: active ? 'action.selected' : undefined,
        cursor: 'pointer',
        '&:hover': { bgcolor: 'action.hover' },
      }}
    >
      <ChannelIcon channel={item.channel} titleAccess={CHANNEL_LABELS[item.channel]} />
      <Box sx={{ minWidth: 0 }}>
        <Typography variant="body2" noWrap sx={{ fontWeight: 600 }}>
          {row.customerName}
          {row.tier === 'vip' && <Chip size="small" label="VIP" color="secondary" sx={{ ml: 1, height: 20 }} />}
        </Typography>
        <Typography variant="caption" color="text.secondary" noWrap component="div">
          {CHANNEL_LABELS[item.channel]} · {row.queue?.name ?? item.queueId}
        </Typography>
      </Box>
      <Typography variant="body2" noWrap title={row.subject}>
        {row.subject || '(no subject)'}
      </Typography>
      <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums' }} aria-label={`Waiting ${formatDuration(now - item.enqueuedAt)}`}>
        {formatDuration(now - item.enqueuedAt)}
      </Typography>
      {/* Its own cell even when empty, so the SLA clock stays in its column. */}
      <Box>
        <PriorityChip priority={item.priority} />
      </Box>
      <Sla item={item} now={now} />
    </Box>
  );
}

function openContact(contactId: string) {
  navigate(`/contact?id=${encodeURIComponent(contactId)}`);
}

/** The agent's queue: what they hold, and everything waiting in their teams' queues (offers show above every screen). */
export function QueueScreen() {
  const now = useNow();
  const me = useMe();
  const notify = useAppState((state) => state.notify);
  const view = useQueue();
  const listRef = useRef<HTMLDivElement>(null);

  const act = (promise: Promise<unknown>, then?: () => void): void => {
    promise.then(
      () => then?.(),
      (error: unknown) => notify(error instanceof Error ? error.message : String(error)),
    );
  };

  const take = (row: QueueRow) => act(run('contact.claim', { contactId: row.item.id }), () => openContact(row.item.id));
  const takeNext = () => {
    if (!me) return;
    const next = nextItemFor(me, view.waiting.map((row) => row.item), view.queues, now);
    if (!next) {
      notify('Nothing waiting that you can take.');
      return;
    }
    act(run('contact.claim', { contactId: next.id }), () => openContact(next.id));
  };
  // N takes the next contact (outside text fields). Offers are accepted and declined from the banner above every screen.
  useCommands({ 'queue.takeNext': { run: takeNext } });

  const onRowKey = (event: KeyboardEvent, index: number): boolean => {
    const row = view.waiting[index];
    if (!row || event.altKey || event.ctrlKey || event.metaKey) return false;
    if (event.key.toLowerCase() === 'c') {
      act(run('contact.claim', { contactId: row.item.id }));
      return true;
    }
    return false;
  };

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100%', gap: 2 }}>
      <ScreenHeader
        title="Queue"
        description={`${view.waiting.length.toLocaleString()} waiting in ${view.queues.map((queue) => queue.name).join(', ') || 'your queues'}`}
        actions={
          <Button variant="contained" onClick={takeNext} disabled={!view.loaded || view.waiting.length === 0} aria-keyshortcuts={ariaKeys('queue.takeNext')}>
            Take next ({keyHint('queue.takeNext')})
          </Button>
        }
      />

      {view.mine.length > 0 && (
        <Paper variant="outlined" component="section" aria-labelledby="mine-title">
          <Typography variant="h2" id="mine-title" sx={{ px: 2, pt: 1.5, pb: 1 }}>
            Your contacts
          </Typography>
          {view.mine.map((row) => (
            <Box
              key={row.item.id}
              component="button"
              onClick={() => openContact(row.item.id)}
              sx={{ all: 'unset', display: 'block', width: '100%', '&:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineStyle: 'solid' } }}
              aria-label={`${row.customerName}: ${row.subject}. ${row.item.state === 'wrap-up' ? 'In wrap-up' : 'In progress'}. Open`}
            >
              <Row row={row} now={now} active={false} />
            </Box>
          ))}
        </Paper>
      )}

      <Paper variant="outlined" component="section" aria-labelledby="waiting-title" ref={listRef} sx={{ flex: 1, minHeight: 200, display: 'flex', flexDirection: 'column' }}>
        <Typography variant="h2" id="waiting-title" sx={{ px: 2, pt: 1.5, pb: 1 }}>
          Waiting
        </Typography>
        <Box sx={{ flex: 1, minHeight: 0 }}>
          {view.loaded && (
            <VirtualList
              id="queue-list"
              label="Waiting contacts, most urgent first"
              count={view.waiting.length}
              rowHeight={57}
              height="100%"
              rowKey={(index) => view.waiting[index]!.item.id}
              onOpen={(index) => take(view.waiting[index]!)}
              onRowKey={onRowKey}
              empty={
                <EmptyState icon={<InboxOutlined sx={{ fontSize: 48 }} color="disabled" />} title="No contacts waiting">
                  Calls, emails, chats, SMS and social messages routed to your queues appear here with their SLA clocks.
                </EmptyState>
              }
              renderRow={(index, active) => <Row row={view.waiting[index]!} now={now} active={active} />}
            />
          )}
        </Box>
      </Paper>
    </Box>
  );
}
