import { Redis } from 'ioredis';
import { createClusterProxy } from './cluster/proxy.ts';
import { createLogger } from './ops/logger.ts';

/**
 * The cluster's front door (`node server/proxy.ts`): one port in front of every Courtside process
 * sharing `REDIS_URL` (see server/cluster/proxy.ts for the routing). `PORT` (default 2567) is where
 * visitors connect; a TLS proxy goes in front of it in production (README, Scale).
 */
const log = createLogger('info');
const redisUrl = process.env.REDIS_URL;
if (!redisUrl) {
  log.fatal('cannot start the proxy: REDIS_URL is not set (the processes announce themselves there)');
  process.exit(1);
}
const port = Number(process.env.PORT ?? 2567);
const redis = new Redis(redisUrl, { maxRetriesPerRequest: 2 });
const proxy = createClusterProxy(redis);
proxy.server.listen(port, () => log.info({ port }, `the venue's proxy is listening at http://localhost:${port}`));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void proxy.close().then(() => {
      redis.disconnect();
      process.exit(0);
    });
  });
}
