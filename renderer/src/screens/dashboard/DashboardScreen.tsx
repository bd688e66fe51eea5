/**
 * The supervisor dashboard: the team's KPIs from this device's own data
 * (computed in a worker from incrementally maintained aggregates), filtered
 * by dates, team, queue, channel and agent, against the targets supervisors
 * set, with a drill-down from every figure to the contacts behind it, CSV
 * exports and a printable view. Offline it says how current it is.
 * Agents see their own figures instead (MyDashboard).
 */
import { useEffect, useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import GlobalStyles from '@mui/material/GlobalStyles';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { LineChart } from '@mui/x-charts/LineChart';
import { BarChart } from '@mui/x-charts/BarChart';
import { FormattedMessage, useIntl } from 'react-intl';
import { CHANNEL_MESSAGES, CHANNELS, type Channel } from '@core/domain/common';
import { targetId, type Target } from '@core/domain/model';
import { METRIC_MESSAGES, METRIC_SHORT_MESSAGES, NONE_KEY, type DashboardFigures, type DrillFigure, type MetricsFilters } from '@core/metrics';
import { useLive, useMe } from '../../data/hooks';
import { useLocal } from '../../data/local';
import { useNow } from '../../data/useNow';
import { useFormat } from '../../lib/i18n';
import { ScreenHeader } from '../../shell/ScreenHeader';
import { AGENT_CSV_HEADER, downloadText, toCsv } from './csv';
import { DrillDownDialog } from './DrillDownDialog';
import { ALL, dateInput, rangeOf, RANGE_IDS, RANGE_MESSAGES, useFigureFormat, verdict, type RangeId } from './format';
import { GesturesByAgent } from './GesturesByAgent';
import { Kpi } from './Kpi';
import { MyDashboard } from './MyDashboard';
import { TargetsDialog } from './TargetsDialog';
import { stopDashboardWorker, useDashboard } from './useDashboard';

export function DashboardScreen() {
  const me = useMe();
  const supervisor = me?.role === 'supervisor' || me?.role === 'admin';
  // Agents see their own figures; supervisors the team's.
  if (me && !supervisor) return <MyDashboard me={me} />;
  return me ? <Dashboard me={me} /> : null;
}

function Dashboard({ me }: { me: NonNullable<ReturnType<typeof useMe>> }) {
  const intl = useIntl();
  const format = useFormat();
  const figure = useFigureFormat();
  const zone = me.timeZone;
  const clock = useNow();
  const now = Math.floor(clock / 60_000) * 60_000;
  const [range, setRange] = useState<RangeId>('30d');
  const [custom, setCustom] = useState(() => ({ from: dateInput(now - 6 * 86_400_000, zone), to: dateInput(now, zone) }));
  const [teamId, setTeamId] = useState<string>(me.teamIds[0] ?? ALL);
  const [queueId, setQueueId] = useState<string>(ALL);
  const [channel, setChannel] = useState<string>(ALL);
  const [agentId, setAgentId] = useState<string>(ALL);
  const [drill, setDrill] = useState<{ figure: DrillFigure; title: string; filters: MetricsFilters } | null>(null);
  const [editingTargets, setEditingTargets] = useState(false);
  const teams = useLive((db) => db.teams.toArray(), [], []);
  const queues = useLive((db) => db.queues.toArray(), [], []);
  const users = useLive((db) => db.users.toArray(), [], []);
  const targets = useLive((db) => db.targets.toArray(), [], [] as Target[]);
  const sync = useLocal((state) => state.sync);
  const networkOnline = useLocal((state) => state.networkOnline);
  const dbName = useLocal((state) => state.db?.name ?? null);
  useEffect(() => {
    if (!dbName) stopDashboardWorker();
  }, [dbName]);

  const [from, to] = rangeOf(range, now, zone, custom);
  const filters: MetricsFilters = useMemo(
    () => ({
      from,
      to,
      teamIds: teamId === ALL ? [] : [teamId],
      queueIds: queueId === ALL ? [] : [queueId],
      channels: channel === ALL ? [] : [channel],
      agentIds: agentId === ALL ? [] : [agentId],
    }),
    [from, to, teamId, queueId, channel, agentId],
  );
  const { figures, gestures, computeMs, rows, loading, error } = useDashboard(filters, zone, now);
  const teamQueues = queues.filter((queue) => teamId === ALL || queue.teamId === teamId);
  const agents = users.filter((user) => user.role === 'agent' && (teamId === ALL || user.teamIds.includes(teamId))).sort((a, b) => a.name.localeCompare(b.name));
  const nameOf = (id: string) => users.find((user) => user.id === id)?.name ?? (id === NONE_KEY ? intl.formatMessage({ id: 'dashboard.agents.nobody', defaultMessage: 'Nobody' }) : id);
  const queueName = (id: string) => queues.find((queue) => queue.id === id)?.name ?? (id === NONE_KEY ? intl.formatMessage({ id: 'dashboard.queues.none', defaultMessage: 'No queue' }) : id);
  const channelName = (channel: string) => (channel in CHANNEL_MESSAGES ? intl.formatMessage(CHANNEL_MESSAGES[channel as Channel]) : channel);
  const metric = (name: keyof typeof METRIC_MESSAGES) => intl.formatMessage(METRIC_MESSAGES[name]);
  const short = (name: keyof typeof METRIC_SHORT_MESSAGES) => intl.formatMessage(METRIC_SHORT_MESSAGES[name]);
  const targetAtMost = (value: string) => intl.formatMessage({ id: 'dashboard.kpi.targetAtMost', defaultMessage: 'Target ≤ {value}' }, { value });
  const targetAtLeast = (value: string) => intl.formatMessage({ id: 'dashboard.kpi.targetAtLeast', defaultMessage: 'Target ≥ {value}' }, { value });
  const teamTarget = targets.find((target) => target.id === targetId('team', teamId === ALL ? (me.teamIds[0] ?? '') : teamId));
  const queueTarget = queueId === ALL ? undefined : targets.find((target) => target.id === targetId('queue', queueId));
  const slTarget = queueTarget?.serviceLevel ?? teamTarget?.serviceLevel ?? null;
  const offline = !networkOnline || sync.state === 'offline' || sync.state === 'error';
  const open = (drillFigure: DrillFigure, title: string) => setDrill({ figure: drillFigure, title, filters });
  const handledSeries = intl.formatMessage({ id: 'dashboard.chart.handled', defaultMessage: 'Handled' });
  const teamName = teamId === ALL ? null : (teams.find((team) => team.id === teamId)?.name ?? teamId);
  const description = intl.formatMessage(
    {
      id: 'dashboard.description',
      defaultMessage: '{from} – {to} · {team}{computed, select, yes { · {rows, plural, one {# contact} other {# contacts}} on this device} other {}}',
    },
    { from: format.date(from, 'short', zone), to: format.date(to - 1, 'medium', zone), team: teamName ?? intl.formatMessage({ id: 'dashboard.allTeams', defaultMessage: 'all teams' }), computed: computeMs !== null ? 'yes' : 'no', rows },
  );

  // Machine export: fixed English column names and plain numbers, whatever the screen's language (see csv.ts).
  const exportAgents = (data: DashboardFigures) =>
    downloadText(
      `agentdesk-agents-${dateInput(from, zone)}-to-${dateInput(to - 1, zone)}.csv`,
      toCsv(
        AGENT_CSV_HEADER,
        data.agents.map((row) => [nameOf(row.agentId), row.handled, row.ahtSeconds === null ? null : Math.round(row.ahtSeconds), row.acwSeconds === null ? null : Math.round(row.acwSeconds), row.fcr === null ? null : row.fcr.toFixed(3), row.csat === null ? null : row.csat.toFixed(2), row.adherence === null ? null : row.adherence.toFixed(3)]),
      ),
    );

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, pb: 4 }} className="dashboard">
      <GlobalStyles
        styles={{
          '@media print': {
            'header, nav, .no-print': { display: 'none !important' },
            'main, #main': { overflow: 'visible !important', height: 'auto !important' },
            body: { background: '#fff' },
          },
        }}
      />
      <ScreenHeader
        title={intl.formatMessage({ id: 'dashboard.title', defaultMessage: 'Dashboard' })}
        description={description}
        actions={
          <Stack direction="row" spacing={1} className="no-print">
            <Button variant="outlined" onClick={() => setEditingTargets(true)}>
              <FormattedMessage id="dashboard.targetsButton" defaultMessage="Targets" />
            </Button>
            <Button variant="outlined" onClick={() => window.print()}>
              <FormattedMessage id="dashboard.print" defaultMessage="Print / PDF" />
            </Button>
          </Stack>
        }
      />
      {offline && (
        <Alert severity="info" data-testid="as-of">
          {sync.lastSyncedAt ? (
            <FormattedMessage id="dashboard.offlineSince" defaultMessage="Offline: figures as of the last sync, {when}." values={{ when: format.dateTime(sync.lastSyncedAt, { zone, withYear: true }) }} />
          ) : (
            <FormattedMessage id="dashboard.offline" defaultMessage="Offline: figures as of the last sync." />
          )}
        </Alert>
      )}
      {error && (
        <Alert severity="error">
          <FormattedMessage id="dashboard.failed" defaultMessage="The dashboard could not be computed: {error}" values={{ error }} />
        </Alert>
      )}
      <Stack direction="row" spacing={1.5} sx={{ flexWrap: 'wrap', rowGap: 1.5 }} role="group" aria-label={intl.formatMessage({ id: 'dashboard.filters.label', defaultMessage: 'Filters' })} className="no-print">
        <TextField select size="small" label={intl.formatMessage({ id: 'dashboard.filters.dates', defaultMessage: 'Dates' })} value={range} onChange={(event) => setRange(event.target.value as RangeId)} sx={{ minWidth: 150 }}>
          {RANGE_IDS.map((id) => (
            <MenuItem key={id} value={id}>
              {intl.formatMessage(RANGE_MESSAGES[id])}
            </MenuItem>
          ))}
          <MenuItem value="custom">
            <FormattedMessage id="dashboard.range.custom" defaultMessage="Custom…" />
          </MenuItem>
        </TextField>
        {range === 'custom' && (
          <>
            <TextField
              size="small"
              type="date"
              label={intl.formatMessage({ id: 'dashboard.filters.from', defaultMessage: 'From' })}
              value={custom.from}
              onChange={(event) => setCustom({ ...custom, from: event.target.value })}
              slotProps={{ inputLabel: { shrink: true } }}
            />
            <TextField
              size="small"
              type="date"
              label={intl.formatMessage({ id: 'dashboard.filters.to', defaultMessage: 'To' })}
              value={custom.to}
              onChange={(event) => setCustom({ ...custom, to: event.target.value })}
              slotProps={{ inputLabel: { shrink: true } }}
            />
          </>
        )}
        <TextField
          select
          size="small"
          label={intl.formatMessage({ id: 'dashboard.filters.team', defaultMessage: 'Team' })}
          value={teamId}
          onChange={(event) => {
            setTeamId(event.target.value);
            setQueueId(ALL);
            setAgentId(ALL);
          }}
          sx={{ minWidth: 160 }}
        >
          <MenuItem value={ALL}>
            <FormattedMessage id="dashboard.filters.allTeams" defaultMessage="All teams" />
          </MenuItem>
          {teams.map((team) => (
            <MenuItem key={team.id} value={team.id}>
              {team.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField select size="small" label={intl.formatMessage({ id: 'dashboard.filters.queue', defaultMessage: 'Queue' })} value={queueId} onChange={(event) => setQueueId(event.target.value)} sx={{ minWidth: 180 }}>
          <MenuItem value={ALL}>
            <FormattedMessage id="dashboard.filters.allQueues" defaultMessage="All queues" />
          </MenuItem>
          {teamQueues.map((queue) => (
            <MenuItem key={queue.id} value={queue.id}>
              {queue.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField select size="small" label={intl.formatMessage({ id: 'dashboard.filters.channel', defaultMessage: 'Channel' })} value={channel} onChange={(event) => setChannel(event.target.value)} sx={{ minWidth: 140 }}>
          <MenuItem value={ALL}>
            <FormattedMessage id="dashboard.filters.allChannels" defaultMessage="All channels" />
          </MenuItem>
          {CHANNELS.filter((c) => c !== 'note').map((c) => (
            <MenuItem key={c} value={c}>
              {intl.formatMessage(CHANNEL_MESSAGES[c])}
            </MenuItem>
          ))}
        </TextField>
        <TextField select size="small" label={intl.formatMessage({ id: 'dashboard.filters.agent', defaultMessage: 'Agent' })} value={agentId} onChange={(event) => setAgentId(event.target.value)} sx={{ minWidth: 170 }}>
          <MenuItem value={ALL}>
            <FormattedMessage id="dashboard.filters.allAgents" defaultMessage="All agents" />
          </MenuItem>
          {agents.map((agent) => (
            <MenuItem key={agent.id} value={agent.id}>
              {agent.name}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      {loading && loading.total > 0 && (
        <Box role="status" aria-live="polite">
          <Typography variant="caption" color="text.secondary">
            <FormattedMessage
              id="dashboard.loading"
              defaultMessage="Reading {loaded, number} of {total, plural, one {# record} other {# records}} on this device…"
              values={{ loaded: loading.loaded, total: loading.total }}
            />
          </Typography>
          <LinearProgress variant="determinate" value={(100 * loading.loaded) / loading.total} />
        </Box>
      )}
      {figures && (
        <>
          <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(190px, 1fr))', gap: 1.5 }} data-testid="kpis">
            <Kpi
              testId="kpi-handled"
              label={metric('handled')}
              value={figure.count(figures.handled.total)}
              detail={Object.entries(figures.handled.byChannel)
                .map(([c, n]) => intl.formatMessage({ id: 'dashboard.kpi.channelCount', defaultMessage: '{channel} {count, number}' }, { channel: channelName(c), count: n }))
                .join(' · ')}
              onDrill={() => open('handled', metric('handled'))}
            />
            <Kpi
              testId="kpi-aht"
              label={metric('aht')}
              value={figure.duration(figures.handleTime.ahtSeconds)}
              detail={intl.formatMessage(
                { id: 'dashboard.kpi.ahtDetail', defaultMessage: 'ACW {acw} · {notTimed, number} not timed' },
                { acw: figure.duration(figures.handleTime.acwSeconds), notTimed: figures.handleTime.notTimed },
              )}
              target={teamTarget?.ahtSeconds ? targetAtMost(figure.duration(teamTarget.ahtSeconds)) : undefined}
              state={verdict(figures.handleTime.ahtSeconds, teamTarget?.ahtSeconds, false)}
              onDrill={() => open('not-timed', intl.formatMessage({ id: 'dashboard.drill.notTimed', defaultMessage: 'Contacts without a handle time' }))}
            />
            <Kpi
              testId="kpi-fcr"
              label={metric('fcr')}
              value={figure.pct(figures.fcr.rate)}
              detail={intl.formatMessage(
                { id: 'dashboard.kpi.fcrDetail', defaultMessage: '{resolved, number} resolved for good · {missed, number} came back · {pending, number} too recent to tell' },
                { resolved: figures.fcr.resolvedFirstTime, missed: figures.fcr.missed, pending: figures.fcr.pending },
              )}
              target={teamTarget?.fcr != null ? targetAtLeast(figure.pct(teamTarget.fcr)) : undefined}
              state={verdict(figures.fcr.rate, teamTarget?.fcr, true)}
              onDrill={() => open('fcr-missed', intl.formatMessage({ id: 'dashboard.drill.fcrMissed', defaultMessage: 'Contacts that came back within 7 days' }))}
            />
            <Kpi
              testId="kpi-csat"
              label={metric('csat')}
              value={figure.dec(figures.csat.average)}
              detail={intl.formatMessage(
                { id: 'dashboard.kpi.csatDetail', defaultMessage: '{share} gave 4–5 · {low, number} low · {answered, plural, one {# answer} other {# answers}}' },
                { share: figure.pct(figures.csat.satisfiedShare), low: figures.csat.low, answered: figures.csat.answered },
              )}
              target={teamTarget?.csat != null ? targetAtLeast(figure.dec(teamTarget.csat)) : undefined}
              state={verdict(figures.csat.average, teamTarget?.csat, true)}
              onDrill={() => open('csat-low', intl.formatMessage({ id: 'dashboard.drill.csatLow', defaultMessage: 'Contacts rated 1 or 2' }))}
            />
            <Kpi
              testId="kpi-nps"
              label={metric('nps')}
              value={figures.nps.score === null ? '—' : figure.count(Math.round(figures.nps.score))}
              detail={intl.formatMessage(
                { id: 'dashboard.kpi.npsDetail', defaultMessage: '{promoters, plural, one {# promoter} other {# promoters}} · {detractors, plural, one {# detractor} other {# detractors}}' },
                { promoters: figures.nps.promoters, detractors: figures.nps.detractors },
              )}
              onDrill={() => open('nps-detractors', intl.formatMessage({ id: 'dashboard.drill.npsDetractors', defaultMessage: 'Detractors (NPS 0–6)' }))}
            />
            <Kpi
              testId="kpi-sla"
              label={metric('serviceLevel')}
              value={figure.pct(figures.serviceLevel.rate)}
              detail={
                queueTarget?.slaSeconds
                  ? intl.formatMessage(
                      { id: 'dashboard.kpi.slaDetailWithSla', defaultMessage: '{met, number} within SLA · {missed, number} late · SLA {sla}' },
                      { met: figures.serviceLevel.met, missed: figures.serviceLevel.missed, sla: figure.duration(queueTarget.slaSeconds) },
                    )
                  : intl.formatMessage({ id: 'dashboard.kpi.slaDetail', defaultMessage: '{met, number} within SLA · {missed, number} late' }, { met: figures.serviceLevel.met, missed: figures.serviceLevel.missed })
              }
              target={slTarget !== null ? targetAtLeast(figure.pct(slTarget)) : undefined}
              state={verdict(figures.serviceLevel.rate, slTarget, true)}
              onDrill={() => open('sla-missed', intl.formatMessage({ id: 'dashboard.drill.slaMissed', defaultMessage: 'Contacts answered after their SLA' }))}
            />
            <Kpi
              testId="kpi-backlog"
              label={metric('backlog')}
              value={figure.count(figures.backlog.waiting)}
              detail={
                figures.backlog.oldestWaitingMs !== null
                  ? intl.formatMessage({ id: 'dashboard.kpi.oldest', defaultMessage: 'Oldest {duration}' }, { duration: figure.duration(figures.backlog.oldestWaitingMs / 1000) })
                  : intl.formatMessage({ id: 'dashboard.kpi.nothingWaiting', defaultMessage: 'Nothing waiting' })
              }
              onDrill={() => open('backlog', intl.formatMessage({ id: 'dashboard.drill.backlog', defaultMessage: 'Contacts waiting now' }))}
            />
            <Kpi
              testId="kpi-follow-ups"
              label={metric('followUpsOnTime')}
              value={intl.formatMessage({ id: 'dashboard.kpi.followUpsValue', defaultMessage: '{onTime, number}/{due, number}' }, { onTime: figures.followUps.onTime, due: figures.followUps.onTime + figures.followUps.late })}
              detail={intl.formatMessage(
                { id: 'dashboard.kpi.followUpsDetail', defaultMessage: '{late, number} late · {overdue, number} overdue now' },
                { late: figures.followUps.late, overdue: figures.followUps.overdue },
              )}
              onDrill={() => open('overdue-follow-ups', intl.formatMessage({ id: 'dashboard.drill.overdueFollowUps', defaultMessage: 'Follow-ups overdue now' }))}
            />
            <Kpi
              testId="kpi-adherence"
              label={metric('adherence')}
              value={figure.pct(figures.adherence.average)}
              detail={intl.formatMessage({ id: 'dashboard.kpi.adherenceDetail', defaultMessage: '{count, plural, one {# scripted contact} other {# scripted contacts}}' }, { count: figures.adherence.contacts })}
            />
            {gestures && (
              <Kpi
                testId="kpi-gestures"
                label={metric('gestures')}
                value={figure.count(gestures.given)}
                detail={gestures.withValue ? intl.formatMessage({ id: 'dashboard.kpi.worth', defaultMessage: 'Worth {money}' }, { money: figure.money(gestures.value) }) : intl.formatMessage({ id: 'dashboard.kpi.noMoney', defaultMessage: 'No money given' })}
              />
            )}
            <Kpi
              testId="kpi-sentiment"
              label={metric('sentiment')}
              value={figure.sentiment(figures.sentiment.average)}
              detail={intl.formatMessage({ id: 'dashboard.kpi.sentimentDetail', defaultMessage: '{count, plural, one {# message read} other {# messages read}}' }, { count: figures.sentiment.count })}
            />
          </Box>
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 1.5 }}>
            <Paper variant="outlined" sx={{ p: 1.5 }} component="figure" aria-label={intl.formatMessage({ id: 'dashboard.chart.perDayLabel', defaultMessage: 'Contacts handled per day' })} style={{ margin: 0 }}>
              <Typography variant="subtitle2" component="figcaption">
                <FormattedMessage id="dashboard.chart.perDay" defaultMessage="Handled per day" />
              </Typography>
              {figures.handled.byDay.length > 0 ? (
                <LineChart
                  height={220}
                  xAxis={[{ scaleType: 'point', data: figures.handled.byDay.map((d) => d.day), valueFormatter: (day: string) => figure.day(day) }]}
                  yAxis={[{ valueFormatter: (value: number) => figure.count(value) }]}
                  series={[{ data: figures.handled.byDay.map((d) => d.count), label: handledSeries, area: true, valueFormatter: (value) => (value === null ? '' : figure.count(value)) }]}
                />
              ) : (
                <Typography variant="body2" color="text.secondary">
                  <FormattedMessage id="dashboard.chart.nothingHandled" defaultMessage="Nothing handled in these dates." />
                </Typography>
              )}
            </Paper>
            <Paper variant="outlined" sx={{ p: 1.5 }} component="figure" aria-label={intl.formatMessage({ id: 'dashboard.chart.sentimentLabel', defaultMessage: 'Customer sentiment per day' })} style={{ margin: 0 }}>
              <Typography variant="subtitle2" component="figcaption">
                <FormattedMessage id="dashboard.chart.sentiment" defaultMessage="Sentiment trend (−1 to +1)" />
              </Typography>
              {figures.sentiment.byDay.length > 0 ? (
                <LineChart
                  height={220}
                  xAxis={[{ scaleType: 'point', data: figures.sentiment.byDay.map((d) => d.day), valueFormatter: (day: string) => figure.day(day) }]}
                  yAxis={[{ min: -1, max: 1, valueFormatter: (value: number) => figure.sentiment(value) }]}
                  series={[
                    {
                      data: figures.sentiment.byDay.map((d) => Number(d.average.toFixed(3))),
                      label: intl.formatMessage({ id: 'dashboard.chart.averageSentiment', defaultMessage: 'Average sentiment' }),
                      color: '#7b61ff',
                      valueFormatter: (value) => figure.sentiment(value),
                    },
                  ]}
                />
              ) : (
                <Typography variant="body2" color="text.secondary">
                  <FormattedMessage id="dashboard.chart.noMessages" defaultMessage="No customer messages in these dates." />
                </Typography>
              )}
            </Paper>
          </Box>
          <Paper variant="outlined" sx={{ p: 1.5 }} component="figure" aria-label={intl.formatMessage({ id: 'dashboard.chart.perQueueLabel', defaultMessage: 'Contacts handled per queue' })} style={{ margin: 0 }}>
            <Typography variant="subtitle2" component="figcaption">
              <FormattedMessage id="dashboard.chart.perQueue" defaultMessage="Handled per queue" />
            </Typography>
            {Object.keys(figures.handled.byQueue).length > 0 ? (
              <BarChart
                height={200}
                layout="horizontal"
                xAxis={[{ valueFormatter: (value: number) => figure.count(value) }]}
                yAxis={[{ scaleType: 'band', data: Object.keys(figures.handled.byQueue).map(queueName), width: 200 }]}
                series={[{ data: Object.values(figures.handled.byQueue), label: handledSeries, valueFormatter: (value) => (value === null ? '' : figure.count(value)) }]}
              />
            ) : (
              <Typography variant="body2" color="text.secondary">
                <FormattedMessage id="dashboard.chart.nothingHandled" defaultMessage="Nothing handled in these dates." />
              </Typography>
            )}
          </Paper>
          <Paper variant="outlined" component="section" aria-labelledby="agents-title" sx={{ p: 1.5 }}>
            <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
              <Typography variant="h2" id="agents-title" sx={{ flex: 1 }}>
                <FormattedMessage id="dashboard.agents.title" defaultMessage="Agents" />
              </Typography>
              <Button size="small" onClick={() => exportAgents(figures)} className="no-print">
                <FormattedMessage id="dashboard.agents.export" defaultMessage="Export CSV" />
              </Button>
            </Stack>
            <Table size="small" aria-labelledby="agents-title" data-testid="agents-table">
              <TableHead>
                <TableRow>
                  <TableCell>
                    <FormattedMessage id="dashboard.agents.agent" defaultMessage="Agent" />
                  </TableCell>
                  <TableCell align="right">{short('handled')}</TableCell>
                  <TableCell align="right">{short('aht')}</TableCell>
                  <TableCell align="right">{short('acw')}</TableCell>
                  <TableCell align="right">{short('fcr')}</TableCell>
                  <TableCell align="right">{short('csat')}</TableCell>
                  <TableCell align="right">{short('adherence')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {figures.agents.map((row) => (
                  <TableRow key={row.agentId} hover>
                    <TableCell>
                      <Button size="small" onClick={() => setDrill({ figure: 'handled', title: intl.formatMessage({ id: 'dashboard.drill.handledBy', defaultMessage: 'Handled by {name}' }, { name: nameOf(row.agentId) }), filters: { ...filters, agentIds: [row.agentId] } })} sx={{ textTransform: 'none', p: 0, minWidth: 0 }}>
                        {nameOf(row.agentId)}
                      </Button>
                    </TableCell>
                    <TableCell align="right">{figure.count(row.handled)}</TableCell>
                    <TableCell align="right" sx={{ color: verdict(row.ahtSeconds, teamTarget?.ahtSeconds, false) === 'missed' ? 'error.main' : undefined }}>
                      {figure.duration(row.ahtSeconds)}
                    </TableCell>
                    <TableCell align="right">{figure.duration(row.acwSeconds)}</TableCell>
                    <TableCell align="right" sx={{ color: verdict(row.fcr, teamTarget?.fcr, true) === 'missed' ? 'error.main' : undefined }}>
                      {figure.pct(row.fcr)}
                    </TableCell>
                    <TableCell align="right" sx={{ color: verdict(row.csat, teamTarget?.csat, true) === 'missed' ? 'error.main' : undefined }}>
                      {figure.dec(row.csat)}
                    </TableCell>
                    <TableCell align="right">{figure.pct(row.adherence)}</TableCell>
                  </TableRow>
                ))}
                {figures.agents.length === 0 && (
                  <TableRow>
                    <TableCell colSpan={7}>
                      <Typography variant="body2" color="text.secondary">
                        <FormattedMessage id="dashboard.agents.none" defaultMessage="No agent handled contacts in these dates." />
                      </Typography>
                    </TableCell>
                  </TableRow>
                )}
              </TableBody>
            </Table>
          </Paper>
          {gestures && <GesturesByAgent gestures={gestures} nameOf={nameOf} />}
          {computeMs !== null && (
            <Chip size="small" variant="outlined" sx={{ alignSelf: 'flex-start' }} className="no-print" label={
                computeMs < 1
                  ? intl.formatMessage({ id: 'dashboard.computedFast', defaultMessage: 'Computed on this device in <1 ms' })
                  : intl.formatMessage({ id: 'dashboard.computed', defaultMessage: 'Computed on this device in {ms, number} ms' }, { ms: Math.round(computeMs) })
              } />
          )}
        </>
      )}
      {drill && <DrillDownDialog figure={drill.figure} title={drill.title} filters={drill.filters} now={now} zone={zone} onClose={() => setDrill(null)} />}
      {editingTargets && <TargetsDialog me={me} teams={teams} queues={queues} targets={targets} onClose={() => setEditingTargets(false)} />}
    </Box>
  );
}
