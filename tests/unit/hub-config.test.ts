import { describe, expect, it } from 'vitest';
import { demoSizeOf, parseHubEnv } from '@core/hub-config';
import { appDataDir, redactDatabaseUrl } from '../../hub/paths';
import { parseMigrations } from '../../hub/storage/migrate';

describe('hub configuration from the environment', () => {
  it('defaults to PGlite on 127.0.0.1:4870', () => {
    const config = parseHubEnv({});
    expect(config).toMatchObject({ HOST: '127.0.0.1', PORT: 4870, AGENTDESK_ALLOWED_ORIGINS: [] });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('reads PORT, HOST, DATABASE_URL and allowed origins; empty values mean unset', () => {
    const config = parseHubEnv({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://u:p@db:5432/agentdesk',
      AGENTDESK_ALLOWED_ORIGINS: 'https://a.example, https://b.example',
      AGENTDESK_DATA_DIR: '',
    });
    expect(config.PORT).toBe(8080);
    expect(config.HOST).toBe('0.0.0.0');
    expect(config.DATABASE_URL).toBe('postgres://u:p@db:5432/agentdesk');
    expect(config.AGENTDESK_ALLOWED_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
    expect(config.AGENTDESK_DATA_DIR).toBeUndefined();
    expect(parseHubEnv({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('reads the metrics token and the drain and shutdown times', () => {
    expect(parseHubEnv({})).toMatchObject({ AGENTDESK_DRAIN_DELAY_MS: 0, AGENTDESK_SHUTDOWN_TIMEOUT_MS: 10_000 });
    expect(parseHubEnv({ AGENTDESK_METRICS_TOKEN: '' }).AGENTDESK_METRICS_TOKEN).toBeUndefined();
    const config = parseHubEnv({ AGENTDESK_METRICS_TOKEN: 'scrape-7f3a9c1e5b2d', AGENTDESK_DRAIN_DELAY_MS: '5000', AGENTDESK_SHUTDOWN_TIMEOUT_MS: '30000' });
    expect(config).toMatchObject({ AGENTDESK_METRICS_TOKEN: 'scrape-7f3a9c1e5b2d', AGENTDESK_DRAIN_DELAY_MS: 5000, AGENTDESK_SHUTDOWN_TIMEOUT_MS: 30_000 });
    expect(() => parseHubEnv({ AGENTDESK_METRICS_TOKEN: 'short' })).toThrow(/AGENTDESK_METRICS_TOKEN must be 16 characters or more/);
    expect(() => parseHubEnv({ AGENTDESK_DRAIN_DELAY_MS: '-1' })).toThrow(/AGENTDESK_DRAIN_DELAY_MS cannot be negative/);
    expect(() => parseHubEnv({ AGENTDESK_SHUTDOWN_TIMEOUT_MS: 'soon' })).toThrow(/AGENTDESK_SHUTDOWN_TIMEOUT_MS must be a number/);
  });

  it('loads demo data only when asked for', () => {
    expect(demoSizeOf(parseHubEnv({}))).toBeNull();
    expect(demoSizeOf(parseHubEnv({ DATABASE_URL: 'postgres://u:p@db/agentdesk' }))).toBeNull();
    expect(demoSizeOf(parseHubEnv({ AGENTDESK_DEMO: 'small' }))).toBe('small');
    expect(demoSizeOf(parseHubEnv({ AGENTDESK_DEMO: 'none' }))).toBeNull();
  });

  it('reads the public URLs the Host check accepts', () => {
    expect(parseHubEnv({}).AGENTDESK_PUBLIC_URL).toEqual([]);
    expect(parseHubEnv({ AGENTDESK_PUBLIC_URL: 'https://agentdesk.example.com, http://desk.internal:8080' }).AGENTDESK_PUBLIC_URL).toEqual([
      'https://agentdesk.example.com',
      'http://desk.internal:8080',
    ]);
    expect(() => parseHubEnv({ AGENTDESK_PUBLIC_URL: 'agentdesk.example.com' })).toThrow(/AGENTDESK_PUBLIC_URL must be http\(s\) URLs/);
  });

  it('refuses bad values with a message that names them', () => {
    expect(() => parseHubEnv({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => parseHubEnv({ PORT: '70000' })).toThrow(/PORT must be between 0 and 65535/);
    expect(() => parseHubEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must start with postgres/);
  });

  it('keeps the database in the OS application-data folder', () => {
    expect(appDataDir('linux', {}, '/home/ava')).toBe('/home/ava/.config/AgentDesk');
    expect(appDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/ava')).toBe('/cfg/AgentDesk');
    expect(appDataDir('darwin', {}, '/Users/ava')).toBe('/Users/ava/Library/Application Support/AgentDesk');
    expect(appDataDir('win32', { APPDATA: 'C:\\Users\\ava\\AppData\\Roaming' }, 'C:\\Users\\ava')).toBe(
      'C:\\Users\\ava\\AppData\\Roaming\\AgentDesk',
    );
  });

  it('never prints a database password', () => {
    expect(redactDatabaseUrl('postgres://agentdesk:s3cret@db:5432/agentdesk')).toBe('postgres://agentdesk:***@db:5432/agentdesk');
  });
});

describe('numbered migrations', () => {
  it('orders migrations by number', () => {
    const list = parseMigrations({ '../migrations/0002_b.sql': 'B', '../migrations/0001_a.sql': 'A' });
    expect(list.map((m) => `${m.version}:${m.name}`)).toEqual(['1:a', '2:b']);
  });

  it('refuses gaps, duplicates and badly named files', () => {
    expect(() => parseMigrations({ '0001_a.sql': '', '0003_c.sql': '' })).toThrow(/without gaps/);
    expect(() => parseMigrations({ '0001_a.sql': '', '001_b.sql': '' })).toThrow(/without gaps/);
    expect(() => parseMigrations({ 'init.sql': '' })).toThrow(/0001_name.sql/);
  });
});
