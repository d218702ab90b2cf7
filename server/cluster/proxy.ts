import http from 'node:http';
import type { Duplex } from 'node:stream';
import { createProxyServer } from 'http-proxy-3';
import type { Redis } from 'ioredis';
import { KEY } from './keys.ts';
import { liveProcesses, processUrl } from './registry.ts';

/** How long the proxy trusts its last look-up of the venue's owner. */
const OWNER_CACHE_MS = 250;

export interface ClusterProxy {
  server: http.Server;
  close(): Promise<void>;
}

/**
 * The one URL in front of a venue's processes. Colyseus's SDK opens a room's WebSocket at
 * `/<processId>/<roomId>?…` (the seat reservation names the process holding the room), so an
 * upgrade goes to the process its first path segment names, looked up in the registry. Every other
 * request (the page, the API, matchmaking) goes to the venue's owner: it runs the venue's
 * singletons (match clock, launch events, drops, group buys), and matchmaking from any process seats
 * visitors in any process's rooms through the shared driver. With no owner yet (a takeover under
 * way), any live process answers.
 */
export function createClusterProxy(redis: Redis): ClusterProxy {
  const proxy = createProxyServer({ xfwd: true, ws: true });
  // NOTE: a process that dies mid-stream resets its sockets; the visitor's side is closed and it rejoins.
  proxy.on('error', () => {});
  let owner: { url: string | undefined; at: number } = { url: undefined, at: 0 };
  let turn = 0;

  async function httpTarget(): Promise<string | undefined> {
    if (owner.url && Date.now() - owner.at < OWNER_CACHE_MS) return owner.url;
    const id = await redis.get(KEY.venueOwner);
    const url = id ? await processUrl(redis, id) : undefined;
    owner = { url, at: Date.now() };
    if (url) return url;
    const live = await liveProcesses(redis);
    return live[turn++ % Math.max(1, live.length)]?.url;
  }

  const server = http.createServer((req, res) => {
    httpTarget().then(
      (target) => {
        if (!target) return unavailable(res, 'no Courtside process is running');
        proxy.web(req, res, { target }, (err) => unavailable(res, err.message));
      },
      (err: Error) => unavailable(res, err.message),
    );
  });
  // NOTE: an upgraded socket leaves the HTTP server's own books: `close` would wait for every visitor to leave.
  const sockets = new Set<Duplex>();
  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    // NOTE: a visitor's socket reset mid-way (a closed tab, a lost network) is theirs, not the proxy's to crash on.
    socket.on('error', () => socket.destroy());
    const processId = new URL(req.url ?? '/', 'http://proxy').pathname.split('/')[1] ?? '';
    processUrl(redis, processId).then(
      (target) => {
        if (!target) return void socket.destroy();
        proxy.ws(req, socket, head, { target }, () => socket.destroy());
      },
      () => socket.destroy(),
    );
  });
  return {
    server,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function unavailable(res: http.ServerResponse, why: string): void {
  if (res.headersSent) return void res.destroy();
  res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' });
  res.end(JSON.stringify({ error: { code: 'unavailable', message: `the venue is moving between processes: ${why}` } }));
}
