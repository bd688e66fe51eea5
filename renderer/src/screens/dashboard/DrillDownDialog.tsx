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
import { FormattedMessage, defineMessages, useIntl, type IntlShape } from 'react-intl';
import { customerName, FOLLOW_UP_KIND_MESSAGES, FOLLOW_UP_OUTCOME_MESSAGES } from '@core/domain/model';
import type { DrillFigure, MetricsFilters } from '@core/metrics';
import { ChannelIcon } from '../../components/ChannelIcon';
import { VirtualList } from '../../components/VirtualList';
import { useDb } from '../../data/hooks';
import { useFormat } from '../../lib/i18n';
import { navigate } from '../../state/router';
import { downloadText, drillCsv, type DrillRow } from './csv';
import { drillDownIds } from './useDashboard';

const FOLLOW_UP_FIGURES: readonly DrillFigure[] = ['on-time-follow-ups', 'late-follow-ups', 'overdue-follow-ups'];

const DRILL_MESSAGES = defineMessages({
  resolved: { id: 'dashboard.drill.resolved', defaultMessage: 'Resolved' },
  unresolved: { id: 'dashboard.drill.unresolved', defaultMessage: 'Unresolved' },
  scheduled: { id: 'dashboard.drill.followUpScheduled', defaultMessage: 'Scheduled' },
  done: { id: 'dashboard.drill.followUpDone', defaultMessage: 'Done' },
  cancelled: { id: 'dashboard.drill.followUpCancelled', defaultMessage: 'Cancelled' },
});

function subjectText(intl: IntlShape, row: DrillRow): string {
  return row.followUpKind ? intl.formatMessage({ id: 'dashboard.drill.followUpSubject', defaultMessage: '{kind}: {reason}' }, { kind: intl.formatMessage(FOLLOW_UP_KIND_MESSAGES[row.followUpKind]), reason: row.subject }) : row.subject;
}

/** Queue, disposition (or follow-up state) and resolution (or outcome), as the list's second line says them. */
function detailsText(intl: IntlShape, row: DrillRow): string {
  const state = row.followUpState ? intl.formatMessage(DRILL_MESSAGES[row.followUpState]) : row.disposition;
  const resolution = row.resolution === null ? '' : row.resolution === 'resolved' || row.resolution === 'unresolved' ? intl.formatMessage(DRILL_MESSAGES[row.resolution]) : intl.formatMessage(FOLLOW_UP_OUTCOME_MESSAGES[row.resolution]);
  return [row.queue, state, resolution].filter(Boolean).join(' · ');
}

export function DrillDownDialog({ figure, title, filters, now, zone, onClose }: { figure: DrillFigure; title: string; filters: MetricsFilters; now: number; zone: string; onClose: () => void }) {
  const db = useDb();
  const [rows, setRows] = useState<DrillRow[] | null>(null);
  const followUps = FOLLOW_UP_FIGURES.includes(figure);
  const intl = useIntl();
  const format = useFormat();

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
          channel: row.channel,
          followUpKind: row.kind,
          subject: row.reason,
          agent: userName.get(row.ownerId) ?? row.ownerId,
          queue: '',
          disposition: '',
          followUpState: row.state,
          resolution: row.outcome ?? null,
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
            channel: row.channel,
            followUpKind: null,
            subject: row.subject,
            agent: agentId ? (userName.get(agentId) ?? agentId) : '',
            queue: queueId ? (queueName.get(queueId) ?? queueId) : '',
            disposition: row.disposition ?? '',
            followUpState: null,
            resolution: row.resolution ?? null,
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
        {rows ? intl.formatMessage({ id: 'dashboard.drill.titleWithCount', defaultMessage: '{title} · {count, number}' }, { title, count: rows.length }) : title}
      </DialogTitle>
      <DialogContent>
        {rows === null ? (
          <LinearProgress aria-label={intl.formatMessage({ id: 'dashboard.drill.finding', defaultMessage: 'Finding them' })} />
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
                  <Typography variant="caption">{format.dateTime(row.at, { zone })}</Typography>
                  <Box aria-hidden sx={{ color: 'text.secondary' }}>
                    <ChannelIcon channel={row.channel} />
                  </Box>
                  <Box sx={{ minWidth: 0 }}>
                    <Typography variant="body2" noWrap>
                      <FormattedMessage id="dashboard.drill.customerSubject" defaultMessage="<strong>{customer}</strong> · {subject}" values={{ customer: row.customer, subject: subjectText(intl, row), strong: (chunks) => <strong>{chunks}</strong> }} />
                    </Typography>
                    <Typography variant="caption" color="text.secondary" noWrap component="div">
                      {detailsText(intl, row)}
                    </Typography>
                  </Box>
                  <Typography variant="caption" noWrap>
                    {row.agent}
                  </Typography>
                  <Typography variant="caption">{row.csat !== null ? intl.formatMessage({ id: 'dashboard.drill.csat', defaultMessage: 'CSAT {score}' }, { score: row.csat }) : row.nps !== null ? intl.formatMessage({ id: 'dashboard.drill.nps', defaultMessage: 'NPS {score}' }, { score: row.nps }) : ''}</Typography>
                </Box>
              );
            }}
            empty={
              <Typography variant="body2" color="text.secondary">
                <FormattedMessage id="dashboard.drill.none" defaultMessage="None in these dates and filters." />
              </Typography>
            }
          />
        )}
        <Typography variant="caption" color="text.secondary" component="div" sx={{ mt: 1 }}>
          <FormattedMessage id="dashboard.drill.keys" defaultMessage="↑ ↓ choose · Enter opens the customer" />
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button disabled={!rows?.length} onClick={() => rows && downloadText(`agentdesk-${figure}.csv`, drillCsv(rows))}>
          <FormattedMessage id="dashboard.drill.export" defaultMessage="Export CSV" />
        </Button>
        <Button onClick={onClose}>
          <FormattedMessage id="dashboard.drill.close" defaultMessage="Close" />
        </Button>
      </DialogActions>
    </Dialog>
  );
}
