/** The contacts (or follow-ups) behind a dashboard figure: listed, opened, exported as CSV. */
import { useEffect, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { CHANNEL_LABELS, type Channel } from '@core/domain/common';
import { customerName, FOLLOW_UP_KIND_LABELS } from '@core/domain/model';
import type { DrillFigure, MetricsFilters } from '@core/metrics';
import { ChannelIcon } from '../../components/ChannelIcon';
import { VirtualList } from '../../components/VirtualList';
import { useDb } from '../../data/hooks';
import { navigate } from '../../state/router';
import { downloadText, toCsv } from './csv';
import { drillDownIds } from './useDashboard';

const FOLLOW_UP_FIGURES: readonly DrillFigure[] = ['on-time-follow-ups', 'late-follow-ups', 'overdue-follow-ups'];

/** One row of a drill-down, as listed and as exported. */
export interface DrillRow {
  id: string;
  customerId: string;
  at: number;
  customer: string;
  channel: string;
  channelKey: Channel;
  subject: string;
  agent: string;
  queue: string;
  disposition: string;
  resolution: string;
  csat: number | null;
  nps: number | null;
}

export const DRILL_CSV_HEADER = ['Contact', 'When (UTC)', 'Customer', 'Channel', 'Subject', 'Agent', 'Queue', 'Disposition', 'Resolution', 'CSAT', 'NPS'];

export function drillCsv(rows: readonly DrillRow[]): string {
  return toCsv(
    DRILL_CSV_HEADER,
    rows.map((row) => [row.id, new Date(row.at).toISOString().slice(0, 16).replace('T', ' '), row.customer, row.channel, row.subject, row.agent, row.queue, row.disposition, row.resolution, row.csat, row.nps]),
  );
}

export function DrillDownDialog({ figure, title, filters, now, zone, onClose }: { figure: DrillFigure; title: string; filters: MetricsFilters; now: number; zone: string; onClose: () => void }) {
  const db = useDb();
  const [rows, setRows] = useState<DrillRow[] | null>(null);
  const followUps = FOLLOW_UP_FIGURES.includes(figure);
  const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: zone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

  useEffect(() => {
    let live = true;
    void (async () => {
      if (!db) return;
      const ids = await drillDownIds(filters, figure, now);
      const [users, queues] = await Promise.all([db.users.toArray(), db.queues.toArray()]);
      const userName = new Map(users.map((user) => [user.id, user.name]));
      const queueName = new Map(queues.map((queue) => [queue.id, queue.name]));
      let list: DrillRow[];
      if (followUps) {
        const found = (await db.followUps.bulkGet(ids)).filter((row) => !!row);
        const customers = await db.customers.bulkGet(found.map((row) => row.customerId));
        list = found.map((row, index) => ({
          id: row.id,
          customerId: row.customerId,
          at: row.dueAt,
          customer: customers[index] ? customerName(customers[index]) : row.customerId,
          channel: CHANNEL_LABELS[row.channel],
          channelKey: row.channel,
          subject: `${FOLLOW_UP_KIND_LABELS[row.kind]}: ${row.reason}`,
          agent: userName.get(row.ownerId) ?? row.ownerId,
          queue: '',
          disposition: row.state,
          resolution: row.outcome ?? '',
          csat: null,
          nps: null,
        }));
      } else {
        const found = (await db.contacts.bulkGet(ids)).filter((row) => !!row);
        const [customers, items, surveys] = await Promise.all([
          db.customers.bulkGet(found.map((row) => row.customerId)),
          db.queueItems.bulkGet(found.map((row) => row.id)),
          db.surveys.where('contactId').anyOf(found.map((row) => row.id)).toArray(),
        ]);
        const surveyOf = new Map(surveys.filter((survey) => survey.status === 'answered').map((survey) => [survey.contactId, survey]));
        list = found.map((row, index) => {
          const agentId = items[index]?.assigneeId ?? row.agentId;
          const queueId = items[index]?.queueId ?? row.queueId;
          return {
            id: row.id,
            customerId: row.customerId,
            at: row.at,
            customer: customers[index] ? customerName(customers[index]) : row.customerId,
            channel: CHANNEL_LABELS[row.channel],
            channelKey: row.channel,
            subject: row.subject,
            agent: agentId ? (userName.get(agentId) ?? agentId) : '',
            queue: queueId ? (queueName.get(queueId) ?? queueId) : '',
            disposition: row.disposition ?? '',
            resolution: row.resolution ?? '',
            csat: surveyOf.get(row.id)?.csat ?? null,
            nps: surveyOf.get(row.id)?.nps ?? null,
          };
        });
      }
      list.sort((a, b) => b.at - a.at);
      if (live) setRows(list);
    })();
    return () => {
      live = false;
    };
  }, [db, figure, filters, now, followUps]);

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="drill-title">
      <DialogTitle id="drill-title">
        {title}
        {rows ? ` · ${rows.length}` : ''}
      </DialogTitle>
      <DialogContent>
        {rows === null ? (
          <LinearProgress aria-label="Finding them" />
        ) : (
          <VirtualList
            id="drill"
            label={title}
            count={rows.length}
            rowHeight={52}
            rowKey={(index) => rows[index]!.id}
            height={Math.min(480, Math.max(120, rows.length * 52))}
            onOpen={(index) => {
              const row = rows[index];
              if (!row) return;
              onClose();
              navigate(`/customer?id=${encodeURIComponent(row.customerId)}`);
            }}
            renderRow={(index, active) => {
              const row = rows[index]!;
              return (
                <Box data-testid="drill-row" sx={{ display: 'grid', gridTemplateColumns: '120px 24px minmax(0, 1fr) 140px 70px', gap: 1, alignItems: 'center', px: 1, py: 0.75, bgcolor: active ? 'action.selected' : undefined, borderBottom: 1, borderColor: 'divider' }}>
                  <Typography variant="caption">{timeFormat.format(row.at)}</Typography>
                  <Box aria-hidden sx={{ color: 'text.secondary' }}>
                    <ChannelIcon channel={row.channelKey} />
                  </Box>
                  <Box sx={{ minWidth: 0 }}>
                    <Typography variant="body2" noWrap>
                      <strong>{row.customer}</strong> · {row.subject}
                    </Typography>
                    <Typography variant="caption" color="text.secondary" noWrap component="div">
                      {[row.queue, row.disposition, row.resolution].filter(Boolean).join(' · ')}
                    </Typography>
                  </Box>
                  <Typography variant="caption" noWrap>
                    {row.agent}
                  </Typography>
                  <Typography variant="caption">{row.csat !== null ? `CSAT ${row.csat}` : row.nps !== null ? `NPS ${row.nps}` : ''}</Typography>
                </Box>
              );
            }}
            empty={
              <Typography variant="body2" color="text.secondary">
                None in these dates and filters.
              </Typography>
            }
          />
        )}
        <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 1 }}>
          ↑ ↓ choose · Enter opens the customer
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button disabled={!rows?.length} onClick={() => rows && downloadText(`agentdesk-${figure}.csv`, drillCsv(rows))}>
          Export CSV
        </Button>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
