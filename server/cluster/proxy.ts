import http from 'node:http';
import type { Duplex } from 'node:stream';
import { createProxyServer } from 'http-proxy-3';
import type { Redis } from 'ioredis';
import { DRAINING_KEY } from '../ops/drainPlacement.ts';
import { ALIVE_TTL_MS, KEY } from './keys.ts';
import { liveProcesses, type ProcessEntry, processUrl } from './registry.ts';

/** Methods whose requests carry no body, so a refused one can be sent to another process. */
const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** How long the proxy trusts its last look-up of the venue's owner and of the live processes. */
const CACHE_MS = 250;

/**
 * The API paths only the venue's owner serves: launch events with their drops, raffles, offers, hosts
 * and phases, and group buys (their state lives in the owner's memory). Everything else (the page,
 * sessions, the catalog, carts, checkout, orders, squads, matchmaking) any process serves.
 */
export const ownerOnly = (pathname: string): boolean =>
  pathname.startsWith('/api/events') || pathname.startsWith('/api/group-buys');

/** FNV-1a, 32 bits: a fast, well-spread hash for rendezvous routing (not for secrets). */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The process a visitor's requests go to: rendezvous hashing of who they are (their bearer token, or
 * their address) over the live processes, so one visitor keeps to one process (its per-visitor rate
 * limits and remembered cart hold) and only the visitors of a process that comes or goes move.
 */
export function stickyProcess(processes: readonly ProcessEntry[], who: string): ProcessEntry | undefined {
  let best: ProcessEntry | undefined;
  let bestScore = -1;
  for (const p of processes) {
    const score = fnv1a(`${p.processId}|${who}`);
    if (score > bestScore) [best, bestScore] = [p, score];
  }
  return best;
}

export interface ClusterProxy {
  server: http.Server;
  close(): Promise<void>;
}

/**
 * The one URL in front of a venue's processes. Colyseus's SDK opens a room's WebSocket at
 * `/<processId>/<roomId>?…` (the seat reservation names the process holding the room), so an
 * upgrade goes to the process its first path segment names, looked up in the registry. The API of
 * the venue's singletons (`ownerOnly`: launch events, drops, group buys) goes to the venue's owner;
 * with no owner yet (a takeover under way), any live process answers (503, retry). Every other
 * request goes to one live process that is not draining, the same for the same visitor
 * (`stickyProcess`): checkout, orders and matchmaking scale with the processes.
 */
export function createClusterProxy(redis: Redis): ClusterProxy {
  const proxy = createProxyServer({ xfwd: true, ws: true });
  // NOTE: a process that dies mid-stream resets its sockets; the visitor's side is closed and it rejoins.
  proxy.on('error', () => {});
  let owner: { url: string | undefined; at: number } = { url: undefined, at: 0 };
  let serving: { list: ProcessEntry[]; at: number } = { list: [], at: 0 };
  // NOTE: a process that refused a connection is dead or dying; the registry says so only when its
  // alive key runs out (ALIVE_TTL_MS), so until then the proxy leaves it out itself.
  const down = new Map<string, number>();
  let turn = 0;

  /** Live processes that are not draining (a draining one takes no new checkouts or seats) nor refusing. */
  async function servingProcesses(): Promise<ProcessEntry[]> {
    const now = Date.now();
    if (serving.list.length === 0 || now - serving.at >= CACHE_MS) {
      const [live, draining] = await Promise.all([liveProcesses(redis), redis.smembers(DRAINING_KEY)]);
      const open = live.filter((p) => !draining.includes(p.processId));
      serving = { list: open.length > 0 ? open : live, at: now };
    }
    return serving.list.filter((p) => (down.get(p.processId) ?? 0) <= now);
  }

  async function ownerTarget(): Promise<string | undefined> {
    if (owner.url && Date.now() - owner.at < CACHE_MS) return owner.url;
    const id = await redis.get(KEY.venueOwner);
    const url = id ? await processUrl(redis, id) : undefined;
    owner = { url, at: Date.now() };
    if (url) return url;
    const live = await servingProcesses();
    return live[turn++ % Math.max(1, live.length)]?.url;
  }

  async function httpTarget(req: http.IncomingMessage): Promise<{ url?: string; processId?: string }> {
    const pathname = new URL(req.url ?? '/', 'http://proxy').pathname;
    if (ownerOnly(pathname)) return { url: await ownerTarget() };
    const forwarded = req.headers['x-forwarded-for'];
    const who = req.headers.authorization ?? (typeof forwarded === 'string' ? forwarded : req.socket.remoteAddress) ?? '';
    const sticky = stickyProcess(await servingProcesses(), who);
    return sticky ?? { url: await ownerTarget() };
  }

  function forward(req: http.IncomingMessage, res: http.ServerResponse, retried: boolean): void {
    httpTarget(req).then(
      ({ url, processId }) => {
        if (!url) return unavailable(res, 'no Courtside process is running');
        proxy.web(req, res, { target: url }, (err: NodeJS.ErrnoException) => {
          if (processId && err.code === 'ECONNREFUSED') down.set(processId, Date.now() + ALIVE_TTL_MS);
          // NOTE: a request without a body never reached the dead process: sent again, once, elsewhere.
          // One with a body was read into the failed attempt; the client is told to retry.
          if (processId && !retried && !res.headersSent && BODYLESS.has(req.method ?? '')) return forward(req, res, true);
          unavailable(res, err.message);
        });
      },
      (err: Error) => unavailable(res, err.message),
    );
  }

  const server = http.createServer((req, res) => forward(req, res, false));
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
