import { beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_ORIGIN } from '@core/config';
import { app, fakeEvent, FakeWebContents, recorded, resetFakeElectron, session } from '../helpers/fake-electron';
import { installSecurityGuards } from '../../main/security';

vi.mock('electron', () => import('../helpers/fake-electron'));

describe('guards on every web contents', () => {
  let contents: FakeWebContents;
  beforeEach(() => {
    resetFakeElectron();
    installSecurityGuards([APP_ORIGIN]);
    contents = new FakeWebContents();
    contents.url = `${APP_ORIGIN}/queue`;
    app.emit('web-contents-created', fakeEvent(), contents);
  });

  it('keeps navigation inside the app and hands web links to the OS browser', () => {
    const inside = fakeEvent();
    contents.emit('will-navigate', inside, `${APP_ORIGIN}/customers`);
    expect(inside.defaultPrevented).toBe(false);

    const away = fakeEvent();
    contents.emit('will-navigate', away, 'https://example.com/');
    expect(away.defaultPrevented).toBe(true);
    expect(recorded.openedExternally).toEqual(['https://example.com/']);

    const file = fakeEvent();
    contents.emit('will-redirect', file, 'file:///etc/passwd');
    expect(file.defaultPrevented).toBe(true);
    expect(recorded.openedExternally).toEqual(['https://example.com/']);
  });

  it('opens no new windows and no webviews', () => {
    expect(contents.windowOpenHandler?.({ url: 'https://help.example.com/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: `${APP_ORIGIN}/queue` })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(recorded.openedExternally).toEqual(['https://help.example.com/']);
    const webview = fakeEvent();
    contents.emit('will-attach-webview', webview, {}, {});
    expect(webview.defaultPrevented).toBe(true);
  });

  it('grants notifications to the app only, and nothing else', () => {
    const answers: Record<string, boolean> = {};
    const request = session.defaultSession.permissionRequestHandler!;
    request(contents, 'notifications', (granted) => (answers.appNotifications = granted));
    request(contents, 'media', (granted) => (answers.appCamera = granted));
    request(contents, 'geolocation', (granted) => (answers.appLocation = granted));
    const foreign = new FakeWebContents();
    foreign.url = 'https://evil.example/';
    request(foreign, 'notifications', (granted) => (answers.foreignNotifications = granted));
    expect(answers).toEqual({ appNotifications: true, appCamera: false, appLocation: false, foreignNotifications: false });

    const check = session.defaultSession.permissionCheckHandler!;
    expect(check(contents, 'notifications', APP_ORIGIN)).toBe(true);
    expect(check(contents, 'notifications', 'https://evil.example')).toBe(false);
    expect(check(contents, 'media', APP_ORIGIN)).toBe(false);
  });
});
