import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import CloudDoneOutlined from '@mui/icons-material/CloudDoneOutlined';
import CloudOffOutlined from '@mui/icons-material/CloudOffOutlined';
import CloudSyncOutlined from '@mui/icons-material/CloudSyncOutlined';
import { useAppState, type ConnectionStatus } from '../state/app';

const LOOK: Record<ConnectionStatus, { label: string; color: 'success' | 'default' | 'info'; icon: React.ReactElement }> = {
  online: { label: 'Online', color: 'success', icon: <CloudDoneOutlined /> },
  offline: { label: 'Offline', color: 'default', icon: <CloudOffOutlined /> },
  connecting: { label: 'Connecting…', color: 'info', icon: <CloudSyncOutlined /> },
};

function timeOf(ms: number | null): string {
  return ms === null ? 'not yet' : new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** Whether the hub can be reached right now; the agent keeps working either way. */
export function ConnectionIndicator() {
  const connection = useAppState((state) => state.connection);
  const hubUrl = useAppState((state) => state.info?.hubUrl);
  const lastCheckedAt = useAppState((state) => state.lastCheckedAt);
  const error = useAppState((state) => state.connectionError);
  const look = LOOK[connection];
  const detail =
    connection === 'offline'
      ? `Hub unreachable${error ? ` (${error})` : ''}. Your work is kept on this device. Checked ${timeOf(lastCheckedAt)}.`
      : `Hub ${hubUrl ?? ''} · checked ${timeOf(lastCheckedAt)}`;
  return (
    <Tooltip title={detail}>
      <Chip
        role="status"
        aria-live="polite"
        aria-label={`Connection: ${look.label}`}
        data-testid="connection-indicator"
        icon={look.icon}
        label={look.label}
        color={look.color}
        variant="outlined"
        size="small"
      />
    </Tooltip>
  );
}
