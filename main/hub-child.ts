/**
 * Entry of the embedded hub's child process (forked by main/hub-process.ts with utilityProcess):
 * starts the hub as main asks, reports its address, and closes it cleanly when asked to stop.
 */
import { HubChildCommandSchema, type HubChildReport } from '@core/hub-child-messages';
import { createHubLogger } from '../hub/logging';
import { startHub, type RunningHub } from '../hub/server';

const port = process.parentPort;
const report = (message: HubChildReport) => port.postMessage(message);
let hub: RunningHub | null = null;
let stopping = false;

port.on('message', ({ data }) => {
  const command = HubChildCommandSchema.safeParse(data);
  if (!command.success) return;
  if (command.data.type === 'stop') {
    stopping = true;
    void (hub?.close() ?? Promise.resolve()).finally(() => process.exit(0));
    return;
  }
  const start = command.data;
  void (async () => {
    hub = await startHub({
      host: '127.0.0.1',
      port: start.port,
      databaseUrl: start.databaseUrl,
      dataDir: start.dataDir,
      rendererDir: null,
      demo: start.demo,
      // The embedded hub's log, for IT: userData/logs/hub.*.log.
      logger: await createHubLogger({ dir: start.logsDir, stdout: false }),
    });
    if (stopping) await hub.close();
    else report({ type: 'ready', url: hub.url, port: hub.port });
  })().catch((error: unknown) => {
    report({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    process.exit(1);
  });
});
