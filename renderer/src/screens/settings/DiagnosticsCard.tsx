/** Settings › Diagnostics: the text IT asks for (nothing personal), and the desktop's log folder. */
import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { HostDiagnostics } from '@core/diagnostics';
import { bridge } from '../../bridge';
import { Fact, SettingsCard } from '../../components/SettingsCard';
import { collectDiagnostics } from '../../data/diagnostics';

type Message = { severity: 'success' | 'error' | 'info'; text: string };

export function DiagnosticsCard() {
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
      setMessage({ severity: 'success', text: 'Diagnostics copied. Paste them into your message to IT.' });
    } catch {
      setFallback(text);
      setMessage({ severity: 'info', text: 'This browser did not allow copying: select the text below and copy it.' });
    }
  };

  const openLogs = () => {
    bridge.openLogsFolder().then(
      () => setMessage(null),
      (error: unknown) => setMessage({ severity: 'error', text: error instanceof Error ? error.message : String(error) }),
    );
  };

  return (
    <SettingsCard title="Diagnostics" id="settings-diagnostics">
      <Typography variant="body2" sx={{ mb: 1.5 }} id="settings-diagnostics-what">
        For your IT department: versions, the hub and sync state, changes waiting, refusals and recent errors. No names, contact details,
        customer data or passwords.
      </Typography>
      {host && (
        <>
          <Fact label="Log files" value={host.logsDir} />
          <Fact label="Crash dumps" value={host.crashSubmitUrl ? `${host.crashDumpsDir} (also sent to ${host.crashSubmitUrl})` : `${host.crashDumpsDir} (kept on this computer)`} />
        </>
      )}
      <Stack direction="row" spacing={1} sx={{ mt: 1.5 }}>
        <Button variant="outlined" onClick={() => void copy()} aria-describedby="settings-diagnostics-what">
          Copy diagnostics
        </Button>
        {bridge.host === 'electron' && (
          <Button variant="outlined" onClick={openLogs}>
            Open logs folder
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
          label="Diagnostics"
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
