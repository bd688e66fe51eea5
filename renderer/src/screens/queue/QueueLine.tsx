import type { ReactNode } from 'react';
import Chip from '@mui/material/Chip';
import type { SxProps, Theme } from '@mui/material/styles';
import { defineMessages, FormattedMessage, useIntl, type IntlShape } from 'react-intl';
import { CHANNEL_MESSAGES } from '@core/domain/common';
import { ChannelIcon } from '../../components/ChannelIcon';
import { visuallyHidden } from '../../components/visuallyHidden';
import { longestSlaText, longestWaitText, priorityLabel, shortDuration, slaLabel } from './labels';
import type { QueueRow } from './useQueue';

export const QUEUE_LINE_MESSAGES = defineMessages({
  /** What the selected waiting row tells the agent (visible on it, and its accessible description). */
  takeHint: { id: 'queue.line.takeHint', defaultMessage: 'Enter or double-click to take' },
});

const chipText = { typography: 'caption', fontWeight: 600, lineHeight: '20px', px: 1, borderRadius: 1, whiteSpace: 'nowrap', textAlign: 'center', fontVariantNumeric: 'tabular-nums', border: 1, borderColor: 'transparent' } as const;
const waitingText = { typography: 'body2', fontVariantNumeric: 'tabular-nums', textAlign: 'right', whiteSpace: 'nowrap' } as const;
const noWrap = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

/**
 * Every queue line's look, set once on the element holding the lines: a line
 * is plain elements with class names, so scrolling through thousands of rows
 * renders no styles (per-row `sx` cost more than the rows themselves).
 * Text and border in the SLA level's colour on the row's own background; a
 * breach filled, so it stands out. Both AA in light and dark.
 */
export const queueLineStyles: SxProps<Theme> = {
  '& .ql-row': {
    display: 'grid',
    gridTemplateColumns: '28px minmax(0, 1.2fr) minmax(0, 2fr) auto auto auto',
    alignItems: 'center',
    gap: 1.5,
    px: 2,
    py: 1,
    borderBottom: 1,
    borderColor: 'divider',
    cursor: 'default',
    '&:hover': { bgcolor: 'action.hover' },
    '&[data-selected], &[data-selected]:hover': { bgcolor: 'action.selected' },
  },
  '& .ql-cell': { minWidth: 0 },
  '& .ql-name': { typography: 'body2', fontWeight: 600, ...noWrap },
  '& .ql-vip': { ml: 1, height: 20 },
  '& .ql-text': { typography: 'body2', ...noWrap },
  '& .ql-caption': { typography: 'caption', color: 'text.secondary', ...noWrap },
  // A cell as wide as the longest thing it may ever say: the longest text sits invisibly in the same grid area,
  // styled as the real one, so every row's cell has the same width whatever the font, and the real text always fits.
  '& .ql-fixed': { display: 'grid', '& > *': { gridArea: '1 / 1' } },
  '& .ql-ghost': { visibility: 'hidden', maxHeight: 0, overflow: 'hidden', py: 0, borderTopWidth: 0, borderBottomWidth: 0 },
  '& .ql-chip': chipText,
  '& .ql-waiting': waitingText,
  '& .ql-priority': { color: 'text.secondary', borderColor: 'divider' },
  '& .ql-priority[data-priority="1"]': { color: 'error.main', borderColor: 'error.main' },
  '& .ql-priority[data-priority="2"]': { color: 'warning.main', borderColor: 'warning.main' },
  '& .ql-sla[data-sla="ok"]': { color: 'success.main', borderColor: 'success.main' },
  '& .ql-sla[data-sla="near"]': { color: 'warning.main', borderColor: 'warning.main' },
  '& .ql-sla[data-sla="urgent"]': { color: 'error.main', borderColor: 'error.main' },
  '& .ql-sla[data-sla="breached"]': { color: 'error.contrastText', bgcolor: 'error.main', borderColor: 'error.main' },
  '& .ql-hidden': visuallyHidden,
};

/** Words a screen reader reads out that the row shows by colour and place. */
const readOnly = (chunks: ReactNode[]) => <span className="ql-hidden">{chunks}</span>;

/** The widest text of each fixed cell, per language (the same for every row; worked out once). */
const longestTexts = new WeakMap<IntlShape, { sla: string; wait: string; priority: string }>();
function longest(intl: IntlShape) {
  let texts = longestTexts.get(intl);
  if (!texts) {
    const priority = [1, 2, 3, 4, 5].map((p) => priorityLabel(intl, p)).reduce((a, b) => (b.length > a.length ? b : a));
    texts = { sla: longestSlaText(intl), wait: longestWaitText(intl), priority };
    longestTexts.set(intl, texts);
  }
  return texts;
}

function Fixed({ longest: text, look, children }: { longest: string; look: string; children: ReactNode }) {
  return (
    <div className="ql-fixed">
      <div aria-hidden className={`${look} ql-ghost`}>
        {text}
      </div>
      {children}
    </div>
  );
}

/** One queue line: channel, who, what, how long, how urgent, how close to the SLA (styled by `queueLineStyles` above it). */
export function QueueLine({ row, now, active, hint = false }: { row: QueueRow; now: number; active: boolean; hint?: boolean }) {
  const intl = useIntl();
  const widest = longest(intl);
  const { item } = row;
  const channel = intl.formatMessage(CHANNEL_MESSAGES[item.channel]);
  const channelQueue = intl.formatMessage({ id: 'queue.line.channelQueue', defaultMessage: '{channel} · {queue}' }, { channel, queue: row.queue?.name ?? item.queueId });
  const sla = slaLabel(intl, item, now);
  return (
    <div className="ql-row" data-testid="queue-row" data-selected={active || undefined}>
      <ChannelIcon channel={item.channel} titleAccess={channel} />
      <div className="ql-cell">
        <div className="ql-name" title={row.customerName}>
          {row.customerName}
          {row.tier === 'vip' && <Chip size="small" label={intl.formatMessage({ id: 'queue.line.vip', defaultMessage: 'VIP' })} color="secondary" className="ql-vip" />}
        </div>
        {/* Cut short in a narrow column or a long language: the whole line on hover. */}
        <div className="ql-caption" title={channelQueue}>
          {channelQueue}
        </div>
      </div>
      <div className="ql-cell">
        <div className="ql-text" title={row.subject}>
          {row.subject || <FormattedMessage id="queue.line.noSubject" defaultMessage="(no subject)" />}
        </div>
        {hint && (
          <div className="ql-caption" data-testid="take-hint">
            <FormattedMessage {...QUEUE_LINE_MESSAGES.takeHint} />
          </div>
        )}
      </div>
      <Fixed longest={widest.wait} look="ql-waiting">
        <div className="ql-waiting">
          <FormattedMessage id="queue.line.waiting" defaultMessage="<hidden>Waiting </hidden>{time}" values={{ time: shortDuration(intl, now - item.enqueuedAt), hidden: readOnly }} />
        </div>
      </Fixed>
      <Fixed longest={widest.priority} look="ql-chip">
        <span className="ql-chip ql-priority" data-priority={item.priority} data-testid="priority">
          <FormattedMessage id="queue.line.priority" defaultMessage="<hidden>Priority </hidden>{label}" values={{ label: priorityLabel(intl, item.priority), hidden: readOnly }} />
        </span>
      </Fixed>
      <Fixed longest={widest.sla} look="ql-chip">
        <span className="ql-chip ql-sla" data-sla={sla.level} data-testid="sla">
          {sla.level === 'breached' ? <FormattedMessage id="queue.line.slaBreached" defaultMessage="<hidden>SLA </hidden>{text}" values={{ text: sla.text, hidden: readOnly }} /> : sla.text}
        </span>
      </Fixed>
    </div>
  );
}
