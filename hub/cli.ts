/**
 * Serve mode: runs the hub and serves the workstation to a browser.
 *   node out/hub/cli.js          (npm run serve)
 * Configuration comes from the environment; see README "Configuration".
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PRODUCT_NAME } from '@core/config';
import { demoSizeOf, parseHubEnv } from '@core/hub-config';
import { defaultHubDataDir, redactDatabaseUrl } from './paths';
import { offsetClock } from './clock';
import { createHubLogger } from './logging';
import { startHub, type RunningHub } from './server';

function describeStartError(error: unknown, port: number): string {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE') return `Port ${port} is already in use. Stop the other program or start with PORT=<another port>.`;
  if (code === 'EACCES') return `Not allowed to listen on port ${port}. Choose another with PORT=<port>.`;
  if (code === 'ECONNREFUSED') return 'PostgreSQL refused the connection: check DATABASE_URL and that the server is running.';
  return error instanceof Error ? error.message : String(error);
}

export async function main(env: NodeJS.ProcessEnv = process.env): Promise<RunningHub> {
  const config = parseHubEnv(env);
  const here = path.dirname(fileURLToPath(import.meta.url));
  const rendererDir = config.AGENTDESK_RENDERER_DIR ?? path.resolve(here, '../renderer');
  const dataDir = config.AGENTDESK_DATA_DIR ?? defaultHubDataDir();
  const storageLabel = config.DATABASE_URL
    ? `PostgreSQL ${redactDatabaseUrl(config.DATABASE_URL)}`
    : `PGlite in ${dataDir}`;
  console.log(`${PRODUCT_NAME} hub starting (${storageLabel})…`);
  const logDir = path.join(dataDir, 'logs');
  const logger = await createHubLogger({ dir: logDir, stdout: config.AGENTDESK_LOG_STDOUT });

  let hub: RunningHub;
  try {
    hub = await startHub({
      host: config.HOST,
      port: config.PORT,
      databaseUrl: config.DATABASE_URL,
      dataDir,
      rendererDir,
      updatesDir: config.AGENTDESK_UPDATES_DIR ?? null,
      allowedOrigins: config.AGENTDESK_ALLOWED_ORIGINS,
      publicUrls: config.AGENTDESK_PUBLIC_URL,
      demo: demoSizeOf(config),
      clock: offsetClock(config.AGENTDESK_CLOCK_OFFSET_MS),
      logger,
      metricsToken: config.AGENTDESK_METRICS_TOKEN ?? null,
      drainDelayMs: config.AGENTDESK_DRAIN_DELAY_MS,
      shutdownTimeoutMs: config.AGENTDESK_SHUTDOWN_TIMEOUT_MS,
    });
  } catch (error) {
    console.error(`${PRODUCT_NAME} hub could not start: ${describeStartError(error, config.PORT)}`);
    process.exitCode = 1;
    throw error;
  }

  if (config.AGENTDESK_CLOCK_OFFSET_MS !== 0) console.log(`The hub's clock reads ${new Date(Date.now() + config.AGENTDESK_CLOCK_OFFSET_MS).toISOString()} (AGENTDESK_CLOCK_OFFSET_MS).`);
  console.log(`${PRODUCT_NAME} is serving the workstation at ${hub.url}`);
  console.log(`  open ${hub.url} in a browser · health: ${hub.url}/health · log: ${logDir} · stop with Ctrl+C`);
  if (hub.demo) console.log(`Loaded the ${hub.demo.size} demo data set (${hub.demo.rows.toLocaleString('en')} records).`);
  const health = await hub.app.inject({ method: 'GET', url: '/health' });
  const facts = health.json<{ demo: string | null; setupNeeded: boolean }>();
  if (facts.demo) {
    const line = '!'.repeat(78);
    console.log(`${line}\n  DEMO HUB: sample customers; accounts ava, ben (agents), sam (supervisor) and admin\n  all have the password "demo", and the integration key "demo-integration-key" works.\n  Not for real customers.\n${line}`);
  } else if (facts.setupNeeded) {
    console.log(`No one can sign in yet: open ${hub.url} in a browser on this machine to create the first administrator`);
    console.log('  (from another machine: ssh -L 4870:127.0.0.1:4870 <this host>, then open http://127.0.0.1:4870).');
  }

  let stopping = false;
  const stop = (signal: string) => {
    // A second signal means now.
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`${signal}: stopping the hub (not ready; finishing requests in flight)…`);
    // Whatever happens, the process ends: the drain and the shutdown timeout, plus time to close the database.
    setTimeout(() => process.exit(1), config.AGENTDESK_DRAIN_DELAY_MS + config.AGENTDESK_SHUTDOWN_TIMEOUT_MS + 5000).unref();
    hub.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  return hub;
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  main().catch(() => {
    process.exit(1);
  });
}
