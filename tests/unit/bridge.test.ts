import { describe, expect, it } from 'vitest';
import { DEFAULT_DESKTOP_SETTINGS, describeZodError, ipcEventContract, ipcInvokeContract } from '@core/bridge';
import { DEFAULT_WINDOW_STATE, mergeSettings, readDesktopState } from '@core/desktop';

describe('IPC contract', () => {
  it('accepts a well-formed notification and fills in the defaults', () => {
    const [request] = ipcInvokeContract['notify:show'].args.parse([{ title: 'Callback due', path: '/follow-ups' }]);
    expect(request).toEqual({ title: 'Callback due', body: '', path: '/follow-ups' });
  });

  it('refuses notifications that are empty, oversized, carry unknown fields or point outside the app', () => {
    const bad = [
      [{ title: '' }],
      [{ title: 'x'.repeat(201) }],
      [{ title: 'ok', extra: true }],
      [{ title: 'ok', path: 'https://evil.example' }],
      [{ title: 'ok', path: '//evil.example/x' }],
      [],
      ['just a string'],
    ];
    for (const args of bad) expect(ipcInvokeContract['notify:show'].args.safeParse(args).success, JSON.stringify(args)).toBe(false);
  });

  it('opens only http(s) links externally', () => {
    const schema = ipcInvokeContract['shell:open-external'].args;
    expect(schema.safeParse(['https://example.com/help']).success).toBe(true);
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'https://a:b@example.com', 42]) {
      expect(schema.safeParse([url]).success).toBe(false);
    }
  });

  it('takes settings patches with known keys only and explains refusals', () => {
    const schema = ipcInvokeContract['settings:update'].args;
    expect(schema.parse([{ theme: 'dark' }])).toEqual([{ theme: 'dark' }]);
    expect(schema.parse([{ hubUrl: null }])).toEqual([{ hubUrl: null }]);
    const unknown = schema.safeParse([{ theme: 'dark', nodeIntegration: true }]);
    expect(unknown.success).toBe(false);
    const badUrl = schema.safeParse([{ hubUrl: 'ftp://hub' }]);
    expect(badUrl.success).toBe(false);
    if (!badUrl.success) expect(describeZodError(badUrl.error)).toContain('http:// or https://');
  });

  it('validates events sent to the renderer', () => {
    expect(ipcEventContract['app:navigate'].safeParse({ path: '/customer?phone=%2B44' }).success).toBe(true);
    expect(ipcEventContract['app:navigate'].safeParse({ path: 'javascript:alert(1)' }).success).toBe(false);
  });
});

describe('stored desktop state', () => {
  it('falls back per part when the settings file is damaged', () => {
    const state = readDesktopState({ settings: { hubUrl: 'https://hub.example.com', theme: 'dark' }, window: { width: 'wide' } });
    expect(state.settings).toEqual({ hubUrl: 'https://hub.example.com', theme: 'dark' });
    expect(state.window).toEqual(DEFAULT_WINDOW_STATE);
    expect(readDesktopState({}).settings).toEqual(DEFAULT_DESKTOP_SETTINGS);
  });

  it('merges a settings patch and refuses invalid values', () => {
    expect(mergeSettings(DEFAULT_DESKTOP_SETTINGS, { theme: 'light' })).toEqual({ hubUrl: null, theme: 'light' });
    expect(() => mergeSettings(DEFAULT_DESKTOP_SETTINGS, { theme: 'neon' as never })).toThrow();
  });
});
