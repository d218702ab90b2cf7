import { childrenCpuMs, machineLoad, processCpuMs, rssMb } from './procStats.ts';

/** The p-th percentile (0–100) of some numbers, rounded to 0.1; 0 when there are none. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round((sorted[at] ?? 0) * 10) / 10;
}

/** CPU counters at one instant: the server (all threads, main thread) and the PostgreSQL backends. */
export interface CpuSnapshot {
  at: number;
  node: number;
  nodeMain: number;
  postgres: number;
}

export function cpuSnapshot(serverPids: number | readonly number[], postmasterPid: number | undefined): CpuSnapshot {
  // NOTE: a cluster's figure is the sum over its processes (each takes checkouts).
  const node = [serverPids]
    .flat()
    .map(processCpuMs)
    .reduce((a, b) => ({ total: a.total + b.total, mainThread: a.mainThread + b.mainThread }), { total: 0, mainThread: 0 });
  return {
    at: performance.timeOrigin + performance.now(),
    node: node.total,
    nodeMain: node.mainThread,
    postgres: postmasterPid ? childrenCpuMs(postmasterPid) : 0,
  };
}

/** What the room probe saw in a window: patches per second and the pose round trip's p50/p99. */
export function roomFigures(probe: { patches: number[]; poses: [number, number][] }, from: number, to: number) {
  const patches = probe.patches.filter((t) => t >= from && t < to).length;
  const poses = probe.poses.filter(([t]) => t >= from && t < to).map(([, ms]) => ms);
  return {
    patchesPerSecond: Math.round((patches / ((to - from) / 1000)) * 10) / 10,
    poseP50Ms: percentile(poses, 50),
    poseP99Ms: percentile(poses, 99),
    poseSamples: poses.length,
  };
}

/** Per-order CPU and the server's utilisation between two snapshots. */
export function cpuFigures(start: CpuSnapshot, end: CpuSnapshot, orders: number, serverPids: number | readonly number[]) {
  const per = (ms: number) => (orders > 0 ? Math.round((ms / orders) * 100) / 100 : 0);
  const wallMs = end.at - start.at;
  return {
    nodeCpuMsPerOrder: per(end.node - start.node),
    nodeMainThreadCpuMsPerOrder: per(end.nodeMain - start.nodeMain),
    postgresCpuMsPerOrder: per(end.postgres - start.postgres),
    /** 100 % = one core busy for the whole window. */
    nodeCpuPercent: Math.round(((end.node - start.node) / wallMs) * 100),
    nodeMainThreadCpuPercent: Math.round(((end.nodeMain - start.nodeMain) / wallMs) * 100),
    postgresCpuPercent: Math.round(((end.postgres - start.postgres) / wallMs) * 100),
    serverRssMb: [serverPids].flat().reduce((sum, pid) => sum + rssMb(pid), 0),
    ...machineLoad(),
  };
}
