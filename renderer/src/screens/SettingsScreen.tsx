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
import { bridge } from '../bridge';
import { useDb, usePendingCount, useRejections } from '../data/hooks';
import { useRejectionText } from '../lib/i18n/said';
import { syncNow, useLocal } from '../data/local';
import { useAppState } from '../state/app';
import { ScreenHeader } from '../shell/ScreenHeader';
import { Fact, SettingsCard } from '../components/SettingsCard';
import { AccountCard } from './settings/AccountCard';
import { DiagnosticsCard } from './settings/DiagnosticsCard';
import { UpdatesCard } from './settings/UpdatesCard';
import { DesktopCard } from './settings/DesktopCard';
import { LanguageCard } from './settings/LanguageCard';

function Appearance() {
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
    <SettingsCard title="Appearance" id="settings-appearance">
      <ToggleButtonGroup
        exclusive
        size="small"
        value={mode ?? 'system'}
        aria-label="Theme"
        onChange={(_event, value: unknown) => {
          const parsed = ThemePreferenceSchema.safeParse(value);
          if (parsed.success) choose(parsed.data);
        }}
      >
        <ToggleButton value="system">Follow the system</ToggleButton>
        <ToggleButton value="light">Light</ToggleButton>
        <ToggleButton value="dark">Dark</ToggleButton>
      </ToggleButtonGroup>
      {error && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {error}
        </Alert>
      )}
    </SettingsCard>
  );
}

function HubConnection() {
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
  const modeLabel = mode === 'embedded' ? 'Embedded on this computer' : mode === 'remote' ? 'Remote hub' : 'The server this page came from';
  const storage = health ? (health.storage === 'pglite' ? 'PGlite (embedded PostgreSQL)' : 'PostgreSQL') : '—';

  const save = async (hubUrl: string | null) => {
    if (hubUrl !== null) {
      const parsed = HttpUrlSchema.safeParse(hubUrl.trim());
      if (!parsed.success) {
        setMessage({ severity: 'error', text: 'Enter the hub address as http://… or https://…' });
        return;
      }
      hubUrl = parsed.data;
    }
    try {
      const next = await bridge.updateSettings({ hubUrl });
      setSettings(next);
      setMessage({ severity: 'success', text: 'Saved. AgentDesk restarts to connect to the new hub.' });
      await bridge.relaunch();
    } catch (error) {
      setMessage({ severity: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <SettingsCard title="Hub connection" id="settings-hub">
      <Fact label="Hub" value={modeLabel} />
      <Fact label="Address" value={info?.hubUrl ?? '—'} />
      <Fact label="Status" value={connection === 'online' ? 'Online' : connection === 'offline' ? 'Offline' : 'Connecting…'} />
      <Fact label="Storage" value={storage} />
      <Fact label="Schema version" value={health ? String(health.schemaVersion) : '—'} />
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
              label="Remote hub address"
              placeholder="https://hub.example.com"
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
              sx={{ flex: 1 }}
            />
            <Button type="submit" variant="contained" disabled={!draft.trim()}>
              Connect and restart
            </Button>
            {settings.hubUrl && (
              <Button variant="outlined" onClick={() => void save(null)}>
                Use the embedded hub
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

const SYNC_STATES = {
  starting: 'Starting',
  syncing: 'Syncing',
  online: 'In step with the hub',
  offline: 'Offline: changes are kept on this device',
  error: 'Sync problem',
  unauthorized: 'Signed out by the hub',
  stopped: 'Stopped',
} as const;

function timeOf(at: number | null): string {
  return at === null ? 'Not yet' : new Date(at).toLocaleString([], { dateStyle: 'medium', timeStyle: 'medium' });
}

/** This device's sync: where it stands, what waits, and what the hub refused. */
function SyncCard() {
  const db = useDb();
  const sync = useLocal((state) => state.sync);
  const pending = usePendingCount();
  const rejections = useRejections();
  const rejectionText = useRejectionText();
  return (
    <SettingsCard title="Sync" id="settings-sync">
      <Fact label="State" value={SYNC_STATES[sync.state]} />
      <Fact label="Last synced" value={timeOf(sync.lastSyncedAt)} />
      <Fact label="Changes waiting" value={pending === 0 ? 'None' : String(pending)} />
      {sync.error && sync.state !== 'online' && <Fact label="Last problem" value={sync.error} />}
      {sync.retryAt && <Fact label="Next attempt" value={timeOf(sync.retryAt)} />}
      <Button variant="outlined" sx={{ mt: 1.5 }} onClick={syncNow}>
        Sync now
      </Button>
      {rejections.length > 0 && (
        <Box sx={{ mt: 2 }}>
          <Typography variant="h3" sx={{ mb: 1 }}>
            Changes the hub refused
          </Typography>
          <Stack spacing={1}>
            {rejections.map((rejection) => (
              <Alert
                key={rejection.id}
                severity="warning"
                action={
                  <Button color="inherit" size="small" onClick={() => void db?.rejections.delete(rejection.id)}>
                    Dismiss
                  </Button>
                }
              >
                {rejectionText(rejection)} <Typography component="span" variant="caption">({timeOf(rejection.madeAt)})</Typography>
              </Alert>
            ))}
          </Stack>
        </Box>
      )}
    </SettingsCard>
  );
}

function About() {
  const info = useAppState((state) => state.info);
  return (
    <SettingsCard title="About" id="settings-about">
      <Fact label="Version" value={info?.version ?? '—'} />
      <Fact label="Running in" value={info ? (info.host === 'electron' ? 'Desktop app' : 'Browser') : '—'} />
      <Fact label="System" value={info?.os ?? '—'} />
    </SettingsCard>
  );
}

export function SettingsScreen() {
  return (
    <>
      <ScreenHeader title="Settings" description="Appearance, your account, hub connection and this device" />
      <Stack spacing={2} sx={{ maxWidth: 880 }}>
        <LanguageCard />
        <Appearance />
        <AccountCard />
        <SyncCard />
        <HubConnection />
        <DesktopCard />
        <About />
        <UpdatesCard />
        <DiagnosticsCard />
      </Stack>
    </>
  );
}
