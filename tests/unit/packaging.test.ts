/**
 * What `npm run dist` would pack, checked without it (dist needs the Electron
 * download, which CI lacks): the `npm run build` output and electron-builder.yml.
 * The installer carries package.json's "dependencies" and the files listed in
 * the config, so every package main, preload and the hub import at run time
 * must be a dependency, and nothing the renderer bundle already contains.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const out = path.join(root, 'out');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
// electron-builder's own YAML reader and schema, from the installed electron-builder.
const builderRequire = createRequire(path.join(root, 'node_modules/app-builder-lib/package.json'));
const yaml = builderRequire('js-yaml') as { load: (text: string) => unknown };

interface BuilderConfig {
  files: string[];
  asarUnpack: string[];
  electronFuses: Record<string, boolean>;
  publish: { provider: string; url: string } | { provider: string; url: string }[];
}
const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

/** Electron itself is provided by the runtime (electron-builder refuses it in "dependencies"). */
const PROVIDED = new Set(['electron']);
const RUNTIME_DIRS = ['main', 'preload', 'hub'] as const;

function filesUnder(dir: string, test: (file: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The package a bare specifier names: `@scope/name/sub` → `@scope/name`, `pino/file` → `pino`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** Bare module specifiers a built file imports (static, dynamic, re-exports and require). */
function bareImports(code: string): Set<string> {
  const found = new Set<string>();
  const patterns = [/\bfrom\s*["']([^"'./][^"']*)["']/g, /\bimport\s*\(?\s*["']([^"'./][^"']*)["']/g, /\brequire\(\s*["']([^"'./][^"']*)["']\s*\)/g];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.add(match[1]!);
  return new Set([...found].filter((specifier) => !specifier.startsWith('node:') && !builtinModules.includes(packageOf(specifier))));
}

/** Matches an electron-builder file pattern (a minimatch subset: `**`, `*`, a leading `!`). */
function matches(pattern: string, file: string): boolean {
  const source = pattern
    .replace(/^!/, '')
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*\*\//g, '<DIRS>')
    .replace(/\*\*/g, '<ANY>')
    .replace(/\*/g, '[^/]*')
    .replace(/<DIRS>/g, '(?:.*/)?')
    .replace(/<ANY>/g, '.*');
  return new RegExp(`^${source}$`).test(file);
}

/** Whether electron-builder's `files` list packs a path (the last matching pattern wins, as in electron-builder). */
function packed(file: string): boolean {
  let included = false;
  for (const pattern of config.files) if (matches(pattern, file)) included = !pattern.startsWith('!');
  return included;
}

/** Fails (never skips) when there is no build to inspect: CI builds before the unit tests. */
function requireBuild(): void {
  const missing = RUNTIME_DIRS.filter((dir) => filesUnder(path.join(out, dir), (name) => /\.(c|m)?js$/.test(name)).length === 0);
  if (missing.length || !existsSync(path.join(out, 'renderer/index.html'))) {
    throw new Error(`out/${missing[0] ?? 'renderer'} is missing: run npm run build first (the packaging checks read its output).`);
  }
}

describe('the build output', () => {
  beforeEach(requireBuild);

  test('every package main, preload and the hub import is in "dependencies"', () => {
    const imported = new Map<string, string>();
    for (const dir of RUNTIME_DIRS) {
      for (const file of filesUnder(path.join(out, dir), (name) => /\.(c|m)?js$/.test(name))) {
        for (const specifier of bareImports(readFileSync(file, 'utf8'))) imported.set(packageOf(specifier), path.relative(root, file));
      }
    }
    expect(imported.size).toBeGreaterThan(5);
    const undeclared = [...imported].filter(([name]) => !PROVIDED.has(name) && !(name in pkg.dependencies)).map(([name, file]) => `${name} (imported by ${file})`);
    expect(undeclared).toEqual([]);
    // …and each resolves from the project, so the packed node_modules has it.
    const unresolved = [...imported.keys()].filter((name) => !existsSync(path.join(root, 'node_modules', name, 'package.json')));
    expect(unresolved).toEqual([]);
  });

  test('no package only the renderer uses is in "dependencies" (the renderer is bundled)', () => {
    const maps = filesUnder(path.join(out, 'renderer/assets'), (name) => name.endsWith('.js.map'));
    expect(maps.length, 'the renderer is built with source maps, which name the packages in its bundle').toBeGreaterThan(0);
    const inRenderer = new Set<string>();
    for (const map of maps) {
      const { sources } = JSON.parse(readFileSync(map, 'utf8')) as { sources: string[] };
      for (const source of sources) {
        const inside = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source);
        if (inside) inRenderer.add(inside[1]!);
      }
    }
    expect(inRenderer.has('react'), 'the renderer bundle holds React').toBe(true);
    const runtime = new Set<string>();
    for (const dir of RUNTIME_DIRS) {
      for (const file of filesUnder(path.join(out, dir), (name) => /\.(c|m)?js$/.test(name))) {
        for (const specifier of bareImports(readFileSync(file, 'utf8'))) runtime.add(packageOf(specifier));
      }
    }
    const rendererOnly = Object.keys(pkg.dependencies).filter((name) => inRenderer.has(name) && !runtime.has(name));
    expect(rendererOnly).toEqual([]);
    expect(pkg.devDependencies).toHaveProperty('@mui/x-charts');
  });

  test('PGlite is loaded from node_modules at run time, where its WebAssembly and data files sit beside it', () => {
    // Bundled into out/, PGlite would look for pglite.wasm next to the bundle (new URL(…, import.meta.url)), where there is none.
    const bundledCopies = RUNTIME_DIRS.flatMap((dir) => filesUnder(path.join(out, dir), (name) => /\.(c|m)?js$/.test(name))).filter((file) => readFileSync(file, 'utf8').includes('pglite.wasm'));
    expect(bundledCopies.map((file) => path.relative(root, file))).toEqual([]);
    const hubImports = filesUnder(path.join(out, 'hub'), (name) => name.endsWith('.js')).flatMap((file) => [...bareImports(readFileSync(file, 'utf8'))]);
    expect(hubImports).toContain('@electric-sql/pglite');
  });
});

describe('electron-builder.yml', () => {
  test('is valid for the installed electron-builder', async () => {
    const { validateConfiguration } = builderRequire('./out/util/config/config.js') as { validateConfiguration: (config: unknown, logger: unknown) => Promise<void> };
    const { DebugLogger } = builderRequire('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  test('packs the app and leaves out benchmark and load-test output and source maps', () => {
    for (const file of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'out/renderer/assets/index-abc.js', 'out/hub/cli.js', 'package.json']) {
      expect(packed(file), file).toBe(true);
    }
    // What `npm run bench` (out/bench: pages, results) and `npm run load` (out/load) write, and maps anywhere.
    for (const file of ['out/bench/results/10-cold-start.json', 'out/bench/workstation/index.html', 'out/bench/apply/assets/x.js', 'out/load/cli.js', 'out/main/index.js.map', 'out/renderer/assets/index-abc.js.map']) {
      expect(packed(file), file).toBe(false);
    }
  });

  test('unpacks PGlite\'s WebAssembly and data files from the archive, and they exist', () => {
    const dist = path.join(root, 'node_modules/@electric-sql/pglite/dist');
    const files = ['pglite.wasm', 'pglite.data', 'initdb.wasm'].map((name) => `node_modules/@electric-sql/pglite/dist/${name}`);
    for (const file of files) {
      expect(existsSync(path.join(root, file)), file).toBe(true);
      expect(config.asarUnpack.some((pattern) => matches(pattern, file)), `${file} is unpacked`).toBe(true);
    }
    expect(readdirSync(dist).some((name) => name.endsWith('.wasm'))).toBe(true);
  });

  test('sets the Electron fuses', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  test('publishes to a generic update feed, so dist writes latest.yml for it', () => {
    const publish = [config.publish].flat();
    expect(publish).toHaveLength(1);
    expect(publish[0]!.provider).toBe('generic');
    expect(publish[0]!.url).toMatch(/^https:\/\//);
  });
});
