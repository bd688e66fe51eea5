/** The desktop's facts for "Copy diagnostics": versions and where its files are, with the user's folder shown as ~. */
import type { HostDiagnostics } from '@core/diagnostics';

export interface HostFacts {
  versions: { electron?: string; chrome?: string; node?: string };
  platform: string;
  arch: string;
  home: string;
  logsDir: string;
  crashDumpsDir: string;
  crashSubmitUrl: string | null;
}

/** The user's folder names them (C:\Users\jane.doe): diagnostics show it as ~. */
export function withoutHome(filePath: string, home: string): string {
  if (!home) return filePath;
  const lower = filePath.toLowerCase();
  const homeLower = home.toLowerCase();
  return lower === homeLower || lower.startsWith(`${homeLower}/`) || lower.startsWith(`${homeLower}\\`) ? `~${filePath.slice(home.length)}` : filePath;
}

export function hostDiagnostics(facts: HostFacts): HostDiagnostics {
  return {
    electron: facts.versions.electron ?? '—',
    chrome: facts.versions.chrome ?? '—',
    node: facts.versions.node ?? '—',
    platform: facts.platform,
    arch: facts.arch,
    logsDir: withoutHome(facts.logsDir, facts.home),
    crashDumpsDir: withoutHome(facts.crashDumpsDir, facts.home),
    crashSubmitUrl: facts.crashSubmitUrl,
  };
}
