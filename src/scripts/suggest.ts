/** Which script to open for a contact. */
import type { Script } from '../domain/model';

/** The script for contacts that fit no other: `general-enquiry`, or any script without topics. */
export const FALLBACK_SCRIPT_ID = 'general-enquiry';

function newestFirst(a: Script, b: Script): number {
  return b.version - a.version || (b.publishedAt ?? 0) - (a.publishedAt ?? 0) || b.updatedAt - a.updatedAt || a.scriptId.localeCompare(b.scriptId);
}

/**
 * Among published scripts, the one whose topics include the contact's topic
 * (compared without regard to case); otherwise the general one (`general-enquiry`,
 * or a script with no topics). When several fit, the latest version wins.
 */
export function suggestScript(scripts: readonly Script[], topic: string | null): Script | null {
  const published = scripts.filter((script) => script.status === 'published');
  const wanted = topic?.trim().toLowerCase() ?? '';
  if (wanted !== '') {
    const matching = published.filter((script) => script.topics.some((candidate) => candidate.trim().toLowerCase() === wanted)).sort(newestFirst);
    if (matching[0]) return matching[0];
  }
  const general = published.filter((script) => script.scriptId === FALLBACK_SCRIPT_ID).sort(newestFirst);
  if (general[0]) return general[0];
  return published.filter((script) => script.topics.length === 0).sort(newestFirst)[0] ?? null;
}
