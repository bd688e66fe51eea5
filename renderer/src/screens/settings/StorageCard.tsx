/**
 * Settings › Storage on this computer: what the cache holds against its budget,
 * and the budget itself (per desktop and person, kept in the cache's own
 * database, so the browser build has it too). Above it, the oldest histories
 * of customers out of the person's work are evicted (src/sync/eviction.ts).
 */
import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { FormattedMessage, useIntl } from 'react-intl';
import { CACHE_BUDGET_MAX_MB, CACHE_BUDGET_MIN_MB, MEGABYTE, parseCacheBudget, readCacheBudgetMb, writeCacheBudgetMb } from '@core/sync/cache-budget';
import { Fact, SettingsCard } from '../../components/SettingsCard';
import { useDb, useLive } from '../../data/hooks';
import { cacheBudgetChanged } from '../../data/local';
import { useFormat } from '../../lib/i18n';
import { storageUsage } from '../../lib/storageUsage';

interface Counts {
  customers: number;
  contacts: number;
  evicted: number;
}

const NO_COUNTS: Counts = { customers: 0, contacts: 0, evicted: 0 };

export function StorageCard() {
  const intl = useIntl();
  const format = useFormat();
  const db = useDb();
  const counts = useLive(async (local) => ({ customers: await local.customers.count(), contacts: await local.contacts.count(), evicted: await local.evictions.count() }), [], NO_COUNTS);
  const budget = useLive((local) => readCacheBudgetMb(local), [], null);
  const [usage, setUsage] = useState<number | null | undefined>(undefined);
  const [draft, setDraft] = useState<string | null>(null);
  const [message, setMessage] = useState<{ severity: 'error' | 'success'; text: string } | null>(null);

  // The estimate when the card opens, and again when what it counts changes (an eviction, a sync).
  useEffect(() => {
    let current = true;
    void storageUsage().then((bytes) => current && setUsage(bytes));
    return () => {
      current = false;
    };
  }, [counts.customers, counts.contacts, counts.evicted]);

  const megabytes = (mb: number) => format.number(mb, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 0 });
  const used =
    budget === null || usage === undefined
      ? '—'
      : usage === null
        ? intl.formatMessage({ id: 'settings.storage.usageUnknown', defaultMessage: 'Not known in this browser (budget {budget})' }, { budget: megabytes(budget) })
        : intl.formatMessage(
            { id: 'settings.storage.usage', defaultMessage: '{used} of {budget} ({share})' },
            { used: megabytes(usage / MEGABYTE), budget: megabytes(budget), share: format.percent(usage / (budget * MEGABYTE)) },
          );

  const save = async () => {
    if (!db || draft === null) return;
    const parsed = parseCacheBudget(draft);
    if (!parsed.ok) {
      setMessage({ severity: 'error', text: intl.formatMessage(parsed.said.descriptor, parsed.said.values) });
      return;
    }
    try {
      await writeCacheBudgetMb(db, parsed.mb);
      cacheBudgetChanged();
      setDraft(null);
      setMessage({ severity: 'success', text: intl.formatMessage({ id: 'settings.storage.saved', defaultMessage: 'Saved. The cache is checked against the new budget in a moment.' }) });
    } catch (error) {
      setMessage({ severity: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };

  const invalid = message?.severity === 'error';
  return (
    <SettingsCard title={intl.formatMessage({ id: 'settings.storage.title', defaultMessage: 'Storage on this computer' })} id="settings-storage">
      <Box data-testid="storage-facts">
        <Fact label={intl.formatMessage({ id: 'settings.storage.used', defaultMessage: 'Used' })} value={used} />
        <Fact label={intl.formatMessage({ id: 'settings.storage.customers', defaultMessage: 'Customers' })} value={format.number(counts.customers)} />
        <Fact label={intl.formatMessage({ id: 'settings.storage.contacts', defaultMessage: 'History entries' })} value={format.number(counts.contacts)} />
        <Fact
          label={intl.formatMessage({ id: 'settings.storage.evicted', defaultMessage: 'Older history on the hub only' })}
          value={intl.formatMessage(
            { id: 'settings.storage.evictedCount', defaultMessage: '{count, plural, =0 {None} one {# customer} other {# customers}}' },
            { count: counts.evicted },
          )}
        />
      </Box>
      <Box
        component="form"
        noValidate
        sx={{ mt: 2 }}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
          <TextField
            size="small"
            label={intl.formatMessage({ id: 'settings.storage.budget', defaultMessage: 'Cache budget (MB)' })}
            value={draft ?? (budget === null ? '' : String(budget))}
            onChange={(event) => {
              setDraft(event.target.value);
              setMessage(null);
            }}
            error={invalid}
            helperText={intl.formatMessage(
              { id: 'settings.storage.budgetHelp', defaultMessage: 'From {min} to {max}.' },
              { min: megabytes(CACHE_BUDGET_MIN_MB), max: megabytes(CACHE_BUDGET_MAX_MB) },
            )}
            slotProps={{ htmlInput: { inputMode: 'numeric', 'aria-invalid': invalid } }}
            sx={{ width: 220 }}
          />
          <Button type="submit" variant="outlined" disabled={draft === null}>
            <FormattedMessage id="settings.storage.save" defaultMessage="Save budget" />
          </Button>
        </Stack>
      </Box>
      <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
        <FormattedMessage
          id="settings.storage.help"
          defaultMessage="Above the budget, the oldest histories of customers you are not working on are removed from this computer and fetched again from the hub when you open them. Changes waiting to be sent are never removed."
        />
      </Typography>
      {message && (
        <Alert severity={message.severity} sx={{ mt: 2 }} role={message.severity === 'error' ? 'alert' : 'status'}>
          {message.text}
        </Alert>
      )}
    </SettingsCard>
  );
}
