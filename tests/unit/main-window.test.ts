import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeEvent, recorded, resetFakeElectron, screen, type BrowserWindow } from '../helpers/fake-electron';
import type { DesktopStore } from '../../main/settings';
import { isQuitShortcut } from '../../main/shortcuts';
import { createMainWindow } from '../../main/window';
import { manageWindowLifecycle } from '../../main/window-lifecycle';

vi.mock('electron', () => import('../helpers/fake-electron'));

function fakeStore(window = { width: 1300, height: 850, maximized: false, x: 100, y: 50 }) {
  const saved: unknown[] = [];
  return { saved, store: { windowState: () => window, saveWindowState: (state: unknown) => saved.push(state) } as unknown as DesktopStore };
}

function openWindow(state?: Parameters<typeof fakeStore>[0]): BrowserWindow {
  createMainWindow({ url: 'app://agentdesk/', preload: '/app/out/preload/index.cjs', icon: '/app/assets/icon.png', store: fakeStore(state).store });
  return recorded.windows.at(-1)!;
}

describe('the main window', () => {
  beforeEach(() => resetFakeElectron());

  it('is sandboxed and isolated, with no Node in the page, no webviews and no insecure content', () => {
    const window = openWindow();
    expect(window.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
    });
    expect(window.loadedUrl).toBe('app://agentdesk/');
    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
  });

  it('comes back where it was, unless that place is on a display no longer connected', () => {
    expect(openWindow().options).toMatchObject({ x: 100, y: 50, width: 1300, height: 850 });
    screen.displays = [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }];
    const offScreen = openWindow({ width: 1300, height: 850, maximized: false, x: 4000, y: 50 });
    expect(offScreen.options).not.toHaveProperty('x');
    expect(offScreen.options).toMatchObject({ width: 1300, height: 850 });
  });
});

describe('closing to the tray and quitting', () => {
  beforeEach(() => resetFakeElectron());

  it('hides the window on close while closing to the tray is on, and closes it when off', () => {
    let hide = true;
    const quit = vi.fn();
    const window = openWindow();
    window.show();
    manageWindowLifecycle(window as never, { hideOnClose: () => hide, quit, platform: 'win32' });
    expect(window.close()).toBe(false);
    expect(window.visible).toBe(false);
    expect(window.isDestroyed()).toBe(false);
    hide = false;
    expect(window.close()).toBe(true);
    expect(quit).not.toHaveBeenCalled();
  });

  it('quits on Ctrl+Q on Windows and Linux, and leaves other keys to the page', () => {
    const quit = vi.fn();
    const window = openWindow();
    manageWindowLifecycle(window as never, { hideOnClose: () => true, quit, platform: 'linux' });
    const key = (input: Partial<{ key: string; control: boolean; alt: boolean; shift: boolean }>) => {
      const event = fakeEvent();
      window.webContents.emit('before-input-event', event, { type: 'keyDown', key: 'q', control: false, meta: false, alt: false, shift: false, ...input });
      return event.defaultPrevented;
    };
    expect(key({ key: 'q', alt: true })).toBe(false);
    expect(key({ key: '1', alt: true })).toBe(false);
    expect(key({ key: 'q' })).toBe(false);
    expect(quit).not.toHaveBeenCalled();
    expect(key({ key: 'Q', control: true })).toBe(true);
    expect(quit).toHaveBeenCalledTimes(1);
  });

  it('leaves Cmd+Q to the macOS application menu', () => {
    const input = { type: 'keyDown', key: 'q', control: true, meta: false, alt: false, shift: false };
    expect(isQuitShortcut(input, 'darwin')).toBe(false);
    expect(isQuitShortcut(input, 'win32')).toBe(true);
    expect(isQuitShortcut({ ...input, type: 'keyUp' }, 'win32')).toBe(false);
    expect(isQuitShortcut({ ...input, shift: true }, 'win32')).toBe(false);
  });
});
