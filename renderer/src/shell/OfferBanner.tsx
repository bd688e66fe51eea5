import { useEffect } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useIntl, type IntlShape } from 'react-intl';
import { ChannelIcon } from '../components/ChannelIcon';
import { HandoffNote } from '../components/HandoffNote';
import { run } from '../data/local';
import { useLiveOffers, useSeenOffers, type LiveOffer } from '../data/offers';
import { useNow } from '../data/useNow';
import { COMMON } from '../components/commonMessages';
import { useFormat } from '../lib/i18n';
import { ariaKeys, keyHint, useCommands } from '../lib/commands/useCommands';
import { useAppState } from '../state/app';
import { navigate } from '../state/router';

function fail(error: unknown) {
  useAppState.getState().notify(error instanceof Error ? error.message : String(error));
}

const accept = (offer: LiveOffer) =>
  run('contact.claim', { contactId: offer.item.id }).then(() => navigate(`/contact?id=${encodeURIComponent(offer.item.contactId)}`), fail);
const decline = (offer: LiveOffer) => run('contact.decline', { contactId: offer.item.id }).catch(fail);

/** The offer's one-line title, also the web/OS notification's: "Chat offered to you: Ada Lovelace". */
export function offerTitle(intl: IntlShape, offer: Pick<LiveOffer, 'item' | 'customerName'>): string {
  return intl.formatMessage(
    {
      id: 'shell.offer.title',
      defaultMessage:
        '{channel, select, call {Call} email {Email} chat {Chat} sms {SMS} social {Social message} other {Contact}} offered to you: {known, select, yes {{name}} other {a customer}}',
    },
    { channel: offer.item.channel, known: offer.customerName ? 'yes' : 'no', name: offer.customerName ?? '' },
  );
}

/** Marks the offer seen once it is on screen in a window the agent is looking at, so its notification stops repeating. */
function useSeen(itemId: string | undefined) {
  const markSeen = useSeenOffers((state) => state.markSeen);
  useEffect(() => {
    if (!itemId) return;
    const check = () => {
      if (document.visibilityState === 'visible' && document.hasFocus()) markSeen(itemId);
    };
    check();
    window.addEventListener('focus', check);
    document.addEventListener('visibilitychange', check);
    return () => {
      window.removeEventListener('focus', check);
      document.removeEventListener('visibilitychange', check);
    };
  }, [itemId, markSeen]);
}

/** The contact offered to the agent, on whichever screen they are: A accepts, D declines (outside text fields). */
export function OfferBanner() {
  const intl = useIntl();
  const format = useFormat();
  const now = useNow();
  const offer = useLiveOffers(now)[0] ?? null;
  useSeen(offer?.item.id);
  useCommands(
    offer
      ? {
          'offer.accept': {
            run: () => void accept(offer),
            label: () =>
              intl.formatMessage(
                {
                  id: 'shell.offer.acceptCommand',
                  defaultMessage:
                    'Accept the {channel, select, call {call} email {email} chat {chat} sms {sms} social {social message} other {contact}} from {known, select, yes {{name}} other {a customer}}',
                },
                { channel: offer.item.channel, known: offer.customerName ? 'yes' : 'no', name: offer.customerName ?? '' },
              ),
          },
          'offer.decline': {
            run: () => void decline(offer),
            label: () =>
              intl.formatMessage(
                {
                  id: 'shell.offer.declineCommand',
                  defaultMessage:
                    'Decline the {channel, select, call {call} email {email} chat {chat} sms {sms} social {social message} other {contact}} from {known, select, yes {{name}} other {a customer}}',
                },
                { channel: offer.item.channel, known: offer.customerName ? 'yes' : 'no', name: offer.customerName ?? '' },
              ),
          },
        }
      : null,
  );
  if (!offer) return null;
  const { item } = offer;
  return (
    <Box sx={{ px: 3, py: 2, display: 'flex', flexDirection: 'column', gap: 1, borderBottom: 1, borderColor: 'divider' }}>
      <Alert
        severity="info"
        variant="outlined"
        role="alert"
        data-testid="offer"
        icon={<ChannelIcon channel={item.channel} />}
        sx={{ bgcolor: 'background.paper' }}
        action={
          <Stack direction="row" spacing={1}>
            <Button variant="contained" size="small" onClick={() => void accept(offer)} aria-keyshortcuts={ariaKeys('offer.accept')}>
              {intl.formatMessage({ id: 'shell.offer.accept', defaultMessage: 'Accept ({keys})' }, { keys: keyHint('offer.accept') })}
            </Button>
            <Button size="small" onClick={() => void decline(offer)} aria-keyshortcuts={ariaKeys('offer.decline')}>
              {intl.formatMessage({ id: 'shell.offer.decline', defaultMessage: 'Decline ({keys})' }, { keys: keyHint('offer.decline') })}
            </Button>
          </Stack>
        }
      >
        <AlertTitle>{offerTitle(intl, offer)}</AlertTitle>
        {intl.formatMessage(
          { id: 'shell.offer.detail', defaultMessage: '{subject} · waiting {waited}' },
          { subject: offer.subject || intl.formatMessage(COMMON.noSubject), waited: format.clockDuration(now - item.enqueuedAt) },
        )}
      </Alert>
      {item.handoff && <HandoffNote handoff={item.handoff} />}
    </Box>
  );
}
