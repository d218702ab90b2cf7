import { startLocalCluster } from './localCluster.ts';

/**
 * The benches' server on the local cluster of `processes` processes, in the shape of
 * scripts/bench/checkout/serverProcess.ts's: the proxy's URL, the pid of the venue's owner (it serves
 * the venue's API: the drop's figure), every process's pid (checkout runs in any: its figure sums
 * them), and `stop`. `env` is the bench's (its `DATABASE_URL` is used;
 * `DATA_DIR` is not: the cluster makes its own), over the same bench defaults as `startServer`.
 */
export async function startBenchCluster(processes: number, env: Record<string, string>) {
  const { DATABASE_URL: databaseUrl, DATA_DIR: _dataDir, ...rest } = env;
  const local = await startLocalCluster({
    processes,
    ...(databaseUrl ? { databaseUrl } : {}),
    env: {
      PAYMENT_DELAY_MS: '0',
      API_RATE_PER_MINUTE: '10000000',
      SESSION_RATE_PER_MINUTE: '10000000',
      LOG_LEVEL: 'warn',
      ...rest,
    },
  });
  const owner = await local.owner();
  let pid = 0;
  for (const p of local.processes) if ((await p.processId()) === owner) pid = p.pid;
  return { baseUrl: local.url, pid, pids: local.processes.map((p) => p.pid), stop: () => local.stop() };
}
