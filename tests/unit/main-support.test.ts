/**
 * main's updates, logs, crash dumps and diagnostics, with fakes for Electron,
 * electron-log and electron-updater (the Electron binary is not here).
 */
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { App } from 'electron';
import type { LogMessage, MainLogger } from 'electron-log';
import { CHECK_INTERVAL_MS, CHECK_TICK_MS, FIRST_CHECK_DELAY_MS, type UpdateState } from '@core/updates';
import { crashReporterOptions, startCrashReporter } from '../../main/crash';
import { hostDiagnostics, withoutHome } from '../../main/host-info';
import { configureLogging, LOG_MAX_BYTES, redactHook, rotateLogFile } from '../../main/logging';
import { startSupport } from '../../main/support';
import type { DesktopUpdater } from '../../main/updates';

class FakeUpdater extends EventEmitter {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  logger: unknown = null;
  feeds: unknown[] = [];
  checks = 0;
  installs = 0;
  setFeedURL(options: unknown) {
    this.feeds.push(options);
  }
  async checkForUpdates() {
    this.checks += 1;
    this.emit('checking-for-update');
    this.emit('update-downloaded', { version: '2.0.0' });
    return null;
  }
  quitAndInstall() {
    this.installs += 1;
  }
}

function fakeLog() {
  const lines: { scope: string; level: string; text: string }[] = [];
  const scoped = (scope: string) => ({
    info: (text: string) => lines.push({ scope, level: 'info', text }),
    warn: (text: string) => lines.push({ scope, level: 'warn', text }),
    error: (text: string) => lines.push({ scope, level: 'error', text }),
  });
  const log = {
    transports: { file: {} as Record<string, unknown> },
    hooks: [] as unknown[],
    errorHandler: { startCatching: vi.fn() },
    scope: scoped,
    ...scoped('main'),
  };
  return { log: log as unknown as MainLogger, lines, raw: log };
}

function fakeApp(packaged: boolean): App {
  return { isPackaged: packaged, getPath: (name: string) => `/home/jane.doe/.config/AgentDesk/${name}` } as unknown as App;
}

describe('updates in main', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function start(options: { packaged?: boolean; feed?: string | null; mode?: 'remote' | 'embedded' } = {}) {
    const updater = new FakeUpdater();
    const { log } = fakeLog();
    const published: UpdateState[] = [];
    const shell = { openPath: vi.fn(async () => '') };
    const support = startSupport({
      app: fakeApp(options.packaged ?? true),
      shell,
      log,
      updater: updater as unknown as DesktopUpdater,
      logsDir: '/home/jane.doe/.config/AgentDesk/logs',
      crashSubmitUrl: null,
      settings: { hubUrl: 'https://hub.example.com', theme: 'system', updateFeedUrl: options.feed ?? null, closeToTray: true, locale: 'system' },
      hub: { url: 'https://hub.example.com', mode: options.mode ?? 'remote' },
      publish: (state) => published.push(state),
    });
    return { updater, support, published, shell };
  }

  it("sets electron-updater up for a staged download from the hub's generic feed", () => {
    const { updater, support } = start();
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(updater.logger).not.toBeNull();
    expect(updater.feeds).toEqual([{ provider: 'generic', url: 'https://hub.example.com/updates/' }]);
    support.updates.stop();
  });

  it('checks a little after start, then when due on its tick', async () => {
    const { updater, support } = start();
    await vi.advanceTimersByTimeAsync(FIRST_CHECK_DELAY_MS - 1);
    expect(updater.checks).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(updater.checks).toBe(1);
    // Ready after the first check: nothing more to check until it is installed.
    await vi.advanceTimersByTimeAsync(CHECK_INTERVAL_MS + CHECK_TICK_MS);
    expect(updater.checks).toBe(1);
    support.updates.stop();
  });

  it('refuses "Restart to update" while the renderer says the agent is mid-contact', async () => {
    const { updater, support, published } = start();
    await support.handlers['updates:check']();
    expect(published.at(-1)?.status).toEqual({ state: 'ready', version: '2.0.0' });
    await support.handlers['updates:mid-contact'](true);
    const refused = await support.handlers['updates:restart']();
    expect(refused.restarting).toBe(false);
    expect(refused.reason).toBe('mid-contact');
    expect(updater.installs).toBe(0);
    await support.handlers['updates:mid-contact'](false);
    expect((await support.handlers['updates:restart']()).restarting).toBe(true);
    expect(updater.installs).toBe(1);
    support.updates.stop();
  });

  it('never checks with the embedded hub and no feed set, nor in a development build', async () => {
    for (const options of [{ mode: 'embedded' as const }, { packaged: false }]) {
      const { updater, support } = start(options);
      await vi.advanceTimersByTimeAsync(CHECK_INTERVAL_MS);
      await support.handlers['updates:check']();
      expect(updater.checks).toBe(0);
      expect((await support.handlers['updates:state']()).note).not.toBeNull();
    }
  });

  it('uses the feed set in settings', () => {
    const { updater, support } = start({ feed: 'https://it.example.com/agentdesk', mode: 'embedded' });
    expect(updater.feeds).toEqual([{ provider: 'generic', url: 'https://it.example.com/agentdesk/' }]);
    support.updates.stop();
  });

  it('says when the logs folder cannot be opened', async () => {
    const { support, shell } = start();
    shell.openPath.mockResolvedValueOnce('No application is associated');
    await expect(support.handlers['logs:open-folder']()).rejects.toThrow('The logs folder could not be opened: No application is associated');
    support.updates.stop();
  });

  it('reports versions and file locations without the user folder', async () => {
    const { support } = start();
    const facts = await support.handlers['diagnostics:host']();
    expect(facts.node).toBe(process.versions.node);
    expect(facts.crashDumpsDir).toBe('/home/jane.doe/.config/AgentDesk/crashDumps');
    expect(withoutHome('/home/jane.doe/.config/AgentDesk/logs', '/home/jane.doe')).toBe('~/.config/AgentDesk/logs');
    expect(withoutHome('C:\\Users\\Jane.Doe\\AppData\\Roaming\\AgentDesk\\logs', 'C:\\Users\\jane.doe')).toBe('~\\AppData\\Roaming\\AgentDesk\\logs');
    expect(
      hostDiagnostics({ versions: {}, platform: 'linux', arch: 'x64', home: '/home/jane.doe', logsDir: '/home/jane.doe/l', crashDumpsDir: '/var/c', crashSubmitUrl: null }).logsDir,
    ).toBe('~/l');
    support.updates.stop();
  });
});

describe('the log file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'agentdesk-logs-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('goes to userData/logs/main.log, rolls at 5 MB, redacts every line and catches main crashes', () => {
    const { log, raw } = fakeLog();
    configureLogging(log, dir);
    const file = raw.transports.file as { resolvePathFn: () => string; maxSize: number };
    expect(file.resolvePathFn()).toBe(path.join(dir, 'main.log'));
    expect(file.maxSize).toBe(LOG_MAX_BYTES);
    expect(raw.hooks).toContain(redactHook);
    expect(raw.errorHandler.startCatching).toHaveBeenCalledWith({ showDialog: false });
  });

  it('keeps four rolled files, newest first', () => {
    const main = path.join(dir, 'main.log');
    for (const generation of ['a', 'b', 'c', 'd', 'e', 'f']) {
      writeFileSync(main, generation);
      rotateLogFile(main);
    }
    expect(existsSync(main)).toBe(false);
    expect(['main.1.log', 'main.2.log', 'main.3.log', 'main.4.log'].map((name) => readFileSync(path.join(dir, name), 'utf8'))).toEqual(['f', 'e', 'd', 'c']);
    expect(existsSync(path.join(dir, 'main.5.log'))).toBe(false);
  });

  it('has no bearer token or customer e-mail in what it writes', () => {
    const message = { data: ['pull failed', 'Authorization: Bearer abcdefghijklmnopqrstuvwxyz0123456789', { email: 'jane@example.com' }], level: 'error' } as unknown as LogMessage;
    const text = redactHook(message).data.join(' ');
    expect(text).not.toContain('abcdefghijklmnopqrstuvwxyz0123456789');
    expect(text).not.toContain('jane@example.com');
    expect(text).toContain('pull failed');
  });
});

describe('crash dumps', () => {
  it('stay on this computer unless a crash server is configured', () => {
    expect(crashReporterOptions(null)).toMatchObject({ uploadToServer: false, submitURL: '' });
    const started: unknown[] = [];
    const reporter = { start: (options: unknown) => started.push(options) };
    expect(startCrashReporter(reporter, {})).toBeNull();
    expect(startCrashReporter(reporter, { AGENTDESK_CRASH_SUBMIT_URL: 'not a url' })).toBeNull();
    expect(startCrashReporter(reporter, { AGENTDESK_CRASH_SUBMIT_URL: 'https://crash.example.com/minidump' })).toBe('https://crash.example.com/minidump');
    expect(started).toMatchObject([{ uploadToServer: false }, { uploadToServer: false }, { uploadToServer: true, submitURL: 'https://crash.example.com/minidump' }]);
  });
});
