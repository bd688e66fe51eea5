/** The hub's configuration from its environment, validated at start. */
import { z } from 'zod';
import { DEFAULT_SERVE_HOST, DEFAULT_SERVE_PORT } from './config';
import { describeZodError } from './bridge';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** A whole number of milliseconds, `fallback` when unset. */
const milliseconds = (name: string, fallback: number) =>
  optionalText
    .transform((value) => (value === undefined ? fallback : Number(value)))
    .pipe(z.number({ error: `${name} must be a number of milliseconds` }).int(`${name} must be a whole number of milliseconds`).min(0, `${name} cannot be negative`));

export const HubEnvSchema = z.object({
  HOST: optionalText.transform((value) => value ?? DEFAULT_SERVE_HOST),
  PORT: optionalText
    .transform((value) => (value === undefined ? DEFAULT_SERVE_PORT : Number(value)))
    .pipe(
      z
        .number({ error: 'PORT must be a number' })
        .int('PORT must be a whole number')
        .min(0, 'PORT must be between 0 and 65535')
        .max(65535, 'PORT must be between 0 and 65535'),
    ),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
      .optional(),
  ),
  AGENTDESK_DATA_DIR: optionalText,
  AGENTDESK_RENDERER_DIR: optionalText,
  /** A folder of desktop installers and their update files (what `npm run dist` writes) served at /updates/ without sign-in. */
  AGENTDESK_UPDATES_DIR: optionalText,
  /** Demo data to load into an empty hub: small | medium | large | none (the default). */
  AGENTDESK_DEMO: optionalText.pipe(z.enum(['small', 'medium', 'large', 'none'], { error: 'AGENTDESK_DEMO must be small, medium, large or none' }).optional()),
  /** Integration API keys, `name:key,…` (parsed and checked by the hub at start). */
  AGENTDESK_INTEGRATION_KEYS: optionalText,
  /**
   * Runs the hub's clock this many milliseconds from the system's (tests that run a whole
   * hub at a chosen instant, e.g. a Sunday or New Year's Eve). Default 0.
   */
  AGENTDESK_CLOCK_OFFSET_MS: optionalText
    .transform((value) => (value === undefined ? 0 : Number(value)))
    .pipe(z.number({ error: 'AGENTDESK_CLOCK_OFFSET_MS must be a number of milliseconds' }).int('AGENTDESK_CLOCK_OFFSET_MS must be a whole number of milliseconds')),
  /**
   * The URLs people and integrations reach the hub at (comma-separated), e.g. https://agentdesk.example.com
   * behind a reverse proxy. Requests naming another host are refused (DNS rebinding); loopback names and IP
   * addresses are always answered.
   */
  AGENTDESK_PUBLIC_URL: optionalText
    .transform((value) => (value ? value.split(',').map((url) => url.trim()).filter(Boolean) : []))
    .pipe(z.array(z.url({ protocol: /^https?$/, error: 'AGENTDESK_PUBLIC_URL must be http(s) URLs such as https://agentdesk.example.com' }))),
  /** Whether the hub's log also goes to standard output (serve mode; default yes). The file in the data folder is always kept. */
  AGENTDESK_LOG_STDOUT: optionalText.transform((value) => value === undefined || !['0', 'false', 'no'].includes(value.toLowerCase())),
  /** A bearer token that may read /metrics from another machine (a program on the hub's own machine needs none). */
  AGENTDESK_METRICS_TOKEN: optionalText.pipe(z.string().min(16, 'AGENTDESK_METRICS_TOKEN must be 16 characters or more').regex(/^\S+$/, 'AGENTDESK_METRICS_TOKEN cannot contain spaces').optional()),
  /** On SIGTERM, how long the hub answers /health/ready with 503 before it stops taking requests (a load balancer's time to notice). */
  AGENTDESK_DRAIN_DELAY_MS: milliseconds('AGENTDESK_DRAIN_DELAY_MS', 0),
  /** How long stopping waits for requests in flight before cutting them. */
  AGENTDESK_SHUTDOWN_TIMEOUT_MS: milliseconds('AGENTDESK_SHUTDOWN_TIMEOUT_MS', 10_000),
  AGENTDESK_ALLOWED_ORIGINS: optionalText.transform((value) =>
    value ? value.split(',').map((origin) => origin.trim()).filter(Boolean) : [],
  ),
});
export type HubEnv = z.output<typeof HubEnvSchema>;

export function parseHubEnv(env: Record<string, string | undefined>): HubEnv {
  const result = HubEnvSchema.safeParse(env);
  if (!result.success) throw new Error(`Invalid hub configuration: ${describeZodError(result.error)}`);
  return result.data;
}

/**
 * The demo set to load into an empty hub: only when AGENTDESK_DEMO asks for
 * one (npm start and npm run serve do, and say so). A demo hub has known
 * passwords, so nothing else ever gets one.
 */
export function demoSizeOf(config: HubEnv): 'small' | 'medium' | 'large' | null {
  const choice = config.AGENTDESK_DEMO ?? 'none';
  return choice === 'none' ? null : choice;
}
