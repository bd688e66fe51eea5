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
import { FormattedMessage, useIntl } from 'react-intl';
import { CHANNEL_MESSAGES, PhoneSchema, REACHABLE_CHANNELS } from '@core/domain/common';
import { customerName, TIERS, type Customer } from '@core/domain/model';
import { TIER_MESSAGES } from '@core/scripts/variables';
import type { LocalRow } from '@core/db/schema';
import { problemSentence } from '@core/domain/problems';
import { refusalByField } from '../../components/forms';
import { useLive } from '../../data/hooks';
import { CustomerFollowUps } from '../follow-ups/CustomerFollowUps';
import { run, useLocal } from '../../data/local';
import { useNow } from '../../data/useNow';
import { RegionLabel, RegionName, RegionPicker } from './RegionField';
import { useFormat } from '../../lib/i18n';

const DAY = 86_400_000;
/** Keeps a field's helper line, so the dialog does not jump when a problem appears. */
const RESERVED_LINE = '\u00a0';
/** An empty value, the same in every language. */
const NOTHING = '—';

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
  const intl = useIntl();
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
        <DialogTitle id="phones-title">
          <FormattedMessage id="customer.phones.title" defaultMessage="Phone numbers of {name}" values={{ name: customerName(customer) }} />
        </DialogTitle>
        <DialogContent>
          <Stack spacing={1.5} sx={{ pt: 1 }}>
            {failure && <Alert severity="error">{failure}</Alert>}
            {phones.map((phone, index) => (
              <Stack key={index} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
                <TextField
                  label={intl.formatMessage({ id: 'customer.phones.phone', defaultMessage: 'Phone {number}' }, { number: index + 1 })}
                  value={phone}
                  autoFocus={index === 0}
                  onChange={(event) => setPhones(phones.map((p, i) => (i === index ? event.target.value : p)))}
                  error={!!errors[index]}
                  helperText={errors[index] ?? RESERVED_LINE}
                  size="small"
                  fullWidth
                  inputMode="tel"
                />
                <Tooltip title={intl.formatMessage({ id: 'customer.phones.removeTip', defaultMessage: 'Remove this number' })}>
                  <IconButton aria-label={intl.formatMessage({ id: 'customer.phones.remove', defaultMessage: 'Remove phone {number}' }, { number: index + 1 })} onClick={() => setPhones(phones.filter((_, i) => i !== index))}>
                    <DeleteOutlined />
                  </IconButton>
                </Tooltip>
              </Stack>
            ))}
            <Button startIcon={<AddOutlined />} onClick={() => setPhones([...phones, ''])} sx={{ alignSelf: 'flex-start' }}>
              <FormattedMessage id="customer.phones.add" defaultMessage="Add a number" />
            </Button>
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>
            <FormattedMessage id="customer.phones.cancel" defaultMessage="Cancel" />
          </Button>
          <Button type="submit" variant="contained">
            <FormattedMessage id="customer.phones.save" defaultMessage="Save phones" />
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
  const intl = useIntl();
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
      setProblems({ quietHours: intl.formatMessage({ id: 'customer.edit.quietHoursBoth', defaultMessage: 'Give both ends of the quiet hours, or neither.' }) });
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
        <DialogTitle id="profile-edit-title">
          <FormattedMessage id="customer.edit.title" defaultMessage="Edit {name}" values={{ name: customerName(customer) }} />
        </DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {failure && <Alert severity="error">{failure}</Alert>}
            <Stack direction="row" spacing={2}>
              <TextField label={intl.formatMessage({ id: 'customer.edit.firstName', defaultMessage: 'First name' })} value={draft.firstName} onChange={set('firstName')} autoFocus fullWidth size="small" {...problemOf('firstName')} />
              <TextField label={intl.formatMessage({ id: 'customer.edit.lastName', defaultMessage: 'Last name' })} value={draft.lastName} onChange={set('lastName')} fullWidth size="small" {...problemOf('lastName')} />
            </Stack>
            <TextField label={intl.formatMessage({ id: 'customer.edit.company', defaultMessage: 'Company' })} value={draft.company} onChange={set('company')} size="small" {...problemOf('company')} />
            <TextField label={intl.formatMessage({ id: 'customer.edit.emails', defaultMessage: 'Emails' })} value={draft.emails} onChange={set('emails')} size="small" {...problemOf('emails', intl.formatMessage({ id: 'customer.edit.commas', defaultMessage: 'Separate several with commas' }))} />
            <Stack direction="row" spacing={2}>
              <TextField label={intl.formatMessage({ id: 'customer.edit.language', defaultMessage: 'Language' })} value={draft.language} onChange={set('language')} fullWidth size="small" {...problemOf('language', intl.formatMessage({ id: 'customer.edit.languageHint', defaultMessage: 'e.g. en-GB, fr-FR' }))} />
              <TextField select label={intl.formatMessage({ id: 'customer.edit.timeZone', defaultMessage: 'Time zone' })} value={draft.timeZone} onChange={set('timeZone')} fullWidth size="small">
                {ZONES.map((zone) => (
                  <MenuItem key={zone} value={zone}>
                    {zone}
                  </MenuItem>
                ))}
              </TextField>
            </Stack>
            <RegionPicker value={draft.region} onChange={(region) => setDraft({ ...draft, region })} {...problemOf('region')} />
            <Stack direction="row" spacing={2}>
              <TextField select label={intl.formatMessage({ id: 'customer.edit.preferredChannel', defaultMessage: 'Preferred channel' })} value={draft.preferredChannel} onChange={set('preferredChannel')} fullWidth size="small">
                {REACHABLE_CHANNELS.map((channel) => (
                  <MenuItem key={channel} value={channel}>
                    {intl.formatMessage(CHANNEL_MESSAGES[channel])}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                select
                label={intl.formatMessage({ id: 'customer.edit.tier', defaultMessage: 'Tier' })}
                value={draft.tier}
                onChange={set('tier')}
                fullWidth
                size="small"
                disabled={!supervisor}
                helperText={supervisor ? RESERVED_LINE : intl.formatMessage({ id: 'customer.edit.tierSupervisors', defaultMessage: 'Supervisors change tiers' })}
              >
                {TIERS.map((tier) => (
                  <MenuItem key={tier} value={tier}>
                    {intl.formatMessage(TIER_MESSAGES[tier])}
                  </MenuItem>
                ))}
              </TextField>
            </Stack>
            <Stack direction="row" spacing={2}>
              <TextField label={intl.formatMessage({ id: 'customer.edit.quietFrom', defaultMessage: 'Quiet hours from' })} type="time" value={draft.quietStart} onChange={set('quietStart')} fullWidth size="small" slotProps={{ inputLabel: { shrink: true } }} {...problemOf('quietHours')} />
              <TextField label={intl.formatMessage({ id: 'customer.edit.quietTo', defaultMessage: 'Quiet hours to' })} type="time" value={draft.quietEnd} onChange={set('quietEnd')} fullWidth size="small" slotProps={{ inputLabel: { shrink: true } }} error={!!problems.quietHours} />
            </Stack>
            <TextField label={intl.formatMessage({ id: 'customer.edit.tags', defaultMessage: 'Tags' })} value={draft.tags} onChange={set('tags')} size="small" {...problemOf('tags', intl.formatMessage({ id: 'customer.edit.commas', defaultMessage: 'Separate several with commas' }))} />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>
            <FormattedMessage id="customer.edit.cancel" defaultMessage="Cancel" />
          </Button>
          <Button type="submit" variant="contained">
            <FormattedMessage id="customer.edit.save" defaultMessage="Save profile" />
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

const muted = (chunks: React.ReactNode[]) => (
  <Typography component="span" variant="caption" color="text.secondary">
    {chunks}
  </Typography>
);

/**
 * The customer's weekday and time in their own zone ("Mon 03:32"), short enough to keep the chips on one line.
 * react-intl formats it in the agent's language (the formatting module has no weekday-and-time style yet).
 */
const localTime = (intl: ReturnType<typeof useIntl>, zone: string, now: number) => {
  try {
    return intl.formatDate(now, { weekday: 'short', hour: '2-digit', minute: '2-digit', timeZone: zone });
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
  const intl = useIntl();
  const format = useFormat();
  const there = localTime(intl, customer.timeZone, now);
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
      <Chip size="small" label={intl.formatMessage(TIER_MESSAGES[customer.tier])} color={customer.tier === 'vip' ? 'secondary' : 'default'} variant={customer.tier === 'standard' ? 'outlined' : 'filled'} />
      {stats && (
        <Chip
          size="small"
          variant="outlined"
          label={intl.formatMessage({ id: 'customer.profile.recent', defaultMessage: '{week, number} in 7 days · {month, number} in 30' }, { week: stats.last7, month: stats.last30 })}
          aria-label={intl.formatMessage(
            { id: 'customer.profile.recentLong', defaultMessage: '{week, plural, one {# contact} other {# contacts}} in the last 7 days, {month, number} in the last 30' },
            { week: stats.last7, month: stats.last30 },
          )}
        />
      )}
      {stats?.lastCsat && (
        <Chip size="small" variant="outlined" color={stats.lastCsat.csat! <= 2 ? 'error' : stats.lastCsat.csat! >= 4 ? 'success' : 'default'} label={intl.formatMessage({ id: 'customer.profile.lastCsat', defaultMessage: 'Last CSAT {score}/5' }, { score: stats.lastCsat.csat })} />
      )}
      {compact && <Chip size="small" variant="outlined" label={intl.formatMessage({ id: 'customer.profile.localTime', defaultMessage: '{time} there' }, { time: there })} title={customer.timeZone} />}
    </Stack>
  );
  return (
    <Paper variant="outlined" component="section" aria-labelledby="profile-title" sx={{ p: compact ? 1.5 : 2 }}>
      <Stack direction="row" sx={{ alignItems: 'center', mb: compact ? 0.75 : 1, gap: 1 }}>
        <Typography variant="h2" id="profile-title" sx={{ flex: 1 }}>
          <FormattedMessage id="customer.profile.title" defaultMessage="Profile" />
        </Typography>
        {pending && <Chip size="small" label={intl.formatMessage({ id: 'customer.profile.pending', defaultMessage: 'Waiting to sync' })} color="info" variant="outlined" />}
        {compact && (
          <Button size="small" aria-expanded={more} aria-controls="profile-details" onClick={() => setMore((shown) => !shown)}>
            {more ? <FormattedMessage id="customer.profile.fewer" defaultMessage="Fewer details" /> : <FormattedMessage id="customer.profile.more" defaultMessage="More details" />}
          </Button>
        )}
        <Button size="small" startIcon={<EditOutlined />} onClick={() => setEditing('profile')} aria-label={intl.formatMessage({ id: 'customer.profile.editLabel', defaultMessage: 'Edit profile' })}>
          <FormattedMessage id="customer.profile.edit" defaultMessage="Edit" />
        </Button>
      </Stack>
      <Box sx={{ mb: compact ? 0 : 1.5 }}>{chips}</Box>
      {detailsShown && (
        <Box id="profile-details" sx={{ mt: compact ? 1 : 0 }}>
          <Field label={intl.formatMessage({ id: 'customer.profile.phones', defaultMessage: 'Phones' })}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              <span data-testid="customer-phones">{customer.phones.join(', ') || NOTHING}</span>
              <Button size="small" onClick={() => setEditing('phones')} aria-label={intl.formatMessage({ id: 'customer.profile.editPhones', defaultMessage: 'Edit phone numbers' })}>
                <FormattedMessage id="customer.profile.edit" defaultMessage="Edit" />
              </Button>
            </Stack>
          </Field>
          <Field label={intl.formatMessage({ id: 'customer.profile.emails', defaultMessage: 'Emails' })}>{customer.emails.join(', ') || NOTHING}</Field>
          <Field label={intl.formatMessage({ id: 'customer.profile.timeZone', defaultMessage: 'Time zone' })}>
            <FormattedMessage id="customer.profile.zoneAndTime" defaultMessage="{zone} <muted>({time} there)</muted>" values={{ zone: customer.timeZone, time: there, muted }} />
          </Field>
          <Field label={<RegionLabel />}>
            <RegionName code={customer.region} />
          </Field>
          {customer.company && <Field label={intl.formatMessage({ id: 'customer.profile.company', defaultMessage: 'Company' })}>{customer.company}</Field>}
          <Field label={intl.formatMessage({ id: 'customer.profile.language', defaultMessage: 'Language' })}>
            <FormattedMessage id="customer.profile.languageAndTag" defaultMessage="{language} <muted>({tag})</muted>" values={{ language: format.languageName(customer.language), tag: customer.language, muted }} />
          </Field>
          <Field label={intl.formatMessage({ id: 'customer.profile.preferred', defaultMessage: 'Preferred' })}>{intl.formatMessage(CHANNEL_MESSAGES[customer.preferredChannel])}</Field>
          <Field label={intl.formatMessage({ id: 'customer.profile.quietHours', defaultMessage: 'Quiet hours' })}>
            {customer.quietHours
              ? intl.formatMessage({ id: 'customer.profile.quietRange', defaultMessage: '{start}–{end}' }, { start: customer.quietHours.start, end: customer.quietHours.end })
              : intl.formatMessage({ id: 'customer.profile.quietNone', defaultMessage: 'None' })}
          </Field>
          <Field label={intl.formatMessage({ id: 'customer.profile.tags', defaultMessage: 'Tags' })}>
            {customer.tags.length ? (
              <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', gap: 0.5 }}>
                {customer.tags.map((tag) => (
                  <Chip key={tag} size="small" label={tag} />
                ))}
              </Stack>
            ) : (
              NOTHING
            )}
          </Field>
          {Object.entries(customer.attributes).length > 0 && (
            <Field label={intl.formatMessage({ id: 'customer.profile.account', defaultMessage: 'Account' })}>
              {Object.entries(customer.attributes)
                .map(([key, value]) => `${key}: ${String(value)}`)
                .join(' · ')}
            </Field>
          )}
          <CustomerFollowUps customer={customer} />
          {stats && stats.notes.length > 0 && (
            <>
              <Typography variant="h3" sx={{ mt: 2, mb: 0.5 }}>
                <FormattedMessage id="customer.profile.recentNotes" defaultMessage="Recent notes" />
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
