/**
 * The live floor: every person of my teams (presence, the contact they hold,
 * time in that state, after-contact work running long), every queue (waiting,
 * oldest, at risk, past SLA, who is available per skill), and what waits,
 * most urgent first. From here a supervisor moves a waiting contact to
 * another queue or offers it to someone by name, and sets someone's presence.
 * Everything is read from this desktop and changes as sync brings rows in.
 */
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { FormattedMessage, useIntl } from 'react-intl';
import { CHANNEL_MESSAGES } from '@core/domain/common';
import { PRESENCE_MESSAGES, type Presence, type QueueItem } from '@core/domain/model';
import { acwRunningLong, slaState, type FloorAgent } from '@core/floor';
import { ChannelIcon } from '../../components/ChannelIcon';
import { TransferDialog } from '../../components/TransferDialog';
import { VirtualList } from '../../components/VirtualList';
import { run } from '../../data/local';
import { useNow } from '../../data/useNow';
import { useFormat } from '../../lib/i18n';
import { ScreenHeader } from '../../shell/ScreenHeader';
import { useAppState } from '../../state/app';
import { navigate } from '../../state/router';
import { useCustomerName, useFloor } from './useFloor';

const PRESENCE_COLOURS: Record<Presence, string> = {
  available: 'success.main',
  busy: 'error.main',
  'after-contact-work': 'warning.main',
  away: 'text.disabled',
  offline: 'text.disabled',
};
const SETTABLE: Presence[] = ['available', 'away', 'offline'];
/** Nothing to show (no waiting contact): a dash reads the same in every language. */
const NONE = '—';

function AgentRow({ agent, now, active }: { agent: FloorAgent; now: number; active: boolean }) {
  const intl = useIntl();
  const format = useFormat();
  const long = acwRunningLong(agent, now);
  const customer = useCustomerName(agent.holding?.customerId ?? '');
  const holding = agent.holding
    ? intl.formatMessage(
        { id: 'floor.agent.holding', defaultMessage: '{channel} · {customer}{help, select, yes { · asks for help} other {}}' },
        {
          channel: intl.formatMessage(CHANNEL_MESSAGES[agent.holding.channel]),
          customer: customer ?? intl.formatMessage({ id: 'floor.agent.aCustomer', defaultMessage: 'a customer' }),
          help: agent.holding.escalation?.state === 'open' ? 'yes' : 'no',
        },
      )
    : null;
  return (
    <Box data-testid="floor-agent" data-acw-long={long || undefined} sx={{ display: 'flex', alignItems: 'center', gap: 1.5, px: 2, py: 1, bgcolor: active ? 'action.selected' : long ? 'warning.light' : undefined, color: long && !active ? 'warning.contrastText' : undefined }}>
      <Box aria-hidden sx={{ width: 10, height: 10, borderRadius: '50%', bgcolor: PRESENCE_COLOURS[agent.presence], flexShrink: 0 }} />
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography variant="body2" sx={{ fontWeight: 600 }} noWrap>
          {agent.user.name}
        </Typography>
        <Typography variant="caption" component="div" noWrap sx={{ opacity: 0.85 }}>
          <FormattedMessage
            id="floor.agent.state"
            defaultMessage="{presence} · {duration}{long, select, yes { · after-contact work running long} other {}}"
            values={{ presence: intl.formatMessage(PRESENCE_MESSAGES[agent.presence]), duration: format.clockDuration(now - agent.since), long: long ? 'yes' : 'no' }}
          />
        </Typography>
      </Box>
      {holding && (
        // Cut short beside a long name: the whole line on hover.
        <Typography variant="caption" noWrap sx={{ maxWidth: 220 }} title={holding}>
          {holding}
        </Typography>
      )}
    </Box>
  );
}

function WaitingRow({ item, queueName, now, active }: { item: QueueItem; queueName: string; now: number; active: boolean }) {
  const intl = useIntl();
  const format = useFormat();
  const customer = useCustomerName(item.customerId);
  const sla = slaState(item, now);
  return (
    <Box data-testid="floor-waiting" sx={{ display: 'flex', alignItems: 'center', gap: 1.5, px: 2, py: 1, bgcolor: active ? 'action.selected' : undefined }}>
      <ChannelIcon channel={item.channel} />
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography variant="body2" sx={{ fontWeight: 600 }} noWrap>
          {customer ?? <FormattedMessage id="floor.waiting.aCustomer" defaultMessage="A customer" />}
        </Typography>
        <Typography variant="caption" color="text.secondary" component="div" noWrap>
          <FormattedMessage
            id="floor.waiting.detail"
            defaultMessage="{queue} · waiting {duration}{offered, select, yes { · on offer} other {}}"
            values={{ queue: queueName, duration: format.clockDuration(now - item.enqueuedAt), offered: item.offeredTo ? 'yes' : 'no' }}
          />
        </Typography>
      </Box>
      {sla !== 'ok' && <Chip size="small" color={sla === 'breached' ? 'error' : 'warning'} label={sla === 'breached' ? intl.formatMessage({ id: 'floor.sla.breached', defaultMessage: 'Past SLA' }) : intl.formatMessage({ id: 'floor.sla.atRisk', defaultMessage: 'SLA at risk' })} />}
    </Box>
  );
}

/** A titled section of the floor holding one list, filling its share of the height. */
function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper variant="outlined" component="section" aria-labelledby={`${id}-title`} sx={{ display: 'flex', flexDirection: 'column', minHeight: 0 }}>
      <Typography variant="h2" id={`${id}-title`} sx={{ px: 2, py: 1.5 }}>
        {title}
      </Typography>
      <Box sx={{ flex: 1, minHeight: 0, borderTop: 1, borderColor: 'divider' }}>{children}</Box>
    </Paper>
  );
}

export function FloorScreen() {
  const intl = useIntl();
  const format = useFormat();
  const now = useNow();
  const floor = useFloor(now);
  const notify = useAppState((state) => state.notify);
  const [moving, setMoving] = useState<QueueItem | null>(null);
  const [presenceFor, setPresenceFor] = useState<{ agent: FloorAgent; anchor: HTMLElement } | null>(null);
  const queueNames = new Map(floor.queues.map((row) => [row.queue.id, row.queue.name]));
  const breached = floor.queues.reduce((sum, row) => sum + row.breached, 0);
  const available = floor.agents.filter((agent) => agent.presence === 'available').length;

  const setPresence = (agent: FloorAgent, presence: Presence) => {
    setPresenceFor(null);
    run('presence.setFor', { id: crypto.randomUUID(), userId: agent.user.id, presence }).then(
      () =>
        notify(
          intl.formatMessage(
            {
              id: 'floor.presence.set',
              defaultMessage: '{name} is now {presence, select, available {available} away {away} offline {offline} busy {busy} other {in after-contact work}}; they have been told.',
            },
            { name: agent.user.name, presence },
          ),
        ),
      (error: unknown) => notify(error instanceof Error ? error.message : String(error)),
    );
  };
  const onAgentKey = (event: KeyboardEvent, index: number): boolean => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.key.toLowerCase() !== 'p') return false;
    const agent = floor.agents[index];
    const row = document.getElementById(`floor-agents-item-${index}`);
    if (agent && row) setPresenceFor({ agent, anchor: row });
    return true;
  };
  const onWaitingKey = (event: KeyboardEvent, index: number): boolean => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.key.toLowerCase() !== 't') return false;
    const item = floor.waiting[index];
    if (item) setMoving(item);
    return true;
  };

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100%', gap: 2 }}>
      <ScreenHeader
        title={intl.formatMessage({ id: 'floor.title', defaultMessage: 'Floor' })}
        description={intl.formatMessage(
          {
            id: 'floor.description',
            defaultMessage: 'Live: {people, plural, one {# person} other {# people}}, {available, number} available · {waiting, number} waiting · {breached, number} past SLA',
          },
          { people: floor.agents.length, available, waiting: floor.waiting.length, breached },
        )}
      />
      <Paper variant="outlined" component="section" aria-labelledby="floor-queues-title" sx={{ overflowX: 'auto', flexShrink: 0 }}>
        <Typography variant="h2" id="floor-queues-title" sx={{ px: 2, pt: 1.5 }}>
          <FormattedMessage id="floor.queues.title" defaultMessage="Queues" />
        </Typography>
        <Table size="small" aria-labelledby="floor-queues-title">
          <TableHead>
            <TableRow>
              <TableCell>
                <FormattedMessage id="floor.queues.queue" defaultMessage="Queue" />
              </TableCell>
              <TableCell align="right">
                <FormattedMessage id="floor.queues.waiting" defaultMessage="Waiting" />
              </TableCell>
              <TableCell align="right">
                <FormattedMessage id="floor.queues.oldest" defaultMessage="Oldest" />
              </TableCell>
              <TableCell align="right">
                <FormattedMessage id="floor.queues.atRisk" defaultMessage="SLA at risk" />
              </TableCell>
              <TableCell align="right">
                <FormattedMessage id="floor.queues.breached" defaultMessage="Past SLA" />
              </TableCell>
              <TableCell>
                <FormattedMessage id="floor.queues.availableBySkill" defaultMessage="Available, by skill" />
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {floor.queues.map((row) => (
              <TableRow key={row.queue.id} data-testid="floor-queue">
                <TableCell component="th" scope="row">
                  {row.queue.name}
                </TableCell>
                <TableCell align="right">{format.number(row.waiting)}</TableCell>
                <TableCell align="right">{row.oldestSince === null ? NONE : format.clockDuration(now - row.oldestSince)}</TableCell>
                <TableCell align="right">{format.number(row.atRisk)}</TableCell>
                <TableCell align="right" sx={{ color: row.breached ? 'error.main' : undefined, fontWeight: row.breached ? 700 : undefined }}>
                  {format.number(row.breached)}
                </TableCell>
                <TableCell>
                  <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap' }}>
                    {row.availableBySkill.map(({ skill, available: count }) => (
                      <Chip key={skill} size="small" variant="outlined" color={count === 0 ? 'error' : 'default'} label={
                          skill
                            ? intl.formatMessage({ id: 'floor.queues.skillCount', defaultMessage: '{skill}: {count, number}' }, { skill, count })
                            : intl.formatMessage({ id: 'floor.queues.anyoneCount', defaultMessage: 'anyone: {count, number}' }, { count })
                        }
                      />
                    ))}
                  </Stack>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      <Box sx={{ flex: 1, minHeight: 280, display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: 2 }}>
        <Panel id="floor-agents" title={intl.formatMessage({ id: 'floor.people.title', defaultMessage: 'People' })}>
          <VirtualList
            id="floor-agents"
            label={intl.formatMessage({ id: 'floor.people.label', defaultMessage: 'People of your teams' })}
            count={floor.agents.length}
            rowHeight={53}
            height="100%"
            rowKey={(index) => floor.agents[index]!.user.id}
            onRowKey={onAgentKey}
            onOpen={(index) => {
              const row = document.getElementById(`floor-agents-item-${index}`);
              if (row) setPresenceFor({ agent: floor.agents[index]!, anchor: row });
            }}
            renderRow={(index, active) => <AgentRow agent={floor.agents[index]!} now={now} active={active} />}
          />
        </Panel>
        <Panel id="floor-waiting" title={intl.formatMessage({ id: 'floor.waiting.title', defaultMessage: 'Waiting' })}>
          <VirtualList
            id="floor-waiting"
            label={intl.formatMessage({ id: 'floor.waiting.label', defaultMessage: 'Waiting contacts, most urgent first' })}
            count={floor.waiting.length}
            rowHeight={53}
            height="100%"
            rowKey={(index) => floor.waiting[index]!.id}
            onRowKey={onWaitingKey}
            onOpen={(index) => navigate(`/contact?id=${encodeURIComponent(floor.waiting[index]!.id)}`)}
            empty={
              <Typography variant="body2" color="text.secondary" sx={{ p: 2 }}>
                <FormattedMessage id="floor.waiting.none" defaultMessage="Nothing waiting in your teams’ queues." />
              </Typography>
            }
            renderRow={(index, active) => {
              const item = floor.waiting[index]!;
              return <WaitingRow item={item} queueName={queueNames.get(item.queueId) ?? intl.formatMessage({ id: 'floor.waiting.unknownQueue', defaultMessage: 'Queue' })} now={now} active={active} />;
            }}
          />
        </Panel>
      </Box>
      <Typography variant="caption" color="text.secondary">
        <FormattedMessage
          id="floor.keys"
          defaultMessage="People: ↑ ↓ choose · P or Enter sets their presence. Waiting: ↑ ↓ choose · T transfers (another queue, or someone by name) · Enter opens it."
        />
      </Typography>
      <Menu anchorEl={presenceFor?.anchor ?? null} open={presenceFor !== null} onClose={() => setPresenceFor(null)} slotProps={{
          list: {
            'aria-label': presenceFor
              ? intl.formatMessage({ id: 'floor.presence.menuFor', defaultMessage: 'Set {name}’s presence' }, { name: presenceFor.agent.user.name })
              : intl.formatMessage({ id: 'floor.presence.menu', defaultMessage: 'Set presence' }),
          },
        }}
      >
        {SETTABLE.map((presence) => (
          <MenuItem key={presence} selected={presenceFor?.agent.presence === presence} onClick={() => presenceFor && setPresence(presenceFor.agent, presence)}>
            {intl.formatMessage(PRESENCE_MESSAGES[presence])}
          </MenuItem>
        ))}
      </Menu>
      {moving && (
        <TransferDialog
          item={moving}
          onClose={() => setMoving(null)}
          onDone={(to) => {
            setMoving(null);
            notify(intl.formatMessage({ id: 'floor.moved', defaultMessage: 'Moved to {to}.' }, { to }));
          }}
        />
      )}
    </Box>
  );
}
