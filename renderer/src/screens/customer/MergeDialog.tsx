/**
 * A supervisor merges a duplicate into the customer on screen: find the
 * duplicate among the customers on this device, see what moves, confirm.
 */
import { useMemo, useState } from 'react';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { FormattedMessage, useIntl } from 'react-intl';
import { customerName, type Customer } from '@core/domain/model';
import { FormDialog } from '../../components/FormDialog';
import { useLive } from '../../data/hooks';
import { refusalOf, run } from '../../data/local';

const SHOWN = 8;

export function MergeDialog({ survivor, onClose, onMerged }: { survivor: Customer; onClose: () => void; onMerged: (name: string) => void }) {
  const intl = useIntl();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<Customer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const terms = search.trim().toLowerCase();
  const matches = useLive(
    async (db) => {
      if (terms.length < 2) return [];
      const digits = terms.replace(/\D/g, '');
      const found = await db.customers
        .filter((row) => {
          if (row.id === survivor.id || row.mergedInto) return false;
          const text = [customerName(row), row.company ?? '', ...row.emails].join(' ').toLowerCase();
          return terms.split(/\s+/).every((term) => text.includes(term)) || (digits.length >= 4 && row.phones.some((phone) => phone.replace(/\D/g, '').includes(digits)));
        })
        .limit(SHOWN)
        .toArray();
      return found;
    },
    [terms, survivor.id],
    [],
  );
  const history = useLive(
    async (db) => (chosen ? { contacts: await db.contacts.where('[customerId+at]').between([chosen.id, -Infinity], [chosen.id, Infinity]).count(), followUps: await db.followUps.where('customerId').equals(chosen.id).count() } : null),
    [chosen?.id],
    null,
  );
  const summary = useMemo(() => {
    if (!chosen) return null;
    const ids = [...chosen.phones, ...chosen.emails].join(', ') || intl.formatMessage({ id: 'customer.merge.noIds', defaultMessage: 'no numbers or addresses' });
    const values = { duplicate: customerName(chosen), ids, survivor: customerName(survivor), first: chosen.firstName };
    return history
      ? intl.formatMessage(
          {
            id: 'customer.merge.summaryCounted',
            defaultMessage:
              '{duplicate} ({ids}) becomes part of {survivor}: {contacts, plural, one {# contact} other {# contacts}} and {followUps, plural, one {# follow-up} other {# follow-ups}} on this device, every survey and identifier move here, and links to {first} open this customer. A supervisor can undo it.',
          },
          { ...values, contacts: history.contacts, followUps: history.followUps },
        )
      : intl.formatMessage(
          {
            id: 'customer.merge.summary',
            defaultMessage: '{duplicate} ({ids}) becomes part of {survivor}: every survey and identifier move here, and links to {first} open this customer. A supervisor can undo it.',
          },
          values,
        );
  }, [chosen, survivor, history, intl]);

  const submit = async () => {
    if (!chosen) return setError(intl.formatMessage({ id: 'customer.merge.choose', defaultMessage: 'Choose the duplicate to merge into this customer.' }));
    setBusy(true);
    const refused = await refusalOf(run('customer.merge', { survivorId: survivor.id, mergedId: chosen.id, noteId: crypto.randomUUID() }));
    setBusy(false);
    if (refused) return setError(refused);
    onMerged(customerName(chosen));
  };

  return (
    <FormDialog
      title={intl.formatMessage({ id: 'customer.merge.title', defaultMessage: 'Merge a duplicate into {name}' }, { name: customerName(survivor) })}
      description={intl.formatMessage({ id: 'customer.merge.description', defaultMessage: 'The customer on screen stays; the duplicate’s history and details join it.' })}
      submitLabel={intl.formatMessage({ id: 'customer.merge.submit', defaultMessage: 'Merge' })}
      onSubmit={() => void submit()} onClose={onClose} error={error} busy={busy}>
      <TextField
        label={intl.formatMessage({ id: 'customer.merge.find', defaultMessage: 'Find the duplicate' })}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        autoFocus
        placeholder={intl.formatMessage({ id: 'customer.merge.findPlaceholder', defaultMessage: 'Name, email or phone' })}
      />
      {matches.length > 0 && (
        <List dense aria-label={intl.formatMessage({ id: 'customer.merge.matches', defaultMessage: 'Matching customers' })} sx={{ border: 1, borderColor: 'divider', borderRadius: 1, py: 0 }}>
          {matches.map((row) => (
            <ListItem key={row.id} disablePadding>
              <ListItemButton selected={chosen?.id === row.id} aria-pressed={chosen?.id === row.id} onClick={() => setChosen(row)}>
                <ListItemText primary={customerName(row)} secondary={[row.company, row.emails[0], row.phones[0]].filter(Boolean).join(' · ') || row.id} />
              </ListItemButton>
            </ListItem>
          ))}
        </List>
      )}
      {terms.length >= 2 && matches.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          <FormattedMessage id="customer.merge.noMatch" defaultMessage="No other customer on this device matches." />
        </Typography>
      )}
      {summary && (
        <Typography variant="body2" role="status">
          {summary}
        </Typography>
      )}
    </FormDialog>
  );
}
