import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { SxProps, Theme } from '@mui/material/styles';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { CHANNEL_MESSAGES } from '@core/domain/common';
import { ChannelIcon } from '../../components/ChannelIcon';
import { visuallyHidden } from '../../components/visuallyHidden';
import { longestSlaText, longestWaitText, priorityLabel, shortDuration, slaLabel, type SlaLevel } from './labels';
import type { QueueRow } from './useQueue';

export const QUEUE_LINE_MESSAGES = defineMessages({
  /** What the selected waiting row tells the agent (visible on it, and its accessible description). */
  takeHint: { id: 'queue.line.takeHint', defaultMessage: 'Enter or double-click to take' },
});

/**
 * A cell as wide as the longest thing it may ever say: the longest text sits
 * invisibly in the same grid area, styled as the real one, so every row's
 * cell has the same width whatever the font, and the real text always fits.
 */
function Fixed({ longest, look, children }: { longest: string; look: SxProps<Theme>; children: ReactNode }) {
  return (
    <Box sx={{ display: 'grid', '& > *': { gridArea: '1 / 1' } }}>
      <Box aria-hidden sx={[look, ghost] as SxProps<Theme>}>
        {longest}
      </Box>
      {children}
    </Box>
  );
}

/** Words a screen reader reads out that the row shows by colour and place. */
const readOnly = (chunks: ReactNode[]) => (
  <Box component="span" sx={visuallyHidden}>
    {chunks}
  </Box>
);

const ghost = { visibility: 'hidden', maxHeight: 0, overflow: 'hidden', py: 0, borderTopWidth: 0, borderBottomWidth: 0 } as const;

const chipText = { typography: 'caption', fontWeight: 600, lineHeight: '20px', px: 1, borderRadius: 1, whiteSpace: 'nowrap', textAlign: 'center', fontVariantNumeric: 'tabular-nums', border: 1, borderColor: 'transparent' } as const;
const waitingText = { typography: 'body2', fontVariantNumeric: 'tabular-nums', textAlign: 'right', whiteSpace: 'nowrap' } as const;

/** Text and border in the level's colour on the row's own background; a breach filled, so it stands out. Both AA in light and dark. */
const SLA_LOOKS: Record<SlaLevel, object> = {
  ok: { color: 'success.main', borderColor: 'success.main' },
  near: { color: 'warning.main', borderColor: 'warning.main' },
  urgent: { color: 'error.main', borderColor: 'error.main' },
  breached: { color: 'error.contrastText', bgcolor: 'error.main', borderColor: 'error.main' },
};

function SlaChip({ item, now }: { item: QueueRow['item']; now: number }) {
  const intl = useIntl();
  const { text, level } = slaLabel(intl, item, now);
  return (
    <Fixed longest={longestSlaText(intl)} look={chipText}>
      <Box component="span" data-sla={level} data-testid="sla" sx={{ ...chipText, ...SLA_LOOKS[level] }}>
        {level === 'breached' ? <FormattedMessage id="queue.line.slaBreached" defaultMessage="<hidden>SLA </hidden>{text}" values={{ text, hidden: readOnly }} /> : text}
      </Box>
    </Fixed>
  );
}

/** Every row says its priority; the two most urgent in colour, the rest quietly. */
function PriorityChip({ priority }: { priority: number }) {
  const intl = useIntl();
  const label = priorityLabel(intl, priority);
  // Sized for the widest priority this language names, whichever it is.
  const longest = [1, 2, 3, 4, 5].map((p) => priorityLabel(intl, p)).reduce((a, b) => (b.length > a.length ? b : a));
  const look = priority === 1 ? { color: 'error.main', borderColor: 'error.main' } : priority === 2 ? { color: 'warning.main', borderColor: 'warning.main' } : { color: 'text.secondary', borderColor: 'divider' };
  return (
    <Fixed longest={longest} look={chipText}>
      <Box component="span" data-testid="priority" sx={{ ...chipText, ...look }}>
        <FormattedMessage id="queue.line.priority" defaultMessage="<hidden>Priority </hidden>{label}" values={{ label, hidden: readOnly }} />
      </Box>
    </Fixed>
  );
}

/** One queue line: channel, who, what, how long, how urgent, how close to the SLA. */
export function QueueLine({ row, now, active, hint = false }: { row: QueueRow; now: number; active: boolean; hint?: boolean }) {
  const intl = useIntl();
  const { item } = row;
  const channel = intl.formatMessage(CHANNEL_MESSAGES[item.channel]);
  const channelQueue = intl.formatMessage({ id: 'queue.line.channelQueue', defaultMessage: '{channel} · {queue}' }, { channel, queue: row.queue?.name ?? item.queueId });
  return (
    <Box
      data-testid="queue-row"
      data-selected={active || undefined}
      sx={{
        display: 'grid',
        gridTemplateColumns: '28px minmax(0, 1.2fr) minmax(0, 2fr) auto auto auto',
        alignItems: 'center',
        gap: 1.5,
        px: 2,
        py: 1,
        borderBottom: 1,
        borderColor: 'divider',
        bgcolor: active ? 'action.selected' : undefined,
        cursor: 'default',
        '&:hover': { bgcolor: active ? 'action.selected' : 'action.hover' },
      }}
    >
      <ChannelIcon channel={item.channel} titleAccess={channel} />
      <Box sx={{ minWidth: 0 }}>
        <Typography variant="body2" noWrap sx={{ fontWeight: 600 }} title={row.customerName}>
          {row.customerName}
          {row.tier === 'vip' && <Chip size="small" label={intl.formatMessage({ id: 'queue.line.vip', defaultMessage: 'VIP' })} color="secondary" sx={{ ml: 1, height: 20 }} />}
        </Typography>
        {/* Cut short in a narrow column or a long language: the whole line on hover. */}
        <Typography variant="caption" color="text.secondary" noWrap component="div" title={channelQueue}>
          {channelQueue}
        </Typography>
      </Box>
      <Box sx={{ minWidth: 0 }}>
        <Typography variant="body2" noWrap title={row.subject}>
          {row.subject || <FormattedMessage id="queue.line.noSubject" defaultMessage="(no subject)" />}
        </Typography>
        {hint && (
          <Typography variant="caption" color="text.secondary" noWrap component="div" data-testid="take-hint">
            <FormattedMessage {...QUEUE_LINE_MESSAGES.takeHint} />
          </Typography>
        )}
      </Box>
      <Fixed longest={longestWaitText(intl)} look={waitingText}>
        <Box sx={waitingText}>
          <FormattedMessage id="queue.line.waiting" defaultMessage="<hidden>Waiting </hidden>{time}" values={{ time: shortDuration(intl, now - item.enqueuedAt), hidden: readOnly }} />
        </Box>
      </Fixed>
      <PriorityChip priority={item.priority} />
      <SlaChip item={item} now={now} />
    </Box>
  );
}
