import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import { CHANNEL_LABELS, PhoneSchema, REACHABLE_CHANNELS } from '@core/domain/common';
import { customerName, TIERS, type Customer, type Tier } from '@core/domain/model';
import type { LocalRow } from '@core/db/schema';
import { problemSentence } from '@core/domain/problems';
import { refusalByField } from '../../components/forms';
import { useLive } from '../../data/hooks';
import { CustomerFollowUps } from '../follow-ups/CustomerFollowUps';
import { run, useLocal } from '../../data/local';
import { useNow } from '../../data/useNow';
import { RegionLabel, RegionName, RegionPicker } from './RegionField';

const DAY = 86_400_000;
const TIER_LABELS: Record<Tier, string> = { standard: 'Standard', gold: 'Gold', vip: 'VIP' };

function Field({ label, children }: { label: React.ReactNode; children: React.ReactNode }) {
  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: '120px 1fr', gap: 1, py: 0.5, alignItems: 'baseline' }}>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Box sx={{ typography: 'body2', minWidth: 0, overflowWrap: 'anywhere' }}>{children}</Box>
    </Box>
  );
}

/** Edits the customer's phone numbers; the change is kept locally and synced. */
function PhonesDialog({ customer, onClose }: { customer: Customer; onClose: () => void }) {
  const [phones, setPhones] = useState<string[]>(customer.phones.length ? customer.phones : ['']);
  const [errors, setErrors] = useState<(string | null)[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const save = (event: FormEvent) => {
    event.preventDefault();
    const kept = phones.map((phone) => phone.trim()).filter(Boolean);
    const checks = phones.map((phone) => {
      const issue = phone.trim() ? PhoneSchema.safeParse(phone).error?.issues[0] : undefined;
      return issue ? problemSentence(issue) : null;
    });
    setErrors(checks);
    if (checks.some(Boolean)) return;
    const parsed = kept.map((phone) => PhoneSchema.parse(phone));
    run('customer.update', { customerId: customer.id, patch: { phones: parsed } }).then(onClose, (error: unknown) =>
      setFailure(error instanceof Error ? error.message : String(error)),
    );
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby="phones-title" fullWidth maxWidth="xs">
      <form onSubmit={save} noValidate>
        <DialogTitle id="phones-title">Phone numbers of {customerName(customer)}</DialogTitle>
        <DialogContent>
          <Stack spacing={1.5} sx={{ pt: 1 }}>
            {failure && <Alert severity="error">{failure}</Alert>}
            {phones.map((phone, index) => (
              <Stack key={index} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
                <TextField
                  label={`Phone ${index + 1}`}
                  value={phone}
                  autoFocus={index === 0}
                  onChange={(event) => setPhones(phones.map((p, i) => (i === index ? event.target.value : p)))}
                  error={!!errors[index]}
                  helperText={errors[index] ?? ' '}
                  size="small"
                  fullWidth
                  inputMode="tel"
                />
                <Tooltip title="Remove this number">
                  <IconButton aria-label={`Remove phone ${index + 1}`} onClick={() => setPhones(phones.filter((_, i) => i !== index))}>
                    <DeleteOutlined />
                  </IconButton>
                </Tooltip>
              </Stack>
            ))}
            <Button startIcon={<AddOutlined />} onClick={() => setPhones([...phones, ''])} sx={{ alignSelf: 'flex-start' }}>
              Add a number
            </Button>
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained">
            Save phones
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}


function listText(values: readonly string[]): string {
  return values.join(', ');
}

function splitList(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((value) => value.trim())
    .filter(Boolean);
}

const ZONES: readonly string[] = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC', 'Europe/London', 'Europe/Paris', 'America/New_York'];
  }
})();

/** Edits the profile fields people change; refused or invalid input keeps the dialog open with the reason. */
function ProfileDialog({ customer, onClose }: { customer: Customer; onClose: () => void }) {
  const role = useLocal((state) => state.actor?.role);
  const [draft, setDraft] = useState({
    firstName: customer.firstName,
    lastName: customer.lastName,
    company: customer.company ?? '',
    emails: listText(customer.emails),
    language: customer.language,
    timeZone: customer.timeZone,
    region: customer.region,
    preferredChannel: customer.preferredChannel,
    quietStart: customer.quietHours?.start ?? '',
    quietEnd: customer.quietHours?.end ?? '',
    tags: listText(customer.tags),
    tier: customer.tier,
  });
  const [failure, setFailure] = useState<string | null>(null);
  /** Sentences for the fields a refusal named, shown under each. */
  const [problems, setProblems] = useState<Record<string, string>>({});
  const set = (key: keyof typeof draft) => (event: { target: { value: string } }) => setDraft({ ...draft, [key]: event.target.value });
  /** Error and helper text for a field: its problem when it has one, else its usual hint. */
  const problemOf = (field: string, hint?: string) => ({ error: !!problems[field], helperText: problems[field] ?? hint });
  const save = (event: FormEvent) => {
    event.preventDefault();
    setProblems({});
    setFailure(null);
    if (!!draft.quietStart !== !!draft.quietEnd) {
      setProblems({ quietHours: 'Give both ends of the quiet hours, or neither.' });
      return;
    }
    const patch = {
      firstName: draft.firstName,
      lastName: draft.lastName,
      company: draft.company.trim() || null,
      emails: splitList(draft.emails),
      language: draft.language,
      timeZone: draft.timeZone,
      region: draft.region,
      preferredChannel: draft.preferredChannel,
      quietHours: draft.quietStart ? { start: draft.quietStart, end: draft.quietEnd } : null,
      tags: splitList(draft.tags),
      ...(draft.tier !== customer.tier ? { tier: draft.tier } : {}),
    };
    run('customer.update', { customerId: customer.id, patch }).then(onClose, (error: unknown) => {
      const refusal = refusalByField(error);
      setProblems(refusal.fields);
      setFailure(refusal.message);
    });
  };
  const supervisor = role === 'supervisor' || role === 'admin';
  return (
    <Dialog open onClose={onClose} aria-labelledby="profile-edit-title" fullWidth maxWidth="sm">
      <form onSubmit={save} noValidate>
        <DialogTitle id="profile-edit-title">Edit {customerName(customer)}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {failure && <Alert severity="error">{failure}</Alert>}
            <Stack direction="row" spacing={2}>
              <TextField label="First name" value={draft.firstName} onChange={set('firstName')} autoFocus fullWidth size="small" {...problemOf('firstName')} />
              <TextField label="Last name" value={draft.lastName} onChange={set('lastName')} fullWidth size="small" {...problemOf('lastName')} />
            </Stack>
            <TextField label="Company" value={draft.company} onChange={set('company')} size="small" {...problemOf('company')} />
            <TextField label="Emails" value={draft.emails} onChange={set('emails')} size="small" {...problemOf('emails', 'Separate several with commas')} />
            <Stack direction="row" spacing={2}>
              <TextField label="Language" value={draft.language} onChange={set('language')} fullWidth size="small" {...problemOf('language', 'e.g. en-GB, fr-FR')} />
              <TextField select label="Time zone" value={draft.timeZone} onChange={set('timeZone')} fullWidth size="small">
                {ZONES.map((zone) => (
                  <MenuItem key={zone} value={zone}>
                    {zone}
                  </MenuItem>
                ))}
              </TextField>
            </Stack>
            <RegionPicker value={draft.region} onChange={(region) => setDraft({ ...draft, region })} {...problemOf('region')} />
            <Stack direction="row" spacing={2}>
              <TextField select label="Preferred channel" value={draft.preferredChannel} onChange={set('preferredChannel')} fullWidth size="small">
                {REACHABLE_CHANNELS.map((channel) => (
                  <MenuItem key={channel} value={channel}>
                    {CHANNEL_LABELS[channel]}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                select
                label="Tier"
                value={draft.tier}
                onChange={set('tier')}
                fullWidth
                size="small"
                disabled={!supervisor}
                helperText={supervisor ? ' ' : 'Supervisors change tiers'}
              >
                {TIERS.map((tier) => (
                  <MenuItem key={tier} value={tier}>
                    {TIER_LABELS[tier]}
                  </MenuItem>
                ))}
              </TextField>
            </Stack>
            <Stack direction="row" spacing={2}>
              <TextField label="Quiet hours from" type="time" value={draft.quietStart} onChange={set('quietStart')} fullWidth size="small" slotProps={{ inputLabel: { shrink: true } }} {...problemOf('quietHours')} />
              <TextField label="Quiet hours to" type="time" value={draft.quietEnd} onChange={set('quietEnd')} fullWidth size="small" slotProps={{ inputLabel: { shrink: true } }} error={!!problems.quietHours} />
            </Stack>
            <TextField label="Tags" value={draft.tags} onChange={set('tags')} size="small" {...problemOf('tags', 'Separate several with commas')} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained">
            Save profile
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

const localTime = (zone: string, now: number) => {
  try {
    return new Intl.DateTimeFormat(undefined, { timeZone: zone, hour: '2-digit', minute: '2-digit', weekday: 'short' }).format(now);
  } catch {
    return '';
  }
};

/** What an agent should know before saying hello: who, how to reach them, how things have gone. */
/**
 * Who the customer is. Compact (beside a live contact): phones, emails and
 * local time, the rest one click away, so the history keeps its room.
 */
export function ProfilePanel({ customer, pending, compact = false }: { customer: LocalRow<'customer'>; pending: boolean; compact?: boolean }) {
  const now = useNow();
  const [more, setMore] = useState(false);
  const detailsShown = !compact || more;
  const [editing, setEditing] = useState<'phones' | 'profile' | null>(null);
  const stats = useLive(
    async (db) => {
      const now = Date.now();
      // Counted on an index: no contact is read, however long the history.
      const inbound = (from: number) => db.contacts.where('[customerId+direction+at]').between([customer.id, 'inbound', from], [customer.id, 'inbound', Infinity]).count();
      const [last7, last30, surveys, notes] = await Promise.all([
        inbound(now - 7 * DAY),
        inbound(now - 30 * DAY),
        db.surveys.where('customerId').equals(customer.id).toArray(),
        db.contacts.where('[customerId+direction+at]').between([customer.id, 'internal', -Infinity], [customer.id, 'internal', Infinity]).reverse().filter((c) => c.channel === 'note').limit(3).toArray(),
      ]);
      const lastCsat = surveys.filter((survey) => survey.status === 'answered' && survey.csat !== null).sort((a, b) => b.at - a.at)[0] ?? null;
      return {
        last7,
        last30,
        lastCsat,
        notes,
      };
    },
    [customer.id],
    null,
  );
  const chips = (
    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
      <Chip size="small" label={TIER_LABELS[customer.tier]} color={customer.tier === 'vip' ? 'secondary' : 'default'} variant={customer.tier === 'standard' ? 'outlined' : 'filled'} />
      {stats && <Chip size="small" variant="outlined" label={`${stats.last7} in 7 days · ${stats.last30} in 30`} aria-label={`${stats.last7} contacts in the last 7 days, ${stats.last30} in the last 30`} />}
      {stats?.lastCsat && (
        <Chip size="small" variant="outlined" color={stats.lastCsat.csat! <= 2 ? 'error' : stats.lastCsat.csat! >= 4 ? 'success' : 'default'} label={`Last CSAT ${stats.lastCsat.csat}/5`} />
      )}
      {compact && <Chip size="small" variant="outlined" label={`${localTime(customer.timeZone, now)} there`} title={customer.timeZone} />}
    </Stack>
  );
  return (
    <Paper variant="outlined" component="section" aria-labelledby="profile-title" sx={{ p: compact ? 1.5 : 2 }}>
      <Stack direction="row" sx={{ alignItems: 'center', mb: compact ? 0.75 : 1, gap: 1 }}>
        <Typography variant="h2" id="profile-title" sx={{ flex: 1 }}>
          Profile
        </Typography>
        {pending && <Chip size="small" label="Waiting to sync" color="info" variant="outlined" />}
        {compact && (
          <Button size="small" aria-expanded={more} aria-controls="profile-details" onClick={() => setMore((shown) => !shown)}>
            {more ? 'Fewer details' : 'More details'}
          </Button>
        )}
        <Button size="small" startIcon={<EditOutlined />} onClick={() => setEditing('profile')} aria-label="Edit profile">
          Edit
        </Button>
      </Stack>
      <Box sx={{ mb: compact ? 0 : 1.5 }}>{chips}</Box>
      {detailsShown && (
        <Box id="profile-details" sx={{ mt: compact ? 1 : 0 }}>
          <Field label="Phones">
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              <span data-testid="customer-phones">{customer.phones.join(', ') || '—'}</span>
              <Button size="small" onClick={() => setEditing('phones')} aria-label="Edit phone numbers">
                Edit
              </Button>
            </Stack>
          </Field>
          <Field label="Emails">{customer.emails.join(', ') || '—'}</Field>
          <Field label="Time zone">
            {customer.timeZone} <Typography component="span" variant="caption" color="text.secondary">({localTime(customer.timeZone, now)} there)</Typography>
          </Field>
          <Field label={<RegionLabel />}>
            <RegionName code={customer.region} />
          </Field>
          {customer.company && <Field label="Company">{customer.company}</Field>}
          <Field label="Language">{customer.language}</Field>
          <Field label="Preferred">{CHANNEL_LABELS[customer.preferredChannel]}</Field>
          <Field label="Quiet hours">{customer.quietHours ? `${customer.quietHours.start}–${customer.quietHours.end}` : 'None'}</Field>
          <Field label="Tags">
            {customer.tags.length ? (
              <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', gap: 0.5 }}>
                {customer.tags.map((tag) => (
                  <Chip key={tag} size="small" label={tag} />
                ))}
              </Stack>
            ) : (
              '—'
            )}
          </Field>
          {Object.entries(customer.attributes).length > 0 && (
            <Field label="Account">
              {Object.entries(customer.attributes)
                .map(([key, value]) => `${key}: ${String(value)}`)
                .join(' · ')}
            </Field>
          )}
          <CustomerFollowUps customer={customer} />
          {stats && stats.notes.length > 0 && (
            <>
              <Typography variant="h3" sx={{ mt: 2, mb: 0.5 }}>
                Recent notes
              </Typography>
              {stats.notes.map((note) => (
                <Typography key={note.id} variant="body2" sx={{ mb: 0.5 }} noWrap title={note.body}>
                  {note.body}
                </Typography>
              ))}
            </>
          )}
        </Box>
      )}
      {editing === 'phones' && <PhonesDialog customer={customer} onClose={() => setEditing(null)} />}
      {editing === 'profile' && <ProfileDialog customer={customer} onClose={() => setEditing(null)} />}
    </Paper>
  );
}
