/** Making a customer by hand (a caller the system does not know), prefilled from a screen-pop's number or address. */
import { useState } from 'react';
import TextField from '@mui/material/TextField';
import { normalizePhone } from '@core/domain/common';
import { refusalOf, run } from '../data/local';
import { FormDialog } from './FormDialog';

export function NewCustomerDialog({ phone = '', email = '', onClose, onCreated }: { phone?: string; email?: string; onClose: () => void; onCreated: (customerId: string) => void }) {
  const [fields, setFields] = useState({ firstName: '', lastName: '', phone, email, company: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof fields) => (event: { target: { value: string } }) => setFields((current) => ({ ...current, [key]: event.target.value }));

  const submit = async () => {
    if (!fields.firstName.trim()) return setError('A customer needs at least a first name.');
    if (!fields.phone.trim() && !fields.email.trim()) return setError('Give a phone number or an email address, so the customer is found again.');
    const id = crypto.randomUUID();
    setBusy(true);
    const refused = await refusalOf(
      run('customer.create', {
        id,
        firstName: fields.firstName.trim(),
        lastName: fields.lastName.trim(),
        company: fields.company.trim() || null,
        phones: fields.phone.trim() ? [normalizePhone(fields.phone)] : [],
        emails: fields.email.trim() ? [fields.email.trim()] : [],
      }),
    );
    setBusy(false);
    if (refused) return setError(refused);
    onCreated(id);
  };

  return (
    <FormDialog title="New customer" description="Someone the system does not know yet. Their number or address finds them from now on." submitLabel="Create customer" onSubmit={() => void submit()} onClose={onClose} error={error} busy={busy}>
      <TextField label="First name" value={fields.firstName} onChange={set('firstName')} required autoFocus slotProps={{ htmlInput: { maxLength: 80 } }} />
      <TextField label="Last name" value={fields.lastName} onChange={set('lastName')} slotProps={{ htmlInput: { maxLength: 80 } }} />
      <TextField label="Phone" value={fields.phone} onChange={set('phone')} type="tel" placeholder="+44 20 7946 0958" />
      <TextField label="Email" value={fields.email} onChange={set('email')} type="email" />
      <TextField label="Company" value={fields.company} onChange={set('company')} slotProps={{ htmlInput: { maxLength: 120 } }} />
    </FormDialog>
  );
}
