/** The desktop updater's state for the Updates panel, and what it must know about the agent's work. */
import { useEffect, useState } from 'react';
import type { UpdateState } from '@core/updates';
import { bridge } from '../bridge';
import { reportMidContact } from '../state/appUpdate';
import { useMidContact } from './workInHand';

/** The updater's state as main reports it; null in a browser or until main has answered. */
export function useUpdateState(): [UpdateState | null, (state: UpdateState | null) => void] {
  const [state, setState] = useState<UpdateState | null>(null);
  useEffect(() => {
    let live = true;
    const stop = bridge.onUpdateState((next) => setState(next));
    void bridge.updateState().then((first) => {
      if (live) setState((current) => current ?? first);
    });
    return () => {
      live = false;
      stop();
    };
  }, []);
  return [state, setState];
}

/**
 * Keeps the host (the desktop's updater) and the web workstation's update notice told whether the
 * agent is mid-contact, so nothing restarts or reloads the app under them.
 */
export function useReportMidContact(): void {
  const midContact = useMidContact();
  useEffect(() => {
    reportMidContact(midContact);
    void bridge.setMidContact(midContact).catch(() => undefined);
  }, [midContact]);
  useEffect(
    () => () => {
      reportMidContact(false);
      void bridge.setMidContact(false).catch(() => undefined);
    },
    [],
  );
}
