import { useEffect, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import InboxOutlined from '@mui/icons-material/InboxOutlined';
import { CHANNEL_LABELS } from '@core/domain/common';
import { nextItemFor } from '@core/routing';
import { ChannelIcon } from '../../components/ChannelIcon';
import { HandoffNote } from '../../components/HandoffNote';
import { GettingReady } from '../../components/GettingReady';
import { VirtualList } from '../../components/VirtualList';
import { useMe } from '../../data/hooks';
import { run } from '../../data/local';
import { formatDuration, useNow } from '../../data/useNow';
import { EmptyState } from '../../shell/EmptyState';
import { ScreenHeader } from '../../shell/ScreenHeader';
import { isTypingTarget } from '../../shell/keyboard';
import { useAppState } from '../../state/app';
import { navigate } from '../../state/router';
import { QUEUE_LIST_ID } from '../../shell/returnToQueue';
import { QueueLine, TAKE_HINT } from './QueueLine';
import { useQueue, type QueueRow } from './useQueue';

function openContact(contactId: string) {
  navigate(`/contact?id=${encodeURIComponent(contactId)}`);
}

/** The agent's queue: what is offered to them, what they hold, and everything waiting in their teams' queues. */
export function QueueScreen() {
  const now = useNow();
  const me = useMe();
  const notify = useAppState((state) => state.notify);
  const view = useQueue(now);
  // Loaded means the first essentials are here too: before that an empty list means "not here yet", and the screen says it is getting ready instead of "0 waiting".
  const ready = view.loaded;
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
  const decline = (row: QueueRow) => act(run('contact.decline', { contactId: row.item.id }));

  // N takes the next contact, A accepts an offer, D declines it (outside text fields). The keys act on
  // what is on screen: the latest view is handed over as the screen commits (a layout effect), so a key
  // pressed the moment an offer appears already sees it.
  const keys = useRef({ view, take, decline, takeNext });
  useLayoutEffect(() => {
    keys.current = { view, take, decline, takeNext };
  });
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || isTypingTarget(event.target)) return;
      const current = keys.current;
      const key = event.key.toLowerCase();
      if (key === 'n') {
        event.preventDefault();
        current.takeNext();
      } else if (key === 'a' && current.view.offer) {
        event.preventDefault();
        current.take(current.view.offer);
      } else if (key === 'd' && current.view.offer) {
        event.preventDefault();
        current.decline(current.view.offer);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

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
        description={ready ? `${view.waiting.length.toLocaleString()} waiting in ${view.queues.map((queue) => queue.name).join(', ') || 'your queues'}` : 'Getting your queue ready…'}
        actions={
          <Button variant="contained" onClick={takeNext} disabled={!ready || view.waiting.length === 0} aria-keyshortcuts="N">
            Take next (N)
          </Button>
        }
      />

      {view.offer && (
        <Alert
          severity="info"
          variant="outlined"
          role="alert"
          data-testid="offer"
          icon={<ChannelIcon channel={view.offer.item.channel} />}
          action={
            <Stack direction="row" spacing={1}>
              <Button variant="contained" size="small" onClick={() => take(view.offer!)} aria-keyshortcuts="A">
                Accept (A)
              </Button>
              <Button size="small" onClick={() => decline(view.offer!)} aria-keyshortcuts="D">
                Decline (D)
              </Button>
            </Stack>
          }
        >
          <AlertTitle>
            {CHANNEL_LABELS[view.offer.item.channel]} offered to you: {view.offer.customerName}
          </AlertTitle>
          {view.offer.subject} · waiting {formatDuration(now - view.offer.item.enqueuedAt)}
        </Alert>
      )}
      {view.offer?.item.handoff && <HandoffNote handoff={view.offer.item.handoff} />}

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
              <QueueLine row={row} now={now} active={false} />
            </Box>
          ))}
        </Paper>
      )}

      <Paper variant="outlined" component="section" aria-labelledby="waiting-title" ref={listRef} sx={{ flex: 1, minHeight: 200, display: 'flex', flexDirection: 'column' }}>
        <Typography variant="h2" id="waiting-title" sx={{ px: 2, pt: 1.5, pb: 1 }}>
          Waiting
        </Typography>
        <Box sx={{ flex: 1, minHeight: 0 }}>
          {ready ? (
            <VirtualList
              id={QUEUE_LIST_ID}
              label="Waiting contacts, most urgent first"
              count={view.waiting.length}
              rowHeight={57}
              height="100%"
              rowKey={(index) => view.waiting[index]!.item.id}
              rowDescription={() => TAKE_HINT}
              onOpen={(index) => take(view.waiting[index]!)}
              onRowKey={onRowKey}
              empty={
                // Where focus lands after a wrap-up when nothing is waiting.
                <Box id={`${QUEUE_LIST_ID}-empty`} tabIndex={-1} sx={{ outline: 'none' }}>
                  <EmptyState icon={<InboxOutlined sx={{ fontSize: 48 }} color="disabled" />} title="No contacts waiting">
                    Calls, emails, chats, SMS and social messages routed to your queues appear here with their SLA clocks.
                  </EmptyState>
                </Box>
              }
              renderRow={(index, active) => <QueueLine row={view.waiting[index]!} now={now} active={active} hint={active} />}
            />
          ) : (
            <GettingReady title="Getting your queue ready…" />
          )}
        </Box>
      </Paper>
    </Box>
  );
}
