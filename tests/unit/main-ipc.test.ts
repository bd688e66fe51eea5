import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcInvokeContract } from '@core/bridge';
import { APP_ORIGIN } from '@core/config';
import { FakeWebContents, recorded, resetFakeElectron } from '../helpers/fake-electron';
import { registerIpc, sendEvent, type IpcHandlers } from '../../main/ipc';

vi.mock('electron', () => import('../helpers/fake-electron'));

const own = new FakeWebContents();

function handlers(): IpcHandlers & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  const record =
    <T>(result: T) =>
    (...args: unknown[]) => {
      calls.push(args);
      return result;
    };
  return {
    calls,
    'app:info': record({ name: 'AgentDesk', version: '1', host: 'electron' as const, os: 'Linux', hubUrl: 'http://127.0.0.1:5000', hubMode: 'embedded' as const }),
    'settings:get': record({ hubUrl: null, theme: 'system' as const, updateFeedUrl: null, closeToTray: true, locale: 'system' as const }),
    'settings:update': record({ hubUrl: null, theme: 'dark' as const, updateFeedUrl: null, closeToTray: false, locale: 'system' as const }),
    'notify:show': record(null),
    'shell:open-external': record(null),
    'app:relaunch': record(null),
    'session:load': record(null),
    'session:save': record(null),
    'reminders:set': record(null),
    'badge:set': record(null),
    'updates:state': record({ status: { state: 'idle' as const }, feedUrl: null, note: null, checkedAt: null }),
    'updates:check': record({ status: { state: 'idle' as const }, feedUrl: null, note: null, checkedAt: null }),
    'updates:restart': record({ restarting: false, reason: 'not-ready' }),
    'updates:mid-contact': record(null),
    'log:write': record(null),
    'logs:open-folder': record(null),
    'diagnostics:host': record({ electron: '1', chrome: '1', node: '1', platform: 'linux', arch: 'x64', logsDir: '~/logs', crashDumpsDir: '~/crash', crashSubmitUrl: null }),
  };
}

/** The event Electron hands an ipcMain handler. */
function invokeEvent(options: { sender?: FakeWebContents; url?: string; iframe?: boolean; noFrame?: boolean } = {}) {
  return {
    sender: options.sender ?? own,
    senderFrame: options.noFrame ? null : { url: options.url ?? `${APP_ORIGIN}/queue`, parent: options.iframe ? { url: `${APP_ORIGIN}/` } : null },
  };
}

function call(channel: string, event: ReturnType<typeof invokeEvent>, ...args: unknown[]) {
  const handler = recorded.ipcHandlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return Promise.resolve(handler(event, ...args));
}

describe('IPC from the renderer to main', () => {
  let h: ReturnType<typeof handlers>;
  beforeEach(() => {
    resetFakeElectron();
    h = handlers();
    registerIpc(h, { origins: [APP_ORIGIN], isOwnWebContents: (contents) => contents.id === own.id });
  });

  it('registers every channel of the contract, the badge included', () => {
    expect([...recorded.ipcHandlers.keys()]).toContain('badge:set');
    expect([...recorded.ipcHandlers.keys()].sort()).toEqual(Object.keys(ipcInvokeContract).sort());
  });

  it('answers our own window’s top frame with validated arguments', async () => {
    await expect(call('badge:set', invokeEvent(), { offers: 2, overdueFollowUps: 1 })).resolves.toBeNull();
    expect(h.calls).toEqual([[{ offers: 2, overdueFollowUps: 1 }]]);
  });

  it('refuses a foreign origin, an iframe, another web contents and a missing frame', async () => {
    const refusals = [
      invokeEvent({ url: 'https://evil.example/' }),
      invokeEvent({ url: 'app://agentdesk.evil/' }),
      invokeEvent({ iframe: true }),
      invokeEvent({ sender: new FakeWebContents() }),
      invokeEvent({ noFrame: true }),
    ];
    for (const event of refusals) {
      await expect(call('badge:set', event, { offers: 1, overdueFollowUps: 0 })).rejects.toThrow('untrusted sender');
    }
    expect(h.calls).toEqual([]);
  });

  it('refuses bad arguments before the handler runs, and says which', async () => {
    await expect(call('badge:set', invokeEvent(), { offers: -1, overdueFollowUps: 0 })).rejects.toThrow('Invalid arguments for badge:set');
    await expect(call('badge:set', invokeEvent(), { offers: 1 })).rejects.toThrow('Invalid arguments');
    await expect(call('shell:open-external', invokeEvent(), 'file:///etc/passwd')).rejects.toThrow('Invalid arguments for shell:open-external');
    await expect(call('settings:update', invokeEvent(), { nodeIntegration: true })).rejects.toThrow('Invalid arguments');
    expect(h.calls).toEqual([]);
  });

  it('sends only events that match the contract', () => {
    const contents = new FakeWebContents();
    sendEvent(contents as never, 'hub:restarted', { outcome: 'restarted' });
    expect(contents.sent).toEqual([{ channel: 'hub:restarted', payload: { outcome: 'restarted' } }]);
    expect(() => sendEvent(contents as never, 'hub:restarted', { outcome: 'exploded' } as never)).toThrow();
    expect(contents.sent).toHaveLength(1);
  });
});
