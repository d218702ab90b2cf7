/**
 * `npm run bench:drop`: a fair drop on the real server (`node server/index.ts` as a child process, its
 * own data dir), on PGlite and then a throwaway PostgreSQL cluster. 5,000 visitors enter during a
 * 10 s window (each at a random moment of it) for 500 units of one SKU whose stock is exactly 500;
 * every entrant then waits on `GET …/drop?waitMs=` for the draw. The window closes itself and draws.
 * Figures: entry latency, the answer latency from the draw (the window's close) to each entrant
 * holding their result (p50/p99/max), results by kind, units drawn; then every winner puts the SKU
 * in the cart and orders it (`pm_card_visa`) while 200 losers try to buy the same SKU: paid orders,
 * the drop price charged, the losers refused, the stock left (0, never below). With the machine's
 * `uptime` before each figure, since others share the machine. Writes reports/bench-drop.json.
 * `BENCH_CPU_PROF=<dir>` writes the server's CPU profile there; `BENCH_SERVER_LOG=1` prints its log.
 *
 *   node scripts/bench/drop.ts [--db pglite,postgres] [--entrants 5000] [--units 500] [--window-ms 10000] [--threads 2]
 *     [--processes N]
 *
 * `--processes N` (PostgreSQL only) runs the drop on the local cluster of N processes behind the proxy
 * (scripts/cluster/localCluster.ts); the server CPU figures are then the venue owner's, which serves it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { randomUUID } from 'node:crypto';
import { API, type Cart, IDEMPOTENCY_HEADER } from '../../shared/api.ts';
import type { DropView } from '../../shared/drop.ts';
import { orderBody } from './checkout/buyers.ts';
import { percentile } from './checkout/measure.ts';
import { startPostgresCluster, type PostgresCluster } from './checkout/postgresCluster.ts';
import { machineLoad, processCpuMs } from './checkout/procStats.ts';
import { hotCatalog, startServer } from './checkout/serverProcess.ts';
import { Worker } from 'node:worker_threads';
import type { EntrantAnswer, EntrantsJob } from './drop/entrants.ts';
import { pooled, send } from './drop/http.ts';
import { startBenchCluster } from '../cluster/benchCluster.ts';

const SKU = { productId: 'court-runner-2', colourwayId: 'black', size: '43' };
const DROP_PRICE = 9_900;
const ADMIN = 'bench-drop-admin';
const LOSERS_BUYING = 200;

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    db: { type: 'string', default: 'pglite,postgres' },
    entrants: { type: 'string', default: '5000' },
    units: { type: 'string', default: '500' },
    'window-ms': { type: 'string', default: '10000' },
    threads: { type: 'string', default: '2' },
    processes: { type: 'string', default: '1' },
  },
  strict: true,
});
const entrantCount = Number(values.entrants);
const units = Number(values.units);
const windowMs = Number(values['window-ms']);
/** Client threads the entrants are spread over. */
const THREADS = Number(values.threads);
const PROCESSES = Number(values.processes);
const REPORT = path.resolve(PROCESSES > 1 ? `reports/bench-drop-cluster-${PROCESSES}.json` : 'reports/bench-drop.json');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const auth = (token: string) => ({ authorization: `Bearer ${token}` });

async function session(baseUrl: string, i: number, adminToken?: string): Promise<string> {
  const profile = { name: `Fan ${i}`, color: '#29335c', locale: 'en', currency: 'USD', ...(adminToken ? { adminToken } : {}) };
  const res = await send(baseUrl, 'POST', API.session, profile);
  if (res.status !== 201) throw new Error(`session: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { token: string }).token;
}

/** The entrants, split over `THREADS` worker threads (scripts/bench/drop/entrants.ts); every answer. */
async function runEntrants(job: EntrantsJob & { tokens: string[] }): Promise<(EntrantAnswer & { token: string })[]> {
  const slices = Array.from({ length: THREADS }, (_, t) => job.tokens.filter((_, i) => i % THREADS === t));
  const parts = await Promise.all(
    slices.map(
      (tokens) =>
        new Promise<(EntrantAnswer & { token: string })[]>((resolve, reject) => {
          const worker = new Worker(path.resolve('scripts/bench/drop/entrants.ts'), { workerData: { ...job, tokens } });
          worker.once('message', (answers: EntrantAnswer[]) =>
            resolve(answers.map((a, i) => ({ ...a, token: tokens[i] ?? '' }))),
          );
          worker.once('error', reject);
        }),
    ),
  );
  return parts.flat();
}

async function runOnce(db: 'pglite' | 'postgres', cluster: PostgresCluster | undefined) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtside-bench-drop.'));
  const env: Record<string, string> = {
    DATA_DIR: path.join(dir, 'data'),
    CATALOG_FILE: hotCatalog(dir, `${SKU.productId}:${SKU.colourwayId}:${SKU.size}`, units),
    ADMIN_TOKEN: ADMIN,
  };
  if (cluster) env.DATABASE_URL = await cluster.createDatabase(`courtside_bench_drop_${process.pid}`);
  const prof = process.env.BENCH_CPU_PROF;
  const server =
    cluster && PROCESSES > 1
      ? await startBenchCluster(PROCESSES, env)
      : await startServer(env, prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : []);
  const base = server.baseUrl;
  try {
    const host = await session(base, -1, ADMIN);
    const tokens = await pooled(Array.from({ length: entrantCount }), 32, (_, i) => session(base, i));
    // The launch event the drop belongs to, scheduled a day ahead by the venue admin.
    const startsAt = Date.now() + 24 * 3_600_000;
    const event = {
      id: 'bench-launch',
      title: { en: 'Bench launch', 'zh-CN': '压测发布会' },
      summary: { en: 'A drop under load', 'zh-CN': '高并发抽签' },
      heroProductId: SKU.productId,
      heroColourwayId: SKU.colourwayId,
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + 3_600_000).toISOString(),
    };
    const scheduled = await send(base, 'POST', API.events, event, auth(host));
    if (scheduled.status !== 201) throw new Error(`event: ${scheduled.status} ${JSON.stringify(scheduled.body)}`);
    const dropPath = `${API.events}/bench-launch/drop`;
    const created = await send(
      base,
      'POST',
      dropPath,
      { sku: SKU, units, prices: { USD: DROP_PRICE }, entryWindowMs: windowMs, holdMs: 300_000 },
      auth(host),
    );
    if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`);
    const loadAtEntries = machineLoad();
    const opened = await send(base, 'POST', `${dropPath}/open`, {}, auth(host));
    const closesAt = (opened.body as DropView).closesAt ?? 0;
    // The server's main thread CPU from just before the close to the last answer: the draw and 5,000 answers.
    const cpuAtClose = new Promise<number>((resolve) =>
      setTimeout(() => resolve(processCpuMs(server.pid).mainThread), Math.max(0, closesAt - Date.now() - 20)),
    );
    const answers = await runEntrants({ baseUrl: base, dropPath, tokens, windowMs });
    const answeringCpuMs = processCpuMs(server.pid).mainThread - (await cpuAtClose);
    const entryMs = answers.map((a) => a.entryMs);
    const refused: Record<string, number> = {};
    for (const a of answers) if (a.entryStatus !== 201) refused[a.entryStatus] = (refused[a.entryStatus] ?? 0) + 1;
    const loadAtDraw = machineLoad();
    const answerMs = answers.map((a) => a.at - closesAt);
    const kinds: Record<string, number> = {};
    for (const a of answers) kinds[a.view.result.kind] = (kinds[a.view.result.kind] ?? 0) + 1;
    const winners = answers.filter((a) => a.view.result.kind === 'won');
    const losers = answers.filter((a) => a.view.result.kind === 'lost').slice(0, LOSERS_BUYING);

    const buy = async (token: string) => {
      const cart = await send(base, 'PUT', API.cartLines, { ...SKU, quantity: 1 }, auth(token));
      const order = await send(base, 'POST', API.orders, orderBody(cart.body as Cart, 'pm_card_visa'), {
        ...auth(token),
        [IDEMPOTENCY_HEADER]: randomUUID(),
      });
      return order;
    };
    let minStock = Number.POSITIVE_INFINITY;
    let watching = true;
    const watch = (async () => {
      while (watching) {
        const catalog = await send(base, 'GET', API.catalog);
        const stock =
          (catalog.body as { stock: Record<string, number> }).stock[`${SKU.productId}:${SKU.colourwayId}:${SKU.size}`] ?? 0;
        minStock = Math.min(minStock, stock);
        await sleep(20);
      }
    })();
    const loadAtCheckout = machineLoad();
    const checkoutStart = performance.now();
    const [won, lost] = await Promise.all([
      Promise.all(winners.map((w) => buy(w.token))),
      Promise.all(losers.map((l) => buy(l.token))),
    ]);
    const checkoutS = (performance.now() - checkoutStart) / 1000;
    watching = false;
    await watch;
    const catalog = await send(base, 'GET', API.catalog);
    const stockAfter = (catalog.body as { stock: Record<string, number> }).stock[
      `${SKU.productId}:${SKU.colourwayId}:${SKU.size}`
    ];
    const paid = won.filter((o) => o.status === 201);
    const atDropPrice = paid.filter((o) =>
      (o.body as { lines: { unitPrice: number }[] }).lines.every((l) => l.unitPrice === DROP_PRICE),
    );
    return {
      db,
      processes: cluster && PROCESSES > 1 ? PROCESSES : 1,
      entrants: entrantCount,
      units,
      windowMs,
      entriesRefused: refused,
      entryP50Ms: percentile(entryMs, 50),
      entryP99Ms: percentile(entryMs, 99),
      loadAtEntries: loadAtEntries.uptime,
      answered: answers.length,
      answerFromDrawP50Ms: percentile(answerMs, 50),
      answerFromDrawP99Ms: percentile(answerMs, 99),
      answerFromDrawMaxMs: Math.max(...answerMs),
      /** The server's side: from the draw to when it made each entrant's answer (`serverTime` in it). */
      answerMadeP50Ms: percentile(
        answers.map((a) => a.view.serverTime - closesAt),
        50,
      ),
      answerMadeP99Ms: percentile(
        answers.map((a) => a.view.serverTime - closesAt),
        99,
      ),
      /** Of which: the window's close to the draw written and published (flush, shuffle, one transaction). */
      drawMs: (answers[0]?.view.drawnAt ?? closesAt) - closesAt,
      /** From the draw committed (`drawnAt`) to each entrant holding their answer: the delivery alone. */
      answerFromCommitP50Ms: percentile(
        answers.map((a) => a.at - (a.view.drawnAt ?? closesAt)),
        50,
      ),
      answerFromCommitP99Ms: percentile(
        answers.map((a) => a.at - (a.view.drawnAt ?? closesAt)),
        99,
      ),
      /** The server's main-thread CPU from the close to the last answer (10 ms ticks), and per answer. */
      serverCpuMsCloseToLastAnswer: answeringCpuMs,
      serverCpuUsPerAnswer: Math.round((answeringCpuMs * 1000) / Math.max(1, answers.length)),
      loadAtDraw: loadAtDraw.uptime,
      results: kinds,
      reservations: winners.length,
      drawnUnits: answers[0]?.view.drawnUnits,
      winnersPaid: paid.length,
      paidAtDropPrice: atDropPrice.length,
      winnerFailures: won.filter((o) => o.status !== 201).map((o) => o.status),
      losersTried: losers.length,
      losersSold: lost.filter((o) => o.status === 201).length,
      checkoutSeconds: Math.round(checkoutS * 100) / 100,
      loadAtCheckout: loadAtCheckout.uptime,
      stockBefore: units,
      stockAfter,
      minStockSeen: minStock,
      oversold: Math.max(0, paid.length + lost.filter((o) => o.status === 201).length - units),
    };
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

type Run = Awaited<ReturnType<typeof runOnce>>;
const databases = (values.db ?? '').split(',').filter((d): d is 'pglite' | 'postgres' => d === 'pglite' || d === 'postgres');
const runs: Run[] = [];
let cluster: PostgresCluster | undefined;
try {
  for (const db of databases) {
    if (db === 'postgres') cluster = await startPostgresCluster();
    const run = await runOnce(db, db === 'postgres' ? cluster : undefined);
    console.log(JSON.stringify(run, null, 2));
    runs.push(run);
  }
} finally {
  cluster?.stop();
}
const report = {
  measuredAt: new Date().toISOString(),
  machine: { cpus: os.cpus().length, node: process.version, postgres: cluster?.version },
  runs,
};
fs.mkdirSync(path.dirname(REPORT), { recursive: true });
fs.writeFileSync(REPORT, `${JSON.stringify(report, null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), REPORT)}`);
