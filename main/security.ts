import { app, session, shell } from 'electron';
import { isAllowedOrigin, isSafeExternalUrl } from '@core/security';

/**
 * Electron's security checklist, applied to every web contents the app creates:
 * no navigation away from the app, no new windows (http(s) links go to the
 * OS browser), no <webview>, and only the permissions the workstation needs.
 */
export function installSecurityGuards(appOrigins: readonly string[]): void {
  app.on('web-contents-created', (_event, contents) => {
    const guard = (event: { preventDefault(): void }, url: string) => {
      if (!isAllowedOrigin(url, appOrigins)) {
        event.preventDefault();
        if (isSafeExternalUrl(url)) void shell.openExternal(url);
      }
    };
    contents.on('will-navigate', guard);
    contents.on('will-redirect', guard);
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isSafeExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });

  const allowed = new Set(['notifications', 'clipboard-sanitized-write']);
  session.defaultSession.setPermissionRequestHandler((contents, permission, callback) => {
    callback(allowed.has(permission) && isAllowedOrigin(contents.getURL(), appOrigins));
  });
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) => {
    return allowed.has(permission) && isAllowedOrigin(requestingOrigin, appOrigins);
  });
}
