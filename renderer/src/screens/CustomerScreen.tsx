import { useMemo } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import PersonSearchOutlined from '@mui/icons-material/PersonSearchOutlined';
import { customerName } from '@core/domain/model';
import { screenPopLookup } from '@core/screen-pop';
import { useLive } from '../data/hooks';
import { EmptyState } from '../shell/EmptyState';
import { ScreenHeader } from '../shell/ScreenHeader';
import { useQueryParams } from '../state/params';
import { navigate } from '../state/router';
import { TierChip } from '../components/TierChip';
import { ProfilePanel } from './customer/ProfilePanel';
import { Timeline } from './customer/Timeline';

/** One customer: profile, history across every channel, notes. Opened from the list, a contact, or a screen-pop link. */
export function CustomerScreen() {
  const params = useQueryParams();
  const lookup = screenPopLookup(params);
  const customer = useLive(
    async (db) => {
      if (!lookup || lookup.kind === 'invalid') return null;
      if (lookup.kind === 'id') return (await db.customers.get(lookup.value)) ?? null;
      const index = lookup.kind === 'phone' ? 'phones' : 'emails';
      return (await db.customers.where(index).equals(lookup.value).first()) ?? null;
    },
    [lookup?.kind, lookup && lookup.kind !== 'invalid' ? lookup.value : null],
    undefined,
  );
  const pending = useLive((db) => db.shadow.toArray(), [], []);
  const pendingIds = useMemo(() => new Set(pending.map((row) => row.id)), [pending]);

  if (customer === undefined) return null;
  if (!customer) {
    const title = !lookup
      ? 'The link names no customer'
      : lookup.kind === 'invalid'
        ? lookup.reason
        : `No customer with ${lookup.shown}`;
    return (
      <>
        <ScreenHeader title="No matching customer" description="The link or search did not match a customer on this device." />
        <EmptyState icon={<PersonSearchOutlined sx={{ fontSize: 48 }} color="disabled" />} title={title}>
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
