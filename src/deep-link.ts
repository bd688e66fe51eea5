/**
 * Screen-pop deep links. A softphone or CTI connector opens
 * `agentdesk://customer?phone=+441234567890` (or `email=…`, `id=…`); the app
 * turns it into the in-app route `/customer?phone=…`. Browser mode uses the
 * same route directly in the page URL.
 */
import { DEEP_LINK_SCHEME } from './config';

const ROUTES = new Set(['customer', 'contact', 'queue', 'follow-ups']);
const MAX_LENGTH = 2048;

/** The in-app path for a deep link, or null when it is not one of ours. */
export function deepLinkToPath(link: string): string | null {
  if (link.length > MAX_LENGTH) return null;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  if (url.protocol !== `${DEEP_LINK_SCHEME}:`) return null;
  // agentdesk://customer?phone=… parses with host "customer"; agentdesk:customer?… with an opaque path.
  const route = (url.host || url.pathname).replace(/^\/+|\/+$/g, '');
  if (!ROUTES.has(route)) return null;
  const query = url.searchParams.toString();
  return `/${route}${query ? `?${query}` : ''}`;
}

/** The first deep link in a process's command line (Windows and Linux pass them as arguments). */
export function findDeepLink(argv: readonly string[]): string | null {
  return argv.find((arg) => arg.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`)) ?? null;
}
