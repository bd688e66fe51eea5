import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HubChildReportSchema } from '@core/hub-child-messages';
import { FakeEmitter } from '../helpers/fake-electron';

const hub = vi.hoisted(() => ({
  started: [] as Record<string, unknown>[],
  closed: 0,
  failWith: null as string | null,
}));

vi.mock('../../hub/server', () => ({
  startHub: async (options: Record<string, unknown>) => {
    hub.started.push(options);
    if (hub.failWith) throw new Error(hub.failWith);
    const port = options.port === 0 ? 41234 : (options.port as number);
    return {
      url: `http://127.0.0.1:${port}`,
      port,
      close: async () => {
        hub.closed += 1;
      },
    };
  },
}));
vi.mock('../../hub/logging', () => ({ createHubLogger: async () => ({}) }));

/** The child's end of the port to main: what it posts, and a way to send it a message. */
class FakeParentPort extends FakeEmitter {
  readonly posted: unknown[] = [];
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
}

describe('the hub child entry', () => {
  const port = new FakeParentPort();
  const exit = vi.spyOn(process, 'exit').mockImplementation(() => undefined as never);

  beforeAll(async () => {
    (process as unknown as { parentPort: FakeParentPort }).parentPort = port;
    await import('../../main/hub-child');
  });
  afterAll(() => {
    delete (process as { parentPort?: unknown }).parentPort;
    exit.mockRestore();
  });

  it('ignores malformed commands', async () => {
    port.emit('message', { data: { type: 'start', port: -1 } });
    port.emit('message', { data: 'start' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(hub.started).toEqual([]);
  });

  it('starts the hub on loopback as asked and reports its address, valid for main', async () => {
    port.emit('message', { data: { type: 'start', port: 0, dataDir: '/data/hub', logsDir: '/data/logs', demo: 'small' } });
    await vi.waitFor(() => expect(port.posted).toHaveLength(1));
    expect(hub.started[0]).toMatchObject({ host: '127.0.0.1', port: 0, dataDir: '/data/hub', demo: 'small', rendererDir: null });
    expect(HubChildReportSchema.parse(port.posted[0])).toEqual({ type: 'ready', url: 'http://127.0.0.1:41234', port: 41234 });
  });

  it('closes the hub and exits when asked to stop', async () => {
    port.emit('message', { data: { type: 'stop' } });
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(0));
    expect(hub.closed).toBe(1);
  });

  it('says why it could not start, then exits with an error', async () => {
    hub.failWith = 'EADDRINUSE: address already in use 127.0.0.1:41234';
    port.emit('message', { data: { type: 'start', port: 41234, dataDir: '/data/hub', logsDir: '/data/logs', demo: null } });
    await vi.waitFor(() => expect(exit).toHaveBeenCalledWith(1));
    expect(HubChildReportSchema.parse(port.posted.at(-1))).toEqual({ type: 'failed', message: 'EADDRINUSE: address already in use 127.0.0.1:41234' });
  });
});
