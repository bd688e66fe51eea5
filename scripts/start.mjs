#!/usr/bin/env node
/**
 * npm start       opens the AgentDesk desktop app. Where no Electron binary can
 *                 be had (a server, a container, a machine without a display),
 *                 it serves the workstation to a browser instead and says why.
 * npm run serve   always serves (hub + workstation) at http://127.0.0.1:4870
 *                 unless PORT / HOST say otherwise.
 * Either way the app is built first when the build is missing or out of date.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const serveOnly = process.argv.includes('--serve');
const outputs = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'out/hub/cli.js'].map((p) => path.join(root, p));
const sources = ['src', 'hub', 'main', 'renderer', 'assets', 'package.json', 'electron.vite.config.ts'].map((p) => path.join(root, p));

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function ensureBuilt() {
  const builtAt = Math.min(...outputs.map((file) => (existsSync(file) ? statSync(file).mtimeMs : 0)));
  const changedAt = Math.max(...sources.map(newestMtime));
  if (builtAt > changedAt) return;
  console.log(builtAt === 0 ? 'Building AgentDesk (first start)…' : 'Sources changed since the last build: rebuilding AgentDesk…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error('The build failed; see the messages above.');
    process.exit(result.status ?? 1);
  }
}

function truthy(value) {
  return !!value && !['0', 'false', 'no', ''].includes(value.toLowerCase());
}

/** The Electron executable, or why there is none. Fetches it once when it is missing and allowed to. */
function findElectron() {
  const pkg = path.join(root, 'node_modules/electron');
  if (!existsSync(pkg)) return { reason: 'the electron package is not installed (run npm install)' };
  const installed = () => {
    const pathFile = path.join(pkg, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const executable = path.join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(executable) ? executable : null;
  };
  let executable = installed();
  if (!executable) {
    if (truthy(process.env.ELECTRON_SKIP_BINARY_DOWNLOAD)) {
      return { reason: 'its binary is not installed and ELECTRON_SKIP_BINARY_DOWNLOAD is set' };
    }
    console.log('Fetching the Electron binary (first start)…');
    const fetched = spawnSync(process.execPath, [path.join(pkg, 'install.js')], { cwd: root, encoding: 'utf8', timeout: 300_000 });
    executable = installed();
    if (!executable) {
      const detail = `${fetched.stderr ?? ''}${fetched.stdout ?? ''}`.split('\n').find((line) => /error/i.test(line))?.trim();
      return { reason: `its binary could not be downloaded${detail ? ` (${detail})` : ''}` };
    }
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { reason: 'there is no graphical display (neither DISPLAY nor WAYLAND_DISPLAY is set)' };
  }
  return { executable };
}

async function serve() {
  const { main } = await import(pathToFileURL(path.join(root, 'out/hub/cli.js')).href);
  await main(process.env);
}

ensureBuilt();
// npm start and npm run serve are for trying AgentDesk: they ask for the demo data, and say so loudly.
// A hub for real work starts without it (AGENTDESK_DEMO=none, or node out/hub/cli.js): see the README.
if (process.env.AGENTDESK_DEMO === undefined) process.env.AGENTDESK_DEMO = 'small';
if (process.env.AGENTDESK_DEMO !== 'none') {
  const line = '!'.repeat(78);
  console.log(`${line}\n  DEMO MODE: sample customers, and accounts whose password is "demo".\n  Not for real customers. For a real hub see README, "Running the hub for real".\n${line}`);
}
if (serveOnly) {
  await serve();
} else {
  const electron = findElectron();
  if (electron.executable) {
    const child = spawn(electron.executable, [root], { stdio: 'inherit' });
    child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
    for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  } else {
    console.log(`The Electron desktop app cannot open here: ${electron.reason}.`);
    console.log('Serving the workstation to a browser instead (serve mode).');
    await serve();
  }
}
