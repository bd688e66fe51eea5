/**
 * The preload: exposes the typed bridge as `window.agentdesk` and nothing
 * else. Runs sandboxed, so it is bundled whole (zod included).
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  ipcEventContract,
  ipcInvokeContract,
  type AgentDeskBridge,
  type IpcArgs,
  type IpcEvent,
  type IpcEventChannel,
  type IpcInvokeChannel,
  type IpcResult,
} from '@core/bridge';

async function invoke<C extends IpcInvokeChannel>(channel: C, ...args: IpcArgs<C>): Promise<IpcResult<C>> {
  const contract = ipcInvokeContract[channel];
  const parsed = contract.args.parse(args) as unknown[];
  const result: unknown = await ipcRenderer.invoke(channel, ...parsed).catch((error: unknown) => {
    // Main's own sentence, without Electron's "Error invoking remote method …" wrapping.
    throw new Error(String(error instanceof Error ? error.message : error).replace(/^Error invoking remote method '[^']+': (?:Error: )?/, ''));
  });
  return contract.result.parse(result) as IpcResult<C>;
}

/** Listens to one main → renderer event, dropping payloads its schema refuses. Returns the unsubscribe. */
function subscribe<C extends IpcEventChannel>(channel: C, listener: (event: IpcEvent<C>) => void): () => void {
  const handler = (_event: Electron.IpcRendererEvent, payload: unknown) => {
    const event = ipcEventContract[channel].safeParse(payload);
    if (event.success) listener(event.data as IpcEvent<C>);
  };
  ipcRenderer.on(channel, handler);
  return () => {
    ipcRenderer.removeListener(channel, handler);
  };
}

const bridge: AgentDeskBridge = {
  host: 'electron',
  appInfo: () => invoke('app:info'),
  getSettings: () => invoke('settings:get'),
  updateSettings: (patch) => invoke('settings:update', patch),
  notify: async (request) => {
    await invoke('notify:show', request);
  },
  openExternal: async (url) => {
    await invoke('shell:open-external', url);
  },
  relaunch: async () => {
    await invoke('app:relaunch');
  },
  loadSession: () => invoke('session:load'),
  saveSession: async (session) => {
    await invoke('session:save', session);
  },
  onNavigate: (listener) => subscribe('app:navigate', (event) => listener(event.path)),
  setReminders: async (reminders) => {
    await invoke('reminders:set', [...reminders]);
  },
  onRemindersFired: (listener) => subscribe('reminders:fired', listener),
  updateState: () => invoke('updates:state'),
  checkForUpdates: () => invoke('updates:check'),
  restartToUpdate: () => invoke('updates:restart'),
  setMidContact: async (midContact) => {
    await invoke('updates:mid-contact', midContact);
  },
  onUpdateState: (listener) => subscribe('updates:state', listener),
  log(entry) {
    // Fire and forget: a log line that cannot be written must not become another error.
    invoke('log:write', entry).catch(() => undefined);
  },
  openLogsFolder: async () => {
    await invoke('logs:open-folder');
  },
  hostDiagnostics: () => invoke('diagnostics:host'),
  setBadge: async (counts) => {
    await invoke('badge:set', counts);
  },
  onHubRestarted: (listener) => subscribe('hub:restarted', listener),
};

contextBridge.exposeInMainWorld('agentdesk', bridge);
