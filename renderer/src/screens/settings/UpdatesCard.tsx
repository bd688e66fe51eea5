/**
 * Settings › Updates: the desktop app's version, its update feed and where
 * the updater stands; "Restart to update" waits until the agent holds no
 * contact. In a browser the hub's new version reaches the page by itself.
 */
import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { HttpUrlSchema, type DesktopSettings } from '@core/bridge';
import { describeUpdateStatus, restartRefusalMessage, updateNoteMessage } from '@core/updates';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { bridge } from '../../bridge';
import { Fact, SettingsCard } from '../../components/SettingsCard';
import { useUpdateState } from '../../data/updates';
import { useMidContact } from '../../data/workInHand';
import { useAppState } from '../../state/app';

type Message = { severity: 'error' | 'success' | 'info'; text: string };

/** An example address (not words). */
const FEED_EXAMPLE = 'https://hub.example.com/updates/';

const TEXT = defineMessages({
  midContact: { id: 'settings.updates.midContact', defaultMessage: 'Finish your contact first: AgentDesk restarts to update only when you hold no contact.' },
});

function FeedForm({ onSaved }: { onSaved: (message: Message) => void }) {
  const intl = useIntl();
  const [settings, setSettings] = useState<DesktopSettings | null>(null);
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    void bridge.getSettings().then((value) => {
      setSettings(value);
      setDraft(value.updateFeedUrl ?? '');
    });
  }, []);
  if (!settings) return null;

  const save = async (value: string | null) => {
    let updateFeedUrl = value;
    if (updateFeedUrl !== null) {
      const parsed = HttpUrlSchema.safeParse(updateFeedUrl.trim());
      if (!parsed.success) {
        setProblem(
          intl.formatMessage(
            { id: 'settings.updates.badFeed', defaultMessage: 'Enter the feed address as http://… or https://…, for example {example}' },
            { example: FEED_EXAMPLE },
          ),
        );
        return;
      }
      updateFeedUrl = parsed.data;
    }
    try {
      const next = await bridge.updateSettings({ updateFeedUrl });
      setSettings(next);
      setDraft(next.updateFeedUrl ?? '');
      setProblem(null);
      onSaved({ severity: 'success', text: intl.formatMessage({ id: 'settings.updates.feedSaved', defaultMessage: 'Saved. AgentDesk uses this feed from its next start.' }) });
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <Box
      component="form"
      noValidate
      sx={{ mt: 2 }}
      onSubmit={(event) => {
        event.preventDefault();
        void save(draft);
      }}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
        <TextField
          size="small"
          label={intl.formatMessage({ id: 'settings.updates.feedAddress', defaultMessage: 'Update feed address' })}
          placeholder={FEED_EXAMPLE}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          error={problem !== null}
          helperText={problem ?? intl.formatMessage({ id: 'settings.updates.feedHelp', defaultMessage: 'Leave empty to use a remote hub’s own feed.' })}
          sx={{ flex: 1 }}
        />
        <Button type="submit" variant="contained" disabled={!draft.trim()}>
          <FormattedMessage id="settings.updates.saveFeed" defaultMessage="Save feed" />
        </Button>
        {settings.updateFeedUrl && (
          <Button variant="outlined" onClick={() => void save(null)}>
            <FormattedMessage id="settings.updates.useDefault" defaultMessage="Use the default" />
          </Button>
        )}
      </Stack>
    </Box>
  );
}

function DesktopUpdates() {
  const intl = useIntl();
  const [state, setState] = useUpdateState();
  const midContact = useMidContact();
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);

  const check = async () => {
    setBusy(true);
    try {
      setState(await bridge.checkForUpdates());
      setMessage(null);
    } catch (error) {
      setMessage({ severity: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(false);
    }
  };
  const restart = async () => {
    const answer = await bridge.restartToUpdate();
    if (!answer.restarting && answer.reason) {
      const refusal = restartRefusalMessage(answer.reason);
      setMessage({ severity: 'info', text: intl.formatMessage(refusal.descriptor, refusal.values) });
    }
  };

  const status = state?.status;
  const said = state ? (state.note ? updateNoteMessage(state.note) : describeUpdateStatus(state.status)) : null;
  const ready = status?.state === 'ready';
  const running = status?.state === 'checking' || status?.state === 'downloading';
  return (
    <>
      <Fact
        label={intl.formatMessage({ id: 'settings.updates.feed', defaultMessage: 'Update feed' })}
        value={state ? (state.feedUrl ?? intl.formatMessage({ id: 'settings.updates.noFeed', defaultMessage: 'None' })) : '—'}
      />
      <Box role="status" sx={{ py: 0.5 }}>
        <Fact label={intl.formatMessage({ id: 'settings.updates.status', defaultMessage: 'Status' })} value={said ? intl.formatMessage(said.descriptor, said.values) : '—'} />
        {status?.state === 'downloading' && (
          <LinearProgress
            variant="determinate"
            value={status.percent}
            aria-label={intl.formatMessage({ id: 'settings.updates.download', defaultMessage: 'Download of the update' })}
            sx={{ mt: 1 }}
          />
        )}
      </Box>
      <Stack direction="row" spacing={1} sx={{ mt: 1.5, alignItems: 'center' }}>
        <Button variant="outlined" onClick={() => void check()} disabled={!state || state.note !== null || busy || running || ready}>
          <FormattedMessage id="settings.updates.check" defaultMessage="Check now" />
        </Button>
        {ready && (
          <Button variant="contained" onClick={() => void restart()} disabled={midContact} aria-describedby={midContact ? 'settings-updates-wait' : undefined}>
            <FormattedMessage id="settings.updates.restart" defaultMessage="Restart to update" />
          </Button>
        )}
        {ready && midContact && (
          <Typography variant="body2" color="text.secondary" id="settings-updates-wait">
            {intl.formatMessage(TEXT.midContact)}
          </Typography>
        )}
      </Stack>
      <FeedForm onSaved={setMessage} />
      {message && (
        <Alert severity={message.severity} sx={{ mt: 2 }}>
          {message.text}
        </Alert>
      )}
    </>
  );
}

export function UpdatesCard() {
  const intl = useIntl();
  const version = useAppState((state) => state.info?.version);
  return (
    <SettingsCard title={intl.formatMessage({ id: 'settings.updates.title', defaultMessage: 'Updates' })} id="settings-updates">
      <Fact label={intl.formatMessage({ id: 'settings.updates.currentVersion', defaultMessage: 'Current version' })} value={version ?? '—'} />
      {bridge.host === 'electron' ? (
        <DesktopUpdates />
      ) : (
        <Typography variant="body2" sx={{ mt: 1 }}>
          <FormattedMessage
            id="settings.updates.web"
            defaultMessage="The web workstation updates itself: when the hub serves a new version, AgentDesk tells you and you choose when to reload — never in the middle of a contact."
          />
        </Typography>
      )}
    </SettingsCard>
  );
}

