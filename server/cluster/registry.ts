import type { Redis } from 'ioredis';
import { ALIVE_TTL_MS, KEY } from './keys.ts';

/** A running process as the proxy sees it. */
export interface ProcessEntry {
  processId: string;
  url: string;
}

/**
 * Announces this process in Redis (its id and `INTERNAL_URL`) and keeps it alive, so the proxy can
 * route a WebSocket whose path names this process (`/<processId>/<roomId>`, as Colyseus's SDK builds
 * it) here. Withdrawn on `close`; a process that dies just stops refreshing and drops out within
 * `ALIVE_TTL_MS`. Returns the function that withdraws it.
 */
export async function announceProcess(redis: Redis, processId: string, url: string): Promise<() => Promise<void>> {
  const refresh = () => redis.set(KEY.alive(processId), url, 'PX', ALIVE_TTL_MS);
  await redis.hset(KEY.processes, processId, url);
  await refresh();
  const timer = setInterval(() => void refresh().catch(() => {}), ALIVE_TTL_MS / 3);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await redis.multi().del(KEY.alive(processId)).hdel(KEY.processes, processId).exec();
  };
}

/** The URL of a live process, or `undefined` when it is unknown or has stopped refreshing. */
export async function processUrl(redis: Redis, processId: string): Promise<string | undefined> {
  return (await redis.get(KEY.alive(processId))) ?? undefined;
}

/** Every live process, pruning the hash of those that died without withdrawing. */
export async function liveProcesses(redis: Redis): Promise<ProcessEntry[]> {
  const all = await redis.hgetall(KEY.processes);
  const ids = Object.keys(all);
  if (ids.length === 0) return [];
  const alive = await redis.mget(ids.map(KEY.alive));
  const live: ProcessEntry[] = [];
  for (const [i, processId] of ids.entries()) {
    const url = alive[i];
    if (url) live.push({ processId, url });
    else await redis.hdel(KEY.processes, processId);
  }
  return live;
}
