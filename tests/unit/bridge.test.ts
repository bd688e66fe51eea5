import { describe, expect, it } from 'vitest';
import { DEFAULT_DESKTOP_SETTINGS, DesktopSettingsPatchSchema, describeZodError, ipcEventContract, ipcInvokeContract } from '@core/bridge';
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

  it('takes a list of well-formed reminders and refuses anything else', () => {
    const schema = ipcInvokeContract['reminders:set'].args;
    const ok = { id: 'fu_1', at: 1_770_000_000_000, title: 'Callback due: Kevin MacLeod', body: 'Confirm the refund · Due 10:00', path: '/customer?id=cus_1' };
    expect(schema.parse([[ok]])).toEqual([[ok]]);
    expect(schema.safeParse([[]]).success).toBe(true);
    const bad = [
      [],
      [ok],
      [[{ ...ok, path: 'https://evil.example' }]],
      [[{ ...ok, path: '//evil.example/x' }]],
      [[{ ...ok, title: '' }]],
      [[{ ...ok, title: 'x'.repeat(201) }]],
      [[{ ...ok, at: -1 }]],
      [[{ ...ok, at: 1.5 }]],
      [[{ ...ok, id: 'has spaces' }]],
      [[{ ...ok, extra: true }]],
      [Array.from({ length: 501 }, (_, i) => ({ ...ok, id: `fu_${i}` }))],
      [[ok], 'more'],
    ];
    for (const args of bad) expect(schema.safeParse(args).success, JSON.stringify(args).slice(0, 120)).toBe(false);
  });

  it('validates events sent to the renderer', () => {
    expect(ipcEventContract['app:navigate'].safeParse({ path: '/customer?phone=%2B44' }).success).toBe(true);
    expect(ipcEventContract['app:navigate'].safeParse({ path: 'javascript:alert(1)' }).success).toBe(false);
    expect(ipcEventContract['reminders:fired'].safeParse({ keys: ['fu_1@1770000000000'], notified: true }).success).toBe(true);
    expect(ipcEventContract['reminders:fired'].safeParse({ keys: ['fu_1@1'] }).success).toBe(false);
    expect(ipcEventContract['reminders:fired'].safeParse({ keys: 'fu_1@1', notified: true }).success).toBe(false);
  });
});

describe('stored desktop state', () => {
  it('falls back per part when the settings file is damaged', () => {
    const state = readDesktopState({ settings: { hubUrl: 'https://hub.example.com', theme: 'dark' }, window: { width: 'wide' } });
    // Saved before the update feed and the tray existed: read with their defaults.
    expect(state.settings).toEqual({ hubUrl: 'https://hub.example.com', theme: 'dark', updateFeedUrl: null, closeToTray: true, locale: 'system' });
    expect(state.window).toEqual(DEFAULT_WINDOW_STATE);
    expect(readDesktopState({}).settings).toEqual(DEFAULT_DESKTOP_SETTINGS);
  });

  it('merges a settings patch and refuses invalid values', () => {
    expect(mergeSettings(DEFAULT_DESKTOP_SETTINGS, { theme: 'light' })).toEqual({ hubUrl: null, theme: 'light', updateFeedUrl: null, closeToTray: true, locale: 'system' });
    const withFeed = mergeSettings(DEFAULT_DESKTOP_SETTINGS, { updateFeedUrl: 'https://it.example.com/agentdesk/' });
    // A patch that leaves the feed out keeps it.
    expect(mergeSettings(withFeed, DesktopSettingsPatchSchema.parse({ theme: 'dark' })).updateFeedUrl).toBe('https://it.example.com/agentdesk/');
    expect(DesktopSettingsPatchSchema.safeParse({ updateFeedUrl: 'ftp://it.example.com/' }).success).toBe(false);
    expect(() => mergeSettings(DEFAULT_DESKTOP_SETTINGS, { theme: 'neon' as never })).toThrow();
  });
});

describe('desktop settings saved by an older version', () => {
  it('keep their values and gain close-to-tray (on), the update feed (none) and the computer’s language by default', () => {
    expect(readDesktopState({ settings: { hubUrl: 'https://hub.example.com', theme: 'dark' } }).settings).toEqual({
      hubUrl: 'https://hub.example.com',
      theme: 'dark',
      updateFeedUrl: null,
      closeToTray: true,
      locale: 'system',
    });
    expect(readDesktopState({ settings: { hubUrl: null, theme: 'light', closeToTray: false } }).settings.closeToTray).toBe(false);
  });
});
