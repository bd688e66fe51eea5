import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '@core/config';
import { buildCsp, httpOrigin } from '@core/csp';
import { isAllowedOrigin, isSafeExternalUrl } from '@core/security';
import { mimeType, resolveAppFile } from '../../main/files';

describe('renderer Content-Security-Policy', () => {
  it('allows only the app itself by default, and forbids plugins, framing and base rewriting', () => {
    const csp = buildCsp();
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("connect-src 'self';");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).not.toContain('unsafe-eval');
  });

  it('lets the web workstation install its service worker and manifest from its own origin only', () => {
    const csp = buildCsp();
    expect(csp).toContain("worker-src 'self' blob:;");
    expect(csp).toContain("manifest-src 'self';");
  });

  it('lets the desktop renderer reach its hub and nothing else', () => {
    const csp = buildCsp({ connectOrigins: ['http://127.0.0.1:41234'] });
    expect(csp).toContain("connect-src 'self' http://127.0.0.1:41234;");
    expect(csp).toContain("script-src 'self';");
  });

  it('takes the origin of http(s) hub addresses only', () => {
    expect(httpOrigin('https://hub.example.com:8443/some/path?q=1')).toBe('https://hub.example.com:8443');
    expect(httpOrigin('file:///etc/passwd')).toBeNull();
    expect(httpOrigin('not a url')).toBeNull();
  });
});

describe('navigation and sender guards', () => {
  it('trusts the app origin and refuses look-alikes', () => {
    expect(isAllowedOrigin('app://agentdesk/queue', [APP_ORIGIN])).toBe(true);
    expect(isAllowedOrigin('app://agentdesk.evil/queue', [APP_ORIGIN])).toBe(false);
    expect(isAllowedOrigin('https://agentdesk/queue', [APP_ORIGIN])).toBe(false);
    expect(isAllowedOrigin('file:///work/out/renderer/index.html', [APP_ORIGIN])).toBe(false);
    expect(isAllowedOrigin('', [APP_ORIGIN])).toBe(false);
    expect(isAllowedOrigin('http://localhost:5173/x', [APP_ORIGIN, 'http://localhost:5173'])).toBe(true);
  });

  it('hands only http(s) links without credentials to the OS browser', () => {
    expect(isSafeExternalUrl('https://help.example.com/article')).toBe(true);
    expect(isSafeExternalUrl('http://example.com')).toBe(true);
    expect(isSafeExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isSafeExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeExternalUrl('smb://server/share')).toBe(false);
    expect(isSafeExternalUrl('https://user:pass@example.com')).toBe(false);
  });
});

describe('app:// file resolution', () => {
  const root = path.resolve('/opt/agentdesk/renderer');

  it('maps assets inside the renderer folder and routes to index.html', () => {
    expect(resolveAppFile(root, '/assets/index-abc.js')).toBe(path.join(root, 'assets/index-abc.js'));
    expect(resolveAppFile(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, '/customer')).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, '/follow-ups/week')).toBe(path.join(root, 'index.html'));
  });

  it('never escapes the renderer folder', () => {
    expect(resolveAppFile(root, '/../secrets.json')).toBeNull();
    expect(resolveAppFile(root, '/%2e%2e/%2e%2e/etc/passwd.txt')).toBeNull();
    expect(resolveAppFile(root, '/assets/..%2f..%2f..%2fetc%2fhosts.txt')).toBeNull();
    expect(resolveAppFile(root, '/a%00.js')).toBeNull();
    expect(resolveAppFile(root, '/%E0%A4%A.js')).toBeNull();
  });

  it('labels files with their content type', () => {
    expect(mimeType('index.html')).toBe('text/html; charset=utf-8');
    expect(mimeType('x.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeType('x.unknown')).toBe('application/octet-stream');
  });
});
