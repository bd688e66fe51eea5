/**
 * nginx in front of hub processes, as docs/scaling.md deploys it: the test
 * fills in deploy/nginx/agentdesk.conf and runs Debian's nginx as the current
 * user, with its own prefix, pid, logs and temporary files in a throw-away
 * folder and a free loopback port. The system's nginx service is not used.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, chmodSync, constants, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort, REPO_ROOT } from './hub-processes';

export const NGINX_TEMPLATE = path.join(REPO_ROOT, 'deploy/nginx/agentdesk.conf');

/** The template with its placeholders filled in: the {{HUB}} line once per hub process. */
export function renderAgentDeskConf(template: string, values: { hubs: readonly string[]; listen: string; serverName: string }): string {
  return template
    .split('\n')
    .flatMap((line) => (line.includes('{{HUB}}') && !line.trimStart().startsWith('#') ? values.hubs.map((hub) => line.replace('{{HUB}}', hub)) : [line]))
    .join('\n')
    .replace(/^(\s*listen )\{\{LISTEN\}\};/m, `$1${values.listen};`)
    .replace(/^(\s*server_name )\{\{SERVER_NAME\}\};/m, `$1${values.serverName};`);
}

/** Where nginx is: NGINX_PATH, Debian's /usr/sbin/nginx, or on PATH; null when it is not installed. */
export function findNginx(): string | null {
  const candidates = [process.env.NGINX_PATH, '/usr/sbin/nginx', ...(process.env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, 'nginx'))];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not there.
    }
  }
  return null;
}

/**
 * Why nginx tests cannot run here, or undefined when they can. Under CI a
 * missing nginx is a failure: scripts/setup-tests.sh installs it.
 */
export function nginxSkipReason(): string | undefined {
  if (findNginx()) return undefined;
  const reason = 'nginx is not installed: run scripts/setup-tests.sh (it installs Debian\'s nginx package), or set NGINX_PATH';
  if (process.env.CI === 'true') throw new Error(`CI: ${reason}`);
  console.warn(`nginx tests skipped: ${reason}`);
  return reason;
}

export interface RunningNginx {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  dir: string;
  /** One line per request: method, path, status, the hub (or hubs, when retried) that answered and how, time taken, when. */
  accessLog(): string[];
  errorLog(): string;
  stop(): Promise<void>;
}

function connects(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Starts nginx on a free loopback port in front of `hubs` (host:port each), with the template filled in. */
export async function startNginx(options: { hubs: readonly string[]; serverName: string; template?: string; timeoutMs?: number }): Promise<RunningNginx> {
  const nginx = findNginx();
  if (!nginx) throw new Error('nginx is not installed: run scripts/setup-tests.sh');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'agentdesk-nginx-'));
  // Run as root (CI containers), nginx's workers drop to an unprivileged user, who must reach the temp folders.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const site = renderAgentDeskConf(readFileSync(options.template ?? NGINX_TEMPLATE, 'utf8'), { hubs: options.hubs, listen: `127.0.0.1:${port}`, serverName: options.serverName });
  writeFileSync(path.join(dir, 'agentdesk.conf'), site);
  // What a distribution's nginx.conf provides around the site file, kept inside the folder.
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log info;
events { worker_connections 1024; }
http {
    log_format upstream '$request_method $uri $status upstream=$upstream_addr upstream_status=$upstream_status time=$request_time at=$msec';
    access_log ${dir}/access.log upstream;
    client_body_temp_path ${dir}/body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
    include ${dir}/agentdesk.conf;
}
`,
  );
  const errorFile = path.join(dir, 'error.log');
  const accessFile = path.join(dir, 'access.log');
  const read = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8') : '');
  const child: ChildProcess = spawn(nginx, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', errorFile, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  while (!(await connects(port))) {
    if (gone || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`nginx did not start:\n${stderr}${read(errorFile)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dir,
    accessLog: () => read(accessFile).split('\n').filter(Boolean),
    errorLog: () => read(errorFile),
    async stop() {
      if (!gone) {
        // SIGQUIT would wait for open event streams; the test is over.
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(killer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
