import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { dialog, recorded, resetFakeElectron } from '../helpers/fake-electron';
import { startDesktopHub, type DesktopHubOptions } from '../../main/hub-startup';
import { mainText } from '../../main/i18n';

vi.mock('electron', () => import('../helpers/fake-electron'));

function options(overrides: Partial<DesktopHubOptions> = {}) {
  return {
    env: {},
    settingUrl: null,
    clearSetting: vi.fn(),
    mainDir: '/app/out/main',
    userDataDir: '/home/ana/.config/AgentDesk',
    hubRestarted: vi.fn(),
    text: mainText('en-GB'),
    ...overrides,
  } satisfies DesktopHubOptions;
}

describe('the hub at start-up', () => {
  beforeEach(() => resetFakeElectron());

  it('starts the embedded hub in its child process and waits for it to be ready', async () => {
    const starting = startDesktopHub(options());
    await vi.waitFor(() => expect(recorded.forks).toHaveLength(1));
    const child = recorded.forks[0]!;
    expect(child.modulePath).toBe(path.join('/app/out/main', 'hub-child.js'));
    expect(child.posted[0]).toMatchObject({
      type: 'start',
      port: 0,
      dataDir: path.join('/home/ana/.config/AgentDesk', 'hub'),
      logsDir: path.join('/home/ana/.config/AgentDesk', 'logs'),
      demo: null,
    });
    child.emit('message', { type: 'ready', url: 'http://127.0.0.1:41234', port: 41234 });
    await expect(starting).resolves.toMatchObject({ url: 'http://127.0.0.1:41234', mode: 'embedded' });
  });

  it('explains a refused plain-http hub, forgets it and falls back to this computer’s hub', async () => {
    const o = options({ settingUrl: 'http://hub.example.com' });
    const starting = startDesktopHub(o);
    await vi.waitFor(() => expect(recorded.forks).toHaveLength(1));
    expect(recorded.dialogs[0]).toMatchObject({ message: 'The configured hub was not used', buttons: ['Use this computer’s hub', 'Quit'] });
    expect(String(recorded.dialogs[0]!.detail)).toContain('does not connect to hub.example.com over plain http');
    expect(o.clearSetting).toHaveBeenCalled();
    recorded.forks[0]!.emit('message', { type: 'ready', url: 'http://127.0.0.1:5000', port: 5000 });
    await expect(starting).resolves.toMatchObject({ mode: 'embedded' });
  });

  it('quits when asked to instead, starting nothing', async () => {
    dialog.nextResponse = 1;
    await expect(startDesktopHub(options({ env: { AGENTDESK_HUB_URL: 'http://10.1.2.3:4870' } }))).resolves.toBeNull();
    expect(recorded.forks).toHaveLength(0);
  });

  it('uses a remote hub over plain http when IT allowed it, with no dialog', async () => {
    const hub = await startDesktopHub(options({ env: { AGENTDESK_ALLOW_INSECURE_HUB: '1' }, settingUrl: 'http://10.1.2.3:4870' }));
    expect(hub).toEqual({ url: 'http://10.1.2.3:4870', mode: 'remote', embedded: null });
    expect(recorded.dialogs).toEqual([]);
  });

  it('tells the window when the hub was restarted, and shows a dialog when it gives up', async () => {
    vi.useFakeTimers();
    try {
      const o = options();
      const starting = startDesktopHub(o);
      await vi.waitFor(() => expect(recorded.forks).toHaveLength(1));
      recorded.forks[0]!.emit('message', { type: 'ready', url: 'http://127.0.0.1:5000', port: 5000 });
      await starting;
      recorded.forks[0]!.emit('exit', 1);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(recorded.forks).toHaveLength(2);
      expect(recorded.forks[1]!.posted[0]).toMatchObject({ type: 'start', port: 5000 });
      recorded.forks[1]!.emit('message', { type: 'ready', url: 'http://127.0.0.1:5000', port: 5000 });
      expect(o.hubRestarted).toHaveBeenCalledWith({ outcome: 'restarted' });

      for (let i = 1; i < 10 && recorded.dialogs.length === 0; i += 1) {
        recorded.forks.at(-1)!.emit('message', { type: 'failed', message: 'database is locked' });
        recorded.forks.at(-1)!.emit('exit', 1);
        await vi.advanceTimersByTimeAsync(10_000);
      }
      expect(o.hubRestarted).toHaveBeenLastCalledWith({ outcome: 'gave-up' });
      expect(recorded.dialogs.at(-1)).toMatchObject({ type: 'error', message: 'The local hub keeps stopping' });
      expect(String(recorded.dialogs.at(-1)!.detail)).toContain('database is locked');
    } finally {
      vi.useRealTimers();
    }
  });
});
