/** Pure checks used by the desktop shell's security guards (unit-tested without Electron). */

/** True when `url` is one of `allowedOrigins` (scheme://host[:port]); anything unparsable is refused. */
export function isAllowedOrigin(url: string, allowedOrigins: readonly string[]): boolean {
  try {
    const parsed = new URL(url);
    // Custom standard schemes (app://agentdesk) report origin "null" in some runtimes: rebuild it.
    const origin = parsed.origin === 'null' ? `${parsed.protocol}//${parsed.host}` : parsed.origin;
    return allowedOrigins.includes(origin);
  } catch {
    return false;
  }
}

/** Links the shell may hand to the OS browser: http(s) only, no credentials. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && !parsed.username && !parsed.password;
  } catch {
    return false;
  }
}
