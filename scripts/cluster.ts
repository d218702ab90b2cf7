/**
 * `npm run cluster`: the venue on several processes on this machine, in one command. A throwaway
 * Redis and PostgreSQL (Debian's `redis-server` and `postgresql`), N Courtside processes sharing
 * them, and the proxy in front at http://localhost:2567 (README, Scale). Ctrl-C stops everything
 * and removes what it made.
 *
 *   node scripts/cluster.ts [--processes 3] [--port 2567]
 */
import { parseArgs } from 'node:util';
import { startLocalCluster } from './cluster/localCluster.ts';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { processes: { type: 'string', default: '3' }, port: { type: 'string', default: '2567' } },
  strict: true,
});
const processes = Number(values.processes);
const port = Number(values.port);
console.log(`cluster: starting Redis, PostgreSQL and ${processes} Courtside processes…`);
const cluster = await startLocalCluster({ processes, port, inheritLogs: true });
console.log(`cluster: the venue is open at http://localhost:${port} (${processes} processes; Redis ${cluster.redisUrl})`);
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('cluster: stopping…');
    void cluster.stop().then(() => process.exit(0));
  });
}
