/** Whether the desktop may talk to a hub over plain http (pure, unit-tested; main enforces it). */
import { defineMessages } from '@formatjs/intl';
import type { Message } from './i18n/messages';

/** IT sets this to 1 to allow a remote hub over plain http (a closed network, a test lab). */
export const ALLOW_INSECURE_HUB_ENV = 'AGENTDESK_ALLOW_INSECURE_HUB';

export function insecureHubAllowed(env: Record<string, string | undefined>): boolean {
  return ['1', 'true', 'yes'].includes((env[ALLOW_INSECURE_HUB_ENV] ?? '').trim().toLowerCase());
}

/** This computer: localhost, 127.0.0.0/8 and ::1 (traffic that never leaves the machine). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host === '::1') return true;
  return /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * Why the desktop refuses `hubUrl`, as a sentence for the agent or IT, or null when it may be used:
 * https anywhere, plain http only on this computer unless explicitly allowed (passwords and customer
 * data would cross the network readable by anyone on the way).
 */
export function hubUrlRefusal(hubUrl: string, options: { allowInsecure: boolean }): Message | null {
  let url: URL;
  try {
    url = new URL(hubUrl);
  } catch {
    return { descriptor: messages.notAddress };
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol !== 'http:') return { descriptor: messages.notHttps };
  if (isLoopbackHost(url.hostname) || options.allowInsecure) return null;
  return { descriptor: messages.plainHttp, values: { host: url.host, setting: `${ALLOW_INSECURE_HUB_ENV}=1` } };
}

const messages = defineMessages({
  notAddress: { id: 'desktop.hub.notAddress', defaultMessage: 'The hub address is not a web address; enter it as https://…' },
  notHttps: { id: 'desktop.hub.notHttps', defaultMessage: 'The hub address must start with https://' },
  plainHttp: {
    id: 'desktop.hub.plainHttp',
    defaultMessage:
      'AgentDesk does not connect to {host} over plain http: passwords and customer data would cross the network unencrypted. Use its https:// address, or ask IT to set {setting} on this computer.',
  },
});
