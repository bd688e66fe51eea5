import { useRef, type KeyboardEvent } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { SxProps, Theme } from '@mui/material/styles';
import InboxOutlined from '@mui/icons-material/InboxOutlined';
import { FormattedMessage, useIntl } from 'react-intl';
import { nextItemFor } from '@core/routing';
import { GettingReady } from '../../components/GettingReady';
import { VirtualList } from '../../components/VirtualList';
import { useMe } from '../../data/hooks';
import { run } from '../../data/local';
import { useNow } from '../../data/useNow';
import { EmptyState } from '../../shell/EmptyState';
import { ScreenHeader } from '../../shell/ScreenHeader';
import { ariaKeys, keyHint, useCommands } from '../../lib/commands/useCommands';
import { useAppState } from '../../state/app';
import { navigate } from '../../state/router';
import { QUEUE_LIST_ID } from '../../shell/returnToQueue';
import { QUEUE_LINE_MESSAGES, QueueLine, queueLineStyles } from './QueueLine';
import { useFormat } from '../../lib/i18n';
import { useQueue, type QueueRow } from './useQueue';

function openContact(contactId: string) {
  navigate(`/contact?id=${encodeURIComponent(contactId)}`);
}

/** The agent's queue: what they hold, and everything waiting in their teams' queues (offers show above every screen). */
export function QueueScreen() {
  const now = useNow();
  const intl = useIntl();
  const format = useFormat();
  const me = useMe();
  const notify = useAppState((state) => state.notify);
  const view = useQueue();
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
      notify(intl.formatMessage({ id: 'queue.screen.nothingToTake', defaultMessage: 'Nothing waiting that you can take.' }));
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
    <Box sx={[{ display: 'flex', flexDirection: 'column', height: '100%', gap: 2 }, queueLineStyles] as SxProps<Theme>}>
      <ScreenHeader
        title={intl.formatMessage({ id: 'queue.screen.title', defaultMessage: 'Queue' })}
        description={
          ready
            ? view.queues.length
              ? intl.formatMessage(
                  { id: 'queue.screen.waitingIn', defaultMessage: '{count, plural, one {# waiting} other {# waiting}} in {queues}' },
                  { count: view.waiting.length, queues: format.list(view.queues.map((queue) => queue.name)) },
                )
              : intl.formatMessage({ id: 'queue.screen.waitingInYours', defaultMessage: '{count, plural, one {# waiting} other {# waiting}} in your queues' }, { count: view.waiting.length })
            : intl.formatMessage({ id: 'queue.screen.gettingReady', defaultMessage: 'Getting your queue ready…' })
        }
        actions={
          <Button variant="contained" onClick={takeNext} disabled={!ready || view.waiting.length === 0} aria-keyshortcuts={ariaKeys('queue.takeNext')}>
            <FormattedMessage id="queue.screen.takeNext" defaultMessage="Take next ({keys})" values={{ keys: keyHint('queue.takeNext') }} />
          </Button>
        }
      />

      {view.mine.length > 0 && (
        <Paper variant="outlined" component="section" aria-labelledby="mine-title">
          <Typography variant="h2" id="mine-title" sx={{ px: 2, pt: 1.5, pb: 1 }}>
            <FormattedMessage id="queue.screen.yours" defaultMessage="Your contacts" />
          </Typography>
          {view.mine.map((row) => (
            <Box
              key={row.item.id}
              component="button"
              onClick={() => openContact(row.item.id)}
              sx={{ all: 'unset', display: 'block', width: '100%', '&:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineStyle: 'solid' } }}
              aria-label={intl.formatMessage(
                { id: 'queue.screen.openYours', defaultMessage: '{name}: {subject}. {state, select, wrapUp {In wrap-up} other {In progress}}. Open' },
                { name: row.customerName, subject: row.subject, state: row.item.state === 'wrap-up' ? 'wrapUp' : 'other' },
              )}
            >
              <QueueLine row={row} now={now} active={false} />
            </Box>
          ))}
        </Paper>
      )}

      <Paper variant="outlined" component="section" aria-labelledby="waiting-title" ref={listRef} sx={{ flex: 1, minHeight: 200, display: 'flex', flexDirection: 'column' }}>
        <Typography variant="h2" id="waiting-title" sx={{ px: 2, pt: 1.5, pb: 1 }}>
          <FormattedMessage id="queue.screen.waiting" defaultMessage="Waiting" />
        </Typography>
        <Box sx={{ flex: 1, minHeight: 0 }}>
          {ready ? (
            <VirtualList
              id={QUEUE_LIST_ID}
              label={intl.formatMessage({ id: 'queue.screen.listLabel', defaultMessage: 'Waiting contacts, most urgent first' })}
              count={view.waiting.length}
              rowHeight={57}
              uniformRows
              height="100%"
              rowKey={(index) => view.waiting[index]!.item.id}
              rowDescription={() => intl.formatMessage(QUEUE_LINE_MESSAGES.takeHint)}
              onOpen={(index) => take(view.waiting[index]!)}
              onRowKey={onRowKey}
              empty={
                // Where focus lands after a wrap-up when nothing is waiting.
                <Box id={`${QUEUE_LIST_ID}-empty`} tabIndex={-1} sx={{ outline: 'none' }}>
                  <EmptyState icon={<InboxOutlined sx={{ fontSize: 48 }} color="disabled" />} title={intl.formatMessage({ id: 'queue.screen.emptyTitle', defaultMessage: 'No contacts waiting' })}>
                    <FormattedMessage id="queue.screen.emptyBody" defaultMessage="Calls, emails, chats, SMS and social messages routed to your queues appear here with their SLA clocks." />
                  </EmptyState>
                </Box>
              }
              renderRow={(index, active) => <QueueLine row={view.waiting[index]!} now={now} active={active} hint={active} />}
            />
          ) : (
            <GettingReady title={intl.formatMessage({ id: 'queue.screen.gettingReady', defaultMessage: 'Getting your queue ready…' })} />
          )}
        </Box>
      </Paper>
    </Box>
  );
}
