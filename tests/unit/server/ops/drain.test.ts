import { describe, expect, it } from 'vitest';
import { createDrain } from '../../../../server/ops/drain.ts';
import { DRAINING_KEY, placeAwayFromDraining } from '../../../../server/ops/drainPlacement.ts';

describe('the drain switch', () => {
  it('runs each listener once when it starts, at once for one added later, and stays on', () => {
    const drain = createDrain();
    const heard: string[] = [];
    const stop = drain.onStart(() => heard.push('a'));
    drain.onStart(() => heard.push('b'));
    stop();
    expect(drain.draining).toBe(false);
    drain.start();
    drain.start();
    expect(heard).toEqual(['b']);
    drain.onStart(() => heard.push('late'));
    expect(heard).toEqual(['b', 'late']);
    expect(drain.draining).toBe(true);
  });

  it('a listener that throws is reported and the others still run', () => {
    const errors: unknown[] = [];
    const drain = createDrain((err) => errors.push(err));
    const heard: string[] = [];
    drain.onStart(() => {
      throw new Error('boom');
    });
    drain.onStart(() => heard.push('next'));
    drain.start();
    expect(heard).toEqual(['next']);
    expect(errors).toHaveLength(1);
  });
});

describe('placing a new shard away from draining processes', () => {
  const loads = async () => [
    { processId: 'a', roomCount: 0 },
    { processId: 'b', roomCount: 3 },
    { processId: 'c', roomCount: 1 },
  ];
  const presence = (draining: string[]) => ({
    smembers: async (key: string) => (key === DRAINING_KEY ? draining : []),
  });

  it('picks the least busy process that is not draining', async () => {
    expect(await placeAwayFromDraining(presence([]), loads, () => 'self')()).toBe('a');
    expect(await placeAwayFromDraining(presence(['a']), loads, () => 'self')()).toBe('c');
  });

  it('falls back to this process when every process drains', async () => {
    expect(await placeAwayFromDraining(presence(['a', 'b', 'c']), loads, () => 'self')()).toBe('self');
  });
});
