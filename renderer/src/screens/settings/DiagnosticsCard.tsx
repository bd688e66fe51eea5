/** Settings › Diagnostics: the text IT asks for (nothing personal), and the desktop's log folder. */
import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { HostDiagnostics } from '@core/diagnostics';
import { FormattedMessage, useIntl } from 'react-intl';
import { bridge } from '../../bridge';
import { Fact, SettingsCard } from '../../components/SettingsCard';
import { collectDiagnostics } from '../../data/diagnostics';

type Message = { severity: 'success' | 'error' | 'info'; text: string };

export function DiagnosticsCard() {
  const intl = useIntl();
  const [host, setHost] = useState<HostDiagnostics | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  /** Shown when the clipboard refused, to copy by hand. */
  const [fallback, setFallback] = useState<string | null>(null);

  useEffect(() => {
    void bridge.hostDiagnostics().then(setHost, () => setHost(null));
  }, []);

  const copy = async () => {
    const text = await collectDiagnostics();
    try {
      await navigator.clipboard.writeText(text);
      setFallback(null);
      setMessage({ severity: 'success', text: intl.formatMessage({ id: 'settings.diagnostics.copied', defaultMessage: 'Diagnostics copied. Paste them into your message to IT.' }) });
    } catch {
      setFallback(text);
      setMessage({
        severity: 'info',
        text: intl.formatMessage({ id: 'settings.diagnostics.copyRefused', defaultMessage: 'This browser did not allow copying: select the text below and copy it.' }),
      });
    }
  };

  const openLogs = () => {
    bridge.openLogsFolder().then(
      () => setMessage(null),
      (error: unknown) => setMessage({ severity: 'error', text: error instanceof Error ? error.message : String(error) }),
    );
  };

  return (
    <SettingsCard title={intl.formatMessage({ id: 'settings.diagnostics.title', defaultMessage: 'Diagnostics' })} id="settings-diagnostics">
      <Typography variant="body2" sx={{ mb: 1.5 }} id="settings-diagnostics-what">
        <FormattedMessage
          id="settings.diagnostics.what"
          defaultMessage="For your IT department: versions, the hub and sync state, changes waiting, refusals and recent errors. No names, contact details, customer data or passwords."
        />
      </Typography>
      {host && (
        <>
          <Fact label={intl.formatMessage({ id: 'settings.diagnostics.logs', defaultMessage: 'Log files' })} value={host.logsDir} />
          <Fact
            label={intl.formatMessage({ id: 'settings.diagnostics.crashDumps', defaultMessage: 'Crash dumps' })}
            value={
              host.crashSubmitUrl
                ? intl.formatMessage({ id: 'settings.diagnostics.crashSent', defaultMessage: '{folder} (also sent to {url})' }, { folder: host.crashDumpsDir, url: host.crashSubmitUrl })
                : intl.formatMessage({ id: 'settings.diagnostics.crashKept', defaultMessage: '{folder} (kept on this computer)' }, { folder: host.crashDumpsDir })
            }
          />
        </>
      )}
      <Stack direction="row" spacing={1} sx={{ mt: 1.5 }}>
        <Button variant="outlined" onClick={() => void copy()} aria-describedby="settings-diagnostics-what">
          <FormattedMessage id="settings.diagnostics.copy" defaultMessage="Copy diagnostics" />
        </Button>
        {bridge.host === 'electron' && (
          <Button variant="outlined" onClick={openLogs}>
            <FormattedMessage id="settings.diagnostics.openLogs" defaultMessage="Open logs folder" />
          </Button>
        )}
      </Stack>
      <div role="status">
        {message && (
          <Alert severity={message.severity} sx={{ mt: 2 }}>
            {message.text}
          </Alert>
        )}
      </div>
      {fallback && (
        <TextField
          label={intl.formatMessage({ id: 'settings.diagnostics.title', defaultMessage: 'Diagnostics' })}
          value={fallback}
          multiline
          minRows={6}
          maxRows={16}
          fullWidth
          sx={{ mt: 2 }}
          slotProps={{ htmlInput: { readOnly: true, spellCheck: false, style: { fontFamily: 'monospace', fontSize: 12 } } }}
          onFocus={(event) => event.target.select()}
        />
      )}
    </SettingsCard>
  );
}
