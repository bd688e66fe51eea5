/** Whether the desktop may talk to a hub over plain http (pure, unit-tested; main enforces it). */

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
export function hubUrlRefusal(hubUrl: string, options: { allowInsecure: boolean }): string | null {
  let url: URL;
  try {
    url = new URL(hubUrl);
  } catch {
    return 'The hub address is not a web address; enter it as https://…';
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol !== 'http:') return 'The hub address must start with https://';
  if (isLoopbackHost(url.hostname) || options.allowInsecure) return null;
  return `AgentDesk does not connect to ${url.host} over plain http: passwords and customer data would cross the network unencrypted. Use its https:// address, or ask IT to set ${ALLOW_INSECURE_HUB_ENV}=1 on this computer.`;
}
