import { useMemo, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import PersonSearchOutlined from '@mui/icons-material/PersonSearchOutlined';
import { normalizePhone, PhoneSchema, CHANNEL_LABELS } from '@core/domain/common';
import { customerName, type Customer } from '@core/domain/model';
import type { LocalRow } from '@core/db/schema';
import { useLive } from '../data/hooks';
import { run } from '../data/local';
import { EmptyState } from '../shell/EmptyState';
import { ScreenHeader } from '../shell/ScreenHeader';
import { useQueryParams } from '../state/params';
import { navigate } from '../state/router';
import { TierChip } from './CustomersScreen';
import { Timeline } from './customer/Timeline';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
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
    const checks = phones.map((phone) => (phone.trim() ? (PhoneSchema.safeParse(phone).error?.issues[0]?.message ?? null) : null));
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

function Profile({ customer, pending }: { customer: LocalRow<'customer'>; pending: boolean }) {
  const [editing, setEditing] = useState(false);
  return (
    <Paper variant="outlined" component="section" aria-labelledby="profile-title" sx={{ p: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
        <Typography variant="h2" id="profile-title" sx={{ flex: 1 }}>
          Profile
        </Typography>
        {pending && <Chip size="small" label="Waiting to sync" color="info" variant="outlined" />}
      </Stack>
      <Field label="Phones">
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <span data-testid="customer-phones">{customer.phones.join(', ') || '—'}</span>
          <Button size="small" startIcon={<EditOutlined />} onClick={() => setEditing(true)} aria-label="Edit phone numbers">
            Edit
          </Button>
        </Stack>
      </Field>
      <Field label="Emails">{customer.emails.join(', ') || '—'}</Field>
      <Field label="Language">{customer.language}</Field>
      <Field label="Time zone">{customer.timeZone}</Field>
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
      {editing && <PhonesDialog customer={customer} onClose={() => setEditing(false)} />}
    </Paper>
  );
}

type Lookup = { kind: 'id' | 'phone' | 'email'; value: string } | null;

function lookupOf(params: URLSearchParams): Lookup {
  const id = params.get('id');
  if (id) return { kind: 'id', value: id };
  const phone = params.get('phone');
  if (phone) return { kind: 'phone', value: normalizePhone(phone) };
  const email = params.get('email');
  if (email) return { kind: 'email', value: email.trim().toLowerCase() };
  return null;
}

/** One customer: profile, history across every channel, notes. Opened from the list, a contact, or a screen-pop link. */
export function CustomerScreen() {
  const params = useQueryParams();
  const lookup = lookupOf(params);
  const customer = useLive(
    async (db) => {
      if (!lookup) return null;
      if (lookup.kind === 'id') return (await db.customers.get(lookup.value)) ?? null;
      const index = lookup.kind === 'phone' ? 'phones' : 'emails';
      return (await db.customers.where(index).equals(lookup.value).first()) ?? null;
    },
    [lookup?.kind, lookup?.value],
    undefined,
  );
  const pending = useLive((db) => db.shadow.toArray(), [], []);
  const pendingIds = useMemo(() => new Set(pending.map((row) => row.id)), [pending]);

  if (customer === undefined) return null;
  if (!customer) {
    const what = lookup ? `${lookup.kind === 'id' ? 'id' : lookup.kind} ${lookup.value}` : 'nothing (the link names no customer)';
    return (
      <>
        <ScreenHeader title="No matching customer" description="The link or search did not match a customer on this device." />
        <EmptyState icon={<PersonSearchOutlined sx={{ fontSize: 48 }} color="disabled" />} title={`No customer with ${what}`}>
          Check the number or address, or find the customer in the list (the hub is searched from there too).
          <Box sx={{ mt: 2 }}>
            <Button variant="contained" onClick={() => navigate('/customers')}>
              Go to customers
            </Button>
          </Box>
        </EmptyState>
      </>
    );
  }
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
      <ScreenHeader
        title={customerName(customer)}
        description={[customer.company, customer.emails[0], customer.phones[0]].filter(Boolean).join(' · ')}
        actions={<TierChip tier={customer.tier} />}
      />
      <Box sx={{ flex: 1, minHeight: 0, display: 'grid', gridTemplateColumns: '340px minmax(0, 1fr)', gap: 2 }}>
        <Box sx={{ overflowY: 'auto', minHeight: 0 }}>
          <Profile customer={customer} pending={pendingIds.has(customer.id)} />
        </Box>
        <Timeline customerId={customer.id} pendingIds={pendingIds} />
      </Box>
    </Box>
  );
}
