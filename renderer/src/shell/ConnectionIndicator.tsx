import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import CloudDoneOutlined from '@mui/icons-material/CloudDoneOutlined';
import CloudOffOutlined from '@mui/icons-material/CloudOffOutlined';
import CloudSyncOutlined from '@mui/icons-material/CloudSyncOutlined';
import ErrorOutline from '@mui/icons-material/ErrorOutlineOutlined';
import { useIntl } from 'react-intl';
import { usePendingCount } from '../data/hooks';
import { useFormat } from '../lib/i18n';
import { useSyncErrorText } from '../lib/i18n/said';
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

/** Whether this desktop is in step with the hub, and how many changes wait to reach it. The agent keeps working either way. */
export function ConnectionIndicator() {
  const intl = useIntl();
  const format = useFormat();
  const signedIn = useSession((state) => state.status === 'signed-in');
  const sync = useLocal((state) => state.sync);
  const networkOnline = useLocal((state) => state.networkOnline);
  const health = useAppState((state) => state.connection);
  const hubUrl = useAppState((state) => state.info?.hubUrl);
  const pending = usePendingCount();
  const syncError = useSyncErrorText()(sync);

  // The state's word, with how many changes wait when some do ("Offline · 3 changes waiting").
  const labelled = (state: 'online' | 'offline' | 'problem' | 'connecting' | 'syncing') =>
    intl.formatMessage(
      {
        id: 'shell.connection.label',
        defaultMessage:
          '{pending, plural, =0 {{state, select, online {Online} offline {Offline} problem {Sync problem} connecting {Connecting…} other {Syncing…}}} one {{state, select, online {Online} offline {Offline} problem {Sync problem} connecting {Connecting} other {Syncing}} · # change waiting} other {{state, select, online {Online} offline {Offline} problem {Sync problem} connecting {Connecting} other {Syncing}} · # changes waiting}}',
      },
      { state, pending },
    );
  const lastSynced =
    sync.lastSyncedAt === null
      ? intl.formatMessage({ id: 'shell.connection.neverSynced', defaultMessage: 'Last synced not yet.' })
      : intl.formatMessage({ id: 'shell.connection.lastSynced', defaultMessage: 'Last synced {time}.' }, { time: format.time(sync.lastSyncedAt) });

  let look: Look;
  let label: string;
  let detail: string;
  if (!signedIn) {
    look = health === 'online' ? 'online' : health === 'offline' ? 'offline' : 'syncing';
    label = intl.formatMessage(
      { id: 'shell.connection.signedOutLabel', defaultMessage: '{health, select, online {Online} offline {Offline} other {Connecting…}}' },
      { health: health ?? 'unknown' },
    );
    detail = intl.formatMessage({ id: 'shell.connection.hub', defaultMessage: 'Hub {url}' }, { url: hubUrl ?? '' });
  } else if (!networkOnline || sync.state === 'offline') {
    look = 'offline';
    label = labelled('offline');
    detail = intl.formatMessage(
      {
        id: 'shell.connection.offlineDetail',
        defaultMessage: '{hasError, select, yes {Your work is kept on this device and syncs when the hub is back. {lastSynced} ({error})} other {Your work is kept on this device and syncs when the hub is back. {lastSynced}}}',
      },
      { hasError: syncError ? 'yes' : 'no', lastSynced, error: syncError ?? '' },
    );
  } else if (sync.state === 'error' || sync.state === 'unauthorized') {
    look = 'problem';
    label = labelled('problem');
    detail = `${syncError ?? intl.formatMessage({ id: 'shell.connection.refused', defaultMessage: 'The hub refused to sync.' })} ${lastSynced}`;
  } else if (sync.state === 'starting') {
    // Just signed in or opened: the first connection is being made, which is not being offline.
    look = 'syncing';
    label = labelled('connecting');
    detail = intl.formatMessage({ id: 'shell.connection.connectingDetail', defaultMessage: 'Connecting to the hub. {lastSynced}' }, { lastSynced });
  } else if (sync.state === 'syncing') {
    look = 'syncing';
    label = labelled('syncing');
    detail = lastSynced;
  } else {
    look = 'online';
    label = labelled('online');
    detail = intl.formatMessage({ id: 'shell.connection.onlineDetail', defaultMessage: 'In step with the hub. {lastSynced}' }, { lastSynced });
  }
  return (
    <Tooltip title={detail}>
      <Chip
        role="status"
        aria-live="polite"
        aria-label={intl.formatMessage({ id: 'shell.connection.ariaLabel', defaultMessage: 'Connection: {label}. {detail}' }, { label, detail })}
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
