/**
 * A doorway to the test hub that the test can shut: the browser talks to the hub through it, and
 * while it is down every connection (the page's, its workers', the service worker's, an open event
 * stream) is cut, as when the hub or the network is gone. Used where Playwright's offline emulation
 * is not enough (see offline-start.spec.ts).
 */
import net from 'node:net';

export interface HubGate {
  /** The hub's address through the gate (same hub, another origin). */
  url: string;
  down(): void;
  up(): void;
  close(): Promise<void>;
}

export async function openHubGate(hubPort: number): Promise<HubGate> {
  let open = true;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    if (!open) {
      client.destroy();
      return;
    }
    const upstream = net.connect(hubPort, '127.0.0.1');
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    sockets.add(client);
    sockets.add(upstream);
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream).pipe(client);
  });
  // Port 0: the system picks a free one, so no port is taken from anyone.
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    down() {
      open = false;
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    },
    up() {
      open = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
