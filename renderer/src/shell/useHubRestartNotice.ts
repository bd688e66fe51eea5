/** Tells the agent when the desktop's local hub stopped and was restarted (or could not be). */
import { useEffect } from 'react';
import type { HubRestartedEvent } from '@core/bridge';
import { bridge } from '../bridge';
import { useAppState } from '../state/app';

export const HUB_RESTART_MESSAGES: Record<HubRestartedEvent['outcome'], string> = {
  restarted: 'The local hub stopped and was restarted. Changes waiting on this computer are sending again.',
  'gave-up': 'The local hub keeps stopping and is no longer restarted. Your changes wait safely here; restart AgentDesk to try again.',
};

export function useHubRestartNotice(): void {
  const notify = useAppState((state) => state.notify);
  useEffect(() => bridge.onHubRestarted((event) => notify(HUB_RESTART_MESSAGES[event.outcome])), [notify]);
}
