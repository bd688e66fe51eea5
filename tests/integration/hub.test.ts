import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '@core/config';
import { ApiErrorSchema, HealthSchema } from '@core/hub-api';
import { startHub, type RunningHub } from '../../hub/server';
import { migrations } from '../../hub/storage/migrate';
import { storageTargets, type TestDatabase } from '../helpers/storage-targets';

const targets = await storageTargets();

function rendererFixture(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'agentdesk-renderer-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>AgentDesk</title><div id="root"></div>');
  writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log("workstation")');
  writeFileSync(path.join(dir, 'sw.js'), 'self.addEventListener("install", () => {})');
  writeFileSync(path.join(dir, 'manifest.webmanifest'), '{"name":"AgentDesk"}');
  return dir;
}

describe.each(targets)('hub on $label', (target) => {
  const skip = target.skipReason;
  let database: TestDatabase;
  let hub: RunningHub;
  const rendererDir = rendererFixture();
  const start = () =>
    startHub({ host: '127.0.0.1', port: 0, databaseUrl: database.databaseUrl, dataDir: database.dataDir, rendererDir });

  beforeAll(async () => {
    if (skip) return;
    database = await target.create();
    hub = await start();
  });
  afterAll(async () => {
    await hub?.close();
    await database?.drop();
  });

  it.skipIf(skip)('answers GET /health with the storage in use and the migrated schema', async () => {
    const response = await fetch(`${hub.url}/health`);
    expect(response.status).toBe(200);
    const health = HealthSchema.parse(await response.json());
    expect(health.storage).toBe(target.kind);
    expect(health.schemaVersion).toBe(migrations.length);
    expect(health.hubId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.skipIf(skip)('restarts on the same database: same hub id, migrations applied once', async () => {
    const before = HealthSchema.parse(await (await fetch(`${hub.url}/health`)).json());
    await hub.close();
    hub = await start();
    const after = HealthSchema.parse(await (await fetch(`${hub.url}/health`)).json());
    expect(after.hubId).toBe(before.hubId);
    const applied = await hub.storage.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(applied.map((row) => row.version)).toEqual(migrations.map((m) => m.version));
  });

  it.skipIf(skip)('answers unknown API routes with a JSON 404 that names the route', async () => {
    const response = await fetch(`${hub.url}/api/v1/nothing-here`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(404);
    const body = ApiErrorSchema.parse(await response.json());
    expect(body.message).toContain('/api/v1/nothing-here');
  });

  it.skipIf(skip)('lets the desktop renderer call it cross-origin and nobody else', async () => {
    const preflight = (origin: string) =>
      fetch(`${hub.url}/health`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      });
    const ours = await preflight(APP_ORIGIN);
    expect(ours.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    const theirs = await preflight('https://evil.example');
    expect(theirs.headers.get('access-control-allow-origin')).toBeNull();
  });

  it.skipIf(skip)('serves the workstation with its CSP, client-side routes included', async () => {
    const page = await fetch(`${hub.url}/customer?phone=%2B441234`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const asset = await fetch(`${hub.url}/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it.skipIf(skip)('serves the service worker and manifest so that a new build is seen at once', async () => {
    const worker = await fetch(`${hub.url}/sw.js`);
    expect(worker.status).toBe(200);
    expect(worker.headers.get('content-type')).toMatch(/javascript/);
    expect(worker.headers.get('cache-control')).toBe('no-cache');
    const manifest = await fetch(`${hub.url}/manifest.webmanifest`);
    expect(manifest.status).toBe(200);
    expect(manifest.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
    expect(manifest.headers.get('cache-control')).toBe('no-cache');
    // An event stream or API path is never the page, whatever the browser asks for.
    const api = await fetch(`${hub.url}/sync`, { headers: { accept: 'text/html' } });
    expect(api.status).toBe(404);
  });

  it.skipIf(skip)('never serves files outside the renderer folder', async () => {
    for (const probe of ['/../package.json', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2fpackage.json']) {
      const response = await fetch(`${hub.url}${probe}`);
      const text = await response.text();
      expect(text).not.toContain('"name"');
      expect(text).not.toContain('root:');
    }
  });
});

describe('hub start-up failures', () => {
  it('says so clearly when PostgreSQL cannot be reached', async () => {
    await expect(
      startHub({ host: '127.0.0.1', port: 0, databaseUrl: 'postgres://nobody:wrong@127.0.0.1:1/none', dataDir: null }),
    ).rejects.toThrow(/ECONNREFUSED|connect/);
  });
});

describe('embedded hub data folder', () => {
  it('refuses a second hub process on the same PGlite folder, naming the owner', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'agentdesk-lock-'));
    // A live process that is not this one holds the lock.
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      writeFileSync(path.join(dataDir, 'agentdesk-hub.lock'), String(holder.pid));
      await expect(startHub({ host: '127.0.0.1', port: 0, dataDir })).rejects.toThrow(
        new RegExp(`Another AgentDesk hub \\(process ${holder.pid}\\) is using`),
      );
    } finally {
      holder.kill();
    }
    // A lock left by a process that has gone is taken over.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(path.join(dataDir, 'agentdesk-hub.lock'), gone.stdout);
    const hub = await startHub({ host: '127.0.0.1', port: 0, dataDir });
    await hub.close();
  });
});
