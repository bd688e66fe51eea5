/**
 * Crash dumps: Crashpad writes a minidump to app.getPath('crashDumps') when
 * any AgentDesk process crashes. They stay on this computer unless
 * AGENTDESK_CRASH_SUBMIT_URL names a crash server (a Crashpad/Breakpad
 * endpoint, e.g. a Sentry minidump URL) to upload them to.
 */
import type { CrashReporterStartOptions } from 'electron';
import { HttpUrlSchema } from '@core/bridge';
import { PRODUCT_NAME } from '@core/config';

export const CRASH_SUBMIT_URL_ENV = 'AGENTDESK_CRASH_SUBMIT_URL';

/** The configured crash server, or null (also when the value is not an http(s) address). */
export function crashSubmitUrl(env: Record<string, string | undefined>): string | null {
  const parsed = HttpUrlSchema.safeParse(env[CRASH_SUBMIT_URL_ENV]?.trim());
  return parsed.success ? parsed.data : null;
}

export function crashReporterOptions(submitUrl: string | null): CrashReporterStartOptions {
  return {
    productName: PRODUCT_NAME,
    submitURL: submitUrl ?? '',
    uploadToServer: submitUrl !== null,
    compress: true,
  };
}

export function startCrashReporter(reporter: { start(options: CrashReporterStartOptions): void }, env: Record<string, string | undefined>): string | null {
  const submitUrl = crashSubmitUrl(env);
  reporter.start(crashReporterOptions(submitUrl));
  return submitUrl;
}
