/**
 * Everyone on the hub: add a person, change them, disable or enable them, and
 * give them a one-time password (online, shown once). Changes to people are
 * synced mutations the hub checks; passwords never sync.
 */
import { useMemo, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
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
import type { OneTimePasswordResponse } from '@core/account-api';
import { ROLES, type Role, type Team, type User } from '@core/domain/model';
import { mutationArgs } from '@core/sync/mutations';
import { SettingsCard } from '../../components/SettingsCard';
import { messageOf, problemsByField, splitList } from '../../components/forms';
import { setOneTimePassword } from '../../data/admin';
import { useLive } from '../../data/hooks';
import { run } from '../../data/local';
import { KeyField } from '../../shell/RevealedKeyDialog';
import { useAppState } from '../../state/app';

const ROLE_LABELS: Record<Role, string> = { agent: 'Agent', supervisor: 'Supervisor', admin: 'Administrator' };
const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

interface Draft {
  name: string;
  username: string;
  role: Role;
  teamIds: string[];
  skills: string;
  timeZone: string;
}

function PersonDialog({ person, teams, onClose }: { person: User | 'new'; teams: Team[]; onClose: () => void }) {
  const notify = useAppState((state) => state.notify);
  const adding = person === 'new';
  const [draft, setDraft] = useState<Draft>(() =>
    adding
      ? { name: '', username: '', role: 'agent', teamIds: [], skills: '', timeZone: localZone() }
      : { name: person.name, username: person.username, role: person.role, teamIds: person.teamIds, skills: person.skills.join(', '), timeZone: person.timeZone },
  );
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const change = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((old) => ({ ...old, [key]: value }));
    // A problem shown under a field goes once the field is changed.
    setProblems((old) => Object.fromEntries(Object.entries(old).filter(([field]) => field !== key)));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const common = { name: draft.name, role: draft.role, teamIds: draft.teamIds, skills: splitList(draft.skills), timeZone: draft.timeZone.trim() };
    try {
      if (adding) {
        const parsed = mutationArgs['user.create'].safeParse({ id: `usr_${crypto.randomUUID()}`, username: draft.username, ...common });
        if (!parsed.success) return setProblems(problemsByField(parsed.error));
        setProblems({});
        await run('user.create', parsed.data);
      } else {
        const parsed = mutationArgs['user.update'].safeParse({ userId: person.id, ...common });
        if (!parsed.success) return setProblems(problemsByField(parsed.error));
        setProblems({});
        await run('user.update', parsed.data);
      }
      notify(adding ? `${draft.name.trim()} was added. Set a one-time password so they can sign in.` : `${draft.name.trim()} was changed.`);
      onClose();
    } catch (e) {
      const text = messageOf(e);
      if (/user name/i.test(text)) setProblems({ username: text });
      else setError(text);
    }
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby="person-dialog-title" maxWidth="sm" fullWidth>
      <Box component="form" noValidate onSubmit={(event: FormEvent) => void submit(event)}>
        <DialogTitle id="person-dialog-title">{adding ? 'Add a person' : `Edit ${person.name}`}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {error && (
              <Alert severity="error" role="alert">
                {error}
              </Alert>
            )}
            <TextField label="Name" value={draft.name} onChange={(e) => change('name', e.target.value)} error={Boolean(problems.name)} helperText={problems.name} autoFocus required fullWidth />
            <TextField
              label="User name"
              value={draft.username}
              onChange={(e) => change('username', e.target.value)}
              error={Boolean(problems.username)}
              helperText={problems.username ?? (adding ? 'What they sign in with: lowercase letters, digits, . _ or -' : 'A user name does not change.')}
              disabled={!adding}
              required
              fullWidth
            />
            <TextField select label="Role" value={draft.role} onChange={(e) => change('role', e.target.value as Role)} error={Boolean(problems.role)} helperText={problems.role} fullWidth>
              {ROLES.map((role) => (
                <MenuItem key={role} value={role}>
                  {ROLE_LABELS[role]}
                </MenuItem>
              ))}
            </TextField>
            <FormControl component="fieldset" error={Boolean(problems.teamIds)}>
              <FormLabel component="legend">Teams</FormLabel>
              {teams.length === 0 && <Typography variant="body2">No teams yet: add one under Teams &amp; queues.</Typography>}
              <FormGroup row>
                {teams.map((team) => (
                  <FormControlLabel
                    key={team.id}
                    label={team.name}
                    control={
                      <Checkbox
                        checked={draft.teamIds.includes(team.id)}
                        onChange={(e) => change('teamIds', e.target.checked ? [...draft.teamIds, team.id] : draft.teamIds.filter((id) => id !== team.id))}
                      />
                    }
                  />
                ))}
              </FormGroup>
              {problems.teamIds && <Typography variant="caption" color="error">{problems.teamIds}</Typography>}
            </FormControl>
            <TextField label="Skills" value={draft.skills} onChange={(e) => change('skills', e.target.value)} error={Boolean(problems.skills)} helperText={problems.skills ?? 'Separated by commas, e.g. billing, french'} fullWidth />
            <TextField label="Time zone" value={draft.timeZone} onChange={(e) => change('timeZone', e.target.value)} error={Boolean(problems.timeZone)} helperText={problems.timeZone ?? 'e.g. Europe/London'} fullWidth />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained">
            {adding ? 'Add' : 'Save'}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}

export function People({ me }: { me: User }) {
  const notify = useAppState((state) => state.notify);
  const people = useLive((db) => db.users.toArray(), [], []);
  const teams = useLive((db) => db.teams.toArray(), [], []);
  const sorted = useMemo(() => [...people].sort((a, b) => a.name.localeCompare(b.name)), [people]);
  const teamNames = useMemo(() => new Map(teams.map((team) => [team.id, team.name])), [teams]);
  const [editing, setEditing] = useState<User | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [waiting, setWaiting] = useState<string | null>(null);
  const [revealed, setRevealed] = useState<(OneTimePasswordResponse & { name: string }) | null>(null);

  const toggle = (person: User) => {
    setError(null);
    run('user.update', { userId: person.id, disabled: !person.disabled }).then(
      () => notify(person.disabled ? `${person.name} can sign in again.` : `${person.name} was disabled: signed out and offered nothing.`),
      (e: unknown) => setError(messageOf(e)),
    );
  };
  const oneTime = (person: User) => {
    setError(null);
    setWaiting(`Setting a one-time password for ${person.name}…`);
    setOneTimePassword(person.id, (text) => setWaiting(text)).then(
      (answer) => {
        setWaiting(null);
        setRevealed({ ...answer, name: person.name });
      },
      (e: unknown) => {
        setWaiting(null);
        setError(messageOf(e));
      },
    );
  };

  return (
    <SettingsCard title="People" id="admin-people">
      <Stack direction="row" sx={{ mb: 2, alignItems: 'center', justifyContent: 'space-between', gap: 2 }}>
        <Typography variant="body2" color="text.secondary">
          Who signs in, their role and teams. Someone disabled cannot sign in, is signed out at once and is offered nothing.
        </Typography>
        <Button variant="contained" onClick={() => setEditing('new')} sx={{ flexShrink: 0 }}>
          Add a person
        </Button>
      </Stack>
      {error && (
        <Alert severity="error" role="alert" sx={{ mb: 2 }} onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      {waiting && (
        <Alert severity="info" role="status" sx={{ mb: 2 }}>
          {waiting}
        </Alert>
      )}
      <Table size="small" aria-label="People">
        <TableHead>
          <TableRow>
            <TableCell>Name</TableCell>
            <TableCell>User name</TableCell>
            <TableCell>Role</TableCell>
            <TableCell>Teams</TableCell>
            <TableCell>Status</TableCell>
            <TableCell align="right">Actions</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {sorted.map((person) => (
            <TableRow key={person.id} data-testid="person-row" sx={person.disabled ? { '& td': { color: 'text.secondary' } } : undefined}>
              <TableCell>{person.name}</TableCell>
              <TableCell>{person.username}</TableCell>
              <TableCell>{ROLE_LABELS[person.role]}</TableCell>
              <TableCell>{person.teamIds.map((id) => teamNames.get(id) ?? id).join(', ') || '—'}</TableCell>
              <TableCell>{person.disabled ? 'Disabled' : 'Active'}</TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                <Button size="small" onClick={() => setEditing(person)} aria-label={`Edit ${person.name}`}>
                  Edit
                </Button>
                <Button size="small" onClick={() => oneTime(person)} aria-label={`Set a one-time password for ${person.name}`} disabled={waiting !== null}>
                  Set a one-time password
                </Button>
                {person.id !== me.id && (
                  <Button size="small" color={person.disabled ? 'primary' : 'error'} onClick={() => toggle(person)} aria-label={`${person.disabled ? 'Enable' : 'Disable'} ${person.name}`}>
                    {person.disabled ? 'Enable' : 'Disable'}
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {editing && <PersonDialog person={editing} teams={teams} onClose={() => setEditing(null)} />}
      <Dialog open={revealed !== null} onClose={() => setRevealed(null)} aria-labelledby="one-time-title" maxWidth="sm" fullWidth>
        <DialogTitle id="one-time-title">One-time password for {revealed?.name}</DialogTitle>
        <DialogContent>
          <DialogContentText>
            Give it to {revealed?.name} (user name “{revealed?.username}”) in person or by phone: it is shown only this once. They choose their own when they sign in
            {revealed && revealed.signedOut > 0 ? `; ${revealed.signedOut === 1 ? 'their session was' : `their ${revealed.signedOut} sessions were`} signed out` : ''}.
          </DialogContentText>
          {revealed && <KeyField label="One-time password" value={revealed.password} />}
        </DialogContent>
        <DialogActions>
          <Button variant="contained" onClick={() => setRevealed(null)}>
            Done
          </Button>
        </DialogActions>
      </Dialog>
    </SettingsCard>
  );
}
