/**
 * The hub as a desktop update feed (AGENTDESK_UPDATES_DIR): the files
 * electron-updater asks for, without sign-in, nothing else.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHubEnv } from '@core/hub-config';
import { startHub, type RunningHub } from '../../hub/server';

const LATEST = 'version: 1.4.0\nfiles:\n  - url: AgentDesk-Setup-1.4.0.exe\n    sha512: abc\npath: AgentDesk-Setup-1.4.0.exe\n';
const INSTALLER = Buffer.from('MZ installer bytes');

describe('a hub with an update feed', () => {
  let dir: string;
  let hub: RunningHub;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'agentdesk-feed-'));
    writeFileSync(path.join(dir, 'latest.yml'), LATEST);
    writeFileSync(path.join(dir, 'AgentDesk-Setup-1.4.0.exe'), INSTALLER);
    writeFileSync(path.join(dir, 'AgentDesk-Setup-1.4.0.exe.blockmap'), Buffer.from([1, 2, 3]));
    writeFileSync(path.join(dir, '.env'), 'SECRET=1');
    mkdirSync(path.join(dir, 'old'));
    writeFileSync(path.join(dir, 'old', 'latest.yml'), 'version: 1.3.0\n');
    const config = parseHubEnv({ AGENTDESK_UPDATES_DIR: dir });
    hub = await startHub({ host: '127.0.0.1', port: 0, dataDir: null, offers: false, updatesDir: config.AGENTDESK_UPDATES_DIR ?? null });
  });
  afterAll(async () => {
    await hub?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves latest.yml as YAML to anyone, always revalidated', async () => {
    const response = await fetch(`${hub.url}/updates/latest.yml`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/yaml; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toBe(LATEST);
  });

  it('serves the installer it names, byte for byte, and its blockmap', async () => {
    const response = await fetch(`${hub.url}/updates/AgentDesk-Setup-1.4.0.exe`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.microsoft.portable-executable');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(INSTALLER);
    const blockmap = await fetch(`${hub.url}/updates/AgentDesk-Setup-1.4.0.exe.blockmap`);
    expect(blockmap.headers.get('content-type')).toBe('application/octet-stream');
    expect(Buffer.from(await blockmap.arrayBuffer())).toEqual(Buffer.from([1, 2, 3]));
  });

  it('answers ranged requests (resumed downloads)', async () => {
    const response = await fetch(`${hub.url}/updates/AgentDesk-Setup-1.4.0.exe`, { headers: { range: 'bytes=0-1' } });
    expect(response.status).toBe(206);
    expect(await response.text()).toBe('MZ');
  });

  it('lists nothing, hides dotfiles and stays inside its folder', async () => {
    for (const url of ['/updates/', '/updates/old/', '/updates/.env', '/updates/..%2Fpackage.json', '/updates/nothing.yml']) {
      const response = await fetch(`${hub.url}${url}`, { headers: { accept: 'text/html' } });
      // A folder is forbidden, anything else not found: never a listing, a file outside, or the workstation page.
      expect([403, 404], url).toContain(response.status);
      const body = await response.text();
      expect(body, url).not.toMatch(/latest\.yml|Setup|SECRET|version|<html/i);
    }
    expect((await fetch(`${hub.url}/updates/old/latest.yml`)).status).toBe(200);
  });
});

describe('a hub without an update feed', () => {
  let hub: RunningHub;
  beforeAll(async () => {
    hub = await startHub({ host: '127.0.0.1', port: 0, dataDir: null, offers: false });
  });
  afterAll(async () => {
    await hub?.close();
  });

  it('answers 404 for the feed, also to a browser', async () => {
    for (const accept of ['*/*', 'text/html']) {
      const response = await fetch(`${hub.url}/updates/latest.yml`, { headers: { accept } });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/json');
    }
  });
});

it('refuses to start with an update folder that does not exist', async () => {
  await expect(startHub({ host: '127.0.0.1', port: 0, dataDir: null, offers: false, updatesDir: '/nonexistent/agentdesk-updates' })).rejects.toThrow(
    'AGENTDESK_UPDATES_DIR is not a folder: /nonexistent/agentdesk-updates',
  );
});
