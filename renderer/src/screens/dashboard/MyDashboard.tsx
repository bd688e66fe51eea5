/**
 * An agent's own dashboard: what they handled, how long it took, how
 * customers rated it, their follow-ups kept on time and the goodwill they
 * gave, computed on this device from what it holds (the same worker and
 * definitions as the supervisor's dashboard, narrowed to the agent).
 */
import { useEffect, useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { User } from '@core/domain/model';
import type { DrillFigure, MetricsFilters } from '@core/metrics';
import { useLocal } from '../../data/local';
import { useNow } from '../../data/useNow';
import { ScreenHeader } from '../../shell/ScreenHeader';
import { DrillDownDialog } from './DrillDownDialog';
import { dateInput, dec, duration, money, pct, rangeOf, RANGES, type RangeId } from './format';
import { Kpi } from './Kpi';
import { stopDashboardWorker, useDashboard } from './useDashboard';

export function MyDashboard({ me }: { me: User }) {
  const zone = me.timeZone;
  const clock = useNow();
  const now = Math.floor(clock / 60_000) * 60_000;
  const [range, setRange] = useState<Exclude<RangeId, 'custom'>>('7d');
  const [drill, setDrill] = useState<{ figure: DrillFigure; title: string } | null>(null);
  const dbName = useLocal((state) => state.db?.name ?? null);
  useEffect(() => {
    if (!dbName) stopDashboardWorker();
  }, [dbName]);
  const [from, to] = rangeOf(range, now, zone, { from: dateInput(now, zone), to: dateInput(now, zone) });
  const filters: MetricsFilters = useMemo(() => ({ from, to, agentIds: [me.id] }), [from, to, me.id]);
  const { figures, gestures, loading, error } = useDashboard(filters, zone, now);
  const open = (figure: DrillFigure, title: string) => setDrill({ figure, title });

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, pb: 4 }}>
      <ScreenHeader title="Your dashboard" description="Your own figures, from the contacts and follow-ups on this device" />
      {error && <Alert severity="error">Your figures could not be computed: {error}</Alert>}
      <Stack direction="row" spacing={1.5} role="group" aria-label="Filters">
        <TextField select size="small" label="Dates" value={range} onChange={(event) => setRange(event.target.value as Exclude<RangeId, 'custom'>)} sx={{ minWidth: 150 }}>
          {Object.entries(RANGES).map(([id, label]) => (
            <MenuItem key={id} value={id}>
              {label}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      {loading && loading.total > 0 && (
        <Typography variant="caption" color="text.secondary" role="status">
          Reading {loading.loaded.toLocaleString()} of {loading.total.toLocaleString()} records on this device…
        </Typography>
      )}
      {figures && gestures && (
        <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', gap: 1.5 }} data-testid="my-kpis">
          <Kpi testId="kpi-handled" label="Contacts you handled" value={figures.handled.total.toLocaleString()} detail={`${figures.fcr.missed} came back within 7 days`} onDrill={() => open('handled', 'Contacts you handled')} />
          <Kpi testId="kpi-aht" label="Your average handle time" value={duration(figures.handleTime.ahtSeconds)} detail={`After-contact work ${duration(figures.handleTime.acwSeconds)}`} />
          <Kpi testId="kpi-csat" label="Your CSAT" value={dec(figures.csat.average)} detail={`${figures.csat.answered} answers · ${pct(figures.csat.satisfiedShare)} gave 4–5`} onDrill={() => open('csat-low', 'Your contacts rated 1 or 2')} />
          <Kpi
            testId="kpi-follow-ups"
            label="Your follow-ups on time"
            value={`${figures.followUps.onTime}/${figures.followUps.onTime + figures.followUps.late}`}
            detail={`${figures.followUps.late} late · ${figures.followUps.overdue} overdue now`}
            onDrill={() => open('overdue-follow-ups', 'Your follow-ups overdue now')}
          />
          <Kpi testId="kpi-gestures" label="Goodwill you gave" value={String(gestures.given)} detail={gestures.withValue ? `Worth ${money(gestures.value)}` : 'No money given'} />
        </Box>
      )}
      {drill && <DrillDownDialog figure={drill.figure} title={drill.title} filters={filters} now={now} zone={zone} onClose={() => setDrill(null)} />}
    </Box>
  );
}
