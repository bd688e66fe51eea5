import { useEffect } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { CHANNEL_LABELS } from '@core/domain/common';
import { ChannelIcon } from '../components/ChannelIcon';
import { HandoffNote } from '../components/HandoffNote';
import { run } from '../data/local';
import { useLiveOffers, useSeenOffers, type LiveOffer } from '../data/offers';
import { formatDuration, useNow } from '../data/useNow';
import { ariaKeys, keyHint, useCommands } from '../lib/commands/useCommands';
import { useAppState } from '../state/app';
import { navigate } from '../state/router';

function fail(error: unknown) {
  useAppState.getState().notify(error instanceof Error ? error.message : String(error));
}

const accept = (offer: LiveOffer) =>
  run('contact.claim', { contactId: offer.item.id }).then(() => navigate(`/contact?id=${encodeURIComponent(offer.item.contactId)}`), fail);
const decline = (offer: LiveOffer) => run('contact.decline', { contactId: offer.item.id }).catch(fail);

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
  const now = useNow();
  const offer = useLiveOffers(now)[0] ?? null;
  useSeen(offer?.item.id);
  useCommands(
    offer
      ? {
          'offer.accept': { run: () => void accept(offer), label: () => `Accept the ${CHANNEL_LABELS[offer.item.channel].toLowerCase()} from ${offer.customerName}` },
          'offer.decline': { run: () => void decline(offer), label: () => `Decline the ${CHANNEL_LABELS[offer.item.channel].toLowerCase()} from ${offer.customerName}` },
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
              Accept ({keyHint('offer.accept')})
            </Button>
            <Button size="small" onClick={() => void decline(offer)} aria-keyshortcuts={ariaKeys('offer.decline')}>
              Decline ({keyHint('offer.decline')})
            </Button>
          </Stack>
        }
      >
        <AlertTitle>
          {CHANNEL_LABELS[item.channel]} offered to you: {offer.customerName}
        </AlertTitle>
        {offer.subject || '(no subject)'} · waiting {formatDuration(now - item.enqueuedAt)}
      </Alert>
      {item.handoff && <HandoffNote handoff={item.handoff} />}
    </Box>
  );
}
