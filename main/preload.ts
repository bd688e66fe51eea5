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
  onNavigate(listener) {
    const handler = (_event: Electron.IpcRendererEvent, payload: unknown) => {
      const event = ipcEventContract['app:navigate'].safeParse(payload);
      if (event.success) listener(event.data.path);
    };
    ipcRenderer.on('app:navigate', handler);
    return () => {
      ipcRenderer.removeListener('app:navigate', handler);
    };
  },
  setReminders: async (reminders) => {
    await invoke('reminders:set', [...reminders]);
  },
  onRemindersFired(listener) {
    const handler = (_event: Electron.IpcRendererEvent, payload: unknown) => {
      const event = ipcEventContract['reminders:fired'].safeParse(payload);
      if (event.success) listener(event.data);
    };
    ipcRenderer.on('reminders:fired', handler);
    return () => {
      ipcRenderer.removeListener('reminders:fired', handler);
    };
  },
  updateState: () => invoke('updates:state'),
  checkForUpdates: () => invoke('updates:check'),
  restartToUpdate: () => invoke('updates:restart'),
  setMidContact: async (midContact) => {
    await invoke('updates:mid-contact', midContact);
  },
  onUpdateState(listener) {
    const handler = (_event: Electron.IpcRendererEvent, payload: unknown) => {
      const event = ipcEventContract['updates:state'].safeParse(payload);
      if (event.success) listener(event.data);
    };
    ipcRenderer.on('updates:state', handler);
    return () => {
      ipcRenderer.removeListener('updates:state', handler);
    };
  },
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
  onHubRestarted(listener) {
    const handler = (_event: Electron.IpcRendererEvent, payload: unknown) => {
      const event = ipcEventContract['hub:restarted'].safeParse(payload);
      if (event.success) listener(event.data);
    };
    ipcRenderer.on('hub:restarted', handler);
    return () => {
      ipcRenderer.removeListener('hub:restarted', handler);
    };
  },
};

contextBridge.exposeInMainWorld('agentdesk', bridge);
