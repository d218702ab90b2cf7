import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisGate } from '../../../../server/cluster/redisGate.ts';
import { type RedisServer, startRedisServer } from '../../../../scripts/cluster/redisServer.ts';

let server: RedisServer;
let redis: Redis;
beforeAll(async () => {
  server = await startRedisServer();
  redis = new Redis(server.url);
});
afterAll(async () => {
  redis?.disconnect();
  await server?.stop();
});

describe('the drop gate on Redis', () => {
  it('takes one entry per visitor while the window is open, and none before it opens or after it closes', async () => {
    const gate = createRedisGate(redis);
    expect(await gate.enter('rules', 'ann', 0)).toBe('closed');
    await gate.open('rules', 1_000, []);
    expect(await gate.enter('rules', 'ann', 10)).toBe('entered');
    expect(await gate.enter('rules', 'ann', 20)).toBe('duplicate');
    expect(await gate.enter('rules', 'bob', 999)).toBe('entered');
    expect(await gate.enter('rules', 'cy', 1_000)).toBe('closed');
    expect(await gate.count('rules')).toBe(2);
    await gate.close('rules');
    expect(await gate.enter('rules', 'dee', 500)).toBe('closed');
    expect(await gate.has('rules', 'bob')).toBe(true);
    expect(await gate.has('rules', 'dee')).toBe(false);
  });

  it('keeps accepted entries until they are persisted, oldest first', async () => {
    const gate = createRedisGate(redis);
    await gate.open('batches', 1_000, []);
    for (const [i, v] of ['a', 'b', 'c'].entries()) await gate.enter('batches', v, i);
    expect(await gate.batch('batches', 2)).toEqual([
      { visitorId: 'a', enteredAt: 0 },
      { visitorId: 'b', enteredAt: 1 },
    ]);
    await gate.persisted('batches', 2);
    expect(await gate.batch('batches', 2)).toEqual([{ visitorId: 'c', enteredAt: 2 }]);
    expect(await gate.pending('batches')).toBe(1);
  });

  it("outlives the process that took the entries: another process's gate sees them, entrants and pending alike", async () => {
    const other = new Redis(server.url);
    try {
      await createRedisGate(redis).open('crash', 1_000, ['persisted-before']);
      for (const v of ['x', 'y']) await createRedisGate(redis).enter('crash', v, 5);
      // The owner dies here; the next owner's gate, on its own connection:
      const next = createRedisGate(other);
      expect((await next.entrants('crash')).sort()).toEqual(['persisted-before', 'x', 'y']);
      expect(await next.batch('crash', 10)).toEqual([
        { visitorId: 'x', enteredAt: 5 },
        { visitorId: 'y', enteredAt: 5 },
      ]);
      // Reopened after the restart (with what the database has), a second entry is still refused.
      await next.open('crash', 1_000, ['persisted-before', 'x']);
      expect(await next.enter('crash', 'y', 6)).toBe('duplicate');
      await next.forget('crash');
      expect(await next.entrants('crash')).toEqual([]);
      expect(await next.pending('crash')).toBe(0);
    } finally {
      other.disconnect();
    }
  });
});
