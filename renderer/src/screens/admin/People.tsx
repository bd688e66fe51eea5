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
import { FormattedMessage, defineMessages, useIntl } from 'react-intl';
import type { OneTimePasswordResponse } from '@core/account-api';
import { ROLES, type Role, type Team, type User } from '@core/domain/model';
import type { ZodError } from 'zod';
import { fieldProblems } from '@core/domain/problems';
import { mutationArgs } from '@core/sync/mutations';
import { SettingsCard } from '../../components/SettingsCard';
import { messageOf, splitList } from '../../components/forms';
import { setOneTimePassword } from '../../data/admin';
import { useLive } from '../../data/hooks';
import { run } from '../../data/local';
import { KeyField } from '../../shell/RevealedKeyDialog';
import { useAppState } from '../../state/app';
import { useProblemText, useRefusalByField } from '../../lib/i18n/said';

const ROLE_MESSAGES = defineMessages({
  agent: { id: 'admin.role.agent', defaultMessage: 'Agent' },
  supervisor: { id: 'admin.role.supervisor', defaultMessage: 'Supervisor' },
  admin: { id: 'admin.role.admin', defaultMessage: 'Administrator' },
}) satisfies Record<Role, unknown>;
/** No teams: a dash reads the same in every language. */
const NONE = '—';
// Reads this computer's zone (a default for a new person), formats nothing.
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
  const intl = useIntl();
  const notify = useAppState((state) => state.notify);
  const adding = person === 'new';
  const [draft, setDraft] = useState<Draft>(() =>
    adding
      ? { name: '', username: '', role: 'agent', teamIds: [], skills: '', timeZone: localZone() }
      : { name: person.name, username: person.username, role: person.role, teamIds: person.teamIds, skills: person.skills.join(', '), timeZone: person.timeZone },
  );
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const refusalByField = useRefusalByField();
  const problemText = useProblemText();
  /** The first problem of each field of a failed parse, in the agent's language. */
  const problemsIn = (parseError: ZodError) => {
    const byField: Record<string, string> = {};
    for (const problem of fieldProblems(parseError)) byField[problem.field.split('.')[0] ?? ''] ??= problemText(problem);
    return byField;
  };
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
        if (!parsed.success) return setProblems(problemsIn(parsed.error));
        setProblems({});
        await run('user.create', parsed.data);
      } else {
        const parsed = mutationArgs['user.update'].safeParse({ userId: person.id, ...common });
        if (!parsed.success) return setProblems(problemsIn(parsed.error));
        setProblems({});
        await run('user.update', parsed.data);
      }
      const name = draft.name.trim();
      notify(
        adding
          ? intl.formatMessage({ id: 'admin.person.added', defaultMessage: '{name} was added. Set a one-time password so they can sign in.' }, { name })
          : intl.formatMessage({ id: 'admin.person.changed', defaultMessage: '{name} was changed.' }, { name }),
      );
      onClose();
    } catch (e) {
      // The refusal names its field (a user name that is taken goes under User name); the rest is the form's own message.
      const { fields, message } = refusalByField(e);
      setProblems(fields);
      setError(message);
    }
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby="person-dialog-title" maxWidth="sm" fullWidth>
      <Box component="form" noValidate onSubmit={(event: FormEvent) => void submit(event)}>
        <DialogTitle id="person-dialog-title">
          {adding ? (
            <FormattedMessage id="admin.person.addTitle" defaultMessage="Add a person" />
          ) : (
            <FormattedMessage id="admin.person.editTitle" defaultMessage="Edit {name}" values={{ name: person.name }} />
          )}
        </DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {error && (
              <Alert severity="error" role="alert">
                {error}
              </Alert>
            )}
            <TextField
              label={intl.formatMessage({ id: 'admin.person.name', defaultMessage: 'Name' })}
              value={draft.name} onChange={(e) => change('name', e.target.value)} error={Boolean(problems.name)} helperText={problems.name} autoFocus required fullWidth />
            <TextField
              label={intl.formatMessage({ id: 'admin.person.username', defaultMessage: 'User name' })}
              value={draft.username}
              onChange={(e) => change('username', e.target.value)}
              error={Boolean(problems.username)}
              helperText={
                problems.username ??
                (adding
                  ? intl.formatMessage({ id: 'admin.person.usernameHelp', defaultMessage: 'What they sign in with: lowercase letters, digits, . _ or -' })
                  : intl.formatMessage({ id: 'admin.person.usernameFixed', defaultMessage: 'A user name does not change.' }))
              }
              disabled={!adding}
              required
              fullWidth
            />
            <TextField
              select
              label={intl.formatMessage({ id: 'admin.person.role', defaultMessage: 'Role' })}
              value={draft.role} onChange={(e) => change('role', e.target.value as Role)} error={Boolean(problems.role)} helperText={problems.role} fullWidth>
              {ROLES.map((role) => (
                <MenuItem key={role} value={role}>
                  {intl.formatMessage(ROLE_MESSAGES[role])}
                </MenuItem>
              ))}
            </TextField>
            <FormControl component="fieldset" error={Boolean(problems.teamIds)}>
              <FormLabel component="legend">
                <FormattedMessage id="admin.person.teams" defaultMessage="Teams" />
              </FormLabel>
              {teams.length === 0 && (
                <Typography variant="body2">
                  <FormattedMessage id="admin.person.noTeams" defaultMessage="No teams yet: add one under Teams & queues." />
                </Typography>
              )}
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
            <TextField
              label={intl.formatMessage({ id: 'admin.person.skills', defaultMessage: 'Skills' })}
              value={draft.skills}
              onChange={(e) => change('skills', e.target.value)}
              error={Boolean(problems.skills)}
              helperText={problems.skills ?? intl.formatMessage({ id: 'admin.person.skillsHelp', defaultMessage: 'Separated by commas, e.g. billing, french' })}
              fullWidth
            />
            <TextField
              label={intl.formatMessage({ id: 'admin.person.timeZone', defaultMessage: 'Time zone' })}
              value={draft.timeZone}
              onChange={(e) => change('timeZone', e.target.value)}
              error={Boolean(problems.timeZone)}
              helperText={problems.timeZone ?? intl.formatMessage({ id: 'admin.person.timeZoneHelp', defaultMessage: 'e.g. Europe/London' })}
              fullWidth
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>
            <FormattedMessage id="admin.person.cancel" defaultMessage="Cancel" />
          </Button>
          <Button type="submit" variant="contained">
            {adding ? <FormattedMessage id="admin.person.add" defaultMessage="Add" /> : <FormattedMessage id="admin.person.save" defaultMessage="Save" />}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}

export function People({ me }: { me: User }) {
  const intl = useIntl();
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
      () =>
        notify(
          person.disabled
            ? intl.formatMessage({ id: 'admin.people.enabled', defaultMessage: '{name} can sign in again.' }, { name: person.name })
            : intl.formatMessage({ id: 'admin.people.disabled', defaultMessage: '{name} was disabled: signed out and offered nothing.' }, { name: person.name }),
        ),
      (e: unknown) => setError(messageOf(e)),
    );
  };
  const oneTime = (person: User) => {
    setError(null);
    setWaiting(intl.formatMessage({ id: 'admin.people.settingPassword', defaultMessage: 'Setting a one-time password for {name}…' }, { name: person.name }));
    // The hub does not know someone just added until their change has synced: say so while it waits.
    setOneTimePassword(person.id, () => setWaiting(intl.formatMessage({ id: 'admin.people.waitingForHub', defaultMessage: 'Waiting for this person to reach the hub…' }))).then(
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
    <SettingsCard title={intl.formatMessage({ id: 'admin.people.title', defaultMessage: 'People' })} id="admin-people">
      <Stack direction="row" sx={{ mb: 2, alignItems: 'center', justifyContent: 'space-between', gap: 2 }}>
        <Typography variant="body2" color="text.secondary">
          <FormattedMessage
            id="admin.people.intro"
            defaultMessage="Who signs in, their role and teams. Someone disabled cannot sign in, is signed out at once and is offered nothing."
          />
        </Typography>
        <Button variant="contained" onClick={() => setEditing('new')} sx={{ flexShrink: 0 }}>
          <FormattedMessage id="admin.people.add" defaultMessage="Add a person" />
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
      <Table size="small" aria-label={intl.formatMessage({ id: 'admin.people.title', defaultMessage: 'People' })}>
        <TableHead>
          <TableRow>
            <TableCell>
              <FormattedMessage id="admin.people.name" defaultMessage="Name" />
            </TableCell>
            <TableCell>
              <FormattedMessage id="admin.people.username" defaultMessage="User name" />
            </TableCell>
            <TableCell>
              <FormattedMessage id="admin.people.role" defaultMessage="Role" />
            </TableCell>
            <TableCell>
              <FormattedMessage id="admin.people.teams" defaultMessage="Teams" />
            </TableCell>
            <TableCell>
              <FormattedMessage id="admin.people.status" defaultMessage="Status" />
            </TableCell>
            <TableCell align="right">
              <FormattedMessage id="admin.people.actions" defaultMessage="Actions" />
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {sorted.map((person) => (
            <TableRow key={person.id} data-testid="person-row" sx={person.disabled ? { '& td': { color: 'text.secondary' } } : undefined}>
              <TableCell>{person.name}</TableCell>
              <TableCell>{person.username}</TableCell>
              <TableCell>{intl.formatMessage(ROLE_MESSAGES[person.role])}</TableCell>
              <TableCell>{person.teamIds.map((id) => teamNames.get(id) ?? id).join(', ') || NONE}</TableCell>
              <TableCell>
                {person.disabled ? <FormattedMessage id="admin.people.statusDisabled" defaultMessage="Disabled" /> : <FormattedMessage id="admin.people.statusActive" defaultMessage="Active" />}
              </TableCell>
              {/* On one line where the window is wide enough; the buttons wrap between them where it is not. */}
              <TableCell align="right" sx={{ whiteSpace: { xs: 'normal', lg: 'nowrap' } }}>
                <Button size="small" onClick={() => setEditing(person)} aria-label={intl.formatMessage({ id: 'admin.people.editLabel', defaultMessage: 'Edit {name}' }, { name: person.name })}>
                  <FormattedMessage id="admin.people.edit" defaultMessage="Edit" />
                </Button>
                <Button
                  size="small"
                  onClick={() => oneTime(person)}
                  aria-label={intl.formatMessage({ id: 'admin.people.oneTimeLabel', defaultMessage: 'Set a one-time password for {name}' }, { name: person.name })}
                  disabled={waiting !== null}
                >
                  <FormattedMessage id="admin.people.oneTime" defaultMessage="Set a one-time password" />
                </Button>
                {person.id !== me.id && (
                  <Button
                    size="small"
                    color={person.disabled ? 'primary' : 'error'}
                    onClick={() => toggle(person)}
                    aria-label={
                      person.disabled
                        ? intl.formatMessage({ id: 'admin.people.enableLabel', defaultMessage: 'Enable {name}' }, { name: person.name })
                        : intl.formatMessage({ id: 'admin.people.disableLabel', defaultMessage: 'Disable {name}' }, { name: person.name })
                    }
                  >
                    {person.disabled ? <FormattedMessage id="admin.people.enable" defaultMessage="Enable" /> : <FormattedMessage id="admin.people.disable" defaultMessage="Disable" />}
                  </Button>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {editing && <PersonDialog person={editing} teams={teams} onClose={() => setEditing(null)} />}
      <Dialog open={revealed !== null} onClose={() => setRevealed(null)} aria-labelledby="one-time-title" maxWidth="sm" fullWidth>
        <DialogTitle id="one-time-title">
          <FormattedMessage id="admin.oneTime.title" defaultMessage="One-time password for {name}" values={{ name: revealed?.name ?? '' }} />
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            <FormattedMessage
              id="admin.oneTime.body"
              defaultMessage="Give it to {name} (user name “{username}”) in person or by phone: it is shown only this once. They choose their own when they sign in{signedOut, plural, =0 {} one {; their session was signed out} other {; their # sessions were signed out}}."
              values={{ name: revealed?.name ?? '', username: revealed?.username ?? '', signedOut: revealed?.signedOut ?? 0 }}
            />
          </DialogContentText>
          {revealed && <KeyField label={intl.formatMessage({ id: 'admin.oneTime.password', defaultMessage: 'One-time password' })} value={revealed.password} />}
        </DialogContent>
        <DialogActions>
          <Button variant="contained" onClick={() => setRevealed(null)}>
            <FormattedMessage id="admin.oneTime.done" defaultMessage="Done" />
          </Button>
        </DialogActions>
      </Dialog>
    </SettingsCard>
  );
}
