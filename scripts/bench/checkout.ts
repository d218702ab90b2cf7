/**
 * `npm run bench:checkout`: how fast the real server sells one hot product, and what that costs the
 * room beside it. For each database (PGlite, then a throwaway PostgreSQL cluster) and each repeat: the
 * server starts as a child process (`node server/index.ts`, its own data dir, PAYMENT_DELAY_MS=0),
 * N visitors get a session and a demo-pay card token, a probe visitor joins the arena, then every
 * buyer puts the hot SKU in the cart and orders it through the HTTP API, concurrently, for a fixed time.
 * Figures: orders/s, order latency p50/p99, CPU-ms per order (the server's threads, its main thread,
 * PostgreSQL's backends, read from /proc), the room's patches/s and pose round trip idle and under
 * load, RSS, and the machine's load average (`uptime`) with each figure, since others share the
 * machine. Results go to reports/bench-checkout.json under `--label` (so before/after sit side by side).
 *
 *   node scripts/bench/checkout.ts [--label now] [--append] [--db pglite,postgres] [--repeats 3] [--seconds 15] [--buyers 50]
 *     [--processes N]
 *
 * `--processes N` (PostgreSQL only) sells through the local cluster of N processes behind the proxy;
 * the Node CPU and RSS figures are then the sum over its processes (the proxy runs in this process and is not counted).
 *
 * `--append` adds the runs to the label's earlier ones (to interleave two versions' runs while the
 * machine's load changes).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { newBuyer, runBuyers, type Buyer } from './checkout/buyers.ts';
import { cpuFigures, cpuSnapshot, percentile, roomFigures, type CpuSnapshot } from './checkout/measure.ts';
import { startPostgresCluster, type PostgresCluster } from './checkout/postgresCluster.ts';
import { hotCatalog, startServer } from './checkout/serverProcess.ts';
import { machineLoad } from './checkout/procStats.ts';
import { startBenchCluster } from '../cluster/benchCluster.ts';

const REPORT = path.resolve('reports/bench-checkout.json');
const HOT_SKU = { productId: 'court-runner-2', colourwayId: 'black', size: '43' };
const HOT_STOCK = 100_000_000;
/** Seconds the probe measures the room before the buyers start, and the buyers' ramp-up left out of the figures. */
const IDLE_S = 3;
const WARMUP_S = 2;

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    label: { type: 'string', default: 'now' },
    append: { type: 'boolean', default: false },
    db: { type: 'string', default: 'pglite,postgres' },
    repeats: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '15' },
    buyers: { type: 'string', default: '50' },
    processes: { type: 'string', default: '1' },
  },
  strict: true,
});
const databases = (values.db ?? '').split(',').filter((d): d is 'pglite' | 'postgres' => d === 'pglite' || d === 'postgres');
const repeats = Number(values.repeats);
const seconds = Number(values.seconds);
const buyerCount = Number(values.buyers);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const now = () => performance.timeOrigin + performance.now();

/** The room probe (scripts/bench/checkout/roomProbe.ts) in its own process; resolves to what it saw. */
function startProbe(baseUrl: string, durationMs: number) {
  const child = spawn(process.execPath, [path.resolve('scripts/bench/checkout/roomProbe.ts'), baseUrl, String(durationMs)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString();
  });
  return new Promise<{ patches: number[]; poses: [number, number][] }>((resolve, reject) =>
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`room probe exited ${code}`)))),
  );
}

async function makeBuyers(baseUrl: string): Promise<Buyer[]> {
  const buyers: Buyer[] = [];
  for (let i = 0; i < buyerCount; i += 10) {
    const batch = Array.from({ length: Math.min(10, buyerCount - i) }, (_, j) => newBuyer(baseUrl, i + j));
    buyers.push(...(await Promise.all(batch)));
  }
  return buyers;
}

/** One repeat on one database: a fresh server and data dir (or database), buyers, probe, figures. */
async function runOnce(db: 'pglite' | 'postgres', repeat: number, cluster: PostgresCluster | undefined) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtside-bench-checkout.'));
  const env: Record<string, string> = {
    DATA_DIR: path.join(dir, 'data'),
    CATALOG_FILE: hotCatalog(dir, `${HOT_SKU.productId}:${HOT_SKU.colourwayId}:${HOT_SKU.size}`, HOT_STOCK),
  };
  if (cluster) env.DATABASE_URL = await cluster.createDatabase(`courtside_bench_${process.pid}_${repeat}`);
  const processes = Number(values.processes);
  const server = cluster && processes > 1 ? await startBenchCluster(processes, env) : await startServer(env);
  try {
    const serverPids = 'pids' in server ? server.pids : server.pid;
    const buyers = await makeBuyers(server.baseUrl);
    const probe = startProbe(server.baseUrl, (IDLE_S + WARMUP_S + seconds + 2) * 1000);
    await sleep(1500); // the probe joins the room
    const idleFrom = now();
    await sleep(IDLE_S * 1000);
    const idleTo = now();
    const loadBefore = machineLoad();
    let start: CpuSnapshot | undefined;
    let end: CpuSnapshot | undefined;
    setTimeout(() => (start = cpuSnapshot(serverPids, cluster?.postmasterPid)), WARMUP_S * 1000);
    setTimeout(() => (end = cpuSnapshot(serverPids, cluster?.postmasterPid)), (WARMUP_S + seconds) * 1000);
    const load = await runBuyers(server.baseUrl, buyers, HOT_SKU, (WARMUP_S + seconds) * 1000);
    if (!start || !end) throw new Error('the CPU snapshots did not run');
    const window = load.orders.filter((o) => o.at >= (start?.at ?? 0) && o.at < (end?.at ?? 0));
    const windowS = (end.at - start.at) / 1000;
    const room = await probe;
    return {
      db,
      repeat,
      buyers: buyerCount,
      seconds: Math.round(windowS * 10) / 10,
      ordersPerSecond: Math.round(window.length / windowS),
      orderP50Ms: percentile(
        window.map((o) => o.ms),
        50,
      ),
      orderP99Ms: percentile(
        window.map((o) => o.ms),
        99,
      ),
      cartPutP50Ms: percentile(load.cartMs, 50),
      failures: load.failures,
      ...cpuFigures(start, end, window.length, serverPids),
      loadBefore: loadBefore.uptime,
      roomIdle: roomFigures(room, idleFrom, idleTo),
      roomUnderLoad: roomFigures(room, start.at, end.at),
    };
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

type Run = Awaited<ReturnType<typeof runOnce>>;

function printRun(r: Run): void {
  console.log(
    `${r.db.padEnd(8)} #${r.repeat}  ${String(r.ordersPerSecond).padStart(5)} orders/s  p50 ${r.orderP50Ms} ms  p99 ${r.orderP99Ms} ms  ` +
      `node ${r.nodeCpuMsPerOrder} ms/order (main ${r.nodeMainThreadCpuMsPerOrder}, ${r.nodeCpuPercent} %)  pg ${r.postgresCpuMsPerOrder} ms/order  ` +
      `room ${r.roomIdle.patchesPerSecond}→${r.roomUnderLoad.patchesPerSecond} patches/s, pose p99 ${r.roomIdle.poseP99Ms}→${r.roomUnderLoad.poseP99Ms} ms  ` +
      `rss ${r.serverRssMb} MB  load ${r.load1}  ${Object.keys(r.failures).length ? JSON.stringify(r.failures) : ''}`,
  );
}

const runs: Run[] = [];
let cluster: PostgresCluster | undefined;
try {
  for (const db of databases) {
    if (db === 'postgres') cluster = await startPostgresCluster();
    for (let repeat = 1; repeat <= repeats; repeat++) {
      const run = await runOnce(db, repeat, db === 'postgres' ? cluster : undefined);
      printRun(run);
      runs.push(run);
    }
  }
} finally {
  cluster?.stop();
}

const report = fs.existsSync(REPORT)
  ? (JSON.parse(fs.readFileSync(REPORT, 'utf8')) as Record<string, { runs?: Run[]; [field: string]: unknown }>)
  : {};
const label = values.label ?? 'now';
const earlier = values.append ? (report[label]?.runs ?? []) : [];
report[label] = {
  measuredAt: new Date().toISOString(),
  machine: { cpus: os.cpus().length, node: process.version, postgres: cluster?.version },
  settings: {
    buyers: buyerCount,
    seconds,
    repeats,
    idleSeconds: IDLE_S,
    warmupSeconds: WARMUP_S,
    paymentDelayMs: 0,
    hotSku: HOT_SKU,
  },
  runs: [...earlier, ...runs],
};
fs.mkdirSync(path.dirname(REPORT), { recursive: true });
fs.writeFileSync(REPORT, `${JSON.stringify(report, null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), REPORT)} (${label})`);
