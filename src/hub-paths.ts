/**
 * The paths the hub answers itself (its API, sync, health, metrics, update feed), as opposed to the
 * workstation's own client-side routes. One list, so the hub (which page to send for an unknown path)
 * and the web workstation's service worker (which navigations it may answer from its cache) agree.
 */
export const HUB_PATH_PREFIXES = ['/api/', '/sync/', '/health', '/metrics', '/updates/'] as const;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * One pattern per prefix, matching the prefix itself with or without its trailing slash (`/sync`,
 * `/sync/pull`, `/health/ready`, `/metrics?x`). RegExps because Workbox writes them into the service worker.
 */
export const HUB_PATH_PATTERNS: readonly RegExp[] = HUB_PATH_PREFIXES.map(
  (prefix) => new RegExp(`^${escapeRegExp(prefix.replace(/\/$/, ''))}(?:[/?]|$)`),
);

/** A file the workstation was built with (`/sw.js`, `/manifest.webmanifest`, `/assets/x.js`), never a client-side route. */
export const FILE_PATH_PATTERN = /\/[^/?]+\.[^/?]+(?:\?|$)/;

/** Whether `url` (path and query) is the hub's own, never the workstation's page. */
export function isHubPath(url: string): boolean {
  return HUB_PATH_PATTERNS.some((pattern) => pattern.test(url));
}
