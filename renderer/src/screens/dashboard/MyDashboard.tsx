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
import { FormattedMessage, useIntl } from 'react-intl';
import type { User } from '@core/domain/model';
import type { DrillFigure, MetricsFilters } from '@core/metrics';
import { useLocal } from '../../data/local';
import { useNow } from '../../data/useNow';
import { ScreenHeader } from '../../shell/ScreenHeader';
import { DrillDownDialog } from './DrillDownDialog';
import { dateInput, rangeOf, RANGE_IDS, RANGE_MESSAGES, useFigureFormat, type RangeId } from './format';
import { Kpi } from './Kpi';
import { stopDashboardWorker, useDashboard } from './useDashboard';

export function MyDashboard({ me }: { me: User }) {
  const intl = useIntl();
  const figure = useFigureFormat();
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
  const open = (drillFigure: DrillFigure, title: string) => setDrill({ figure: drillFigure, title });
  const handledLabel = intl.formatMessage({ id: 'dashboard.mine.handled', defaultMessage: 'Contacts you handled' });

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, pb: 4 }}>
      <ScreenHeader
        title={intl.formatMessage({ id: 'dashboard.mine.title', defaultMessage: 'Your dashboard' })}
        description={intl.formatMessage({ id: 'dashboard.mine.description', defaultMessage: 'Your own figures, from the contacts and follow-ups on this device' })}
      />
      {error && (
        <Alert severity="error">
          <FormattedMessage id="dashboard.mine.failed" defaultMessage="Your figures could not be computed: {error}" values={{ error }} />
        </Alert>
      )}
      <Stack direction="row" spacing={1.5} role="group" aria-label={intl.formatMessage({ id: 'dashboard.filters.label', defaultMessage: 'Filters' })}>
        <TextField
          select
          size="small"
          label={intl.formatMessage({ id: 'dashboard.filters.dates', defaultMessage: 'Dates' })}
          value={range}
          onChange={(event) => setRange(event.target.value as Exclude<RangeId, 'custom'>)}
          sx={{ minWidth: 150 }}
        >
          {RANGE_IDS.map((id) => (
            <MenuItem key={id} value={id}>
              {intl.formatMessage(RANGE_MESSAGES[id])}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      {loading && loading.total > 0 && (
        <Typography variant="caption" color="text.secondary" role="status">
          <FormattedMessage
            id="dashboard.loading"
            defaultMessage="Reading {loaded, number} of {total, plural, one {# record} other {# records}} on this device…"
            values={{ loaded: loading.loaded, total: loading.total }}
          />
        </Typography>
      )}
      {figures && gestures && (
        <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', gap: 1.5 }} data-testid="my-kpis">
          <Kpi
            testId="kpi-handled"
            label={handledLabel}
            value={figure.count(figures.handled.total)}
            detail={intl.formatMessage({ id: 'dashboard.mine.cameBack', defaultMessage: '{count, plural, one {# came back} other {# came back}} within 7 days' }, { count: figures.fcr.missed })}
            onDrill={() => open('handled', handledLabel)}
          />
          <Kpi
            testId="kpi-aht"
            label={intl.formatMessage({ id: 'dashboard.mine.aht', defaultMessage: 'Your average handle time' })}
            value={figure.duration(figures.handleTime.ahtSeconds)}
            detail={intl.formatMessage({ id: 'dashboard.mine.acw', defaultMessage: 'After-contact work {duration}' }, { duration: figure.duration(figures.handleTime.acwSeconds) })}
          />
          <Kpi
            testId="kpi-csat"
            label={intl.formatMessage({ id: 'dashboard.mine.csat', defaultMessage: 'Your CSAT' })}
            value={figure.dec(figures.csat.average)}
            detail={intl.formatMessage(
              { id: 'dashboard.mine.csatDetail', defaultMessage: '{answered, plural, one {# answer} other {# answers}} · {share} gave 4–5' },
              { answered: figures.csat.answered, share: figure.pct(figures.csat.satisfiedShare) },
            )}
            onDrill={() => open('csat-low', intl.formatMessage({ id: 'dashboard.mine.csatLow', defaultMessage: 'Your contacts rated 1 or 2' }))}
          />
          <Kpi
            testId="kpi-follow-ups"
            label={intl.formatMessage({ id: 'dashboard.mine.followUps', defaultMessage: 'Your follow-ups on time' })}
            value={intl.formatMessage({ id: 'dashboard.kpi.followUpsValue', defaultMessage: '{onTime, number}/{due, number}' }, { onTime: figures.followUps.onTime, due: figures.followUps.onTime + figures.followUps.late })}
            detail={intl.formatMessage(
              { id: 'dashboard.kpi.followUpsDetail', defaultMessage: '{late, number} late · {overdue, number} overdue now' },
              { late: figures.followUps.late, overdue: figures.followUps.overdue },
            )}
            onDrill={() => open('overdue-follow-ups', intl.formatMessage({ id: 'dashboard.mine.overdue', defaultMessage: 'Your follow-ups overdue now' }))}
          />
          <Kpi
            testId="kpi-gestures"
            label={intl.formatMessage({ id: 'dashboard.mine.gestures', defaultMessage: 'Goodwill you gave' })}
            value={figure.count(gestures.given)}
            detail={gestures.withValue ? intl.formatMessage({ id: 'dashboard.kpi.worth', defaultMessage: 'Worth {money}' }, { money: figure.money(gestures.value) }) : intl.formatMessage({ id: 'dashboard.kpi.noMoney', defaultMessage: 'No money given' })}
          />
        </Box>
      )}
      {drill && <DrillDownDialog figure={drill.figure} title={drill.title} filters={filters} now={now} zone={zone} onClose={() => setDrill(null)} />}
    </Box>
  );
}
