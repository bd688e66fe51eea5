/**
 * The hub as an attacker meets it: a web page rebinding its own name to the
 * hub's address is refused before any route runs, every answer carries the
 * security headers, and every route says who may call it in the OpenAPI
 * document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../hub/server';
import { hostNameOf, isAllowedHost } from '../../hub/plugins/host-check';

let hub: RunningHub;

beforeAll(async () => {
  hub = await startHub({ host: '127.0.0.1', port: 0, dataDir: null, demo: 'small', offers: false, publicUrls: ['https://agentdesk.example.com'] });
});
afterAll(async () => {
  await hub?.close();
});

describe('the Host check (DNS rebinding)', () => {
  it('refuses a request addressed to another name with 421, before any route runs', async () => {
    const response = await hub.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { host: `attacker.example:${hub.port}`, 'content-type': 'application/json' },
      payload: { username: 'ava', password: 'demo' },
    });
    expect(response.statusCode).toBe(421);
    expect(response.json()).toMatchObject({ statusCode: 421, error: 'misdirected_request', message: expect.stringContaining('AGENTDESK_PUBLIC_URL') });
    expect(response.body).not.toContain('token');
    const sessions = await hub.storage.query<{ n: number }>('SELECT count(*) AS n FROM sessions');
    expect(Number(sessions[0]!.n)).toBe(0);
  });

  it('refuses a rebound name on every kind of route, the workstation page and health included', async () => {
    for (const url of ['/health', '/sync/pull?clientId=x&cursor=0', '/api/v1/openapi.json', '/queue']) {
      const response = await hub.app.inject({ method: 'GET', url, headers: { host: 'rebind.attacker.example' } });
      expect(response.statusCode, url).toBe(421);
    }
  });

  it('answers loopback names, IP addresses and the configured public host', async () => {
    for (const host of [`127.0.0.1:${hub.port}`, `localhost:${hub.port}`, '[::1]:4870', '10.1.2.3:4870', 'agentdesk.example.com', 'AgentDesk.Example.com.']) {
      const response = await hub.app.inject({ method: 'GET', url: '/health', headers: { host } });
      expect(response.statusCode, host).toBe(200);
    }
  });

  it('reads Host headers strictly', () => {
    expect(hostNameOf('LocalHost:80')).toBe('localhost');
    expect(hostNameOf('[::1]:4870')).toBe('::1');
    expect(hostNameOf('evil.example@127.0.0.1')).toBeNull();
    expect(hostNameOf('')).toBeNull();
    expect(isAllowedHost('127.0.0.1.evil.example', new Set())).toBe(false);
    expect(isAllowedHost('localhost.evil.example', new Set())).toBe(false);
    expect(isAllowedHost(undefined, new Set())).toBe(false);
  });
});

describe('answers', () => {
  it('carry the security headers, and API answers are never cached or rendered', async () => {
    const response = await fetch(`${hub.url}/health`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});

describe('the OpenAPI document', () => {
  it('covers every route the hub answers, each saying who may call it', async () => {
    const doc = (await (await fetch(`${hub.url}/api/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, { security?: unknown[]; summary?: string }>> };
    // printRoutes draws a tree: a child line continues its parent's path, one level (4 columns) deeper.
    const stack: string[] = [];
    const listed = hub.app
      .printRoutes({ commonPrefix: false })
      .split('\n')
      .flatMap((line) => {
        const match = /^([│ ]*)[├└]── (\S+)(?: \(([^)]+)\))?/.exec(line);
        if (!match) return [];
        const depth = match[1]!.length / 4;
        stack.length = depth;
        stack.push(match[2]!);
        const path = stack.join('').replace(/:(\w+)/g, '{$1}');
        const methods = (match[3] ?? '').split(', ').filter((method) => method && method !== 'HEAD' && method !== 'OPTIONS');
        return methods.map((method) => `${method} ${path}`);
      })
      .filter((route) => /^\w+ \/(api|sync|health)/.test(route));
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    expect(listed.length).toBeGreaterThanOrEqual(13);
    expect(documented.sort()).toEqual([...new Set(listed)].sort());
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(methods)) expect(operation.summary, `${method} ${path}`).toBeTruthy();
    }
  });
});
