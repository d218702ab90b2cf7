import type { Redis } from 'ioredis';
import type { DropEntry, DropGate, EnterAnswer } from '../domain/drop/gate.ts';

const keys = (eventId: string) => ({
  /** Hash: `closesAt` (ms) and `open` ('1' while entries are taken). */
  window: `courtside:drop:${eventId}:window`,
  /** Set: every visitor who entered. */
  entered: `courtside:drop:${eventId}:entered`,
  /** List: accepted entries (JSON `DropEntry`) not yet in the database, oldest first. */
  pending: `courtside:drop:${eventId}:pending`,
});

// NOTE: one script, so "open, not yet entered → entered and queued" is atomic across processes.
const ENTER = `
local closesAt = redis.call('hget', KEYS[1], 'closesAt')
if (not closesAt) or redis.call('hget', KEYS[1], 'open') ~= '1' or tonumber(ARGV[2]) >= tonumber(closesAt) then return 'closed' end
if redis.call('sadd', KEYS[2], ARGV[1]) == 0 then return 'duplicate' end
redis.call('rpush', KEYS[3], ARGV[3])
return 'entered'`;

/**
 * The drop gate on Redis (with `REDIS_URL`): the same rules as the in-memory gate, but an accepted
 * entry lives in Redis until the database has it, so the venue's owner can die mid-window and the
 * next owner still persists and draws every entry, and any process could take entries.
 */
export function createRedisGate(redis: Redis): DropGate {
  return {
    async open(eventId, closesAt, entered) {
      const k = keys(eventId);
      const tx = redis.multi().hset(k.window, { closesAt: String(closesAt), open: '1' });
      if (entered.length > 0) tx.sadd(k.entered, ...entered);
      await tx.exec();
    },
    async enter(eventId, visitorId, now) {
      const k = keys(eventId);
      const entry: DropEntry = { visitorId, enteredAt: now };
      return (await redis.eval(
        ENTER,
        3,
        k.window,
        k.entered,
        k.pending,
        visitorId,
        String(now),
        JSON.stringify(entry),
      )) as EnterAnswer;
    },
    async batch(eventId, max) {
      const raw = await redis.lrange(keys(eventId).pending, 0, max - 1);
      return raw.map((text) => JSON.parse(text) as DropEntry);
    },
    async persisted(eventId, count) {
      await redis.ltrim(keys(eventId).pending, count, -1);
    },
    pending: (eventId) => redis.llen(keys(eventId).pending),
    async close(eventId) {
      await redis.hset(keys(eventId).window, 'open', '0');
    },
    async has(eventId, visitorId) {
      return (await redis.sismember(keys(eventId).entered, visitorId)) === 1;
    },
    count: (eventId) => redis.scard(keys(eventId).entered),
    entrants: (eventId) => redis.smembers(keys(eventId).entered),
    async forget(eventId) {
      const k = keys(eventId);
      await redis.del(k.window, k.entered, k.pending);
    },
  };
}
