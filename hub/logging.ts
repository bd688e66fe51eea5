/**
 * The hub's log: pino (Fastify's logger), one JSON line per event with the
 * request's id, to a daily-or-10-MB rolling file in the data folder (seven
 * kept) and, in serve mode, to stdout. Never a password, token, key or message
 * body: requests are logged by method, URL and address only, and the headers
 * and fields that could carry a secret are redacted wherever they appear.
 */
import path from 'node:path';
import pino, { type Logger, type StreamEntry } from 'pino';
import pinoRoll from 'pino-roll';

export interface LogOptions {
  /** Folder for hub.log and its rolled predecessors; null keeps no file. */
  dir: string | null;
  /** Also to standard output (serve mode). */
  stdout: boolean;
  level?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
}

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
  '*.key',
  '*.integrationKey',
  '*.body',
  '*.args',
];

export async function createHubLogger(options: LogOptions): Promise<Logger> {
  const streams: StreamEntry[] = [];
  if (options.dir) {
    const file = await pinoRoll({ file: path.join(options.dir, 'hub'), extension: '.log', frequency: 'daily', size: '10m', mkdir: true, limit: { count: 7 } });
    streams.push({ stream: file });
  }
  if (options.stdout) streams.push({ stream: process.stdout });
  return pino(
    {
      level: options.level ?? 'info',
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      base: { service: 'agentdesk-hub' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    pino.multistream(streams),
  );
}
