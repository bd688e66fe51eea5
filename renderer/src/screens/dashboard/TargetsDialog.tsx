/** Supervisors set their teams' KPI targets and their queues' SLA and service level. */
import { Fragment, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { FormattedMessage, useIntl } from 'react-intl';
import { targetId, type Queue, type Target, type Team, type User } from '@core/domain/model';
import { run } from '../../data/local';
import { useFormat } from '../../lib/i18n';
import { useAppState } from '../../state/app';

/** A number field's value, or null when empty; NaN when it is not a number (a decimal comma is read as a point). */
const numberOf = (text: string) => (text.trim() === '' ? null : Number(text.replace(',', '.')));

export function TargetsDialog({ me, teams, queues, targets, onClose }: { me: User; teams: readonly Team[]; queues: readonly Queue[]; targets: readonly Target[]; onClose: () => void }) {
  const intl = useIntl();
  const format = useFormat();
  // A field's text in the agent's own decimals ("4,5" in German), no grouping so it reads back as typed.
  const text = (value: number | null | undefined, scale = 1) => (value === null || value === undefined ? '' : format.number(Math.round(value * scale * 100) / 100, { maximumFractionDigits: 2, useGrouping: false }));
  const notNumbers = (name: string) => new Error(intl.formatMessage({ id: 'dashboard.targets.notNumbers', defaultMessage: '{name}: targets are numbers.' }, { name }));
  const mine = teams.filter((team) => me.role === 'admin' || me.teamIds.includes(team.id));
  const myQueues = queues.filter((queue) => mine.some((team) => team.id === queue.teamId));
  const find = (scope: Target['scope'], id: string) => targets.find((target) => target.id === targetId(scope, id));
  const [teamValues, setTeamValues] = useState(() =>
    Object.fromEntries(
      mine.map((team) => {
        const t = find('team', team.id);
        return [team.id, { aht: text(t?.ahtSeconds === null || t?.ahtSeconds === undefined ? null : t.ahtSeconds / 60), csat: text(t?.csat), fcr: text(t?.fcr, 100), sl: text(t?.serviceLevel, 100) }];
      }),
    ),
  );
  const [queueValues, setQueueValues] = useState(() =>
    Object.fromEntries(
      myQueues.map((queue) => {
        const t = find('queue', queue.id);
        return [queue.id, { sla: text(t?.slaSeconds ?? queue.slaSeconds), sl: text(t?.serviceLevel, 100) }];
      }),
    ),
  );
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    setError(null);
    try {
      for (const team of mine) {
        const v = teamValues[team.id]!;
        const aht = numberOf(v.aht);
        const fcr = numberOf(v.fcr);
        const sl = numberOf(v.sl);
        const values = { ahtSeconds: aht === null ? null : Math.round(aht * 60), csat: numberOf(v.csat), fcr: fcr === null ? null : fcr / 100, serviceLevel: sl === null ? null : sl / 100 };
        if (Object.values(values).some((value) => Number.isNaN(value))) throw notNumbers(team.name);
        await run('target.set', { scope: 'team', scopeId: team.id, ...values });
      }
      for (const queue of myQueues) {
        const v = queueValues[queue.id]!;
        const sla = numberOf(v.sla);
        const sl = numberOf(v.sl);
        if (Number.isNaN(sla) || Number.isNaN(sl)) throw notNumbers(queue.name);
        await run('target.set', { scope: 'queue', scopeId: queue.id, slaSeconds: sla === null ? null : Math.round(sla), serviceLevel: sl === null ? null : sl / 100 });
      }
      useAppState.getState().notify(intl.formatMessage({ id: 'dashboard.targets.saved', defaultMessage: 'Targets saved.' }));
      onClose();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="targets-title">
      <Box
        component="form"
        noValidate
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void submit();
        }}
      >
        <DialogTitle id="targets-title">
          <FormattedMessage id="dashboard.targets.title" defaultMessage="Targets" />
        </DialogTitle>
        <DialogContent>
          <Stack spacing={2.5} sx={{ pt: 0.5 }}>
            {error && (
              <Alert severity="error" role="alert">
                {error}
              </Alert>
            )}
            {mine.map((team) => {
              const v = teamValues[team.id]!;
              const set = (patch: Partial<typeof v>) => setTeamValues((current) => ({ ...current, [team.id]: { ...v, ...patch } }));
              return (
                <Box key={team.id} role="group" aria-labelledby={`team-${team.id}`}>
                  <Typography variant="subtitle2" id={`team-${team.id}`} sx={{ mb: 1 }}>
                    <FormattedMessage id="dashboard.targets.team" defaultMessage="{team}: KPI targets (empty for none)" values={{ team: team.name }} />
                  </Typography>
                  {/* As many to a row as their labels allow (German ones are long), never cut. */}
                  <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(230px, 1fr))', gap: 1.5 }}>
                    <TextField size="small" label={intl.formatMessage({ id: 'dashboard.targets.aht', defaultMessage: 'AHT at most (minutes)' })} value={v.aht} onChange={(event) => set({ aht: event.target.value })} inputMode="decimal" />
                    <TextField size="small" label={intl.formatMessage({ id: 'dashboard.targets.csat', defaultMessage: 'CSAT at least (1–5)' })} value={v.csat} onChange={(event) => set({ csat: event.target.value })} inputMode="decimal" />
                    <TextField size="small" label={intl.formatMessage({ id: 'dashboard.targets.fcr', defaultMessage: 'FCR at least (%)' })} value={v.fcr} onChange={(event) => set({ fcr: event.target.value })} inputMode="decimal" />
                    <TextField size="small" label={intl.formatMessage({ id: 'dashboard.targets.serviceLevel', defaultMessage: 'Service level at least (%)' })} value={v.sl} onChange={(event) => set({ sl: event.target.value })} inputMode="decimal" />
                  </Box>
                </Box>
              );
            })}
            <Box role="group" aria-labelledby="queues-targets">
              <Typography variant="subtitle2" id="queues-targets" sx={{ mb: 1 }}>
                <FormattedMessage id="dashboard.targets.queues" defaultMessage="Queues: answer within (seconds), and the share to answer that fast" />
              </Typography>
              {/* One row per queue: its name, then its two fields, named "<queue> SLA (s)" for a screen reader. */}
              <Box sx={{ display: 'grid', gridTemplateColumns: 'minmax(120px, 200px) minmax(0, 1fr) minmax(0, 1fr)', gap: 1.5, alignItems: 'center' }}>
                {myQueues.map((queue) => {
                  const v = queueValues[queue.id]!;
                  const set = (patch: Partial<typeof v>) => setQueueValues((current) => ({ ...current, [queue.id]: { ...v, ...patch } }));
                  const nameId = `queue-target-${queue.id}`;
                  return (
                    <Fragment key={queue.id}>
                      <Typography variant="body2" id={nameId}>
                        {queue.name}
                      </Typography>
                      <TextField
                        size="small"
                        id={`${nameId}-sla`}
                        label={intl.formatMessage({ id: 'dashboard.targets.queueSla', defaultMessage: 'SLA (s)' })}
                        value={v.sla}
                        onChange={(event) => set({ sla: event.target.value })}
                        slotProps={{ htmlInput: { inputMode: 'numeric', 'aria-labelledby': `${nameId} ${nameId}-sla-label` } }}
                      />
                      <TextField
                        size="small"
                        id={`${nameId}-sl`}
                        label={intl.formatMessage({ id: 'dashboard.targets.queueServiceLevel', defaultMessage: 'Service level (%)' })}
                        value={v.sl}
                        onChange={(event) => set({ sl: event.target.value })}
                        slotProps={{ htmlInput: { inputMode: 'decimal', 'aria-labelledby': `${nameId} ${nameId}-sl-label` } }}
                      />
                    </Fragment>
                  );
                })}
              </Box>
            </Box>
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>
            <FormattedMessage id="dashboard.targets.close" defaultMessage="Close" />
          </Button>
          <Button type="submit" variant="contained">
            <FormattedMessage id="dashboard.targets.save" defaultMessage="Save targets" />
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
