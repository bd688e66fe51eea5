/**
 * DNS rebinding: a web page an agent visits can make the browser send its
 * requests to 127.0.0.1 under the attacker's host name. Such a request names
 * that host in its Host header, so the hub answers only requests addressed to
 * a loopback name, to an IP address (a rebinding always uses a name), or to a
 * host of a configured public URL (AGENTDESK_PUBLIC_URL); everything else gets
 * 421 before any route runs.
 */
import fp from 'fastify-plugin';
import { isIP } from 'node:net';
import { errorBody } from '../errors';

const LOOPBACK_NAMES = new Set(['localhost', 'localhost.localdomain', 'ip6-localhost', 'ip6-loopback']);

/** The host name of a Host header, lower-cased, without port or IPv6 brackets; null when malformed. */
export function hostNameOf(header: string | undefined): string | null {
  if (!header) return null;
  const value = header.trim().toLowerCase();
  const bracketed = /^\[([0-9a-f:.]+)\](?::\d{1,5})?$/.exec(value);
  if (bracketed) return bracketed[1]!;
  const plain = /^([a-z0-9.-]+)(?::\d{1,5})?$/.exec(value);
  return plain ? plain[1]!.replace(/\.$/, '') : null;
}

/** localhost and its kin (host names, not addresses). */
export function isLoopbackName(name: string): boolean {
  return LOOPBACK_NAMES.has(name) || name.endsWith('.localhost');
}

export function isAllowedHost(header: string | undefined, publicHosts: ReadonlySet<string>): boolean {
  const name = hostNameOf(header);
  if (name === null) return false;
  return isLoopbackName(name) || isIP(name) !== 0 || publicHosts.has(name);
}

export interface HostCheckOptions {
  /** Public URLs the hub is reached at (behind a reverse proxy, or by name on the network). */
  publicUrls: readonly string[];
}

export const hostCheck = fp<HostCheckOptions>(
  async (app, options) => {
    const publicHosts = new Set(options.publicUrls.map((url) => new URL(url).hostname.toLowerCase().replace(/^\[|\]$/g, '')));
    app.addHook('onRequest', async (request, reply) => {
      if (isAllowedHost(request.headers.host, publicHosts)) return;
      const message =
        'This hub does not answer to that host name. If this is the hub\'s own address, add it to AGENTDESK_PUBLIC_URL (see the README, "Running the hub for real").';
      return reply.code(421).send(errorBody(421, message, 'misdirected_request'));
    });
  },
  { name: 'host-check' },
);
