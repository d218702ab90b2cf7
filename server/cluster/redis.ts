import { LocalPresence, type matchMaker, type Presence } from '@colyseus/core';
import { RedisDriver } from '@colyseus/redis-driver';
import { RedisPresence } from '@colyseus/redis-presence';
import { Redis } from 'ioredis';

/**
 * What the processes of one venue share. Without `REDIS_URL`, one process: Colyseus's in-memory
 * presence and driver, and no Redis at all. With it, Colyseus's Redis presence (pub/sub and keys
 * every channel of server/venue/channels.ts crosses processes on) and driver (the room listings the
 * matchmaker of any process seats visitors from), and one more connection of our own for the
 * process registry and the venue's lease.
 */
export interface Shared {
  presence: Presence;
  /** Colyseus's matchmaker driver; `undefined` keeps Colyseus's in-memory default. */
  driver?: matchMaker.MatchMakerDriver;
  /** Our own connection (registry, lease); `undefined` in one process. */
  redis?: Redis;
  close(): Promise<void>;
}

/** The shared parts for `redisUrl`, or one process's own when it is unset. */
export function sharedParts(redisUrl: string | undefined): Shared {
  if (!redisUrl) return { presence: new LocalPresence(), close: async () => {} };
  const presence = new RedisPresence(redisUrl);
  const driver = new RedisDriver(redisUrl);
  // NOTE: retries forever (ioredis's default backoff): a Redis restart is a pause, not a crash.
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 2 });
  return {
    presence,
    driver,
    redis,
    async close() {
      redis.disconnect();
    },
  };
}
