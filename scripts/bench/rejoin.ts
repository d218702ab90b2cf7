/**
 * `npm run bench:rejoin`: how long pages take to be back in a room after a network drop, a crashed
 * server and a drained one. The server runs as a child process (`node server/index.ts`) on a fixed
 * port and data dir; N pages (the client's own connection code, in Node) reach it through a TCP relay
 * so a "network drop" can cut every socket without telling either end. Scenarios:
 * - drop: the relay cuts every connection; the SDK reconnects into the same seat (same session id).
 * - kill: SIGKILL, and a supervisor's restart at once; the pages rejoin with joinOrCreate.
 * - drain: SIGTERM (the pages are told to move), and a restart once the process exited.
 * Per page: ms from the event to `online` again, and (kill, drain) from the new process listening.
 * Results and the machine's load (`uptime`) go to reports/bench-rejoin.json.
 *
 *   node scripts/bench/rejoin.ts [--pages 10] [--repeats 3]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createConnection } from '../../client/net/createConnection.ts';
import { createServerClock } from '../../client/net/serverClock.ts';
import { type AppStore, createAppStore } from '../../client/state/createAppStore.ts';
import { createLocalPlayer } from '../../client/state/localPlayer.ts';
import { createRemotePoses } from '../../client/state/remotePoses.ts';
import { percentile } from './checkout/measure.ts';
import { machineLoad } from './checkout/procStats.ts';
import { freePort } from './checkout/postgresCluster.ts';
import { startServer, type ServerProcess } from './checkout/serverProcess.ts';
import { startRelay } from './rejoin/relay.ts';

const REPORT = path.resolve('reports/bench-rejoin.json');
const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { pages: { type: 'string', default: '10' }, repeats: { type: 'string', default: '3' } },
  strict: true,
});
const pageCount = Number(values.pages);
const repeats = Number(values.repeats);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtside-rejoin-'));
const serverPort = await freePort();
const relay = await startRelay(serverPort);
const base = `http://127.0.0.1:${relay.port}`;
const realFetch = globalThis.fetch;
// NOTE: the client calls the API by path, as a page on the server's own origin does.
globalThis.fetch = (input, init) => realFetch(typeof input === 'string' ? new URL(input, base) : input, init);

const env = { PORT: String(serverPort), DATA_DIR: dataDir, SESSION_RATE_PER_MINUTE: '100000', LOG_LEVEL: 'warn' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves with the time the page is next `online` (after having been away). */
function nextOnline(store: AppStore): Promise<number> {
  return new Promise((resolve) => {
    let away = store.getState().connection !== 'online';
    const stop = store.subscribe((s) => {
      if (s.connection !== 'online') away = true;
      else if (away) {
        stop();
        resolve(Date.now());
      }
    });
  });
}

async function openPage(i: number): Promise<AppStore> {
  const store = createAppStore();
  const connection = createConnection({
    store,
    remotePoses: createRemotePoses(),
    localPlayer: createLocalPlayer(),
    serverClock: createServerClock(),
    roomUrl: base.replace(/^http/, 'ws'),
  });
  await connection.startSession({ name: `Page ${i}`, color: '#336699', locale: 'en', currency: 'USD' });
  await connection.join();
  return store;
}

/** Runs one scenario: `act` breaks things and returns when the server listens again (or at once for a drop). */
async function measure(stores: AppStore[], act: () => Promise<number | null>) {
  const seats = stores.map((s) => s.getState().selfId);
  const start = Date.now();
  const back = stores.map(nextOnline);
  const listeningAt = await act();
  const times = await Promise.all(back);
  return {
    fromEventMs: times.map((t) => t - start),
    fromListeningMs: listeningAt === null ? null : times.map((t) => t - listeningAt),
    sameSeat: stores.filter((s, i) => s.getState().selfId === seats[i]).length,
  };
}

let server: ServerProcess = await startServer(env);
const stores = await Promise.all(Array.from({ length: pageCount }, (_, i) => openPage(i)));
// NOTE: the SDK reconnects only rooms up for its minimum uptime (1 s).
await sleep(1500);
const runs: Array<Record<string, unknown>> = [];
for (let r = 0; r < repeats; r++) {
  const drop = await measure(stores, async () => {
    relay.cutAll();
    return null;
  });
  runs.push({ scenario: 'drop', ...drop, load: machineLoad() });
  await sleep(1500);
  const kill = await measure(stores, async () => {
    await server.kill();
    server = await startServer(env);
    return Date.now();
  });
  runs.push({ scenario: 'kill', ...kill, load: machineLoad() });
  await sleep(1500);
  const drain = await measure(stores, async () => {
    await server.stop();
    server = await startServer(env);
    return Date.now();
  });
  runs.push({ scenario: 'drain', ...drain, load: machineLoad() });
  await sleep(1500);
}
await server.stop();
relay.close();
fs.rmSync(dataDir, { recursive: true, force: true });

const table = ['drop', 'kill', 'drain'].map((scenario) => {
  const mine = runs.filter((run) => run.scenario === scenario);
  const from = mine.flatMap((run) => run.fromEventMs as number[]);
  const listening = mine.flatMap((run) => (run.fromListeningMs as number[] | null) ?? []);
  return {
    scenario,
    pages: from.length,
    sameSeat: mine.reduce((n, run) => n + (run.sameSeat as number), 0),
    p50Ms: percentile(from, 50),
    maxMs: Math.max(...from),
    afterListeningP50Ms: listening.length ? percentile(listening, 50) : null,
    afterListeningMaxMs: listening.length ? Math.max(...listening) : null,
  };
});
console.table(table);
const load = machineLoad();
console.log(load.uptime);
fs.writeFileSync(
  REPORT,
  `${JSON.stringify({ at: new Date().toISOString(), pages: pageCount, repeats, table, runs, load }, null, 2)}\n`,
);
process.exit(0);
