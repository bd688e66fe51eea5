/**
 * The renderer's errors: uncaught errors, unhandled rejections and
 * console.error, redacted, kept (the last few) for "Copy diagnostics" and, in
 * the desktop app, written to its log file through the bridge.
 */
import { redact } from '@core/log-redact';
import type { AgentDeskBridge } from '@core/bridge';

export interface RecordedError {
  at: number;
  message: string;
}

const KEPT = 20;
const recent: RecordedError[] = [];

function describe(value: unknown): string {
  if (value instanceof Error) return value.stack ?? `${value.name}: ${value.message}`;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** The last errors, oldest first. */
export function recentErrors(): readonly RecordedError[] {
  return recent;
}

let installed = false;

export function installErrorLog(bridge: AgentDeskBridge): void {
  if (installed) return;
  installed = true;
  // In a browser the console is the log: sending there again would repeat every line.
  const forward = bridge.host === 'electron';
  const record = (message: string) => {
    const clean = redact(message).slice(0, 4000);
    recent.push({ at: Date.now(), message: clean });
    if (recent.length > KEPT) recent.shift();
    if (forward) bridge.log({ level: 'error', message: clean });
  };
  window.addEventListener('error', (event) => record(`Uncaught ${describe(event.error ?? event.message)}`));
  window.addEventListener('unhandledrejection', (event) => record(`Unhandled rejection: ${describe(event.reason)}`));
  const consoleError = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    consoleError(...args);
    record(args.map(describe).join(' '));
  };
}
