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
import { CHANNEL_LABELS, CHANNELS, type Channel } from '@core/domain/common';
import type { Queue, Team } from '@core/domain/model';
import { mutationArgs } from '@core/sync/mutations';
import { SettingsCard } from '../../components/SettingsCard';
import { messageOf, problemsByField, splitList } from '../../components/forms';
import { useLive } from '../../data/hooks';
import { run } from '../../data/local';
import { useAppState } from '../../state/app';

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
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained">
            Save
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}

function TeamDialog({ team, onClose }: { team: Team | 'new'; onClose: () => void }) {
  const notify = useAppState((state) => state.notify);
  const [name, setName] = useState(team === 'new' ? '' : team.name);
  const [agentsMayMerge, setAgentsMayMerge] = useState(team === 'new' ? false : team.agentsMayMerge);
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    const parsed = mutationArgs['team.save'].safeParse({ id: team === 'new' ? `team_${crypto.randomUUID()}` : team.id, name, agentsMayMerge });
    if (!parsed.success) return setProblem(problemsByField(parsed.error).name ?? 'Enter a name.');
    setProblem(null);
    try {
      await run('team.save', parsed.data);
      notify(team === 'new' ? `The team “${parsed.data.name}” was added.` : `The team is now “${parsed.data.name}”.`);
      onClose();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <DialogForm title={team === 'new' ? 'Add a team' : `Rename ${team.name}`} id="team-dialog-title" onClose={onClose} onSubmit={submit} error={error}>
      <TextField
        label="Team name"
        value={name}
        onChange={(e) => {
          setName(e.target.value);
          setProblem(null);
        }} error={problem !== null} helperText={problem} autoFocus required fullWidth />
      <FormControlLabel
        sx={{ mt: 1 }}
        control={<Checkbox checked={agentsMayMerge} onChange={(event) => setAgentsMayMerge(event.target.checked)} />}
        label="Its agents may merge duplicate customers (supervisors always may; only supervisors undo)"
      />
    </DialogForm>
  );
}

const QUEUE_CHANNELS = CHANNELS.filter((channel) => channel !== 'note');

function QueueDialog({ queue, teams, onClose }: { queue: Queue | 'new'; teams: Team[]; onClose: () => void }) {
  const notify = useAppState((state) => state.notify);
  const adding = queue === 'new';
  const [name, setName] = useState(adding ? '' : queue.name);
  const [teamId, setTeamId] = useState(adding ? (teams[0]?.id ?? '') : queue.teamId);
  const [channels, setChannels] = useState<Channel[]>(adding ? ['email'] : queue.channels);
  const [topics, setTopics] = useState(adding ? '' : queue.topics.join(', '));
  const [slaMinutes, setSlaMinutes] = useState(adding ? '5' : String(Math.round((queue.slaSeconds / 60) * 100) / 100));
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
    if (!slaMinutes.trim() || !Number.isFinite(minutes) || minutes <= 0) return setProblems({ slaSeconds: 'Enter the minutes a contact may wait, e.g. 5.' });
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
      if (found.teamId) found.teamId = 'Choose the team that works this queue.';
      return setProblems(found);
    }
    setProblems({});
    try {
      await run('queue.save', parsed.data);
      notify(adding ? `The queue “${parsed.data.name}” was added.` : `The queue “${parsed.data.name}” was changed.`);
      onClose();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <DialogForm title={adding ? 'Add a queue' : `Edit ${queue.name}`} id="queue-dialog-title" onClose={onClose} onSubmit={submit} error={error}>
      <TextField label="Queue name" value={name} onChange={(e) => edit('name', setName)(e.target.value)} error={Boolean(problems.name)} helperText={problems.name} autoFocus required fullWidth />
      <TextField select label="Team" value={teamId} onChange={(e) => edit('teamId', setTeamId)(e.target.value)} error={Boolean(problems.teamId)} helperText={problems.teamId ?? 'Its members are offered the queue’s contacts.'} required fullWidth>
        {teams.map((team) => (
          <MenuItem key={team.id} value={team.id}>
            {team.name}
          </MenuItem>
        ))}
      </TextField>
      <FormControl component="fieldset" error={Boolean(problems.channels)}>
        <FormLabel component="legend">Channels</FormLabel>
        <FormGroup row>
          {QUEUE_CHANNELS.map((channel) => (
            <FormControlLabel
              key={channel}
              label={CHANNEL_LABELS[channel]}
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
      <TextField label="Topics" value={topics} onChange={(e) => edit('topics', setTopics)(e.target.value)} error={Boolean(problems.topics)} helperText={problems.topics ?? 'Separated by commas, e.g. billing, refunds; none takes any topic'} fullWidth />
      <TextField
        label="SLA (minutes)"
        value={slaMinutes}
        onChange={(e) => edit('slaSeconds', setSlaMinutes)(e.target.value)}
        error={Boolean(problems.slaSeconds)}
        helperText={problems.slaSeconds ?? 'How long a contact may wait before the SLA is missed.'}
        slotProps={{ htmlInput: { inputMode: 'decimal' } }}
        required
        fullWidth
      />
      <TextField label="Skills needed" value={skills} onChange={(e) => edit('skills', setSkills)(e.target.value)} error={Boolean(problems.skills)} helperText={problems.skills ?? 'Separated by commas; agents need every one to be offered its contacts'} fullWidth />
    </DialogForm>
  );
}

const slaText = (seconds: number) => (seconds % 60 === 0 ? `${seconds / 60} min` : `${Math.round(seconds / 6) / 10} min`);

export function TeamsAndQueues() {
  const teams = byName(useLive((db) => db.teams.toArray(), [], []));
  const queues = byName(useLive((db) => db.queues.toArray(), [], []));
  const people = useLive((db) => db.users.toArray(), [], []);
  const teamNames = useMemo(() => new Map(teams.map((team) => [team.id, team.name])), [teams]);
  const [team, setTeam] = useState<Team | 'new' | null>(null);
  const [queue, setQueue] = useState<Queue | 'new' | null>(null);

  return (
    <Stack spacing={2}>
      <SettingsCard title="Teams" id="admin-teams">
        <Stack direction="row" sx={{ mb: 2, alignItems: 'center', justifyContent: 'space-between', gap: 2 }}>
          <Typography variant="body2" color="text.secondary">
            People work the queues of their teams; supervisors oversee their teams.
          </Typography>
          <Button variant="contained" onClick={() => setTeam('new')} sx={{ flexShrink: 0 }}>
            Add a team
          </Button>
        </Stack>
        <Table size="small" aria-label="Teams">
          <TableHead>
            <TableRow>
              <TableCell>Name</TableCell>
              <TableCell>People</TableCell>
              <TableCell>Queues</TableCell>
              <TableCell align="right">Actions</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {teams.map((row) => (
              <TableRow key={row.id} data-testid="team-row">
                <TableCell>{row.name}</TableCell>
                <TableCell>{people.filter((person) => person.teamIds.includes(row.id) && !person.disabled).length}</TableCell>
                <TableCell>{queues.filter((q) => q.teamId === row.id).length}</TableCell>
                <TableCell align="right">
                  <Button size="small" onClick={() => setTeam(row)} aria-label={`Rename the team ${row.name}`}>
                    Rename
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </SettingsCard>
      <SettingsCard title="Queues" id="admin-queues">
        <Stack direction="row" sx={{ mb: 2, alignItems: 'center', justifyContent: 'space-between', gap: 2 }}>
          <Typography variant="body2" color="text.secondary">
            Where contacts wait, by channel and topic, until someone of the queue’s team takes them.
          </Typography>
          <Button variant="contained" onClick={() => setQueue('new')} disabled={teams.length === 0} sx={{ flexShrink: 0 }}>
            Add a queue
          </Button>
        </Stack>
        <Table size="small" aria-label="Queues">
          <TableHead>
            <TableRow>
              <TableCell>Name</TableCell>
              <TableCell>Team</TableCell>
              <TableCell>Channels</TableCell>
              <TableCell>Topics</TableCell>
              <TableCell>SLA</TableCell>
              <TableCell>Skills</TableCell>
              <TableCell align="right">Actions</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {queues.map((row) => (
              <TableRow key={row.id} data-testid="queue-row">
                <TableCell>{row.name}</TableCell>
                <TableCell>{teamNames.get(row.teamId) ?? row.teamId}</TableCell>
                <TableCell>{row.channels.map((channel) => CHANNEL_LABELS[channel]).join(', ')}</TableCell>
                <TableCell>{row.topics.join(', ') || 'Any'}</TableCell>
                <TableCell>{slaText(row.slaSeconds)}</TableCell>
                <TableCell>{row.skills.join(', ') || '—'}</TableCell>
                <TableCell align="right">
                  <Button size="small" onClick={() => setQueue(row)} aria-label={`Edit the queue ${row.name}`}>
                    Edit
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
