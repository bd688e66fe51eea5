/**
 * The message catalogues as the renderer loads them: one module per language
 * (`virtual:catalogue/de`), merged from that language's area files at build
 * time, so choosing a language fetches one chunk and the sign-in screen does
 * not carry a loader for every area of every language. Each message is
 * compiled to its ICU syntax tree here, so the renderer never parses one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parse } from '@formatjs/icu-messageformat-parser';
import path from 'node:path';
import type { Plugin } from 'vite';

const PREFIX = 'virtual:catalogue/';
const RESOLVED = `\0${PREFIX}`;

export function cataloguesPlugin(cataloguesDir: string): Plugin {
  return {
    name: 'agentdesk-catalogues',
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : null;
    },
    load(id) {
      if (!id.startsWith(RESOLVED)) return null;
      const locale = id.slice(RESOLVED.length);
      if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale)) throw new Error(`not a catalogue's language: ${locale}`);
      const dir = path.join(cataloguesDir, locale);
      const merged: Record<string, string> = {};
      for (const file of readdirSync(dir).filter((name) => name.endsWith('.json')).sort()) {
        const full = path.join(dir, file);
        this.addWatchFile(full);
        Object.assign(merged, JSON.parse(readFileSync(full, 'utf8')) as Record<string, string>);
      }
      const compiled = Object.fromEntries(Object.entries(merged).map(([key, message]) => [key, parse(message)]));
      return `export default ${JSON.stringify(compiled)};`;
    },
  };
}
