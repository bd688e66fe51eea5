import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildCsp } from '@core/csp';
import { recorded, resetFakeElectron } from '../helpers/fake-electron';
import { registerAppSchemePrivileges, serveRenderer } from '../../main/protocol';

vi.mock('electron', () => import('../helpers/fake-electron'));

describe('app:// serves the built renderer', () => {
  const outside = mkdtempSync(path.join(os.tmpdir(), 'agentdesk-protocol-'));
  const root = path.join(outside, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>AgentDesk</title>');
  writeFileSync(path.join(root, 'assets/index-abc.js'), 'console.log(1)');
  writeFileSync(path.join(outside, 'secret.txt'), 'do not serve');
  const csp = buildCsp({ connectOrigins: ['http://127.0.0.1:41234'] });

  beforeEach(() => {
    resetFakeElectron();
    serveRenderer(root, csp);
  });
  const get = (url: string) => Promise.resolve(recorded.protocolHandlers.get('app')!(new Request(url)));

  it('registers app:// as a secure standard scheme', () => {
    registerAppSchemePrivileges();
    expect(recorded.privilegedSchemes).toEqual([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
  });

  it('answers files and client-side routes with their type and the CSP', async () => {
    const script = await get('app://agentdesk/assets/index-abc.js');
    expect(script.status).toBe(200);
    expect(await script.text()).toBe('console.log(1)');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toBe(csp);
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');

    const route = await get('app://agentdesk/follow-ups/week');
    expect(await route.text()).toContain('<title>AgentDesk</title>');
    expect(route.headers.get('content-security-policy')).toContain('connect-src \'self\' http://127.0.0.1:41234');
  });

  it('refuses paths outside the renderer folder, other hosts and missing files', async () => {
    for (const url of [
      'app://agentdesk/%2e%2e/secret.txt',
      'app://agentdesk/assets/..%2f..%2fsecret.txt',
      'app://other/index.html',
      'app://agentdesk/assets/missing.js',
    ]) {
      const answer = await get(url);
      expect(answer.status, url).toBe(404);
      expect(await answer.text()).not.toContain('do not serve');
    }
  });
});
