import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import CloudDoneOutlined from '@mui/icons-material/CloudDoneOutlined';
import CloudOffOutlined from '@mui/icons-material/CloudOffOutlined';
import CloudSyncOutlined from '@mui/icons-material/CloudSyncOutlined';
import ErrorOutline from '@mui/icons-material/ErrorOutlineOutlined';
import { usePendingCount } from '../data/hooks';
import { useLocal } from '../data/local';
import { useAppState } from '../state/app';
import { useSession } from '../state/session';

type Look = 'online' | 'offline' | 'syncing' | 'problem';

const ICONS: Record<Look, React.ReactElement> = {
  online: <CloudDoneOutlined />,
  offline: <CloudOffOutlined />,
  syncing: <CloudSyncOutlined />,
  problem: <ErrorOutline />,
};
const COLORS: Record<Look, 'success' | 'default' | 'info' | 'warning'> = { online: 'success', offline: 'default', syncing: 'info', problem: 'warning' };

function timeOf(ms: number | null): string {
  return ms === null ? 'not yet' : new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

function waiting(count: number): string {
  return count === 1 ? '1 change waiting' : `${count} changes waiting`;
}

/** Whether this desktop is in step with the hub, and how many changes wait to reach it. The agent keeps working either way. */
export function ConnectionIndicator() {
  const signedIn = useSession((state) => state.status === 'signed-in');
  const sync = useLocal((state) => state.sync);
  const networkOnline = useLocal((state) => state.networkOnline);
  const health = useAppState((state) => state.connection);
  const hubUrl = useAppState((state) => state.info?.hubUrl);
  const pending = usePendingCount();

  let look: Look;
  let label: string;
  let detail: string;
  if (!signedIn) {
    look = health === 'online' ? 'online' : health === 'offline' ? 'offline' : 'syncing';
    label = health === 'online' ? 'Online' : health === 'offline' ? 'Offline' : 'Connecting…';
    detail = `Hub ${hubUrl ?? ''}`;
  } else if (!networkOnline || sync.state === 'offline') {
    look = 'offline';
    label = pending ? `Offline · ${waiting(pending)}` : 'Offline';
    detail = `Your work is kept on this device and syncs when the hub is back. Last synced ${timeOf(sync.lastSyncedAt)}.${sync.error ? ` (${sync.error})` : ''}`;
  } else if (sync.state === 'error' || sync.state === 'unauthorized') {
    look = 'problem';
    label = pending ? `Sync problem · ${waiting(pending)}` : 'Sync problem';
    detail = `${sync.error ?? 'The hub refused to sync.'} Last synced ${timeOf(sync.lastSyncedAt)}.`;
  } else if (sync.state === 'starting') {
    // Just signed in or opened: the first connection is being made, which is not being offline.
    look = 'syncing';
    label = pending ? `Connecting · ${waiting(pending)}` : 'Connecting…';
    detail = `Connecting to the hub. Last synced ${timeOf(sync.lastSyncedAt)}.`;
  } else if (sync.state === 'syncing') {
    look = 'syncing';
    label = pending ? `Syncing · ${waiting(pending)}` : 'Syncing…';
    detail = `Last synced ${timeOf(sync.lastSyncedAt)}.`;
  } else {
    look = 'online';
    label = pending ? `Online · ${waiting(pending)}` : 'Online';
    detail = `In step with the hub. Last synced ${timeOf(sync.lastSyncedAt)}.`;
  }
  return (
    <Tooltip title={detail}>
      <Chip
        role="status"
        aria-live="polite"
        aria-label={`Connection: ${label}. ${detail}`}
        data-testid="connection-indicator"
        data-state={look}
        icon={ICONS[look]}
        label={label}
        color={COLORS[look]}
        variant="outlined"
        size="small"
      />
    </Tooltip>
  );
}
