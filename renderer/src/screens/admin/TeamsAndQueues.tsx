/** Teams and the queues they work: made and changed by administrators (synced mutations the hub checks). */
import { useMemo, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { FormattedMessage, useIntl } from 'react-intl';
import { CHANNEL_MESSAGES, CHANNELS, type Channel } from '@core/domain/common';
import type { Queue, Team } from '@core/domain/model';
import { mutationArgs } from '@core/sync/mutations';
import { SettingsCard } from '../../components/SettingsCard';
import { messageOf, problemsByField, splitList } from '../../components/forms';
import { useLive } from '../../data/hooks';
import { run } from '../../data/local';
import { useFormat } from '../../lib/i18n';
import { useAppState } from '../../state/app';

/** No skills needed: a dash reads the same in every language. */
const NONE = '—';
const byName = <T extends { name: string }>(rows: T[]) => [...rows].sort((a, b) => a.name.localeCompare(b.name));

function DialogForm({ title, id, onClose, onSubmit, error, children }: { title: string; id: string; onClose: () => void; onSubmit: () => Promise<void>; error: string | null; children: React.ReactNode }) {
  return (
    <Dialog open onClose={onClose} aria-labelledby={id} maxWidth="sm" fullWidth>
      <Box
        component="form"
        noValidate
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          void onSubmit();
        }}
      >
        <DialogTitle id={id}>{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {error && (
              <Alert severity="error" role="alert">
                {error}
              </Alert>
            )}
            {children}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>
            <FormattedMessage id="admin.dialog.cancel" defaultMessage="Cancel" />
          </Button>
          <Button type="submit" variant="contained">
            <FormattedMessage id="admin.dialog.save" defaultMessage="Save" />
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}

function TeamDialog({ team, onClose }: { team: Team | 'new'; onClose: () => void }) {
  const intl = useIntl();
  const notify = useAppState((state) => state.notify);
  const [name, setName] = useState(team === 'new' ? '' : team.name);
  const [agentsMayMerge, setAgentsMayMerge] = useState(team === 'new' ? false : team.agentsMayMerge);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const parsed = mutationArgs['team.save'].safeParse({ id: team === 'new' ? `team_${crypto.randomUUID()}` : team.id, name, agentsMayMerge });
    if (!parsed.success) return setProblem(problemsByField(parsed.error).name ?? intl.formatMessage({ id: 'admin.team.enterName', defaultMessage: 'Enter a name.' }));
    setProblem(null);
    try {
      await run('team.save', parsed.data);
      notify(
        team === 'new'
          ? intl.formatMessage({ id: 'admin.team.added', defaultMessage: 'The team “{name}” was added.' }, { name: parsed.data.name })
          : intl.formatMessage({ id: 'admin.team.renamed', defaultMessage: 'The team is now “{name}”.' }, { name: parsed.data.name }),
      );
      onClose();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <DialogForm
      title={team === 'new' ? intl.formatMessage({ id: 'admin.team.addTitle', defaultMessage: 'Add a team' }) : intl.formatMessage({ id: 'admin.team.renameTitle', defaultMessage: 'Rename {name}' }, { name: team.name })}
      id="team-dialog-title" onClose={onClose} onSubmit={submit} error={error}>
      <TextField
        label={intl.formatMessage({ id: 'admin.team.name', defaultMessage: 'Team name' })}
        value={name}
        onChange={(e) => {
          setName(e.target.value);
          setProblem(null);
        }} error={problem !== null} helperText={problem} autoFocus required fullWidth />
      <FormControlLabel
        sx={{ mt: 1 }}
        control={<Checkbox checked={agentsMayMerge} onChange={(event) => setAgentsMayMerge(event.target.checked)} />}
        label={intl.formatMessage({ id: 'admin.team.agentsMayMerge', defaultMessage: 'Its agents may merge duplicate customers (supervisors always may; only supervisors undo)' })}
      />
    </DialogForm>
  );
}

const QUEUE_CHANNELS = CHANNELS.filter((channel) => channel !== 'note');

function QueueDialog({ queue, teams, onClose }: { queue: Queue | 'new'; teams: Team[]; onClose: () => void }) {
  const intl = useIntl();
  const format = useFormat();
  const notify = useAppState((state) => state.notify);
  const adding = queue === 'new';
  const [name, setName] = useState(adding ? '' : queue.name);
  const [teamId, setTeamId] = useState(adding ? (teams[0]?.id ?? '') : queue.teamId);
  const [channels, setChannels] = useState<Channel[]>(adding ? ['email'] : queue.channels);
  const [topics, setTopics] = useState(adding ? '' : queue.topics.join(', '));
  const [slaMinutes, setSlaMinutes] = useState(() => format.number(adding ? 5 : Math.round((queue.slaSeconds / 60) * 100) / 100, { maximumFractionDigits: 2, useGrouping: false }));
  const [skills, setSkills] = useState(adding ? '' : queue.skills.join(', '));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  /** A setter that also takes away the problem shown under its field. */
  const edit =
    <T,>(field: string, setter: (value: T) => void) =>
    (value: T) => {
      setter(value);
      setProblems((old) => Object.fromEntries(Object.entries(old).filter(([key]) => key !== field)));
    };
  const submit = async () => {
    const minutes = Number(slaMinutes.replace(',', '.'));
    if (!slaMinutes.trim() || !Number.isFinite(minutes) || minutes <= 0) return setProblems({ slaSeconds: intl.formatMessage({ id: 'admin.queue.enterSla', defaultMessage: 'Enter the minutes a contact may wait, e.g. 5.' }) });
    const parsed = mutationArgs['queue.save'].safeParse({
      id: adding ? `q_${crypto.randomUUID()}` : queue.id,
      name,
      teamId,
      channels,
      topics: splitList(topics),
      slaSeconds: Math.round(minutes * 60),
      skills: splitList(skills),
    });
    if (!parsed.success) {
      const found = problemsByField(parsed.error);
      if (found.teamId) found.teamId = intl.formatMessage({ id: 'admin.queue.chooseTeam', defaultMessage: 'Choose the team that works this queue.' });
      return setProblems(found);
    }
    setProblems({});
    try {
      await run('queue.save', parsed.data);
      notify(
        adding
          ? intl.formatMessage({ id: 'admin.queue.added', defaultMessage: 'The queue “{name}” was added.' }, { name: parsed.data.name })
          : intl.formatMessage({ id: 'admin.queue.changed', defaultMessage: 'The queue “{name}” was changed.' }, { name: parsed.data.name }),
      );
      onClose();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <DialogForm
      title={adding ? intl.formatMessage({ id: 'admin.queue.addTitle', defaultMessage: 'Add a queue' }) : intl.formatMessage({ id: 'admin.queue.editTitle', defaultMessage: 'Edit {name}' }, { name: queue.name })}
      id="queue-dialog-title" onClose={onClose} onSubmit={submit} error={error}>
      <TextField
        label={intl.formatMessage({ id: 'admin.queue.name', defaultMessage: 'Queue name' })}
        value={name} onChange={(e) => edit('name', setName)(e.target.value)} error={Boolean(problems.name)} helperText={problems.name} autoFocus required fullWidth />
      <TextField
        select
        label={intl.formatMessage({ id: 'admin.queue.team', defaultMessage: 'Team' })}
        value={teamId}
        onChange={(e) => edit('teamId', setTeamId)(e.target.value)}
        error={Boolean(problems.teamId)}
        helperText={problems.teamId ?? intl.formatMessage({ id: 'admin.queue.teamHelp', defaultMessage: 'Its members are offered the queue’s contacts.' })}
        required
        fullWidth
      >
        {teams.map((team) => (
          <MenuItem key={team.id} value={team.id}>
            {team.name}
          </MenuItem>
        ))}
      </TextField>
      <FormControl component="fieldset" error={Boolean(problems.channels)}>
        <FormLabel component="legend">
          <FormattedMessage id="admin.queue.channels" defaultMessage="Channels" />
        </FormLabel>
        <FormGroup row>
          {QUEUE_CHANNELS.map((channel) => (
            <FormControlLabel
              key={channel}
              label={intl.formatMessage(CHANNEL_MESSAGES[channel])}
              control={<Checkbox checked={channels.includes(channel)} onChange={(e) => edit('channels', setChannels)(e.target.checked ? [...channels, channel] : channels.filter((c) => c !== channel))} />}
            />
          ))}
        </FormGroup>
        {problems.channels && (
          <Typography variant="caption" color="error">
            {problems.channels}
          </Typography>
        )}
      </FormControl>
      <TextField
        label={intl.formatMessage({ id: 'admin.queue.topics', defaultMessage: 'Topics' })}
        value={topics}
        onChange={(e) => edit('topics', setTopics)(e.target.value)}
        error={Boolean(problems.topics)}
        helperText={problems.topics ?? intl.formatMessage({ id: 'admin.queue.topicsHelp', defaultMessage: 'Separated by commas, e.g. billing, refunds; none takes any topic' })}
        fullWidth
      />
      <TextField
        label={intl.formatMessage({ id: 'admin.queue.sla', defaultMessage: 'SLA (minutes)' })}
        value={slaMinutes}
        onChange={(e) => edit('slaSeconds', setSlaMinutes)(e.target.value)}
        error={Boolean(problems.slaSeconds)}
        helperText={problems.slaSeconds ?? intl.formatMessage({ id: 'admin.queue.slaHelp', defaultMessage: 'How long a contact may wait before the SLA is missed.' })}
        slotProps={{ htmlInput: { inputMode: 'decimal' } }}
        required
        fullWidth
      />
      <TextField
        label={intl.formatMessage({ id: 'admin.queue.skills', defaultMessage: 'Skills needed' })}
        value={skills}
        onChange={(e) => edit('skills', setSkills)(e.target.value)}
        error={Boolean(problems.skills)}
        helperText={problems.skills ?? intl.formatMessage({ id: 'admin.queue.skillsHelp', defaultMessage: 'Separated by commas; agents need every one to be offered its contacts' })}
        fullWidth
      />
    </DialogForm>
  );
}

export function TeamsAndQueues() {
  const intl = useIntl();
  const format = useFormat();
  // Minutes, with a tenth when not whole: "5 min", "2.5 min".
  const slaText = (seconds: number) => format.number(seconds % 60 === 0 ? seconds / 60 : Math.round(seconds / 6) / 10, { style: 'unit', unit: 'minute', unitDisplay: 'short' });
  const teams = byName(useLive((db) => db.teams.toArray(), [], []));
  const queues = byName(useLive((db) => db.queues.toArray(), [], []));
  const people = useLive((db) => db.users.toArray(), [], []);
  const teamNames = useMemo(() => new Map(teams.map((team) => [team.id, team.name])), [teams]);
  const [team, setTeam] = useState<Team | 'new' | null>(null);
  const [queue, setQueue] = useState<Queue | 'new' | null>(null);

  return (
    <Stack spacing={2}>
      <SettingsCard title={intl.formatMessage({ id: 'admin.teams.title', defaultMessage: 'Teams' })} id="admin-teams">
        <Stack direction="row" sx={{ mb: 2, alignItems: 'center', justifyContent: 'space-between', gap: 2 }}>
          <Typography variant="body2" color="text.secondary">
            <FormattedMessage id="admin.teams.intro" defaultMessage="People work the queues of their teams; supervisors oversee their teams." />
          </Typography>
          <Button variant="contained" onClick={() => setTeam('new')} sx={{ flexShrink: 0 }}>
            <FormattedMessage id="admin.teams.add" defaultMessage="Add a team" />
          </Button>
        </Stack>
        <Table size="small" aria-label={intl.formatMessage({ id: 'admin.teams.title', defaultMessage: 'Teams' })}>
          <TableHead>
            <TableRow>
              <TableCell>
                <FormattedMessage id="admin.teams.name" defaultMessage="Name" />
              </TableCell>
              <TableCell>
                <FormattedMessage id="admin.teams.people" defaultMessage="People" />
              </TableCell>
              <TableCell>
                <FormattedMessage id="admin.teams.queues" defaultMessage="Queues" />
              </TableCell>
              <TableCell align="right">
                <FormattedMessage id="admin.teams.actions" defaultMessage="Actions" />
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {teams.map((row) => (
              <TableRow key={row.id} data-testid="team-row">
                <TableCell>{row.name}</TableCell>
                <TableCell>{format.number(people.filter((person) => person.teamIds.includes(row.id) && !person.disabled).length)}</TableCell>
                <TableCell>{format.number(queues.filter((q) => q.teamId === row.id).length)}</TableCell>
                <TableCell align="right">
                  <Button size="small" onClick={() => setTeam(row)} aria-label={intl.formatMessage({ id: 'admin.teams.renameLabel', defaultMessage: 'Rename the team {name}' }, { name: row.name })}>
                    <FormattedMessage id="admin.teams.rename" defaultMessage="Rename" />
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </SettingsCard>
      <SettingsCard title={intl.formatMessage({ id: 'admin.queues.title', defaultMessage: 'Queues' })} id="admin-queues">
        <Stack direction="row" sx={{ mb: 2, alignItems: 'center', justifyContent: 'space-between', gap: 2 }}>
          <Typography variant="body2" color="text.secondary">
            <FormattedMessage id="admin.queues.intro" defaultMessage="Where contacts wait, by channel and topic, until someone of the queue’s team takes them." />
          </Typography>
          <Button variant="contained" onClick={() => setQueue('new')} disabled={teams.length === 0} sx={{ flexShrink: 0 }}>
            <FormattedMessage id="admin.queues.add" defaultMessage="Add a queue" />
          </Button>
        </Stack>
        <Table size="small" aria-label={intl.formatMessage({ id: 'admin.queues.title', defaultMessage: 'Queues' })}>
          <TableHead>
            <TableRow>
              <TableCell>
                <FormattedMessage id="admin.queues.name" defaultMessage="Name" />
              </TableCell>
              <TableCell>
                <FormattedMessage id="admin.queues.team" defaultMessage="Team" />
              </TableCell>
              <TableCell>
                <FormattedMessage id="admin.queues.channels" defaultMessage="Channels" />
              </TableCell>
              <TableCell>
                <FormattedMessage id="admin.queues.topics" defaultMessage="Topics" />
              </TableCell>
              <TableCell>
                <FormattedMessage id="admin.queues.sla" defaultMessage="SLA" />
              </TableCell>
              <TableCell>
                <FormattedMessage id="admin.queues.skills" defaultMessage="Skills" />
              </TableCell>
              <TableCell align="right">
                <FormattedMessage id="admin.queues.actions" defaultMessage="Actions" />
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {queues.map((row) => (
              <TableRow key={row.id} data-testid="queue-row">
                <TableCell>{row.name}</TableCell>
                <TableCell>{teamNames.get(row.teamId) ?? row.teamId}</TableCell>
                <TableCell>{row.channels.map((channel) => intl.formatMessage(CHANNEL_MESSAGES[channel])).join(', ')}</TableCell>
                <TableCell>{row.topics.join(', ') || intl.formatMessage({ id: 'admin.queues.anyTopic', defaultMessage: 'Any' })}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{slaText(row.slaSeconds)}</TableCell>
                <TableCell>{row.skills.join(', ') || NONE}</TableCell>
                <TableCell align="right">
                  <Button size="small" onClick={() => setQueue(row)} aria-label={intl.formatMessage({ id: 'admin.queues.editLabel', defaultMessage: 'Edit the queue {name}' }, { name: row.name })}>
                    <FormattedMessage id="admin.queues.edit" defaultMessage="Edit" />
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </SettingsCard>
      {team && <TeamDialog team={team} onClose={() => setTeam(null)} />}
      {queue && <QueueDialog queue={queue} teams={teams} onClose={() => setQueue(null)} />}
    </Stack>
  );
}
