/** The scripts on this desktop, one entry per script with its versions. */
import { useMemo } from 'react';
import type { Script } from '@core/domain/model';
import { useLive } from '../../data/hooks';

export interface ScriptSummary {
  scriptId: string;
  /** The name agents see: the published version's, else the newest version's. */
  name: string;
  topics: string[];
  published: Script | null;
  draft: Script | null;
  /** Every version, newest first. */
  versions: Script[];
}

function strip<T extends { _v?: number }>(row: T): Omit<T, '_v'> {
  const { _v: _ignored, ...rest } = row;
  return rest;
}

/** Every script, by name; null while loading. */
export function useScriptSummaries(): ScriptSummary[] | null {
  const rows = useLive((db) => db.scripts.toArray(), [], null);
  return useMemo(() => {
    if (!rows) return null;
    const byId = new Map<string, Script[]>();
    for (const row of rows) {
      const script = strip(row) as Script;
      byId.set(script.scriptId, [...(byId.get(script.scriptId) ?? []), script]);
    }
    return [...byId.entries()]
      .map(([scriptId, versions]) => {
        versions.sort((a, b) => b.version - a.version);
        const published = versions.find((version) => version.status === 'published') ?? null;
        const draft = versions.find((version) => version.status === 'draft') ?? null;
        const shown = published ?? versions[0]!;
        return { scriptId, name: shown.name, topics: shown.topics, published, draft, versions };
      })
      .sort((a, b) => a.name.localeCompare(b.name) || a.scriptId.localeCompare(b.scriptId));
  }, [rows]);
}

/** People's names by id, for "saved by Sam Patel". */
export function usePeopleNames(): ReadonlyMap<string, string> {
  const users = useLive((db) => db.users.toArray(), [], []);
  return useMemo(() => new Map(users.map((user) => [user.id, user.name])), [users]);
}
