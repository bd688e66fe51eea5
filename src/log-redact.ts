/**
 * What never goes into a log file: credentials and the personal data an
 * error message can carry. Applied to every line the desktop writes (main and
 * renderer) and to the errors diagnostics report.
 */

/** Nine digits or more: a phone number with its area code, not a date, a version or an address. */
const phone = (match: string) => (match.replace(/\D/g, '').length >= 9 ? '[phone]' : match);

const RULES: [RegExp, string | ((match: string) => string)][] = [
  // Authorization headers and tokens in any form.
  [/(\bauthorization["']?\s*[:=]\s*)[^,;})\n]+/gi, '$1[redacted]'],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, '$1 [redacted]'],
  [/(["']?(?:token|password|currentPassword|newPassword|secret|apiKey|integrationKey|key)["']?\s*[:=]\s*)("[^"]*"|'[^']*'|[^\s,;&}]+)/gi, '$1[redacted]'],
  [/([?&](?:token|key|password|access_token)=)[^&\s#]+/gi, '$1[redacted]'],
  // Long random-looking strings (session tokens, keys) wherever they appear.
  [/\b[A-Za-z0-9_-]{32,}\b/g, '[redacted]'],
  // Credentials in a URL.
  [/(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/@:]+:[^\s/@]+@/gi, '$1[redacted]@'],
  // Customer data: e-mail addresses and phone numbers.
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, '[email]'],
  [/(?<![\w.:/-])(?:\+|\()?\d[\d ()-]{6,}\d(?![\w.:/-])/g, phone],
];

/** The text with credentials, e-mail addresses and phone numbers replaced. */
export function redact(text: string): string {
  let result = text;
  for (const [pattern, replacement] of RULES) result = typeof replacement === 'string' ? result.replace(pattern, replacement) : result.replace(pattern, replacement);
  return result;
}

/** A log call's arguments, redacted: strings as text, errors by their message and stack, objects as JSON. */
export function redactLogArgs(args: readonly unknown[]): string[] {
  return args.map((arg) => {
    if (typeof arg === 'string') return redact(arg);
    if (arg instanceof Error) return redact(arg.stack ?? `${arg.name}: ${arg.message}`);
    try {
      return redact(JSON.stringify(arg) ?? String(arg));
    } catch {
      return '[unprintable]';
    }
  });
}
