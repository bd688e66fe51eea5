import { useDeferredValue, useMemo, useRef, useState, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import InputAdornment from '@mui/material/InputAdornment';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import Search from '@mui/icons-material/Search';
import PeopleOutlined from '@mui/icons-material/PeopleOutlined';
import { FormattedMessage, useIntl } from 'react-intl';
import { customerName } from '@core/domain/model';
import { customerMatches as matches, customerSearchText as searchText } from '../data/customerSearch';
import { useLive } from '../data/hooks';
import { useCustomerMatches } from '../data/historySearch';
import { fetchCustomerHistory, searchHubCustomers } from '../data/remote';
import { useLocal } from '../data/local';
import { NewCustomerDialog } from '../components/NewCustomerDialog';
import { TierChip } from '../components/TierChip';
import { VirtualList } from '../components/VirtualList';
import { EmptyState } from '../shell/EmptyState';
import { ScreenHeader } from '../shell/ScreenHeader';
import { navigate } from '../state/router';

function openCustomer(id: string) {
  navigate(`/customer?id=${encodeURIComponent(id)}`);
}

/** Customers on the hub but not on this device: found by search, fetched on demand. */
function HubSearch({ query }: { query: string }) {
  const intl = useIntl();
  const online = useLocal((state) => state.networkOnline && state.sync.state !== 'offline');
  const [results, setResults] = useState<Awaited<ReturnType<typeof searchHubCustomers>> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const search = () => {
    setBusy(true);
    setError(null);
    searchHubCustomers(query).then(
      (found) => {
        setResults(found);
        setBusy(false);
      },
      (e: unknown) => {
        setError(e instanceof Error ? e.message : String(e));
        setBusy(false);
      },
    );
  };
  const open = (id: string, inScope: boolean) => {
    if (inScope) return openCustomer(id);
    fetchCustomerHistory(id).then(
      () => openCustomer(id),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  };
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="body2" sx={{ flex: 1 }}>
          <FormattedMessage id="customers.hub.notHere" defaultMessage="Not here? Customers you have not worked with are on the hub." />
        </Typography>
        <Button variant="outlined" onClick={search} disabled={!online || busy || query.trim().length < 2}>
          {busy ? (
            <FormattedMessage id="customers.hub.searching" defaultMessage="Searching…" />
          ) : (
            <FormattedMessage id="customers.hub.search" defaultMessage="Search the hub for “{query}”" values={{ query: query.trim() }} />
          )}
        </Button>
      </Stack>
      {!online && (
        <Typography variant="caption" color="text.secondary">
          <FormattedMessage id="customers.hub.offline" defaultMessage="Searching the hub needs a connection." />
        </Typography>
      )}
      {error && (
        <Alert severity="error" sx={{ mt: 1 }}>
          {error}
        </Alert>
      )}
      {results && (
        <List dense component="div" aria-label={intl.formatMessage({ id: 'customers.hub.results', defaultMessage: 'Customers found on the hub' })}>
          {results.length === 0 && (
            <Typography variant="body2">
              <FormattedMessage id="customers.hub.noMatch" defaultMessage="No customer on the hub matches." />
            </Typography>
          )}
          {results.map(({ customer, inScope }) => (
            <ListItemButton key={customer.id} onClick={() => open(customer.id, inScope)}>
              <ListItemText primary={customerName(customer)} secondary={[customer.emails[0], customer.phones[0]].filter(Boolean).join(' · ')} />
              {!inScope && <Chip size="small" label={intl.formatMessage({ id: 'customers.hub.fetch', defaultMessage: 'Fetch history' })} />}
            </ListItemButton>
          ))}
        </List>
      )}
    </Paper>
  );
}

/** Every customer on this device, searchable; opening one shows their whole history. */
export function CustomersScreen() {
  // Customers merged into another are redirects, not people to list.
  const intl = useIntl();
  const customers = useLive(async (db) => (await db.customers.orderBy('lastName').toArray()).filter((customer) => !customer.mergedInto), [], null);
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const deferred = useDeferredValue(query);
  const listRef = useRef<HTMLDivElement>(null);
  const indexed = useMemo(() => (customers ?? []).map((customer) => ({ customer, text: searchText(customer) })), [customers]);
  // The search index's answer (names, companies, emails, tags, by word starts, accents folded); until it is ready, and for phone numbers, the list is searched here.
  const found = useCustomerMatches(deferred);
  const foundIds = useMemo(() => (found ? new Set(found.ids) : null), [found]);
  const shown = useMemo(
    () => (!deferred.trim() ? indexed : foundIds ? indexed.filter((entry) => foundIds.has(entry.customer.id)) : indexed.filter((entry) => matches(entry.text, deferred))),
    [indexed, deferred, foundIds],
  );

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
      <ScreenHeader
        title={intl.formatMessage({ id: 'customers.screen.title', defaultMessage: 'Customers' })}
        description={intl.formatMessage({ id: 'customers.screen.count', defaultMessage: '{count, plural, one {# customer} other {# customers}} on this device' }, { count: customers?.length ?? 0 })}
        actions={
          <Button variant="outlined" onClick={() => setCreating(true)}>
            <FormattedMessage id="customers.screen.new" defaultMessage="New customer" />
          </Button>
        }
      />
      {creating && (
        <NewCustomerDialog
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            navigate(`/customer?id=${encodeURIComponent(id)}`);
          }}
        />
      )}
      <TextField
        label={intl.formatMessage({ id: 'customers.screen.find', defaultMessage: 'Find a customer' })}
        placeholder={intl.formatMessage({ id: 'customers.screen.findPlaceholder', defaultMessage: 'Name, email, phone or company' })}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'Enter') {
            event.preventDefault();
            if (event.key === 'Enter' && shown.length === 1) openCustomer(shown[0]!.customer.id);
            else document.getElementById('customer-list')?.focus();
          }
        }}
        slotProps={{ input: { startAdornment: <InputAdornment position="start"><Search /></InputAdornment> } }}
        sx={{ mb: 2, maxWidth: 560 }}
        size="small"
      />
      {customers === null ? null : customers.length === 0 ? (
        <EmptyState icon={<PeopleOutlined sx={{ fontSize: 48 }} color="disabled" />} title={intl.formatMessage({ id: 'customers.screen.emptyTitle', defaultMessage: 'No customers on this device yet' })}>
          <FormattedMessage id="customers.screen.emptyBody" defaultMessage="Customers and their full history across every channel appear here once this device has synced with the hub." />
        </EmptyState>
      ) : (
        <Paper variant="outlined" ref={listRef} sx={{ flex: 1, minHeight: 240, mb: 2 }}>
          <VirtualList
            id="customer-list"
            label={intl.formatMessage({ id: 'customers.screen.listLabel', defaultMessage: 'Customers' })}
            count={shown.length}
            rowHeight={56}
            height="100%"
            rowKey={(index) => shown[index]!.customer.id}
            onOpen={(index) => openCustomer(shown[index]!.customer.id)}
            empty={
              <Typography variant="body2" sx={{ p: 2 }}>
                <FormattedMessage id="customers.screen.noMatch" defaultMessage="No customer on this device matches “{query}”." values={{ query: deferred }} />
              </Typography>
            }
            renderRow={(index, active) => {
              const customer = shown[index]!.customer;
              return (
                <Box
                  onClick={() => openCustomer(customer.id)}
                  sx={{
                    px: 2,
                    py: 1,
                    display: 'flex',
                    alignItems: 'center',
                    gap: 2,
                    cursor: 'pointer',
                    borderBottom: 1,
                    borderColor: 'divider',
                    bgcolor: active ? 'action.selected' : undefined,
                    '&:hover': { bgcolor: 'action.hover' },
                  }}
                >
                  <Box sx={{ flex: 1, minWidth: 0 }}>
                    <Typography variant="body2" sx={{ fontWeight: 600 }}>
                      {customer.company ? (
                        <FormattedMessage
                          id="customers.list.nameCompany"
                          defaultMessage="{name}<muted> · {company}</muted>"
                          values={{
                            name: customerName(customer),
                            company: customer.company,
                            muted: (chunks: ReactNode[]) => (
                              <Typography component="span" variant="body2" color="text.secondary">
                                {chunks}
                              </Typography>
                            ),
                          }}
                        />
                      ) : (
                        customerName(customer)
                      )}
                    </Typography>
                    <Typography variant="caption" color="text.secondary" noWrap component="div">
                      {[customer.phones[0], customer.emails[0]].filter(Boolean).join(' · ')}
                    </Typography>
                  </Box>
                  <TierChip tier={customer.tier} />
                </Box>
              );
            }}
          />
        </Paper>
      )}
      {deferred.trim().length >= 2 && <HubSearch query={deferred} />}
    </Box>
  );
}
