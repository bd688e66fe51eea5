import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useColorScheme } from '@mui/material/styles';
import { HttpUrlSchema, ThemePreferenceSchema, type DesktopSettings, type ThemePreference } from '@core/bridge';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { bridge } from '../bridge';
import { COMMON } from '../components/commonMessages';
import { useFormat } from '../lib/i18n';
import { useDb, usePendingCount, useRejections } from '../data/hooks';
import { useRejectionText, useSyncErrorText } from '../lib/i18n/said';
import { syncNow, useLocal } from '../data/local';
import { useAppState } from '../state/app';
import { ScreenHeader } from '../shell/ScreenHeader';
import { Fact, SettingsCard } from '../components/SettingsCard';
import { AccountCard } from './settings/AccountCard';
import { DiagnosticsCard } from './settings/DiagnosticsCard';
import { UpdatesCard } from './settings/UpdatesCard';
import { DesktopCard } from './settings/DesktopCard';
import { LanguageCard } from './settings/LanguageCard';
import { StorageCard } from './settings/StorageCard';

function Appearance() {
  const intl = useIntl();
  const { mode, setMode } = useColorScheme();
  const [error, setError] = useState<string | null>(null);
  const choose = (value: ThemePreference) => {
    setMode(value);
    bridge.updateSettings({ theme: value }).then(
      () => setError(null),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  };
  return (
    <SettingsCard title={intl.formatMessage({ id: 'settings.appearance.title', defaultMessage: 'Appearance' })} id="settings-appearance">
      <ToggleButtonGroup
        exclusive
        size="small"
        value={mode ?? 'system'}
        aria-label={intl.formatMessage({ id: 'settings.appearance.theme', defaultMessage: 'Theme' })}
        onChange={(_event, value: unknown) => {
          const parsed = ThemePreferenceSchema.safeParse(value);
          if (parsed.success) choose(parsed.data);
        }}
      >
        <ToggleButton value="system">
          <FormattedMessage id="settings.appearance.system" defaultMessage="Follow the system" />
        </ToggleButton>
        <ToggleButton value="light">
          <FormattedMessage id="settings.appearance.light" defaultMessage="Light" />
        </ToggleButton>
        <ToggleButton value="dark">
          <FormattedMessage id="settings.appearance.dark" defaultMessage="Dark" />
        </ToggleButton>
      </ToggleButtonGroup>
      {error && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {error}
        </Alert>
      )}
    </SettingsCard>
  );
}

/** An example address (not words). */
const HUB_EXAMPLE = 'https://hub.example.com';

function HubConnection() {
  const intl = useIntl();
  const info = useAppState((state) => state.info);
  const health = useAppState((state) => state.health);
  const connection = useAppState((state) => state.connection);
  const [settings, setSettings] = useState<DesktopSettings | null>(null);
  const [draft, setDraft] = useState('');
  const [message, setMessage] = useState<{ severity: 'error' | 'success'; text: string } | null>(null);

  useEffect(() => {
    void bridge.getSettings().then((value) => {
      setSettings(value);
      setDraft(value.hubUrl ?? '');
    });
  }, []);

  const mode = info?.hubMode;
  const modeLabel = intl.formatMessage(
    {
      id: 'settings.hub.mode',
      defaultMessage: '{mode, select, embedded {Embedded on this computer} remote {Remote hub} other {The server this page came from}}',
    },
    { mode: mode ?? 'served' },
  );
  const storage = health
    ? health.storage === 'pglite'
      ? intl.formatMessage({ id: 'settings.hub.storagePglite', defaultMessage: 'PGlite (embedded PostgreSQL)' })
      : 'PostgreSQL'
    : '—';

  const save = async (hubUrl: string | null) => {
    if (hubUrl !== null) {
      const parsed = HttpUrlSchema.safeParse(hubUrl.trim());
      if (!parsed.success) {
        setMessage({ severity: 'error', text: intl.formatMessage({ id: 'settings.hub.badAddress', defaultMessage: 'Enter the hub address as http://… or https://…' }) });
        return;
      }
      hubUrl = parsed.data;
    }
    try {
      const next = await bridge.updateSettings({ hubUrl });
      setSettings(next);
      setMessage({ severity: 'success', text: intl.formatMessage({ id: 'settings.hub.saved', defaultMessage: 'Saved. AgentDesk restarts to connect to the new hub.' }) });
      await bridge.relaunch();
    } catch (error) {
      setMessage({ severity: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <SettingsCard title={intl.formatMessage({ id: 'settings.hub.title', defaultMessage: 'Hub connection' })} id="settings-hub">
      <Fact label={intl.formatMessage({ id: 'settings.hub.hub', defaultMessage: 'Hub' })} value={modeLabel} />
      <Fact label={intl.formatMessage({ id: 'settings.hub.address', defaultMessage: 'Address' })} value={info?.hubUrl ?? '—'} />
      <Fact
        label={intl.formatMessage({ id: 'settings.hub.status', defaultMessage: 'Status' })}
        value={intl.formatMessage(
          { id: 'settings.hub.connection', defaultMessage: '{connection, select, online {Online} offline {Offline} other {Connecting…}}' },
          { connection },
        )}
      />
      <Fact label={intl.formatMessage({ id: 'settings.hub.storage', defaultMessage: 'Storage' })} value={storage} />
      <Fact label={intl.formatMessage({ id: 'settings.hub.schemaVersion', defaultMessage: 'Schema version' })} value={health ? String(health.schemaVersion) : '—'} />
      {bridge.host === 'electron' && settings && (
        <Box
          component="form"
          sx={{ mt: 2 }}
          onSubmit={(event) => {
            event.preventDefault();
            void save(draft);
          }}
        >
          <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
            <TextField
              size="small"
              label={intl.formatMessage({ id: 'settings.hub.remoteAddress', defaultMessage: 'Remote hub address' })}
              placeholder={HUB_EXAMPLE}
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
              sx={{ flex: 1 }}
            />
            <Button type="submit" variant="contained" disabled={!draft.trim()}>
              <FormattedMessage id="settings.hub.connect" defaultMessage="Connect and restart" />
            </Button>
            {settings.hubUrl && (
              <Button variant="outlined" onClick={() => void save(null)}>
                <FormattedMessage id="settings.hub.useEmbedded" defaultMessage="Use the embedded hub" />
              </Button>
            )}
          </Stack>
        </Box>
      )}
      {message && (
        <Alert severity={message.severity} sx={{ mt: 2 }}>
          {message.text}
        </Alert>
      )}
    </SettingsCard>
  );
}

const SYNC_STATES = defineMessages({
  starting: { id: 'settings.sync.state.starting', defaultMessage: 'Starting' },
  syncing: { id: 'settings.sync.state.syncing', defaultMessage: 'Syncing' },
  online: { id: 'settings.sync.state.online', defaultMessage: 'In step with the hub' },
  offline: { id: 'settings.sync.state.offline', defaultMessage: 'Offline: changes are kept on this device' },
  error: { id: 'settings.sync.state.error', defaultMessage: 'Sync problem' },
  unauthorized: { id: 'settings.sync.state.unauthorized', defaultMessage: 'Signed out by the hub' },
  stopped: { id: 'settings.sync.state.stopped', defaultMessage: 'Stopped' },
});

/** This device's sync: where it stands, what waits, and what the hub refused. */
function SyncCard() {
  const intl = useIntl();
  const format = useFormat();
  const timeOf = (at: number | null) => (at === null ? intl.formatMessage(COMMON.notYet) : format.dateTime(at, { withYear: true }));
  const db = useDb();
  const sync = useLocal((state) => state.sync);
  const pending = usePendingCount();
  const rejections = useRejections();
  const rejectionText = useRejectionText();
  const syncError = useSyncErrorText()(sync);
  return (
    <SettingsCard title={intl.formatMessage({ id: 'settings.sync.title', defaultMessage: 'Sync' })} id="settings-sync">
      <Fact label={intl.formatMessage({ id: 'settings.sync.state', defaultMessage: 'State' })} value={intl.formatMessage(SYNC_STATES[sync.state])} />
      <Fact label={intl.formatMessage({ id: 'settings.sync.lastSynced', defaultMessage: 'Last synced' })} value={timeOf(sync.lastSyncedAt)} />
      <Fact
        label={intl.formatMessage({ id: 'settings.sync.waiting', defaultMessage: 'Changes waiting' })}
        value={pending === 0 ? intl.formatMessage({ id: 'settings.sync.none', defaultMessage: 'None' }) : format.number(pending)}
      />
      {syncError && sync.state !== 'online' && <Fact label={intl.formatMessage({ id: 'settings.sync.lastProblem', defaultMessage: 'Last problem' })} value={syncError} />}
      {sync.retryAt && <Fact label={intl.formatMessage({ id: 'settings.sync.nextAttempt', defaultMessage: 'Next attempt' })} value={timeOf(sync.retryAt)} />}
      <Button variant="outlined" sx={{ mt: 1.5 }} onClick={syncNow}>
        <FormattedMessage id="settings.sync.now" defaultMessage="Sync now" />
      </Button>
      {rejections.length > 0 && (
        <Box sx={{ mt: 2 }}>
          <Typography variant="h3" sx={{ mb: 1 }}>
            <FormattedMessage id="settings.sync.refused" defaultMessage="Changes the hub refused" />
          </Typography>
          <Stack spacing={1}>
            {rejections.map((rejection) => (
              <Alert
                key={rejection.id}
                severity="warning"
                action={
                  <Button color="inherit" size="small" onClick={() => void db?.rejections.delete(rejection.id)}>
                    {intl.formatMessage(COMMON.dismiss)}
                  </Button>
                }
              >
                <FormattedMessage
                  id="settings.sync.refusal"
                  defaultMessage="{message} <small>({when})</small>"
                  values={{
                    message: rejectionText(rejection),
                    when: timeOf(rejection.madeAt),
                    small: (chunks) => (
                      <Typography component="span" variant="caption">
                        {chunks}
                      </Typography>
                    ),
                  }}
                />
              </Alert>
            ))}
          </Stack>
        </Box>
      )}
    </SettingsCard>
  );
}

function About() {
  const intl = useIntl();
  const info = useAppState((state) => state.info);
  return (
    <SettingsCard title={intl.formatMessage({ id: 'settings.about.title', defaultMessage: 'About' })} id="settings-about">
      <Fact label={intl.formatMessage({ id: 'settings.about.version', defaultMessage: 'Version' })} value={info?.version ?? '—'} />
      <Fact
        label={intl.formatMessage({ id: 'settings.about.runningIn', defaultMessage: 'Running in' })}
        value={
          info
            ? intl.formatMessage({ id: 'settings.about.host', defaultMessage: '{host, select, electron {Desktop app} other {Browser}}' }, { host: info.host })
            : '—'
        }
      />
      <Fact label={intl.formatMessage({ id: 'settings.about.system', defaultMessage: 'System' })} value={info?.os ?? '—'} />
    </SettingsCard>
  );
}

export function SettingsScreen() {
  const intl = useIntl();
  return (
    <>
      <ScreenHeader
        title={intl.formatMessage({ id: 'settings.screen.title', defaultMessage: 'Settings' })}
        description={intl.formatMessage({ id: 'settings.screen.description', defaultMessage: 'Appearance, your account, hub connection and this device' })}
      />
      <Stack spacing={2} sx={{ maxWidth: 880 }}>
        <LanguageCard />
        <Appearance />
        <AccountCard />
        <SyncCard />
        <StorageCard />
        <HubConnection />
        <DesktopCard />
        <About />
        <UpdatesCard />
        <DiagnosticsCard />
      </Stack>
    </>
  );
}
