import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_DESKTOP_SETTINGS, type DesktopSettings } from '@core/bridge';
import { hubUrlRefusal as refusalMessage, insecureHubAllowed, isLoopbackHost } from '@core/hub-security';
import { formatEnglish } from '@core/i18n/messages';

/** The refusal as the agent reads it in English. */
const hubUrlRefusal = (url: string, options: { allowInsecure: boolean }) => {
  const message = refusalMessage(url, options);
  return message && formatEnglish(message);
};
import { chooseHub, type HubChoiceDeps } from '../../main/hub-choice';
import { updateDesktopSettings } from '../../main/settings-update';

describe('remote hubs over plain http', () => {
  const strict = { allowInsecure: false };

  it('accepts https anywhere and http on this computer', () => {
    expect(hubUrlRefusal('https://hub.example.com', strict)).toBeNull();
    expect(hubUrlRefusal('https://10.0.0.5:8443', strict)).toBeNull();
    expect(hubUrlRefusal('http://127.0.0.1:4870', strict)).toBeNull();
    expect(hubUrlRefusal('http://localhost:4870', strict)).toBeNull();
    expect(hubUrlRefusal('http://[::1]:4870', strict)).toBeNull();
  });

  it('refuses http to another machine with a sentence that says what to do', () => {
    expect(hubUrlRefusal('http://hub.example.com', strict)).toBe(
      'AgentDesk does not connect to hub.example.com over plain http: passwords and customer data would cross the network unencrypted. Use its https:// address, or ask IT to set AGENTDESK_ALLOW_INSECURE_HUB=1 on this computer.',
    );
    expect(hubUrlRefusal('http://192.168.1.20:4870', strict)).toContain('192.168.1.20:4870 over plain http');
    // Look-alikes of loopback are other machines.
    expect(hubUrlRefusal('http://127.0.0.1.evil.example', strict)).not.toBeNull();
    expect(hubUrlRefusal('http://localhost.example.com', strict)).not.toBeNull();
    expect(hubUrlRefusal('ftp://hub.example.com', strict)).toBe('The hub address must start with https://');
  });

  it('allows plain http when IT says so', () => {
    expect(hubUrlRefusal('http://hub.example.com', { allowInsecure: true })).toBeNull();
    expect(insecureHubAllowed({ AGENTDESK_ALLOW_INSECURE_HUB: '1' })).toBe(true);
    expect(insecureHubAllowed({ AGENTDESK_ALLOW_INSECURE_HUB: 'yes' })).toBe(true);
    expect(insecureHubAllowed({ AGENTDESK_ALLOW_INSECURE_HUB: '0' })).toBe(false);
    expect(insecureHubAllowed({})).toBe(false);
  });

  it('knows loopback names', () => {
    expect(isLoopbackHost('127.8.9.10')).toBe(true);
    expect(isLoopbackHost('app.localhost')).toBe(true);
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
  });
});

describe('the hub chosen at start', () => {
  function deps(overrides: Partial<HubChoiceDeps>) {
    return {
      envUrl: null,
      settingUrl: null,
      allowInsecure: false,
      refused: vi.fn(async () => true),
      clearSetting: vi.fn(),
      startEmbedded: vi.fn(async () => 'http://127.0.0.1:41234'),
      ...overrides,
    } satisfies HubChoiceDeps;
  }

  it('starts the embedded hub when none is configured', async () => {
    const d = deps({});
    await expect(chooseHub(d)).resolves.toEqual({ url: 'http://127.0.0.1:41234', mode: 'embedded' });
    expect(d.refused).not.toHaveBeenCalled();
  });

  it('uses a configured https hub, the environment before the setting', async () => {
    const d = deps({ envUrl: 'https://central.example.com', settingUrl: 'https://other.example.com' });
    await expect(chooseHub(d)).resolves.toEqual({ url: 'https://central.example.com', mode: 'remote' });
    expect(d.startEmbedded).not.toHaveBeenCalled();
  });

  it('refuses a plain-http setting, says why, forgets it and falls back to this computer’s hub', async () => {
    const d = deps({ settingUrl: 'http://hub.example.com' });
    await expect(chooseHub(d)).resolves.toEqual({ url: 'http://127.0.0.1:41234', mode: 'embedded' });
    expect(d.refused).toHaveBeenCalledWith(expect.objectContaining({ values: expect.objectContaining({ host: 'hub.example.com' }) }));
    expect(formatEnglish(vi.mocked(d.refused).mock.calls[0]![0])).toContain('does not connect to hub.example.com over plain http');
    expect(d.clearSetting).toHaveBeenCalled();
  });

  it('quits when the person chooses to, and never forgets what the environment set', async () => {
    const quitting = deps({ envUrl: 'http://hub.example.com', refused: vi.fn(async () => false) });
    await expect(chooseHub(quitting)).resolves.toEqual({ quit: true });
    expect(quitting.startEmbedded).not.toHaveBeenCalled();
    const fromEnv = deps({ envUrl: 'http://hub.example.com' });
    await chooseHub(fromEnv);
    expect(fromEnv.clearSetting).not.toHaveBeenCalled();
  });

  it('takes a plain-http hub when IT allowed it', async () => {
    const d = deps({ settingUrl: 'http://hub.example.com', allowInsecure: true });
    await expect(chooseHub(d)).resolves.toEqual({ url: 'http://hub.example.com', mode: 'remote' });
  });
});

describe('changing the hub in Settings', () => {
  const store = () => {
    let settings: DesktopSettings = { ...DEFAULT_DESKTOP_SETTINGS };
    return {
      settings: () => settings,
      updateSettings: (patch: Partial<DesktopSettings>) => (settings = { ...settings, ...patch }),
    };
  };

  it('refuses a plain-http remote hub with the sentence, and saves nothing', () => {
    const target = store();
    expect(() => updateDesktopSettings(target, { hubUrl: 'http://hub.example.com' }, { allowInsecure: false, say: formatEnglish })).toThrow(
      'AgentDesk does not connect to hub.example.com over plain http',
    );
    expect(target.settings().hubUrl).toBeNull();
  });

  it('saves https hubs, other settings, and http when allowed', () => {
    const target = store();
    updateDesktopSettings(target, { hubUrl: 'https://hub.example.com', closeToTray: false }, { allowInsecure: false, say: formatEnglish });
    expect(target.settings()).toMatchObject({ hubUrl: 'https://hub.example.com', closeToTray: false });
    updateDesktopSettings(target, { hubUrl: 'http://hub.example.com' }, { allowInsecure: true, say: formatEnglish });
    expect(target.settings().hubUrl).toBe('http://hub.example.com');
  });
});
