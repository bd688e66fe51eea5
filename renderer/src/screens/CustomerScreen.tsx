import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import PersonSearchOutlined from '@mui/icons-material/PersonSearchOutlined';
import { FormattedMessage, useIntl } from 'react-intl';
import { customerName } from '@core/domain/model';
import { screenPopLookup } from '@core/screen-pop';
import { isSupervisor } from '@core/sync/mutations/access';
import { NewCustomerDialog } from '../components/NewCustomerDialog';
import { usePersonName } from '../data/handoff';
import { useLive } from '../data/hooks';
import { run, useLocal } from '../data/local';
import { useAppState } from '../state/app';
import { EmptyState } from '../shell/EmptyState';
import { ScreenHeader } from '../shell/ScreenHeader';
import { useQueryParams } from '../state/params';
import { navigate } from '../state/router';
import { TierChip } from '../components/TierChip';
import { MergeDialog } from './customer/MergeDialog';
import { ProfilePanel } from './customer/ProfilePanel';
import { Timeline } from './customer/Timeline';

/** One customer: profile, history across every channel, notes. Opened from the list, a contact, or a screen-pop link. */
export function CustomerScreen() {
  const params = useQueryParams();
  const intl = useIntl();
  const lookup = screenPopLookup(params);
  const actor = useLocal((state) => state.actor);
  const notify = useAppState((state) => state.notify);
  const [dialog, setDialog] = useState<'create' | 'merge' | null>(null);
  const found = useLive(
    async (db) => {
      if (!lookup || lookup.kind === 'invalid') return null;
      const index = lookup.kind === 'phone' ? 'phones' : 'emails';
      let row = lookup.kind === 'id' ? await db.customers.get(lookup.value) : await db.customers.where(index).equals(lookup.value).first();
      // A customer merged into another is a redirect: the survivor opens, saying so.
      const redirectedFrom = row?.mergedInto ? row : null;
      for (let hops = 0; row?.mergedInto && hops < 10; hops += 1) row = (await db.customers.get(row.mergedInto)) ?? row;
      return row ? { customer: row, redirectedFrom: redirectedFrom && row.id !== redirectedFrom.id ? redirectedFrom : null } : null;
    },
    [lookup?.kind, lookup && lookup.kind !== 'invalid' ? lookup.value : null],
    undefined,
  );
  const pending = useLive((db) => db.shadow.toArray(), [], []);
  const pendingIds = useMemo(() => new Set(pending.map((row) => row.id)), [pending]);
  const mergedBy = usePersonName(found?.redirectedFrom?.merge?.by);
  const supervisor = !!actor && isSupervisor(actor);
  // Agents merge too where one of their teams' policy allows it (the hub checks again).
  const teamAllowsMerge = useLive(async (db) => (actor ? (await db.teams.bulkGet([...actor.teamIds])).some((team) => team?.agentsMayMerge) : false), [actor], false);
  const mayMerge = supervisor || teamAllowsMerge;

  if (found === undefined) return null;
  if (!found) {
    const canCreate = lookup?.kind === 'phone' || lookup?.kind === 'email';
    const title = !lookup
      ? intl.formatMessage({ id: 'customer.screen.noLookup', defaultMessage: 'The link names no customer' })
      : lookup.kind === 'invalid'
        ? intl.formatMessage(lookup.reason.descriptor, lookup.reason.values)
        : intl.formatMessage({ id: 'customer.screen.noneWith', defaultMessage: 'No customer with {what}' }, { what: intl.formatMessage(lookup.shown.descriptor, lookup.shown.values) });
    return (
      <>
        <ScreenHeader
          title={intl.formatMessage({ id: 'customer.screen.noMatchTitle', defaultMessage: 'No matching customer' })}
          description={intl.formatMessage({ id: 'customer.screen.noMatchDescription', defaultMessage: 'The link or search did not match a customer on this device.' })}
        />
        <EmptyState icon={<PersonSearchOutlined sx={{ fontSize: 48 }} color="disabled" />} title={title}>
          <FormattedMessage id="customer.screen.noMatchBody" defaultMessage="Check the number or address, or find the customer in the list (the hub is searched from there too)." />
          <Stack direction="row" spacing={1} sx={{ mt: 2, justifyContent: 'center' }}>
            {canCreate && (
              <Button variant="contained" onClick={() => setDialog('create')}>
                <FormattedMessage id="customer.screen.createWith" defaultMessage="Create customer with {value}" values={{ value: lookup.value }} />
              </Button>
            )}
            <Button variant={canCreate ? 'outlined' : 'contained'} onClick={() => navigate('/customers')}>
              <FormattedMessage id="customer.screen.goToCustomers" defaultMessage="Go to customers" />
            </Button>
          </Stack>
        </EmptyState>
        {dialog === 'create' && canCreate && (
          <NewCustomerDialog
            phone={lookup.kind === 'phone' ? lookup.value : ''}
            email={lookup.kind === 'email' ? lookup.value : ''}
            onClose={() => setDialog(null)}
            onCreated={(id) => {
              setDialog(null);
              navigate(`/customer?id=${encodeURIComponent(id)}`);
            }}
          />
        )}
      </>
    );
  }
  const { customer, redirectedFrom } = found;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
      <ScreenHeader
        title={customerName(customer)}
        description={[customer.company, customer.emails[0], customer.phones[0]].filter(Boolean).join(' · ')}
        actions={
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <TierChip tier={customer.tier} />
            {mayMerge && (
              <Button onClick={() => setDialog('merge')}>
                <FormattedMessage id="customer.screen.merge" defaultMessage="Merge a duplicate…" />
              </Button>
            )}
          </Stack>
        }
      />
      {redirectedFrom && (
        <Alert
          severity="info"
          sx={{ mb: 2 }}
          data-testid="merged-redirect"
          action={
            supervisor ? (
              <Button
                color="inherit"
                size="small"
                onClick={() => {
                  run('customer.unmerge', { mergedId: redirectedFrom.id, noteId: crypto.randomUUID() }).then(
                    () => notify(intl.formatMessage({ id: 'customer.screen.unmerged', defaultMessage: 'The merge of {name} was undone.' }, { name: customerName(redirectedFrom) })),
                    (error: unknown) => notify(error instanceof Error ? error.message : String(error)),
                  );
                }}
              >
                <FormattedMessage id="customer.screen.undoMerge" defaultMessage="Undo merge" />
              </Button>
            ) : undefined
          }
        >
          {mergedBy ? (
            <FormattedMessage id="customer.screen.mergedBy" defaultMessage="{name} ({id}) was merged into this customer by {by}." values={{ name: customerName(redirectedFrom), id: redirectedFrom.id, by: mergedBy }} />
          ) : (
            <FormattedMessage id="customer.screen.merged" defaultMessage="{name} ({id}) was merged into this customer." values={{ name: customerName(redirectedFrom), id: redirectedFrom.id }} />
          )}
        </Alert>
      )}
      {dialog === 'merge' && (
        <MergeDialog
          survivor={customer}
          onClose={() => setDialog(null)}
          onMerged={(name) => {
            setDialog(null);
            notify(intl.formatMessage({ id: 'customer.screen.mergedNotice', defaultMessage: '{name} was merged into {survivor}.' }, { name, survivor: customerName(customer) }));
          }}
        />
      )}
      <Box sx={{ flex: 1, minHeight: 0, display: 'grid', gridTemplateColumns: '340px minmax(0, 1fr)', gap: 2 }}>
        <Box sx={{ overflowY: 'auto', minHeight: 0 }}>
          <ProfilePanel customer={customer} pending={pendingIds.has(customer.id)} />
        </Box>
        <Timeline customerId={customer.id} pendingIds={pendingIds} />
      </Box>
    </Box>
  );
}
