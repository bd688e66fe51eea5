/**
 * The desktop update feed: a folder of installers and the electron-updater
 * files that describe them (latest.yml, latest-mac.yml, latest-linux.yml,
 * *.blockmap), served read-only at /updates/ so a contact centre's desktops
 * update from its own hub. No sign-in: the files are the same installers IT
 * hands out, and the updater cannot carry an agent's session. No listing.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const UPDATES_PREFIX = '/updates/';

/** What each kind of feed file is; anything else is an opaque download. */
const CONTENT_TYPES: Record<string, string> = {
  '.yml': 'text/yaml; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.exe': 'application/vnd.microsoft.portable-executable',
  '.zip': 'application/zip',
  '.dmg': 'application/x-apple-diskimage',
  '.deb': 'application/vnd.debian.binary-package',
  '.rpm': 'application/x-rpm',
};

export function feedContentType(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export async function registerUpdateFeed(app: FastifyInstance, dir: string): Promise<void> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new Error(`AGENTDESK_UPDATES_DIR is not a folder: ${dir}`);
  }
  await app.register(fastifyStatic, {
    root: path.resolve(dir),
    prefix: UPDATES_PREFIX,
    // The workstation's registration owns reply.sendFile.
    decorateReply: false,
    index: false,
    list: false,
    dotfiles: 'deny',
    setHeaders(reply, filePath) {
      void reply.header('Content-Type', feedContentType(filePath));
      // The manifests change with each release and must be re-read; installers are named by version.
      void reply.header('Cache-Control', /\.ya?ml$/i.test(filePath) ? 'no-cache' : 'public, max-age=3600');
    },
  });
}
