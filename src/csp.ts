/**
 * The renderer's Content-Security-Policy, built in one place so the desktop
 * shell (app:// protocol) and the hub (serve mode) send the same policy.
 *
 * `connectOrigins` are the extra origins the renderer may talk to: the hub
 * when it is not the page's own origin (Electron), nothing in serve mode.
 */
export interface CspOptions {
  connectOrigins?: readonly string[];
  /** Development only: the Vite dev server needs websocket HMR and eval-free inline preamble. */
  devServerOrigin?: string;
}

export function buildCsp(options: CspOptions = {}): string {
  const connect = ["'self'", ...(options.connectOrigins ?? [])];
  const script = ["'self'"];
  if (options.devServerOrigin) {
    const ws = options.devServerOrigin.replace(/^http/, 'ws');
    connect.push(options.devServerOrigin, ws);
    script.push(options.devServerOrigin, "'unsafe-inline'");
  }
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': script,
    // Emotion (MUI) injects <style> elements at run time.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': connect,
    // The sync and dashboard workers; in serve mode also the service worker (sw.js, same origin).
    'worker-src': ["'self'", 'blob:'],
    // The web app manifest (serve mode), said outright rather than left to default-src.
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** The origin (scheme://host:port) of an http(s) URL, or null when it is not one. */
export function httpOrigin(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    return parsed.origin;
  } catch {
    return null;
  }
}
