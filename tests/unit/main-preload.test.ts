/**
 * The preload's bridge, with a stand-in for Electron's renderer side: arguments and results checked
 * against the contract, main's refusals read as main's own sentence, events validated and unsubscribed.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AgentDeskBridge } from '@core/bridge';
import { FakeEmitter } from '../helpers/fake-electron';

const renderer = vi.hoisted(() => ({ exposed: new Map<string, unknown>(), invoke: vi.fn() }));
const ipcRenderer = new FakeEmitter();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => renderer.exposed.set(key, api) },
  ipcRenderer: Object.assign(ipcRenderer, { invoke: renderer.invoke }),
}));

let bridge: AgentDeskBridge;

beforeAll(async () => {
  await import('../../main/preload');
  bridge = renderer.exposed.get('agentdesk') as AgentDeskBridge;
});

beforeEach(() => {
  renderer.invoke.mockReset();
  ipcRenderer.removeAllListeners();
});

describe('the preload bridge', () => {
  it('is the only thing exposed to the page', () => {
    expect([...renderer.exposed.keys()]).toEqual(['agentdesk']);
    expect(bridge.host).toBe('electron');
  });

  it('refuses arguments the contract refuses before main is asked', async () => {
    await expect(bridge.openExternal('file:///etc/passwd')).rejects.toThrow();
    expect(renderer.invoke).not.toHaveBeenCalled();
  });

  it("reads main's refusal as main's own sentence", async () => {
    renderer.invoke.mockRejectedValue(new Error("Error invoking remote method 'settings:update': Error: Use https:// for a hub on another machine."));
    await expect(bridge.updateSettings({ hubUrl: 'http://hub.example.com' })).rejects.toThrow(/^Use https:\/\/ for a hub on another machine\.$/);
  });

  it('checks what main answers against the contract', async () => {
    renderer.invoke.mockResolvedValue({ restarting: 'yes' });
    await expect(bridge.restartToUpdate()).rejects.toThrow();
  });

  it('passes on events that match their schema, drops the others, and stops when unsubscribed', () => {
    const paths: string[] = [];
    const restarts: string[] = [];
    const stopNavigate = bridge.onNavigate((path) => paths.push(path));
    const stopRestarts = bridge.onHubRestarted((event) => restarts.push(event.outcome));
    ipcRenderer.emit('app:navigate', {}, { path: '/queue' });
    ipcRenderer.emit('app:navigate', {}, { path: 'https://evil.example/' });
    ipcRenderer.emit('hub:restarted', {}, { outcome: 'restarted' });
    ipcRenderer.emit('hub:restarted', {}, { outcome: 'exploded' });
    expect(paths).toEqual(['/queue']);
    expect(restarts).toEqual(['restarted']);

    stopNavigate();
    stopRestarts();
    ipcRenderer.emit('app:navigate', {}, { path: '/customers' });
    ipcRenderer.emit('hub:restarted', {}, { outcome: 'gave-up' });
    expect(paths).toEqual(['/queue']);
    expect(restarts).toEqual(['restarted']);
    expect(ipcRenderer.listenerCount('app:navigate')).toBe(0);
  });
});
