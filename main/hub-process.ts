/**
 * The embedded hub in its own process (Electron's utilityProcess): a slow query or a crash in the hub
 * never freezes or takes down the window. main/hub-supervisor.ts decides when to restart it.
 */
import { utilityProcess } from 'electron';
import { HubChildReportSchema, type HubChildCommand, type HubChildStart } from '@core/hub-child-messages';
import { createHubSupervisor, type HubChildEvents, type HubChildHandle, type HubSupervisor } from './hub-supervisor';

/** How long a child asked to stop may take (the hub drains and closes its database) before it is killed. */
export const STOP_GRACE_MS = 15_000;

export interface HubChildConfig extends Omit<HubChildStart, 'type' | 'port'> {
  /** The built child entry (out/main/hub-child.js). */
  entry: string;
}

/** Forks one hub child on `port` and relays what it reports, validated. */
export function forkHubChild(config: HubChildConfig, port: number, events: HubChildEvents): HubChildHandle {
  const { entry, ...start } = config;
  const child = utilityProcess.fork(entry, [], { serviceName: 'AgentDesk hub', stdio: 'inherit' });
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) => {
    child.once('exit', (code) => {
      exited = true;
      resolve();
      events.exited(code);
    });
  });
  child.on('message', (raw: unknown) => {
    const report = HubChildReportSchema.safeParse(raw);
    if (!report.success) return;
    if (report.data.type === 'ready') events.ready({ url: report.data.url, port: report.data.port });
    else events.failed(report.data.message);
  });
  const send = (command: HubChildCommand) => child.postMessage(command);
  send({ type: 'start', ...start, port });
  return {
    async stop() {
      if (exited) return;
      send({ type: 'stop' });
      let timer: NodeJS.Timeout | undefined;
      const killed = new Promise<void>((resolve) => {
        timer = setTimeout(() => {
          child.kill();
          resolve();
        }, STOP_GRACE_MS);
      });
      await Promise.race([exitedPromise, killed]);
      clearTimeout(timer);
    },
  };
}

export interface EmbeddedHubCallbacks {
  onRestarted(): void;
  onGaveUp(reason: string | null): void;
}

/** The embedded hub: a supervised child process. */
export function createEmbeddedHub(config: HubChildConfig, callbacks: EmbeddedHubCallbacks): HubSupervisor {
  return createHubSupervisor({
    spawn: (port, events) => forkHubChild(config, port, events),
    now: () => Date.now(),
    setTimer: (callback, delayMs) => setTimeout(callback, delayMs),
    clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
    ...callbacks,
  });
}
