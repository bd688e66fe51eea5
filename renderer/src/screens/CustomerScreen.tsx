import { useMemo } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import PersonSearchOutlined from '@mui/icons-material/PersonSearchOutlined';
import { normalizePhone } from '@core/domain/common';
import { customerName } from '@core/domain/model';
import { useLive } from '../data/hooks';
import { EmptyState } from '../shell/EmptyState';
import { ScreenHeader } from '../shell/ScreenHeader';
import { useQueryParams } from '../state/params';
import { navigate } from '../state/router';
import { TierChip } from './CustomersScreen';
import { ProfilePanel } from './customer/ProfilePanel';
import { Timeline } from './customer/Timeline';

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
          <ProfilePanel customer={customer} pending={pendingIds.has(customer.id)} />
        </Box>
        <Timeline customerId={customer.id} pendingIds={pendingIds} />
      </Box>
    </Box>
  );
}
