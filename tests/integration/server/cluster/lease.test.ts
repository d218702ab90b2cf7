import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisLease } from '../../../../server/cluster/lease.ts';
import { type RedisServer, startRedisServer } from '../../../../scripts/cluster/redisServer.ts';
import { until } from '../../support/until.ts';

let server: RedisServer;
const connections: Redis[] = [];
const connect = () => {
  const redis = new Redis(server.url, { maxRetriesPerRequest: 1 });
  connections.push(redis);
  return redis;
};
beforeAll(async () => {
  server = await startRedisServer();
});
afterAll(async () => {
  for (const c of connections) c.disconnect();
  await server?.stop();
});

describe('the venue lease', () => {
  it('has one holder among competitors; a holder that lets go hands it to the next at its next try', async () => {
    const options = { ttlMs: 600, renewMs: 100 };
    const a = await createRedisLease(connect(), 'lease:handover', 'a', options);
    const b = await createRedisLease(connect(), 'lease:handover', 'b', options);
    expect(a.held).toBe(true);
    expect(b.held).toBe(false);
    expect(b.holder).toBe('a');
    const heard: boolean[] = [];
    b.onChange((held) => heard.push(held));
    await a.close();
    await until(() => b.held, 'b takes the lease');
    expect(heard).toEqual([true]);
    expect(a.held).toBe(false);
    await b.close();
  });

  it('passes to another process when the holder dies without letting go (its lease runs out)', async () => {
    const options = { ttlMs: 600, renewMs: 100 };
    const dying = connect();
    const a = await createRedisLease(dying, 'lease:crash', 'a', options);
    const b = await createRedisLease(connect(), 'lease:crash', 'b', options);
    expect(a.held).toBe(true);
    // The holder's process dies: its connection goes and it renews no more.
    dying.disconnect();
    await until(() => b.held, 'b takes the lease after it runs out');
    // The dead holder, cut off from Redis, has stopped acting as owner too.
    await until(() => !a.held, 'a lets go once it cannot renew');
    await b.close();
    await a.close();
  });

  it('never lets a stalled former holder renew or release a lease another process took since', async () => {
    const redis = connect();
    await redis.set('lease:stale', 'b', 'PX', 5_000);
    const a = await createRedisLease(redis, 'lease:stale', 'a', { ttlMs: 600, renewMs: 100 });
    expect(a.held).toBe(false);
    await a.close();
    expect(await redis.get('lease:stale')).toBe('b');
  });
});
