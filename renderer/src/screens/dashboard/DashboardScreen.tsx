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
import { CHANNEL_LABELS, CHANNELS } from '@core/domain/common';
import { targetId, type Target } from '@core/domain/model';
import type { DashboardFigures, DrillFigure, MetricsFilters } from '@core/metrics';
import { useLive, useMe } from '../../data/hooks';
import { useLocal } from '../../data/local';
import { useNow } from '../../data/useNow';
import { ScreenHeader } from '../../shell/ScreenHeader';
import { toCsv, downloadText } from './csv';
import { DrillDownDialog } from './DrillDownDialog';
import { ALL, dateInput, dec, duration, money, pct, rangeOf, RANGES, verdict, type RangeId } from './format';
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
  const nameOf = (id: string) => users.find((user) => user.id === id)?.name ?? (id === '(none)' ? 'Nobody' : id);
  const queueName = (id: string) => queues.find((queue) => queue.id === id)?.name ?? (id === '(none)' ? 'No queue' : id);
  const teamTarget = targets.find((target) => target.id === targetId('team', teamId === ALL ? (me.teamIds[0] ?? '') : teamId));
  const queueTarget = queueId === ALL ? undefined : targets.find((target) => target.id === targetId('queue', queueId));
  const slTarget = queueTarget?.serviceLevel ?? teamTarget?.serviceLevel ?? null;
  const offline = !networkOnline || sync.state === 'offline' || sync.state === 'error';
  const open = (figure: DrillFigure, title: string) => setDrill({ figure, title, filters });
  const rangeText = `${new Intl.DateTimeFormat('en-GB', { timeZone: zone, day: 'numeric', month: 'short' }).format(from)} – ${new Intl.DateTimeFormat('en-GB', { timeZone: zone, day: 'numeric', month: 'short', year: 'numeric' }).format(to - 1)}`;

  const exportAgents = (data: DashboardFigures) =>
    downloadText(
      `agentdesk-agents-${dateInput(from, zone)}-to-${dateInput(to - 1, zone)}.csv`,
      toCsv(
        ['Agent', 'Handled', 'AHT (s)', 'ACW (s)', 'FCR', 'CSAT', 'Adherence'],
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
        title="Dashboard"
        description={`${rangeText} · ${teamId === ALL ? 'all teams' : (teams.find((team) => team.id === teamId)?.name ?? teamId)}${computeMs !== null ? ` · ${rows.toLocaleString()} contacts on this device` : ''}`}
        actions={
          <Stack direction="row" spacing={1} className="no-print">
            <Button variant="outlined" onClick={() => setEditingTargets(true)}>
              Targets
            </Button>
            <Button variant="outlined" onClick={() => window.print()}>
              Print / PDF
            </Button>
          </Stack>
        }
      />
      {offline && (
        <Alert severity="info" data-testid="as-of">
          Offline: figures as of the last sync{sync.lastSyncedAt ? `, ${new Intl.DateTimeFormat('en-GB', { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' }).format(sync.lastSyncedAt)}` : ''}.
        </Alert>
      )}
      {error && <Alert severity="error">The dashboard could not be computed: {error}</Alert>}
      <Stack direction="row" spacing={1.5} sx={{ flexWrap: 'wrap', rowGap: 1.5 }} role="group" aria-label="Filters" className="no-print">
        <TextField select size="small" label="Dates" value={range} onChange={(event) => setRange(event.target.value as RangeId)} sx={{ minWidth: 150 }}>
          {Object.entries(RANGES).map(([id, label]) => (
            <MenuItem key={id} value={id}>
              {label}
            </MenuItem>
          ))}
          <MenuItem value="custom">Custom…</MenuItem>
        </TextField>
        {range === 'custom' && (
          <>
            <TextField size="small" type="date" label="From" value={custom.from} onChange={(event) => setCustom({ ...custom, from: event.target.value })} slotProps={{ inputLabel: { shrink: true } }} />
            <TextField size="small" type="date" label="To" value={custom.to} onChange={(event) => setCustom({ ...custom, to: event.target.value })} slotProps={{ inputLabel: { shrink: true } }} />
          </>
        )}
        <TextField
          select
          size="small"
          label="Team"
          value={teamId}
          onChange={(event) => {
            setTeamId(event.target.value);
            setQueueId(ALL);
            setAgentId(ALL);
          }}
          sx={{ minWidth: 160 }}
        >
          <MenuItem value={ALL}>All teams</MenuItem>
          {teams.map((team) => (
            <MenuItem key={team.id} value={team.id}>
              {team.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField select size="small" label="Queue" value={queueId} onChange={(event) => setQueueId(event.target.value)} sx={{ minWidth: 180 }}>
          <MenuItem value={ALL}>All queues</MenuItem>
          {teamQueues.map((queue) => (
            <MenuItem key={queue.id} value={queue.id}>
              {queue.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField select size="small" label="Channel" value={channel} onChange={(event) => setChannel(event.target.value)} sx={{ minWidth: 140 }}>
          <MenuItem value={ALL}>All channels</MenuItem>
          {CHANNELS.filter((c) => c !== 'note').map((c) => (
            <MenuItem key={c} value={c}>
              {CHANNEL_LABELS[c]}
            </MenuItem>
          ))}
        </TextField>
        <TextField select size="small" label="Agent" value={agentId} onChange={(event) => setAgentId(event.target.value)} sx={{ minWidth: 170 }}>
          <MenuItem value={ALL}>All agents</MenuItem>
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
            Reading {loading.loaded.toLocaleString()} of {loading.total.toLocaleString()} records on this device…
          </Typography>
          <LinearProgress variant="determinate" value={(100 * loading.loaded) / loading.total} />
        </Box>
      )}
      {figures && (
        <>
          <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(190px, 1fr))', gap: 1.5 }} data-testid="kpis">
            <Kpi testId="kpi-handled" label="Contacts handled" value={figures.handled.total.toLocaleString()} detail={Object.entries(figures.handled.byChannel).map(([c, n]) => `${CHANNEL_LABELS[c as keyof typeof CHANNEL_LABELS] ?? c} ${n}`).join(' · ')} onDrill={() => open('handled', 'Contacts handled')} />
            <Kpi
              testId="kpi-aht"
              label="Average handle time"
              value={duration(figures.handleTime.ahtSeconds)}
              detail={`ACW ${duration(figures.handleTime.acwSeconds)} · ${figures.handleTime.notTimed} not timed`}
              target={teamTarget?.ahtSeconds ? `Target ≤ ${duration(teamTarget.ahtSeconds)}` : undefined}
              state={verdict(figures.handleTime.ahtSeconds, teamTarget?.ahtSeconds, false)}
              onDrill={() => open('not-timed', 'Contacts without a handle time')}
            />
            <Kpi
              testId="kpi-fcr"
              label="First-contact resolution"
              value={pct(figures.fcr.rate)}
              detail={`${figures.fcr.resolvedFirstTime} resolved for good · ${figures.fcr.missed} came back · ${figures.fcr.pending} too recent to tell`}
              target={teamTarget?.fcr != null ? `Target ≥ ${pct(teamTarget.fcr)}` : undefined}
              state={verdict(figures.fcr.rate, teamTarget?.fcr, true)}
              onDrill={() => open('fcr-missed', 'Contacts that came back within 7 days')}
            />
            <Kpi
              testId="kpi-csat"
              label="CSAT"
              value={dec(figures.csat.average)}
              detail={`${pct(figures.csat.satisfiedShare)} gave 4–5 · ${figures.csat.low} low · ${figures.csat.answered} answers`}
              target={teamTarget?.csat != null ? `Target ≥ ${teamTarget.csat.toFixed(1)}` : undefined}
              state={verdict(figures.csat.average, teamTarget?.csat, true)}
              onDrill={() => open('csat-low', 'Contacts rated 1 or 2')}
            />
            <Kpi testId="kpi-nps" label="NPS" value={figures.nps.score === null ? '—' : String(Math.round(figures.nps.score))} detail={`${figures.nps.promoters} promoters · ${figures.nps.detractors} detractors`} onDrill={() => open('nps-detractors', 'Detractors (NPS 0–6)')} />
            <Kpi
              testId="kpi-sla"
              label="Service level"
              value={pct(figures.serviceLevel.rate)}
              detail={`${figures.serviceLevel.met} within SLA · ${figures.serviceLevel.missed} late${queueTarget?.slaSeconds ? ` · SLA ${duration(queueTarget.slaSeconds)}` : ''}`}
              target={slTarget !== null ? `Target ≥ ${pct(slTarget)}` : undefined}
              state={verdict(figures.serviceLevel.rate, slTarget, true)}
              onDrill={() => open('sla-missed', 'Contacts answered after their SLA')}
            />
            <Kpi testId="kpi-backlog" label="Waiting now" value={String(figures.backlog.waiting)} detail={figures.backlog.oldestWaitingMs !== null ? `Oldest ${duration(figures.backlog.oldestWaitingMs / 1000)}` : 'Nothing waiting'} onDrill={() => open('backlog', 'Contacts waiting now')} />
            <Kpi testId="kpi-follow-ups" label="Follow-ups on time" value={`${figures.followUps.onTime}/${figures.followUps.onTime + figures.followUps.late}`} detail={`${figures.followUps.late} late · ${figures.followUps.overdue} overdue now`} onDrill={() => open('overdue-follow-ups', 'Follow-ups overdue now')} />
            <Kpi testId="kpi-adherence" label="Script adherence" value={pct(figures.adherence.average)} detail={`${figures.adherence.contacts} scripted contacts`} />
 {gestures && <Kpi testId="kpi-gestures" label="Goodwill gestures" value={String(gestures.given)} detail={gestures.withValue ? `Worth ${money(gestures.value)}` : 'No money given'} />}
            <Kpi testId="kpi-sentiment" label="Customer sentiment" value={figures.sentiment.average === null ? '—' : `${figures.sentiment.average >= 0 ? '+' : ''}${figures.sentiment.average.toFixed(2)}`} detail={`${figures.sentiment.count} messages read`} />
          </Box>
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 1.5 }}>
            <Paper variant="outlined" sx={{ p: 1.5 }} component="figure" aria-label="Contacts handled per day" style={{ margin: 0 }}>
              <Typography variant="subtitle2" component="figcaption">
                Handled per day
              </Typography>
              {figures.handled.byDay.length > 0 ? (
                <LineChart height={220} xAxis={[{ scaleType: 'point', data: figures.handled.byDay.map((d) => d.day.slice(5)) }]} series={[{ data: figures.handled.byDay.map((d) => d.count), label: 'Handled', area: true }]} />
              ) : (
                <Typography variant="body2" color="text.secondary">
                  Nothing handled in these dates.
                </Typography>
              )}
            </Paper>
            <Paper variant="outlined" sx={{ p: 1.5 }} component="figure" aria-label="Customer sentiment per day" style={{ margin: 0 }}>
              <Typography variant="subtitle2" component="figcaption">
                Sentiment trend (−1 to +1)
              </Typography>
              {figures.sentiment.byDay.length > 0 ? (
                <LineChart
                  height={220}
                  xAxis={[{ scaleType: 'point', data: figures.sentiment.byDay.map((d) => d.day.slice(5)) }]}
                  yAxis={[{ min: -1, max: 1 }]}
                  series={[{ data: figures.sentiment.byDay.map((d) => Number(d.average.toFixed(3))), label: 'Average sentiment', color: '#7b61ff' }]}
                />
              ) : (
                <Typography variant="body2" color="text.secondary">
                  No customer messages in these dates.
                </Typography>
              )}
            </Paper>
          </Box>
          <Paper variant="outlined" sx={{ p: 1.5 }} component="figure" aria-label="Contacts handled per queue" style={{ margin: 0 }}>
            <Typography variant="subtitle2" component="figcaption">
              Handled per queue
            </Typography>
            {Object.keys(figures.handled.byQueue).length > 0 ? (
              <BarChart
                height={200}
                layout="horizontal"
                yAxis={[{ scaleType: 'band', data: Object.keys(figures.handled.byQueue).map(queueName), width: 140 }]}
                series={[{ data: Object.values(figures.handled.byQueue), label: 'Handled' }]}
              />
            ) : (
              <Typography variant="body2" color="text.secondary">
                Nothing handled in these dates.
              </Typography>
            )}
          </Paper>
          <Paper variant="outlined" component="section" aria-labelledby="agents-title" sx={{ p: 1.5 }}>
            <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
              <Typography variant="h2" id="agents-title" sx={{ flex: 1 }}>
                Agents
              </Typography>
              <Button size="small" onClick={() => exportAgents(figures)} className="no-print">
                Export CSV
              </Button>
            </Stack>
            <Table size="small" aria-labelledby="agents-title" data-testid="agents-table">
              <TableHead>
                <TableRow>
                  <TableCell>Agent</TableCell>
                  <TableCell align="right">Handled</TableCell>
                  <TableCell align="right">AHT</TableCell>
                  <TableCell align="right">ACW</TableCell>
                  <TableCell align="right">FCR</TableCell>
                  <TableCell align="right">CSAT</TableCell>
                  <TableCell align="right">Adherence</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {figures.agents.map((row) => (
                  <TableRow key={row.agentId} hover>
                    <TableCell>
                      <Button size="small" onClick={() => setDrill({ figure: 'handled', title: `Handled by ${nameOf(row.agentId)}`, filters: { ...filters, agentIds: [row.agentId] } })} sx={{ textTransform: 'none', p: 0, minWidth: 0 }}>
                        {nameOf(row.agentId)}
                      </Button>
                    </TableCell>
                    <TableCell align="right">{row.handled}</TableCell>
                    <TableCell align="right" sx={{ color: verdict(row.ahtSeconds, teamTarget?.ahtSeconds, false) === 'missed' ? 'error.main' : undefined }}>
                      {duration(row.ahtSeconds)}
                    </TableCell>
                    <TableCell align="right">{duration(row.acwSeconds)}</TableCell>
                    <TableCell align="right" sx={{ color: verdict(row.fcr, teamTarget?.fcr, true) === 'missed' ? 'error.main' : undefined }}>
                      {pct(row.fcr)}
                    </TableCell>
                    <TableCell align="right" sx={{ color: verdict(row.csat, teamTarget?.csat, true) === 'missed' ? 'error.main' : undefined }}>
                      {dec(row.csat)}
                    </TableCell>
                    <TableCell align="right">{pct(row.adherence)}</TableCell>
                  </TableRow>
                ))}
                {figures.agents.length === 0 && (
                  <TableRow>
                    <TableCell colSpan={7}>
                      <Typography variant="body2" color="text.secondary">
                        No agent handled contacts in these dates.
                      </Typography>
                    </TableCell>
                  </TableRow>
                )}
              </TableBody>
            </Table>
          </Paper>
          {gestures && <GesturesByAgent gestures={gestures} nameOf={nameOf} />}
          {computeMs !== null && (
            <Chip size="small" variant="outlined" sx={{ alignSelf: 'flex-start' }} className="no-print" label={`Computed on this device in ${computeMs < 1 ? '<1' : Math.round(computeMs)} ms`} />
          )}
        </>
      )}
      {drill && <DrillDownDialog figure={drill.figure} title={drill.title} filters={drill.filters} now={now} zone={zone} onClose={() => setDrill(null)} />}
      {editingTargets && <TargetsDialog me={me} teams={teams} queues={queues} targets={targets} onClose={() => setEditingTargets(false)} />}
    </Box>
  );
}
