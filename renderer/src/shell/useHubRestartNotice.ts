/** Tells the agent when the desktop's local hub stopped and was restarted (or could not be). */
import { useEffect } from 'react';
import { defineMessages, useIntl, type MessageDescriptor } from 'react-intl';
import type { HubRestartedEvent } from '@core/bridge';
import { bridge } from '../bridge';
import { useAppState } from '../state/app';

export const HUB_RESTART_MESSAGES = defineMessages({
  restarted: { id: 'notices.hubRestart.restarted', defaultMessage: 'The local hub stopped and was restarted. Changes waiting on this computer are sending again.' },
  'gave-up': {
    id: 'notices.hubRestart.gaveUp',
    defaultMessage: 'The local hub keeps stopping and is no longer restarted. Your changes wait safely here; restart AgentDesk to try again.',
  },
}) satisfies Record<HubRestartedEvent['outcome'], MessageDescriptor>;

export function useHubRestartNotice(): void {
  const intl = useIntl();
  const notify = useAppState((state) => state.notify);
  useEffect(() => bridge.onHubRestarted((event) => notify(intl.formatMessage(HUB_RESTART_MESSAGES[event.outcome]))), [notify, intl]);
}
