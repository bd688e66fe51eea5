/** Making a customer by hand (a caller the system does not know), prefilled from a screen-pop's number or address. */
import { useState } from 'react';
import TextField from '@mui/material/TextField';
import { useIntl } from 'react-intl';
import { normalizePhone } from '@core/domain/common';
import { run } from '../data/local';
import { FormDialog } from './FormDialog';
import { refusalByField } from './forms';

/** An example number (not words): the format a phone box takes. */
const PHONE_EXAMPLE = '+44 20 7946 0958';

type Field = 'firstName' | 'lastName' | 'phone' | 'email' | 'company';
/** The change's argument each box fills, so a refusal's sentence shows under the box it is about. */
const ARGUMENT_OF: Record<Field, string> = { firstName: 'firstName', lastName: 'lastName', phone: 'phones', email: 'emails', company: 'company' };

export function NewCustomerDialog({ phone = '', email = '', onClose, onCreated }: { phone?: string; email?: string; onClose: () => void; onCreated: (customerId: string) => void }) {
  const intl = useIntl();
  const [fields, setFields] = useState({ firstName: '', lastName: '', phone, email, company: '' });
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);
  const set = (key: Field) => (event: { target: { value: string } }) => {
    setFields((current) => ({ ...current, [key]: event.target.value }));
    setProblems(({ [key]: _fixed, ...rest }) => rest);
  };
  // Sentences under the field they are about (MUI wires helperText to the input's aria-describedby).
  const problemOf = (key: Field) => ({ error: !!problems[key], helperText: problems[key] });

  const submit = async () => {
    if (!fields.firstName.trim()) return setProblems({ firstName: intl.formatMessage({ id: 'common.newCustomer.needFirstName', defaultMessage: 'Enter the customer’s first name.' }) });
    if (!fields.phone.trim() && !fields.email.trim()) return setProblems({
        phone: intl.formatMessage({ id: 'common.newCustomer.needPhoneOrEmail', defaultMessage: 'Give a phone number or an email address, so the customer is found again.' }),
      });
    const id = crypto.randomUUID();
    setBusy(true);
    try {
      await run('customer.create', {
        id,
        firstName: fields.firstName.trim(),
        lastName: fields.lastName.trim(),
        company: fields.company.trim() || null,
        phones: fields.phone.trim() ? [normalizePhone(fields.phone)] : [],
        emails: fields.email.trim() ? [fields.email.trim()] : [],
      });
    } catch (refusal) {
      const { fields: byArgument, message } = refusalByField(refusal);
      const found = Object.fromEntries((Object.keys(ARGUMENT_OF) as Field[]).flatMap((key) => (byArgument[ARGUMENT_OF[key]] ? [[key, byArgument[ARGUMENT_OF[key]]]] : [])));
      setProblems(found);
      setError(message);
      return;
    } finally {
      setBusy(false);
    }
    onCreated(id);
  };

  return (
    <FormDialog
      title={intl.formatMessage({ id: 'common.newCustomer.title', defaultMessage: 'New customer' })}
      description={intl.formatMessage({ id: 'common.newCustomer.description', defaultMessage: 'Someone the system does not know yet. Their number or address finds them from now on.' })}
      submitLabel={intl.formatMessage({ id: 'common.newCustomer.create', defaultMessage: 'Create customer' })}
      onSubmit={() => void submit()} onClose={onClose} error={error} busy={busy}>
      <TextField label={intl.formatMessage({ id: 'common.newCustomer.firstName', defaultMessage: 'First name' })} value={fields.firstName} onChange={set('firstName')} required autoFocus {...problemOf('firstName')} slotProps={{ htmlInput: { maxLength: 80 } }} />
      <TextField label={intl.formatMessage({ id: 'common.newCustomer.lastName', defaultMessage: 'Last name' })} value={fields.lastName} onChange={set('lastName')} {...problemOf('lastName')} slotProps={{ htmlInput: { maxLength: 80 } }} />
      <TextField label={intl.formatMessage({ id: 'common.newCustomer.phone', defaultMessage: 'Phone' })} value={fields.phone} onChange={set('phone')} type="tel" placeholder={PHONE_EXAMPLE} {...problemOf('phone')} />
      <TextField label={intl.formatMessage({ id: 'common.newCustomer.email', defaultMessage: 'Email' })} value={fields.email} onChange={set('email')} type="email" {...problemOf('email')} />
      <TextField label={intl.formatMessage({ id: 'common.newCustomer.company', defaultMessage: 'Company' })} value={fields.company} onChange={set('company')} {...problemOf('company')} slotProps={{ htmlInput: { maxLength: 120 } }} />
    </FormDialog>
  );
}
