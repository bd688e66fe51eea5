/**
 * "Copy diagnostics": what IT needs to understand a problem on one
 * workstation, as plain text, and nothing personal — no names, e-mail
 * addresses, phone numbers, customer or user ids, tokens. Refusals are
 * reported by code and kind only (their messages can quote a customer), and
 * everything free-form passes through the log redaction.
 */
import { z } from 'zod';
import type { RejectionRow } from './db/schema';
import { redact } from './log-redact';
import { describeUpdateStatus, updateNoteMessage, type UpdateState } from './updates';
import { formatEnglish } from './i18n/messages';

/** What only the desktop shell knows (main answers it over IPC). Paths start at ~ (the user's folder is theirs). */
export const HostDiagnosticsSchema = z
  .object({
    electron: z.string().max(40),
    chrome: z.string().max(40),
    node: z.string().max(40),
    platform: z.string().max(40),
    arch: z.string().max(20),
    logsDir: z.string().max(1000),
    crashDumpsDir: z.string().max(1000),
    /** Where crash reports are sent; null: they stay on this computer. */
    crashSubmitUrl: z.string().max(2100).nullable(),
  })
  .strict();
export type HostDiagnostics = z.infer<typeof HostDiagnosticsSchema>;

export interface DiagnosticsInput {
  generatedAt: number;
  app: { name: string; version: string; host: 'electron' | 'browser'; os: string; hubUrl: string; hubMode: string } | null;
  /** The desktop shell's facts; null in a browser. */
  host: HostDiagnostics | null;
  /** The browser's user agent (serve mode). */
  userAgent: string | null;
  hub: { connection: string; version: string | null; storage: string | null; schemaVersion: number | null };
  sync: { state: string; lastSyncedAt: number | null; error: string | null; retryAt: number | null } | null;
  cursor: number | null;
  outbox: number | null;
  dbVersion: number;
  /** The refused changes as stored; only their kind, code and time are reported. */
  rejections: readonly Pick<RejectionRow, 'code' | 'name' | 'at' | 'message' | 'args'>[];
  /** The renderer's last errors (already redacted when recorded). */
  recentErrors: readonly { at: number; message: string }[];
  update: UpdateState | null;
}

const MAX_LISTED = 10;

function time(at: number | null): string {
  return at === null ? 'never' : new Date(at).toISOString();
}

/** One line of free text, redacted and kept short. */
function line(text: string): string {
  const first = redact(text.split('\n')[0] ?? '').trim();
  return first.length > 200 ? `${first.slice(0, 199)}…` : first;
}

export function buildDiagnostics(input: DiagnosticsInput): string {
  const out: string[] = [];
  const add = (label: string, value: string | number | null | undefined) => out.push(`${label}: ${value ?? '—'}`);
  out.push(`${input.app?.name ?? 'AgentDesk'} diagnostics, ${time(input.generatedAt)}`, '');

  out.push('[Versions]');
  add('App', input.app?.version);
  add('Running in', input.app ? (input.app.host === 'electron' ? 'desktop app' : 'browser') : null);
  if (input.host) {
    add('Electron', input.host.electron);
    add('Chrome', input.host.chrome);
    add('Node', input.host.node);
    add('OS', `${input.app?.os ?? '—'} (${input.host.platform} ${input.host.arch})`);
  } else {
    add('Browser', input.userAgent ? line(input.userAgent) : null);
    add('OS', input.app ? line(input.app.os) : null);
  }
  add('Local database version', input.dbVersion);

  out.push('', '[Hub]');
  add('Address', input.app?.hubUrl);
  add('Mode', input.app?.hubMode);
  add('Reachable', input.hub.connection);
  add('Hub version', input.hub.version);
  add('Storage', input.hub.storage);
  add('Schema version', input.hub.schemaVersion);

  out.push('', '[Sync]');
  if (input.sync) {
    add('State', input.sync.state);
    add('Last synced', time(input.sync.lastSyncedAt));
    add('Cursor', input.cursor);
    add('Changes waiting (outbox)', input.outbox);
    if (input.sync.error) add('Last problem', line(input.sync.error));
    if (input.sync.retryAt !== null) add('Next attempt', time(input.sync.retryAt));
  } else {
    out.push('Not signed in.');
  }

  out.push('', '[Refused changes]');
  if (input.rejections.length === 0) out.push('None.');
  for (const rejection of input.rejections.slice(0, MAX_LISTED)) out.push(`${time(rejection.at)} ${rejection.name}: ${rejection.code}`);
  if (input.rejections.length > MAX_LISTED) out.push(`… and ${input.rejections.length - MAX_LISTED} more`);

  out.push('', '[Recent errors]');
  if (input.recentErrors.length === 0) out.push('None.');
  for (const error of input.recentErrors.slice(-MAX_LISTED)) out.push(`${time(error.at)} ${line(error.message)}`);

  if (input.update) {
    out.push('', '[Updates]');
    add('Feed', input.update.feedUrl ?? 'none');
    add('Status', formatEnglish(input.update.note ? updateNoteMessage(input.update.note) : describeUpdateStatus(input.update.status)));
    add('Last check', time(input.update.checkedAt));
  }

  if (input.host) {
    out.push('', '[Files on this computer]');
    add('Logs', input.host.logsDir);
    add('Crash dumps', input.host.crashDumpsDir);
    add('Crash reports sent to', input.host.crashSubmitUrl ?? 'nowhere (kept on this computer)');
  }
  return `${out.join('\n')}\n`;
}
