/**
 * `npm run bench:crowd`: a crowd of scripted visitors in one venue, measured from outside.
 *
 *   node scripts/bench/crowd.ts [--url http://host:port] [--pid N] [--cluster N] [--room-size 100]
 *     [--label one-process] [--sizes 100,300] [--headsets 0.3] [--reactions 0.2] [--seconds 15]
 *
 * Without --url it starts the real server (`node server/index.ts`) as a child process with every
 * visitor in one room; with --url it measures whatever answers there (a cluster behind a proxy, say)
 * and reports server CPU and memory only if --pid names the process. With --cluster N it starts the
 * local cluster (`npm run cluster`'s: Redis, PostgreSQL, N processes, the proxy) with shards of
 * --room-size visitors, and sums CPU and memory over the N processes. For each crowd size: patches a
 * second and payload bytes a second each visitor's socket received, pose latency (a visitor's pose
 * sent → seen by another, p50/p99), server CPU-ms per visitor-second and RSS per visitor, each with
 * the machine's load. Writes reports/bench-crowd.json (or --out).
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { percentile } from './checkout/measure.ts';
import { machineLoad, processCpuMs, rssMb } from './checkout/procStats.ts';
import { startServer } from './checkout/serverProcess.ts';
import { startCrowd } from './crowd/visitors.ts';
import { startLocalCluster } from '../cluster/localCluster.ts';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    pid: { type: 'string' },
    cluster: { type: 'string' },
    'room-size': { type: 'string' },
    label: { type: 'string', default: 'one process' },
    sizes: { type: 'string', default: '100,300' },
    headsets: { type: 'string', default: '0.3' },
    reactions: { type: 'string', default: '0.2' },
    chat: { type: 'string', default: '0.1' },
    seconds: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '5' },
    observers: { type: 'string', default: '10' },
    'server-dir': { type: 'string' },
    out: { type: 'string', default: 'reports/bench-crowd.json' },
  },
});

const sizes = values.sizes.split(',').map(Number);
const seconds = Number(values.seconds);
const crowdOptions = {
  headsetShare: Number(values.headsets),
  reactionsPerSecond: Number(values.reactions),
  chatShare: Number(values.chat),
  chatEveryMs: 5000,
  observers: Number(values.observers),
};
const cluster = values.cluster
  ? await startLocalCluster({
      processes: Number(values.cluster),
      env: {
        MAX_CLIENTS_PER_ROOM: values['room-size'] ?? '100',
        SESSION_RATE_PER_MINUTE: '10000000',
        API_RATE_PER_MINUTE: '10000000',
        LOG_LEVEL: 'warn',
      },
    })
  : undefined;
const server =
  values.url || cluster
    ? undefined
    : await startServer(
        // NOTE: every visitor in one room unless --room-size says otherwise (shards of that size).
        { MAX_CLIENTS_PER_ROOM: values['room-size'] ?? String(Math.max(...sizes) + 10) },
        [],
        values['server-dir'],
      );
const baseUrl = values.url ?? cluster?.url ?? server?.baseUrl ?? '';
const pids = cluster
  ? cluster.processes.map((p) => p.pid)
  : [values.pid ? Number(values.pid) : server?.pid].filter((p) => p !== undefined);
const pid = pids.length > 0 ? pids : undefined;
/** CPU and RSS summed over the server processes measured. */
const cpuOf = (all: number[]) => ({ total: all.reduce((sum, p) => sum + processCpuMs(p).total, 0) });
const rssOf = (all: number[]) => all.reduce((sum, p) => sum + rssMb(p), 0);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

const results: Array<{ visitors: number; serverRssMb?: number }> = [];
const idleRss = pid ? rssOf(pid) : undefined;
const marginalRss = (rss: number | undefined, size: number) => {
  const last = results.at(-1);
  const base = last?.serverRssMb ?? idleRss;
  return rss === undefined || base === undefined ? undefined : round((rss - base) / (size - (last?.visitors ?? 0)), 3);
};
try {
  for (const size of sizes) {
    const crowd = await startCrowd(baseUrl, size, crowdOptions);
    await sleep(Number(values.warmup) * 1000);
    const bytes0 = crowd.visitors.map((v) => v.bytes);
    const patches0 = crowd.visitors.map((v) => v.patches);
    const cpu0 = pid ? cpuOf(pid) : undefined;
    const t0 = performance.timeOrigin + performance.now();
    await sleep(seconds * 1000);
    const t1 = performance.timeOrigin + performance.now();
    const cpu1 = pid ? cpuOf(pid) : undefined;
    const wallS = (t1 - t0) / 1000;
    const perVisitor = crowd.visitors.map((v, i) => ({
      headset: v.headset,
      bytesPerSecond: (v.bytes - (bytes0[i] ?? 0)) / wallS,
      patchesPerSecond: (v.patches - (patches0[i] ?? 0)) / wallS,
    }));
    const bps = perVisitor.map((v) => v.bytesPerSecond);
    const latencies = crowd.latencies.filter(([at]) => at >= t0 && at < t1).map(([, ms]) => ms);
    const rssAfter = pid ? rssOf(pid) : undefined;
    const figures = {
      visitors: size,
      headsets: perVisitor.filter((v) => v.headset).length,
      patchesPerSecond: round(perVisitor.reduce((s, v) => s + v.patchesPerSecond, 0) / size),
      // NOTE: when the load generator cannot keep up it reads fewer patches, and bytes/s fall with them;
      // bytes per patch × 20 says what a visitor keeping up would receive.
      bytesPerPatch: Math.round(
        bps.reduce((s, b) => s + b, 0) /
          Math.max(
            1,
            perVisitor.reduce((s, v) => s + v.patchesPerSecond, 0),
          ),
      ),
      bytesPerSecondPerVisitor: {
        mean: Math.round(bps.reduce((s, b) => s + b, 0) / size),
        p50: percentile(bps, 50),
        max: Math.round(Math.max(...bps)),
      },
      poseLatencyMs: { p50: percentile(latencies, 50), p99: percentile(latencies, 99), samples: latencies.length },
      ...(cpu0 && cpu1
        ? {
            serverCpuPercent: Math.round(((cpu1.total - cpu0.total) / (t1 - t0)) * 100),
            serverCpuMsPerVisitorSecond: round((cpu1.total - cpu0.total) / (size * wallS), 3),
            serverRssMb: rssAfter,
            // NOTE: RSS right after start is inflated by start-up garbage, so per visitor is the growth
            // from the previous crowd size (or from idle, for the first).
            rssMbPerVisitor: marginalRss(rssAfter, size),
          }
        : {}),
      ...machineLoad(),
    };
    console.log(JSON.stringify(figures));
    results.push(figures);
    await crowd.stop();
    await sleep(2000);
  }
} finally {
  await server?.stop();
  await cluster?.stop();
}

const report = {
  bench: 'crowd',
  label: values.label,
  at: new Date().toISOString(),
  url:
    values.url ??
    (cluster
      ? `the local cluster: ${values.cluster} processes behind the proxy, shards of ${values['room-size'] ?? '100'}`
      : 'a child server process, every visitor in one room'),
  crowd: crowdOptions,
  windowSeconds: seconds,
  note: 'bytes are WebSocket payload bytes each visitor socket received (frame headers not counted); CPU is the server processes (all threads, summed); 100 % = one core',
  results,
};
// The operator's view: one row a crowd size.
console.table(
  results.map((r) => {
    const f = r as typeof r & {
      patchesPerSecond: number;
      bytesPerSecondPerVisitor: { mean: number; max: number };
      poseLatencyMs: { p99: number };
      serverCpuMsPerVisitorSecond?: number;
      rssMbPerVisitor?: number;
      load1: number;
    };
    return {
      visitors: f.visitors,
      'patches/s': f.patchesPerSecond,
      'B/s per visitor (mean)': f.bytesPerSecondPerVisitor.mean,
      'B/s per visitor (max)': f.bytesPerSecondPerVisitor.max,
      'pose p99 ms': f.poseLatencyMs.p99,
      'CPU-ms / visitor-s': f.serverCpuMsPerVisitorSecond,
      'RSS MB / visitor': f.rssMbPerVisitor,
      load: f.load1,
    };
  }),
);
fs.mkdirSync('reports', { recursive: true });
fs.writeFileSync(values.out, `${JSON.stringify(report, null, 2)}\n`);
console.log(`wrote ${values.out}`);
process.exit(0);
